#!/usr/bin/env -S npx tsx
/**
 * Writes docs/api.md from the route tables of @foyer/core (every `*_ROUTES` export of
 * packages/core/src/contracts/routes.ts: `AUTH_ROUTES`, …, one section each), the zod contracts it points to (as JSON Schema, through
 * zod 4's `z.toJSONSchema`) and the error vocabulary (`ERROR_STATUS`). Runs on the TypeScript
 * sources, so it needs tsx: `npm run docs:api`. scripts/api-docs.test.ts fails when the committed
 * file differs from what this script renders.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import * as routeTables from '../packages/core/src/contracts/routes.ts';
import { errorResponseSchema } from '../packages/core/src/contracts/error.contracts.ts';
import {
  CODE_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../packages/core/src/contracts/auth.contracts.ts';
import { ERROR_MESSAGES, ERROR_STATUS } from '../packages/core/src/errors.ts';

export const API_DOCS_PATH = fileURLToPath(new URL('../docs/api.md', import.meta.url));

/** Errors every route may answer with, on top of its own list. */
const COMMON_ERRORS = ['invalid_input', 'csrf_rejected', 'internal_error'];

/**
 * JSON Schema of a zod (or zod/mini) schema, as the server sees a value once it has parsed it
 * (`io: 'output'`): emails trimmed and lower-cased, spaces and dashes removed from codes — what it
 * accepts, in the form the reader needs. Unknown request keys are dropped, not refused, so
 * `additionalProperties: false` is left out of requests. Checks JSON Schema cannot say
 * (refinements such as "8–128 code points") are listed in the route's `fields` messages instead.
 */
function jsonSchema(schema, { request = false } = {}) {
  const result = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
  delete result.$schema;
  if (request) dropClosedObjects(result);
  return result;
}

function dropClosedObjects(node) {
  if (Array.isArray(node)) return node.forEach(dropClosedObjects);
  if (node === null || typeof node !== 'object') return;
  if (node.additionalProperties === false) delete node.additionalProperties;
  Object.values(node).forEach(dropClosedObjects);
}

const fence = (value) => ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
/** Text safe inside a Markdown table cell. */
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const routeHeading = (route) => `${route.method} ${route.path}`;

/** `AUTH_ROUTES` → `Auth`, `SIGN_IN_SECURITY_ROUTES` → `Sign in security`. */
const ACRONYMS = { mfa: 'MFA', oauth: 'OAuth', api: 'API', sms: 'SMS', totp: 'TOTP' };
const sectionTitle = (exportName) => {
  const title = exportName
    .replace(/_ROUTES$/, '')
    .toLowerCase()
    .split('_')
    .map((word) => ACRONYMS[word] ?? word)
    .join(' ');
  return title[0].toUpperCase() + title.slice(1);
};

/**
 * Sections in reading order; tables not listed follow alphabetically. (An ES module namespace lists
 * its exports alphabetically, not in declaration order, so the order has to be stated.)
 */
const SECTION_ORDER = [
  'AUTH_ROUTES',
  'SECURITY_ROUTES',
  'MFA_ROUTES',
  'OAUTH_ROUTES',
  'PHONE_ROUTES',
  'ACCOUNT_ROUTES',
  'ACCOUNT_DELETION_ROUTES',
  'ONBOARDING_ROUTES',
];
const sectionRank = (name) => {
  const index = SECTION_ORDER.indexOf(name);
  return index === -1 ? SECTION_ORDER.length : index;
};

/** Every route table, in {@link SECTION_ORDER}. */
function routeSections() {
  return (
    Object.entries(routeTables)
      // Tables only: `ALL_ROUTES` (every route, flattened) is an array and has no section of its own.
      .filter(
        ([name, value]) => name.endsWith('_ROUTES') && value && typeof value === 'object' && !Array.isArray(value),
      )
      .sort(([a], [b]) => sectionRank(a) - sectionRank(b) || a.localeCompare(b))
      .map(([name, table]) => ({ title: sectionTitle(name), routes: Object.values(table) }))
  );
}

const table = (rows) => [
  '| Name | Meaning |',
  '| ---- | ------- |',
  ...Object.entries(rows).map(([name, meaning]) => `| \`${name}\` | ${cell(meaning)} |`),
];

const SESSION_NOTES = {
  sets: 'Sets the `foyer_session` cookie (a new session; any earlier one of this browser is replaced).',
  clears: 'Clears the `foyer_session` cookie and revokes its session server-side.',
};

const AUTH_NOTES = {
  public: 'Anyone may call it.',
  session:
    'Needs a signed-in session (the `foyer_session` cookie); `401 unauthenticated` without one, before anything else is checked.',
  optional: 'Works signed in or not; a session, when there is one, is used.',
};

/** The guards the server mounts this route with, in the order they run (server/src/routes/mount-route.ts). */
function guardNotes(route) {
  const notes = [AUTH_NOTES[route.auth]];
  if (route.stepUp) {
    const minutes = Math.round((route.stepUp.maxAgeSeconds ?? 300) / 60);
    notes.push(
      `Needs a step-up within the last ${minutes} minutes (\`POST /auth/step-up\`; \`403 step_up_required\` otherwise)` +
        (route.stepUp.requireMfa ? ', and a second factor on the account (`403 mfa_required` otherwise).' : '.'),
    );
  }
  if (route.rateLimit)
    notes.push(`Rate limit policy \`${route.rateLimit}\` (\`429 rate_limited\` with \`Retry-After\`).`);
  if (route.body === 'form') notes.push('Takes an urlencoded form body (at most 16 KiB), not JSON.');
  return notes.join(' ');
}

/** The whole of docs/api.md as a string. */
export function renderApiDocs() {
  const sections = routeSections();
  const out = [];
  out.push(
    '# HTTP API',
    '',
    '<!-- Generated by scripts/generate-api-docs.mjs from packages/core/src/contracts/routes.ts. Do not edit: run `npm run docs:api`. -->',
    '',
    'All request and answer bodies are JSON (`Content-Type: application/json`; other content types get',
    '`415 unsupported_media_type`, bodies over 64 KiB get `400 invalid_input`). The browser keeps the',
    'session in the `foyer_session` cookie (`HttpOnly; SameSite=Lax; Path=/`, `Secure` unless served',
    'on plain http://localhost). State-changing requests whose `Origin` is neither the server’s own nor',
    'a configured partner origin (`FOYER_ORIGINS`) get `403 csrf_rejected`; requests without `Origin`',
    '(server-to-server clients) are allowed. Every answer under `/auth`, `/account`, `/onboarding` and',
    '`/profiles`, errors included, carries `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`.',
    '',
    `Field rules: \`email\` is trimmed and lower-cased, then must be a valid ASCII address of at most ${EMAIL_MAX_LENGTH}`,
    `characters; a new \`password\` has ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters (code points; no composition rules; not trimmed);`,
    `\`code\` is ${CODE_LENGTH} digits (spaces and dashes are ignored).`,
    'A field that breaks a rule gets `400 invalid_input` with a message for it in `error.fields`.',
    '',
    '| Method | Path | Success | Summary |',
    '| ------ | ---- | ------- | ------- |',
  );
  for (const { title, routes } of sections) {
    out.push(`| **${title}** | | | |`);
    for (const route of routes) {
      const firstSentence = route.summary.split(/(?<=\.)\s/)[0];
      const link = `[\`${route.path}\`](#${anchor(routeHeading(route))})`;
      out.push(`| ${route.method} | ${link} | ${route.response.status} | ${cell(firstSentence)} |`);
    }
  }
  out.push('');

  for (const { title, routes } of sections) {
    out.push(`## ${title}`, '');
    for (const route of routes) {
      out.push(`### ${routeHeading(route)}`, '', route.summary, '', guardNotes(route), '');
      if (route.session) out.push(SESSION_NOTES[route.session], '');
      if (route.query) out.push('**Query parameters**', '', ...table(route.query), '');
      if (route.headers) out.push('**Request headers**', '', ...table(route.headers), '');
      if (route.request) out.push('**Request body**', '', fence(jsonSchema(route.request, { request: true })), '');
      const answer = route.response.html ? ' (an HTML page)' : route.response.schema ? '' : ' (no body)';
      out.push(`**${route.response.status}**${answer}`, '');
      if (route.response.schema) out.push(fence(jsonSchema(route.response.schema)), '');
      const errors = [...route.errors, ...COMMON_ERRORS.filter((code) => !route.errors.includes(code))];
      out.push('**Errors**', '', '| Status | Code | Message |', '| ------ | ---- | ------- |');
      for (const code of errors) out.push(`| ${ERROR_STATUS[code]} | \`${code}\` | ${ERROR_MESSAGES[code]} |`);
      out.push('');
    }
  }

  out.push(
    '## Errors',
    '',
    'Every error answer has one shape. `fields` maps a field path (`email`, `password`) to a message',
    'for `invalid_input`; `retryAfter` (seconds, also sent as a `Retry-After` header) comes with',
    '`rate_limited`.',
    '',
    fence(jsonSchema(errorResponseSchema)),
    '',
    '| Status | Code | Message |',
    '| ------ | ---- | ------- |',
  );
  for (const [code, status] of Object.entries(ERROR_STATUS)) {
    if (status === 0) continue; // client-side only (network_error)
    out.push(`| ${status} | \`${code}\` | ${ERROR_MESSAGES[code]} |`);
  }
  out.push('', '`network_error` never comes from the server: the client reports it when no answer arrived.', '');
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(API_DOCS_PATH, renderApiDocs());
  console.log(`wrote ${API_DOCS_PATH}`);
}
