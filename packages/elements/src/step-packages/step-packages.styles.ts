/** @module Styles of `<foyer-step-packages>` beyond the shared step styles. */
import { css } from 'lit';

export const stepPackagesStyles = css`
  [part~='package'] {
    background: var(--_surface);
  }
  [part~='price-band'] dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  [part~='price-band'] dd {
    margin: 0;
  }
`;
