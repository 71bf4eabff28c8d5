import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { FoyerError } from '../errors.js';
import { creativeMarketplace } from '../onboarding/creative-marketplace.js';
import { hostSteps, providerSteps } from '../testing/creative-marketplace-fixtures.js';
import { createFakeOnboardingActors, type FakeOnboardingHandlers } from '../testing/fake-onboarding-actors.js';
import { createInMemoryOnboarding } from '../testing/in-memory-onboarding.js';
import { createOnboardingMachines } from './create-onboarding-machines.js';
import { trackOf } from './onboarding.machine.js';

function start(handlers: FakeOnboardingHandlers, track = 'provider') {
  const { onboarding } = createOnboardingMachines(createFakeOnboardingActors(handlers));
  return createActor(onboarding, {
    input: { track, definition: creativeMarketplace, debounceMs: 800, retryMs: 1000 },
  }).start();
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe('onboarding machine', () => {
  it('loads and resumes at the first due step', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace, {
      roles: { provider: ['photographer'] },
      steps: { provider: { roles: { data: { roles: ['photographer'] }, complete: true } } },
    });
    const actor = start(backend.handlers);
    expect(actor.getSnapshot().value).toBe('loading');
    await settle();
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches({ ready: 'editing' })).toBe(true);
    expect(snapshot.context.current).toBe('profile');
    expect(snapshot.context.drafts.roles).toEqual({ roles: ['photographer'] });
  });

  it('shows a failed load and retries', async () => {
    const getOnboarding = vi
      .fn()
      .mockRejectedValueOnce(new FoyerError('network_error'))
      .mockImplementation(createInMemoryOnboarding(creativeMarketplace).handlers.getOnboarding);
    const actor = start({ getOnboarding });
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    actor.send({ type: 'retry' });
    await settle();
    expect(actor.getSnapshot().matches('ready')).toBe(true);
  });

  it('walks a multi-role provider through the form steps, autosaving and completing each', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace);
    const save = vi.fn(backend.handlers.saveStepDraft);
    const actor = start({ ...backend.handlers, saveStepDraft: save });
    await settle();

    actor.send({ type: 'field.change', patch: providerSteps.roles });
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({ step: 'roles', patch: providerSteps.roles, version: 0 }),
    );
    actor.send({ type: 'step.next' });
    await settle();
    expect(actor.getSnapshot().context.current).toBe('profile');
    expect(backend.state.profile.roles.provider).toEqual(['photographer', 'model']);

    actor.send({ type: 'field.change', patch: { ...providerSteps.profile } });
    actor.send({ type: 'step.next' }); // flushes at once, then completes
    await settle();
    expect(actor.getSnapshot().context.current).toBe('portfolio');
    actor.send({ type: 'step.next' }); // a slot: move on without completing
    expect(actor.getSnapshot().context.current).toBe('packages');

    for (const step of ['packages', 'availability', 'policies'] as const) {
      actor.send({ type: 'field.change', patch: providerSteps[step] });
      actor.send({ type: 'step.next' });
      await settle();
    }
    const track = trackOf(actor.getSnapshot().context)!;
    expect(track.steps.filter((step) => step.status === 'complete').map((step) => step.id)).toEqual([
      'roles',
      'profile',
      'packages',
      'availability',
      'policies',
    ]);
    expect(track.gates.publish.eligible).toBe(true);
    expect(actor.getSnapshot().context.current).toBe('verification');
  });

  it('validates the whole step before completing, without calling the server', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace, { tracks: ['host'] });
    const complete = vi.fn(backend.handlers.completeStep);
    const actor = start({ ...backend.handlers, completeStep: complete }, 'host');
    await settle();
    actor.send({ type: 'field.change', patch: { name: 'Lichthof' } });
    actor.send({ type: 'step.next' });
    const { context, value } = actor.getSnapshot();
    expect(value).toEqual({ ready: 'editing' });
    expect(Object.keys(context.fieldErrors)).toEqual(expect.arrayContaining(['slug', 'address', 'capacity']));
    expect(complete).not.toHaveBeenCalled();
  });

  it('shows draft errors inline and does not autosave an invalid draft, then saves every edit once it is valid', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace, { tracks: ['host'] });
    const save = vi.fn(backend.handlers.saveStepDraft);
    const actor = start({ ...backend.handlers, saveStepDraft: save }, 'host');
    await settle();
    actor.send({ type: 'field.change', patch: { name: 'x'.repeat(81) } });
    actor.send({ type: 'field.change', patch: { capacity: 12 } });
    expect(actor.getSnapshot().context.fieldErrors).toEqual({ name: expect.stringContaining('80') });
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).not.toHaveBeenCalled();
    actor.send({ type: 'field.change', patch: { name: 'Lichthof' } });
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].patch).toEqual({ name: 'Lichthof', capacity: 12 });
    expect(backend.state.profile.steps.host?.studio?.data).toEqual({ name: 'Lichthof', capacity: 12 });
  });

  it('maps server field errors of a refused completion to the fields', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace, { tracks: ['host'] });
    const actor = start(
      {
        ...backend.handlers,
        completeStep: async () =>
          Promise.reject(new FoyerError('slug_taken', { fields: { slug: 'That address is taken.' } })),
      },
      'host',
    );
    await settle();
    actor.send({ type: 'field.change', patch: hostSteps.studio });
    actor.send({ type: 'step.next' });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({
      current: 'studio',
      fieldErrors: { slug: 'That address is taken.' },
      error: { code: 'slug_taken' },
    });
  });

  it('never lets the person past an incomplete required step, but always back', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace);
    const actor = start(backend.handlers);
    await settle();
    actor.send({ type: 'step.goto', step: 'packages' });
    expect(actor.getSnapshot().context.current).toBe('roles');
    actor.send({ type: 'field.change', patch: providerSteps.roles });
    actor.send({ type: 'step.next' });
    await settle();
    actor.send({ type: 'step.goto', step: 'availability' });
    expect(actor.getSnapshot().context.current).toBe('profile');
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.current).toBe('roles');
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.current).toBe('roles');
  });

  it('keeps editing while offline, shows it, and saves when the connection returns', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace);
    let online = false;
    const actor = start({
      ...backend.handlers,
      saveStepDraft: async (input) => {
        if (!online) throw new FoyerError('network_error');
        return backend.handlers.saveStepDraft(input);
      },
    });
    await settle();
    actor.send({ type: 'field.change', patch: { roles: ['model'] } });
    await vi.advanceTimersByTimeAsync(800);
    expect(actor.getSnapshot().context.saveStatus).toBe('offline');
    actor.send({ type: 'field.change', patch: { roles: ['model', 'stylist'] } });
    online = true;
    actor.send({ type: 'connection.online' });
    await settle();
    expect(actor.getSnapshot().context.saveStatus).toBe('saved');
    expect(backend.state.profile.steps.provider?.roles?.data).toEqual({ roles: ['model', 'stylist'] });
  });

  it('surfaces a conflict from another tab and takes their version on request', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace);
    const actor = start(backend.handlers);
    await settle();
    // Another tab saves first.
    await backend.handlers.saveStepDraft({
      track: 'provider',
      step: 'roles',
      patch: { roles: ['retoucher'] },
      version: 0,
    });
    actor.send({ type: 'field.change', patch: { roles: ['model'] } });
    actor.send({ type: 'save.flush' });
    await settle();
    expect(actor.getSnapshot().context.saveStatus).toBe('conflict');
    expect(actor.getSnapshot().context.conflict?.current).toEqual({ data: { roles: ['retoucher'] }, version: 1 });
    actor.send({ type: 'conflict.takeTheirs' });
    await settle();
    expect(actor.getSnapshot().context.drafts.roles).toEqual({ roles: ['retoucher'] });
    expect(actor.getSnapshot().context.saveStatus).toBe('saved');
  });

  it('or keeps mine: nothing typed is lost', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace);
    const actor = start(backend.handlers);
    await settle();
    await backend.handlers.saveStepDraft({
      track: 'provider',
      step: 'roles',
      patch: { roles: ['retoucher'] },
      version: 0,
    });
    actor.send({ type: 'field.change', patch: { roles: ['model'] } });
    actor.send({ type: 'save.flush' });
    await settle();
    actor.send({ type: 'conflict.keepMine' });
    await settle();
    expect(backend.state.profile.steps.provider?.roles?.data).toEqual({ roles: ['model'] });
    expect(actor.getSnapshot().context.saveStatus).toBe('saved');
  });

  it('refuses to complete while a conflict is open', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace);
    const complete = vi.fn(backend.handlers.completeStep);
    const actor = start({ ...backend.handlers, completeStep: complete });
    await settle();
    await backend.handlers.saveStepDraft({
      track: 'provider',
      step: 'roles',
      patch: { roles: ['retoucher'] },
      version: 0,
    });
    actor.send({ type: 'field.change', patch: { roles: ['model'] } });
    actor.send({ type: 'step.next' });
    await settle();
    expect(actor.getSnapshot().matches({ ready: 'editing' })).toBe(true);
    expect(actor.getSnapshot().context.error?.code).toBe('version_conflict');
    expect(complete).not.toHaveBeenCalled();
  });

  it('publishing is refused with reasons, then allowed once the gate opens', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace, { tracks: ['host'] });
    const actor = start(backend.handlers, 'host');
    await settle();
    actor.send({ type: 'publish' });
    await settle();
    expect(actor.getSnapshot().context.publishReasons.map((reason) => reason.code)).toEqual([
      'step_incomplete',
      'step_incomplete',
      'step_incomplete',
      'score_too_low',
    ]);

    for (const step of ['studio', 'availability', 'policies'] as const) {
      actor.send({ type: 'step.goto', step });
      actor.send({ type: 'field.change', patch: hostSteps[step] });
      actor.send({ type: 'step.next' });
      await settle();
    }
    actor.send({ type: 'publish' });
    await settle();
    const { context } = actor.getSnapshot();
    expect(context.publishReasons).toEqual([]);
    expect(trackOf(context)?.published?.url).toBe('/p/host/me');
    actor.send({ type: 'unpublish' });
    await settle();
    expect(trackOf(actor.getSnapshot().context)?.published).toBeNull();
  });

  it('flushes on pagehide with keepalive', async () => {
    const backend = createInMemoryOnboarding(creativeMarketplace);
    const save = vi.fn(backend.handlers.saveStepDraft);
    const actor = start({ ...backend.handlers, saveStepDraft: save });
    await settle();
    actor.send({ type: 'field.change', patch: { roles: ['model'] } });
    actor.send({ type: 'save.flush', keepalive: true });
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ keepalive: true }));
    await waitFor(actor, (s) => s.context.saveStatus === 'saved');
  });
});
