import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { PasswordStrength } from '../password/password-strength.js';
import { isPasswordAcceptable, passwordStrengthMachine } from './password-strength.machine.js';

/** A machine whose estimator scores by length (4 from 16 characters) and counts its calls. */
function countingMachine() {
  const calls: string[] = [];
  const estimate = (password: string): PasswordStrength => {
    calls.push(password);
    const score = Math.min(4, Math.floor(password.length / 4)) as PasswordStrength['score'];
    return { score, guessesLog10: password.length, warning: null, suggestions: [] };
  };
  const logic = passwordStrengthMachine.provide({
    actors: { loadPasswordStrength: fromPromise(async () => estimate) },
  });
  return { logic, calls };
}

describe('passwordStrength machine', () => {
  it('stays idle (no dictionary download) until the field is used', () => {
    const actor = createActor(passwordStrengthMachine, { input: {} }).start();
    expect(actor.getSnapshot().value).toBe('idle');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('checks the policy at once and zxcvbn strength once typing pauses', async () => {
    const actor = createActor(passwordStrengthMachine, {
      input: { context: { email: 'ada.lovelace@example.com' } },
    }).start();
    actor.send({ type: 'password.input', password: 'short' });
    expect(actor.getSnapshot().context.problems.map((p) => p.code)).toEqual(['too_short']);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(false);
    await waitFor(actor, (s) => s.matches('ready'), { timeout: 15_000 });
    vi.useFakeTimers();
    actor.send({ type: 'password.input', password: 'password123' });
    vi.advanceTimersByTime(200);
    expect(actor.getSnapshot().context.strength?.score).toBeLessThan(3);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(false);
    actor.send({ type: 'password.input', password: 'lovelace and the engine' });
    expect(actor.getSnapshot().context.problems.map((p) => p.code)).toEqual(['contains_context']);
    actor.send({ type: 'password.input', password: 'velvet orbit tangerine harbor' });
    vi.advanceTimersByTime(200);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(true);
  });

  it('estimates once per pause in typing, not on every key press', async () => {
    const { logic, calls } = countingMachine();
    const actor = createActor(logic, { input: {} }).start();
    actor.send({ type: 'password.focus' });
    await waitFor(actor, (s) => s.matches('ready'));
    vi.useFakeTimers();
    const typed = 'velvet orbit tangerine';
    for (let i = 1; i <= typed.length; i++) {
      actor.send({ type: 'password.input', password: typed.slice(0, i) });
      vi.advanceTimersByTime(120); // a brisk typist: under the 200 ms default
    }
    expect(calls).toEqual([]);
    expect(actor.getSnapshot().matches({ ready: 'pending' })).toBe(true);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBeNull();
    vi.advanceTimersByTime(80);
    expect(calls).toEqual([typed]);
    expect(actor.getSnapshot().matches({ ready: 'settled' })).toBe(true);
    expect(actor.getSnapshot().context.strength?.score).toBe(4);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(true);
  });

  it('keeps the last verdict on screen but unknown to the form while a new estimate waits', async () => {
    const { logic } = countingMachine();
    const actor = createActor(logic, { input: { debounceMs: 50 } }).start();
    actor.send({ type: 'password.input', password: 'velvet orbit tangerine' });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(actor.getSnapshot().context.strength?.score).toBe(4); // estimated at once when loaded
    vi.useFakeTimers();
    // Deleting down to a weak password: the meter may still show 4, but the form must not trust it.
    actor.send({ type: 'password.input', password: 'velvet o' });
    expect(actor.getSnapshot().context.strength?.score).toBe(4);
    expect(actor.getSnapshot().context.strengthPending).toBe(true);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBeNull();
    vi.advanceTimersByTime(50);
    expect(actor.getSnapshot().context.strength?.score).toBe(2);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(false);
    // Clearing the field clears the verdict at once, with nothing left to estimate.
    actor.send({ type: 'password.input', password: '' });
    expect(actor.getSnapshot().context).toMatchObject({ strength: null, strengthPending: false, problems: [] });
    expect(actor.getSnapshot().matches({ ready: 'settled' })).toBe(true);
  });

  it('keeps the verdict unknown (null) while loading, and falls back to the policy if loading fails', async () => {
    const failing = passwordStrengthMachine.provide({
      actors: { loadPasswordStrength: fromPromise(async () => Promise.reject(new Error('offline'))) },
    });
    const actor = createActor(failing, { input: {} }).start();
    actor.send({ type: 'password.input', password: 'velvet orbit tangerine harbor' });
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBeNull();
    await waitFor(actor, (s) => s.matches('unavailable'));
    actor.send({ type: 'password.input', password: 'short' });
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(false);
  });

  it('re-checks when the context words change', async () => {
    const actor = createActor(passwordStrengthMachine, { input: {} }).start();
    actor.send({ type: 'password.input', password: 'grace hopper rocks' });
    expect(actor.getSnapshot().context.problems).toEqual([]);
    actor.send({ type: 'context.update', context: { email: 'grace.hopper@navy.mil' } });
    expect(actor.getSnapshot().context.problems.map((p) => p.code)).toEqual(['contains_context']);
  });

  it('re-estimates once the email stops changing (context words lower the score)', async () => {
    const actor = createActor(passwordStrengthMachine, { input: {} }).start();
    actor.send({ type: 'password.input', password: 'zephyrine1987' });
    await waitFor(actor, (s) => s.matches('ready'), { timeout: 15_000 });
    const before = actor.getSnapshot().context.strength!.guessesLog10;
    vi.useFakeTimers();
    actor.send({ type: 'context.update', context: { words: ['zephyrine'] } });
    expect(actor.getSnapshot().context.strengthPending).toBe(true);
    vi.advanceTimersByTime(200);
    expect(actor.getSnapshot().context.strengthPending).toBe(false);
    expect(actor.getSnapshot().context.strength!.guessesLog10).toBeLessThan(before);
  });
});
