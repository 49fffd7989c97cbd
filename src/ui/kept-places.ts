/**
 * Where nodes stand when an edit lays the map out again. Nodes the document does not place (no
 * saved position) stand where the view last showed them, so that undo puts a node back: a node
 * dragged for the first time goes back to where it stood before the drag when the undo takes its
 * saved position away, and a deleted node comes back where it stood when it was deleted.
 */
import type { ArgMap } from '../core/model.ts';
import type { Position } from '../layout/layout-node.ts';

/** A session's remembered places, by node id: one map per opened file (its generation). */
export class PlaceMemory {
  #generation = -1;
  #places = new Map<string, Position>();

  /** Remembers where the view shows these nodes now, forgetting another file's places. */
  remember(generation: number, places: Iterable<Position>): void {
    if (generation !== this.#generation) {
      this.#generation = generation;
      this.#places = new Map();
    }
    for (const place of places) this.#places.set(place.id, place);
  }

  placeOf(generation: number, id: string): Position | undefined {
    return generation === this.#generation ? this.#places.get(id) : undefined;
  }
}

export const placeMemory = new PlaceMemory();

/**
 * The places to keep when `next` replaces the map the layout `before` showed: where each node
 * stood, except a node that comes back (absent before) or loses its saved position (pinned
 * before, unplaced now), which goes to its remembered place when there is one.
 */
export function placesToKeep(
  before: { readonly positions: readonly Position[]; readonly pinned: ReadonlySet<string> },
  next: ArgMap,
  generation: number,
  memory: PlaceMemory = placeMemory,
): Map<string, Position> {
  const kept = new Map(before.positions.map((position) => [position.id, position]));
  for (const node of next.nodes) {
    if (node.position !== undefined) continue;
    if (kept.has(node.id) && !before.pinned.has(node.id)) continue;
    const remembered = memory.placeOf(generation, node.id);
    if (remembered !== undefined) kept.set(node.id, remembered);
  }
  return kept;
}
