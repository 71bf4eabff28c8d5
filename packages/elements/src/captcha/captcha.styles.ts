/** @module Styles of `<foyer-captcha>`. */
import { css } from 'lit';

export const captchaStyles = css`
  [part~='base'] {
    display: grid;
    gap: 0.5rem;
  }
  [part~='status']:empty {
    display: none;
  }
  [part~='status'] {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  [part~='status'][data-state='solved'] {
    color: var(--_success);
  }
  [part~='status'][data-state='error'] {
    color: var(--_danger);
  }
  altcha-widget {
    --altcha-max-width: 100%;
    --altcha-border-radius: var(--_radius);
    --altcha-color-base: var(--_bg);
    --altcha-color-base-content: var(--_text);
    --altcha-color-neutral: var(--_border);
    --altcha-color-neutral-content: var(--_text);
    --altcha-color-primary: var(--_primary);
  }
`;
