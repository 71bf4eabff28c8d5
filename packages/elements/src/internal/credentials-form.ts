/**
 * @module The email + password form shared by `<foyer-sign-in>` and `<foyer-sign-up>`: both
 * machines have the same states (`editing`, `submitting`, `verifyingEmail`, `done`), events and
 * context, so one class renders both and the subclasses only pick machine and texts.
 */
import type { AuthMachines, FoyerClient, signInMachine, verifyEmailMachine } from '@foyer/core';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { FoyerVerifyEmail } from '../verify-email/verify-email.component.js';
import { authMachinesFor } from './auth-machines.js';
import { renderField } from './field.js';
import { FoyerElement, foyerStyles } from './foyer-element.js';
import { MachineController, type MachineSource } from './machine-controller.js';
import { errorMessage, messagesFor, type FoyerMessages } from './messages.js';

/** Sign-in and sign-up machines share this shape; the sign-in type stands for both. */
type CredentialsLogic = typeof signInMachine;
type CredentialsSnapshot = SnapshotFrom<CredentialsLogic>;

const FIELD_ORDER = ['email', 'password'] as const;

/** Texts and wiring a subclass chooses. */
export interface CredentialsFormConfig {
  heading: (t: FoyerMessages) => string;
  submit: (t: FoyerMessages) => string;
  emailAutocomplete: 'username' | 'email';
  passwordAutocomplete: 'current-password' | 'new-password';
  passwordHint: (t: FoyerMessages) => string | undefined;
  completeEvent: 'foyer-sign-in-complete' | 'foyer-sign-up-complete';
  logic: (machines: AuthMachines) => CredentialsLogic;
}

const credentialsStyles = css`
  .control {
    display: flex;
    gap: 0.5rem;
  }
  .control [part~='input'] {
    flex: 1 1 auto;
    min-width: 0;
  }
  [part~='password-toggle'] {
    flex: none;
    font-weight: 500;
  }
  .step {
    display: grid;
    gap: var(--_space);
  }
  .step > [part~='secondary-button'] {
    justify-self: start;
  }
`;

/** The base of `FoyerSignIn` and `FoyerSignUp`; not registered as a tag itself. */
export abstract class FoyerCredentialsForm extends FoyerElement {
  static override styles = [foyerStyles, credentialsStyles];

  static override dependencies = { 'foyer-verify-email': FoyerVerifyEmail };

  static override properties: PropertyDeclarations = {
    email: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    actor: { attribute: false },
    logic: { attribute: false },
    client: { attribute: false },
    showPassword: { state: true },
  };

  /** Pre-fills the email field. @default '' */
  declare email: string;
  /** Where the Foyer server is mounted; `''` is the page's own origin. @default '' */
  declare apiBase: string;
  /** A running actor of the machine to render (handed down by `<foyer-auth>`). */
  declare actor: ActorRefFrom<CredentialsLogic> | undefined;
  /** A provided machine to start instead of the HTTP one (tests, stories). */
  declare logic: CredentialsLogic | undefined;
  /** The client to build the machine from, instead of `api-base`. */
  declare client: FoyerClient | undefined;
  declare protected showPassword: boolean;

  protected abstract readonly config: CredentialsFormConfig;

  readonly #machine = new MachineController<CredentialsLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusAfterSubmit = false;
  #wasVerifying = false;

  constructor() {
    super();
    this.email = '';
    this.apiBase = '';
    this.showPassword = false;
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine(): ActorRefFrom<CredentialsLogic> | undefined {
    return this.#machine.actor;
  }

  /** The input of the machine when this element starts it. */
  protected machineInput(): { email?: string } {
    return {};
  }

  #source(): MachineSource<CredentialsLogic> {
    if (this.actor) return { actor: this.actor };
    const logic = this.logic ?? this.config.logic(authMachinesFor(this.client, this.apiBase));
    return { logic, input: this.machineInput() };
  }

  #onSnapshot(snapshot: CredentialsSnapshot, previous: CredentialsSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    }
    // An adopted actor belongs to a parent element, which announces the completion itself.
    if (snapshot.status === 'done' && previous.status !== 'done' && this.#machine.ownsActor && snapshot.output) {
      this.emit(this.config.completeEvent, { user: snapshot.output.user });
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('editing')) return;
    const data = new FormData(event.target as HTMLFormElement);
    const email = data.get('email');
    const password = data.get('password');
    this.#focusAfterSubmit = true;
    this.#machine.send({
      type: 'credentials.submit',
      email: typeof email === 'string' ? email : '',
      password: typeof password === 'string' ? password : '',
    });
  }

  #onTogglePassword(): void {
    this.showPassword = !this.showPassword;
  }

  #onCancelVerification(): void {
    this.#focusAfterSubmit = false;
    this.#machine.send({ type: 'verification.cancel' });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus());
  }

  protected override updated(): void {
    if (!this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    const verifying = snapshot.matches('verifyingEmail');
    if (verifying && !this.#wasVerifying) {
      void this.renderRoot.querySelector<FoyerVerifyEmail>('foyer-verify-email')?.focusCode();
    }
    this.#wasVerifying = verifying;
    if (!this.#focusAfterSubmit || snapshot.matches('submitting')) return;
    this.#focusAfterSubmit = false;
    if (!snapshot.matches('editing')) return;
    const invalid = FIELD_ORDER.find((name) => snapshot.context.fieldErrors[name]);
    if (invalid) this.renderRoot.querySelector<HTMLInputElement>(`#${invalid}`)?.focus();
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { context } = snapshot;

    if (snapshot.status === 'done') {
      return html`<div part="base">
        <p part="notice" role="status">${t.signedInAs(context.user?.email ?? context.email)}</p>
      </div>`;
    }

    if (snapshot.matches('verifyingEmail')) {
      const child = snapshot.children['verifyEmail'] as ActorRefFrom<typeof verifyEmailMachine> | undefined;
      return html`<div part="base" class="step">
        <foyer-verify-email
          part="verify-email"
          exportparts="base: verify-base, heading, description, form, field, label, hint, input, error, notice, form-error, submit-button, secondary-button"
          locale=${this.locale}
          .actor=${child}
        ></foyer-verify-email>
        <button part="secondary-button" type="button" @click=${this.#onCancelVerification}>
          ${t.useDifferentEmail}
        </button>
        <slot name="footer" part="footer"></slot>
      </div>`;
    }

    const submitting = snapshot.matches('submitting');
    const { fieldErrors, error } = context;
    const hint = this.config.passwordHint(t);
    return html`<div part="base">
      <h2 part="heading">${this.config.heading(t)}</h2>
      <form part="form" novalidate @submit=${this.#onSubmit}>
        ${renderField({
          id: 'email',
          name: 'email',
          label: t.emailLabel,
          type: 'email',
          autocomplete: this.config.emailAutocomplete,
          value: context.email || this.email,
          error: fieldErrors['email'],
        })}
        ${renderField({
          id: 'password',
          name: 'password',
          label: t.passwordLabel,
          type: this.showPassword ? 'text' : 'password',
          autocomplete: this.config.passwordAutocomplete,
          hint,
          error: fieldErrors['password'],
          after: html`<button
            part="password-toggle"
            type="button"
            aria-controls="password"
            aria-pressed=${this.showPassword ? 'true' : 'false'}
            @click=${this.#onTogglePassword}
          >
            ${t.showPassword}
          </button>`,
        })}
        <div part="form-error" id="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
        <button
          part="submit-button"
          type="submit"
          aria-disabled=${submitting ? 'true' : 'false'}
          aria-busy=${submitting ? 'true' : 'false'}
        >
          ${this.config.submit(t)}
        </button>
      </form>
      <slot name="footer" part="footer"></slot>
    </div>`;
  }
}
