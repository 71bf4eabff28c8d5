/** @module Styles of `<foyer-onboarding>` beyond the shared step styles. */
import { css } from 'lit';

export const onboardingStyles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  [part~='progress'] ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='step-indicator'] > button,
  [part~='step-indicator'] > span {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='step-indicator'] > span {
    color: var(--_muted);
    border-style: dashed;
  }
  [part~='step-indicator'] [aria-current='step'] {
    color: var(--_on-primary);
    background: var(--_primary);
    border-color: var(--_primary);
  }
  [part~='step-status'] {
    font-size: 0.8125em;
    font-weight: 500;
  }
  [part~='actions'] {
    display: flex;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  [part~='save-status'] {
    margin: 0;
    color: var(--_muted);
  }
  [part~='conflict'] {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  [part~='conflict'] p {
    margin: 0;
    font-weight: 600;
  }
  [part~='publish'] {
    display: grid;
    gap: 0.5rem;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  [part~='publish'] h2 {
    margin: 0;
    font-size: 1.125em;
  }
  [part~='publish-reasons'] {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part~='slot-step'] {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;
