/** @module Test helpers for the password and device emails of the dev outbox. */
import type { TestServer } from './test-server.js';

/** The newest password-reset code and link token sent to `to`. */
export async function latestReset(server: TestServer, to: string): Promise<{ code: string; token: string }> {
  const mail = (await server.mails(to)).find((entry) => /password reset code/.test(entry.subject));
  const code = /reset code is (\d{6})/.exec(mail?.text ?? '')?.[1];
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!code || !token) throw new Error(`No reset mail to ${to}`);
  return { code, token };
}

/** Mails to `to` whose subject matches. */
export async function mailsMatching(server: TestServer, to: string, subject: RegExp): Promise<number> {
  return (await server.mails(to)).filter((entry) => subject.test(entry.subject)).length;
}

/** A 6-digit code different from `code`. */
export function wrongCode(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, '0');
}

/** Browser user agents for device tests. */
export const USER_AGENTS = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
} as const;
