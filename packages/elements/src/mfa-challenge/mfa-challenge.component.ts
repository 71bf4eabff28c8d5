/** @module The `<foyer-mfa-challenge>` class (no side effects: importing it defines no tag). */
import type { FoyerClient, MfaMethod } from '@foyer/core';
import { mfaChallengeMachine } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, mfaActors } from '../internal/auth-machines.js';
import { provideMfaChallengeMachine } from '@foyer/core';
import { webauthnCeremonies } from '../internal/webauthn.js';
import { renderField } from '../internal/field.js';
import { codeFieldTexts, renderCodeActions } from '../internal/second-factor-template.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { mfaStyles } from './mfa-challenge.styles.js';
import { mfaMessages } from '../internal/mfa.messages.js';

registerEnglish({ mfa: mfaMessages });

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildMfaChallenge = (s: MachineIo) => provideMfaChallengeMachine(mfaActors(s), webauthnCeremonies);

type MfaChallengeLogic = typeof mfaChallengeMachine;
type MfaChallengeSnapshot = SnapshotFrom<MfaChallengeLogic>;

/**
 * The second step of a sign-in: an authenticator code, a passkey, or a recovery code. Rendered by
 * `<foyer-sign-in>` in its `mfaRequired` state (it hands down the child actor); use it alone after
 * any first factor that answered `{ mfaRequired: true, factors }` (social or phone sign-in) by
 * setting `factors`. Renders the `mfaChallenge` machine of `@foyer/core`.
 *
 * @summary Complete a sign-in with a second factor.
 * @tag foyer-mfa-challenge
 *
 * @attr factors - The offered methods, space-separated (`totp passkey sms recovery_code`), when the element owns its actor.
 * @attr phone-hint - The masked number SMS codes go to (`•••• 71`, the `phoneHint` of the `mfaRequired` answer), when the element owns its actor.
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {ActorRefFrom<typeof mfaChallengeMachine>} actor - A running mfaChallenge actor (handed down by sign-in).
 * @prop {typeof mfaChallengeMachine} logic - A provided mfaChallenge machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @event foyer-mfa-complete - Signed in; detail `{ user }`. Only when the element owns its actor.
 * @event foyer-mfa-expired - The pending sign-in is gone (too slow, or too many wrong codes): sign in again.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper. @csspart heading - The heading. @csspart description - What to do.
 * @csspart form - The code form. @csspart field - @csspart label - @csspart hint - @csspart input - @csspart error - The code field.
 * @csspart form-error - The alert region. @csspart submit-button - "Verify". @csspart passkey-button - "Use a passkey".
 * @csspart resend-button - "Send a new code" (SMS). @csspart methods - The other methods. @csspart method-button - One other method. @csspart notice - Status messages.
 *
 * @cssproperty --foyer-color-primary - Buttons and focus. @cssproperty --foyer-color-danger - Errors.
 *
 * @example
 * <foyer-mfa-challenge factors="totp recovery_code"></foyer-mfa-challenge>
 */
export class FoyerMfaChallenge extends FoyerElement {
  static override styles = [foyerStyles, mfaStyles];

  static override properties: PropertyDeclarations = {
    factors: { type: String },
    phoneHint: { type: String, attribute: 'phone-hint' },
    apiBase: { type: String, attribute: 'api-base' },
    actor: { attribute: false },
    logic: { attribute: false },
    client: { attribute: false },
  };

  /** Offered methods, space-separated. @default 'totp recovery_code' */
  declare factors: string;
  /** The masked number SMS codes go to, when the element owns its actor. */
  declare phoneHint: string | undefined;
  /** Where the Foyer server is mounted. @default '' */
  declare apiBase: string;
  declare actor: ActorRefFrom<MfaChallengeLogic> | undefined;
  declare logic: MfaChallengeLogic | undefined;
  declare client: FoyerClient | undefined;

  readonly #machine = new MachineController<MfaChallengeLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusCode = true;

  constructor() {
    super();
    this.factors = 'totp recovery_code';
    this.apiBase = '';
  }

  /** The machine's actor (read-only). */
  get machine(): ActorRefFrom<MfaChallengeLogic> | undefined {
    return this.#machine.actor;
  }

  #source(): MachineSource<MfaChallengeLogic> {
    if (this.actor) return { actor: this.actor };
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildMfaChallenge);
    const factors = this.factors
      .split(/\s+/)
      .filter((factor): factor is MfaMethod => ['totp', 'passkey', 'recovery_code', 'sms'].includes(factor));
    return { logic, input: { factors, phoneHint: this.phoneHint ?? null } };
  }

  #onSnapshot(snapshot: MfaChallengeSnapshot, previous: MfaChallengeSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error)
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    if (snapshot.matches('expired') && !previous.matches('expired')) this.emit('foyer-mfa-expired', {});
    if (snapshot.status === 'done' && previous.status !== 'done' && this.#machine.ownsActor && snapshot.output)
      this.emit('foyer-mfa-complete', { user: snapshot.output.user });
    if (
      snapshot.context.method !== previous.context.method ||
      (snapshot.matches('entering') && previous.matches('verifying'))
    )
      this.#focusCode = true;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('entering')) return;
    const code = new FormData(event.target as HTMLFormElement).get('code');
    this.#machine.send({ type: 'code.submit', code: typeof code === 'string' ? code : '' });
  }

  protected override updated(): void {
    if (!this.#focusCode || !this.#machine.ready || !this.#machine.snapshot.matches('entering')) return;
    this.#focusCode = false;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
    if (input && document.activeElement !== null) {
      input.focus();
      input.select();
    }
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const m = t.mfa;
    const snapshot = this.#machine.snapshot;
    const { factors, method, error, fieldErrors, attemptsLeft, passkeyCancelled, phoneHint, smsSent } =
      snapshot.context;
    if (snapshot.status === 'done')
      return html`<div part="base"><p part="notice" role="status">${m.stepUpDone}</p></div>`;
    if (snapshot.matches('expired'))
      return html`<div part="base">
        <h2 part="heading">${m.challengeHeading}</h2>
        <p part="notice" role="alert">${m.expiredMessage}</p>
      </div>`;
    const busy = !snapshot.matches('entering') && !snapshot.matches('locked');
    const locked = snapshot.matches('locked');
    const wrong = error?.code === 'invalid_code';
    const others = factors.filter((factor) => factor !== method);
    const label = (factor: MfaMethod) =>
      factor === 'totp'
        ? m.useTotp
        : factor === 'passkey'
          ? m.usePasskey
          : factor === 'sms'
            ? m.useSms(phoneHint)
            : m.useRecoveryCode;
    const numeric = codeFieldTexts(m, method).numeric;
    const errorText = locked
      ? m.lockedMessage
      : error
        ? `${errorMessage(t, error)}${wrong && attemptsLeft !== null ? ` ${m.attemptsLeft(attemptsLeft)}` : ''}`
        : '';
    return html`<div part="base">
      <h2 part="heading">${m.challengeHeading}</h2>
      <p part="description">${m.challengeDescription(method)}</p>
      ${
        method === 'passkey'
          ? html`<div class="actions">
              <button
                part="passkey-button submit-button"
                type="button"
                aria-busy=${busy ? 'true' : 'false'}
                aria-disabled=${busy || locked ? 'true' : 'false'}
                @click=${() => this.#machine.send({ type: 'passkey.start' })}
              >
                ${m.usePasskey}
              </button>
            </div>`
          : html`<form part="form" novalidate @submit=${this.#onSubmit}>
              ${renderField({
                id: 'code',
                name: 'code',
                label: codeFieldTexts(m, method).label,
                hint: codeFieldTexts(m, method).hint,
                autocomplete: 'one-time-code',
                inputmode: numeric ? 'numeric' : 'text',
                maxlength: numeric ? 12 : 24,
                error: fieldErrors['code'],
                invalid: wrong,
                describedBy: errorText ? 'form-error' : undefined,
              })}
              ${renderCodeActions({
                m,
                method,
                submitLabel: m.verifySubmit,
                busy,
                locked,
                onResend: () => this.#machine.send({ type: 'sms.resend' }),
              })}
            </form>`
      }
      <p part="notice" role="status" aria-live="polite">
        ${passkeyCancelled ? m.passkeyCancelled : method === 'sms' && smsSent ? m.smsSent(phoneHint) : nothing}
      </p>
      <div part="form-error" id="form-error" role="alert">${errorText || nothing}</div>
      ${
        others.length > 0
          ? html`<div part="methods" role="group" aria-label=${m.otherMethods}>
              ${others.map(
                (factor) =>
                  html`<button
                    part="method-button secondary-button"
                    type="button"
                    @click=${() => this.#machine.send({ type: 'factor.choose', factor })}
                  >
                    ${label(factor)}
                  </button>`,
              )}
            </div>`
          : nothing
      }
    </div>`;
  }
}
