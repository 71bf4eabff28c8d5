/** @module Test helpers for phone numbers and SMS codes (read from the dev outbox) and step-up. */
import { hashToken } from '../security/tokens.js';
import { DEV_SMS_SUBJECT } from '../adapters/sms/dev-sink.js';
import type { TestServer } from './test-server.js';

/** Every SMS sent to `phone` (E.164), newest first. */
export async function smsTo(server: TestServer, phone: string): Promise<string[]> {
  return (await server.mails(phone)).filter((mail) => mail.subject === DEV_SMS_SUBJECT).map((mail) => mail.text);
}

/** The code of the newest SMS to `phone`. */
export async function latestSmsCode(server: TestServer, phone: string): Promise<string> {
  const [text] = await smsTo(server, phone);
  const code = /^(\d{6}) is your verification code/.exec(text ?? '')?.[1];
  if (!code) throw new Error(`No SMS code to ${phone}`);
  return code;
}

/** Adds and verifies `phone` on the account of `session`. */
export async function addVerifiedPhone(server: TestServer, session: string, phone: string): Promise<void> {
  const add = await server.request('/account/phone', { json: { phone }, session });
  if (add.status !== 202) throw new Error(`add phone failed: ${add.status} ${add.text}`);
  const code = await latestSmsCode(server, phone);
  const verify = await server.request('/account/phone/verify', { json: { code }, session });
  if (verify.status !== 200) throw new Error(`verify phone failed: ${verify.status} ${verify.text}`);
}

/**
 * Marks the session as freshly stepped up: through `POST /auth/step-up` with the password (a user
 * without MFA), or straight in the sessions table where that route is not mounted.
 */
export async function stepUp(server: TestServer, session: string, password: string): Promise<void> {
  const answer = await server.request('/auth/step-up', { json: { factor: 'password', password }, session });
  if (answer.status === 200 || answer.status === 204) return;
  if (answer.status !== 404) throw new Error(`step-up failed: ${answer.status} ${answer.text}`);
  await server.foyer.db
    .updateTable('sessions')
    .set({ step_up_at: server.clock.now().toISOString() })
    .where('token_hash', '=', hashToken(session))
    .execute();
}

/** A wrong 6-digit code. */
export function wrongCode(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, '0');
}
