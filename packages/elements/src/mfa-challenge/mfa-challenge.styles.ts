/** @module Styles of the MFA elements (on top of the shared Foyer styles). */
import { css } from 'lit';

export const mfaStyles = css`
  [part~='input'] {
    max-width: 14rem;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.15em;
  }
  .actions,
  [part~='methods'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: var(--_space);
  }
  [part~='qr-code'] {
    display: block;
    width: 12rem;
    height: 12rem;
    background: #fff;
    border-radius: var(--_radius);
  }
  [part~='secret'],
  [part~='recovery-codes'] {
    font-family: ui-monospace, monospace;
    word-break: break-all;
  }
  [part~='recovery-codes'] {
    display: grid;
    grid-template-columns: repeat(2, max-content);
    gap: 0.25rem 1.5rem;
    padding: 0;
    list-style: none;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem 0.375rem 0;
  }
`;
