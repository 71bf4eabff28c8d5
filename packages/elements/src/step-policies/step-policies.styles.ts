/** @module Styles of `<foyer-step-policies>` beyond the shared step styles. */
import { css } from 'lit';

export const stepPoliciesStyles = css`
  .choice-text {
    display: grid;
  }
`;
