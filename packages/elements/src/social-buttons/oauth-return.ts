/**
 * @module The flags the server's social sign-in callback puts on `return_to`
 * (`foyer_link`, `foyer_oauth_error`, `foyer_mfa`), read once and removed from the address bar.
 */
import { ERROR_CODES, type ErrorCode } from '@foyer/core';

/** What the page learned on its return from a provider. */
export interface OAuthReturn {
  /** The provider whose identity waits for a password sign-in to be linked. */
  link?: string;
  /** The sign-in failed with this code. */
  error?: ErrorCode;
  /** The first factor passed; the second factor is pending (`<foyer-mfa-challenge>` takes over). */
  mfa?: boolean;
}

let consumed: OAuthReturn | undefined;

/**
 * Reads the flags from `location` and removes `foyer_link` and `foyer_oauth_error` with
 * `history.replaceState` (so a reload does not show the message again). `foyer_mfa` stays for the
 * MFA element to read. The result is kept, so every element on the page sees the same answer.
 */
export function consumeOAuthReturn(): OAuthReturn {
  if (consumed) return consumed;
  const url = new URL(location.href);
  const result: OAuthReturn = {};
  const link = url.searchParams.get('foyer_link');
  if (link && /^[a-z][a-z0-9-]{0,31}$/.test(link)) result.link = link;
  const error = url.searchParams.get('foyer_oauth_error');
  if (error) result.error = (ERROR_CODES as readonly string[]).includes(error) ? (error as ErrorCode) : 'oauth_failed';
  if (url.searchParams.get('foyer_mfa') === '1') result.mfa = true;
  if (url.searchParams.has('foyer_link') || url.searchParams.has('foyer_oauth_error')) {
    url.searchParams.delete('foyer_link');
    url.searchParams.delete('foyer_oauth_error');
    history.replaceState(history.state, '', url.href);
  }
  consumed = result;
  return result;
}

/** Forgets the consumed flags (tests). */
export function resetOAuthReturn(): void {
  consumed = undefined;
}

/** True when the page came back with `foyer_link` (read or not yet read): the sign-in view is the one to show. */
export function isOAuthLinkPending(): boolean {
  if (consumed) return consumed.link !== undefined;
  return new URL(location.href).searchParams.has('foyer_link');
}
