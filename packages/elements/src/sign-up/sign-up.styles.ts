/** @module Styles of `<foyer-sign-up>` beyond the shared form styles (none yet; the hook for theming it alone). */
import { css } from 'lit';

export const signUpStyles = css``;
