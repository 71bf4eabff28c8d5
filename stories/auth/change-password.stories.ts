/** `<foyer-change-password>` in every state of the changePassword machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
// The tag's own module defines it now (the package entry defines it lazily, on first use).
import '@foyer/elements/change-password/change-password';
import type { FoyerChangePassword } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EMAIL, clickButton, fakeMachines, fillAndSubmit, ready, settle } from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
  required: boolean;
}

const meta: Meta<Args> = {
  title: 'Auth/Change password',
  component: 'foyer-change-password',
  args: { handlers: {}, required: false },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers, required }) =>
    html`<foyer-change-password
      email=${EMAIL}
      ?required=${required}
      .logic=${fakeMachines(handlers).changePassword}
    ></foyer-change-password>`,
};
export default meta;

type Story = StoryObj<Args>;

const submit = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = await ready<FoyerChangePassword>(canvasElement, 'foyer-change-password');
  await fillAndSubmit(el, { currentPassword: 'old passphrase here', newPassword: 'quartz lantern meadow 42' });
  await settle();
};

/** `editing`. */
export const Editing: Story = {};

/** `editing` when the change is required (breached password). */
export const Required: Story = { args: { required: true } };

/** `submitting`. */
export const Submitting: Story = { args: { handlers: { changePassword: () => pending() } }, play: submit };

/** `editing` after a wrong current password. */
export const WrongCurrentPassword: Story = {
  args: { handlers: { changePassword: async () => Promise.reject(new FoyerError('invalid_credentials')) } },
  play: submit,
};

/** `editing` after `password_breached`. */
export const BreachedNewPassword: Story = {
  args: { handlers: { changePassword: async () => Promise.reject(new FoyerError('password_breached')) } },
  play: submit,
};

/** `done`. */
export const Done: Story = { args: { handlers: { changePassword: async () => undefined } }, play: submit };

/** `skipped` ("Not now"). */
export const Skipped: Story = {
  play: async ({ canvasElement }) =>
    clickButton(await ready<FoyerChangePassword>(canvasElement, 'foyer-change-password'), 'Not now'),
};
