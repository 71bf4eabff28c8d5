#!/usr/bin/env node
/**
 * `npm run bench`: one table, measured in one run on this machine (about a minute and a half).
 *  (a) bundle sizes, min+gzip: dist/foyer.js (the autoloader) with the chunks it imports statically,
 *      against the 30 KB budget; beside it, a page with <foyer-auth> (the loader and everything it
 *      fetches before the widget renders); each lazy chunk; and <foyer-sign-in> alone with its
 *      dependencies (its own rollup bundle). `node scripts/bench.mjs --sizes-only` stops there;
 *  (b) HTTP throughput with autocannon, each load in its own process, against the real server on a
 *      temporary SQLite database (rate limits lifted: scripts/bench/foyer-server.mjs), each figure beside its ceiling measured in the same run:
 *      GET /auth/session vs a bare Hono route on the same stack; POST /auth/sign-in vs the raw
 *      argon2id verify rate; session checks while sign-ups run, vs the session rate alone; sign-in
 *      with a wrong password (every try hashed) and against a locked identity (423, no hashing);
 *      where a sign-in's CPU goes (server threads and load generator, from /proc), and a bench-only
 *      sign-in without its security steps, the most any password sign-in reaches on this machine.
 * Budgets are printed beside the figures, not asserted. Not part of `npm test`.
 *
 * BENCH_SECONDS (default 5) sets the length of each measurement.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { browserPlugins } from '../rollup.config.mjs';
import { bundleReport, INITIAL_BUDGET_BYTES, kb, measureAlone } from './lib/bundle-size.mjs';
import { runCommand } from './lib/run-command.mjs';
import { startServerProcess } from './lib/server-process.mjs';
import { cpuSince, threadCpu } from './lib/thread-cpu.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SESSION_CONNECTIONS = 20;
const HASHING_CONNECTIONS = 10;
// V8 optimizes the sign-in route's code over the first few thousand sign-ins: after 3 s of
// warm-up its helper threads still spent 0.4 ms per sign-in compiling, after 15 s 0.1 ms.
const HASHING_WARM_UP_SECONDS = 15;

const rows = [];
let sessionSoloRate = 1;
const row = (what, value, extra = {}) => rows.push({ what, value, ...extra });
const rate = (n) => `${Math.round(n).toLocaleString('en-US')}/s`;
const ms = (n) => `${n} ms`;
const pct = (a, b) => `${Math.round((a / b) * 100)} %`;
const mark = (ok) => (ok ? 'ok' : 'MISSED');

/** Runs a node script in a child process and parses the JSON it prints. */
async function runJson(script, args, env = {}) {
  const { code, output } = await runCommand(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    capture: true,
    echo: false,
  });
  const json = output.slice(output.indexOf('{'));
  if (code !== 0) throw new Error(`${script} failed (${code}): ${output}`);
  return JSON.parse(json);
}

/**
 * Where the CPU of one request went, from the server's per-thread CPU time and the load
 * generator's own: on 2 cores, 2000 ms ÷ the total is the most requests a second can reach.
 */
function cpuNote(cpu, result) {
  if (!cpu || !result.total) return { total: 'n/a', note: 'per-thread CPU needs Linux /proc' };
  const per = (value) => value / result.total;
  const total = per(cpu.mainMs + cpu.otherMs) + result.cpuMsPerRequest;
  const bound = (availableParallelism() * 1000) / total;
  return {
    total: `${total.toFixed(2)} ms`,
    note: `server event loop ${per(cpu.mainMs).toFixed(2)} ms + its other threads (argon2 workers, V8 helpers) ${per(cpu.otherMs).toFixed(2)} ms + load generator ${result.cpuMsPerRequest.toFixed(2)} ms; ${availableParallelism()} cores → at most ${rate(bound)}`,
  };
}

/** autocannon in its own process. */
function load(config) {
  return runJson('scripts/bench/load.mjs', [JSON.stringify({ duration: SECONDS, ...config })]);
}

function loadNote(result) {
  const bad = result.non2xx + result.errors + result.timeouts;
  return bad ? `${bad} non-2xx/errors of ${result.total} ${JSON.stringify(result.statusCodes)}` : '';
}

async function measureSizes() {
  console.log('› sizes');
  if (!existsSync('dist/foyer.js')) {
    const build = await runCommand(process.execPath, ['scripts/build.mjs']);
    if (build.code !== 0) throw new Error('build failed');
  }
  const { initial, authPage, lazy } = bundleReport('dist/foyer.js');
  row('dist/foyer.js + static imports (initial)', kb(initial.gzip), {
    budget: `≤ ${kb(INITIAL_BUDGET_BYTES)}`,
    verdict: mark(initial.gzip <= INITIAL_BUDGET_BYTES),
    note: initial.files.map((f) => relative(root, f)).join(' + '),
  });
  // Right beside the budget: the loader alone is not what a sign-in page pays.
  row('page with <foyer-auth>: loader + everything fetched before the widget renders', kb(authPage.gzip), {
    note: `${authPage.files.length} files, fetched in parallel after foyer.js`,
  });
  for (const chunk of lazy)
    row(`  lazy ${relative(root, chunk.file)}`, kb(chunk.gzip), {
      note: chunk.inAuthPage ? 'fetched with <foyer-auth>' : 'loaded on demand',
    });
  if (lazy.length === 0) row('  lazy chunks', 'none');

  const signIn = await measureAlone({ rollup, plugins: browserPlugins() });
  row('<foyer-sign-in> alone (+ Lit, XState, zod/mini, core)', kb(signIn), {
    note: 'own rollup bundle + terser, gzip -9',
  });
}

async function signedInCookie(url) {
  const email = `bench-owner-${Date.now()}@example.com`;
  // Random, so no strength, breach or context-word rule of the server's password policy refuses it.
  const password = `${randomBytes(12).toString('base64url')}-Qz7`;
  const json = { 'content-type': 'application/json' };
  const signUp = await fetch(`${url}/auth/sign-up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  let code;
  for (let i = 0; i < 50 && !code; i++) {
    const outbox = await (await fetch(`${url}/dev/outbox.json`)).json();
    const mails = Array.isArray(outbox) ? outbox : (outbox.messages ?? []);
    code = mails.find((mail) => String(mail.to).includes(email))?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!code) throw new Error('no verification code in /dev/outbox.json');
  const verify = await fetch(`${url}/auth/verify-email`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, code }),
  });
  if (verify.status !== 200) throw new Error(`verify-email: ${verify.status} ${await verify.text()}`);
  const cookie = verify.headers.getSetCookie().find((c) => c.startsWith('foyer_session='));
  if (!cookie) throw new Error('no foyer_session cookie');
  return { cookie: cookie.split(';')[0], email, password };
}

async function measureHttp() {
  console.log(`› bare Hono ceiling (${SECONDS} s)`);
  const bare = await startServerProcess({
    script: 'scripts/bench/bare-hono.mjs',
    readyPath: '/bare',
    name: 'bare-hono',
  });
  let bareResult;
  try {
    await load({ url: bare.url, path: '/bare', connections: SESSION_CONNECTIONS, duration: 1 }); // warm-up
    bareResult = await load({ url: bare.url, path: '/bare', connections: SESSION_CONNECTIONS });
  } finally {
    await bare.stop();
  }

  console.log('› Foyer server on SQLite');
  // server/dist via scripts/bench/foyer-server.mjs: main.ts's stack with the rate limits lifted.
  const server = await startServerProcess({ script: 'scripts/bench/foyer-server.mjs', name: 'foyer' });
  try {
    const { cookie, email, password } = await signedInCookie(server.url);
    const session = { url: server.url, path: '/auth/session', headers: { cookie }, connections: SESSION_CONNECTIONS };

    console.log(`› GET /auth/bench-empty: Foyer's middleware, no work (${SECONDS} s)`);
    const emptyRoute = { ...session, path: '/auth/bench-empty' };
    await load({ ...emptyRoute, duration: 1 }); // warm-up
    const empty = await load(emptyRoute);

    console.log(`› GET /auth/session (${SECONDS} s)`);
    await load({ ...session, duration: 1 }); // warm-up
    const sessionSolo = await load(session);
    sessionSoloRate = sessionSolo.requestsPerSecond;

    // The sign-in ceiling: the library's best on this machine, one libuv thread per core (its
    // default of 4 threads on 2 cores is slower), measured right before and right after the
    // sign-ins and averaged, so the machine's drift between runs does not skew the ratio.
    const libraryRate = () =>
      runJson('scripts/bench/argon2-verify.mjs', [String(HASHING_CONNECTIONS), String(SECONDS), 'library'], {
        UV_THREADPOOL_SIZE: String(availableParallelism()),
      });
    console.log(`› argon2id verify, library only, ${HASHING_CONNECTIONS} in flight (${SECONDS} s)`);
    const libraryBefore = await libraryRate();

    console.log(`› POST /auth/sign-in (${SECONDS} s, after ${HASHING_WARM_UP_SECONDS} s of warm-up)`);
    const signInLoad = {
      url: server.url,
      method: 'POST',
      path: '/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      body: { email, password },
      connections: HASHING_CONNECTIONS,
    };
    // At ~200 sign-ins a second, V8 needs seconds to optimize the route's code, as it has long
    // done on a server in service; the session check's 1 s warm-up is thousands of requests.
    await load({ ...signInLoad, duration: HASHING_WARM_UP_SECONDS });
    const cpuBefore = threadCpu(server.child.pid);
    const signIn = await load(signInLoad);
    const signInCpu = cpuSince(cpuBefore, threadCpu(server.child.pid));

    console.log(`› POST /auth/bench-lean-sign-in: lookup, verify, session; no security steps (${SECONDS} s)`);
    const leanLoad = { ...signInLoad, path: '/auth/bench-lean-sign-in' };
    await load({ ...leanLoad, duration: 3 }); // warm-up: little code to optimize
    const leanCpuBefore = threadCpu(server.child.pid);
    const lean = await load(leanLoad);
    const leanCpu = cpuSince(leanCpuBefore, threadCpu(server.child.pid));

    console.log(`› POST /auth/sign-in, wrong password (${SECONDS} s)`);
    const wrongPassword = await load({
      url: server.url,
      method: 'POST',
      path: '/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      body: { email, password: `${password}-wrong` },
      connections: HASHING_CONNECTIONS,
    });

    console.log(`› argon2id verify, ${HASHING_CONNECTIONS} in flight (${SECONDS} s)`);
    const argon2 = await runJson('scripts/bench/argon2-verify.mjs', [
      String(HASHING_CONNECTIONS),
      String(SECONDS),
      'server',
    ]);
    console.log(`› argon2id verify, library only, again (${SECONDS} s)`);
    const libraryAfter = await libraryRate();
    const argon2Library = {
      verifiesPerSecond: (libraryBefore.verifiesPerSecond + libraryAfter.verifiesPerSecond) / 2,
      runs: [libraryBefore.verifiesPerSecond, libraryAfter.verifiesPerSecond],
    };

    console.log(
      `› mixed: GET /auth/session while POST /auth/sign-up runs at ${HASHING_CONNECTIONS} connections (${SECONDS} s)`,
    );
    // Its ceiling is the solo rate right before and right after it, averaged (as for argon2 above):
    // the session check measured first, a minute earlier, is another phase of a drifting machine.
    const soloBefore = await load(session);
    const [sessionMixed, signUps] = await Promise.all([
      load(session),
      load({
        url: server.url,
        method: 'POST',
        path: '/auth/sign-up',
        headers: { 'content-type': 'application/json' },
        uniqueSignUps: true,
        connections: HASHING_CONNECTIONS,
      }),
    ]);
    const soloAfter = await load(session);
    const soloAround = (soloBefore.requestsPerSecond + soloAfter.requestsPerSecond) / 2;

    row('bare Hono GET /bare (ceiling)', rate(bareResult.requestsPerSecond), {
      p50: ms(bareResult.p50),
      p99: ms(bareResult.p99),
      note: `${SESSION_CONNECTIONS} connections ${loadNote(bareResult)}`,
    });
    row("  an empty /auth route through Foyer's middleware", rate(empty.requestsPerSecond), {
      p50: ms(empty.p50),
      p99: ms(empty.p99),
      ceiling: `${pct(empty.requestsPerSecond, bareResult.requestsPerSecond)} of bare Hono`,
      note: `what any Foyer route could reach: request id, CSRF, JSON-body checks ${loadNote(empty)}`,
    });
    row('GET /auth/session', rate(sessionSolo.requestsPerSecond), {
      p50: ms(sessionSolo.p50),
      p99: ms(sessionSolo.p99),
      ceiling: `${pct(sessionSolo.requestsPerSecond, bareResult.requestsPerSecond)} of bare Hono`,
      budget: '≥ 10,000/s',
      verdict: mark(sessionSolo.requestsPerSecond >= 10_000),
      note: loadNote(sessionSolo),
    });
    // The ceiling of a sign-in is the raw verify rate of the library on every core: the server's
    // own pool (workers at background priority, one per core) is listed beside it for reference.
    row('argon2id verify, library, all cores (ceiling)', rate(argon2Library.verifiesPerSecond), {
      note: `m=${argon2.options.memoryCost} t=${argon2.options.timeCost} p=${argon2.options.parallelism}, ${HASHING_CONNECTIONS} in flight, ${availableParallelism()} libuv threads; mean of ${argon2Library.runs.map(rate).join(' (before sign-in) and ')} (after)`,
    });
    row('argon2id verify, server worker pool', rate(argon2.verifiesPerSecond), {
      ceiling: `${pct(argon2.verifiesPerSecond, argon2Library.verifiesPerSecond)} of the library`,
      note: `verifyPassword: ${argon2.hashConcurrency} workers at background priority (their nice value: ${argon2.nice ?? 'unknown'}, scheduling policy: ${argon2.policy ?? 'unknown'})`,
    });
    row('POST /auth/sign-in', rate(signIn.requestsPerSecond), {
      p50: ms(signIn.p50),
      p99: ms(signIn.p99),
      ceiling: `${pct(signIn.requestsPerSecond, argon2Library.verifiesPerSecond)} of raw argon2`,
      budget: '≥ 90 % of raw argon2',
      verdict: mark(signIn.requestsPerSecond >= 0.9 * argon2Library.verifiesPerSecond),
      note: `${HASHING_CONNECTIONS} connections ${loadNote(signIn)}`,
    });
    const signInWhere = cpuNote(signInCpu, signIn);
    const leanWhere = cpuNote(leanCpu, lean);
    row('  CPU per sign-in', signInWhere.total, { note: signInWhere.note });
    row('  a sign-in without its security steps (ceiling)', rate(lean.requestsPerSecond), {
      p50: ms(lean.p50),
      p99: ms(lean.p99),
      ceiling: `${pct(lean.requestsPerSecond, argon2Library.verifiesPerSecond)} of raw argon2`,
      note: `bench-only route: user lookup, argon2id verify, session insert and cookie; no rate limits, lockout, risk, device, MFA or breach checks. CPU ${leanWhere.total}: ${leanWhere.note} ${loadNote(lean)}`,
    });
    row('POST /auth/sign-in, wrong password', rate(wrongPassword.requestsPerSecond), {
      p50: ms(wrongPassword.p50),
      p99: ms(wrongPassword.p99),
      ceiling: `${pct(wrongPassword.requestsPerSecond, argon2Library.verifiesPerSecond)} of raw argon2`,
      note: `${HASHING_CONNECTIONS} connections, lockout lifted: every try is hashed ${JSON.stringify(wrongPassword.statusCodes)}`,
    });
    row('GET /auth/session during sign-ups', rate(sessionMixed.requestsPerSecond), {
      p50: ms(sessionMixed.p50),
      p99: ms(sessionMixed.p99),
      ceiling: `${pct(sessionMixed.requestsPerSecond, soloAround)} of solo`,
      budget: '≥ 50 % of solo',
      verdict: mark(sessionMixed.requestsPerSecond >= 0.5 * soloAround),
      note: `solo: mean of ${rate(soloBefore.requestsPerSecond)} (right before) and ${rate(soloAfter.requestsPerSecond)} (right after) ${loadNote(sessionMixed)}`,
    });
    row('  POST /auth/sign-up (the load)', rate(signUps.requestsPerSecond), {
      p50: ms(signUps.p50),
      p99: ms(signUps.p99),
      note: `${HASHING_CONNECTIONS} connections ${loadNote(signUps)}`,
    });
  } finally {
    await server.stop();
  }

  console.log('› Foyer server with the real lockout ladder');
  const guarded = await startServerProcess({
    script: 'scripts/bench/foyer-server.mjs',
    name: 'foyer-lockout',
    env: { BENCH_LOCKOUT: 'real' },
  });
  try {
    const { email } = await signedInCookie(guarded.url);
    const wrong = {
      url: guarded.url,
      method: 'POST',
      path: '/auth/sign-in',
      headers: { 'content-type': 'application/json' },
    };
    // Wrong passwords walk the ladder for unknown devices (the load sends no device cookie): after
    // 3 a CAPTCHA is required (428), after 5 with CAPTCHAs the identity is locked (423) — either
    // way the answer comes before any hashing.
    for (let i = 0; i < 5; i += 1) {
      await fetch(`${guarded.url}/auth/sign-in`, {
        method: 'POST',
        headers: wrong.headers,
        body: JSON.stringify({ email, password: `wrong-${i}-password` }),
      });
    }
    console.log(`› POST /auth/sign-in against an identity under attack (${SECONDS} s)`);
    const locked = await load({
      ...wrong,
      body: { email, password: 'still-the-wrong-password' },
      connections: HASHING_CONNECTIONS,
    });
    row('POST /auth/sign-in, lockout ladder active', rate(locked.requestsPerSecond), {
      p50: ms(locked.p50),
      p99: ms(locked.p99),
      ceiling: `${pct(locked.requestsPerSecond, sessionSoloRate)} of GET /auth/session`,
      note: `${HASHING_CONNECTIONS} connections; 428/423 before any hashing ${JSON.stringify(locked.statusCodes)}`,
    });
  } finally {
    await guarded.stop();
  }
}

function printTable() {
  const columns = [
    ['measurement', 'what'],
    ['value', 'value'],
    ['p50', 'p50'],
    ['p99', 'p99'],
    ['vs ceiling', 'ceiling'],
    ['budget', 'budget'],
    ['', 'verdict'],
    ['notes', 'note'],
  ];
  const cells = rows.map((r) => columns.map(([, key]) => String(r[key] ?? '').trim()));
  const widths = columns.map(([title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    values
      .map((v, i) => (i === 0 || i === columns.length - 1 ? v.padEnd(widths[i]) : v.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(`\nFoyer bench — ${new Date().toISOString()} — Node ${process.version}, ${SECONDS} s per measurement`);
  console.log(line(columns.map(([title]) => title)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(line(c));
}

/** The offline breach corpus, in process: build time and the cost of one lookup (a binary search). */
async function measureBreachCorpus() {
  console.log('› offline breach corpus');
  const { loadOfflineCorpus } = await import('../server/dist/adapters/breach/offline-corpus.js');
  const corpus = await loadOfflineCorpus();
  const lookups = 200_000;
  const started = performance.now();
  for (let i = 0; i < lookups; i++) corpus.has(`candidate-${i}`);
  const micros = ((performance.now() - started) * 1000) / lookups;
  row('breach corpus lookup (offline, in process)', `${micros.toFixed(2)} µs`, {
    note: `${corpus.size.toLocaleString('en-US')} passwords, ${(corpus.bytes / 1e6).toFixed(1)} MB of 64-bit SHA-1 prefixes, built in ${Math.round(corpus.buildMs)} ms (${corpus.builtIn})`,
  });
}

// `--sizes-only`: the bundle rows alone, without the HTTP benches (seconds instead of a minute).
const sizesOnly = process.argv.includes('--sizes-only');
try {
  await measureSizes();
  if (!sizesOnly) {
    await measureHttp();
    await measureBreachCorpus();
  }
} finally {
  printTable();
}
