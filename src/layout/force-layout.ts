/**
 * The force simulation of a map: d3 supplies the forces; this file chooses them and
 * makes the copies d3 is allowed to move. Seeded, so a map always lays out the same.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type ForceManyBody, type Simulation } from 'd3';
import type { ArgMap } from '../core/model.ts';
import { hasOverlaps, isFixed, pushOverlapsApart } from './box-overlaps.ts';
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
 * Beyond this many nodes a tick costs more than the last ticks of a phase gain, so the phases
 * shorten as the map grows: untangling gently (the tree seed already untangles most; on a
 * generated 2,000-node map crossings fall by 13% from tick 25 to 150), the collision phase fast,
 * since the overlaps it leaves are pushed apart directly afterwards. (That map: 10,250 crossings,
 * no overlaps, 0.6 s of CPU; with the full phases 9,682 crossings, 76 overlapping pairs, 3.7 s.)
 */
const FULL_TICKS_UP_TO = 1000;

function untangleTicks(nodeCount: number): number {
  return nodeCount <= FULL_TICKS_UP_TO ? UNTANGLE_TICKS : Math.round(UNTANGLE_TICKS * (FULL_TICKS_UP_TO / nodeCount) ** 0.75);
}

function settleTicks(nodeCount: number): number {
  return nodeCount <= FULL_TICKS_UP_TO ? SETTLE_TICKS : Math.round(SETTLE_TICKS * (FULL_TICKS_UP_TO / nodeCount) ** 3);
}

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
 * Barnes–Hut approximation coarsens (θ from d3's 0.9 up to 1.5 from about 3,000 nodes), which saves
 * time where one node's pull on a far cluster matters least (a generated 2,000-node map: 15% less
 * settle time, as few crossings).
 */
function manyBodyDistanceMax(nodeCount: number): number {
  return Math.max(900, 100 * Math.sqrt(nodeCount));
}

function manyBodyTheta(nodeCount: number): number {
  return nodeCount <= 1000 ? 0.9 : Math.min(1.5, 0.9 + 1.2 * Math.log10(nodeCount / 1000));
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

  return withNodeForces(forceSimulation(nodes).randomSource(random), links, nodes.length)
    .force('x', forceX<LayoutNode>(0).strength(0.03))
    .force('y', forceY<LayoutNode>(0).strength(0.05))
    .stop();
}

/** The room collisions keep around a box while the layout moves. */
const COLLIDE_PADDING = 14;

/**
 * The forces nodes exert on each other: links, many-body, edge direction and collisions.
 * `mapSize`: the node count of the whole map, whose size sets the many-body reach and accuracy
 * (the same for a part of the map simulated on its own, so that it feels the same forces).
 */
export function withNodeForces(simulation: ForceLayout, links: LayoutLink[], mapSize: number, collidePadding = COLLIDE_PADDING): ForceLayout {
  return simulation
    .force('link', forceLink<LayoutNode, LayoutLink>(links)
      .id((node) => node.id)
      .distance((link) => (Math.max(link.source.height, link.source.width / 2) + Math.max(link.target.height, link.target.width / 2)) / 2 + 40))
    .force('charge', forceManyBody<LayoutNode>().strength(CHARGE).distanceMax(manyBodyDistanceMax(mapSize)).theta(manyBodyTheta(mapSize)))
    .force('direction', forceEdgeDirection(links, 40, 0.6))
    .force('collide', forceRectCollide(collidePadding));
}

/** Fresh records of where every node is now; d3 moves its nodes in place. */
export function readPositions(layout: ForceLayout): Position[] {
  return layout.nodes().map(({ id, x, y }) => ({ id, x, y }));
}

/**
 * Most maps are free of overlaps by now; large, crowded ones still have many pairs. They are
 * pushed apart directly, and where pushing only shifts the crowd around, the map spreads a
 * little to make room. (A generated 2,000-node map: free of overlaps after about 120 passes of
 * a millisecond or two each, where 400 more collision ticks had left 76 overlapping pairs.)
 */
const SEPARATION_GAP = 8;
const MAX_SEPARATION_PASSES = 400;
const PASSES_BEFORE_SPREADING = 40;
const SPREAD = 1.05;

/**
 * Runs a layout to rest without a timer, one step at a time: first without collisions and with
 * stronger repulsion, so that nodes can pass through each other and the graph untangles; then with
 * collisions on, so that no two boxes overlap. (On the seed map: 2 edge crossings, against 12 for
 * the collision phase alone.) It yields how far it has come (0 to 1) after each tick or pass, so
 * that a worker can stream positions and a page can slice the work; `settleLayout` runs the same
 * steps in one go, so all of them end in exactly the same place. A layout whose every node is
 * fixed (a map with a saved layout) takes no step at all.
 */
export function* settleSteps(layout: ForceLayout): Generator<number, void, undefined> {
  const nodes = layout.nodes();
  if (nodes.every(isFixed)) return;
  const untangle = untangleTicks(nodes.length);
  const settle = settleTicks(nodes.length);
  const total = untangle + settle + PASSES_BEFORE_SPREADING;
  let done = 0;
  const collide = layout.force('collide');
  const charge = layout.force('charge') as ForceManyBody<LayoutNode> | undefined;
  layout.force('collide', null);
  charge?.strength(UNTANGLE_CHARGE);
  layout.alpha(1);
  for (let tick = 0; tick < untangle; tick += 1) {
    layout.tick();
    yield ++done / total;
  }
  layout.force('collide', collide ?? null);
  charge?.strength(CHARGE);
  layout.alpha(SETTLE_ALPHA);
  for (let tick = 0; tick < settle; tick += 1) {
    layout.tick();
    yield ++done / total;
  }
  yield* separateOverlaps(nodes, () => Math.min(++done, total - 1) / total);
  // The layout rests now: what is left of the velocities would jolt every node at the first drag.
  for (const node of nodes) {
    node.vx = 0;
    node.vy = 0;
  }
}

function* separateOverlaps(nodes: readonly LayoutNode[], progress: () => number): Generator<number, void, undefined> {
  if (!hasOverlaps(nodes)) return;
  for (let pass = 1; pass <= MAX_SEPARATION_PASSES && pushOverlapsApart(nodes, SEPARATION_GAP) > 0; pass += 1) {
    if (pass % PASSES_BEFORE_SPREADING === 0) spread(nodes, SPREAD);
    yield progress();
  }
}

/** Moves every free node away from the centre of the free nodes by `factor`. */
function spread(nodes: readonly LayoutNode[], factor: number): void {
  const free = nodes.filter((node) => !isFixed(node));
  let centreX = 0;
  let centreY = 0;
  for (const node of free) {
    centreX += node.x / free.length;
    centreY += node.y / free.length;
  }
  for (const node of free) {
    node.x = centreX + (node.x - centreX) * factor;
    node.y = centreY + (node.y - centreY) * factor;
  }
}

/** The settled layout of a map: what the CLI renders and the app opens with. */
export function settleLayout(map: ArgMap, extents: ReadonlyMap<string, Extent>, options: ForceLayoutOptions = {}): Position[] {
  const layout = createForceLayout(map, extents, options);
  for (const _progress of settleSteps(layout));
  return readPositions(layout);
}
