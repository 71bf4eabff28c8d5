/** @module The `<foyer-sessions>` class (no side effects: importing it defines no tag). */
import type { FoyerClient, SessionInfo, sessionsMachine } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, securityActors } from '../internal/auth-machines.js';
import { provideSessionsMachine } from '@foyer/core';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish, type FoyerMessages } from '../internal/messages.js';
import { sessionsStyles } from './sessions.styles.js';
import { sessionsMessages } from './sessions.messages.js';

registerEnglish(sessionsMessages);

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildSessions = (s: MachineIo) => provideSessionsMachine(securityActors(s));

type SessionsLogic = typeof sessionsMachine;
type SessionsSnapshot = SnapshotFrom<SessionsLogic>;

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "now" in `locale`. */
export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/**
 * The signed-in user's sessions and devices, with a **Sign out** button per other session and
 * **Sign out all other sessions**. The current session is marked "This device" (it ends by signing
 * out, not here). Renders the `sessions` machine of `@foyer/core`.
 *
 * Accessible names: a table captioned "Your sessions" (columns Device, Network, Signed in, Last
 * active, Actions); per other session the button "Sign out" with the accessible name
 * "Sign out <device>"; the button "Sign out all other sessions"; when the list cannot load, the
 * button "Try again".
 *
 * @summary List and revoke sessions.
 * @tag foyer-sessions
 *
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts and of the dates (`Intl.DateTimeFormat` / `RelativeTimeFormat`). @default 'en'
 *
 * @prop {typeof sessionsMachine} logic - A provided sessions machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @event foyer-session-revoked - A session was revoked; detail `{ id }` (`id: null` after "Sign out all other sessions").
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper. @csspart heading - The heading. @csspart loading - The loading status.
 * @csspart table - The sessions table. @csspart row - A session row (`data-current` on the current one).
 * @csspart current-marker - "This device". @csspart revoke-button - A row's "Sign out".
 * @csspart revoke-others-button - "Sign out all other sessions". @csspart secondary-button - "Try again".
 * @csspart notice - The polite status line (revoked). @csspart form-error - The alert region.
 */
export class FoyerSessions extends FoyerElement {
  static override styles = [foyerStyles, sessionsStyles];

  static override properties: PropertyDeclarations = {
    apiBase: { type: String, attribute: 'api-base' },
    logic: { attribute: false },
    client: { attribute: false },
    notice: { state: true },
  };

  /** @default '' */
  declare apiBase: string;
  declare logic: SessionsLogic | undefined;
  declare client: FoyerClient | undefined;
  declare protected notice: string;

  readonly #machine = new MachineController<SessionsLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #revoked: { id: string | null; device: string } | null = null;
  #focusHeading = false;

  constructor() {
    super();
    this.apiBase = '';
    this.notice = '';
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine(): ActorRefFrom<SessionsLogic> | undefined {
    return this.#machine.actor;
  }

  /** Reads the list again. */
  reload(): void {
    this.#machine.send({ type: 'sessions.reload' });
  }

  #source(): MachineSource<SessionsLogic> {
    return { logic: this.logic ?? providedMachine(this.client, this.apiBase, buildSessions) };
  }

  #onSnapshot(snapshot: SessionsSnapshot, previous: SessionsSnapshot): void {
    const t = messagesFor(this.locale);
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.notice = '';
      this.emit('foyer-error', { code: error.code, message: errorMessage(t, error) });
    }
    const succeeded =
      snapshot.matches('loading') && (previous.matches('revoking') || previous.matches('revokingOthers'));
    if (succeeded && this.#revoked) {
      const { id, device } = this.#revoked;
      this.notice = id === null ? t.othersRevoked : t.sessionRevoked(device);
      this.#focusHeading = true;
      this.emit('foyer-session-revoked', { id });
    }
    if (!snapshot.matches('revoking') && !snapshot.matches('revokingOthers')) this.#revoked = null;
  }

  #revoke(session: SessionInfo): void {
    if (!this.#machine.snapshot.matches('ready')) return;
    this.notice = '';
    this.#revoked = { id: session.id, device: session.device };
    this.#machine.send({ type: 'session.revoke', id: session.id });
  }

  #revokeOthers(): void {
    if (!this.#machine.snapshot.matches('ready')) return;
    this.notice = '';
    this.#revoked = { id: null, device: '' };
    this.#machine.send({ type: 'sessions.revokeOthers' });
  }

  protected override updated(): void {
    // The row (and its focused button) is gone: keep keyboard users in the element.
    if (this.#focusHeading && this.#machine.ready && this.#machine.snapshot.matches('ready')) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    }
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { error, sessions } = snapshot.context;
    const firstLoad = snapshot.matches('loading') && sessions.length === 0;
    return html`<div part="base" aria-busy=${snapshot.matches('loading') ? 'true' : 'false'}>
      <h2 part="heading" tabindex="-1">${t.sessionsHeading}</h2>
      <p part="notice" role="status">${firstLoad ? t.sessionsLoading : this.notice}</p>
      <div part="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
      ${
        snapshot.matches('failed')
          ? html`<button part="secondary-button" type="button" @click=${() => this.reload()}>${t.retry}</button>`
          : firstLoad
            ? nothing
            : this.#renderTable(snapshot, t)
      }
    </div>`;
  }

  #renderTable(snapshot: SessionsSnapshot, t: FoyerMessages) {
    const { sessions, revokingId } = snapshot.context;
    const busy = !snapshot.matches('ready');
    const revokingOthers = snapshot.matches('revokingOthers');
    const others = sessions.filter((session) => !session.current);
    const dateFormat = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<table part="table">
        <caption class="visually-hidden">
          ${t.sessionsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.sessionDevice}</th>
            <th scope="col">${t.sessionIp}</th>
            <th scope="col">${t.sessionCreated}</th>
            <th scope="col">${t.sessionLastSeen}</th>
            <th scope="col"><span class="visually-hidden">${t.sessionActions}</span></th>
          </tr>
        </thead>
        <tbody>
          ${sessions.map(
            (session) =>
              html`<tr part="row" data-session=${session.id} ?data-current=${session.current}>
                <th scope="row">${session.device}</th>
                <td>${session.ipPrefix ?? t.unknownIp}</td>
                <td><time datetime=${session.createdAt}>${dateFormat.format(new Date(session.createdAt))}</time></td>
                <td>
                  <time datetime=${session.lastSeenAt} title=${dateFormat.format(new Date(session.lastSeenAt))}
                    >${relativeTime(session.lastSeenAt, this.locale)}</time
                  >
                </td>
                <td>
                  ${
                    session.current
                      ? html`<span part="current-marker">${t.thisDevice}</span>`
                      : html`<button
                          part="secondary-button revoke-button"
                          type="button"
                          aria-label=${t.signOutSessionLabel(session.device)}
                          aria-disabled=${busy ? 'true' : 'false'}
                          aria-busy=${revokingId === session.id && snapshot.matches('revoking') ? 'true' : 'false'}
                          @click=${() => this.#revoke(session)}
                        >
                          ${t.signOutSession}
                        </button>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        others.length > 0
          ? html`<button
              part="secondary-button revoke-others-button"
              type="button"
              aria-disabled=${busy ? 'true' : 'false'}
              aria-busy=${revokingOthers ? 'true' : 'false'}
              @click=${this.#revokeOthers}
            >
              ${t.signOutOthers}
            </button>`
          : html`<p part="description">${t.noOtherSessions}</p>`
      }`;
  }
}
