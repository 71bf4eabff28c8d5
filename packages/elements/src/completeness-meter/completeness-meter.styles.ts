/** @module Styles of `<foyer-completeness-meter>` beyond the shared step styles. */
import { css } from 'lit';

export const completenessMeterStyles = css`
  [part~='track'] {
    height: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
    background: var(--_surface);
  }
  [part~='indicator'] {
    /* The element sets the width from the score (through the CSSOM: see the component). */
    width: 0;
    height: 100%;
    background: var(--_primary);
  }
  [part~='missing'] {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  [part~='value'] {
    font-weight: 650;
  }
`;
