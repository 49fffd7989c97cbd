/**
 * Whether this page may edit the map on screen, for the views that offer editing (the inspector,
 * the edge inspector, the Source tab): not in a room opened by a view link. Until the session's
 * editing state has loaded, editing is offered; an edit made then is refused with the reason.
 */
import type { Authoring } from './authoring.svelte.ts';
import { authoringOf, madeAuthoring } from './editing.ts';
import type { MapSession } from './map-session.svelte.ts';

export class EditingAccess {
  #authoring = $state.raw<Authoring | undefined>(undefined);

  constructor(session: MapSession) {
    this.#authoring = madeAuthoring(session);
    if (this.#authoring === undefined) void authoringOf(session).then((authoring) => (this.#authoring = authoring));
  }

  get readOnly(): boolean {
    return this.#authoring?.readOnly ?? false;
  }
}
