/**
 * Moving the selection along the debate with the arrow keys, in the directions of the outline
 * (see graph.ts for "parent" and "child"):
 *
 * - ↑ goes to a parent: the one the selection came down from when the caller names it
 *   (`cameFrom`), else the parent nearest in x when positions are given, else the first parent
 *   in map order.
 * - ↓ goes to a child: the one nearest in x when positions are given, else the first in map order.
 * - ← / → go to the previous / next sibling: the other children of the parent ↑ would go to, or
 *   the other roots for a root. Siblings are ordered by x when positions are given (nodes without
 *   a position after those with one), else by map order. The ends do not wrap around.
 *
 * `key` is a `KeyboardEvent.key`. The answer is undefined when there is nowhere to go, or the
 * node or key is unknown, so a caller stops the browser's own handling only when it is defined.
 */
import type { ArgMap, Point } from '../model.ts';
import { exploreGraph, linksOf, type ExploreGraph } from './graph.ts';

export interface NavigationContext {
  /** Where each node is drawn; nodes missing from it are placed after the others, in map order. */
  readonly positions?: ReadonlyMap<string, Point>;
  /** The parent the selection came down from, so ↑ and ←/→ stay under it. */
  readonly cameFrom?: string;
}

/** Orders ids by x when positions are given, else by map order; ties by map order. */
function ordered(graph: ExploreGraph, ids: readonly string[], positions: ReadonlyMap<string, Point> | undefined): string[] {
  const orderOf = (id: string): number => graph.nodeOrder.get(id) ?? 0;
  const xOf = (id: string): number => positions?.get(id)?.x ?? Number.POSITIVE_INFINITY;
  return [...ids].sort((a, b) => xOf(a) - xOf(b) || orderOf(a) - orderOf(b));
}

/** The candidate nearest to `nodeId` in x, or the first in map order when positions do not tell. */
function nearest(graph: ExploreGraph, nodeId: string, candidates: readonly string[], positions: ReadonlyMap<string, Point> | undefined): string | undefined {
  const x = positions?.get(nodeId)?.x;
  const inMapOrder = ordered(graph, candidates, undefined);
  if (x === undefined) return inMapOrder[0];
  const distanceOf = (id: string): number => Math.abs((positions?.get(id)?.x ?? Number.POSITIVE_INFINITY) - x);
  // A stable sort keeps map order among equally near candidates.
  return inMapOrder.sort((a, b) => distanceOf(a) - distanceOf(b))[0];
}

function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function parentToward(graph: ExploreGraph, nodeId: string, context: NavigationContext): string | undefined {
  const parents = uniqueIds(linksOf(graph.parents, nodeId).map((link) => link.nodeId));
  if (context.cameFrom !== undefined && parents.includes(context.cameFrom)) return context.cameFrom;
  return nearest(graph, nodeId, parents, context.positions);
}

function siblingsOf(graph: ExploreGraph, nodeId: string, context: NavigationContext): string[] {
  const parent = parentToward(graph, nodeId, context);
  const siblings = parent === undefined ? graph.roots : uniqueIds(linksOf(graph.children, parent).map((link) => link.nodeId));
  return ordered(graph, siblings, context.positions);
}

export function nextNode(map: ArgMap, nodeId: string, key: string, context: NavigationContext = {}): string | undefined {
  const graph = exploreGraph(map);
  if (!graph.nodeOrder.has(nodeId)) return undefined;
  switch (key) {
    case 'ArrowUp':
      return parentToward(graph, nodeId, context);
    case 'ArrowDown':
      return nearest(graph, nodeId, uniqueIds(linksOf(graph.children, nodeId).map((link) => link.nodeId)), context.positions);
    case 'ArrowLeft':
    case 'ArrowRight': {
      const siblings = siblingsOf(graph, nodeId, context);
      const index = siblings.indexOf(nodeId);
      return siblings[key === 'ArrowLeft' ? index - 1 : index + 1];
    }
    default:
      return undefined;
  }
}
