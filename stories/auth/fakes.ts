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
