/** The rectangle that holds every box: for fitting the view and for an export's viewBox. */
import type { Position } from './layout-node.ts';
import { nodeSizes, type Extent } from './node-boxes.ts';

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An empty map or a single tiny node still needs a drawable area. */
export const MIN_BOUNDS_SIZE = 200;

export function contentBounds(positions: readonly Position[], boxes: ReadonlyMap<string, Extent>, margin = 0): Bounds {
  const ids = positions.map((position) => position.id);
  return coordinateBounds(Float64Array.from(positions.flatMap(({ x, y }) => [x, y])), nodeSizes(ids, boxes), margin);
}

/** `coordinates` and `sizes`: x, y and width, height of node i at 2i and 2i + 1 (`nodeSizes`). */
export function coordinateBounds(coordinates: Float64Array, sizes: Float64Array, margin = 0): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let index = 0; 2 * index < sizes.length; index += 1) {
    const x = coordinates[2 * index]!;
    const y = coordinates[2 * index + 1]!;
    const halfWidth = sizes[2 * index]! / 2;
    const halfHeight = sizes[2 * index + 1]! / 2;
    // A node without a box (NaN) or without a place is left out.
    if (!(Number.isFinite(halfWidth) && Number.isFinite(x) && Number.isFinite(y))) continue;
    minX = Math.min(minX, x - halfWidth);
    maxX = Math.max(maxX, x + halfWidth);
    minY = Math.min(minY, y - halfHeight);
    maxY = Math.max(maxY, y + halfHeight);
  }
  if (minX > maxX) return { x: -MIN_BOUNDS_SIZE / 2, y: -MIN_BOUNDS_SIZE / 2, width: MIN_BOUNDS_SIZE, height: MIN_BOUNDS_SIZE };
  const width = Math.max(MIN_BOUNDS_SIZE, maxX - minX + 2 * margin);
  const height = Math.max(MIN_BOUNDS_SIZE, maxY - minY + 2 * margin);
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  return { x: centreX - width / 2, y: centreY - height / 2, width, height };
}
