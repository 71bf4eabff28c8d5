/** @module Styles of `<foyer-change-password>`. */
import { css } from 'lit';

export const changePasswordStyles = css`
  .control {
    display: flex;
    gap: 0.5rem;
  }
  .control [part~='input'] {
    flex: 1 1 auto;
    min-width: 0;
  }
  [part~='password-toggle'] {
    flex: none;
    font-weight: 500;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [part~='description'] {
    margin-bottom: var(--_space);
  }
`;
