/** @module The `<foyer-account-delete>` class (no side effects: importing it defines no tag). */
import { DELETION_CONFIRMATION_WORD, type accountDeletionMachine, type FoyerClient } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { SnapshotFrom } from 'xstate';
import { providedMachine, type MachineIo } from '../internal/auth-machines.js';
import { accountDeletionEndpoints, accountDeletionHttpActors, provideAccountDeletionMachine } from '@foyer/core';
import { renderField } from '../internal/field.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { accountDeleteStyles } from './account-delete.styles.js';
import { accountDeleteMessages } from './account-delete.messages.js';

registerEnglish(accountDeleteMessages);

/** The provided machine when none is given (see internal/auth-machines.ts). */
const buildAccountDeletion = (s: MachineIo) =>
  provideAccountDeletionMachine(s.actors(accountDeletionEndpoints, accountDeletionHttpActors));

type AccountDeletionLogic = typeof accountDeletionMachine;
type AccountDeletionSnapshot = SnapshotFrom<AccountDeletionLogic>;

/**
 * Detail of the `foyer-step-up-required` event this element fires when the server wants a fresh
 * second factor: a step-up element (or the host) proves it, then calls `retry()`, or `cancel()`.
 */
export interface FoyerAccountDeleteStepUpDetail {
  /** `details` of `403 step_up_required` (`methods`, `maxAgeSeconds`). */
  details: Record<string, unknown>;
  retry(): void;
  cancel(): void;
}

/**
 * Walks the signed-in user through deleting their account: what will happen and a link to download
 * their data first; a fresh step-up when the server asks for one; typing `DELETE` (or their email)
 * to confirm; done. Renders the `accountDeletion` machine of `@foyer/core`.
 *
 * Step-up: in the `stepUpRequired` state the element fires `foyer-step-up-required` (bubbling,
 * composed) with `{ details, retry, cancel }`; a `<foyer-step-up>` around it, or the host, proves the
 * factor and calls `retry()`. The element also shows "I have confirmed, continue" and "Cancel".
 *
 * @summary Export your data, then delete your account.
 * @tag foyer-account-delete
 *
 * @attr email - The account's email: typing it confirms too.
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin. The export link is relative to it.
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {typeof accountDeletionMachine} logic - A provided accountDeletion machine (e.g. with fake actors).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 *
 * @event foyer-step-up-required - A fresh second factor is needed; detail {@link FoyerAccountDeleteStepUpDetail}.
 * @event foyer-account-deleted - The account is gone (the session cookie was cleared); detail `{}`.
 * @event foyer-error - The server answered with an error; detail `{ code, message }`.
 *
 * @csspart base - The wrapper. @csspart heading - The heading. @csspart description - What deleting means.
 * @csspart export-link - "Download your data". @csspart form - The confirm form.
 * @csspart field - label + input + error. @csspart label @csspart input @csspart error
 * @csspart form-error - The alert region for server errors. @csspart danger-button - "Continue to delete" and "Delete my account".
 * @csspart secondary-button - "Cancel" and "I have confirmed, continue". @csspart notice - The step-up prompt and the done status.
 *
 * @cssproperty --foyer-danger-color - Background of the destructive buttons. @default #b3261e
 */
export class FoyerAccountDelete extends FoyerElement {
  static override styles = [foyerStyles, accountDeleteStyles];

  static override properties: PropertyDeclarations = {
    email: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    logic: { attribute: false },
    client: { attribute: false },
  };

  /** @default '' */
  declare email: string;
  /** @default '' */
  declare apiBase: string;
  declare logic: AccountDeletionLogic | undefined;
  declare client: FoyerClient | undefined;

  readonly #machine = new MachineController<AccountDeletionLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  #focusNext = false;

  constructor() {
    super();
    this.email = '';
    this.apiBase = '';
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine() {
    return this.#machine.actor;
  }

  /** Tells the element the step-up succeeded: it retries. */
  stepUpDone(): void {
    if (this.#machine.snapshot.matches('stepUpRequired')) this.#machine.send({ type: 'stepUp.done' });
  }

  #source(): MachineSource<AccountDeletionLogic> {
    const logic = this.logic ?? providedMachine(this.client, this.apiBase, buildAccountDeletion);
    return { logic, input: { email: this.email, exportUrl: `${this.apiBase.replace(/\/+$/, '')}/account/export` } };
  }

  #onSnapshot(snapshot: AccountDeletionSnapshot, previous: AccountDeletionSnapshot): void {
    const error = snapshot.context.error;
    if (error && error !== previous.context.error) {
      this.emit('foyer-error', { code: error.code, message: errorMessage(messagesFor(this.locale), error) });
    }
    if (snapshot.matches('stepUpRequired') && !previous.matches('stepUpRequired')) {
      const detail: FoyerAccountDeleteStepUpDetail = {
        details: snapshot.context.stepUp ?? {},
        retry: () => this.stepUpDone(),
        cancel: () => {
          if (this.#machine.snapshot.matches('stepUpRequired')) this.#machine.send({ type: 'stepUp.cancel' });
        },
      };
      this.dispatchEvent(new CustomEvent('foyer-step-up-required', { detail, bubbles: true, composed: true }));
    }
    if (snapshot.matches('done') && !previous.matches('done')) this.emit('foyer-account-deleted', {});
    if (!snapshot.matches(previous.value as never)) this.#focusNext = true;
  }

  #onConfirm(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.#machine.snapshot.matches('confirming')) return;
    const entry = new FormData(event.target as HTMLFormElement).get('confirmation');
    this.#focusNext = true;
    this.#machine.send({ type: 'deletion.confirm', confirmation: typeof entry === 'string' ? entry : '' });
  }

  protected override updated(): void {
    if (!this.#focusNext || !this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    if (snapshot.matches('requesting') || snapshot.matches('deleting')) return;
    this.#focusNext = false;
    if (snapshot.matches('confirming')) this.renderRoot.querySelector<HTMLInputElement>('#confirmation')?.focus();
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { error, fieldErrors, exportUrl } = snapshot.context;
    if (snapshot.matches('done')) {
      return html`<div part="base"><p part="notice" role="status">${t.deleteDone}</p></div>`;
    }
    const formError = html`<div part="form-error" id="form-error" role="alert">
      ${error ? errorMessage(t, error) : nothing}
    </div>`;
    const exportLink = html`<a part="export-link" href=${exportUrl} download>${t.deleteExportLink}</a>`;
    if (snapshot.matches('confirming') || snapshot.matches('deleting')) {
      const busy = snapshot.matches('deleting');
      return html`<div part="base">
        <h2 part="heading">${t.deleteHeading}</h2>
        <p part="description">${t.deleteExportHint}</p>
        ${exportLink}
        <form part="form" novalidate @submit=${this.#onConfirm}>
          ${renderField({
            id: 'confirmation',
            name: 'confirmation',
            label: t.deleteConfirmLabel(DELETION_CONFIRMATION_WORD, this.email !== ''),
            autocomplete: 'off',
            error: fieldErrors['confirmation'],
            describedBy: 'form-error',
          })}
          ${formError}
          <div class="actions">
            <button
              part="danger-button"
              type="submit"
              aria-disabled=${busy ? 'true' : 'false'}
              aria-busy=${busy ? 'true' : 'false'}
            >
              ${t.deleteConfirmSubmit}
            </button>
            <button
              part="secondary-button"
              type="button"
              @click=${() => this.#machine.send({ type: 'deletion.cancel' })}
            >
              ${t.cancel}
            </button>
          </div>
        </form>
      </div>`;
    }
    const stepUp = snapshot.matches('stepUpRequired');
    const busy = snapshot.matches('requesting');
    return html`<div part="base">
      <h2 part="heading">${t.deleteHeading}</h2>
      <p part="description">${t.deleteReview}</p>
      ${exportLink} ${formError}
      ${
        stepUp
          ? html`<p part="notice" role="status">${t.deleteStepUpPrompt}</p>
              <div class="actions">
                <button part="secondary-button" type="button" @click=${() => this.stepUpDone()}>
                  ${t.deleteStepUpContinue}
                </button>
                <button
                  part="secondary-button"
                  type="button"
                  @click=${() => this.#machine.send({ type: 'stepUp.cancel' })}
                >
                  ${t.cancel}
                </button>
              </div>`
          : html`<button
              part="danger-button"
              type="button"
              aria-disabled=${busy ? 'true' : 'false'}
              aria-busy=${busy ? 'true' : 'false'}
              @click=${() => {
                if (this.#machine.snapshot.matches('reviewing')) this.#machine.send({ type: 'deletion.start' });
              }}
            >
              ${t.deleteStart}
            </button>`
      }
    </div>`;
  }
}
