/** `<foyer-sign-in>` in every state of the signIn machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
import type { FoyerSignIn } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  ALTCHA_CHALLENGE_URL,
  EMAIL,
  PASSWORD,
  clickButton,
  fakeMachines,
  fillAndSubmit,
  ready,
  settle,
  userOf,
  waitFor,
} from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
  email: string;
}

const meta: Meta<Args> = {
  title: 'Auth/Sign in',
  component: 'foyer-sign-in',
  args: { handlers: {}, email: '' },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers, email }) => {
    const machines = fakeMachines(handlers);
    return html`<foyer-sign-in email=${email} .logic=${machines.signIn} .resetLogic=${machines.resetPassword}>
      <p slot="footer">New here? <a href="#sign-up">Create an account</a></p>
    </foyer-sign-in>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const submit = (email = EMAIL, password = PASSWORD) =>
  async function play({ canvasElement }: { canvasElement: HTMLElement }) {
    const el = await ready<FoyerSignIn>(canvasElement, 'foyer-sign-in');
    await fillAndSubmit(el, { email, password });
    await settle();
  };

const failingWith = (error: FoyerError): Partial<Args> => ({ handlers: { signIn: async () => Promise.reject(error) } });

/** `editing`: the empty form. */
export const Editing: Story = {};

/** `editing` with the `email` attribute pre-filling the address. */
export const Prefilled: Story = { args: { email: EMAIL } };

/** `submitting`: the server has not answered yet (busy submit button). */
export const Submitting: Story = { args: { handlers: { signIn: () => pending() } }, play: submit() };

/** `editing` after local validation (shared schema): per-field errors, focus on the first. */
export const InvalidInput: Story = { play: submit('ada@', '') };

/** `editing` after `invalid_credentials`. */
export const InvalidCredentials: Story = { args: failingWith(new FoyerError('invalid_credentials')), play: submit() };

/** `editing` after `rate_limited` with a Retry-After. */
export const RateLimited: Story = {
  args: failingWith(new FoyerError('rate_limited', { retryAfter: 120 })),
  play: submit(),
};

/** `editing` after `rate_limited` for load (`details.reason: 'server_busy'`): the server shed work, not the person's tries. */
export const ServerBusy: Story = {
  args: failingWith(new FoyerError('rate_limited', { retryAfter: 2, details: { reason: 'server_busy' } })),
  play: submit(),
};

/** `editing` after `network_error`. */
export const NetworkError: Story = { args: failingWith(new FoyerError('network_error')), play: submit() };

/** `editing` after a server `invalid_input` with field messages. */
export const ServerFieldErrors: Story = {
  args: failingWith(new FoyerError('invalid_input', { fields: { email: 'Enter a valid email address.' } })),
  play: submit(),
};

/** `verifyingEmail`: the right password for an unverified address continues into the code step. */
export const EmailNotVerified: Story = {
  args: {
    handlers: {
      signIn: async () => Promise.reject(new FoyerError('email_not_verified')),
      verifyEmail: () => pending(),
    },
  },
  play: async (context) => {
    await submit()(context);
    const el = context.canvasElement.querySelector('foyer-sign-in')!;
    await waitFor(() => el.shadowRoot?.querySelector('foyer-verify-email'));
  },
};

/** `done`: signed in. */
export const Done: Story = { args: { handlers: { signIn: async () => ({ user: userOf() }) } }, play: submit() };

/** `editing` after `invalid_credentials` with few attempts left: the polite attempts-left hint. */
export const AttemptsLeft: Story = {
  args: failingWith(new FoyerError('invalid_credentials', { details: { attemptsLeft: 2 } })),
  play: submit(),
};

/** `captchaRequired`: the ALTCHA widget (lazy), with a local challenge (no network). */
export const CaptchaRequired: Story = {
  args: failingWith(
    new FoyerError('captcha_required', {
      details: { captcha: { provider: 'altcha', challengeUrl: ALTCHA_CHALLENGE_URL } },
    }),
  ),
  play: async (context) => {
    await submit()(context);
    const el = context.canvasElement.querySelector('foyer-sign-in')!;
    const captcha = await waitFor(() => el.shadowRoot?.querySelector('foyer-captcha'));
    await waitFor(() => captcha.shadowRoot?.querySelector('altcha-widget input'));
  },
};

/** `locked`: the lock panel with its live countdown and the unlock-by-email hint. */
export const Locked: Story = {
  args: {
    handlers: {
      signIn: async () =>
        Promise.reject(
          new FoyerError('account_locked', {
            retryAfter: 900,
            details: { lockedUntil: new Date(Date.now() + 900_000).toISOString(), unlockEmailSent: true },
          }),
        ),
    },
  },
  play: submit(),
};

/** `changingPassword`: signed in with a password that has since appeared in a breach. */
export const BreachedPassword: Story = {
  args: { handlers: { signIn: async () => ({ user: userOf(), passwordChangeRequired: true }) } },
  play: async (context) => {
    await submit()(context);
    const el = context.canvasElement.querySelector('foyer-sign-in')!;
    await waitFor(() => el.shadowRoot?.querySelector('foyer-change-password'));
  },
};

/** "Forgot your password?" on a standalone `<foyer-sign-in>`: the reset form in place. */
export const ForgotPassword: Story = {
  args: { email: EMAIL },
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerSignIn>(canvasElement, 'foyer-sign-in');
    await clickButton(el, 'Forgot your password?');
    await waitFor(() => el.shadowRoot?.querySelector('foyer-reset-password'));
  },
};
