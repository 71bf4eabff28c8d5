/**
 * @module A Foyer server in its own process, for multi-instance tests: `tsx foyer-process.ts`
 * with `FOYER_DB` set; prints `PORT=<n>` once listening. Counts password checks and serves the
 * count at `GET /__test/verifies` (this script only — never in the product).
 */
import { Hono } from 'hono';
import { createFoyerServer } from '../create-foyer-server.js';
import { countingVerifier } from './sign-in-security.js';
import { closeHttpServer, listenFirst } from './test-server.js';

const verifier = countingVerifier();
// Listening first, so Foyer is built with its real URL as publicUrl.
const { server, url, attach } = await listenFirst();
const foyer = await createFoyerServer({
  db: process.env.FOYER_DB ?? ':memory:',
  publicUrl: url,
  logger: false,
  secret: process.env.FOYER_SECRET ?? 'multi-instance-test-secret',
  verifyPassword: verifier.verify,
  captcha: { cost: 1 },
  rateLimits: { 'sign-in': false, 'captcha-challenge': false },
});
const app = new Hono();
app.get('/__test/verifies', (c) => c.json({ verifies: verifier.count() }));
app.route('/', foyer.app);
attach(app.fetch);
console.log(`PORT=${new URL(url).port}`);
process.on('SIGTERM', () => {
  void closeHttpServer(server)
    .then(() => foyer.close())
    .then(() => process.exit(0));
});
