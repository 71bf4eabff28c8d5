/** @module Helpers of the element tests (excluded from the build). */
import type { User } from '@foyer/core';
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {} from './events.js';

/** A user as the API returns it. */
export function userOf(email: string): User {
  return { id: 'usr_1', email, emailVerified: true, createdAt: '2026-01-01T00:00:00.000Z' };
}

/** A promise with its resolve/reject outside, to hold a fake actor until the test lets it go. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** `querySelector` inside an element's shadow root (throws when absent). */
export function $<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>`);
  return found;
}

/**
 * `$(host, tag)` once the tag's (possibly lazily loaded) module has defined it and the element
 * has rendered: for elements Foyer defines on first use.
 */
export async function $defined<T extends Element = HTMLElement>(host: Element, tag: string): Promise<T> {
  await waitUntil(() => host.shadowRoot?.querySelector(tag) !== null, `no <${tag}> in <${host.localName}>`);
  await customElements.whenDefined(tag);
  const found = $<T>(host, tag);
  await (found as { updateComplete?: Promise<unknown> }).updateComplete;
  return found;
}

/** The deepest focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Focuses `input` and types `text` with real key presses. */
export async function typeInto(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

/** Presses Enter in the focused element. */
export async function pressEnter(): Promise<void> {
  await sendKeys({ press: 'Enter' });
}

/** Collects the events of `name` fired on `target`, typed by the event map. */
export function record<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(name, (event) => seen.push(event as GlobalEventHandlersEventMap[K]));
  return seen;
}

/**
 * Waits until `check` holds, with a message naming what was awaited. No time box of its own: the
 * limit is only a safety net below the runner's test timeout (web-test-runner.config.mjs), so a
 * busy machine makes a test slower, never red, and a check that never holds still fails with
 * this message rather than the runner's.
 */
export function until(check: () => boolean, message: string): Promise<void> {
  return waitUntil(check, message, { timeout: 25_000 });
}

/** Sets an input/select/textarea of `host`'s shadow root (by selector) and fires `input` + `change`, as typing would. */
export async function setValue(
  host: Element & { updateComplete?: Promise<unknown> },
  selector: string,
  value: string,
): Promise<void> {
  const control = $<HTMLInputElement>(host, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await host.updateComplete;
}

/** Clicks the button of `host`'s shadow root whose trimmed text is `name` (throws when absent). */
export async function clickButton(host: Element & { updateComplete?: Promise<unknown> }, name: string): Promise<void> {
  const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent?.replace(/\s+/g, ' ').trim() === name,
  );
  if (!button) throw new Error(`No button "${name}" in <${host.localName}>`);
  button.click();
  await host.updateComplete;
}
