/**
 * Every API answer carries `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`
 * (OWASP ASVS 4.0.3 V8.2.1, V14.4.4): the signed-in user, their sessions, their account and a
 * refusal alike, under each prefix the API answers on. Through real HTTP on SQLite: the headers do
 * not depend on the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestResponse,
  type TestServer,
} from '../../test-support/test-server.js';

const sqlite = DIALECTS.find((dialect) => dialect.name === 'sqlite')!;

function expectApiHeaders(response: TestResponse): void {
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('API answers are never cached nor sniffed', () => {
  let server: TestServer;
  let session: string;
  beforeAll(async () => {
    server = await startTestServer(sqlite);
    session = await createVerifiedUser(server, 'ada@example.com');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('on answers that name the signed-in user', async () => {
    const signIn = await server.request('/auth/sign-in', {
      json: { email: 'ada@example.com', password: GOOD_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    expectApiHeaders(signIn);
    const current = await server.request('/auth/session', { session });
    expect(current.status).toBe(200);
    expect(current.body.user.email).toBe('ada@example.com');
    expectApiHeaders(current);
    const sessions = await server.request('/auth/sessions', { session });
    expect(sessions.status).toBe(200);
    expectApiHeaders(sessions);
    const onboarding = await server.request('/onboarding', { session });
    expect(onboarding.status).toBe(200);
    expectApiHeaders(onboarding);
  });

  it('on refusals: not signed in, bad input, a wrong content type, an unknown path, no fresh step-up', async () => {
    const refusals = [
      await server.request('/auth/session'),
      await server.request('/auth/sign-in', { json: { email: 'not an email', password: '' } }),
      await server.request('/auth/sign-in', { body: '{}', headers: { 'content-type': 'text/plain' } }),
      await server.request('/auth/no-such-route'),
      await server.request('/account/payout', { method: 'PUT', json: {} }),
      await server.request('/account/payout', { method: 'PUT', json: { iban: 12 }, session }),
      await server.request('/onboarding'),
      await server.request('/profiles/me/publish', { method: 'POST', json: {} }),
    ];
    expect(refusals.map((response) => response.status)).toEqual([401, 400, 415, 404, 401, 403, 401, 401]);
    for (const response of refusals) expectApiHeaders(response);
  });

  it('on empty answers: sign-out', async () => {
    const signIn = await server.request('/auth/sign-in', {
      json: { email: 'ada@example.com', password: GOOD_PASSWORD },
    });
    const signOut = await server.request('/auth/sign-out', { method: 'POST', session: sessionTokenOf(signIn)! });
    expect(signOut.status).toBe(204);
    expectApiHeaders(signOut);
  });
});
