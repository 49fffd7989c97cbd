/**
 * Dragging a node of a big map moves its neighbourhood, not the whole map. The nodes nearest the
 * dragged one run in a simulation of their own, with a ring of the nodes beyond them held still
 * as obstacles; the rest of the map keeps its place. A tick of a 20,000-node map costs tens of
 * milliseconds, a neighbourhood's a few, so the neighbours follow the pointer at the display's
 * rate and leave the page's thread its share of two cores.
 *
 * Cut out of the map, a neighbourhood would drift: the pull of the nodes left out (and of the
 * map's centring) no longer balances the forces inside it. So each node keeps, as a constant
 * force, whatever the neighbourhood's own forces did not account for when the drag began: the
 * neighbourhood starts at rest, and only what the drag disturbs moves.
 */
import { forceSimulation, type Force, type ForceLink } from 'd3';
import { withNodeForces, type ForceLayout } from './force-layout.ts';
import type { LayoutLink, LayoutNode } from './layout-node.ts';

export interface DragNeighbourhood {
  /** Its simulation: the same node objects as the map's layout, so their moves are the map's. */
  readonly simulation: ForceLayout;
  /** Stops it and lets the ring go, leaving the map's layout as it was but for the moves. */
  end(): void;
}

export interface NeighbourhoodSize {
  /** Nodes that move: the dragged one and those nearest it. */
  readonly moving: number;
  /** Nodes beyond them that hold still, so that the moving ones do not run into them. */
  readonly ring: number;
}

/** `layout`: the map's layout, stopped; `centre`: the index of the node dragged or released. */
export function dragNeighbourhood(layout: ForceLayout, centre: number, size: NeighbourhoodSize): DragNeighbourhood {
  const nodes = layout.nodes();
  const { x, y } = nodes[centre]!;
  const distances = Float64Array.from(nodes, (node) => (node.x - x) ** 2 + (node.y - y) ** 2);
  const sorted = distances.slice().sort();
  const movingWithin = sorted[Math.min(size.moving, nodes.length) - 1] ?? 0;
  const ringWithin = sorted[Math.min(size.moving + size.ring, nodes.length) - 1] ?? 0;
  const inside: LayoutNode[] = [];
  // Ring nodes hold still for now; those that were free before are freed again at the end.
  const freed: LayoutNode[] = [];
  nodes.forEach((node, index) => {
    const distance = distances[index]!;
    if (distance > ringWithin) return;
    inside.push(node);
    if (distance <= movingWithin || node.fx != null) return;
    node.fx = node.x;
    node.fy = node.y;
    freed.push(node);
  });
  const members = new Set(inside);
  const links = (layout.force('link') as ForceLink<LayoutNode, LayoutLink>).links().filter((link) => members.has(link.source) && members.has(link.target));
  // It carries on at the map's temperature, as the map's own simulation would. A layout at rest
  // only promises that no boxes overlap, not the room collisions keep while it moves: here they
  // keep none, so that they do not jolt boxes that are merely close.
  const simulation = withNodeForces(forceSimulation(inside).stop().alpha(layout.alpha()), links, nodes.length, 0);
  // Collisions come after the balance: they look ahead by the velocities the forces before them
  // gave, which are nothing once balanced. The centre is not held: dragged, it is fixed anyway;
  // released, it must feel the map's pull in full.
  const collide = simulation.force('collide') ?? null;
  simulation.force('collide', null).force('hold', forceHold(simulation, nodes[centre]!)).force('collide', collide);

  return {
    simulation,
    end() {
      simulation.stop().on('tick', null).on('end', null);
      for (const node of freed) {
        node.fx = null;
        node.fy = null;
      }
      // d3 numbers a simulation's nodes as it takes them; the map's forces read their own numbers.
      nodes.forEach((node, index) => {
        node.index = index;
      });
    },
  };
}

const BALANCED_FORCES = ['link', 'charge', 'direction'] as const;
/** The alphas at which the balance is measured; see `forceHold`. */
const LOW_ALPHA = 0.05;
const HIGH_ALPHA = 0.3;

/**
 * The constant force that balances `simulation`'s own forces on its nodes but `free` where they
 * stand now, at any alpha. Collisions are left out: they push boxes apart whatever the alpha, and at rest no
 * boxes overlap. The other forces grow with alpha, but not quite in proportion: d3's links
 * each read the velocities the links before them gave, which adds a term in alpha². Measured at
 * two alphas, both terms are balanced: a neighbourhood of the seed map held for 20 ticks moves by
 * a few hundredths of a unit.
 */
function forceHold(simulation: ForceLayout, free: LayoutNode): Force<LayoutNode, LayoutLink> {
  const nodes = simulation.nodes();
  const saved = nodes.map((node) => [node.vx ?? 0, node.vy ?? 0] as const);
  const pushAt = (alpha: number): Float64Array => {
    for (const node of nodes) {
      node.vx = 0;
      node.vy = 0;
    }
    for (const name of BALANCED_FORCES) simulation.force(name)?.(alpha);
    return Float64Array.from(nodes.flatMap((node) => (node === free ? [0, 0] : [node.vx ?? 0, node.vy ?? 0])));
  };
  const low = pushAt(LOW_ALPHA);
  const high = pushAt(HIGH_ALPHA);
  // push(alpha) = linear × alpha + square × alpha², from the two measurements.
  const square = low.map((atLow, i) => (high[i]! / HIGH_ALPHA - atLow / LOW_ALPHA) / (HIGH_ALPHA - LOW_ALPHA));
  const linear = low.map((atLow, i) => atLow / LOW_ALPHA - square[i]! * LOW_ALPHA);
  nodes.forEach((node, index) => {
    [node.vx, node.vy] = saved[index]!;
  });
  return (alpha: number) => {
    nodes.forEach((node, index) => {
      node.vx = (node.vx ?? 0) - (linear[2 * index]! + square[2 * index]! * alpha) * alpha;
      node.vy = (node.vy ?? 0) - (linear[2 * index + 1]! + square[2 * index + 1]! * alpha) * alpha;
    });
  };
}
