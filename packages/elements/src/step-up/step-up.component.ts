/** @module The `<foyer-step-up>` class (no side effects: importing it defines no tag). */
import {
  FoyerError,
  isFoyerError,
  stepUpMachine,
  type FoyerClient,
  type StepUpMethod,
  type StepUpRequiredDetails,
} from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { createActor, type ActorRefFrom } from 'xstate';
import { providedMachine, type MachineIo, mfaActors } from '../internal/auth-machines.js';
import { provideStepUpMachine } from '@foyer/core';
import { webauthnCeremonies } from '../internal/webauthn.js';
import { renderField } from '../internal/field.js';
import { codeFieldTexts, renderCodeActions } from '../internal/second-factor-template.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { mfaStyles } from '../mfa-challenge/mfa-challenge.styles.js';
import { mfaMessages } from '../internal/mfa.messages.js';

registerEnglish({ mfa: mfaMessages });

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildStepUp = (s: MachineIo) => provideStepUpMachine(mfaActors(s), webauthnCeremonies);

type StepUpLogic = typeof stepUpMachine;

/** Detail of the `foyer-step-up-required` event elements fire (e.g. `<foyer-account-delete>`). */
export interface FoyerStepUpRequiredDetail {
  details?: Partial<StepUpRequiredDetails> | Record<string, unknown>;
  retry: () => void;
  cancel: () => void;
}

/** What a `step_up_required` answer offers. */
interface StepUpDetails {
  methods: StepUpMethod[];
  phoneHint?: string;
}

async function stepUpDetailsOf(result: unknown): Promise<StepUpDetails | undefined> {
  if (isFoyerError(result) || result instanceof FoyerError) {
    if (result.code !== 'step_up_required') return undefined;
    const phoneHint = result.details?.phoneHint;
    return {
      methods: (result.details?.methods as StepUpMethod[] | undefined) ?? ['password'],
      ...(typeof phoneHint === 'string' ? { phoneHint } : {}),
    };
  }
  if (typeof Response !== 'undefined' && result instanceof Response && result.status === 403) {
    const body = (await result
      .clone()
      .json()
      .catch(() => undefined)) as
      { error?: { code?: string; details?: { methods?: StepUpMethod[]; phoneHint?: string } } } | undefined;
    if (body?.error?.code === 'step_up_required') {
      const phoneHint = body.error.details?.phoneHint;
      return {
        methods: body.error.details?.methods ?? ['password'],
        ...(typeof phoneHint === 'string' ? { phoneHint } : {}),
      };
    }
  }
  return undefined;
}

/**
 * Wraps sensitive actions with step-up. `stepUp.run(() => fetch(...))` runs the action; when it
 * answers `403 step_up_required` (a `Response`, or a thrown `FoyerError` from the client), the
 * element asks the person to confirm it is them (authenticator code, passkey, recovery code, or
 * the password for accounts without MFA), then runs the action again. It also answers
 * `foyer-step-up-required` events from elements inside it (`<foyer-account-delete>`,
 * `<foyer-mfa-setup>`). Renders the `stepUp` machine of `@foyer/core`.
 *
 * @summary Confirm it's you before a sensitive change, then retry it.
 * @tag foyer-step-up
 *
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {typeof stepUpMachine} logic - A provided stepUp machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @slot - The content whose actions may need a step-up.
 *
 * @event foyer-step-up-complete - Confirmed; detail `{ stepUpUntil }`.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The prompt. @csspart heading - @csspart description - @csspart form - @csspart field -
 * @csspart label - @csspart hint - @csspart input - @csspart error - @csspart form-error - @csspart submit-button -
 * @csspart secondary-button - "Cancel". @csspart passkey-button - @csspart methods - @csspart method-button -
 *
 * @example
 * <foyer-step-up id="guard"><my-payout-form></my-payout-form></foyer-step-up>
 * <script type="module">
 *   const response = await guard.run(() => fetch('/account/payout', { method: 'PUT', body, headers }));
 * </script>
 */
export class FoyerStepUp extends FoyerElement {
  static override styles = [foyerStyles, mfaStyles];

  static override properties: PropertyDeclarations = {
    apiBase: { type: String, attribute: 'api-base' },
    logic: { attribute: false },
    client: { attribute: false },
  };

  declare apiBase: string;
  declare logic: StepUpLogic | undefined;
  declare client: FoyerClient | undefined;

  #actor: ActorRefFrom<StepUpLogic> | undefined;
  #lastErrorShown: unknown;

  constructor() {
    super();
    this.apiBase = '';
    this.addEventListener('foyer-step-up-required', (event) => {
      const detail = (event as CustomEvent<FoyerStepUpRequiredDetail>).detail;
      event.stopPropagation();
      const methods = (detail?.details as { methods?: StepUpMethod[] } | undefined)?.methods ?? ['password'];
      void this.prompt(methods).then((ok) => (ok ? detail.retry() : detail.cancel()));
    });
  }

  /** The running stepUp actor while the prompt shows. */
  get machine(): ActorRefFrom<StepUpLogic> | undefined {
    return this.#actor;
  }

  /**
   * Runs `action`; on `403 step_up_required` prompts, then runs it once more. Resolves with the
   * action's result (the first one if the person cancels).
   *
   * @example
   * await stepUp.run(() => client.setPayoutDestination(payout));
   */
  async run<T>(action: () => Promise<T>): Promise<T> {
    let first: T;
    try {
      first = await action();
    } catch (error) {
      const details = await stepUpDetailsOf(error);
      if (!details) throw error;
      if (!(await this.prompt(details.methods, details.phoneHint))) throw error;
      return action();
    }
    const details = await stepUpDetailsOf(first);
    if (!details) return first;
    return (await this.prompt(details.methods, details.phoneHint)) ? action() : first;
  }

  /** Shows the prompt; resolves `true` once confirmed, `false` if cancelled. `phoneHint`: the masked number SMS codes go to. */
  prompt(methods: StepUpMethod[], phoneHint?: string): Promise<boolean> {
    this.#actor?.stop();
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildStepUp);
    const actor = createActor(logic, { input: { methods, phoneHint: phoneHint ?? null } });
    this.#actor = actor;
    return new Promise((resolve) => {
      actor.subscribe((snapshot) => {
        const error = snapshot.context.error;
        if (error && error !== this.#lastErrorShown) {
          this.#lastErrorShown = error;
          this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
        }
        this.requestUpdate();
        if (snapshot.status === 'done') {
          const output = snapshot.output;
          if (output) this.emit('foyer-step-up-complete', output);
          this.#actor = undefined;
          this.requestUpdate();
          resolve(output !== null);
        }
      });
      actor.start();
      void this.updateComplete.then(() =>
        this.renderRoot
          .querySelector<HTMLElement>('#step-up-code, #step-up-password, [part~="passkey-button"]')
          ?.focus(),
      );
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#actor?.send({ type: 'cancel' });
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const actor = this.#actor;
    if (!actor?.getSnapshot().matches('prompting')) return;
    const data = new FormData(event.target as HTMLFormElement);
    if (actor.getSnapshot().context.method === 'password')
      actor.send({ type: 'password.submit', password: String(data.get('password') ?? '') });
    else actor.send({ type: 'code.submit', code: String(data.get('code') ?? '') });
  }

  protected override render() {
    const slot = html`<slot></slot>`;
    const actor = this.#actor;
    if (!actor) return slot;
    const t = messagesFor(this.locale);
    const m = t.mfa;
    const snapshot = actor.getSnapshot();
    const { methods, method, error, fieldErrors, attemptsLeft, passkeyCancelled, phoneHint, smsSent } =
      snapshot.context;
    const busy = !snapshot.matches('prompting');
    const locked = snapshot.matches('locked');
    const errorText = locked
      ? m.lockedMessage
      : error
        ? `${errorMessage(t, error)}${attemptsLeft !== null && error.code !== 'invalid_input' ? ` ${m.attemptsLeft(attemptsLeft)}` : ''}`
        : '';
    const label = (factor: StepUpMethod) =>
      factor === 'totp'
        ? m.useTotp
        : factor === 'passkey'
          ? m.usePasskey
          : factor === 'recovery_code'
            ? m.useRecoveryCode
            : factor === 'sms'
              ? m.useSms(phoneHint)
              : m.stepUpPasswordLabel;
    const field =
      method === 'password'
        ? renderField({
            id: 'step-up-password',
            name: 'password',
            type: 'password',
            label: m.stepUpPasswordLabel,
            autocomplete: 'current-password',
            error: fieldErrors['password'],
          })
        : renderField({
            id: 'step-up-code',
            name: 'code',
            label: codeFieldTexts(m, method).label,
            hint: codeFieldTexts(m, method).hint,
            autocomplete: 'one-time-code',
            inputmode: codeFieldTexts(m, method).numeric ? 'numeric' : 'text',
            maxlength: 24,
            error: fieldErrors['code'],
            invalid: error?.code === 'invalid_code',
            describedBy: errorText ? 'step-up-error' : undefined,
          });
    return html`<section part="base" role="group" aria-labelledby="step-up-heading">
        <h2 part="heading" id="step-up-heading">${m.stepUpHeading}</h2>
        <p part="description">${m.stepUpDescription}</p>
        ${
          method === 'passkey'
            ? html`<div class="actions">
                <button
                  part="passkey-button submit-button"
                  type="button"
                  aria-busy=${busy ? 'true' : 'false'}
                  @click=${() => actor.send({ type: 'passkey.start' })}
                >
                  ${m.usePasskey}
                </button>
              </div>`
            : html`<form part="form" novalidate @submit=${this.#onSubmit}>
                ${field}
                ${renderCodeActions({
                  m,
                  method,
                  submitLabel: m.stepUpSubmit,
                  busy,
                  locked,
                  onResend: () => actor.send({ type: 'sms.resend' }),
                })}
              </form>`
        }
        <p part="notice" role="status" aria-live="polite">
          ${passkeyCancelled ? m.passkeyCancelled : method === 'sms' && smsSent ? m.smsSent(phoneHint) : nothing}
        </p>
        <div part="form-error" id="step-up-error" role="alert">${errorText || nothing}</div>
        <div part="methods">
          ${methods
            .filter((factor) => factor !== method)
            .map(
              (factor) =>
                html`<button
                  part="method-button secondary-button"
                  type="button"
                  @click=${() => actor.send({ type: 'factor.choose', factor })}
                >
                  ${label(factor)}
                </button>`,
            )}
          <button part="secondary-button" type="button" @click=${() => actor.send({ type: 'cancel' })}>
            ${t.cancel}
          </button>
        </div>
      </section>
      ${slot}`;
  }
}
