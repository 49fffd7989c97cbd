/**
 * A starting placement for maps without saved positions: the debate drawn as a layered
 * forest, each node one row below its parent and its children side by side beneath it.
 * The forces then only have to refine a picture that already reads top-down and whose
 * tree edges do not cross, instead of untangling a random cloud.
 *
 * Parent and child follow the explore graph: an edge leads from the child (the speaker) to
 * its parent (the node spoken about); roots are questions and nodes that lead nowhere.
 * Everything is iterative, so a 100,000-node chain needs no deep call stack.
 */
import { exploreGraph } from '../core/explore/graph.ts';
import type { ArgMap } from '../core/model.ts';
import type { Extent } from './node-boxes.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Room between neighbouring boxes in a row, and between a row's tallest box and the next row. */
const COLUMN_GAP = 40;
const ROW_GAP = 60;
/** Space between trees of the forest, so that separate debates start apart. */
const TREE_GAP = 120;
/** The forest wraps into shelves to roughly this width-to-height ratio, like a screen. */
const ASPECT = 1.6;
/** Enough to make every point distinct (no coincident centres for the forces), too little to see. */
const JITTER = 2;

export function treeSeededPositions(map: ArgMap, extents: ReadonlyMap<string, Extent>, random: () => number): Map<string, Point> {
  const graph = exploreGraph(map);
  const extentOf = (id: string): Extent => extents.get(id) ?? { width: 0, height: 0 };
  // A loop, not Math.max(...spread): a spread of 100,000 arguments can overflow the stack.
  let tallest = 0;
  for (const node of map.nodes) tallest = Math.max(tallest, extentOf(node.id).height);
  const rowHeight = tallest + ROW_GAP;

  // Breadth-first from all roots at once, so a node with several parents hangs under the
  // shallowest (the first reached); the visited set also stops every cycle.
  const depth = new Map<string, number>();
  const treeChildren = new Map<string, string[]>();
  const roots: string[] = [];
  const order: string[] = [];
  const visit = (starts: readonly string[]): void => {
    const first = order.length;
    for (const id of starts) {
      if (depth.has(id)) continue;
      depth.set(id, 0);
      roots.push(id);
      order.push(id);
    }
    for (let head = first; head < order.length; head += 1) {
      const id = order[head]!;
      const below: string[] = [];
      for (const { nodeId } of graph.children.get(id) ?? []) {
        if (depth.has(nodeId)) continue;
        depth.set(nodeId, depth.get(id)! + 1);
        below.push(nodeId);
        order.push(nodeId);
      }
      treeChildren.set(id, below);
    }
  };
  visit(graph.roots);
  // Nodes caught in a cycle with no root above it: the first of them in map order becomes a root.
  for (const node of map.nodes) if (!depth.has(node.id)) visit([node.id]);

  // A subtree is as wide as its root's box or its children's subtrees side by side, whichever is wider.
  const width = new Map<string, number>();
  for (let index = order.length - 1; index >= 0; index -= 1) {
    const id = order[index]!;
    let childrenWidth = 0;
    for (const child of treeChildren.get(id)!) childrenWidth += width.get(child)!;
    width.set(id, Math.max(extentOf(id).width + COLUMN_GAP, childrenWidth));
  }
  const treeHeight = new Map<string, number>(roots.map((root) => [root, 0]));
  const rootOf = new Map<string, string>(roots.map((root) => [root, root]));
  for (const id of order) {
    const root = rootOf.get(id)!;
    treeHeight.set(root, Math.max(treeHeight.get(root)!, (depth.get(id)! + 1) * rowHeight));
    for (const child of treeChildren.get(id)!) rootOf.set(child, root);
  }

  // Trees go left to right in shelves, a new shelf when the row is full, so a forest of many
  // debates starts compact rather than as one very long line.
  let area = 0;
  for (const root of roots) area += (width.get(root)! + TREE_GAP) * (treeHeight.get(root)! + TREE_GAP);
  const shelfWidth = Math.sqrt(area * ASPECT);
  const corner = new Map<string, Point>();
  let left = 0;
  let top = 0;
  let shelfHeight = 0;
  for (const root of roots) {
    if (left > 0 && left + width.get(root)! > shelfWidth) {
      left = 0;
      top += shelfHeight + TREE_GAP;
      shelfHeight = 0;
    }
    corner.set(root, { x: left, y: top });
    left += width.get(root)! + TREE_GAP;
    shelfHeight = Math.max(shelfHeight, treeHeight.get(root)!);
  }

  // Top-down: each node centred over its subtree's span, its children's spans side by side in map order.
  const spanLeft = new Map<string, number>();
  const positions = new Map<string, Point>();
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const id of order) {
    const root = rootOf.get(id)!;
    const start = id === root ? corner.get(root)!.x : spanLeft.get(id)!;
    const span = width.get(id)!;
    let childrenWidth = 0;
    for (const child of treeChildren.get(id)!) childrenWidth += width.get(child)!;
    let childLeft = start + (span - childrenWidth) / 2;
    for (const child of treeChildren.get(id)!) {
      spanLeft.set(child, childLeft);
      childLeft += width.get(child)!;
    }
    const x = start + span / 2;
    const y = corner.get(root)!.y + depth.get(id)! * rowHeight;
    positions.set(id, { x, y });
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }

  // Centred on the origin, where the layout's centring forces pull, and jittered.
  const centreX = (minX + maxX) / 2;
  const centreY = maxY / 2;
  for (const [id, { x, y }] of positions) {
    positions.set(id, { x: x - centreX + (random() - 0.5) * JITTER, y: y - centreY + (random() - 0.5) * JITTER });
  }
  return positions;
}
