import {
  createAuthMachines,
  createFakeAuthActors,
  FoyerError,
  type FakeAuthHandlers,
  type SessionInfo,
} from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, deepActiveElement, deferred, pressEnter, record, until } from '../internal/test-utils.js';
import { relativeTime, type FoyerSessions } from './sessions.component.js';
import './sessions.js';

const now = Date.now();
const SESSIONS: SessionInfo[] = [
  {
    id: 's1',
    device: 'Chrome on macOS',
    ipPrefix: '203.0.113.0/24',
    createdAt: new Date(now - 86_400_000 * 3).toISOString(),
    lastSeenAt: new Date(now - 60_000).toISOString(),
    current: true,
  },
  {
    id: 's2',
    device: 'Safari on iPhone',
    ipPrefix: '198.51.100.0/24',
    createdAt: new Date(now - 86_400_000 * 10).toISOString(),
    lastSeenAt: new Date(now - 3_600_000 * 5).toISOString(),
    current: false,
  },
  {
    id: 's3',
    device: 'Firefox on Windows',
    ipPrefix: null,
    createdAt: new Date(now - 86_400_000 * 40).toISOString(),
    lastSeenAt: new Date(now - 86_400_000 * 2).toISOString(),
    current: false,
  },
];

async function mount(handlers: FakeAuthHandlers, locale = 'en'): Promise<FoyerSessions> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).sessions;
  const el = await fixture<FoyerSessions>(html`<foyer-sessions locale=${locale} .logic=${logic}></foyer-sessions>`);
  await until(
    () => el.shadowRoot?.querySelector('table') !== null || el.machine?.getSnapshot().matches('failed') === true,
    'loaded',
  );
  return el;
}
const rows = (el: FoyerSessions) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const buttonNamed = (root: Element, name: string) =>
  [...root.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('<foyer-sessions>', () => {
  it('lists sessions with device, network, dates and the current one marked; accessible', async () => {
    const el = await mount({ listSessions: async () => ({ sessions: SESSIONS }) });
    await expect(el).to.be.accessible();
    const [current, phone, pc] = rows(el);
    expect(current!.querySelector('th')!.textContent).to.equal('Chrome on macOS');
    expect(current!.textContent).to.contain('This device');
    expect(current!.querySelector('button')).to.equal(null);
    expect(phone!.textContent).to.contain('198.51.100.0/24');
    expect(phone!.textContent).to.contain('5 hours ago');
    expect(pc!.textContent).to.contain('Unknown');
    expect(pc!.textContent).to.contain('2 days ago');
    expect(phone!.querySelector('time')!.getAttribute('datetime')).to.equal(SESSIONS[1]!.createdAt);
    expect(phone!.querySelector('button')!.getAttribute('aria-label')).to.equal('Sign out Safari on iPhone');
    expect(buttonNamed(el, 'Sign out all other sessions')).not.to.equal(undefined);
  });

  it('formats dates in the locale', async () => {
    expect(relativeTime(new Date(now - 86_400_000).toISOString(), 'de', now)).to.equal('gestern');
    const el = await mount({ listSessions: async () => ({ sessions: SESSIONS }) }, 'de');
    expect(rows(el)[1]!.textContent).to.contain('vor 5 Stunden');
  });

  it('revokes one session with the keyboard, announces it and fires foyer-session-revoked', async () => {
    let list = SESSIONS;
    const revoke = deferred<void>();
    let revoked: unknown;
    const el = await mount({
      listSessions: async () => ({ sessions: list }),
      revokeSession: async (input) => {
        revoked = input;
        await revoke.promise;
        list = list.filter((s) => s.id !== 's2');
      },
    });
    const events = record(document, 'foyer-session-revoked');
    const button = rows(el)[1]!.querySelector('button')!;
    button.focus();
    await pressEnter();
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    revoke.resolve();
    await until(() => events.length > 0, 'revoked');
    await until(() => rows(el).length === 2, 'list reloaded');
    expect(revoked).to.deep.equal({ id: 's2' });
    expect(events[0]!.detail).to.deep.equal({ id: 's2' });
    expect($(el, '[role="status"]').textContent).to.equal('Signed out of Safari on iPhone.');
    expect(deepActiveElement()).to.equal($(el, '[part~="heading"]'));
  });

  it('signs out all other sessions', async () => {
    let list = SESSIONS;
    const el = await mount({
      listSessions: async () => ({ sessions: list }),
      revokeOtherSessions: async () => void (list = list.filter((s) => s.current)),
    });
    const events = record(document, 'foyer-session-revoked');
    buttonNamed(el, 'Sign out all other sessions')!.click();
    await until(() => rows(el).length === 1 && events.length > 0, 'others revoked');
    expect(events[0]!.detail).to.deep.equal({ id: null });
    expect($(el, '[role="status"]').textContent).to.equal('Signed out of all other sessions.');
    expect(buttonNamed(el, 'Sign out all other sessions')).to.equal(undefined);
    expect($(el, '[part~="description"]').textContent).to.equal('You are not signed in anywhere else.');
  });

  it('announces a failed revoke and keeps the list', async () => {
    const el = await mount({
      listSessions: async () => ({ sessions: SESSIONS }),
      revokeSession: async () => Promise.reject(new FoyerError('network_error')),
    });
    const errors = record(el, 'foyer-error');
    rows(el)[2]!.querySelector('button')!.click();
    await until(() => errors.length > 0, 'foyer-error');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('Could not reach the server');
    expect(rows(el)).to.have.length(3);
  });

  it('failed: announces the error and retries', async () => {
    let calls = 0;
    const el = await mount({
      listSessions: async () => {
        calls++;
        if (calls === 1) throw new FoyerError('unauthenticated');
        return { sessions: SESSIONS };
      },
    });
    expect($(el, '[role="alert"]').textContent).to.equal('You are not signed in.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Try again')!.click();
    await until(() => rows(el).length === 3, 'reloaded');
  });
});
