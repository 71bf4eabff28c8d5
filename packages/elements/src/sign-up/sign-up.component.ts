/** @module The `<foyer-sign-up>` class (no side effects: importing it defines no tag). */
import { providedMachine, type MachineIo, authActors } from '../internal/auth-machines.js';
import { provideSignUpMachine } from '@foyer/core';
import { FoyerCredentialsForm, type CredentialsFormConfig } from '../internal/credentials-form.js';
import { signUpStyles } from './sign-up.styles.js';

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildSignUp = (s: MachineIo) => provideSignUpMachine(authActors(s));

const config: CredentialsFormConfig = {
  heading: (t) => t.signUpHeading,
  submit: (t) => t.signUpSubmit,
  emailAutocomplete: 'email',
  passwordAutocomplete: 'new-password',
  passwordHint: (t) => t.newPasswordHint,
  completeEvent: 'foyer-sign-up-complete',
  logic: (client, apiBase) =>
    providedMachine(client, apiBase, buildSignUp) as unknown as ReturnType<CredentialsFormConfig['logic']>,
  strengthMeter: true,
  forgotPassword: false,
  socialMode: 'signup',
};

/**
 * Email + password sign-up, continuing into email verification (`<foyer-verify-email>`); done
 * when the email is verified and the visitor is signed in. Renders the `signUp` machine of
 * `@foyer/core`.
 *
 * Accessible names: inputs "Email" and "Password" (hint "At least 8 characters"), toggle button
 * "Show password", submit button "Create account"; in the verification step "Verification code",
 * "Verify", "Send a new code" and "Use a different email".
 *
 * @summary Create an account with email and password.
 * @tag foyer-sign-up
 *
 * @attr email - Pre-fills the email field.
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {ActorRefFrom<typeof signUpMachine>} actor - A running signUp actor to render (handed down by `<foyer-auth>`).
 * @prop {typeof signUpMachine} logic - A provided signUp machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @slot footer - Content after the form (e.g. a link to sign-in).
 *
 * @event foyer-sign-up-complete - Signed up, verified and signed in; detail `{ user }`. Fired once, only when the element owns its actor.
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
 * <foyer-sign-up api-base="https://auth.example.com"></foyer-sign-up>
 */
export class FoyerSignUp extends FoyerCredentialsForm {
  static override styles = [...FoyerCredentialsForm.styles, signUpStyles];

  protected readonly config = config;
}
