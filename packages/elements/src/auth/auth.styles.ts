/** @module Styles of `<foyer-auth>` (on top of the shared Foyer styles). */
import { css } from 'lit';

export const authStyles = css`
  [part~='switch'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin: var(--_space) 0 0;
  }
  [part~='signed-in'] {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  [part~='loading'] {
    margin: 0;
    color: var(--_muted);
  }
  foyer-sign-in,
  foyer-sign-up {
    background: transparent;
  }
`;
