/** `<foyer-sign-up>` in every state of the signUp machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
import type { FoyerSignUp, FoyerVerifyEmail } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  ALTCHA_CHALLENGE_URL,
  EMAIL,
  PASSWORD,
  fakeMachines,
  fillAndSubmit,
  ready,
  settle,
  typeValue,
  userOf,
  waitFor,
} from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
}

const meta: Meta<Args> = {
  title: 'Auth/Sign up',
  component: 'foyer-sign-up',
  args: { handlers: {} },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers }) => html`<foyer-sign-up .logic=${fakeMachines(handlers).signUp}></foyer-sign-up>`,
};
export default meta;

type Story = StoryObj<Args>;

const submit = (email = EMAIL, password = PASSWORD) =>
  async function play({ canvasElement }: { canvasElement: HTMLElement }) {
    const el = await ready<FoyerSignUp>(canvasElement, 'foyer-sign-up');
    await fillAndSubmit(el, { email, password });
    await settle();
  };

const accepted = async () => ({ status: 'verification_required' as const });
const failingWith = (error: FoyerError): Args => ({ handlers: { signUp: async () => Promise.reject(error) } });

/** `editing`: the empty form with the password hint. */
export const Editing: Story = {};

/** `submitting`: waiting for the server. */
export const Submitting: Story = { args: { handlers: { signUp: () => pending() } }, play: submit() };

/** `editing` after local validation: a password shorter than 8 characters. */
export const InvalidInput: Story = { play: submit('grace@example', 'short') };

/** `editing` after a server `invalid_input` (e.g. a breached password). */
export const BreachedPassword: Story = {
  args: failingWith(
    new FoyerError('invalid_input', {
      fields: { password: 'This password appeared in a data breach. Choose another.' },
    }),
  ),
  play: submit(),
};

/** `editing` after `rate_limited`. */
export const RateLimited: Story = { args: failingWith(new FoyerError('rate_limited')), play: submit() };

/** `editing` after `network_error`. */
export const NetworkError: Story = { args: failingWith(new FoyerError('network_error')), play: submit() };

/** `verifyingEmail`: the code step with "Use a different email". */
export const Verification: Story = {
  args: { handlers: { signUp: accepted, verifyEmail: () => pending() } },
  play: async (context) => {
    await submit()(context);
    const el = context.canvasElement.querySelector('foyer-sign-up')!;
    await waitFor(() => el.shadowRoot?.querySelector('foyer-verify-email'));
  },
};

/** `done`: verified and signed in. */
export const Done: Story = {
  args: { handlers: { signUp: accepted, verifyEmail: async () => ({ user: userOf() }) } },
  play: async (context) => {
    await submit()(context);
    const el = context.canvasElement.querySelector('foyer-sign-up')!;
    const verify = await waitFor(() => el.shadowRoot?.querySelector<FoyerVerifyEmail>('foyer-verify-email'));
    await fillAndSubmit(verify, { code: '123456' });
    await settle();
  },
};

const typePassword = (password: string) =>
  async function play({ canvasElement }: { canvasElement: HTMLElement }) {
    const el = await ready<FoyerSignUp>(canvasElement, 'foyer-sign-up');
    await typeValue(el, 'email', EMAIL);
    await typeValue(el, 'password', password);
    const meter = await waitFor(() => el.shadowRoot?.querySelector('foyer-password-meter'));
    await waitFor(() => meter.shadowRoot?.querySelector('meter'));
  };

/** The strength meter on a weak password: level, zxcvbn's warning and suggestions. */
export const StrengthWeak: Story = { play: typePassword('password1') };

/** The strength meter on a strong password. */
export const StrengthStrong: Story = { play: typePassword('quartz lantern meadow 42!') };

/** Policy problems: too short and built from the email. */
export const StrengthProblems: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerSignUp>(canvasElement, 'foyer-sign-up');
    await typeValue(el, 'email', EMAIL);
    await typeValue(el, 'password', 'ada');
    const meter = await waitFor(() => el.shadowRoot?.querySelector('foyer-password-meter'));
    await waitFor(() => meter.shadowRoot?.querySelector('[part~="problems"]'));
  },
};

/** `captchaRequired` on sign-up (ALTCHA, local challenge). */
export const CaptchaRequired: Story = {
  args: {
    handlers: {
      signUp: async () =>
        Promise.reject(
          new FoyerError('captcha_required', {
            details: { captcha: { provider: 'altcha', challengeUrl: ALTCHA_CHALLENGE_URL } },
          }),
        ),
    },
  },
  play: async (context) => {
    await submit()(context);
    const el = context.canvasElement.querySelector('foyer-sign-up')!;
    const captcha = await waitFor(() => el.shadowRoot?.querySelector('foyer-captcha'));
    await waitFor(() => captcha.shadowRoot?.querySelector('altcha-widget input'));
  },
};
