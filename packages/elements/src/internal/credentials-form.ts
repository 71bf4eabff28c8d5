/**
 * @module The email + password form shared by `<foyer-sign-in>` and `<foyer-sign-up>`: both
 * machines have the same states (`editing`, `submitting`, `verifyingEmail`, `done`), events and
 * context, so one class renders both and the subclasses only pick machine and texts.
 */
import type {
  changePasswordMachine,
  FoyerClient,
  passwordStrengthMachine,
  resetPasswordMachine,
  signInMachine,
  verifyEmailMachine,
} from '@foyer/core';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { FoyerChangePassword } from '../change-password/change-password.component.js';
import type { FoyerResetPassword } from '../reset-password/reset-password.component.js';
import { FoyerVerifyEmail } from '../verify-email/verify-email.component.js';
import type { mfaChallengeMachine } from '@foyer/core';
import { renderField } from './field.js';
import { FoyerElement, foyerStyles } from './foyer-element.js';
import { definedElement } from './lazy-elements.js';
import { MachineController, type MachineSource } from './machine-controller.js';
import { errorMessage, messagesFor, type FoyerMessages } from './messages.js';
import { renderNewPasswordField, strengthEventOf } from './new-password-field.js';

/**
 * Sign-in and sign-up machines share this shape; the sign-in type stands for both (sign-up's extra
 * events — `password.*`, `email.input` — are sent through {@link FoyerCredentialsForm.sendExtra}).
 */
type CredentialsLogic = typeof signInMachine;
type CredentialsSnapshot = SnapshotFrom<CredentialsLogic>;
type ResetLogic = typeof resetPasswordMachine;

const FIELD_ORDER = ['email', 'password'] as const;

/** Attempts-left counts at or below this are shown. */
const LOW_ATTEMPTS = 3;

/** `mm:ss` (or `h:mm:ss`) of a duration. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Texts and wiring a subclass chooses. */
export interface CredentialsFormConfig {
  heading: (t: FoyerMessages) => string;
  submit: (t: FoyerMessages) => string;
  emailAutocomplete: 'username' | 'email';
  passwordAutocomplete: 'current-password' | 'new-password';
  passwordHint: (t: FoyerMessages) => string | undefined;
  completeEvent: 'foyer-sign-in-complete' | 'foyer-sign-up-complete';
  /** The provided machine when none is given: `signInMachineFor` or `signUpMachineFor` (internal/auth-machines.ts). */
  logic: (client: FoyerClient | undefined, apiBase: string | null | undefined) => CredentialsLogic;
  /** Show the live strength meter under the password (sign-up). */
  strengthMeter: boolean;
  /** Offer "Forgot your password?" (sign-in). */
  forgotPassword: boolean;
  /** Wording of the provider buttons (`providers` attribute). @default 'signin' */
  socialMode?: 'signin' | 'signup' | 'continue';
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
  [part~='status']:empty {
    display: none;
  }
  [part~='status'] {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  [part~='lock'] {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 var(--_space);
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='lock-heading'] {
    margin: 0;
    font-size: 1.0625em;
  }
  [part~='lock'] p {
    margin: 0;
  }
  [part~='countdown'] {
    font-variant-numeric: tabular-nums;
    font-weight: 650;
    font-size: 1.25em;
  }
  [part~='lock'] [part~='link-button'],
  form > [part~='link-button'] {
    justify-self: start;
  }
`;

/** The base of `FoyerSignIn` and `FoyerSignUp`; not registered as a tag itself. */
export abstract class FoyerCredentialsForm extends FoyerElement {
  static override styles = [foyerStyles, credentialsStyles];

  static override dependencies = {
    'foyer-verify-email': FoyerVerifyEmail,
  };

  /** Shown only in some states: fetched the first time they render. */
  static override lazyDependencies = {
    'foyer-captcha': () => import('../captcha/captcha.js'),
    'foyer-password-meter': () => import('../password-meter/password-meter.js'),
    'foyer-change-password': () => import('../change-password/change-password.js'),
    'foyer-reset-password': () => import('../reset-password/reset-password.js'),
    'foyer-social-buttons': () => import('../social-buttons/social-buttons.js'),
    'foyer-mfa-challenge': () => import('../mfa.js'),
  };

  static override properties: PropertyDeclarations = {
    email: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    actor: { attribute: false },
    logic: { attribute: false },
    client: { attribute: false },
    resetLogic: { attribute: false },
    providers: { type: String },
    showPassword: { state: true },
    resetting: { state: true },
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
  /** (sign-in) The reset machine the standalone "Forgot your password?" view starts (tests, stories). */
  declare resetLogic: ResetLogic | undefined;
  /** Social sign-in providers shown above the form (`google apple`); see `<foyer-social-buttons>`. @default '' */
  declare providers: string;
  declare protected showPassword: boolean;
  /** The standalone sign-in shows `<foyer-reset-password>` instead of the form. */
  declare protected resetting: boolean;

  protected abstract readonly config: CredentialsFormConfig;

  readonly #machine = new MachineController<CredentialsLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusAfterSubmit = false;
  #wasVerifying = false;
  #wasChanging = false;
  /** The polite announcement (attempts left, CAPTCHA asked, lock start and end). */
  #notice = '';
  #captchaSolution: string | null = null;
  /** Bumped per CAPTCHA submission: a fresh widget for the next challenge. */
  #captchaRound = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.email = '';
    this.apiBase = '';
    this.providers = '';
    this.showPassword = false;
    this.resetting = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker();
  }

  /** Sends an event the sign-in machine type does not know (sign-up's strength events). */
  protected sendExtra(event: { type: string; [key: string]: unknown }): void {
    this.#machine.actor?.send(event as never);
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
    const logic = this.logic ?? this.config.logic(this.client, this.apiBase);
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
    this.#notice = this.#nextNotice(snapshot, previous);
  }

  /** What the polite status region says after this snapshot: announced once per change. */
  #nextNotice(snapshot: CredentialsSnapshot, previous: CredentialsSnapshot): string {
    const t = messagesFor(this.locale);
    const { context } = snapshot;
    if (snapshot.matches('locked')) {
      if (previous.matches('locked')) return this.#notice;
      const ms = new Date(context.lock?.lockedUntil ?? 0).getTime() - Date.now();
      return t.lockedAnnouncement(Math.max(1, Math.ceil(ms / 60_000)));
    }
    if (snapshot.matches('editing') && previous.matches('locked')) return t.lockEnded;
    if (snapshot.matches('captchaRequired'))
      return previous.matches('captchaRequired') ? this.#notice : t.captchaRequired;
    if (snapshot.matches('editing') && previous.matches('submitting')) {
      const left = context.attemptsLeft;
      return left !== null && left <= LOW_ATTEMPTS && context.error?.code === 'invalid_credentials'
        ? t.attemptsLeft(left)
        : '';
    }
    if (snapshot.matches('submitting') || snapshot.status === 'done') return '';
    return this.#notice;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const snapshot = this.#machine.snapshot;
    const captcha = snapshot.matches('captchaRequired');
    if (!snapshot.matches('editing') && !captcha && !snapshot.matches('locked')) return;
    const data = new FormData(event.target as HTMLFormElement);
    const email = data.get('email');
    const password = data.get('password');
    const solution = captcha ? this.#captchaSolution : null;
    // A solution is single use: the next CAPTCHA (if any) starts fresh.
    this.#captchaSolution = null;
    if (captcha) this.#captchaRound++;
    this.#focusAfterSubmit = true;
    this.#machine.send({
      type: 'credentials.submit',
      email: typeof email === 'string' ? email : '',
      password: typeof password === 'string' ? password : '',
      ...(solution ? { captcha: solution } : {}),
    });
  }

  #onFormInput(event: Event): void {
    if (!this.config.strengthMeter) return;
    const target = event.target;
    if (event.type === 'input' && target instanceof HTMLInputElement && target.name === 'email') {
      this.sendExtra({ type: 'email.input', email: target.value });
      return;
    }
    const strengthEvent = strengthEventOf(event, 'password');
    if (strengthEvent) this.sendExtra(strengthEvent);
  }

  #onCaptchaSolved(event: CustomEvent<{ solution: string }>): void {
    this.#captchaSolution = event.detail.solution;
  }

  #onForgotPassword(): void {
    const email =
      this.renderRoot.querySelector<HTMLInputElement>('#email')?.value ?? this.#machine.snapshot.context.email;
    const proceed = this.dispatchEvent(
      new CustomEvent('foyer-forgot-password', { detail: { email }, bubbles: true, composed: true, cancelable: true }),
    );
    // Inside <foyer-auth> (an adopted actor) the parent shows the reset view; standalone, this element does.
    if (proceed && this.#machine.ownsActor) {
      this.email = email;
      this.resetting = true;
      void this.updateComplete
        .then(() => definedElement<FoyerResetPassword>(this.renderRoot, 'foyer-reset-password'))
        .then((element) => element?.focusFirst());
    }
  }

  #onBackToSignIn(): void {
    this.resetting = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus());
  }

  #startTicker(): void {
    this.#ticker ??= setInterval(() => this.requestUpdate(), 1000);
  }

  #stopTicker(): void {
    if (this.#ticker !== undefined) clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #onTogglePassword(): void {
    this.showPassword = !this.showPassword;
  }

  #onMfaCancel = (): void => {
    (this.#machine as unknown as { send(event: { type: 'mfa.cancel' }): void }).send({ type: 'mfa.cancel' });
  };

  #onCancelVerification(): void {
    this.#focusAfterSubmit = false;
    this.#machine.send({ type: 'verification.cancel' });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus());
  }

  protected override updated(): void {
    if (!this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    if (snapshot.matches('locked')) this.#startTicker();
    else this.#stopTicker();
    const verifying = snapshot.matches('verifyingEmail');
    if (verifying && !this.#wasVerifying) {
      void this.renderRoot.querySelector<FoyerVerifyEmail>('foyer-verify-email')?.focusCode();
    }
    this.#wasVerifying = verifying;
    const changing = snapshot.matches('changingPassword');
    if (changing && !this.#wasChanging) {
      void definedElement<FoyerChangePassword>(this.renderRoot, 'foyer-change-password').then((element) =>
        element?.focusFirst(),
      );
    }
    this.#wasChanging = changing;
    if (!this.#focusAfterSubmit || snapshot.matches('submitting')) return;
    this.#focusAfterSubmit = false;
    if (!snapshot.matches('editing') && !snapshot.matches('captchaRequired')) return;
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

    if (this.resetting) {
      return html`<div part="base" class="step">
        <foyer-reset-password
          part="reset-password"
          exportparts="base: reset-base, heading, description, form, field, label, hint, input, error, notice, form-error, submit-button, secondary-button, link-button, password-toggle, password-meter, meter, strength-label, warning, suggestions, problems"
          locale=${this.locale}
          email=${this.email}
          api-base=${this.apiBase}
          .client=${this.client}
          .logic=${this.resetLogic}
        ></foyer-reset-password>
        <button part="secondary-button" type="button" @click=${this.#onBackToSignIn}>${t.backToSignIn}</button>
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

    if ((snapshot as { matches(state: string): boolean }).matches('mfaRequired')) {
      const child = snapshot.children['mfaChallenge' as never] as ActorRefFrom<typeof mfaChallengeMachine> | undefined;
      return html`<div part="base" class="step">
        <foyer-mfa-challenge
          part="mfa-challenge"
          exportparts="base: mfa-base, heading, description, form, field, label, hint, input, error, notice, form-error, submit-button, secondary-button, passkey-button, methods, method-button"
          locale=${this.locale}
          .actor=${child}
        ></foyer-mfa-challenge>
        <button part="secondary-button" type="button" @click=${this.#onMfaCancel}>${t.mfa.startOver}</button>
        <slot name="footer" part="footer"></slot>
      </div>`;
    }

    if (snapshot.matches('changingPassword')) {
      const child = snapshot.children['changePassword'] as ActorRefFrom<typeof changePasswordMachine> | undefined;
      return html`<div part="base" class="step">
        <foyer-change-password
          part="change-password"
          exportparts="base: change-base, heading, description, form, field, label, hint, input, error, notice, form-error, submit-button, secondary-button, password-toggle, password-meter, meter, strength-label, warning, suggestions, problems"
          locale=${this.locale}
          .actor=${child}
        ></foyer-change-password>
      </div>`;
    }

    const submitting = snapshot.matches('submitting');
    const captchaRequired = snapshot.matches('captchaRequired');
    const locked = snapshot.matches('locked');
    const { fieldErrors, error } = context;
    // The lock panel says what account_locked means; the alert would repeat it.
    const shownError = error && !(locked && error.code === 'account_locked') ? errorMessage(t, error) : '';
    const hint = this.config.passwordHint(t);
    const strength = this.config.strengthMeter ? (snapshot.children as Record<string, unknown>)['strength'] : undefined;
    return html`<div part="base">
      <h2 part="heading">${this.config.heading(t)}</h2>
      <p part="status" role="status">${this.#notice}</p>
      ${locked ? this.#renderLock(snapshot, t) : nothing}
      ${
        this.providers.trim()
          ? html`<foyer-social-buttons
              part="social-buttons"
              exportparts="base: social-base, provider-button, google-button, apple-button, oidc-button, provider-logo, divider, notice: social-notice, form-error: social-error"
              providers=${this.providers}
              api-base=${this.apiBase}
              mode=${this.config.socialMode ?? 'signin'}
              locale=${this.locale}
              divider
            ></foyer-social-buttons>`
          : nothing
      }
      <form part="form" novalidate @submit=${this.#onSubmit} @input=${this.#onFormInput} @focusin=${this.#onFormInput}>
        ${renderField({
          id: 'email',
          name: 'email',
          label: t.emailLabel,
          type: 'email',
          autocomplete: this.config.emailAutocomplete,
          value: context.email || this.email,
          error: fieldErrors['email'],
        })}
        ${
          this.config.strengthMeter
            ? renderNewPasswordField({
                id: 'password',
                name: 'password',
                label: t.passwordLabel,
                hint,
                error: fieldErrors['password'],
                shown: this.showPassword,
                onToggle: () => this.#onTogglePassword(),
                strength: strength as ActorRefFrom<typeof passwordStrengthMachine> | undefined,
                locale: this.locale,
                t,
              })
            : renderField({
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
              })
        }
        ${
          captchaRequired && context.captcha
            ? html`${keyed(
                this.#captchaRound,
                html`<foyer-captcha
                  part="captcha"
                  provider=${context.captcha.provider}
                  challenge-url=${context.captcha.challengeUrl ?? ''}
                  site-key=${context.captcha.siteKey ?? ''}
                  api-base=${this.apiBase}
                  locale=${this.locale}
                  @foyer-captcha-solved=${this.#onCaptchaSolved}
                ></foyer-captcha>`,
              )}
              ${
                fieldErrors['captcha']
                  ? html`<p part="error" id="captcha-error" role="alert">${t.errors.captcha_required}</p>`
                  : nothing
              }`
            : nothing
        }
        <div part="form-error" id="form-error" role="alert">${shownError || nothing}</div>
        <button
          part="submit-button"
          type="submit"
          aria-disabled=${submitting ? 'true' : 'false'}
          aria-busy=${submitting ? 'true' : 'false'}
        >
          ${this.config.submit(t)}
        </button>
        ${
          this.config.forgotPassword && !locked
            ? html`<button part="link-button forgot-password" type="button" @click=${this.#onForgotPassword}>
                ${t.forgotPassword}
              </button>`
            : nothing
        }
      </form>
      <slot name="footer" part="footer"></slot>
    </div>`;
  }

  #renderLock(snapshot: CredentialsSnapshot, t: FoyerMessages) {
    const lock = snapshot.context.lock;
    const remaining = new Date(lock?.lockedUntil ?? 0).getTime() - Date.now();
    const seconds = Math.max(0, Math.ceil(remaining / 1000));
    return html`<section part="lock" aria-labelledby="lock-heading">
      <h3 part="lock-heading" id="lock-heading">${t.lockedHeading}</h3>
      <p>
        ${t.lockedCountdown}:
        <span part="countdown" role="timer" aria-live="off"
          ><time datetime=${`PT${seconds}S`}>${formatCountdown(remaining)}</time></span
        >
      </p>
      ${lock?.unlockEmailSent ? html`<p part="hint">${t.lockedUnlockEmail}</p>` : nothing}
      <button part="link-button reset-link" type="button" @click=${this.#onForgotPassword}>
        ${t.resetYourPassword}
      </button>
    </section>`;
  }
}
