/** `<foyer-reset-password>` in every state of the resetPassword machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
// The tag's own module defines it now (the package entry defines it lazily, on first use).
import '@foyer/elements/reset-password/reset-password';
import type { FoyerResetPassword } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EMAIL, fakeMachines, fillAndSubmit, ready, settle, userOf, waitFor } from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
  token: string;
}

const meta: Meta<Args> = {
  title: 'Auth/Reset password',
  component: 'foyer-reset-password',
  args: { handlers: {}, token: '' },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers, token }) =>
    html`<foyer-reset-password token=${token} .logic=${fakeMachines(handlers).resetPassword}></foyer-reset-password>`,
};
export default meta;

type Story = StoryObj<Args>;

const NEW_PASSWORD = 'quartz lantern meadow 42';
const el = (canvas: HTMLElement) => ready<FoyerResetPassword>(canvas, 'foyer-reset-password');

const requestCode = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const reset = await el(canvasElement);
  await fillAndSubmit(reset, { email: EMAIL });
  await waitFor(() => reset.shadowRoot?.querySelector('#code'));
};

const enterCode = async (context: { canvasElement: HTMLElement }) => {
  await requestCode(context);
  const reset = await el(context.canvasElement);
  await fillAndSubmit(reset, { code: '123456', password: NEW_PASSWORD });
  await settle();
};

/** `requesting`: the email form. */
export const Request: Story = {};

/** `sendingRequest`: waiting for the server. */
export const Sending: Story = {
  args: { handlers: { forgotPassword: () => pending() } },
  play: async ({ canvasElement }) => fillAndSubmit(await el(canvasElement), { email: EMAIL }),
};

/** `awaitingCode`: the code and the new password with its meter. */
export const CodeSent: Story = { args: { handlers: { forgotPassword: async () => undefined } }, play: requestCode };

/** `awaitingCode` after a wrong code. */
export const WrongCode: Story = {
  args: {
    handlers: {
      forgotPassword: async () => undefined,
      resetPassword: async () => Promise.reject(new FoyerError('invalid_code')),
    },
  },
  play: enterCode,
};

/** `awaitingCode` after `weak_password` (with zxcvbn's warning). */
export const WeakPassword: Story = {
  args: {
    handlers: {
      forgotPassword: async () => undefined,
      resetPassword: async () =>
        Promise.reject(
          new FoyerError('weak_password', {
            message: 'Choose a stronger password.',
            details: { score: 1, warning: 'This is similar to a commonly used password.', suggestions: [] },
          }),
        ),
    },
  },
  play: enterCode,
};

/** `choosingPassword`: arrived from the email's link (`token`). */
export const FromLink: Story = { args: { token: 'tok_from_link' } };

/** `choosingPassword` after the link's token expired. */
export const ExpiredLink: Story = {
  args: { token: 'tok_old', handlers: { resetPassword: async () => Promise.reject(new FoyerError('code_expired')) } },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(await el(canvasElement), { password: NEW_PASSWORD });
    await settle();
  },
};

/** `done`: the password is set and the device signed in. */
export const Done: Story = {
  args: { token: 'tok_ok', handlers: { resetPassword: async () => ({ user: userOf() }) } },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(await el(canvasElement), { password: NEW_PASSWORD });
    await settle();
  },
};
