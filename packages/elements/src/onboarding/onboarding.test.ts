import {
  createFakeOnboardingActors,
  createInMemoryOnboarding,
  createOnboardingMachines,
  creativeMarketplace,
  FoyerError,
  type FakeOnboardingHandlers,
  type OnboardingProfile,
} from '@foyer/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { $, clickButton, deepActiveElement, record, setValue, until } from '../internal/test-utils.js';
import type { FoyerStepElement } from './step-element.js';
import type { FoyerOnboarding } from './onboarding.component.js';
import '../onboarding.js';

type Backend = ReturnType<typeof createInMemoryOnboarding>;

function backendOf(profile: Partial<OnboardingProfile> = {}): Backend {
  return createInMemoryOnboarding(creativeMarketplace, profile);
}

async function mount(
  backend: Backend,
  track = 'provider',
  handlers: FakeOnboardingHandlers = backend.handlers,
  debounce = 20,
) {
  const logic = createOnboardingMachines(createFakeOnboardingActors(handlers)).onboarding;
  const el = await fixture<FoyerOnboarding>(
    html`<foyer-onboarding track=${track} debounce-ms=${debounce} .logic=${logic}></foyer-onboarding>`,
  );
  await until(() => !!el.machine?.getSnapshot().matches('ready'), 'the wizard is ready');
  await el.updateComplete;
  return el;
}

const current = (el: FoyerOnboarding) => el.machine!.getSnapshot().context.current;
const saveStatus = (el: FoyerOnboarding) => el.machine!.getSnapshot().context.saveStatus;
const form = (el: FoyerOnboarding) => $<FoyerStepElement>(el, '[part~="step-form"]');
const statusText = (el: FoyerOnboarding) => $(el, '[part~="save-status"]').textContent?.trim();

async function formReady(el: FoyerOnboarding, tag: string): Promise<FoyerStepElement> {
  await until(() => el.shadowRoot?.querySelector(tag) != null, `<${tag}> is shown`);
  const step = form(el);
  await step.updateComplete;
  return step;
}

async function continueTo(el: FoyerOnboarding, step: string): Promise<void> {
  await clickButton(el, 'Continue');
  await until(
    () => current(el) === step,
    `the wizard moves on to ${step} (at ${current(el)}, errors ${JSON.stringify(el.machine!.getSnapshot().context.fieldErrors)})`,
  );
  await el.updateComplete;
}

async function fillRoles(el: FoyerOnboarding, roles: string[]): Promise<void> {
  const step = await formReady(el, 'foyer-step-roles');
  for (const role of roles) $<HTMLInputElement>(step, `#role-${role}`).click();
  await step.updateComplete;
}

async function fillProfile(el: FoyerOnboarding): Promise<void> {
  const step = await formReady(el, 'foyer-step-profile');
  await setValue(step, '#f-displayName', 'Ada Lovelace');
  await setValue(step, '#f-headline', 'Portrait and fashion photographer');
  await setValue(step, '#f-bio', 'I photograph people where they work.');
  await setValue(step, '#f-city-name', 'Berlin');
  await setValue(step, '#f-city-country', 'DE');
  await setValue(step, '#f-languages', 'en, de');
}

async function fillPackages(el: FoyerOnboarding, roles: [string, string][]): Promise<void> {
  const step = await formReady(el, 'foyer-step-packages');
  let index = 0;
  for (const [label, price] of roles) {
    await clickButton(step, `Add a ${label} package`);
    await setValue(step, `#f-packages-${index}-name`, `${label} session`);
    await setValue(step, `#f-packages-${index}-price-amount`, price);
    index++;
  }
}

async function fillAvailability(el: FoyerOnboarding): Promise<void> {
  const step = await formReady(el, 'foyer-step-availability');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
    await clickButton(step, `Add hours on ${day}`);
}

async function fillPolicies(el: FoyerOnboarding): Promise<void> {
  const step = await formReady(el, 'foyer-step-policies');
  $<HTMLInputElement>(step, '#cancellation-moderate').click();
  await step.updateComplete;
}

async function fillStudio(el: FoyerOnboarding): Promise<void> {
  const step = await formReady(el, 'foyer-step-studio');
  await setValue(step, '#f-name', 'Lichthof Studio');
  await setValue(step, '#f-slug', 'Lichthof');
  await setValue(step, '#f-description', 'A daylight studio with a white cyclorama.');
  await setValue(step, '#f-contact-email', 'hello@lichthof.example');
  await setValue(step, '#f-address-line1', 'Hofstraße 1');
  await setValue(step, '#f-address-city', 'Berlin');
  await setValue(step, '#f-address-postalCode', '10115');
  await setValue(step, '#f-address-country', 'DE');
  $<HTMLInputElement>(step, '#privacy-neighbourhood').click();
  $<HTMLInputElement>(step, '#amenity-natural_light').click();
  await setValue(step, '#f-capacity', '12');
  await setValue(step, '#f-minimumHours', '2');
  await setValue(step, '#f-hourlyRate-min-amount', '50.00');
  await setValue(step, '#f-hourlyRate-max-amount', '90');
}

const publishButton = (el: FoyerOnboarding) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="publish"] button')].find(
    (b) => b.textContent?.trim() === 'Publish',
  )!;

describe('<foyer-onboarding>', () => {
  afterEach(() => fixtureCleanup());

  it('is accessible', async () => {
    const el = await mount(backendOf());
    await expect(el).to.be.accessible();
  });

  it('shows the progress with step states, the meter and a disabled Publish with reasons', async () => {
    const el = await mount(backendOf());
    const items = [...el.shadowRoot!.querySelectorAll('[part~="step-indicator"]')];
    expect(items.map((li) => li.getAttribute('part'))).to.deep.equal([
      'step-indicator current',
      'step-indicator locked',
      'step-indicator locked',
      'step-indicator locked',
      'step-indicator locked',
      'step-indicator locked',
      'step-indicator locked',
    ]);
    expect(items[0]!.querySelector('button')!.getAttribute('aria-current')).to.equal('step');
    expect(items[1]!.querySelector('button')).to.equal(null);
    expect($(el, 'nav').getAttribute('aria-label')).to.equal('Onboarding steps');
    expect(publishButton(el).disabled).to.equal(true);
    const reasons = $(el, '[part~="publish-reasons"]').textContent!;
    expect(reasons).to.contain('Complete “What you do”.');
    expect($(el, 'foyer-completeness-meter').getAttribute('score')).to.equal('0');
    expect(statusText(el)).to.equal('Saved');
  });

  it('completes the provider track for a photographer + model and publishes', async () => {
    const backend = backendOf();
    const el = await mount(backend);
    const changes = record(el, 'foyer-step-change');
    const saved = record(el, 'foyer-step-saved');
    const published = record(el, 'foyer-published');

    await fillRoles(el, ['photographer', 'model']);
    await continueTo(el, 'profile');
    await fillProfile(el);
    await continueTo(el, 'portfolio');
    expect($(el, '[part~="slot-step"] slot').getAttribute('name')).to.equal('portfolio');
    await continueTo(el, 'packages');
    await fillPackages(el, [
      ['Photographer', '150.00'],
      ['Model', '400'],
    ]);
    await continueTo(el, 'availability');
    await fillAvailability(el);
    await continueTo(el, 'policies');
    await fillPolicies(el);
    await continueTo(el, 'verification');

    const data = backend.state.profile.steps['provider']!;
    expect(data['roles']!.complete).to.equal(true);
    expect((data['packages']!.data['packages'] as { price: unknown }[]).map((p) => p.price)).to.deep.equal([
      { currency: 'EUR', amount: 15000 },
      { currency: 'EUR', amount: 40000 },
    ]);
    expect(changes.map((e) => e.detail)).to.deep.include({ from: 'roles', to: 'profile' });
    expect(saved.length).to.be.greaterThan(0);
    expect(saved[0]!.detail).to.have.keys(['step', 'version']);

    await until(() => !publishButton(el).disabled, 'Publish is enabled');
    publishButton(el).click();
    await until(() => published.length === 1, 'foyer-published');
    expect(published[0]!.detail).to.deep.equal({ track: 'provider', url: '/p/provider/me' });
    await el.updateComplete;
    expect($(el, '[part~="published-url"]').textContent).to.equal('/p/provider/me');
    await clickButton(el, 'Unpublish');
    await until(() => backend.state.published['provider'] === null, 'unpublished');
  });

  it('completes the host track and publishes', async () => {
    const backend = backendOf({ tracks: ['host'] });
    const el = await mount(backend, 'host');
    const published = record(el, 'foyer-published');
    await fillStudio(el);
    await continueTo(el, 'photos');
    await continueTo(el, 'availability');
    await fillAvailability(el);
    await continueTo(el, 'policies');
    await fillPolicies(el);
    await continueTo(el, 'verification');
    const studio = backend.state.profile.steps['host']!['studio']!.data;
    expect(studio['slug']).to.equal('lichthof');
    expect(studio['hourlyRate']).to.deep.equal({
      min: { currency: 'EUR', amount: 5000 },
      max: { currency: 'EUR', amount: 9000 },
    });
    await until(() => !publishButton(el).disabled, 'Publish is enabled');
    publishButton(el).click();
    await until(() => published.length === 1, 'foyer-published');
    expect(published[0]!.detail.track).to.equal('host');
  });

  it('lists what blocks publishing as buttons that go to the step', async () => {
    const backend = backendOf();
    const el = await mount(backend);
    await fillRoles(el, ['photographer']);
    await continueTo(el, 'profile');
    await fillProfile(el);
    await continueTo(el, 'portfolio');
    expect(publishButton(el).disabled).to.equal(true);
    await clickButton(el, 'Complete “Packages and prices”.');
    expect(current(el)).to.equal('packages');
  });

  it('moves focus to the first invalid field after Continue', async () => {
    const el = await mount(backendOf());
    await fillRoles(el, ['photographer']);
    await continueTo(el, 'profile');
    await formReady(el, 'foyer-step-profile');
    await clickButton(el, 'Continue');
    await until(() => deepActiveElement()?.id === 'f-displayName', 'focus on Display name');
    expect(deepActiveElement()!.getAttribute('aria-invalid')).to.equal('true');
    expect(current(el)).to.equal('profile');
  });

  it('resumes at the same step with the data after a reload', async () => {
    const backend = backendOf();
    let el = await mount(backend);
    await fillRoles(el, ['model']);
    await continueTo(el, 'profile');
    const step = await formReady(el, 'foyer-step-profile');
    await setValue(step, '#f-headline', 'Editorial model');
    await until(
      () =>
        saveStatus(el) === 'saved' &&
        backend.state.profile.steps['provider']?.['profile']?.data['headline'] === 'Editorial model',
      'saved',
    );
    el.remove();
    el = await mount(backend);
    expect(current(el)).to.equal('profile');
    const again = await formReady(el, 'foyer-step-profile');
    expect($<HTMLInputElement>(again, '#f-headline').value).to.equal('Editorial model');
  });

  it('shows "Offline — will retry" and saves when back online', async () => {
    const backend = backendOf();
    let offline = false;
    const handlers: FakeOnboardingHandlers = {
      ...backend.handlers,
      saveStepDraft: (input) =>
        offline ? Promise.reject(new FoyerError('network_error')) : backend.handlers.saveStepDraft(input),
    };
    const el = await mount(backend, 'provider', handlers);
    offline = true;
    await fillRoles(el, ['stylist']);
    await until(() => statusText(el) === 'Offline — will retry', 'offline status');
    expect($(el, '[part~="save-status"]').getAttribute('role')).to.equal('status');
    offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => statusText(el) === 'Saved', 'saved after online');
    expect(backend.state.profile.steps['provider']!['roles']!.data).to.deep.equal({ roles: ['stylist'] });
  });

  async function conflicted() {
    const backend = backendOf({
      tracks: ['provider'],
      roles: { provider: ['model'] },
      steps: { provider: { roles: { data: { roles: ['model'] }, complete: true } } },
    });
    const el = await mount(backend);
    expect(current(el)).to.equal('profile');
    // Another tab saves the headline first.
    await backend.handlers.saveStepDraft({
      track: 'provider',
      step: 'profile',
      patch: { headline: 'From the other tab' },
      version: 0,
    });
    const step = await formReady(el, 'foyer-step-profile');
    await setValue(step, '#f-headline', 'Mine');
    await until(() => el.shadowRoot!.querySelector('[part~="conflict"]') != null, 'conflict banner');
    expect($(el, '[part~="conflict"]').textContent).to.contain('This step was changed in another tab or device');
    return { backend, el };
  }

  it('resolves a conflict with "Use the latest version"', async () => {
    const { backend, el } = await conflicted();
    await clickButton(el, 'Use the latest version');
    await until(() => saveStatus(el) === 'saved', 'saved');
    const step = await formReady(el, 'foyer-step-profile');
    expect($<HTMLInputElement>(step, '#f-headline').value).to.equal('From the other tab');
    expect(backend.state.profile.steps['provider']!['profile']!.data['headline']).to.equal('From the other tab');
  });

  it('resolves a conflict with "Keep my changes"', async () => {
    const { backend, el } = await conflicted();
    await clickButton(el, 'Keep my changes');
    await until(() => backend.state.profile.steps['provider']!['profile']!.data['headline'] === 'Mine', 'mine saved');
    await until(() => saveStatus(el) === 'saved', 'saved');
    expect(el.shadowRoot!.querySelector('[part~="conflict"]')).to.equal(null);
  });

  it('does not move when foyer-before-step-change is cancelled', async () => {
    const backend = backendOf();
    const completed: string[] = [];
    const el = await mount(backend, 'provider', {
      ...backend.handlers,
      completeStep: (input) => {
        completed.push(input.step);
        return backend.handlers.completeStep!(input);
      },
    });
    const before = record(el, 'foyer-before-step-change');
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('foyer-before-step-change', cancel);
    await fillRoles(el, ['photographer']);
    await clickButton(el, 'Continue');
    expect(before.map((e) => e.detail)).to.deep.equal([{ from: 'roles', to: 'profile' }]);
    expect(before[0]!.cancelable).to.equal(true);
    expect(before[0]!.defaultPrevented).to.equal(true);
    // Then let the page allow it: the move that follows is the only one, so the cancelled click
    // neither completed the step nor moved on.
    el.removeEventListener('foyer-before-step-change', cancel);
    expect(current(el)).to.equal('roles');
    await continueTo(el, 'profile');
    expect(before.map((e) => [e.detail, e.defaultPrevented])).to.deep.equal([
      [{ from: 'roles', to: 'profile' }, true],
      [{ from: 'roles', to: 'profile' }, false],
    ]);
    expect(completed).to.deep.equal(['roles']);
  });

  it('flushes pending edits on pagehide with keepalive', async () => {
    const backend = backendOf();
    const calls: boolean[] = [];
    const handlers: FakeOnboardingHandlers = {
      ...backend.handlers,
      saveStepDraft: (input) => {
        calls.push(input.keepalive ?? false);
        return backend.handlers.saveStepDraft(input);
      },
    };
    const el = await mount(backend, 'provider', handlers, 60_000);
    await fillRoles(el, ['retoucher']);
    expect(calls).to.deep.equal([]);
    window.dispatchEvent(new Event('pagehide'));
    await until(() => calls.length === 1, 'flushed');
    expect(calls).to.deep.equal([true]);
  });
});
