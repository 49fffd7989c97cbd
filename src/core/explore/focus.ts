/**
 * Focusing on part of a debate: the nodes around one node, and the chain that links two nodes.
 * Both walk edges in either direction (who answers whom does not matter for "what is near"),
 * breadth first with a queue, so chains of any length need no stack.
 */
import type { ArgMap } from '../model.ts';
import { edgesAmong, type ElementSet } from './elements.ts';
import { exploreGraph, linksOf } from './graph.ts';

export const MIN_FOCUS_DEPTH = 1;
export const MAX_FOCUS_DEPTH = 3;

/** A whole number of steps within the supported range; anything unreadable counts as one step. */
export function clampFocusDepth(depth: number): number {
  if (!Number.isFinite(depth)) return MIN_FOCUS_DEPTH;
  return Math.min(MAX_FOCUS_DEPTH, Math.max(MIN_FOCUS_DEPTH, Math.round(depth)));
}

export interface Neighbourhood extends ElementSet {
  /** How many edges away each shown node is; the centre is at 0. */
  readonly distance: ReadonlyMap<string, number>;
}

/**
 * The nodes at most `depth` edges (clamped to 1–3) from `nodeId`, and every edge among them.
 * An undercut counts as an edge from its author to each end of the inference it attacks.
 * Empty when `nodeId` is not a node of the map.
 */
export function neighbourhood(map: ArgMap, nodeId: string, depth: number): Neighbourhood {
  const graph = exploreGraph(map);
  const distance = new Map<string, number>();
  if (!graph.nodeOrder.has(nodeId)) return { nodes: new Set(), edges: new Set(), distance };
  const maxDistance = clampFocusDepth(depth);
  distance.set(nodeId, 0);
  const queue = [nodeId];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head]!;
    const next = distance.get(current)! + 1;
    if (next > maxDistance) continue;
    for (const { nodeId: other } of linksOf(graph.neighbours, current)) {
      if (distance.has(other)) continue;
      distance.set(other, next);
      queue.push(other);
    }
  }
  const nodes = new Set(distance.keys());
  return { nodes, edges: edgesAmong(map, nodes), distance };
}

export interface Path {
  /** From the start to the end, both included. */
  readonly nodes: readonly string[];
  /** `edges[i]` joins `nodes[i]` and `nodes[i + 1]`. */
  readonly edges: readonly string[];
}

/**
 * A shortest chain of nodes and edges linking `fromId` and `toId`, ignoring edge direction;
 * undefined when either is not a node or nothing links them. Of several shortest chains, the one
 * found first in edge order.
 */
export function pathBetween(map: ArgMap, fromId: string, toId: string): Path | undefined {
  const graph = exploreGraph(map);
  if (!graph.nodeOrder.has(fromId) || !graph.nodeOrder.has(toId)) return undefined;
  /** For each reached node, the node and edge it was reached through (the start has none). */
  const reachedVia = new Map<string, { readonly nodeId: string; readonly edgeId: string } | undefined>([[fromId, undefined]]);
  const queue = [fromId];
  for (let head = 0; head < queue.length && !reachedVia.has(toId); head += 1) {
    const current = queue[head]!;
    for (const { nodeId: other, edge } of linksOf(graph.neighbours, current)) {
      if (reachedVia.has(other)) continue;
      reachedVia.set(other, { nodeId: current, edgeId: edge.id });
      queue.push(other);
    }
  }
  if (!reachedVia.has(toId)) return undefined;
  const nodes = [toId];
  const edges: string[] = [];
  for (let step = reachedVia.get(toId); step !== undefined; step = reachedVia.get(step.nodeId)) {
    nodes.push(step.nodeId);
    edges.push(step.edgeId);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}
