/** `<foyer-account-delete>` in every state of the accountDeletion machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
// The tag's own module defines it now (the package entry defines it lazily, on first use).
import '@foyer/elements/account-delete/account-delete';
import type { FoyerAccountDelete } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EMAIL, clickButton, fakeMachines, fillAndSubmit, ready, settle } from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
}

const STARTED = { exportUrl: '/account/export', confirmToken: 'x'.repeat(43), expiresAt: '2026-11-28T10:15:00.000Z' };

const meta: Meta<Args> = {
  title: 'Auth/Account delete',
  component: 'foyer-account-delete',
  args: { handlers: {} },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers }) =>
    html`<foyer-account-delete email=${EMAIL} .logic=${fakeMachines(handlers).accountDeletion}></foyer-account-delete>`,
};
export default meta;

type Story = StoryObj<Args>;

const start = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = await ready<FoyerAccountDelete>(canvasElement, 'foyer-account-delete');
  await clickButton(el, 'Continue to delete');
  await settle();
  return el;
};
const confirm = async (context: { canvasElement: HTMLElement }) => {
  const el = await start(context);
  await fillAndSubmit(el, { confirmation: 'DELETE' });
  await settle();
};

/** `reviewing`, with the export link. */
export const Reviewing: Story = {};

/** `requesting`. */
export const Requesting: Story = { args: { handlers: { requestAccountDeletion: () => pending() } }, play: start };

/** `stepUpRequired` (the server answered `403 step_up_required`). */
export const StepUpRequired: Story = {
  args: {
    handlers: {
      requestAccountDeletion: async () =>
        Promise.reject(new FoyerError('step_up_required', { details: { methods: ['password'], maxAgeSeconds: 300 } })),
    },
  },
  play: start,
};

/** `confirming`. */
export const Confirming: Story = { args: { handlers: { requestAccountDeletion: async () => STARTED } }, play: start };

/** `confirming` with a wrong confirmation. */
export const ConfirmationMismatch: Story = {
  args: { handlers: { requestAccountDeletion: async () => STARTED } },
  play: async (context) => {
    const el = await start(context);
    await fillAndSubmit(el, { confirmation: 'delete' });
  },
};

/** `deleting`. */
export const Deleting: Story = {
  args: { handlers: { requestAccountDeletion: async () => STARTED, deleteAccount: () => pending() } },
  play: confirm,
};

/** `reviewing` after the confirm token expired. */
export const TokenExpired: Story = {
  args: {
    handlers: {
      requestAccountDeletion: async () => STARTED,
      deleteAccount: async () => Promise.reject(new FoyerError('code_expired')),
    },
  },
  play: confirm,
};

/** `done`. */
export const Done: Story = {
  args: { handlers: { requestAccountDeletion: async () => STARTED, deleteAccount: async () => undefined } },
  play: confirm,
};
