/** `<foyer-phone-sign-in>` in every state of the phoneSignIn machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
// The tag's own module defines it now (the package entry defines it lazily, on first use).
import '@foyer/elements/phone-sign-in/phone-sign-in';
import type { FoyerPhoneSignIn } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeMachines, fillAndSubmit, ready, settle, userOf } from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
}

const meta: Meta<Args> = {
  title: 'Auth/Phone sign-in',
  component: 'foyer-phone-sign-in',
  args: { handlers: {} },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers }) =>
    html`<foyer-phone-sign-in country="US" .logic=${fakeMachines(handlers).phoneSignIn}></foyer-phone-sign-in>`,
};
export default meta;

type Story = StoryObj<Args>;

const sendPhone = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = await ready<FoyerPhoneSignIn>(canvasElement, 'foyer-phone-sign-in');
  await fillAndSubmit(el, { phone: '(415) 555-2671' });
  await settle();
  return el;
};
const sendCode = async (context: { canvasElement: HTMLElement }) => {
  const el = await sendPhone(context);
  await fillAndSubmit(el, { code: '123456' });
  await settle();
};

/** `enterPhone`. */
export const EnterPhone: Story = {};

/** `sending`. */
export const Sending: Story = { args: { handlers: { startPhoneSignIn: () => pending() } }, play: sendPhone };

/** `enterPhone` after the server refused the number's country. */
export const CountryNotAllowed: Story = {
  args: {
    handlers: {
      startPhoneSignIn: async () =>
        Promise.reject(
          new FoyerError('invalid_input', { fields: { phone: 'Numbers from this country are not supported.' } }),
        ),
    },
  },
  play: sendPhone,
};

/** `enterPhone` after `429 rate_limited`. */
export const RateLimited: Story = {
  args: {
    handlers: { startPhoneSignIn: async () => Promise.reject(new FoyerError('rate_limited', { retryAfter: 600 })) },
  },
  play: sendPhone,
};

/** `awaitingCode`. */
export const AwaitingCode: Story = { args: { handlers: { startPhoneSignIn: async () => undefined } }, play: sendPhone };

/** `verifying`. */
export const Verifying: Story = {
  args: { handlers: { startPhoneSignIn: async () => undefined, verifyPhoneSignIn: () => pending() } },
  play: sendCode,
};

/** `awaitingCode` after a wrong code. */
export const WrongCode: Story = {
  args: {
    handlers: {
      startPhoneSignIn: async () => undefined,
      verifyPhoneSignIn: async () => Promise.reject(new FoyerError('invalid_code')),
    },
  },
  play: sendCode,
};

/** `done`. */
export const Done: Story = {
  args: { handlers: { startPhoneSignIn: async () => undefined, verifyPhoneSignIn: async () => ({ user: userOf() }) } },
  play: sendCode,
};

/** `mfaRequired`: the answer names the factors for `<foyer-mfa-challenge>`. */
export const MfaRequired: Story = {
  args: {
    handlers: {
      startPhoneSignIn: async () => undefined,
      verifyPhoneSignIn: async () => ({ mfaRequired: true, factors: ['totp'] }) as never,
    },
  },
  play: sendCode,
};
