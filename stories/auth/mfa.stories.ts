/**
 * The MFA elements in every state, reached with fake I/O: `<foyer-mfa-challenge>`,
 * `<foyer-mfa-setup>`, `<foyer-passkey-button>`, `<foyer-step-up>`, and `<foyer-sign-in>` in its
 * `mfaRequired` state.
 */
import {
  createAuthMachines,
  createFakeAuthActors,
  createFakePasskeyCeremonies,
  FoyerError,
  pending,
  type FakeAuthHandlers,
  type MfaFactor,
} from '@foyer/core';
import '@foyer/elements';
// The MFA tags are lazy in the bundle; define them now so play functions find them upgraded.
import '@foyer/elements/mfa';
import type { FoyerMfaChallenge, FoyerMfaSetup, FoyerPasskeyButton, FoyerSignIn, FoyerStepUp } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EMAIL, PASSWORD, clickButton, fillAndSubmit, ready, settle, userOf, waitFor } from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
  factors: string;
  passkey: 'answers' | 'dismissed';
}

const machines = (handlers: FakeAuthHandlers, passkey: Args['passkey'] = 'answers') =>
  createAuthMachines(
    createFakeAuthActors({
      passkeyAuthenticateOptions: async () => ({ challenge: 'c' }),
      passkeyRegisterOptions: async () => ({ challenge: 'c' }),
      ...handlers,
    }),
    createFakePasskeyCeremonies(
      passkey === 'answers'
        ? { webauthnAuthenticate: async () => ({ id: 'cred' }), webauthnRegister: async () => ({ id: 'cred' }) }
        : {},
    ),
  );

const meta: Meta<Args> = {
  title: 'Auth/Two-step verification',
  args: { handlers: {}, factors: 'totp recovery_code', passkey: 'answers' },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers, factors, passkey }) =>
    html`<foyer-mfa-challenge
      factors=${factors}
      .logic=${machines(handlers, passkey).mfaChallenge}
    ></foyer-mfa-challenge>`,
};
export default meta;

type Story = StoryObj<Args>;

const submitCode = (code = '123456') =>
  async function play({ canvasElement }: { canvasElement: HTMLElement }) {
    const el = await ready<FoyerMfaChallenge>(canvasElement, 'foyer-mfa-challenge');
    await fillAndSubmit(el, { code });
    await settle();
  };

/** Challenge `entering`: the authenticator code, with a recovery code as the other way. */
export const ChallengeEntering: Story = {};

/** Challenge `verifying`. */
export const ChallengeVerifying: Story = { args: { handlers: { verifyMfa: () => pending() } }, play: submitCode() };

/** Challenge: a wrong code, with the tries left. */
export const ChallengeWrongCode: Story = {
  args: {
    handlers: {
      verifyMfa: async () => Promise.reject(new FoyerError('invalid_code', { details: { attemptsLeft: 3 } })),
    },
  },
  play: submitCode('000000'),
};

/** Challenge: a recovery code instead. */
export const ChallengeRecoveryCode: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerMfaChallenge>(canvasElement, 'foyer-mfa-challenge');
    await clickButton(el, 'Use a recovery code');
  },
};

/** Challenge: passkey only. */
export const ChallengePasskey: Story = { args: { factors: 'passkey recovery_code' } };

/** Challenge: the passkey prompt was dismissed. */
export const ChallengePasskeyDismissed: Story = {
  args: { factors: 'passkey', passkey: 'dismissed' },
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerMfaChallenge>(canvasElement, 'foyer-mfa-challenge');
    await clickButton(el, 'Use a passkey');
    await settle();
  },
};

/** Challenge `locked`: too many wrong codes. */
export const ChallengeLocked: Story = {
  args: { handlers: { verifyMfa: async () => Promise.reject(new FoyerError('account_locked', { retryAfter: 900 })) } },
  play: submitCode(),
};

/** Challenge `expired`: the pending sign-in is gone. */
export const ChallengeExpired: Story = {
  args: { handlers: { verifyMfa: async () => Promise.reject(new FoyerError('mfa_pending_expired')) } },
  play: submitCode(),
};

/** `<foyer-sign-in>` in `mfaRequired`: the password was right, a second factor is due. */
export const SignInMfaRequired: Story = {
  args: {
    handlers: {
      signIn: async () => ({
        mfaRequired: true as const,
        factors: ['totp' as const, 'passkey' as const, 'recovery_code' as const],
      }),
    },
  },
  render: ({ handlers }) => html`<foyer-sign-in .logic=${machines(handlers).signIn}></foyer-sign-in>`,
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerSignIn>(canvasElement, 'foyer-sign-in');
    await fillAndSubmit(el, { email: EMAIL, password: PASSWORD });
    await waitFor(() => el.shadowRoot?.querySelector('foyer-mfa-challenge'));
    await settle();
  },
};

const totpFactor: MfaFactor = {
  id: 'f1',
  type: 'totp',
  label: 'Authenticator app',
  createdAt: '2026-11-01T00:00:00.000Z',
  lastUsedAt: '2026-11-27T09:00:00.000Z',
};
const passkeyFactor: MfaFactor = {
  id: 'f2',
  type: 'passkey',
  label: 'MacBook',
  createdAt: '2026-11-02T00:00:00.000Z',
  lastUsedAt: null,
};
const recoveryFactor: MfaFactor = {
  id: 'recovery-codes',
  type: 'recovery_codes',
  label: 'Recovery codes',
  createdAt: '2026-11-01T00:00:00.000Z',
  lastUsedAt: null,
  remaining: 9,
};
const QR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><rect width="21" height="21" fill="#fff"/><path d="M1 1h7v7H1zM13 1h7v7h-7zM1 13h7v7H1zM10 10h2v2h-2z"/></svg>';

const setupRender = ({ handlers }: Args) =>
  html`<foyer-step-up .logic=${machines(handlers).stepUp}
    ><foyer-mfa-setup .logic=${machines(handlers).mfaSetup}></foyer-mfa-setup
  ></foyer-step-up>`;

/** Setup: MFA off. */
export const SetupOff: Story = {
  args: { handlers: { listMfaFactors: async () => ({ factors: [] }) } },
  render: setupRender,
};

/** Setup: the factor list. */
export const SetupFactors: Story = {
  args: { handlers: { listMfaFactors: async () => ({ factors: [totpFactor, passkeyFactor, recoveryFactor] }) } },
  render: setupRender,
};

const setupHandlers: FakeAuthHandlers = {
  listMfaFactors: async () => ({ factors: [] }),
  setupTotp: async () => ({
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    uri: 'otpauth://totp/Foyer:ada%40example.com?issuer=Foyer',
    qrSvg: QR_SVG,
  }),
  confirmTotp: async () => ({
    recoveryCodes: [
      'abcde-fghjk',
      'mnpqr-stuvw',
      'xyz23-45678',
      'abcde-23456',
      'fghjk-mnpqr',
      'stuvw-xyz23',
      '45678-abcde',
      '23456-fghjk',
      'mnpqr-45678',
      'stuvw-abcde',
    ],
  }),
};

/** Setup `scanning`: QR image, setup key, code input. */
export const SetupScanning: Story = {
  args: { handlers: setupHandlers },
  render: setupRender,
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerMfaSetup>(canvasElement, 'foyer-mfa-setup');
    await waitFor(() => el.shadowRoot?.querySelector('[part~="add-totp-button"]'));
    await clickButton(el, 'Set up an authenticator app');
    await waitFor(() => el.shadowRoot?.querySelector('[part~="qr-code"]'));
  },
};

/** Setup `showingCodes`: the recovery codes, once. */
export const SetupRecoveryCodes: Story = {
  args: { handlers: setupHandlers },
  render: setupRender,
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerMfaSetup>(canvasElement, 'foyer-mfa-setup');
    await waitFor(() => el.shadowRoot?.querySelector('[part~="add-totp-button"]'));
    await clickButton(el, 'Set up an authenticator app');
    await waitFor(() => el.shadowRoot?.querySelector('#totp-code'));
    await fillAndSubmit(el, { 'totp-code': '123456' });
    await waitFor(() => el.shadowRoot?.querySelector('[part~="recovery-codes"]'));
  },
};

/** Setup: removing a factor asks for a step-up (the wrapping `<foyer-step-up>` prompts). */
export const SetupRemoveNeedsStepUp: Story = {
  args: {
    handlers: {
      listMfaFactors: async () => ({ factors: [totpFactor, recoveryFactor] }),
      removeMfaFactor: async () =>
        Promise.reject(new FoyerError('step_up_required', { details: { methods: ['totp', 'recovery_code'] } })),
    },
  },
  render: setupRender,
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerMfaSetup>(canvasElement, 'foyer-mfa-setup');
    const remove = await waitFor(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="remove-button"]'));
    remove.click();
    const wrapper = await ready<FoyerStepUp>(canvasElement, 'foyer-step-up');
    await waitFor(() => wrapper.shadowRoot?.querySelector('#step-up-code'));
  },
};

/** Step-up prompt for an account without MFA: the password. */
export const StepUpPassword: Story = {
  render: ({ handlers }) =>
    html`<foyer-step-up .logic=${machines(handlers).stepUp}><p>Payout settings</p></foyer-step-up>`,
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerStepUp>(canvasElement, 'foyer-step-up');
    void el.prompt(['password']);
    await el.updateComplete;
  },
};

/** Step-up with a wrong authenticator code. */
export const StepUpWrongCode: Story = {
  args: {
    handlers: { stepUp: async () => Promise.reject(new FoyerError('invalid_code', { details: { attemptsLeft: 2 } })) },
  },
  render: ({ handlers }) =>
    html`<foyer-step-up .logic=${machines(handlers).stepUp}><p>Payout settings</p></foyer-step-up>`,
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerStepUp>(canvasElement, 'foyer-step-up');
    void el.prompt(['totp', 'passkey', 'recovery_code']);
    await el.updateComplete;
    await fillAndSubmit(el, { 'step-up-code': '000000' });
    await settle();
  },
};

/** `<foyer-passkey-button>`. */
export const PasskeyButton: Story = {
  render: ({ handlers }) =>
    html`<foyer-passkey-button
      .logic=${machines({ passkeyAuthenticateVerify: async () => ({ user: userOf() }), ...handlers }).passkey}
    ></foyer-passkey-button>`,
};

/** `<foyer-passkey-button>`: the prompt was dismissed. */
export const PasskeyButtonDismissed: Story = {
  args: { passkey: 'dismissed' },
  render: ({ handlers, passkey }) =>
    html`<foyer-passkey-button .logic=${machines(handlers, passkey).passkey}></foyer-passkey-button>`,
  play: async ({ canvasElement }) => {
    const el = await ready<FoyerPasskeyButton>(canvasElement, 'foyer-passkey-button');
    await clickButton(el, 'Sign in with a passkey');
    await settle();
  },
};
