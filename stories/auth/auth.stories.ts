/** `<foyer-auth>` in every state of the auth machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
import type { FoyerAuth, FoyerSignIn, FoyerSignUp } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  EMAIL,
  PASSWORD,
  SESSION,
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
  view: 'sign-in' | 'sign-up';
}

const signedOut = { getSession: async () => null };
const signedIn = { getSession: async () => ({ user: userOf(), session: SESSION }) };

const meta: Meta<Args> = {
  title: 'Auth/Auth',
  component: 'foyer-auth',
  args: { handlers: signedOut, view: 'sign-in' },
  argTypes: {
    handlers: { table: { disable: true } },
    view: { control: 'inline-radio', options: ['sign-in', 'sign-up'] },
  },
  render: ({ handlers, view }) => html`<foyer-auth view=${view} .logic=${fakeMachines(handlers).auth}></foyer-auth>`,
};
export default meta;

type Story = StoryObj<Args>;

/** `loading`: the session is being checked. */
export const Loading: Story = { args: { handlers: { getSession: () => pending() } } };

/** `signedOut.signIn`. */
export const SignIn: Story = {};

/** `signedOut.signUp` (`view="sign-up"`). */
export const SignUp: Story = { args: { view: 'sign-up' } };

/** `signedOut.signIn` after the session check failed (`network_error`). */
export const SessionError: Story = {
  args: { handlers: { getSession: async () => Promise.reject(new FoyerError('network_error')) } },
};

/** `signedOut.signIn` → its child in `verifyingEmail` (unverified account). */
export const SignInVerification: Story = {
  args: {
    handlers: {
      ...signedOut,
      signIn: async () => Promise.reject(new FoyerError('email_not_verified')),
      verifyEmail: () => pending(),
    },
  },
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerAuth>(canvasElement, 'foyer-auth');
    const form = await waitFor(() => el.shadowRoot?.querySelector<FoyerSignIn>('foyer-sign-in'));
    await fillAndSubmit(form, { email: EMAIL, password: PASSWORD });
    await waitFor(() => form.shadowRoot?.querySelector('foyer-verify-email'));
  },
};

/** `signedOut.signUp` → its child in `verifyingEmail`. */
export const SignUpVerification: Story = {
  args: {
    view: 'sign-up',
    handlers: {
      ...signedOut,
      signUp: async () => ({ status: 'verification_required' as const }),
      verifyEmail: () => pending(),
    },
  },
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerAuth>(canvasElement, 'foyer-auth');
    const form = await waitFor(() => el.shadowRoot?.querySelector<FoyerSignUp>('foyer-sign-up'));
    await fillAndSubmit(form, { email: EMAIL, password: PASSWORD });
    await waitFor(() => form.shadowRoot?.querySelector('foyer-verify-email'));
  },
};

/** `signedIn`: who is signed in, and "Sign out". */
export const SignedIn: Story = { args: { handlers: signedIn } };

/** `signingOut`: waiting for the server. */
export const SigningOut: Story = {
  args: { handlers: { ...signedIn, signOut: () => pending() } },
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerAuth>(canvasElement, 'foyer-auth');
    await waitFor(() => el.shadowRoot?.querySelector('[part~="user"]'));
    await clickButton(el, 'Sign out');
  },
};

/** `signedIn` after a failed sign-out. */
export const SignOutError: Story = {
  args: { handlers: { ...signedIn, signOut: async () => Promise.reject(new FoyerError('network_error')) } },
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerAuth>(canvasElement, 'foyer-auth');
    await waitFor(() => el.shadowRoot?.querySelector('[part~="user"]'));
    await clickButton(el, 'Sign out');
    await settle();
  },
};

/** `signedIn` with the host's own view in the `signed-in` slot. */
export const SignedInSlot: Story = {
  args: { handlers: signedIn },
  render: ({ handlers }) =>
    html`<foyer-auth .logic=${fakeMachines(handlers).auth}
      ><p slot="signed-in">Welcome back! Your dashboard goes here.</p></foyer-auth
    >`,
};
