/** @module Styles of `<foyer-sign-in>` beyond the shared form styles (none yet; the hook for theming it alone). */
import { css } from 'lit';

export const signInStyles = css``;
