/** @module Styles of `<foyer-step-roles>` beyond the shared step styles. */
import { css } from 'lit';

export const stepRolesStyles = css``;
