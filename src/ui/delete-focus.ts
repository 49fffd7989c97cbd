/**
 * Where the keyboard goes when the nodes it was on are deleted: to a node that was connected to
 * them, else to the nearest node left, else (nothing is left) to the map itself.
 */
import type { Position } from '../layout/layout-node.ts';

export function nodeAfterDelete(
  deleted: readonly string[],
  neighboursOf: (id: string) => Iterable<string>,
  places: readonly Position[],
): string | undefined {
  const gone = new Set(deleted);
  for (const id of deleted) {
    for (const neighbour of neighboursOf(id)) if (!gone.has(neighbour)) return neighbour;
  }
  const from = places.filter((place) => gone.has(place.id));
  let nearest: string | undefined;
  let best = Infinity;
  for (const place of places) {
    if (gone.has(place.id)) continue;
    for (const origin of from) {
      const distance = (place.x - origin.x) ** 2 + (place.y - origin.y) ** 2;
      if (distance < best) {
        best = distance;
        nearest = place.id;
      }
    }
  }
  return nearest ?? places.find((place) => !gone.has(place.id))?.id;
}
