/** @module Styles of `<foyer-password-meter>`. */
import { css } from 'lit';

export const passwordMeterStyles = css`
  [part~='base'] {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875em;
  }
  [part~='base']:not(:has(> :not(:empty))) {
    display: none;
  }
  [part~='meter'] {
    width: 100%;
    height: 0.5rem;
  }
  [part~='strength-label'],
  [part~='warning'] {
    margin: 0;
  }
  [part~='strength-label'] {
    font-weight: 600;
  }
  [part~='warning'] {
    color: var(--_danger);
  }
  [part~='suggestions'],
  [part~='problems'] {
    margin: 0;
    padding-inline-start: 1.25rem;
    color: var(--_muted);
  }
  [part~='problems'] {
    color: var(--_danger);
  }
`;
