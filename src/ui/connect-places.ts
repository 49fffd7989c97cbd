/**
 * What connecting needs of the renderer under it: where a drawn node stands, which nodes the arrow
 * keys can pick, which edges a drag can undercut, and which node is under the pointer. The SVG map
 * answers from its elements and its position map; the canvas map from its coordinate array and hit
 * index, so that no map of 5,000 positions is built again at each edit.
 */
import type { EdgeKind, Point } from '../core/model.ts';
import type { EdgeSegment } from '../layout/edge-geometry.ts';
import type { Placed } from './connect-target.ts';
import type { Rectangle } from './lasso-geometry.ts';

/** The middle of an edge a connection can be dropped on to undercut it, in map coordinates. */
export interface UndercutTarget {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface ConnectPlaces {
  /** A drawn node's centre, in map coordinates. */
  positionOf(id: string): Point | undefined;
  /** Every drawn node and its centre: the arrow keys' candidates, walked once a key press. */
  drawn(): Iterable<Placed>;
  /** The edges a dragged connection can be dropped on, read once as the drag starts. */
  undercuttable(): readonly UndercutTarget[];
  /** The node under a point of the page (client coordinates). */
  nodeAt(clientX: number, clientY: number): string | undefined;
}

/** Only a support, an attack or an answer can be undercut (the document refuses the rest). */
export function canBeUndercut(kind: EdgeKind): boolean {
  return kind === 'support' || kind === 'attack' || kind === 'answer';
}

/** The SVG map's answers: an element per node, and a position for each. */
export function svgConnectPlaces(
  nodes: () => readonly { readonly id: string }[],
  positionById: () => ReadonlyMap<string, Point>,
  segments: () => readonly EdgeSegment[],
): ConnectPlaces {
  return {
    positionOf: (id) => positionById().get(id),
    drawn: () => {
      const positions = positionById();
      return nodes().flatMap(({ id }) => {
        const position = positions.get(id);
        return position ? [{ id, x: position.x, y: position.y }] : [];
      });
    },
    undercuttable: () =>
      segments()
        .filter((segment) => canBeUndercut(segment.kind))
        .map((segment) => ({ id: segment.id, x: (segment.x1 + segment.x2) / 2, y: (segment.y1 + segment.y2) / 2 })),
    nodeAt: (clientX, clientY) => document.elementFromPoint(clientX, clientY)?.closest<SVGElement>('g[data-node-id]')?.dataset['nodeId'],
  };
}

/**
 * The undercut targets of drawn lines (`edgeLines`' x1, y1, x2, y2 per line) whose middle is in
 * `view` (map coordinates), the `limit` nearest the view's centre: a map zoomed out on thousands of edges would
 * otherwise put thousands of targets, too small to aim at, on screen.
 */
export function undercutTargetsInView(
  edges: readonly { readonly id: string; readonly kind: EdgeKind }[],
  lines: Float64Array,
  view: Rectangle,
  limit: number,
): UndercutTarget[] {
  const targets: UndercutTarget[] = [];
  edges.forEach((edge, line) => {
    if (!canBeUndercut(edge.kind)) return;
    const x = (lines[4 * line]! + lines[4 * line + 2]!) / 2;
    const y = (lines[4 * line + 1]! + lines[4 * line + 3]!) / 2;
    if (x >= view.left && x <= view.right && y >= view.top && y <= view.bottom) targets.push({ id: edge.id, x, y });
  });
  if (targets.length <= limit) return targets;
  const centreX = (view.left + view.right) / 2;
  const centreY = (view.top + view.bottom) / 2;
  const distance = (target: UndercutTarget) => Math.hypot(target.x - centreX, target.y - centreY);
  return targets.sort((a, b) => distance(a) - distance(b) || (a.id < b.id ? -1 : 1)).slice(0, limit);
}
