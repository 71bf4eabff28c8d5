/** @module Styles of `<foyer-step-studio>` beyond the shared step styles. */
import { css } from 'lit';

export const stepStudioStyles = css`
  .amenities {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.5rem;
  }
`;
