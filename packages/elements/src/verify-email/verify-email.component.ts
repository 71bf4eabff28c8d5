/** @module The `<foyer-verify-email>` class (no side effects: importing it defines no tag). */
import type { FoyerClient } from '@foyer/core';
import { verifyEmailMachine } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, authActors } from '../internal/auth-machines.js';
import { provideVerifyEmailMachine } from '@foyer/core';
import { renderField } from '../internal/field.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor } from '../internal/messages.js';
import { verifyEmailStyles } from './verify-email.styles.js';

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildVerifyEmail = (s: MachineIo) => provideVerifyEmailMachine(authActors(s));

type VerifyEmailLogic = typeof verifyEmailMachine;
type VerifyEmailSnapshot = SnapshotFrom<VerifyEmailLogic>;

/**
 * The email verification step: the visitor types the 6-digit code from the email or asks for a new
 * one. Renders the `verifyEmail` machine of `@foyer/core`.
 *
 * @summary Enter the one-time code sent by email.
 * @tag foyer-verify-email
 *
 * @attr email - The address the code was sent to (input of the machine, read on connect).
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr send-code - Ask the server for a fresh code when the element starts.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {ActorRefFrom<typeof verifyEmailMachine>} actor - A running verifyEmail actor to render (handed down by sign-in / sign-up).
 * @prop {typeof verifyEmailMachine} logic - A provided verifyEmail machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @slot footer - Content after the form.
 *
 * @event foyer-verify-email-complete - The code was accepted and the visitor is signed in; detail `{ user }`. Only when the element owns its actor.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading "Check your email".
 * @csspart description - The sentence naming the address the code went to.
 * @csspart form - The form.
 * @csspart field - The label, hint, input and error of the code.
 * @csspart label - The label "Verification code".
 * @csspart hint - The hint under the label.
 * @csspart input - The code input.
 * @csspart error - The message under the code input.
 * @csspart notice - The polite live region ("We sent a new code to …").
 * @csspart form-error - The alert region for server errors.
 * @csspart submit-button - The "Verify" button.
 * @csspart secondary-button - The "Send a new code" button.
 * @csspart footer - The footer slot.
 *
 * @cssproperty --foyer-color-primary - Buttons, links and focus.
 * @cssproperty --foyer-color-on-primary - Text on primary buttons.
 * @cssproperty --foyer-color-text - Text.
 * @cssproperty --foyer-color-text-muted - Hints and descriptions.
 * @cssproperty --foyer-color-background - Background of the element and inputs.
 * @cssproperty --foyer-color-border - Input and secondary button borders.
 * @cssproperty --foyer-color-danger - Errors.
 * @cssproperty --foyer-color-success - Notices.
 * @cssproperty --foyer-color-focus - Focus ring.
 * @cssproperty --foyer-radius - Corner radius.
 * @cssproperty --foyer-spacing - Space between fields.
 * @cssproperty --foyer-font - Font family.
 *
 * @example
 * <foyer-verify-email email="ada@example.com" api-base="https://auth.example.com"></foyer-verify-email>
 */
export class FoyerVerifyEmail extends FoyerElement {
  static override styles = [foyerStyles, verifyEmailStyles];

  static override properties: PropertyDeclarations = {
    email: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    sendCode: { type: Boolean, attribute: 'send-code' },
    actor: { attribute: false },
    logic: { attribute: false },
    client: { attribute: false },
  };

  /** The address the code was sent to. @default '' */
  declare email: string;
  /** Where the Foyer server is mounted. @default '' */
  declare apiBase: string;
  /** Ask for a fresh code on start. @default false */
  declare sendCode: boolean;
  /** A running verifyEmail actor to render instead of starting one. */
  declare actor: ActorRefFrom<VerifyEmailLogic> | undefined;
  /** A provided verifyEmail machine to start instead of the HTTP one. */
  declare logic: VerifyEmailLogic | undefined;
  /** The client to build the machine from. */
  declare client: FoyerClient | undefined;

  readonly #machine = new MachineController<VerifyEmailLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusAfterSubmit = false;

  constructor() {
    super();
    this.email = '';
    this.apiBase = '';
    this.sendCode = false;
  }

  /** The machine's actor (read-only; `undefined` while disconnected). */
  get machine(): ActorRefFrom<VerifyEmailLogic> | undefined {
    return this.#machine.actor;
  }

  /** Moves focus to the code input once it is rendered. */
  async focusCode(): Promise<void> {
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
    input?.focus();
  }

  #source(): MachineSource<VerifyEmailLogic> {
    if (this.actor) return { actor: this.actor };
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildVerifyEmail);
    return { logic, input: { email: this.email, sendCode: this.sendCode } };
  }

  #onSnapshot(snapshot: VerifyEmailSnapshot, previous: VerifyEmailSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    }
    if (snapshot.status === 'done' && previous.status !== 'done' && this.#machine.ownsActor && snapshot.output) {
      this.emit('foyer-verify-email-complete', { user: snapshot.output.user });
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('awaitingCode')) return;
    const code = new FormData(event.target as HTMLFormElement).get('code');
    this.#focusAfterSubmit = true;
    this.#machine.send({ type: 'code.submit', code: typeof code === 'string' ? code : '' });
  }

  #onResend(): void {
    if (!this.#machine.snapshot.matches('awaitingCode')) return;
    this.#machine.send({ type: 'code.resend' });
  }

  protected override updated(): void {
    if (!this.#focusAfterSubmit || !this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    if (snapshot.matches('verifying')) return;
    this.#focusAfterSubmit = false;
    if (snapshot.matches('awaitingCode') && (snapshot.context.error || snapshot.context.fieldErrors['code'])) {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
      input?.focus();
      input?.select();
    }
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { email, error, fieldErrors, notice } = snapshot.context;
    if (snapshot.status === 'done') {
      return html`<div part="base"><p part="notice" role="status">${t.emailVerified}</p></div>`;
    }
    const verifying = snapshot.matches('verifying');
    const resending = snapshot.matches('resending') || snapshot.matches('starting');
    const busy = verifying || resending;
    const wrongCode = error?.code === 'invalid_code' || error?.code === 'code_expired';
    return html`<div part="base">
      <h2 part="heading">${t.verifyHeading}</h2>
      <p part="description">${t.codeSentTo(email)}</p>
      <form part="form" novalidate @submit=${this.#onSubmit}>
        ${renderField({
          id: 'code',
          name: 'code',
          label: t.codeLabel,
          hint: t.codeHint,
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          maxlength: 12,
          error: fieldErrors['code'],
          invalid: wrongCode,
          describedBy: wrongCode ? 'form-error' : undefined,
        })}
        <p part="notice" role="status" aria-live="polite">${notice === 'code_sent' ? t.newCodeSent(email) : nothing}</p>
        <div part="form-error" id="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
        <div class="actions">
          <button
            part="submit-button"
            type="submit"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${verifying ? 'true' : 'false'}
          >
            ${t.verifySubmit}
          </button>
          <button
            part="secondary-button"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${resending ? 'true' : 'false'}
            @click=${this.#onResend}
          >
            ${t.resendCode}
          </button>
        </div>
      </form>
      <slot name="footer" part="footer"></slot>
    </div>`;
  }
}
