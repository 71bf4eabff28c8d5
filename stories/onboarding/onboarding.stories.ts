/** `<foyer-onboarding>` in every state of the onboarding machine, over the in-memory backend. */
import { FoyerError, pending, type FakeOnboardingHandlers } from '@foyer/core';
import '@foyer/elements/onboarding';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  backend,
  clickButton,
  completeProfile,
  onboardingLogic,
  providerPartway,
  settle,
  stepForm,
  type,
  waitFor,
} from './fakes.js';

interface Args {
  track: 'provider' | 'host';
  handlers: () => FakeOnboardingHandlers;
}

const meta: Meta<Args> = {
  title: 'Onboarding/Wizard',
  component: 'foyer-onboarding',
  args: { track: 'provider', handlers: () => backend().handlers },
  argTypes: {
    handlers: { table: { disable: true } },
    track: { control: 'inline-radio', options: ['provider', 'host'] },
  },
  render: ({ track, handlers }) =>
    html`<foyer-onboarding track=${track} debounce-ms="200" .logic=${onboardingLogic(handlers())}></foyer-onboarding>`,
};
export default meta;

type Story = StoryObj<Args>;

const wizard = (canvas: HTMLElement) =>
  waitFor(() => canvas.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('foyer-onboarding'));

/** `loading`: the overview has not arrived. */
export const Loading: Story = { args: { handlers: () => ({ getOnboarding: () => pending() }) } };

/** `failed`: the first load failed ("Try again"). */
export const LoadFailed: Story = {
  args: { handlers: () => ({ getOnboarding: () => Promise.reject(new FoyerError('network_error')) }) },
};

/** `ready.editing` on the first due step of a new provider; Publish is blocked. */
export const ProviderStepDue: Story = {};

/** A provider two steps in: the packages editor, with the meter and what blocks publishing. */
export const ProviderPublishBlocked: Story = { args: { handlers: () => backend(providerPartway()).handlers } };

/** `saveStatus: 'saving'`: an edit waits for the server. */
export const Saving: Story = {
  args: { handlers: () => ({ ...backend().handlers, saveStepDraft: () => pending() }) },
  play: async ({ canvasElement }) => {
    const form = await stepForm(canvasElement);
    form.shadowRoot!.querySelector<HTMLInputElement>('#role-photographer')!.click();
    await settle(300);
  },
};

/** `saveStatus: 'offline'`: saving failed with a network error and is retried. */
export const Offline: Story = {
  args: {
    handlers: () => ({ ...backend().handlers, saveStepDraft: () => Promise.reject(new FoyerError('network_error')) }),
  },
  play: async ({ canvasElement }) => {
    const form = await stepForm(canvasElement);
    form.shadowRoot!.querySelector<HTMLInputElement>('#role-model')!.click();
    const el = await wizard(canvasElement);
    await waitFor(() => el.shadowRoot!.querySelector('[part~="save-status"]')?.textContent?.includes('Offline'));
  },
};

let conflictBackend: ReturnType<typeof backend> | undefined;

/** `saveStatus: 'conflict'`: another tab saved the step after this one loaded it. */
export const Conflict: Story = {
  args: { handlers: () => (conflictBackend = backend(providerPartway())).handlers },
  play: async ({ canvasElement }) => {
    const form = await stepForm(canvasElement);
    await conflictBackend!.handlers.saveStepDraft({
      track: 'provider',
      step: 'packages',
      patch: { packages: [] },
      version: 0,
    });
    await clickButton(form, 'Add a Photographer package');
    const el = await wizard(canvasElement);
    await waitFor(() => el.shadowRoot!.querySelector('[part~="conflict"]'));
  },
};

/** Continue with an empty step: field errors, focus on the first. */
export const StepInvalid: Story = {
  args: { handlers: () => backend(providerPartway()).handlers },
  play: async ({ canvasElement }) => {
    const el = await wizard(canvasElement);
    await stepForm(canvasElement);
    await clickButton(el, 'Continue');
    await settle();
  },
};

/** A complete provider: Publish is enabled. */
export const ProviderReadyToPublish: Story = {
  args: { handlers: () => backend({ ...completeProfile(), tracks: ['provider'] }).handlers },
};

/** Published: the public URL and Unpublish. */
export const ProviderPublished: Story = {
  args: {
    handlers: () => {
      const memory = backend({ ...completeProfile(), tracks: ['provider'] });
      memory.state.published['provider'] = { url: '/p/provider/me', publishedAt: '2026-03-02T07:00:00Z' };
      return memory.handlers;
    },
  },
};

/** A host on the studio step. */
export const HostStepDue: Story = { args: { track: 'host', handlers: () => backend({ tracks: ['host'] }).handlers } };

/** A host with the studio filled in, typing a slug (saving). */
export const HostSaving: Story = {
  args: {
    track: 'host',
    handlers: () => ({ ...backend({ tracks: ['host'] }).handlers, saveStepDraft: () => pending() }),
  },
  play: async ({ canvasElement }) => {
    const form = await stepForm(canvasElement);
    await type(form, '#f-slug', 'Lichthof');
    await settle(300);
  },
};

/** A complete host with the publish gate open. */
export const HostReadyToPublish: Story = {
  args: { track: 'host', handlers: () => backend({ ...completeProfile(), tracks: ['host'] }).handlers },
};

/** A published host. */
export const HostPublished: Story = {
  args: {
    track: 'host',
    handlers: () => {
      const memory = backend({ ...completeProfile(), tracks: ['host'] });
      memory.state.published['host'] = { url: '/p/host/me', publishedAt: '2026-03-02T07:00:00Z' };
      return memory.handlers;
    },
  },
};
