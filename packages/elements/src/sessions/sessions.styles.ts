/** @module Styles of `<foyer-sessions>`. */
import { css } from 'lit';

export const sessionsStyles = css`
  [part~='table'] {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: var(--_space);
  }
  [part~='table'] caption {
    text-align: start;
  }
  [part~='table'] th,
  [part~='table'] td {
    padding: 0.5rem;
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--_border);
  }
  [part~='current-marker'] {
    display: inline-block;
    padding: 0.125rem 0.5rem;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_success);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }
  [part~='notice']:empty {
    display: none;
  }
  [part~='notice'] {
    margin-bottom: var(--_space);
  }
  [part~='form-error']:not(:empty) {
    margin-bottom: var(--_space);
  }
  [part~='heading']:focus {
    outline: none;
  }
`;
