/**
 * A presentation carried through a shared room, over the awareness (no document edits: a step is
 * no change of the map, and must not enter anyone's undo history).
 *
 * - `present`: this device shows the tour to the room (the projector). Starting takes the lead.
 * - `remote`: this device drives the same presentation (the presenter view on a phone). It joins
 *   the presentation under way. Every device that presents publishes the state it shows; a move
 *   publishes with a `seq` above every one seen, and each such device takes on a newer state and
 *   publishes it again, so the room keeps the presentation when any one of them leaves.
 * - `audience`: this device follows the newest state and publishes none. Looking around (a step
 *   of one's own, a pan or zoom) detaches it until `rejoin()` ("Back to the presenter").
 */
import type { Camera } from '../../core/model.ts';
import type { Presentation } from '../presentation.svelte.ts';
import { newerPresenting, type PresentingState } from './peer-state.ts';
import type { Presence } from './presence.svelte.ts';

export type RoomPresentationRole = 'present' | 'remote' | 'audience';

function sameCamera(a: Camera | undefined, b: Camera | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y && a.zoom === b.zoom);
}

function sameState(a: PresentingState | undefined, b: PresentingState): boolean {
  return a !== undefined && a.tour === b.tour && a.step === b.step && a.blanked === b.blanked && sameCamera(a.camera, b.camera);
}

export class RoomPresentation {
  readonly role: RoomPresentationRole;
  /** An audience device looking around on its own. */
  detached = $state(false);
  /** Bumped when the view must glide back to the step's camera although the step is the same. */
  recall = $state(0);
  readonly #presence: Presence;
  readonly #presentation: Presentation;
  readonly #stop: (() => void)[] = [];

  constructor(presence: Presence, presentation: Presentation, role: RoomPresentationRole) {
    this.#presence = presence;
    this.#presentation = presentation;
    this.role = role;
    const onChange = (): void => this.#sync();
    presence.awareness.on('change', onChange);
    this.#stop.push(() => presence.awareness.off('change', onChange));
    this.#stop.push(presentation.onMove(() => this.#movedHere()));
    if (role === 'present') this.#publishMove();
    else this.#sync();
  }

  /** The presenter's state when someone else leads; undefined when this device does, or nobody does. */
  get lead(): PresentingState | undefined {
    return this.#presence.lead?.state;
  }

  get leadName(): string | undefined {
    return this.#presence.lead?.name;
  }

  /** Where the presenter moved the camera by hand, for an audience that follows; else the step's own camera holds. */
  get presenterCamera(): Camera | undefined {
    return this.role === 'audience' && !this.detached ? this.#presence.lead?.state.camera : undefined;
  }

  /** The presenter moved the camera by hand: the audience goes there too. */
  movedCamera(camera: Camera): void {
    if (this.role !== 'audience') this.#publishMove(camera);
  }

  /** An audience member looked around (panned, zoomed): the presenter's steps no longer move them. */
  lookAround(): void {
    if (this.role === 'audience') this.detached = true;
  }

  /** "Back to the presenter": the presenter's step and its camera again. */
  rejoin(): void {
    this.detached = false;
    this.recall += 1;
    this.#sync();
  }

  close(): void {
    for (const stop of this.#stop.splice(0)) stop();
    if (this.role !== 'audience') this.#presence.setPresenting(undefined);
  }

  #movedHere(): void {
    if (this.role === 'audience') this.detached = true;
    else this.#publishMove();
  }

  #publishMove(camera?: Camera): void {
    const presentation = this.#presentation;
    if (!presentation.tour) return;
    const seen = Math.max(this.#presence.lead?.state.seq ?? 0, this.#presence.ownPresenting?.seq ?? 0);
    this.#presence.setPresenting({ tour: presentation.tourId, step: presentation.stepIndex, blanked: presentation.blanked, seq: seen + 1, ...(camera ? { camera } : {}) });
  }

  #sync(): void {
    const lead = this.#presence.lead;
    if (lead === undefined) return;
    if (this.role === 'audience') {
      if (!this.detached) this.#presentation.show(lead.state.tour, lead.state.step, lead.state.blanked);
      return;
    }
    const own = this.#presence.ownPresenting;
    if (own !== undefined && !newerPresenting(lead, { clientId: this.#presence.awareness.clientID, state: own })) return;
    this.#presentation.show(lead.state.tour, lead.state.step, lead.state.blanked);
    if (!sameState(own, lead.state) || own?.seq !== lead.state.seq) this.#presence.setPresenting(lead.state);
  }
}
