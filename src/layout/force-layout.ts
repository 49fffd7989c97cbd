/**
 * The force simulation of a map: d3 supplies the forces; this file chooses them and
 * makes the copies d3 is allowed to move. Seeded, so a map always lays out the same.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type ForceManyBody, type Simulation } from 'd3';
import type { ArgMap } from '../core/model.ts';
import { forceEdgeDirection } from './force-edge-direction.ts';
import { forceRectCollide } from './force-rect-collide.ts';
import type { LayoutLink, LayoutNode, Position } from './layout-node.ts';
import type { Extent } from './node-boxes.ts';
import { seededRandom } from './random.ts';
import { treeSeededPositions } from './tree-seed.ts';

export const DEFAULT_SEED = 'argmap';

export interface ForceLayoutOptions {
  readonly seed?: string;
  /** Places to start from; others start from the tree-seeded placement. */
  readonly initial?: ReadonlyMap<string, Position>;
  /**
   * Places that must not change (the nodes that survive an edit): they hold still while the
   * layout settles, so new nodes find room around them and nothing reshuffles.
   */
  readonly keep?: ReadonlyMap<string, Position>;
}

export type ForceLayout = Simulation<LayoutNode, LayoutLink>;

/**
 * Half of d3's own count (300, enough to cool to alphaMin): the tree seed starts nodes near
 * their place, so the second phase only has to refine it. Measured on the seed map, the Arguman
 * graphs and a QT30 map: as few crossings as with 300 and no overlaps, settled about 20% sooner.
 */
const SETTLE_TICKS = 150;
const UNTANGLE_TICKS = 150;
/**
 * Gentle, because the tree seed is already untangled: the strong repulsion a random start
 * needed (-3000) blows the seeded tree apart and tangles it again (seed map: about 10 crossings, not 2).
 */
const UNTANGLE_CHARGE = -800;
const CHARGE = -500;
const SETTLE_ALPHA = 0.4;

/**
 * Many-body reach and accuracy scale with the map. The reach grows with the map's width
 * (about √n boxes across), so that separate debates of a large forest keep repelling each other
 * instead of being pulled into one another by the centring forces (Arguman, 717 nodes: about 280
 * crossings instead of about 1,200 with a fixed 900); small maps keep 900. Above 1,000 nodes the
 * Barnes–Hut approximation coarsens (θ from d3's 0.9 up to 1.5 at 100,000 nodes), which saves time
 * where one node's pull on a far cluster matters least (about 13% of the settle time at 3,000 nodes).
 */
function manyBodyDistanceMax(nodeCount: number): number {
  return Math.max(900, 100 * Math.sqrt(nodeCount));
}

function manyBodyTheta(nodeCount: number): number {
  return nodeCount <= 1000 ? 0.9 : Math.min(1.5, 0.9 + 0.3 * Math.log10(nodeCount / 1000));
}

export function createForceLayout(map: ArgMap, extents: ReadonlyMap<string, Extent>, options: ForceLayoutOptions = {}): ForceLayout {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  // The seed jitters the starting placement (and drives d3's own randomness), so another seed gives another picture.
  const seeded = treeSeededPositions(map, extents, random);
  const nodes: LayoutNode[] = map.nodes.map((node) => {
    const extent = extents.get(node.id) ?? { width: 0, height: 0 };
    const start = options.keep?.get(node.id) ?? options.initial?.get(node.id) ?? seeded.get(node.id)!;
    const layoutNode: LayoutNode = {
      id: node.id,
      width: extent.width,
      height: extent.height,
      x: node.position?.x ?? start.x,
      y: node.position?.y ?? start.y,
    };
    // A saved position is a rehearsed picture, a kept one survived an edit: the node stays there.
    const fixed = node.position ?? options.keep?.get(node.id);
    if (fixed) {
      layoutNode.fx = fixed.x;
      layoutNode.fy = fixed.y;
    }
    return layoutNode;
  });
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const edgeById = new Map(map.edges.map((edge) => [edge.id, edge]));
  const links: LayoutLink[] = [];
  for (const edge of map.edges) {
    const source = nodeById.get(edge.from);
    // An undercut aims at an inference: pull its author towards that inference's premise.
    const targetId = edge.kind === 'undercut' ? edgeById.get(edge.to)?.from : edge.to;
    const target = targetId === undefined ? undefined : nodeById.get(targetId);
    if (source && target) links.push({ id: edge.id, source, target });
  }

  return forceSimulation(nodes)
    .randomSource(random)
    .force('link', forceLink<LayoutNode, LayoutLink>(links)
      .id((node) => node.id)
      .distance((link) => (Math.max(link.source.height, link.source.width / 2) + Math.max(link.target.height, link.target.width / 2)) / 2 + 40))
    .force('charge', forceManyBody<LayoutNode>().strength(CHARGE).distanceMax(manyBodyDistanceMax(nodes.length)).theta(manyBodyTheta(nodes.length)))
    .force('direction', forceEdgeDirection(links, 40, 0.6))
    .force('collide', forceRectCollide(14))
    .force('x', forceX<LayoutNode>(0).strength(0.03))
    .force('y', forceY<LayoutNode>(0).strength(0.05))
    .stop();
}

/** Fresh records of where every node is now; d3 moves its nodes in place. */
export function readPositions(layout: ForceLayout): Position[] {
  return layout.nodes().map(({ id, x, y }) => ({ id, x, y }));
}

/**
 * Runs a layout to rest without a timer, in two phases: first without collisions and
 * with stronger repulsion, so that nodes can pass through each other and the graph
 * untangles; then with collisions on, so that no two boxes overlap. (On the seed map:
 * 2 edge crossings, against 12 for the collision phase alone.)
 */
export function settleForceLayout(layout: ForceLayout): void {
  for (const _progress of settleSteps(layout));
}

/** Most maps are free of overlaps by now; large, loose ones may still have a few pairs. */
const SEPARATION_ROUNDS = 16;
const TICKS_PER_ROUND = 25;

/**
 * The settling of `settleForceLayout` one tick at a time, yielding how far it has come (0 to 1)
 * after each tick, so that a worker can stream positions and a page can slice the work, and
 * still end exactly where the synchronous settle does. A layout whose every node is fixed (a
 * map with a saved layout) takes no tick at all.
 */
export function* settleSteps(layout: ForceLayout): Generator<number, void, undefined> {
  if (layout.nodes().every((node) => node.fx != null && node.fy != null)) return;
  const total = UNTANGLE_TICKS + SETTLE_TICKS + SEPARATION_ROUNDS * TICKS_PER_ROUND;
  let done = 0;
  const collide = layout.force('collide');
  const charge = layout.force('charge') as ForceManyBody<LayoutNode> | undefined;
  layout.force('collide', null);
  charge?.strength(UNTANGLE_CHARGE);
  layout.alpha(1);
  for (let tick = 0; tick < UNTANGLE_TICKS; tick += 1) {
    layout.tick();
    yield ++done / total;
  }
  layout.force('collide', collide ?? null);
  charge?.strength(CHARGE);
  layout.alpha(SETTLE_ALPHA);
  for (let tick = 0; tick < SETTLE_TICKS; tick += 1) {
    layout.tick();
    yield ++done / total;
  }
  yield* separateRemainingOverlaps(layout, () => ++done / total);
}

/**
 * Runs the collision force alone until no two boxes overlap (or a round limit is reached):
 * the other forces are at rest by now and would only push boxes back together.
 */
function* separateRemainingOverlaps(layout: ForceLayout, progress: () => number): Generator<number, void, undefined> {
  if (!hasOverlaps(layout.nodes())) return;
  const forces = FORCE_NAMES.map((name) => [name, layout.force(name)] as const);
  for (const [name] of forces) if (name !== 'collide') layout.force(name, null);
  for (let round = 0; round < SEPARATION_ROUNDS && hasOverlaps(layout.nodes()); round += 1) {
    layout.alpha(SETTLE_ALPHA);
    for (let tick = 0; tick < TICKS_PER_ROUND; tick += 1) {
      layout.tick();
      yield progress();
    }
  }
  for (const [name, force] of forces) layout.force(name, force ?? null);
}

const FORCE_NAMES = ['link', 'charge', 'direction', 'collide', 'x', 'y'] as const;

/** Sweep over boxes sorted by left edge: only boxes whose x-ranges meet are compared. */
function hasOverlaps(nodes: readonly LayoutNode[]): boolean {
  const sorted = [...nodes].sort((a, b) => a.x - a.width / 2 - (b.x - b.width / 2));
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j]!;
      if (b.x - b.width / 2 >= a.x + a.width / 2) break;
      if (Math.abs(a.y - b.y) < (a.height + b.height) / 2) return true;
    }
  }
  return false;
}

/** The settled layout of a map: what the CLI renders and the app opens with. */
export function settleLayout(map: ArgMap, extents: ReadonlyMap<string, Extent>, options: ForceLayoutOptions = {}): Position[] {
  const layout = createForceLayout(map, extents, options);
  settleForceLayout(layout);
  return readPositions(layout);
}
