/** @module The events of the Foyer elements, typed on every element and on `window`. */
import type { ErrorCode, User } from '@foyer/core';

/** Detail of `foyer-sign-in-complete` and `foyer-sign-up-complete`. */
export interface FoyerUserDetail {
  user: User;
}

/** Detail of `foyer-error`: the code and the text the element shows for it. */
export interface FoyerErrorDetail {
  code: ErrorCode;
  message: string;
}

/** Detail of `foyer-verify-email-complete`. */
export type FoyerVerifiedDetail = FoyerUserDetail;

declare global {
  interface GlobalEventHandlersEventMap {
    'foyer-sign-in-complete': CustomEvent<FoyerUserDetail>;
    'foyer-sign-up-complete': CustomEvent<FoyerUserDetail>;
    'foyer-verify-email-complete': CustomEvent<FoyerVerifiedDetail>;
    'foyer-sign-out': CustomEvent<Record<string, never>>;
    'foyer-error': CustomEvent<FoyerErrorDetail>;
  }
}
