/** @module The `<foyer-auth>` class (no side effects: importing it defines no tag). */
import type {
  authMachine,
  FoyerClient,
  mfaChallengeMachine,
  resetPasswordMachine,
  signInMachine,
  signUpMachine,
} from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, credentialActors } from '../internal/auth-machines.js';
import { provideAuthMachine } from '@foyer/core';
import { webauthnCeremonies } from '../internal/webauthn.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { definedElement } from '../internal/lazy-elements.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor } from '../internal/messages.js';
import type { FoyerResetPassword } from '../reset-password/reset-password.component.js';
import { FoyerSignIn } from '../sign-in/sign-in.component.js';
import { FoyerSignUp } from '../sign-up/sign-up.component.js';
import { authStyles } from './auth.styles.js';
import { isOAuthLinkPending } from '../social-buttons/oauth-return.js';

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildAuth = (s: MachineIo) => provideAuthMachine(credentialActors(s), webauthnCeremonies);

type AuthLogic = typeof authMachine;
type AuthSnapshot = SnapshotFrom<AuthLogic>;

const CHILD_PARTS =
  'base: form-base, heading, description, form, field, label, hint, input, error, password-toggle, form-error, submit-button, secondary-button, notice, verify-email, verify-base, status, lock, lock-heading, countdown, captcha, link-button, password-meter, meter, strength-label, warning, suggestions, problems, change-password, change-base, social-buttons, provider-button, google-button, apple-button, oidc-button, provider-logo, divider, social-notice, social-error';

/**
 * The whole email auth surface of a page: checks the session on load, then shows sign-in or
 * sign-up (with email verification) while signed out, and who is signed in with a sign-out button
 * while signed in. Renders the `auth` machine of `@foyer/core` and hands its child actors to
 * `<foyer-sign-in>` / `<foyer-sign-up>`.
 *
 * Accessible names: while signed out, the sign-in view has the button "Create an account" and the
 * sign-up view the button "I already have an account"; while signed in, the text
 * "Signed in as <email>" and the button "Sign out".
 *
 * @summary Sign-in, sign-up, verification and sign-out in one element.
 * @tag foyer-auth
 *
 * @attr view - The first view while signed out: `sign-in` (default) or `sign-up` (read on connect).
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr providers - Social sign-in providers shown above the sign-in and sign-up forms (`google apple`). @default ''
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {typeof authMachine} logic - A provided auth machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @slot signed-in - Replaces the signed-in view (call `signOut()` to sign out).
 * @slot footer - Content after the signed-out forms.
 *
 * @event foyer-sign-in-complete - Signed in through the sign-in form (also after its verification or second-factor step, or a second factor pending from a social sign-in); detail `{ user }`. Once per sign-in.
 * @event foyer-sign-up-complete - Signed up, verified and signed in; detail `{ user }`. Once per sign-up.
 * @event foyer-forgot-password - "Forgot your password?" (or "Reset your password" on the lock panel) was pressed; detail `{ email }`. Cancelable: `preventDefault()` keeps this element on sign-in (route the person elsewhere); otherwise it shows the reset view.
 * @event foyer-password-reset-complete - The password was reset through the reset view and the device signed in; detail `{ user }`.
 * @event foyer-sign-out - Signed out; detail `{}`.
 * @event foyer-error - Any server error shown by this element or its forms; detail `{ code, message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart loading - The busy placeholder while the session is checked.
 * @csspart sign-in - The nested `<foyer-sign-in>`.
 * @csspart sign-up - The nested `<foyer-sign-up>`.
 * @csspart reset-password - The nested `<foyer-reset-password>` of the reset view.
 * @csspart switch - The row with the "Create an account" / "I already have an account" button.
 * @csspart switch-prompt - The text before the switch button ("New here?").
 * @csspart link-button - The switch button.
 * @csspart signed-in - The default signed-in view.
 * @csspart user - The "Signed in as …" text.
 * @csspart form-error - The alert region for session and sign-out errors.
 * @csspart secondary-button - The "Sign out" button (and the forms' secondary buttons).
 * @csspart heading - Headings of the nested forms; likewise `form`, `field`, `label`, `hint`, `input`, `error`, `password-toggle`, `submit-button`, `notice`, `description`, `verify-email` are exported from them (their `base` as `form-base`).
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
 * <foyer-auth api-base="https://auth.example.com" view="sign-up"></foyer-auth>
 */
export class FoyerAuth extends FoyerElement {
  static override styles = [foyerStyles, authStyles];

  static override dependencies = {
    'foyer-sign-in': FoyerSignIn,
    'foyer-sign-up': FoyerSignUp,
  };

  /** The reset view is shown only on request: fetched the first time it renders. */
  static override lazyDependencies = {
    'foyer-reset-password': () => import('../reset-password/reset-password.js'),
    'foyer-mfa-challenge': () => import('../mfa.js'),
  };

  static override properties: PropertyDeclarations = {
    view: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    providers: { type: String },
    logic: { attribute: false },
    client: { attribute: false },
  };

  /** The first view while signed out. @default 'sign-in' */
  declare view: 'sign-in' | 'sign-up';
  /** Where the Foyer server is mounted. @default '' */
  declare apiBase: string;
  /** Social sign-in providers, passed to the sign-in and sign-up forms. @default '' */
  declare providers: string;
  /** A provided auth machine to start instead of the HTTP one. */
  declare logic: AuthLogic | undefined;
  /** The client to build the machine from. */
  declare client: FoyerClient | undefined;

  readonly #machine = new MachineController<AuthLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusSwitch = false;

  constructor() {
    super();
    this.view = 'sign-in';
    this.apiBase = '';
    this.providers = '';
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine(): ActorRefFrom<AuthLogic> | undefined {
    return this.#machine.actor;
  }

  /** Signs out (for a host page that replaced the signed-in view through the `signed-in` slot). */
  signOut(): void {
    this.#machine.send({ type: 'session.signOut' });
  }

  /** Checks the session again (e.g. after signing in in another tab). */
  refresh(): void {
    this.#machine.send({ type: 'session.refresh' });
  }

  #source(): MachineSource<AuthLogic> {
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildAuth);
    // Back from a provider that needs the password once to link: the sign-in form is where to type it.
    const signUp = this.view === 'sign-up' && !(this.providers && isOAuthLinkPending());
    return { logic, input: { initialView: signUp ? 'signUp' : 'signIn' } };
  }

  #onSnapshot(snapshot: AuthSnapshot, previous: AuthSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    }
    const user = snapshot.context.user;
    if (snapshot.matches('signedIn') && user) {
      // The nested forms adopt child actors and stay silent; this element announces completion.
      // A second factor finishing a sign-in begun elsewhere (a social sign-in's redirect) is a sign-in too.
      if (previous.matches({ signedOut: 'signIn' }) || previous.matches('mfaPending'))
        this.emit('foyer-sign-in-complete', { user });
      else if (previous.matches({ signedOut: 'signUp' })) this.emit('foyer-sign-up-complete', { user });
      else if (previous.matches({ signedOut: 'resetPassword' })) this.emit('foyer-password-reset-complete', { user });
    }
    if (snapshot.matches('signedOut') && previous.matches('signingOut')) this.emit('foyer-sign-out', {});
  }

  #toSignUp(): void {
    this.#focusSwitch = true;
    this.#machine.send({ type: 'view.signUp' });
  }

  #toSignIn(): void {
    this.#focusSwitch = true;
    this.#machine.send({ type: 'view.signIn' });
  }

  /**
   * The nested sign-in asks for the reset view: give the page the same cancelable event from this
   * element, and switch unless the page cancelled it.
   */
  #onForgotPassword(event: CustomEvent<{ email: string }>): void {
    event.stopPropagation();
    event.preventDefault();
    const proceed = this.dispatchEvent(
      new CustomEvent('foyer-forgot-password', {
        detail: event.detail,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (!proceed) return;
    this.#focusSwitch = true;
    this.#machine.send({ type: 'view.resetPassword', email: event.detail.email });
  }

  protected override updated(): void {
    if (!this.#focusSwitch) return;
    this.#focusSwitch = false;
    // Keep keyboard users in the new view: focus its first field.
    const form = this.renderRoot.querySelector('foyer-sign-in, foyer-sign-up, foyer-reset-password');
    // The reset view is defined lazily: wait for it before focusing inside it.
    if (form)
      void definedElement<FoyerSignIn | FoyerSignUp | FoyerResetPassword>(this.renderRoot, form.localName).then(
        (element) => element?.renderRoot.querySelector<HTMLInputElement>('input')?.focus(),
      );
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { error, user } = snapshot.context;
    const errorRegion = html`<div part="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>`;

    if (snapshot.matches('loading') || snapshot.matches('routing')) {
      return html`<div part="base" aria-busy="true"><p part="loading" role="status">${t.loading}</p></div>`;
    }

    if (snapshot.matches('signedIn') || snapshot.matches('signingOut')) {
      const signingOut = snapshot.matches('signingOut');
      return html`<div part="base">
        <slot name="signed-in">
          <div part="signed-in">
            <p part="user">${t.signedInAs(user?.email ?? '')}</p>
            ${errorRegion}
            <button
              part="secondary-button"
              type="button"
              aria-disabled=${signingOut ? 'true' : 'false'}
              aria-busy=${signingOut ? 'true' : 'false'}
              @click=${() => !signingOut && this.signOut()}
            >
              ${t.signOut}
            </button>
          </div>
        </slot>
      </div>`;
    }

    if (snapshot.matches('mfaPending')) {
      // A sign-in proven elsewhere (a social sign-in's redirect) waits for its second factor.
      const child = snapshot.children['mfaChallenge'] as ActorRefFrom<typeof mfaChallengeMachine> | undefined;
      return html`<div part="base">
        ${errorRegion}
        <foyer-mfa-challenge
          part="mfa-challenge"
          exportparts=${CHILD_PARTS}
          locale=${this.locale}
          .actor=${child}
        ></foyer-mfa-challenge>
        <p part="switch">
          <button part="link-button" type="button" @click=${this.#toSignIn}>${t.mfa.startOver}</button>
        </p>
      </div>`;
    }

    if (snapshot.matches({ signedOut: 'signUp' })) {
      const child = snapshot.children['signUp'] as ActorRefFrom<typeof signUpMachine> | undefined;
      return html`<div part="base">
        ${errorRegion}
        <foyer-sign-up
          part="sign-up"
          exportparts=${CHILD_PARTS}
          locale=${this.locale}
          providers=${this.providers}
          api-base=${this.apiBase}
          .actor=${child}
        ></foyer-sign-up>
        <p part="switch">
          <button part="link-button" type="button" @click=${this.#toSignIn}>${t.toSignIn}</button>
        </p>
        <slot name="footer" part="footer"></slot>
      </div>`;
    }

    if (snapshot.matches({ signedOut: 'resetPassword' })) {
      const child = snapshot.children['resetPassword'] as ActorRefFrom<typeof resetPasswordMachine> | undefined;
      return html`<div part="base">
        ${errorRegion}
        <foyer-reset-password
          part="reset-password"
          exportparts=${CHILD_PARTS}
          locale=${this.locale}
          .actor=${child}
        ></foyer-reset-password>
        <p part="switch">
          <button part="link-button" type="button" @click=${this.#toSignIn}>${t.backToSignIn}</button>
        </p>
        <slot name="footer" part="footer"></slot>
      </div>`;
    }

    const child = snapshot.children['signIn'] as ActorRefFrom<typeof signInMachine> | undefined;
    return html`<div part="base">
      ${errorRegion}
      <foyer-sign-in
        part="sign-in"
        exportparts=${CHILD_PARTS}
        locale=${this.locale}
        providers=${this.providers}
        api-base=${this.apiBase}
        .actor=${child}
        @foyer-forgot-password=${this.#onForgotPassword}
      ></foyer-sign-in>
      <p part="switch">
        <span part="switch-prompt">${t.toSignUpPrompt}</span>
        <button part="link-button" type="button" @click=${this.#toSignUp}>${t.toSignUp}</button>
      </p>
      <slot name="footer" part="footer"></slot>
    </div>`;
  }
}
