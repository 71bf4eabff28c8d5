/**
 * @module A Lit reactive controller that connects an element to an XState actor: it starts the
 * actor when the element connects (or adopts one handed down by a parent element), re-renders the
 * element on every snapshot and stops what it started when the element disconnects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createActor,
  type ActorRefFrom,
  type AnyActorRef,
  type AnyStateMachine,
  type EventFrom,
  type InputFrom,
  type SnapshotFrom,
  type Subscription,
} from 'xstate';

/** Where the controller's actor comes from. */
export type MachineSource<TLogic extends AnyStateMachine> =
  { actor: ActorRefFrom<TLogic> } | { logic: TLogic; input?: InputFrom<TLogic> };

/** Options of {@link MachineController}. */
export interface MachineControllerOptions<TLogic extends AnyStateMachine> {
  /** Called on every new snapshot, before the host re-renders (events are dispatched from here). */
  onSnapshot?: (snapshot: SnapshotFrom<TLogic>, previous: SnapshotFrom<TLogic>) => void;
}

/**
 * Owns or adopts one actor for a host element.
 *
 * `source` is read on connect and before each update: when it names another actor (a new child
 * actor from the parent) or another logic, the controller switches to it. Only actors it created
 * itself are stopped; adopted actors belong to their parent.
 *
 * @example
 * #machine = new MachineController(this, () => (this.actor ? { actor: this.actor } : { logic: this.logic }));
 * render() { return this.#machine.snapshot.matches('editing') ? … : …; }
 */
export class MachineController<TLogic extends AnyStateMachine> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: () => MachineSource<TLogic>;
  readonly #options: MachineControllerOptions<TLogic>;
  #actor: AnyActorRef | undefined;
  #logic: TLogic | undefined;
  #owned = false;
  #subscription: Subscription | undefined;
  #snapshot: SnapshotFrom<TLogic> | undefined;

  constructor(
    host: ReactiveControllerHost,
    source: () => MachineSource<TLogic>,
    options: MachineControllerOptions<TLogic> = {},
  ) {
    this.#host = host;
    this.#source = source;
    this.#options = options;
    host.addController(this);
  }

  /** The current actor (`undefined` while the host is disconnected). */
  get actor(): ActorRefFrom<TLogic> | undefined {
    return this.#actor as ActorRefFrom<TLogic> | undefined;
  }

  /** True when the controller created (and will stop) the actor. */
  get ownsActor(): boolean {
    return this.#owned;
  }

  /** The latest snapshot. Only read it while the host is connected. */
  get snapshot(): SnapshotFrom<TLogic> {
    if (this.#snapshot === undefined)
      throw new Error('Foyer: the element is not connected, so it has no machine snapshot.');
    return this.#snapshot;
  }

  /** True when a snapshot is available. */
  get ready(): boolean {
    return this.#snapshot !== undefined;
  }

  /** Sends an event to the actor (ignored while disconnected). */
  send(event: EventFrom<TLogic>): void {
    this.#actor?.send(event);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#detach();
  }

  #sync(): void {
    const source = this.#source();
    if ('actor' in source) {
      if (this.#actor === source.actor && !this.#owned) return;
      this.#detach();
      this.#attach(source.actor, false);
    } else {
      if (this.#owned && this.#logic === source.logic && this.#actor) return;
      this.#detach();
      this.#logic = source.logic;
      const actor: AnyActorRef = createActor(source.logic as AnyStateMachine, { input: source.input });
      this.#attach(actor, true);
    }
  }

  #attach(actor: AnyActorRef, owned: boolean): void {
    this.#actor = actor;
    this.#owned = owned;
    this.#subscription = actor.subscribe({
      next: (snapshot: unknown) => this.#receive(snapshot as SnapshotFrom<TLogic>),
      error: (error: unknown) => {
        console.error('Foyer: machine error', error);
        this.#receive(actor.getSnapshot() as SnapshotFrom<TLogic>);
      },
    });
    if (owned) actor.start();
    this.#snapshot = actor.getSnapshot() as SnapshotFrom<TLogic>;
    this.#host.requestUpdate();
  }

  #receive(snapshot: SnapshotFrom<TLogic>): void {
    const previous = this.#snapshot;
    if (snapshot === previous) return;
    this.#snapshot = snapshot;
    if (previous !== undefined) this.#options.onSnapshot?.(snapshot, previous);
    this.#host.requestUpdate();
  }

  #detach(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    if (this.#owned) this.#actor?.stop();
    this.#actor = undefined;
    this.#logic = undefined;
    this.#owned = false;
    this.#snapshot = undefined;
  }
}
