/** @module Styles of `<foyer-step-availability>` beyond the shared step styles. */
import { css } from 'lit';

export const stepAvailabilityStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.5rem;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
    margin-bottom: 0.5rem;
  }
  .range [part~='field'] {
    width: 7.5rem;
  }
  [part~='preview'] ol {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part~='preview'] ul {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
`;
