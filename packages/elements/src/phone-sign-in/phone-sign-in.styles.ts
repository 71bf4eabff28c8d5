/** @module Styles of `<foyer-phone-sign-in>`. */
import { css } from 'lit';

export const phoneSignInStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [part~='description'] {
    margin-bottom: var(--_space);
  }
`;
