/**
 * Hiding parts of a map by speaker, node kind and edge kind. Hiding only picks what is shown:
 * it never moves anything, so the layout is not involved.
 */
import type { ArgMap, ArgNode, EdgeKind, NodeKind } from '../model.ts';
import { edgesAmong, type ElementSet } from './elements.ts';

/**
 * The speaker key of nodes that have no actor ("no speaker"). Actor ids are never empty (the
 * schema demands at least one character), so the empty string cannot name a real actor.
 */
export const NO_ACTOR = '';

export interface ViewFilter {
  /** Actor ids, and `NO_ACTOR` for the nodes nobody speaks. */
  readonly hiddenActors: ReadonlySet<string>;
  readonly hiddenNodeKinds: ReadonlySet<NodeKind>;
  readonly hiddenEdgeKinds: ReadonlySet<EdgeKind>;
}

export const SHOW_EVERYTHING: ViewFilter = { hiddenActors: new Set(), hiddenNodeKinds: new Set(), hiddenEdgeKinds: new Set() };

export function actorKeyOf(node: ArgNode): string {
  return node.actor ?? NO_ACTOR;
}

/**
 * What stays shown: a node whose kind and speaker are both shown, and an edge whose kind is
 * shown and whose ends are shown (for an undercut: its author and the edge it attacks).
 */
export function visibleElements(map: ArgMap, filter: ViewFilter): ElementSet {
  const nodes = new Set<string>();
  for (const node of map.nodes) {
    if (!filter.hiddenNodeKinds.has(node.kind) && !filter.hiddenActors.has(actorKeyOf(node))) nodes.add(node.id);
  }
  const edges = edgesAmong(map, nodes, (edge) => !filter.hiddenEdgeKinds.has(edge.kind));
  return { nodes, edges };
}
