/** @module The `<foyer-onboarding>` class (no side effects: importing it defines no tag). */
import {
  creativeMarketplace,
  currentStepOf,
  trackOf,
  type FoyerClient,
  type GateReason,
  type OnboardingDefinition,
  type onboardingMachine,
} from '@foyer/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ActorRefFrom, AnyActorRef, SnapshotFrom } from 'xstate';
import { FoyerCompletenessMeter } from '../completeness-meter/completeness-meter.component.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { errorMessage } from '../internal/messages.js';
import { onboardingMachinesFor } from '../internal/onboarding-machines.js';
import { FoyerStepAvailability } from '../step-availability/step-availability.component.js';
import { FoyerStepPackages } from '../step-packages/step-packages.component.js';
import { FoyerStepPolicies } from '../step-policies/step-policies.component.js';
import { FoyerStepProfile } from '../step-profile/step-profile.component.js';
import { FoyerStepRoles } from '../step-roles/step-roles.component.js';
import { FoyerStepStudio } from '../step-studio/step-studio.component.js';
import type { FoyerStepElement } from './step-element.js';
import { onboardingMessagesFor } from './messages.js';
import { onboardingStyles } from './onboarding.styles.js';
import type {} from './events.js';

type OnboardingLogic = typeof onboardingMachine;
type OnboardingSnapshot = SnapshotFrom<OnboardingLogic>;
type IndicatorStatus = 'done' | 'current' | 'due' | 'locked';

/**
 * The onboarding wizard of one track: progress, the current step's form, autosave status (and
 * conflicts), the completeness meter, and publishing. Renders the `onboarding` machine of
 * `@foyer/core`; step data is saved as you type and never lost.
 *
 * Accessible names: the navigation "Onboarding steps" (an ordered list; done and due steps are
 * buttons named by the step title and status, the current one has `aria-current="step"`, locked
 * steps are plain text); buttons **Back**, **Continue**; the polite status "Saving…" / "Saved" /
 * "Offline — will retry"; on a conflict the alert "This step was changed in another tab or device"
 * with **Use the latest version** and **Keep my changes**; the meter "Profile completeness";
 * **Publish** (disabled until the publish gate is open, the reasons listed as buttons that go to
 * their step); when published "Your profile is live at <url>" and **Unpublish**; when loading
 * failed, **Try again**.
 *
 * @summary The onboarding wizard for providers and hosts.
 * @tag foyer-onboarding
 *
 * @attr track - `provider` or `host` (any track of the definition; read on connect). @default 'provider'
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr debounce-ms - Autosave quiet time after typing (read on connect). @default 800
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {typeof onboardingMachine} logic - A provided onboarding machine (`createOnboardingMachines(actors).onboarding`).
 * @prop {FoyerClient} client - A client to build the machine from, instead of `api-base`.
 * @prop {OnboardingDefinition} definition - The definition (the server's). @default creativeMarketplace
 *
 * @slot portfolio - The portfolio uploader (media plug-in) on the `portfolio` step; a placeholder by default. Likewise `photos` and `verification`: each slot step has a slot named by its step id.
 * @slot avatar - Forwarded to `<foyer-step-profile>`'s avatar slot.
 *
 * @event foyer-before-step-change - Cancelable, before Back / Continue / a step link asks the machine to move; detail `{ from, to }`. `preventDefault()` keeps the step.
 * @event foyer-step-change - The step on screen changed; detail `{ from, to }`.
 * @event foyer-step-saved - Autosave settled on "Saved"; detail `{ step, version }` per step written.
 * @event foyer-published - The track was published; detail `{ track, url }`.
 * @event foyer-step-input - Bubbles from the step elements on every edit; detail `{ patch }`.
 * @event foyer-error - A server error is shown; detail `{ code, message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart loading - The busy placeholder while loading.
 * @csspart progress - The step navigation.
 * @csspart step-indicator - One step of the progress list (`step-indicator done|current|due|locked`).
 * @csspart step-status - The status text of a step indicator.
 * @csspart step - The current step's section.
 * @csspart heading - The step title.
 * @csspart description - The step description.
 * @csspart step-form - The step element.
 * @csspart slot-step - The placeholder panel of a slot step.
 * @csspart actions - The Back / Continue row.
 * @csspart submit-button - Continue and Publish.
 * @csspart secondary-button - Back, Unpublish, the conflict buttons, Try again.
 * @csspart save-status - The polite save status.
 * @csspart conflict - The conflict banner.
 * @csspart form-error - The alert region for server errors.
 * @csspart meter - The `<foyer-completeness-meter>`.
 * @csspart publish - The publish section.
 * @csspart publish-reasons - What is missing before publishing.
 * @csspart link-button - Buttons in the reasons list.
 * @csspart published-url - The public page link.
 *
 * @cssproperty --foyer-color-primary - Buttons, links, the current step and the meter.
 * @cssproperty --foyer-color-on-primary - Text on primary buttons.
 * @cssproperty --foyer-color-text - Text.
 * @cssproperty --foyer-color-text-muted - Hints and statuses.
 * @cssproperty --foyer-color-background - Background.
 * @cssproperty --foyer-color-surface - Panels and the meter's track.
 * @cssproperty --foyer-color-border - Borders.
 * @cssproperty --foyer-color-danger - Errors and the conflict banner.
 * @cssproperty --foyer-color-success - Notices.
 * @cssproperty --foyer-color-focus - Focus ring.
 * @cssproperty --foyer-radius - Corner radius.
 * @cssproperty --foyer-spacing - Space between parts.
 * @cssproperty --foyer-font - Font family.
 *
 * @example
 * <script type="module" src="/foyer.js"></script>
 * <foyer-onboarding track="provider" api-base="https://auth.example.com"></foyer-onboarding>
 */
export class FoyerOnboarding extends FoyerElement {
  static override styles = [foyerStyles, onboardingStyles];

  static override dependencies = {
    'foyer-step-roles': FoyerStepRoles,
    'foyer-step-profile': FoyerStepProfile,
    'foyer-step-packages': FoyerStepPackages,
    'foyer-step-availability': FoyerStepAvailability,
    'foyer-step-policies': FoyerStepPolicies,
    'foyer-step-studio': FoyerStepStudio,
    'foyer-completeness-meter': FoyerCompletenessMeter,
  };

  static override properties: PropertyDeclarations = {
    ...FoyerElement.properties,
    track: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    debounceMs: { type: Number, attribute: 'debounce-ms' },
    logic: { attribute: false },
    client: { attribute: false },
    definition: { attribute: false },
  };

  /** The track of this wizard. @default 'provider' */
  declare track: string;
  /** Where the Foyer server is mounted. @default '' */
  declare apiBase: string;
  /** Autosave quiet time in ms. @default 800 */
  declare debounceMs: number;
  /** A provided onboarding machine to start instead of the HTTP one. */
  declare logic: OnboardingLogic | undefined;
  /** The client to build the machine from. */
  declare client: FoyerClient | undefined;
  /** The onboarding definition. @default creativeMarketplace */
  declare definition: OnboardingDefinition | undefined;

  readonly #machine = new MachineController<OnboardingLogic>(this, () => this.#source(), {
    onSnapshot: (snapshot, previous) => this.#onSnapshot(snapshot, previous),
  });
  /** Versions announced by `foyer-step-saved`, by `track/step`. */
  #announced: Record<string, number> | undefined;
  #focusErrors = false;
  #focusHeading = false;
  /** Bumped when the step's data is replaced from outside (another tab's version), to rebuild the form. */
  #revision = 0;

  constructor() {
    super();
    this.track = 'provider';
    this.apiBase = '';
    this.debounceMs = 800;
  }

  /** The machine's actor (`undefined` while disconnected). */
  get machine(): ActorRefFrom<OnboardingLogic> | undefined {
    return this.#machine.actor;
  }

  /** Saves what is pending now (e.g. before the host page navigates). */
  flush(keepalive = false): void {
    this.#machine.send({ type: 'save.flush', keepalive });
  }

  /** Goes to `step` (fires `foyer-before-step-change` first); ignored when the step is locked. */
  goTo(step: string): void {
    this.#move(step, { type: 'step.goto', step });
  }

  readonly #onPageHide = () => this.flush(true);
  readonly #onOnline = () => this.#machine.send({ type: 'connection.online' });
  readonly #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush(true);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.#onPageHide);
    window.addEventListener('online', this.#onOnline);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    window.removeEventListener('online', this.#onOnline);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#announced = undefined;
    super.disconnectedCallback();
  }

  #source(): MachineSource<OnboardingLogic> {
    const logic = this.logic ?? onboardingMachinesFor(this.client, this.apiBase).onboarding;
    return {
      logic,
      input: { track: this.track, definition: this.definition ?? creativeMarketplace, debounceMs: this.debounceMs },
    };
  }

  #versions(snapshot: OnboardingSnapshot): Record<string, number> | undefined {
    const autosave = (snapshot.children as Record<string, AnyActorRef | undefined>)['autosave'];
    return (autosave?.getSnapshot() as { context?: { versions?: Record<string, number> } } | undefined)?.context
      ?.versions;
  }

  #onSnapshot(snapshot: OnboardingSnapshot, previous: OnboardingSnapshot): void {
    const { context } = snapshot;
    const versions = this.#versions(snapshot);
    if (versions && !this.#announced) this.#announced = { ...versions };
    if (versions && context.saveStatus === 'saved' && previous.context.saveStatus !== 'saved' && this.#announced) {
      const prefix = `${context.track}/`;
      for (const [key, version] of Object.entries(versions)) {
        if (key.startsWith(prefix) && version > (this.#announced[key] ?? 0)) {
          this.#announced[key] = version;
          this.emit('foyer-step-saved', { step: key.slice(prefix.length), version });
        }
      }
    }
    if (previous.context.current && context.current && previous.context.current !== context.current) {
      this.#focusHeading = this.#hasFocus();
      this.emit('foyer-step-change', { from: previous.context.current, to: context.current });
    }
    const published = trackOf(context)?.published;
    if (published && !trackOf(previous.context)?.published) {
      this.emit('foyer-published', { track: context.track, url: published.url });
    }
    if (context.error && context.error !== previous.context.error) {
      this.emit('foyer-error', {
        code: context.error.code,
        message: errorMessage(onboardingMessagesFor(this.locale).common, context.error),
      });
    }
  }

  #hasFocus(): boolean {
    return this.matches(':focus-within');
  }

  #move(to: string, event: { type: 'step.next' } | { type: 'step.back' } | { type: 'step.goto'; step: string }): void {
    const from = this.#machine.ready ? this.#machine.snapshot.context.current : null;
    if (!from) return;
    const proceed = this.dispatchEvent(
      new CustomEvent('foyer-before-step-change', {
        detail: { from, to },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (!proceed) return;
    this.#machine.send(event);
  }

  #stepIds(): string[] {
    const { context } = this.#machine.snapshot;
    return context.definition.stepsOf(context.track).map((step) => step.id);
  }

  #continue = () => {
    const snapshot = this.#machine.snapshot;
    if (!snapshot.matches({ ready: 'editing' })) return;
    const ids = this.#stepIds();
    const next = ids[ids.indexOf(snapshot.context.current ?? '') + 1];
    if (!next) return;
    this.#focusErrors = true;
    this.#move(next, { type: 'step.next' });
  };

  #back = () => {
    const ids = this.#stepIds();
    const previous = ids[ids.indexOf(this.#machine.snapshot.context.current ?? '') - 1];
    if (previous) this.#move(previous, { type: 'step.back' });
  };

  #onStepInput(event: CustomEvent<{ patch: Record<string, unknown> }>): void {
    this.#machine.send({ type: 'field.change', patch: event.detail.patch });
  }

  #takeTheirs = () => {
    this.#revision++;
    this.#machine.send({ type: 'conflict.takeTheirs' });
  };

  protected override updated(): void {
    if (!this.#machine.ready) return;
    const snapshot = this.#machine.snapshot;
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
    }
    if (this.#focusErrors && snapshot.matches({ ready: 'editing' })) {
      this.#focusErrors = false;
      if (Object.keys(snapshot.context.fieldErrors).length > 0) {
        const form = this.renderRoot.querySelector<FoyerStepElement>('[part~="step-form"]');
        void form?.updateComplete.then(() => form.focusFirstInvalid());
      }
    }
  }

  #statusOf(snapshot: OnboardingSnapshot, id: string, status: string): IndicatorStatus {
    if (snapshot.context.current === id) return 'current';
    return status === 'complete' ? 'done' : status === 'locked' ? 'locked' : 'due';
  }

  #renderProgress(snapshot: OnboardingSnapshot) {
    const t = onboardingMessagesFor(this.locale);
    const { context } = snapshot;
    const steps = trackOf(context)?.steps ?? [];
    return html`<nav part="progress" aria-label=${t.progressLabel}>
      <ol>
        ${steps.map((step) => {
          const title = context.definition.stepOf(context.track, step.id)?.title ?? step.id;
          const status = this.#statusOf(snapshot, step.id, step.status);
          const label = html`${title} <span part="step-status">(${t.stepStatus[status]})</span>`;
          return html`<li part="step-indicator ${status}">
            ${
              status === 'locked'
                ? html`<span>${label}</span>`
                : html`<button
                    type="button"
                    aria-current=${ifDefined(status === 'current' ? 'step' : undefined)}
                    @click=${() => status !== 'current' && this.goTo(step.id)}
                  >
                    ${label}
                  </button>`
            }
          </li>`;
        })}
      </ol>
    </nav>`;
  }

  #renderStepForm(snapshot: OnboardingSnapshot): TemplateResult {
    const t = onboardingMessagesFor(this.locale);
    const { context } = snapshot;
    const step = currentStepOf(context);
    if (!step) return html``;
    if (step.kind === 'slot') {
      return html`<div part="slot-step">
        <slot name=${step.id}><p part="hint">${t.slotPlaceholder}</p></slot>
      </div>`;
    }
    const data = context.drafts[step.id] ?? {};
    const fieldErrors = context.fieldErrors;
    const roles = (context.drafts['roles']?.['roles'] as string[] | undefined) ?? trackOf(context)?.roles ?? [];
    const key = `${step.id}:${this.#revision}`;
    let form: TemplateResult;
    switch (step.id) {
      case 'roles':
        form = html`<foyer-step-roles
          part="step-form"
          .data=${data}
          .fieldErrors=${fieldErrors}
          locale=${this.locale}
        ></foyer-step-roles>`;
        break;
      case 'profile':
        form = html`<foyer-step-profile part="step-form" .data=${data} .fieldErrors=${fieldErrors} locale=${this.locale}
          ><slot name="avatar" slot="avatar"></slot
        ></foyer-step-profile>`;
        break;
      case 'packages':
        form = html`<foyer-step-packages
          part="step-form"
          .data=${data}
          .fieldErrors=${fieldErrors}
          .roles=${roles}
          locale=${this.locale}
        ></foyer-step-packages>`;
        break;
      case 'availability':
        form = html`<foyer-step-availability
          part="step-form"
          .data=${data}
          .fieldErrors=${fieldErrors}
          locale=${this.locale}
        ></foyer-step-availability>`;
        break;
      case 'policies':
        form = html`<foyer-step-policies
          part="step-form"
          .data=${data}
          .fieldErrors=${fieldErrors}
          locale=${this.locale}
        ></foyer-step-policies>`;
        break;
      case 'studio':
        form = html`<foyer-step-studio
          part="step-form"
          .data=${data}
          .fieldErrors=${fieldErrors}
          locale=${this.locale}
        ></foyer-step-studio>`;
        break;
      default:
        form = html`<p part="hint">${t.unknownStep(step.id)}</p>`;
    }
    return html`<div @foyer-step-input=${this.#onStepInput}>${keyed(key, form)}</div>`;
  }

  #renderSaveStatus(snapshot: OnboardingSnapshot) {
    const t = onboardingMessagesFor(this.locale);
    const { saveStatus, conflict, track } = snapshot.context;
    const text = { saved: t.saved, saving: t.saving, offline: t.offline, error: t.saveError, conflict: '' }[saveStatus];
    return html`<p part="save-status" role="status">${text}</p>
      <div role="alert">
        ${
          saveStatus === 'conflict' && conflict && conflict.track === track
            ? html`<div part="conflict">
                <p>${t.conflictMessage}</p>
                <div part="actions">
                  <button part="secondary-button" type="button" @click=${this.#takeTheirs}>${t.useLatest}</button>
                  <button
                    part="secondary-button"
                    type="button"
                    @click=${() => this.#machine.send({ type: 'conflict.keepMine' })}
                  >
                    ${t.keepMine}
                  </button>
                </div>
              </div>`
            : nothing
        }
      </div>`;
  }

  #renderPublish(snapshot: OnboardingSnapshot) {
    const t = onboardingMessagesFor(this.locale);
    const { context } = snapshot;
    const track = trackOf(context);
    if (!track) return nothing;
    const busy = snapshot.matches({ ready: 'publishing' }) || snapshot.matches({ ready: 'unpublishing' });
    if (track.published) {
      return html`<section part="publish" aria-labelledby="publish-heading">
        <h2 id="publish-heading">${t.publishHeading}</h2>
        <p>${t.publishedAt} <a part="published-url" href=${track.published.url}>${track.published.url}</a></p>
        <div>
          <button
            part="secondary-button"
            type="button"
            aria-busy=${busy ? 'true' : 'false'}
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => !busy && this.#machine.send({ type: 'unpublish' })}
          >
            ${t.unpublish}
          </button>
        </div>
      </section>`;
    }
    const gate = track.gates.publish;
    const reasons: GateReason[] =
      context.publishReasons.length > 0 ? context.publishReasons : (gate.reasons as GateReason[]);
    const statuses = new Map(track.steps.map((step) => [step.id, step.status]));
    const item = (text: string, step: string | undefined) =>
      html`<li>
        ${
          step && statuses.get(step) !== 'locked'
            ? html`<button part="link-button" type="button" @click=${() => this.goTo(step)}>${text}</button>`
            : text
        }
      </li>`;
    const eligible = gate.eligible && context.publishReasons.length === 0;
    return html`<section part="publish" aria-labelledby="publish-heading">
      <h2 id="publish-heading">${t.publishHeading}</h2>
      ${
        eligible
          ? nothing
          : html`<p id="publish-blocked">${t.publishBlocked}</p>
              <ul part="publish-reasons" aria-labelledby="publish-blocked">
                ${reasons.map((reason) => item(reason.message, reason.step))}
                ${track.missing.slice(0, 3).map((missing) => item(missing.hint, missing.step))}
              </ul>`
      }
      <div>
        <button
          part="submit-button"
          type="button"
          ?disabled=${!eligible}
          aria-describedby=${ifDefined(eligible ? undefined : 'publish-blocked')}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => eligible && !busy && this.#machine.send({ type: 'publish' })}
        >
          ${t.publish}
        </button>
      </div>
    </section>`;
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = onboardingMessagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { context } = snapshot;
    const errorText = context.error ? errorMessage(t.common, context.error) : '';

    if (snapshot.matches('loading')) {
      return html`<div part="base" aria-busy="true"><p part="loading" role="status">${t.common.loading}</p></div>`;
    }
    if (snapshot.matches('failed')) {
      return html`<div part="base">
        <div part="form-error" role="alert">${t.loadFailed} ${errorText}</div>
        <div>
          <button part="secondary-button" type="button" @click=${() => this.#machine.send({ type: 'retry' })}>
            ${t.retry}
          </button>
        </div>
      </div>`;
    }

    const step = currentStepOf(context);
    const ids = this.#stepIds();
    const index = ids.indexOf(context.current ?? '');
    const completing = snapshot.matches({ ready: 'completing' });
    const track = trackOf(context);
    return html`<div part="base">
      ${this.#renderProgress(snapshot)}
      <section part="step" aria-labelledby="step-heading">
        <h2 part="heading" id="step-heading" tabindex="-1">${step?.title ?? ''}</h2>
        ${step?.description ? html`<p part="description">${step.description}</p>` : nothing}
        ${this.#renderStepForm(snapshot)}
      </section>
      <div part="form-error" role="alert">${errorText}</div>
      <div part="actions">
        ${index > 0 ? html`<button part="secondary-button" type="button" @click=${this.#back}>${t.back}</button>` : nothing}
        ${
          index >= 0 && index < ids.length - 1
            ? html`<button
                part="submit-button"
                type="button"
                aria-busy=${completing ? 'true' : 'false'}
                aria-disabled=${completing ? 'true' : 'false'}
                @click=${this.#continue}
              >
                ${t.continue}
              </button>`
            : nothing
        }
      </div>
      ${this.#renderSaveStatus(snapshot)}
      <foyer-completeness-meter
        part="meter"
        interactive
        locale=${this.locale}
        score=${track?.score ?? 0}
        .missing=${track?.missing ?? []}
        @foyer-goto-step=${(event: CustomEvent<{ step: string }>) => this.goTo(event.detail.step)}
      ></foyer-completeness-meter>
      ${this.#renderPublish(snapshot)}
    </div>`;
  }
}
