/** @module Styles of `<foyer-step-profile>` beyond the shared step styles. */
import { css } from 'lit';

export const stepProfileStyles = css``;
