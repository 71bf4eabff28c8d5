/** @module The `<foyer-change-password>` class (no side effects: importing it defines no tag). */
import type { changePasswordMachine, FoyerClient, passwordStrengthMachine } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, securityActors } from '../internal/auth-machines.js';
import { provideChangePasswordMachine } from '@foyer/core';
import { renderField } from '../internal/field.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { renderNewPasswordField, strengthEventOf } from '../internal/new-password-field.js';
import { FoyerPasswordMeter } from '../password-meter/password-meter.component.js';
import { changePasswordStyles } from './change-password.styles.js';
import { changePasswordMessages } from './change-password.messages.js';

registerEnglish(changePasswordMessages);

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildChangePassword = (s: MachineIo) => provideChangePasswordMachine(securityActors(s));

type ChangePasswordLogic = typeof changePasswordMachine;
type ChangePasswordSnapshot = SnapshotFrom<ChangePasswordLogic>;
type StrengthActor = ActorRefFrom<typeof passwordStrengthMachine>;

const FIELD_ORDER = ['currentPassword', 'newPassword'] as const;

/**
 * Changes the signed-in user's password: current password, new password with the live strength
 * meter, and "Not now" to put it off. After a sign-in with a password that has since appeared in a
 * data breach, `<foyer-sign-in>` renders this element (the machine's `required` input), which then
 * explains why. Renders the `changePassword` machine of `@foyer/core`.
 *
 * Accessible names: inputs "Current password" and "New password", toggle buttons "Show password",
 * buttons "Change password" and "Not now".
 *
 * @summary Change the password (also after a breached-password sign-in).
 * @tag foyer-change-password
 *
 * @attr email - The account's email: the new password must not contain it (machine input, read on connect).
 * @attr required - Say that the change is needed (breached password). @default false
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {ActorRefFrom<typeof changePasswordMachine>} actor - A running changePassword actor (handed down by `<foyer-sign-in>`).
 * @prop {typeof changePasswordMachine} logic - A provided changePassword machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @event foyer-password-changed - The server changed the password; detail `{}`.
 * @event foyer-step-up-required - The server wants a fresh step-up (`403 step_up_required`); detail `{ details, retry, cancel }`: a wrapping `<foyer-step-up>` answers and the form is sent again.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper. @csspart heading - The heading. @csspart description - The breach explanation.
 * @csspart form - The form. @csspart field - label + input + hint + error. @csspart label @csspart input @csspart hint @csspart error
 * @csspart password-toggle - The "Show password" toggles. @csspart password-meter - The nested `<foyer-password-meter>` (its parts `meter`, `strength-label`, `warning`, `suggestions`, `problems` are exported).
 * @csspart form-error - The alert region for server errors. @csspart submit-button - "Change password".
 * @csspart secondary-button - "Not now". @csspart notice - The done / skipped status.
 */
export class FoyerChangePassword extends FoyerElement {
  static override styles = [foyerStyles, changePasswordStyles];

  static override dependencies = { 'foyer-password-meter': FoyerPasswordMeter };

  static override properties: PropertyDeclarations = {
    email: { type: String },
    required: { type: Boolean },
    apiBase: { type: String, attribute: 'api-base' },
    actor: { attribute: false },
    logic: { attribute: false },
    client: { attribute: false },
    shown: { state: true },
  };

  /** @default '' */
  declare email: string;
  /** @default false */
  declare required: boolean;
  /** @default '' */
  declare apiBase: string;
  declare actor: ActorRefFrom<ChangePasswordLogic> | undefined;
  declare logic: ChangePasswordLogic | undefined;
  declare client: FoyerClient | undefined;
  declare protected shown: Record<string, boolean>;

  readonly #machine = new MachineController<ChangePasswordLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusAfterSubmit = false;

  constructor() {
    super();
    this.email = '';
    this.required = false;
    this.apiBase = '';
    this.shown = {};
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine(): ActorRefFrom<ChangePasswordLogic> | undefined {
    return this.#machine.actor;
  }

  /** Moves focus to the first input once rendered. */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#currentPassword')?.focus();
  }

  #source(): MachineSource<ChangePasswordLogic> {
    if (this.actor) return { actor: this.actor };
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildChangePassword);
    return { logic, input: { email: this.email, required: this.required } };
  }

  #onSnapshot(snapshot: ChangePasswordSnapshot, previous: ChangePasswordSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
      // A fresh step-up is needed: a `<foyer-step-up>` around this element (or the host) proves it, then the form is sent again.
      if (error.code === 'step_up_required') {
        const detail = {
          details: error.details ?? {},
          retry: () => void this.updateComplete.then(() => this.renderRoot.querySelector('form')?.requestSubmit()),
          cancel: () => {},
        };
        this.dispatchEvent(new CustomEvent('foyer-step-up-required', { detail, bubbles: true, composed: true }));
      }
    }
    if (snapshot.matches('done') && !previous.matches('done')) this.emit('foyer-password-changed', {});
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('editing')) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => {
      const entry = data.get(name);
      return typeof entry === 'string' ? entry : '';
    };
    this.#focusAfterSubmit = true;
    this.#machine.send({
      type: 'change.submit',
      currentPassword: value('currentPassword'),
      newPassword: value('newPassword'),
    });
  }

  #onStrengthEvent(event: Event): void {
    const strengthEvent = strengthEventOf(event, 'newPassword');
    if (strengthEvent) this.#machine.send(strengthEvent);
  }

  #toggle(id: string): void {
    this.shown = { ...this.shown, [id]: !this.shown[id] };
  }

  #onSkip(): void {
    if (this.#machine.snapshot.matches('editing')) this.#machine.send({ type: 'change.skip' });
  }

  protected override updated(): void {
    if (!this.#focusAfterSubmit || !this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    if (snapshot.matches('submitting')) return;
    this.#focusAfterSubmit = false;
    if (!snapshot.matches('editing')) return;
    const invalid = FIELD_ORDER.find((name) => snapshot.context.fieldErrors[name]);
    if (invalid) this.renderRoot.querySelector<HTMLInputElement>(`#${invalid}`)?.focus();
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { error, fieldErrors, required } = snapshot.context;
    if (snapshot.matches('done') || snapshot.matches('skipped')) {
      return html`<div part="base">
        <p part="notice" role="status">${snapshot.matches('done') ? t.passwordChanged : t.passwordChangeSkipped}</p>
      </div>`;
    }
    const submitting = snapshot.matches('submitting');
    const strength = snapshot.children['strength'] as StrengthActor | undefined;
    return html`<div part="base">
      <h2 part="heading">${required ? t.breachedHeading : t.changePasswordHeading}</h2>
      ${required ? html`<p part="description">${t.breachedExplanation}</p>` : nothing}
      <form
        part="form"
        novalidate
        @submit=${this.#onSubmit}
        @focusin=${this.#onStrengthEvent}
        @input=${this.#onStrengthEvent}
      >
        ${renderField({
          id: 'currentPassword',
          name: 'currentPassword',
          label: t.currentPasswordLabel,
          type: this.shown['currentPassword'] ? 'text' : 'password',
          autocomplete: 'current-password',
          error: fieldErrors['currentPassword'],
          after: html`<button
            part="password-toggle"
            type="button"
            aria-controls="currentPassword"
            aria-pressed=${this.shown['currentPassword'] ? 'true' : 'false'}
            @click=${() => this.#toggle('currentPassword')}
          >
            ${t.showPassword}
          </button>`,
        })}
        ${renderNewPasswordField({
          id: 'newPassword',
          name: 'newPassword',
          label: t.newPasswordLabel,
          hint: t.newPasswordHint,
          error: fieldErrors['newPassword'],
          shown: this.shown['newPassword'] ?? false,
          onToggle: () => this.#toggle('newPassword'),
          strength,
          locale: this.locale,
          t,
        })}
        <div part="form-error" id="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
        <div class="actions">
          <button
            part="submit-button"
            type="submit"
            aria-disabled=${submitting ? 'true' : 'false'}
            aria-busy=${submitting ? 'true' : 'false'}
          >
            ${t.changePasswordSubmit}
          </button>
          <button
            part="secondary-button"
            type="button"
            aria-disabled=${submitting ? 'true' : 'false'}
            @click=${this.#onSkip}
          >
            ${t.notNow}
          </button>
        </div>
      </form>
    </div>`;
  }
}
