/** @module Styles of `<foyer-verify-email>` (on top of the shared Foyer styles). */
import { css } from 'lit';

export const verifyEmailStyles = css`
  [part~='input'] {
    max-width: 12rem;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.2em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
`;
