/**
 * One autocannon run in its own process (so the load generator never shares an event loop with
 * the server or with another load): `node scripts/bench/load.mjs '<json>'` prints the result JSON.
 *
 * Config: { url, method?, path, headers?, body?, uniqueSignUps?: true, connections, duration }.
 * `uniqueSignUps` sends `{ email: bench-<pid>-<n>@example.com, password }` with a new email and a
 * new random password per request (sign-up load). A new password each time, because zxcvbn's cost
 * depends on the password: 10–190 ms for random 20-character ones here, so one password drawn per
 * run made the mixed figures swing from run to run. `cpuMsPerRequest` is the generator's own CPU
 * time per request: it runs on the same cores as the server.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

const config = JSON.parse(process.argv[2]);
let counter = 0;
// Random, so the server's password policy (strength, breach corpus, context words) accepts it.
const signUpPassword = () => `${randomBytes(12).toString('base64url')}-Qz7`;
const request = { method: config.method ?? 'GET', path: config.path, headers: config.headers ?? {} };
if (config.body !== undefined) request.body = JSON.stringify(config.body);
if (config.uniqueSignUps) {
  request.setupRequest = (req) => ({
    ...req,
    body: JSON.stringify({ email: `bench-${process.pid}-${counter++}@example.com`, password: signUpPassword() }),
  });
}

const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url: config.url,
  connections: config.connections,
  duration: config.duration,
  requests: [request],
});
// The load generator shares this machine's cores with the server: its CPU time is part of the picture.
const cpu = process.cpuUsage(cpuBefore);
const statusCodes = {};
for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count.count;
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests.total),
  }),
);
