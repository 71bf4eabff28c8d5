/** @module The `<foyer-reset-password>` class (no side effects: importing it defines no tag). */
import type { FoyerClient, passwordStrengthMachine, resetPasswordMachine } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, mfaActors, securityActors } from '../internal/auth-machines.js';
import { provideResetPasswordMachine } from '@foyer/core';
import { webauthnCeremonies } from '../internal/webauthn.js';
import { renderField } from '../internal/field.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish, type FoyerMessages } from '../internal/messages.js';
import { renderNewPasswordField, strengthEventOf } from '../internal/new-password-field.js';
import { FoyerPasswordMeter } from '../password-meter/password-meter.component.js';
import { resetPasswordStyles } from './reset-password.styles.js';
import { resetPasswordMessages } from './reset-password.messages.js';

registerEnglish(resetPasswordMessages);

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildResetPassword = (s: MachineIo) =>
  provideResetPasswordMachine({ ...securityActors(s), ...mfaActors(s) }, webauthnCeremonies);

type ResetLogic = typeof resetPasswordMachine;
type ResetSnapshot = SnapshotFrom<ResetLogic>;
type StrengthActor = ActorRefFrom<typeof passwordStrengthMachine>;

const FIELD_ORDER = ['email', 'code', 'password'] as const;

/**
 * Password reset: the email → a 6-digit code and a new password (with the live strength meter) →
 * signed in. With `token` (from the reset email's link, which the host passes from its URL) it
 * starts at choosing the new password. Renders the `resetPassword` machine of `@foyer/core`.
 *
 * Accessible names: input "Email" and button "Send reset code"; then inputs "Verification code" and
 * "New password", buttons "Set new password", "Send a new code" and "Use a different email"; with a
 * dead link, the button "Ask for a new code".
 *
 * @summary Reset a forgotten password.
 * @tag foyer-reset-password
 *
 * @attr email - Pre-fills the email (machine input, read on connect).
 * @attr token - The link token from the reset email: skip to choosing a password (read on connect).
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {ActorRefFrom<typeof resetPasswordMachine>} actor - A running resetPassword actor (handed down by `<foyer-auth>`).
 * @prop {typeof resetPasswordMachine} logic - A provided resetPassword machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @slot footer - Content after the form (e.g. a "Back to sign in" link).
 *
 * @event foyer-password-reset-complete - The password is set and this device is signed in; detail `{ user }`. Only when the element owns its actor.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base @csspart heading @csspart description @csspart form @csspart field @csspart label @csspart hint @csspart input @csspart error
 * @csspart password-toggle - The "Show password" toggle. @csspart password-meter - The nested `<foyer-password-meter>` (its parts exported).
 * @csspart notice - The polite status line (code sent, done). @csspart form-error - The alert region.
 * @csspart submit-button - "Send reset code" / "Set new password". @csspart secondary-button - "Send a new code", "Ask for a new code".
 * @csspart link-button - "Use a different email". @csspart footer - The footer slot.
 */
export class FoyerResetPassword extends FoyerElement {
  static override styles = [foyerStyles, resetPasswordStyles];

  static override dependencies = { 'foyer-password-meter': FoyerPasswordMeter };

  static override properties: PropertyDeclarations = {
    email: { type: String },
    token: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    actor: { attribute: false },
    logic: { attribute: false },
    client: { attribute: false },
    showPassword: { state: true },
  };

  /** @default '' */
  declare email: string;
  /** @default '' */
  declare token: string;
  /** @default '' */
  declare apiBase: string;
  declare actor: ActorRefFrom<ResetLogic> | undefined;
  declare logic: ResetLogic | undefined;
  declare client: FoyerClient | undefined;
  declare protected showPassword: boolean;

  readonly #machine = new MachineController<ResetLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusAfterSubmit = false;
  #focusCode = false;

  constructor() {
    super();
    this.email = '';
    this.token = '';
    this.apiBase = '';
    this.showPassword = false;
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine(): ActorRefFrom<ResetLogic> | undefined {
    return this.#machine.actor;
  }

  /** Moves focus to the first input once rendered. */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  #source(): MachineSource<ResetLogic> {
    if (this.actor) return { actor: this.actor };
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildResetPassword);
    return { logic, input: { email: this.email, ...(this.token ? { token: this.token } : {}) } };
  }

  #onSnapshot(snapshot: ResetSnapshot, previous: ResetSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    }
    if (snapshot.matches('awaitingCode') && previous.matches('sendingRequest')) this.#focusCode = true;
    if (snapshot.status === 'done' && previous.status !== 'done' && this.#machine.ownsActor && snapshot.output) {
      this.emit('foyer-password-reset-complete', { user: snapshot.output.user });
    }
  }

  #value(form: HTMLFormElement, name: string): string {
    const entry = new FormData(form).get(name);
    return typeof entry === 'string' ? entry : '';
  }

  #onRequest(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('requesting')) return;
    this.#focusAfterSubmit = true;
    this.#machine.send({ type: 'reset.request', email: this.#value(event.target as HTMLFormElement, 'email') });
  }

  #onReset(event: SubmitEvent): void {
    event.preventDefault();
    const snapshot = this.#machine.snapshot;
    if (!snapshot.matches('awaitingCode') && !snapshot.matches('choosingPassword')) return;
    const form = event.target as HTMLFormElement;
    this.#focusAfterSubmit = true;
    this.#machine.send({
      type: 'reset.submit',
      password: this.#value(form, 'password'),
      ...(snapshot.context.token === null ? { code: this.#value(form, 'code') } : {}),
    });
  }

  #onStrengthEvent(event: Event): void {
    const strengthEvent = strengthEventOf(event, 'password');
    if (strengthEvent) this.#machine.send(strengthEvent);
  }

  #onResend(): void {
    if (this.#machine.snapshot.matches('awaitingCode')) this.#machine.send({ type: 'code.resend' });
  }

  #onRestart(): void {
    this.#machine.send({ type: 'reset.restart' });
    void this.focusFirst();
  }

  protected override updated(): void {
    if (!this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    if (this.#focusCode && snapshot.matches('awaitingCode')) {
      this.#focusCode = false;
      this.#focusAfterSubmit = false;
      this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
      return;
    }
    if (!this.#focusAfterSubmit || snapshot.matches('sendingRequest') || snapshot.matches('resetting')) return;
    this.#focusAfterSubmit = false;
    const invalid = FIELD_ORDER.find((name) => snapshot.context.fieldErrors[name]);
    if (invalid) this.renderRoot.querySelector<HTMLInputElement>(`#${invalid}`)?.focus();
  }

  #status(snapshot: ResetSnapshot, t: FoyerMessages): string {
    if (snapshot.status === 'done') return t.resetDone;
    if (snapshot.context.notice === 'code_sent' && (snapshot.matches('awaitingCode') || snapshot.matches('resetting')))
      return t.resetCodeSentTo(snapshot.context.email);
    return '';
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    return html`<div part="base">
      <h2 part="heading">${t.resetHeading}</h2>
      <p part="notice" role="status">${this.#status(snapshot, t)}</p>
      ${
        snapshot.status === 'done'
          ? nothing
          : snapshot.matches('mfaRequired')
            ? html`<foyer-mfa-challenge
                part="mfa-challenge"
                exportparts="base: mfa-base, description, form, field, label, hint, input, error, notice, form-error, submit-button, secondary-button, passkey-button, methods, method-button"
                locale=${this.locale}
                .actor=${snapshot.children['mfaChallenge' as never]}
              ></foyer-mfa-challenge>`
            : snapshot.matches('requesting') || snapshot.matches('sendingRequest')
              ? this.#renderRequest(snapshot, t)
              : this.#renderReset(snapshot, t)
      }
      <slot name="footer" part="footer"></slot>
    </div>`;
  }

  #renderRequest(snapshot: ResetSnapshot, t: FoyerMessages) {
    const sending = snapshot.matches('sendingRequest');
    const { error, fieldErrors } = snapshot.context;
    return html`<p part="description">${t.resetDescription}</p>
      <form part="form" novalidate @submit=${this.#onRequest}>
        ${renderField({
          id: 'email',
          name: 'email',
          label: t.emailLabel,
          type: 'email',
          autocomplete: 'email',
          value: snapshot.context.email || this.email,
          error: fieldErrors['email'],
        })}
        <div part="form-error" id="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
        <button
          part="submit-button"
          type="submit"
          aria-disabled=${sending ? 'true' : 'false'}
          aria-busy=${sending ? 'true' : 'false'}
        >
          ${t.resetRequestSubmit}
        </button>
      </form>`;
  }

  #renderReset(snapshot: ResetSnapshot, t: FoyerMessages) {
    const resetting = snapshot.matches('resetting');
    const { error, fieldErrors, token } = snapshot.context;
    const withCode = token === null;
    const deadLink = !withCode && (error?.code === 'code_expired' || error?.code === 'invalid_code');
    const wrongCode = withCode && (error?.code === 'invalid_code' || error?.code === 'code_expired');
    const strength = snapshot.children['strength'] as StrengthActor | undefined;
    const formError = deadLink ? t.resetLinkExpired : error ? errorMessage(t, error) : '';
    return html`${withCode ? nothing : html`<p part="description">${t.resetChooseDescription}</p>`}
      <form
        part="form"
        novalidate
        @submit=${this.#onReset}
        @focusin=${this.#onStrengthEvent}
        @input=${this.#onStrengthEvent}
      >
        ${
          withCode
            ? renderField({
                id: 'code',
                name: 'code',
                label: t.codeLabel,
                hint: t.codeHint,
                autocomplete: 'one-time-code',
                inputmode: 'numeric',
                maxlength: 12,
                error: fieldErrors['code'] && !wrongCode ? fieldErrors['code'] : undefined,
                invalid: wrongCode,
                describedBy: wrongCode ? 'form-error' : undefined,
              })
            : nothing
        }
        ${renderNewPasswordField({
          id: 'password',
          name: 'password',
          label: t.newPasswordLabel,
          hint: t.newPasswordHint,
          error: fieldErrors['password'],
          shown: this.showPassword,
          onToggle: () => (this.showPassword = !this.showPassword),
          strength,
          locale: this.locale,
          t,
        })}
        <div part="form-error" id="form-error" role="alert">${formError || nothing}</div>
        <div class="actions">
          ${
            deadLink
              ? html`<button part="secondary-button" type="button" @click=${this.#onRestart}>
                  ${t.requestNewCode}
                </button>`
              : html`<button
                  part="submit-button"
                  type="submit"
                  aria-disabled=${resetting ? 'true' : 'false'}
                  aria-busy=${resetting ? 'true' : 'false'}
                >
                  ${t.resetSubmit}
                </button>`
          }
          ${
            withCode
              ? html`<button
                    part="secondary-button"
                    type="button"
                    aria-disabled=${resetting ? 'true' : 'false'}
                    @click=${this.#onResend}
                  >
                    ${t.resendCode}
                  </button>
                  <button part="link-button" type="button" @click=${this.#onRestart}>${t.useDifferentEmail}</button>`
              : nothing
          }
        </div>
      </form>`;
  }
}
