/**
 * Helpers of the auth stories: machines provided with fake I/O, and play-function steps that drive
 * an element through its shadow DOM the way a person would.
 */
import { createAuthMachines, createFakeAuthActors, type FakeAuthHandlers, type User } from '@foyer/core';

export const EMAIL = 'ada@example.com';
export const PASSWORD = 'correct horse battery';
export const SESSION = { id: 'ses_1', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-02-01T00:00:00.000Z' };

/** A verified user as the API returns it. */
export function userOf(email = EMAIL): User {
  return { id: 'usr_1', email, emailVerified: true, createdAt: '2026-01-01T00:00:00.000Z' };
}

/** The auth machines answered by `handlers` (unanswered calls fail with `network_error`). */
export function fakeMachines(handlers: FakeAuthHandlers = {}) {
  return createAuthMachines(createFakeAuthActors(handlers));
}

type Rendered = HTMLElement & { updateComplete: Promise<boolean> };

/** The first `selector` under `canvas`, once its first render is done. */
export async function ready<T extends Rendered>(canvas: HTMLElement, selector: string): Promise<T> {
  const el = canvas.querySelector<T>(selector);
  if (!el) throw new Error(`No ${selector} in the story`);
  await el.updateComplete;
  return el;
}

/** Waits for `find` to return something (polling each frame, up to 2 s). */
export async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('Timed out in a story play function');
}

/** Types values into inputs of `host`'s shadow root (by id) and submits its form. */
export async function fillAndSubmit(host: Rendered, values: Record<string, string>): Promise<void> {
  await host.updateComplete;
  const root = host.shadowRoot!;
  for (const [id, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) throw new Error(`No #${id} in <${host.localName}>`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  root.querySelector('form')!.requestSubmit();
  await host.updateComplete;
}

/** Clicks the button of `host`'s shadow root whose text is `name`. */
export async function clickButton(host: Rendered, name: string): Promise<void> {
  await host.updateComplete;
  const button = [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`No button "${name}" in <${host.localName}>`);
  button.click();
  await host.updateComplete;
}

/** A promise that settles after `ms` (lets fake answers arrive before a snapshot is taken). */
export const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real ALTCHA challenge (protocol v2, altcha-lib 2 `createChallenge`, SHA-256, cost 1) as a
 * `data:` URL: the widget fetches and solves it in the browser without any server.
 */
export const ALTCHA_CHALLENGE = {
  parameters: {
    algorithm: 'SHA-256',
    cost: 1,
    keyLength: 32,
    keyPrefix: '00',
    nonce: '8c4208754a6e0c9ced3b4b0e99cc06c2',
    salt: '18389ce2909b1e59a37a6043cde71731',
  },
  signature: '018045fc984494b07eaaea61dbd513cd5fd6074b8db36e455275d31ef715473f',
};
export const ALTCHA_CHALLENGE_URL = `data:application/json,${encodeURIComponent(JSON.stringify(ALTCHA_CHALLENGE))}`;

/** Sessions as `GET /auth/sessions` lists them (relative to now). */
export function sessionsFixture() {
  const now = Date.now();
  const at = (ms: number) => new Date(now - ms).toISOString();
  return [
    {
      id: 's1',
      device: 'Chrome on macOS',
      ipPrefix: '203.0.113.0/24',
      createdAt: at(3 * 864e5),
      lastSeenAt: at(6e4),
      current: true,
    },
    {
      id: 's2',
      device: 'Safari on iPhone',
      ipPrefix: '198.51.100.0/24',
      createdAt: at(10 * 864e5),
      lastSeenAt: at(5 * 36e5),
      current: false,
    },
    {
      id: 's3',
      device: 'Firefox on Windows',
      ipPrefix: null,
      createdAt: at(40 * 864e5),
      lastSeenAt: at(2 * 864e5),
      current: false,
    },
  ];
}

/** Focuses `#id` in `host` and types `value` with input events (drives the strength meter). */
export async function typeValue(host: Rendered, id: string, value: string): Promise<void> {
  await host.updateComplete;
  const input = host.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`No #${id} in <${host.localName}>`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await host.updateComplete;
}
