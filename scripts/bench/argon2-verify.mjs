/**
 * The ceilings for `POST /auth/sign-in` in `npm run bench`: argon2id verifies per second with
 * `concurrency` verifies in flight, for `seconds`, either straight through the library on the
 * libuv thread pool (`library`) or through the server's own `verifyPassword` (`server`: same
 * parameters, HASH_CONCURRENCY worker threads at background priority).
 * `node scripts/bench/argon2-verify.mjs <concurrency> <seconds> <library|server>` prints JSON.
 */
import { verify } from '@node-rs/argon2';
import {
  ARGON2_OPTIONS,
  HASH_CONCURRENCY,
  hashPassword,
  passwordHasher,
  verifyPassword,
} from '../../server/dist/security/password-hashing.js';

const concurrency = Number(process.argv[2] ?? 10);
const seconds = Number(process.argv[3] ?? 5);
const mode = process.argv[4] ?? 'server';
const password = 'correct horse battery staple';
const passwordHash = await hashPassword(password);
const check = mode === 'library' ? () => verify(passwordHash, password) : () => verifyPassword(passwordHash, password);
await check(); // warm up

let done = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
async function worker() {
  while (performance.now() < deadline) {
    if (!(await check())) throw new Error('verify failed');
    done += 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({
    verifiesPerSecond: done / elapsed,
    total: done,
    concurrency,
    mode,
    hashConcurrency: mode === 'library' ? concurrency : HASH_CONCURRENCY,
    options: ARGON2_OPTIONS,
    // The nice value and scheduling policy the server's workers reported (Linux), not the configuration.
    nice: mode === 'server' ? passwordHasher().workerNice : null,
    policy: mode === 'server' ? passwordHasher().workerPolicy : null,
  }),
);
