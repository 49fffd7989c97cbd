/**
 * Where nodes stand when an edit lays the map out again. Nodes the document does not place (no
 * saved position) stand where the view last showed them, so that undo puts a node back: a node
 * dragged for the first time goes back to where it stood before the drag when the undo takes its
 * saved position away, and a deleted node comes back where it stood when it was deleted.
 */
import { followNodes } from '../core/edit-correspondence.ts';
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
 * The places to keep when `next` replaces the map the layout `before` showed, by node index of
 * `next` (x, y at 2i, 2i + 1; NaN for none): where each node stood, except a node that comes back
 * (absent before) or loses its saved position (pinned before, unplaced now), which goes to its
 * remembered place when there is one. The layout's coordinates are read by index: an edit of a
 * 5,000-node map made no record per node and no index of ids to find them.
 */
export function placesToKeep(
  before: { readonly nodes: readonly { readonly id: string }[]; readonly coordinates: Float64Array; readonly pinned: ReadonlySet<string> },
  next: ArgMap,
  generation: number,
  memory: PlaceMemory = placeMemory,
): Float64Array {
  const kept = new Float64Array(next.nodes.length * 2).fill(Number.NaN);
  const followed = followNodes(next.nodes, before.nodes);
  let indexById: Map<string, number> | undefined;
  const indexBefore = (id: string, index: number): number => {
    if (followed) return followed.previousIndex[index]!;
    indexById ??= new Map(before.nodes.map((node, at) => [node.id, at]));
    return indexById.get(id) ?? -1;
  };
  next.nodes.forEach((node, index) => {
    const at = indexBefore(node.id, index);
    const comesBack = node.position === undefined && (at < 0 || before.pinned.has(node.id));
    const remembered = comesBack ? memory.placeOf(generation, node.id) : undefined;
    if (remembered !== undefined) {
      kept[2 * index] = remembered.x;
      kept[2 * index + 1] = remembered.y;
    } else if (at >= 0) {
      kept[2 * index] = before.coordinates[2 * at]!;
      kept[2 * index + 1] = before.coordinates[2 * at + 1]!;
    }
  });
  return kept;
}
