/** @module The `<foyer-mfa-setup>` class (no side effects: importing it defines no tag). */
import { mfaSetupMachine, type FoyerClient, type MfaFactor } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo, mfaActors } from '../internal/auth-machines.js';
import { provideMfaSetupMachine } from '@foyer/core';
import { webauthnCeremonies } from '../internal/webauthn.js';
import { renderField } from '../internal/field.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { passkeysSupported } from '../internal/webauthn.js';
import { mfaStyles } from '../mfa-challenge/mfa-challenge.styles.js';
import type { FoyerStepUpRequiredDetail } from '../step-up/step-up.component.js';
import { mfaMessages } from '../internal/mfa.messages.js';

registerEnglish({ mfa: mfaMessages });

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildMfaSetup = (s: MachineIo) => provideMfaSetupMachine(mfaActors(s), webauthnCeremonies);

type MfaSetupLogic = typeof mfaSetupMachine;
type MfaSetupSnapshot = SnapshotFrom<MfaSetupLogic>;

/**
 * Two-step verification settings: the list of sign-in methods; adding an authenticator app (QR
 * code shown as an image — the server's SVG is never put into the DOM as markup — and the setup
 * key as text), confirming it with a code, then the recovery codes to copy or download; adding
 * passkeys; removing a method, which needs a step-up: the element fires `foyer-step-up-required`
 * (a `<foyer-step-up>` around it answers). Renders the `mfaSetup` machine of `@foyer/core`.
 *
 * @summary Manage two-step verification: authenticator app, passkeys, recovery codes.
 * @tag foyer-mfa-setup
 *
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {typeof mfaSetupMachine} logic - A provided mfaSetup machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @event foyer-mfa-enabled - A factor was added; detail `{ type }`.
 * @event foyer-mfa-factor-removed - A factor was removed; detail `{ id }`.
 * @event foyer-step-up-required - Removing needs a fresh step-up; detail `{ details: { methods }, retry, cancel }`.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper. @csspart heading - @csspart description - @csspart factors - The factor table.
 * @csspart remove-button - @csspart add-totp-button - @csspart add-passkey-button - @csspart qr-code - The QR image.
 * @csspart secret - The setup key. @csspart form - @csspart field - @csspart label - @csspart hint - @csspart input - @csspart error -
 * @csspart submit-button - @csspart secondary-button - @csspart recovery-codes - The code list.
 * @csspart copy-button - @csspart download-button - @csspart notice - @csspart form-error -
 *
 * @example
 * <foyer-step-up><foyer-mfa-setup></foyer-mfa-setup></foyer-step-up>
 */
export class FoyerMfaSetup extends FoyerElement {
  static override styles = [foyerStyles, mfaStyles];

  static override properties: PropertyDeclarations = {
    apiBase: { type: String, attribute: 'api-base' },
    logic: { attribute: false },
    client: { attribute: false },
    copied: { state: true },
  };

  declare apiBase: string;
  declare logic: MfaSetupLogic | undefined;
  declare client: FoyerClient | undefined;
  declare copied: boolean;

  readonly #machine = new MachineController<MfaSetupLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });

  constructor() {
    super();
    this.apiBase = '';
    this.copied = false;
  }

  /** The machine's actor (read-only). */
  get machine(): ActorRefFrom<MfaSetupLogic> | undefined {
    return this.#machine.actor;
  }

  #source(): MachineSource<MfaSetupLogic> {
    return { logic: this.logic ?? providedMachine(this.client, this.apiBase, buildMfaSetup) };
  }

  #onSnapshot(snapshot: MfaSetupSnapshot, previous: MfaSetupSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error)
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    const notice = snapshot.context.notice;
    if (notice !== previous.context.notice) {
      if (notice === 'totp_added') this.emit('foyer-mfa-enabled', { type: 'totp' });
      if (notice === 'passkey_added') this.emit('foyer-mfa-enabled', { type: 'passkey' });
      if (notice === 'factor_removed') this.emit('foyer-mfa-factor-removed', { id: snapshot.context.removing ?? '' });
    }
    if (snapshot.matches('stepUpRequired') && !previous.matches('stepUpRequired')) {
      const detail: FoyerStepUpRequiredDetail = {
        details: { methods: snapshot.context.stepUpMethods },
        retry: () => this.#machine.send({ type: 'stepUp.done' }),
        cancel: () => this.#machine.send({ type: 'stepUp.cancel' }),
      };
      this.dispatchEvent(new CustomEvent('foyer-step-up-required', { detail, bubbles: true, composed: true }));
    }
    if (snapshot.matches('scanning') && !previous.matches('scanning'))
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#totp-code')?.focus());
    if (snapshot.matches('showingCodes') && !previous.matches('showingCodes')) {
      this.copied = false;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#codes-heading')?.focus());
    }
  }

  #onConfirm(event: SubmitEvent): void {
    event.preventDefault();
    const code = new FormData(event.target as HTMLFormElement).get('code');
    this.#machine.send({ type: 'totp.confirm', code: typeof code === 'string' ? code : '' });
  }

  #onAddPasskey(event: SubmitEvent): void {
    event.preventDefault();
    const label = String(new FormData(event.target as HTMLFormElement).get('label') ?? '').trim();
    this.#machine.send({ type: 'passkey.add', ...(label ? { label } : {}) });
  }

  async #copy(codes: string[]): Promise<void> {
    await navigator.clipboard?.writeText(codes.join('\n')).catch(() => undefined);
    this.copied = true;
  }

  #downloadHref(codes: string[]): string {
    return `data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join('\n')}\n`)}`;
  }

  #renderFactor(factor: MfaFactor) {
    const m = messagesFor(this.locale).mfa;
    const name = factor.type === 'passkey' ? factor.label : m.factorType(factor.type);
    const busy = !this.#machine.snapshot.matches('overview');
    return html`<tr>
      <th scope="row">
        ${name}${factor.type === 'recovery_codes' && factor.remaining !== undefined ? html` <span part="hint">(${m.recoveryRemaining(factor.remaining)})</span>` : nothing}
      </th>
      <td>${m.factorType(factor.type)}</td>
      <td>${m.factorLastUsed(factor.lastUsedAt ? factor.lastUsedAt.slice(0, 10) : null)}</td>
      <td>
        <button
          part="remove-button secondary-button"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => !busy && this.#machine.send({ type: 'factor.remove', id: factor.id })}
        >
          ${m.removeFactor(name)}
        </button>
      </td>
    </tr>`;
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const m = t.mfa;
    const snapshot = this.#machine.snapshot;
    const { factors, totp, recoveryCodes, error, fieldErrors, notice } = snapshot.context;
    const status =
      notice === 'passkey_added'
        ? m.passkeyAdded
        : notice === 'factor_removed'
          ? m.factorRemoved(m.removedGeneric)
          : notice === 'passkey_cancelled'
            ? m.passkeyCancelled
            : '';

    if (snapshot.matches('showingCodes') && recoveryCodes) {
      return html`<div part="base">
        <h2 part="heading" id="codes-heading" tabindex="-1">${m.recoveryCodesHeading}</h2>
        <p part="description">${m.recoveryCodesHint}</p>
        <ul part="recovery-codes">
          ${recoveryCodes.map((code) => html`<li>${code}</li>`)}
        </ul>
        <div class="actions">
          <button part="copy-button secondary-button" type="button" @click=${() => this.#copy(recoveryCodes)}>
            ${m.copyCodes}
          </button>
          <a
            part="download-button secondary-button"
            href=${this.#downloadHref(recoveryCodes)}
            download="foyer-recovery-codes.txt"
            >${m.downloadCodes}</a
          >
          <button part="submit-button" type="button" @click=${() => this.#machine.send({ type: 'codes.done' })}>
            ${m.recoveryCodesDone}
          </button>
        </div>
        <p part="notice" role="status" aria-live="polite">${this.copied ? m.codesCopied : nothing}</p>
      </div>`;
    }

    if ((snapshot.matches('scanning') || snapshot.matches('confirmingTotp')) && totp) {
      const busy = snapshot.matches('confirmingTotp');
      const wrong = error?.code === 'invalid_code';
      return html`<div part="base">
        <h2 part="heading">${m.setupTotpStart}</h2>
        <p part="description">${m.setupScan}</p>
        <img
          part="qr-code"
          alt=${m.setupQrAlt}
          src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(totp.qrSvg)}`}
        />
        <p>
          <span>${m.setupManualEntry}:</span> <code part="secret">${totp.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </p>
        <form part="form" novalidate @submit=${this.#onConfirm}>
          ${renderField({
            id: 'totp-code',
            name: 'code',
            label: m.setupConfirmLabel,
            hint: m.totpHint,
            autocomplete: 'one-time-code',
            inputmode: 'numeric',
            maxlength: 12,
            error: fieldErrors['code'],
            invalid: wrong,
            describedBy: error ? 'form-error' : undefined,
          })}
          <div class="actions">
            <button
              part="submit-button"
              type="submit"
              aria-busy=${busy ? 'true' : 'false'}
              aria-disabled=${busy ? 'true' : 'false'}
            >
              ${m.setupConfirmSubmit}
            </button>
            <button part="secondary-button" type="button" @click=${() => this.#machine.send({ type: 'totp.cancel' })}>
              ${t.cancel}
            </button>
          </div>
        </form>
        <div part="form-error" id="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
      </div>`;
    }

    const busy = !snapshot.matches('overview');
    return html`<div part="base">
      <h2 part="heading">${m.setupHeading}</h2>
      ${
        factors.length === 0
          ? html`<p part="description">${snapshot.matches('loading') ? nothing : m.noFactors}</p>`
          : html`<table part="factors">
              <caption class="visually-hidden">
                ${m.factorsCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${m.columnName}</th>
                  <th scope="col">${m.columnType}</th>
                  <th scope="col">${m.columnLastUsed}</th>
                  <th scope="col"><span class="visually-hidden">${t.sessionActions}</span></th>
                </tr>
              </thead>
              <tbody>
                ${factors.map((factor) => this.#renderFactor(factor))}
              </tbody>
            </table>`
      }
      <div class="actions">
        ${
          factors.some((factor) => factor.type === 'totp')
            ? nothing
            : html`<button
                part="add-totp-button submit-button"
                type="button"
                aria-disabled=${busy ? 'true' : 'false'}
                aria-busy=${snapshot.matches('startingTotp') ? 'true' : 'false'}
                @click=${() => !busy && this.#machine.send({ type: 'totp.start' })}
              >
                ${m.setupTotpStart}
              </button>`
        }
      </div>
      ${
        passkeysSupported()
          ? html`<form part="form" novalidate @submit=${this.#onAddPasskey}>
              ${renderField({ id: 'passkey-label', name: 'label', label: m.passkeyLabel, autocomplete: 'off', maxlength: 64 })}
              <div class="actions">
                <button
                  part="add-passkey-button secondary-button"
                  type="submit"
                  aria-disabled=${busy ? 'true' : 'false'}
                  aria-busy=${snapshot.matches('passkeyPrompt') || snapshot.matches('passkeyVerify') ? 'true' : 'false'}
                >
                  ${m.addPasskey}
                </button>
              </div>
            </form>`
          : nothing
      }
      <p part="notice" role="status" aria-live="polite">${status || nothing}</p>
      <div part="form-error" role="alert">${error ? errorMessage(t, error) : nothing}</div>
    </div>`;
  }
}
