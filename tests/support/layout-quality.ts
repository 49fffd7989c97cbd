/** Measures of a layout's quality that several tests assert on: overlapping boxes and crossing edges. */
import type { ArgMap, Point } from '../../src/core/model.ts';
import { edgeSegments } from '../../src/layout/edge-geometry.ts';
import type { Extent } from '../../src/layout/node-boxes.ts';

/** The pairs of boxes that overlap, as `a/b`, for a readable failure message. */
export function overlappingPairs(positions: Iterable<Point & { readonly id: string }>, extents: ReadonlyMap<string, Extent>): string[] {
  const placed = [...positions];
  const pairs: string[] = [];
  for (let i = 0; i < placed.length; i += 1) {
    for (let j = i + 1; j < placed.length; j += 1) {
      const a = placed[i]!;
      const b = placed[j]!;
      const boxA = extents.get(a.id)!;
      const boxB = extents.get(b.id)!;
      if (Math.abs(a.x - b.x) < (boxA.width + boxB.width) / 2 && Math.abs(a.y - b.y) < (boxA.height + boxB.height) / 2) pairs.push(`${a.id}/${b.id}`);
    }
  }
  return pairs;
}

/** How many pairs of drawn edges cross each other (touching ends do not count). */
export function edgeCrossings(map: ArgMap, positions: readonly (Point & { readonly id: string })[], extents: ReadonlyMap<string, Extent>): number {
  const segments = edgeSegments(map.edges, new Map(positions.map((position) => [position.id, position])), extents);
  const side = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  let count = 0;
  for (let i = 0; i < segments.length; i += 1) {
    for (let j = i + 1; j < segments.length; j += 1) {
      const a = segments[i]!;
      const b = segments[j]!;
      if (side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1) * side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2) < 0
        && side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1) * side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2) < 0) count += 1;
    }
  }
  return count;
}
