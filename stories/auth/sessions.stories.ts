/** `<foyer-sessions>` in every state of the sessions machine, reached with fake I/O. */
import { FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import '@foyer/elements';
// The tag's own module defines it now (the package entry defines it lazily, on first use).
import '@foyer/elements/sessions/sessions';
import type { FoyerSessions } from '@foyer/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeMachines, ready, sessionsFixture, settle, waitFor } from './fakes.js';

interface Args {
  handlers: FakeAuthHandlers;
  locale: string;
}

const list = async () => ({ sessions: sessionsFixture() });

const meta: Meta<Args> = {
  title: 'Auth/Sessions',
  component: 'foyer-sessions',
  args: { handlers: { listSessions: list }, locale: 'en' },
  argTypes: { handlers: { table: { disable: true } } },
  render: ({ handlers, locale }) =>
    html`<foyer-sessions locale=${locale} .logic=${fakeMachines(handlers).sessions}></foyer-sessions>`,
};
export default meta;

type Story = StoryObj<Args>;

const clickRevoke = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = await ready<FoyerSessions>(canvasElement, 'foyer-sessions');
  const button = await waitFor(() => el.shadowRoot?.querySelector<HTMLButtonElement>('tbody button'));
  button.click();
  await settle();
};

/** `loading`. */
export const Loading: Story = { args: { handlers: { listSessions: () => pending() } } };

/** `ready`: the list, this device marked. */
export const List: Story = {};

/** `ready` in German (dates through Intl). */
export const German: Story = { args: { locale: 'de' } };

/** `revoking` one session. */
export const Revoking: Story = {
  args: { handlers: { listSessions: list, revokeSession: () => pending() } },
  play: clickRevoke,
};

/** `ready` after a revoke (announced). */
export const Revoked: Story = {
  args: { handlers: { listSessions: list, revokeSession: async () => undefined } },
  play: clickRevoke,
};

/** `ready` after a failed revoke. */
export const RevokeFailed: Story = {
  args: {
    handlers: { listSessions: list, revokeSession: async () => Promise.reject(new FoyerError('network_error')) },
  },
  play: clickRevoke,
};

/** `failed`: the list could not be read. */
export const Failed: Story = {
  args: { handlers: { listSessions: async () => Promise.reject(new FoyerError('unauthenticated')) } },
};
