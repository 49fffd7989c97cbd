/** Kept places as the layout takes them (`placesToKeep`): x, y by node index, NaN for none. */
import type { ArgMap } from '../../src/core/model.ts';
import type { Position } from '../../src/layout/layout-node.ts';

/** `places`, by id, laid out by the node order of `map`. */
export function placesByIndex(map: Pick<ArgMap, 'nodes'>, places: ReadonlyMap<string, { readonly x: number; readonly y: number }>): Float64Array {
  const kept = new Float64Array(map.nodes.length * 2).fill(Number.NaN);
  map.nodes.forEach((node, index) => {
    const place = places.get(node.id);
    if (place === undefined) return;
    kept[2 * index] = place.x;
    kept[2 * index + 1] = place.y;
  });
  return kept;
}

/** The place `kept` gives the node `id` of `map`. */
export function keptPlace(kept: Float64Array, map: Pick<ArgMap, 'nodes'>, id: string): Position | undefined {
  const index = map.nodes.findIndex((node) => node.id === id);
  if (index < 0 || Number.isNaN(kept[2 * index]!)) return undefined;
  return { id, x: kept[2 * index]!, y: kept[2 * index + 1]! };
}
