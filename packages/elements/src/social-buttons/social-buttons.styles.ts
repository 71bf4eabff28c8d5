/**
 * @module Styles of `<foyer-social-buttons>`, after each brand's rules: Google (Sign in with Google
 * branding guidelines: 40 px high, white #FFFFFF with a #747775 1 px border and #1F1F1F text, or dark
 * #131314 with #8E918F and #E3E3E3; Roboto Medium 14/20; 12 px padding, 10 px between the 20 px
 * logo and the text) and Apple (Human Interface Guidelines, Sign in with Apple: black with white or
 * white with black, optional outline, system font, at least 140 × 30 pt; same height as Google's
 * here).
 */
import { css } from 'lit';

export const socialButtonsStyles = css`
  :host {
    background: transparent;
  }
  [part~='base'] {
    display: grid;
    gap: 0.75rem;
  }
  [part~='provider-button'] {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 10px;
    box-sizing: border-box;
    min-width: 140px;
    width: 100%;
    height: 40px;
    padding: 0 12px;
    border-radius: 4px;
    text-decoration: none;
    cursor: pointer;
    white-space: nowrap;
    overflow: hidden;
  }
  [part~='provider-button']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='provider-logo'] {
    flex: none;
    width: 20px;
    height: 20px;
  }
  [part~='google-button'] {
    font-family: Roboto, 'Google Sans', arial, sans-serif;
    font-weight: 500;
    font-size: 14px;
    line-height: 20px;
    letter-spacing: 0.25px;
    background: #ffffff;
    color: #1f1f1f;
    border: 1px solid #747775;
  }
  [part~='google-button']:hover {
    background: #f7f8f8;
  }
  :host([variant='dark']) [part~='google-button'] {
    background: #131314;
    color: #e3e3e3;
    border-color: #8e918f;
  }
  :host([variant='dark']) [part~='google-button']:hover {
    background: #2a2a2c;
  }
  [part~='apple-button'] {
    font-family: -apple-system, BlinkMacSystemFont, 'SF Pro Text', 'Helvetica Neue', Helvetica, Arial, sans-serif;
    font-weight: 500;
    font-size: 16px;
    background: #000000;
    color: #ffffff;
    border: 1px solid #000000;
  }
  [part~='apple-button'] [part~='provider-logo'] {
    width: 16px;
    height: 19px;
    margin-top: -3px;
  }
  :host([variant='dark']) [part~='apple-button'] {
    background: #ffffff;
    color: #000000;
    border-color: #ffffff;
  }
  [part~='oidc-button'] {
    font-weight: 500;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  [part~='notice'],
  [part~='form-error'] {
    margin: 0;
  }
  [part~='form-error']:empty,
  [part~='notice']:empty {
    display: none;
  }
  [part~='form-error'] {
    color: var(--_danger);
  }
  [part~='divider'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    color: var(--_muted);
  }
  [part~='divider']::before,
  [part~='divider']::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }
`;
