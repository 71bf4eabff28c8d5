import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { isPasswordAcceptable, passwordStrengthMachine } from './password-strength.machine.js';

describe('passwordStrength machine', () => {
  it('stays idle (no dictionary download) until the field is used', () => {
    const actor = createActor(passwordStrengthMachine, { input: {} }).start();
    expect(actor.getSnapshot().value).toBe('idle');
  });

  it('checks the policy at once and strength once loaded', async () => {
    const actor = createActor(passwordStrengthMachine, {
      input: { context: { email: 'ada.lovelace@example.com' } },
    }).start();
    actor.send({ type: 'password.input', password: 'short' });
    expect(actor.getSnapshot().context.problems.map((p) => p.code)).toEqual(['too_short']);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(false);
    await waitFor(actor, (s) => s.matches('ready'), { timeout: 15_000 });
    actor.send({ type: 'password.input', password: 'password123' });
    expect(actor.getSnapshot().context.strength?.score).toBeLessThan(3);
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(false);
    actor.send({ type: 'password.input', password: 'lovelace and the engine' });
    expect(actor.getSnapshot().context.problems.map((p) => p.code)).toEqual(['contains_context']);
    actor.send({ type: 'password.input', password: 'velvet orbit tangerine harbor' });
    expect(isPasswordAcceptable(actor.getSnapshot().context)).toBe(true);
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
});
