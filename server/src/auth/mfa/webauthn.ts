/**
 * @module Passkeys (WebAuthn Level 3) with @simplewebauthn/server: registration and assertion
 * options, verification against the server's relying-party id and allowed origins, and challenges
 * kept server-side (single use, 5 minutes). A credential id that is unknown or belongs to another
 * user, a malformed response, or a failed signature are all `400 invalid_code`, never a 500.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport as AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { FoyerError } from '@foyer/core';
import {
  deleteExpiredWebauthnChallenges,
  findLiveWebauthnChallenge,
  findPasskeyByCredentialId,
  insertWebauthnChallenge,
  listPasskeyCredentialsOfUser,
  markWebauthnChallengeUsed,
  recordPasskeyUse,
} from '../../db/repositories/mfa.js';
import type { MfaFactorRow } from '../../db/tables/mfa.table.js';
import type { FoyerServerContext } from '../../server-context.js';

/** How long a challenge can be answered. */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60_000;

/** The relying party: id (the public URL's host) and the origins accepted in client data. */
export function relyingParty(ctx: FoyerServerContext): { rpID: string; rpName: string; origins: string[] } {
  const base = new URL(ctx.publicUrl);
  const rpID = ctx.mfa?.rpId ?? base.hostname;
  return { rpID, rpName: ctx.mfa?.rpName ?? 'Foyer', origins: [base.origin, ...ctx.allowedOrigins] };
}

function transportsOf(row: Pick<MfaFactorRow, 'transports'>): AuthenticatorTransportFuture[] | undefined {
  if (!row.transports) return undefined;
  try {
    return JSON.parse(row.transports) as AuthenticatorTransportFuture[];
  } catch {
    return undefined;
  }
}

async function storeChallenge(
  ctx: FoyerServerContext,
  challenge: string,
  userId: string | null,
  purpose: 'register' | 'authenticate',
): Promise<void> {
  const now = ctx.now();
  // Housekeeping: answered or stale challenges go (one indexed delete).
  await deleteExpiredWebauthnChallenges(ctx.db, now.toISOString());
  await insertWebauthnChallenge(ctx.db, {
    id: randomUUID(),
    challenge,
    user_id: userId,
    purpose,
    expires_at: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_MS).toISOString(),
    used_at: null,
  });
}

/** The challenge a response answers, read from its client data; `invalid_code` when unreadable. */
function challengeOf(response: { response: { clientDataJSON: string } }): string {
  try {
    const clientData = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    if (
      typeof clientData.challenge === 'string' &&
      clientData.challenge.length > 0 &&
      clientData.challenge.length <= 256
    )
      return clientData.challenge;
  } catch {
    // fall through
  }
  throw new FoyerError('invalid_code', { message: 'The passkey answer could not be read.' });
}

/**
 * Spends a challenge (single use, also against a parallel request); answers whom it was issued
 * for (`null` for a discoverable sign-in).
 */
async function consumeChallenge(
  ctx: FoyerServerContext,
  challenge: string,
  purpose: 'register' | 'authenticate',
): Promise<{ userId: string | null }> {
  const nowIso = ctx.now().toISOString();
  const row = await findLiveWebauthnChallenge(ctx.db, challenge, purpose, nowIso);
  if (!row) throw new FoyerError('invalid_code', { message: 'This passkey request has expired. Try again.' });
  if (!(await markWebauthnChallengeUsed(ctx.db, row.id, nowIso)))
    throw new FoyerError('invalid_code', { message: 'This passkey request has expired. Try again.' });
  return { userId: row.user_id };
}

/** Creation options for a new passkey of `user` (excludes the passkeys it already has). */
export async function passkeyRegistrationOptions(
  ctx: FoyerServerContext,
  c: Context,
  user: { id: string; email: string },
) {
  const { rpID, rpName } = relyingParty(ctx);
  const existing = await listPasskeyCredentialsOfUser(ctx.db, user.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.flatMap((row) => {
      const transports = transportsOf(row);
      return row.credential_id ? [{ id: row.credential_id, ...(transports ? { transports } : {}) }] : [];
    }),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await storeChallenge(ctx, options.challenge, user.id, 'register');
  return options;
}

/** Verifies a registration response for `userId`; answers the credential to store. */
export async function verifyPasskeyRegistration(
  ctx: FoyerServerContext,
  c: Context,
  userId: string,
  response: unknown,
) {
  const body = response as RegistrationResponseJSON;
  const challenge = challengeOf(body);
  const issued = await consumeChallenge(ctx, challenge, 'register');
  if (issued.userId !== userId)
    throw new FoyerError('invalid_code', { message: 'This passkey request has expired. Try again.' });
  const { rpID, origins } = relyingParty(ctx);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: body,
      expectedChallenge: challenge,
      expectedOrigin: origins,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    throw new FoyerError('invalid_code', { message: 'The passkey could not be verified.' });
  }
  if (!verification.verified || !verification.registrationInfo)
    throw new FoyerError('invalid_code', { message: 'The passkey could not be verified.' });
  const { credential } = verification.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? body.response.transports ?? [],
  };
}

/**
 * Request options for a passkey assertion. With `userId` (second factor, step-up, or a typed
 * email) the user's passkeys are listed; without, any discoverable credential may answer
 * (conditional UI). An unknown email gets discoverable options too: no enumeration.
 */
export async function passkeyAuthenticationOptions(ctx: FoyerServerContext, c: Context, userId: string | null) {
  const { rpID } = relyingParty(ctx);
  const rows = userId ? await listPasskeyCredentialsOfUser(ctx.db, userId) : [];
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: 'preferred',
    allowCredentials: rows.flatMap((row) => {
      const transports = transportsOf(row);
      return row.credential_id ? [{ id: row.credential_id, ...(transports ? { transports } : {}) }] : [];
    }),
  });
  await storeChallenge(ctx, options.challenge, userId, 'authenticate');
  return options;
}

/**
 * Verifies an assertion. `expectedUserId` (second factor, step-up) refuses another user's
 * credential. Answers the factor row; its counter and last use are updated.
 */
export async function verifyPasskeyAssertion(
  ctx: FoyerServerContext,
  c: Context,
  response: unknown,
  expectedUserId: string | null,
): Promise<MfaFactorRow> {
  const body = response as AuthenticationResponseJSON;
  const challenge = challengeOf(body);
  const issued = await consumeChallenge(ctx, challenge, 'authenticate');
  const factor = await findPasskeyByCredentialId(ctx.db, body.id);
  const refused = new FoyerError('invalid_code', { message: 'That passkey is not registered to this account.' });
  if (!factor || !factor.public_key || !factor.credential_id) throw refused;
  if (expectedUserId !== null && factor.user_id !== expectedUserId) throw refused;
  if (issued.userId !== null && issued.userId !== factor.user_id) throw refused;
  const { rpID, origins } = relyingParty(ctx);
  let verification;
  try {
    const transports = transportsOf(factor);
    verification = await verifyAuthenticationResponse({
      response: body,
      expectedChallenge: challenge,
      expectedOrigin: origins,
      expectedRPID: rpID,
      credential: {
        id: factor.credential_id,
        publicKey: new Uint8Array(Buffer.from(factor.public_key, 'base64url')),
        counter: Number(factor.sign_count ?? 0),
        ...(transports ? { transports } : {}),
      },
      requireUserVerification: false,
    });
  } catch {
    throw new FoyerError('invalid_code', { message: 'The passkey could not be verified.' });
  }
  if (!verification.verified) throw new FoyerError('invalid_code', { message: 'The passkey could not be verified.' });
  const nowIso = ctx.now().toISOString();
  await recordPasskeyUse(ctx.db, factor.id, verification.authenticationInfo.newCounter, nowIso);
  return factor;
}
