/**
 * The ceiling for `POST /auth/sign-in` in `npm run bench`: argon2id verifies per second through
 * the server's own `verifyPassword` (same parameters, same library, same libuv thread pool),
 * with `concurrency` verifies in flight, for `seconds`.
 * `node scripts/bench/argon2-verify.mjs <concurrency> <seconds>` prints the result JSON.
 */
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../../server/dist/security/password-hashing.js';

const concurrency = Number(process.argv[2] ?? 10);
const seconds = Number(process.argv[3] ?? 5);
const password = 'correct horse battery staple';
const passwordHash = await hashPassword(password);
await verifyPassword(passwordHash, password); // warm up

let done = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
async function worker() {
  while (performance.now() < deadline) {
    if (!(await verifyPassword(passwordHash, password))) throw new Error('verify failed');
    done += 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({ verifiesPerSecond: done / elapsed, total: done, concurrency, options: ARGON2_OPTIONS }),
);
