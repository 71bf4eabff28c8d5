/**
 * Sign in with Apple, "Creating a client secret" (Apple Developer documentation): the client secret
 * is a JWT signed with ES256 by the team's key — header `alg: ES256`, `kid` = key id; claims `iss` =
 * team id, `sub` = client (Services) id, `aud` = https://appleid.apple.com, `iat`, and `exp` at
 * most 6 months later.
 */
import { decodeProtectedHeader, exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { APPLE_AUDIENCE, createAppleClientSecret, resolveOAuthProviders } from './providers.js';

const APPLE = { clientId: 'com.example.foyer.web', teamId: 'TEAM123456', keyId: 'KEY9876543' };
const SIX_MONTHS_S = 15_777_000;

describe('createAppleClientSecret()', () => {
  it('is an ES256 JWT by the team key with kid, iss, sub, aud, iat and a short exp', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const now = new Date('2026-11-28T10:00:00.000Z');
    const secret = await createAppleClientSecret({ ...APPLE, privateKey: await exportPKCS8(privateKey) }, now);
    expect(decodeProtectedHeader(secret)).toEqual({ alg: 'ES256', kid: APPLE.keyId });
    const { payload } = await jwtVerify(secret, publicKey, {
      algorithms: ['ES256'],
      issuer: APPLE.teamId,
      subject: APPLE.clientId,
      audience: APPLE_AUDIENCE,
      currentDate: now,
    });
    expect(payload.iat).toBe(now.getTime() / 1000);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeGreaterThan(0);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(SIX_MONTHS_S);
  });

  it('does not verify with another key, and refuses lifetimes over 6 months', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const other = await generateKeyPair('ES256');
    const pem = await exportPKCS8(privateKey);
    const secret = await createAppleClientSecret({ ...APPLE, privateKey: pem }, new Date());
    await expect(jwtVerify(secret, other.publicKey)).rejects.toThrow();
    await expect(createAppleClientSecret({ ...APPLE, privateKey: pem }, new Date(), SIX_MONTHS_S + 1)).rejects.toThrow(
      RangeError,
    );
  });
});

describe('resolveOAuthProviders()', () => {
  it('knows the Google and Apple presets and custom issuers; refuses bad ids and missing issuers', () => {
    const providers = resolveOAuthProviders(
      {
        google: { clientId: 'g', clientSecret: 's' },
        apple: { ...APPLE, privateKey: 'unused until a token request' },
        'my-idp': { issuer: 'https://idp.example.com', clientId: 'c', clientSecret: 's', responseMode: 'form_post' },
      },
      () => new Date(),
    );
    expect(providers.get('google')).toMatchObject({
      kind: 'google',
      issuer: 'https://accounts.google.com',
      responseMode: 'query',
      scope: 'openid email profile',
    });
    expect(providers.get('apple')).toMatchObject({
      kind: 'apple',
      issuer: 'https://appleid.apple.com',
      responseMode: 'form_post',
      scope: 'openid email name',
    });
    expect(providers.get('my-idp')).toMatchObject({
      kind: 'oidc',
      issuer: 'https://idp.example.com',
      responseMode: 'form_post',
    });
    expect(() =>
      resolveOAuthProviders(
        { 'Bad Id': { issuer: 'https://x.example', clientId: 'c', clientSecret: 's' } },
        () => new Date(),
      ),
    ).toThrow();
    expect(() =>
      resolveOAuthProviders({ custom: { clientId: 'c', clientSecret: 's' } as never }, () => new Date()),
    ).toThrow(/issuer/);
  });
});
