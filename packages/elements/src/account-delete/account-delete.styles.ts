/** @module Styles of `<foyer-account-delete>`. */
import { css } from 'lit';

export const accountDeleteStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [part~='description'],
  [part~='export-link'] {
    display: block;
    margin-bottom: var(--_space);
  }
  [part~='danger-button'] {
    background: var(--foyer-danger-color, #b3261e);
    border-color: var(--foyer-danger-color, #b3261e);
    color: #fff;
  }
`;
