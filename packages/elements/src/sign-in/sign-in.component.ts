/** @module The `<foyer-sign-in>` class (no side effects: importing it defines no tag). */
import { providedMachine, type MachineIo, credentialActors } from '../internal/auth-machines.js';
import { provideSignInMachine } from '@foyer/core';
import { webauthnCeremonies } from '../internal/webauthn.js';
import { FoyerCredentialsForm, type CredentialsFormConfig } from '../internal/credentials-form.js';
import { signInStyles } from './sign-in.styles.js';

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildSignIn = (s: MachineIo) => provideSignInMachine(credentialActors(s), webauthnCeremonies);

const config: CredentialsFormConfig = {
  heading: (t) => t.signInHeading,
  submit: (t) => t.signInSubmit,
  emailAutocomplete: 'username',
  passwordAutocomplete: 'current-password',
  passwordHint: () => undefined,
  completeEvent: 'foyer-sign-in-complete',
  logic: (client, apiBase) => providedMachine(client, apiBase, buildSignIn),
  strengthMeter: false,
  forgotPassword: true,
};

/**
 * Email + password sign-in. An account whose email is not verified yet continues into the
 * verification step (`<foyer-verify-email>`). Renders the `signIn` machine of `@foyer/core`.
 *
 * Accessible names: inputs "Email" and "Password", toggle button "Show password", submit button
 * "Sign in"; in the verification step "Verification code", "Verify", "Send a new code" and
 * "Use a different email".
 *
 * @summary Sign in with email and password.
 * @tag foyer-sign-in
 *
 * @attr email - Pre-fills the email (input of the machine, read on connect).
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 * @attr providers - Social sign-in buttons above the form, in order (`google apple`; see `<foyer-social-buttons>`). @default ''
 *
 * @prop {ActorRefFrom<typeof signInMachine>} actor - A running signIn actor to render (handed down by `<foyer-auth>`).
 * @prop {typeof signInMachine} logic - A provided signIn machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @slot footer - Content after the form (e.g. a link to sign-up).
 *
 * @event foyer-sign-in-complete - Signed in; detail `{ user }`. Fired once, only when the element owns its actor.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading.
 * @csspart form - The form.
 * @csspart field - A label + input + hint + error group.
 * @csspart label - A field label.
 * @csspart hint - A field hint.
 * @csspart input - An input (email, password; the code input of the verification step).
 * @csspart error - The message under an invalid input.
 * @csspart password-toggle - The "Show password" toggle button (aria-pressed).
 * @csspart form-error - The alert region for server errors.
 * @csspart submit-button - The submit button.
 * @csspart secondary-button - "Use a different email" and the verification step's "Send a new code".
 * @csspart notice - Status messages (new code sent, signed in).
 * @csspart verify-email - The nested `<foyer-verify-email>` of the verification step (its parts are exported under the same names; its `base` as `verify-base`).
 * @csspart footer - The footer slot.
 * @csspart social-buttons - The nested `<foyer-social-buttons>` (its parts exported: `provider-button`, `google-button`, `apple-button`, `oidc-button`, `provider-logo`, `divider`, `social-notice`, `social-error`).
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
 * <foyer-sign-in api-base="https://auth.example.com"></foyer-sign-in>
 */
export class FoyerSignIn extends FoyerCredentialsForm {
  static override styles = [...FoyerCredentialsForm.styles, signInStyles];

  protected readonly config = config;

  protected override machineInput(): { email?: string } {
    return { email: this.email };
  }
}
