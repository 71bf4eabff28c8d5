/**
 * Helpers of the onboarding stories: wizards over the in-memory backend of `@foyer/core` (the
 * server's rules without a server), and complete step data.
 */
import {
  createFakeOnboardingActors,
  createInMemoryOnboarding,
  createOnboardingMachines,
  creativeMarketplace,
  type FakeOnboardingHandlers,
  type OnboardingProfile,
} from '@foyer/core';
import {
  completeProfile,
  hostSteps,
  providerSteps,
} from '../../packages/core/src/testing/creative-marketplace-fixtures.js';

export { completeProfile, hostSteps, providerSteps };

/** A fixed "now" so previews do not change from day to day (Monday 2 March 2026, 08:00 Berlin). */
export const NOW = new Date('2026-03-02T07:00:00Z');

/** An in-memory backend for `profile`. */
export function backend(profile: Partial<OnboardingProfile> = {}) {
  return createInMemoryOnboarding(creativeMarketplace, profile);
}

/** The onboarding machine answered by `handlers`. */
export function onboardingLogic(handlers: FakeOnboardingHandlers) {
  return createOnboardingMachines(createFakeOnboardingActors(handlers)).onboarding;
}

/** A provider whose first steps are complete (roles, profile, portfolio): resumes at packages. */
export function providerPartway(): Partial<OnboardingProfile> {
  return {
    tracks: ['provider'],
    roles: { provider: ['photographer', 'model'] },
    steps: {
      provider: {
        roles: { data: providerSteps.roles, complete: true },
        profile: { data: providerSteps.profile, complete: true },
        portfolio: { data: providerSteps.portfolio, complete: true },
      },
    },
  };
}

type Rendered = HTMLElement & { updateComplete: Promise<unknown> };

/** Waits for `find` to return something (polling each frame, up to 3 s). */
export async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 180; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('Timed out in a story play function');
}

/** The step element shown by the wizard in `canvas`, once rendered. */
export async function stepForm(canvas: HTMLElement): Promise<Rendered> {
  const wizard = await waitFor(() => canvas.querySelector<Rendered>('foyer-onboarding'));
  const form = await waitFor(() => wizard.shadowRoot?.querySelector<Rendered>('[part~="step-form"]'));
  await form.updateComplete;
  return form;
}

/** Sets a control of `host`'s shadow root and fires `input` + `change`. */
export async function type(host: Rendered, selector: string, value: string): Promise<void> {
  const control = host.shadowRoot!.querySelector<HTMLInputElement>(selector);
  if (!control) throw new Error(`No ${selector} in <${host.localName}>`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await host.updateComplete;
}

/** Clicks the button of `host`'s shadow root whose text is `name`. */
export async function clickButton(host: Rendered, name: string): Promise<void> {
  await host.updateComplete;
  const button = [...host.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.textContent?.replace(/\s+/g, ' ').trim() === name,
  );
  if (!button) throw new Error(`No button "${name}" in <${host.localName}>`);
  button.click();
  await host.updateComplete;
}

/** A promise that settles after `ms`. */
export const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
