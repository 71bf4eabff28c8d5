/**
 * The Foyer server as `npm run bench` loads it: the same `createFoyerServer()` and
 * @hono/node-server stack as server/src/main.ts (same env: PORT, DATABASE_URL, PUBLIC_URL), with
 * the abuse brakes lifted so that one load generator on one IP is not refused: every rate limit
 * raised out of reach (the counters are still kept, so their cost is measured), the risk score
 * never asking for a CAPTCHA, and the lockout ladder out of reach of 10 parallel sign-ins of one user. Without those brakes (older servers) it runs the server as is.
 * Two bench-only routes are added: GET /auth/bench-empty (the ceiling of any route) and
 * POST /auth/bench-lean-sign-in (the ceiling of any password sign-in).
 */
import { serve } from '@hono/node-server';
import { toApiUser } from '../../server/dist/auth/complete-sign-in.js';
import { startSession } from '../../server/dist/auth/sessions.js';
import { findUserByEmail } from '../../server/dist/db/repositories/users.js';
import { createFoyerServer } from '../../server/dist/index.js';
import { verifyPassword } from '../../server/dist/security/password-hashing.js';

const OUT_OF_REACH = 1_000_000_000;

async function liftedBrakes() {
  try {
    const { DEFAULT_RATE_LIMITS } = await import('../../server/dist/middleware/rate-limit/policies.js');
    const rateLimits = {};
    for (const [route, policy] of Object.entries(DEFAULT_RATE_LIMITS)) {
      rateLimits[route] = {};
      for (const [dimension, limit] of Object.entries(policy)) {
        rateLimits[route][dimension] = limit ? { ...limit, limit: OUT_OF_REACH } : limit;
      }
    }
    return {
      rateLimits,
      risk: { threshold: OUT_OF_REACH },
      // Sign-ins in flight for one identity are reserved as possible failures (parallel-guess
      // protection); 10 concurrent right-password sign-ins of one user must not trip the ladder.
      // BENCH_LOCKOUT=real keeps the real ladder, to measure answers to a locked identity.
      ...(process.env.BENCH_LOCKOUT === 'real'
        ? {}
        : { lockout: { captchaAfter: OUT_OF_REACH, lockAfter: OUT_OF_REACH } }),
    };
  } catch {
    return {};
  }
}

const port = Number(process.env.PORT ?? 8787);
const foyer = await createFoyerServer({
  db: process.env.DATABASE_URL || 'sqlite:./data/bench.db',
  publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  devRoutes: true,
  logger: false,
  ...(await liftedBrakes()),
});
// The ceiling of any Foyer route: a constant body of /auth/session's size and shape, behind every
// middleware a request to /auth/* passes (request id, CSRF, the JSON-body checks of each /auth
// sub-app). Bench-only: createFoyerServer() has no such route.
const EMPTY_ROUTE_BODY = {
  session: {
    id: '00000000-0000-4000-8000-000000000000',
    createdAt: new Date(0).toISOString(),
    expiresAt: new Date(0).toISOString(),
  },
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'bench@example.com',
    emailVerified: true,
    createdAt: new Date(0).toISOString(),
  },
};
foyer.app.get('/auth/bench-empty', (c) => c.json(EMPTY_ROUTE_BODY));
// The ceiling of any sign-in on this machine: POST /auth/sign-in stripped to what every password
// sign-in does — look the user up, verify argon2id in the same worker pool, insert a session, set
// the cookie — without its security steps (rate limits, lockout ladder, risk score, device trust,
// new-device notice, MFA and breach checks). Bench-only, like the empty route. The session starts
// through the server's own startSession(), given what it reads of the server's context (the
// session policy at createFoyerServer()'s defaults).
const DAY_MS = 24 * 60 * 60_000;
const sessionContext = {
  db: foyer.db,
  now: () => new Date(),
  secureCookies: false,
  session: { idleMs: 7 * DAY_MS, absoluteMs: 30 * DAY_MS },
};
foyer.app.post('/auth/bench-lean-sign-in', async (c) => {
  const { email, password } = await c.req.json();
  const user = await findUserByEmail(foyer.db, String(email));
  const ok = await verifyPassword(user?.password_hash ?? '', String(password));
  if (!user || !ok) return c.json({ error: { code: 'invalid_credentials', message: 'Wrong email or password.' } }, 401);
  await startSession(sessionContext, c, user.id);
  return c.json({ user: toApiUser(user) });
});
serve({ fetch: foyer.app.fetch, port }, () => console.log(`Foyer (bench) on http://localhost:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void foyer.close().finally(() => process.exit(0));
  });
}
