/**
 * @module A Foyer server in its own process, for multi-instance tests: `tsx foyer-process.ts`
 * with `FOYER_DB` set; prints `PORT=<n>` once listening. Counts password checks and serves the
 * count at `GET /__test/verifies` (this script only — never in the product).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createFoyerServer } from '../create-foyer-server.js';
import { countingVerifier } from './sign-in-security.js';

const verifier = countingVerifier();
const foyer = await createFoyerServer({
  db: process.env.FOYER_DB ?? ':memory:',
  logger: false,
  secret: process.env.FOYER_SECRET ?? 'multi-instance-test-secret',
  verifyPassword: verifier.verify,
  captcha: { cost: 1 },
  rateLimits: { 'sign-in': false, 'captcha-challenge': false },
});
const app = new Hono();
app.get('/__test/verifies', (c) => c.json({ verifies: verifier.count() }));
app.route('/', foyer.app);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`PORT=${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void foyer.close().then(() => process.exit(0));
});
