/** @module Test helpers for MFA: TOTP codes at the test clock, enrolment, the pending cookie. */
import { Secret, TOTP } from 'otpauth';
import { GOOD_PASSWORD, type TestResponse, type TestServer } from './test-server.js';

/** The TOTP code of `secret` at `atMs` (default: the server's clock), like an authenticator app. */
export function totpCode(secret: string, atMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: atMs,
  });
}

/** `POST /auth/step-up` with the test password (accounts without MFA). */
export async function stepUpWithPassword(server: TestServer, session: string): Promise<void> {
  const answer = await server.request('/auth/step-up', {
    json: { factor: 'password', password: GOOD_PASSWORD },
    session,
  });
  if (answer.status !== 200) throw new Error(`step-up failed: ${answer.status} ${answer.text}`);
}

/** The `foyer_mfa` pending-sign-in token a response sets, if any. */
export function pendingTokenOf(response: TestResponse): string | undefined {
  for (const cookie of response.setCookies) {
    const match = /^foyer_mfa=([^;]*)/.exec(cookie);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Turns TOTP on for the signed-in session; answers the secret and the recovery codes. */
export async function enrolTotp(
  server: TestServer,
  session: string,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  // Adding a factor needs a fresh step-up: without MFA yet, the password.
  await stepUpWithPassword(server, session);
  const setup = await server.request('/auth/mfa/totp/setup', { method: 'POST', session });
  if (setup.status !== 200) throw new Error(`setup failed: ${setup.status} ${setup.text}`);
  const secret = setup.body.secret as string;
  const confirm = await server.request('/auth/mfa/totp/confirm', {
    json: { code: totpCode(secret, server.clock.now().getTime()) },
    session,
  });
  if (confirm.status !== 200) throw new Error(`confirm failed: ${confirm.status} ${confirm.text}`);
  // The confirming code's step is spent: move on so the next code is a fresh one.
  server.clock.advance(30_000);
  return { secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
}

/** `POST /auth/mfa/verify` with the pending cookie. */
export function verifyMfa(server: TestServer, pending: string | undefined, json: unknown): Promise<TestResponse> {
  return server.request('/auth/mfa/verify', { json, headers: pending ? { cookie: `foyer_mfa=${pending}` } : {} });
}
