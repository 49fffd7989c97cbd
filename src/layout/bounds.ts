/** The rectangle that holds every box: for fitting the view and for an export's viewBox. */
import type { Position } from './layout-node.ts';
import type { Extent } from './node-boxes.ts';

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An empty map or a single tiny node still needs a drawable area. */
export const MIN_BOUNDS_SIZE = 200;

export function contentBounds(positions: readonly Position[], boxes: ReadonlyMap<string, Extent>, margin = 0): Bounds {
  return coordinateBounds(positions.map((position) => position.id), Float64Array.from(positions.flatMap(({ x, y }) => [x, y])), boxes, margin);
}

/** `coordinates`: x0, y0, x1, y1, … of the nodes named in `ids`, in that order. */
export function coordinateBounds(ids: readonly string[], coordinates: Float64Array, boxes: ReadonlyMap<string, Extent>, margin = 0): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  ids.forEach((id, index) => {
    const box = boxes.get(id);
    const x = coordinates[2 * index]!;
    const y = coordinates[2 * index + 1]!;
    if (!box || !Number.isFinite(x) || !Number.isFinite(y)) return;
    minX = Math.min(minX, x - box.width / 2);
    maxX = Math.max(maxX, x + box.width / 2);
    minY = Math.min(minY, y - box.height / 2);
    maxY = Math.max(maxY, y + box.height / 2);
  });
  if (minX > maxX) return { x: -MIN_BOUNDS_SIZE / 2, y: -MIN_BOUNDS_SIZE / 2, width: MIN_BOUNDS_SIZE, height: MIN_BOUNDS_SIZE };
  const width = Math.max(MIN_BOUNDS_SIZE, maxX - minX + 2 * margin);
  const height = Math.max(MIN_BOUNDS_SIZE, maxY - minY + 2 * margin);
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  return { x: centreX - width / 2, y: centreY - height / 2, width, height };
}
