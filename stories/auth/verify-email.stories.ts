/** `<foyer-verify-email>` in every state of the verifyEmail machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
import type { FoyerVerifyEmail } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EMAIL, clickButton, fakeMachines, fillAndSubmit, ready, settle, userOf } from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
  email: string;
  sendCode: boolean;
}

const meta: Meta<Args> = {
  title: 'Auth/Verify email',
  component: 'foyer-verify-email',
  args: { handlers: {}, email: EMAIL, sendCode: false },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers, email, sendCode }) =>
    html`<foyer-verify-email
      email=${email}
      ?send-code=${sendCode}
      .logic=${fakeMachines(handlers).verifyEmail}
    ></foyer-verify-email>`,
};
export default meta;

type Story = StoryObj<Args>;

const submitCode = (code = '123456') =>
  async function play({ canvasElement }: { canvasElement: HTMLElement }) {
    const el = await ready<FoyerVerifyEmail>(canvasElement, 'foyer-verify-email');
    await fillAndSubmit(el, { code });
    await settle();
  };

const failingWith = (error: FoyerError): Partial<Args> => ({
  handlers: { verifyEmail: async () => Promise.reject(error) },
});

/** `awaitingCode`: the code input, naming the address. */
export const AwaitingCode: Story = {};

/** `verifying`: waiting for the server. */
export const Verifying: Story = { args: { handlers: { verifyEmail: () => pending() } }, play: submitCode() };

/** `resending`: a new code was asked for on start (`send-code`). */
export const Resending: Story = { args: { sendCode: true, handlers: { resendVerification: () => pending() } } };

/** `awaitingCode` with the `code_sent` notice after "Send a new code". */
export const CodeSent: Story = {
  args: { handlers: { resendVerification: async () => undefined } },
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerVerifyEmail>(canvasElement, 'foyer-verify-email');
    await clickButton(el, 'Send a new code');
    await settle();
  },
};

/** `awaitingCode` after local validation of a malformed code. */
export const MalformedCode: Story = { play: submitCode('12') };

/** `awaitingCode` after `invalid_code`. */
export const InvalidCode: Story = { args: failingWith(new FoyerError('invalid_code')), play: submitCode() };

/** `awaitingCode` after `code_expired`. */
export const CodeExpired: Story = { args: failingWith(new FoyerError('code_expired')), play: submitCode() };

/** `awaitingCode` after `rate_limited`. */
export const RateLimited: Story = {
  args: failingWith(new FoyerError('rate_limited', { retryAfter: 45 })),
  play: submitCode(),
};

/** `done`: verified. */
export const Verified: Story = {
  args: { handlers: { verifyEmail: async () => ({ user: userOf() }) } },
  play: submitCode(),
};
