/** @module The `<foyer-passkey-button>` class (no side effects: importing it defines no tag). */
import { passkeyMachine, type FoyerClient } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { createActor, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, mfaActors } from '../internal/auth-machines.js';
import { providePasskeyMachine } from '@foyer/core';
import { webauthnCeremonies } from '../internal/webauthn.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { conditionalMediationAvailable, passkeysSupported } from '../internal/webauthn.js';
import { mfaStyles } from '../mfa-challenge/mfa-challenge.styles.js';
import { mfaMessages } from '../internal/mfa.messages.js';

registerEnglish({ mfa: mfaMessages });

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildPasskey = (s: MachineIo) => providePasskeyMachine(mfaActors(s), webauthnCeremonies);

type PasskeyLogic = typeof passkeyMachine;
type PasskeySnapshot = SnapshotFrom<PasskeyLogic>;

/**
 * "Sign in with a passkey": a passkey is phishing-resistant and multi-factor in itself, so no
 * second step follows. With `autofill`, where the browser supports conditional mediation, it also
 * offers passkeys in the autofill of the page's email field (give that input
 * `autocomplete="username webauthn"`). Hidden in browsers without WebAuthn. Renders the `passkey`
 * machine of `@foyer/core`; @simplewebauthn/browser is loaded only when a passkey is used.
 *
 * @summary Sign in with a passkey (button and autofill).
 * @tag foyer-passkey-button
 *
 * @attr email - List this account's passkeys (optional: discoverable credentials work without it).
 * @attr autofill - Also start conditional UI (passkeys in the autofill) when available.
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {typeof passkeyMachine} logic - A provided passkey machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @event foyer-passkey-sign-in-complete - Signed in; detail `{ user }`.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper. @csspart passkey-button - The button. @csspart form-error - The alert region.
 * @csspart notice - Status messages.
 *
 * @example
 * <input autocomplete="username webauthn" name="email" />
 * <foyer-passkey-button autofill></foyer-passkey-button>
 */
export class FoyerPasskeyButton extends FoyerElement {
  static override styles = [foyerStyles, mfaStyles];

  static override properties: PropertyDeclarations = {
    email: { type: String },
    autofill: { type: Boolean },
    apiBase: { type: String, attribute: 'api-base' },
    logic: { attribute: false },
    client: { attribute: false },
  };

  declare email: string;
  declare autofill: boolean;
  declare apiBase: string;
  declare logic: PasskeyLogic | undefined;
  declare client: FoyerClient | undefined;

  readonly #machine = new MachineController<PasskeyLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #conditional: ActorRefFrom<PasskeyLogic> | undefined;

  constructor() {
    super();
    this.email = '';
    this.autofill = false;
    this.apiBase = '';
  }

  /** The machine's actor (the button's). */
  get machine(): ActorRefFrom<PasskeyLogic> | undefined {
    return this.#machine.actor;
  }

  #logic(): PasskeyLogic {
    return this.logic ?? providedMachine(this.client, this.apiBase, buildPasskey);
  }

  #source(): MachineSource<PasskeyLogic> {
    return { logic: this.#logic(), input: { mode: 'authenticate', ...(this.email ? { email: this.email } : {}) } };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.autofill) void this.#startAutofill();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#conditional?.stop();
    this.#conditional = undefined;
  }

  async #startAutofill(): Promise<void> {
    if (!(await conditionalMediationAvailable()) || this.#conditional || !this.isConnected) return;
    const actor = createActor(this.#logic(), { input: { mode: 'authenticate', conditional: true } });
    this.#conditional = actor;
    actor.subscribe((snapshot) => {
      if (snapshot.status === 'done' && snapshot.output && 'user' in snapshot.output)
        this.emit('foyer-passkey-sign-in-complete', { user: snapshot.output.user });
    });
    actor.start();
  }

  #onSnapshot(snapshot: PasskeySnapshot, previous: PasskeySnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error)
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    if (snapshot.status === 'done' && previous.status !== 'done' && snapshot.output && 'user' in snapshot.output)
      this.emit('foyer-passkey-sign-in-complete', { user: snapshot.output.user });
  }

  #onClick(): void {
    if (!this.#machine.snapshot.matches('idle')) return;
    // A modal request replaces a pending autofill one (browsers allow one at a time).
    this.#conditional?.stop();
    this.#conditional = undefined;
    this.#machine.send({ type: 'passkey.start' });
  }

  protected override render() {
    if (!this.#machine.ready || !passkeysSupported()) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const busy = !snapshot.matches('idle') && snapshot.status !== 'done';
    const { error, cancelled } = snapshot.context;
    return html`<div part="base">
      <button
        part="passkey-button"
        type="button"
        aria-busy=${busy ? 'true' : 'false'}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${this.#onClick}
      >
        ${t.mfa.signInWithPasskey}
      </button>
      <p part="notice" role="status" aria-live="polite">
        ${cancelled ? t.mfa.passkeyCancelled : snapshot.status === 'done' ? t.mfa.stepUpDone : nothing}
      </p>
      <div part="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
    </div>`;
  }
}
