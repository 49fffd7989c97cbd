/**
 * Which node is under a point of the map, for a renderer that has no element per node (the
 * canvas). Node centres go into a d3 quadtree; a query looks at the centres close enough for
 * their box to reach the point, and the last drawn (top-most) box containing it wins.
 */
import { quadtree, type Quadtree } from 'd3';

export interface HitBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Entry extends HitBox {
  /** Drawing order: a later box is drawn over an earlier one. */
  readonly order: number;
}

export interface HitIndex {
  /** The id of the top-most box containing the point (its border counts), if any. */
  nodeAt(x: number, y: number): string | undefined;
}

/** `boxes` in drawing order; boxes with a non-finite centre cannot be hit. */
export function buildHitIndex(boxes: readonly HitBox[]): HitIndex {
  const entries = boxes.flatMap((box, order) => (Number.isFinite(box.x) && Number.isFinite(box.y) ? [{ ...box, order }] : []));
  const tree: Quadtree<Entry> = quadtree<Entry>()
    .x((entry) => entry.x)
    .y((entry) => entry.y)
    .addAll(entries);
  // A map may hold 100,000 nodes: too many to spread into Math.max.
  const reachX = entries.reduce((reach, entry) => Math.max(reach, entry.width / 2), 0);
  const reachY = entries.reduce((reach, entry) => Math.max(reach, entry.height / 2), 0);

  return {
    nodeAt(x, y) {
      let found: Entry | undefined;
      const [left, top, right, bottom] = [x - reachX, y - reachY, x + reachX, y + reachY];
      tree.visit((node, x0, y0, x1, y1) => {
        if (!node.length) {
          for (let leaf: typeof node | undefined = node; leaf; leaf = leaf.next) {
            const entry = leaf.data;
            const inside = Math.abs(entry.x - x) <= entry.width / 2 && Math.abs(entry.y - y) <= entry.height / 2;
            if (inside && (!found || entry.order > found.order)) found = entry;
          }
        }
        // Skip quadrants no box centred in them can reach the point from.
        return x0 > right || x1 < left || y0 > bottom || y1 < top;
      });
      return found?.id;
    },
  };
}
