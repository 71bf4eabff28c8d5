/** @module The `<foyer-phone-sign-in>` class (no side effects: importing it defines no tag). */
import type { FoyerClient, phoneSignInMachine } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo } from '../internal/auth-machines.js';
import { phoneEndpoints, phoneHttpActors, providePhoneSignInMachine } from '@foyer/core';
import { renderField } from '../internal/field.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { phoneSignInStyles } from './phone-sign-in.styles.js';
import { phoneSignInMessages } from './phone-sign-in.messages.js';

registerEnglish(phoneSignInMessages);

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildPhoneSignIn = (s: MachineIo) => providePhoneSignInMachine(s.actors(phoneEndpoints, phoneHttpActors));

type PhoneSignInLogic = typeof phoneSignInMachine;
type PhoneSignInSnapshot = SnapshotFrom<PhoneSignInLogic>;

/**
 * Signs in with a code sent by SMS to a number the user added to their account: the number
 * (`autocomplete="tel"`), then the 6-digit code (`autocomplete="one-time-code"`, so phones offer
 * it from the SMS). The server must have SMS sign-in configured. Renders the `phoneSignIn`
 * machine of `@foyer/core`.
 *
 * @summary Sign in with a code sent by SMS.
 * @tag foyer-phone-sign-in
 *
 * @attr country - Region for numbers typed in national format (ISO 3166-1 alpha-2), sent to the server.
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {typeof phoneSignInMachine} logic - A provided phoneSignIn machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @event foyer-phone-sign-in-complete - Signed in; detail `{ user }`.
 * @event foyer-phone-mfa-required - The account has MFA; detail `{ mfaRequired, factors }` (show `<foyer-mfa-challenge>`).
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper. @csspart heading - The heading. @csspart description - The hint or "code sent" text.
 * @csspart form - The form. @csspart field - label + input + hint + error. @csspart label @csspart input @csspart hint @csspart error
 * @csspart form-error - The alert region for server errors. @csspart submit-button - "Text me a code" / "Sign in".
 * @csspart secondary-button - "Send a new code" and "Use a different number". @csspart notice - The signed-in status.
 */
export class FoyerPhoneSignIn extends FoyerElement {
  static override styles = [foyerStyles, phoneSignInStyles];

  static override properties: PropertyDeclarations = {
    country: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    logic: { attribute: false },
    client: { attribute: false },
  };

  /** @default '' */
  declare country: string;
  /** @default '' */
  declare apiBase: string;
  declare logic: PhoneSignInLogic | undefined;
  declare client: FoyerClient | undefined;

  readonly #machine = new MachineController<PhoneSignInLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusNext = false;

  constructor() {
    super();
    this.country = '';
    this.apiBase = '';
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine() {
    return this.#machine.actor;
  }

  #source(): MachineSource<PhoneSignInLogic> {
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildPhoneSignIn);
    return { logic, input: this.country ? { country: this.country } : {} };
  }

  #onSnapshot(snapshot: PhoneSignInSnapshot, previous: PhoneSignInSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    }
    const answer = snapshot.context.answer;
    if (snapshot.matches('done') && !previous.matches('done') && answer && 'user' in answer) {
      this.emit('foyer-phone-sign-in-complete', { user: answer.user });
    }
    if (snapshot.matches('mfaRequired') && !previous.matches('mfaRequired') && answer && 'mfaRequired' in answer) {
      this.emit('foyer-phone-mfa-required', { mfaRequired: true, factors: [...answer.factors] });
    }
    if (!snapshot.matches(previous.value as never)) this.#focusNext = true;
  }

  #value(event: SubmitEvent, name: string): string {
    const entry = new FormData(event.target as HTMLFormElement).get(name);
    return typeof entry === 'string' ? entry : '';
  }

  #onPhoneSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('enterPhone')) return;
    this.#focusNext = true;
    this.#machine.send({ type: 'phone.submit', phone: this.#value(event, 'phone') });
  }

  #onCodeSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('awaitingCode')) return;
    this.#focusNext = true;
    this.#machine.send({ type: 'code.submit', code: this.#value(event, 'code') });
  }

  protected override updated(): void {
    if (!this.#focusNext || !this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    if (snapshot.matches('sending') || snapshot.matches('verifying')) return;
    this.#focusNext = false;
    const id = snapshot.matches('enterPhone') ? '#phone' : snapshot.matches('awaitingCode') ? '#code' : undefined;
    if (id) this.renderRoot.querySelector<HTMLInputElement>(id)?.focus();
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { error, fieldErrors, phone } = snapshot.context;
    if (snapshot.matches('done') || snapshot.matches('mfaRequired')) {
      return html`<div part="base">
        <p part="notice" role="status">${snapshot.matches('done') ? t.phoneSignedIn : t.oauthMfaPending}</p>
      </div>`;
    }
    const formError = html`<div part="form-error" id="form-error" role="alert">
      ${error && !fieldErrors['code'] && !fieldErrors['phone'] ? errorMessage(t, error) : nothing}
    </div>`;
    if (snapshot.matches('enterPhone') || snapshot.matches('sending')) {
      const busy = snapshot.matches('sending');
      return html`<div part="base">
        <h2 part="heading">${t.phoneSignInHeading}</h2>
        <form part="form" novalidate @submit=${this.#onPhoneSubmit}>
          ${renderField({
            id: 'phone',
            name: 'phone',
            label: t.phoneLabel,
            type: 'tel',
            autocomplete: 'tel',
            maxlength: 32,
            value: phone,
            hint: t.phoneHint,
            error: fieldErrors['phone'],
            describedBy: 'form-error',
          })}
          ${formError}
          <button
            part="submit-button"
            type="submit"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
          >
            ${t.phoneSendCode}
          </button>
        </form>
      </div>`;
    }
    const busy = snapshot.matches('verifying');
    return html`<div part="base">
      <h2 part="heading">${t.phoneSignInHeading}</h2>
      <p part="description" role="status">${t.phoneCodeSentTo(phone)}</p>
      <form part="form" novalidate @submit=${this.#onCodeSubmit}>
        ${renderField({
          id: 'code',
          name: 'code',
          label: t.codeLabel,
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          maxlength: 12,
          error: fieldErrors['code'],
          describedBy: 'form-error',
        })}
        ${formError}
        <div class="actions">
          <button
            part="submit-button"
            type="submit"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
          >
            ${t.phoneVerifySubmit}
          </button>
          <button part="secondary-button" type="button" @click=${() => this.#machine.send({ type: 'code.resend' })}>
            ${t.resendCode}
          </button>
          <button part="secondary-button" type="button" @click=${() => this.#machine.send({ type: 'phone.change' })}>
            ${t.phoneChangeNumber}
          </button>
        </div>
      </form>
    </div>`;
  }
}
