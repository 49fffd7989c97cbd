/** Who is connected to whom: the relations of a node and its neighbours. */
import { indexMap, type ArgEdge, type ArgMap } from './model.ts';

export interface Relation {
  readonly edge: ArgEdge;
  /** The node at the other end; for an undercut, the premise of the attacked inference. */
  readonly otherId: string;
  readonly direction: 'outgoing' | 'incoming';
}

export interface RelationIndex {
  readonly relationsOf: (nodeId: string) => readonly Relation[];
  readonly neighboursOf: (nodeId: string) => ReadonlySet<string>;
}

/** The nodes an edge touches: its ends, or for an undercut its author and the attacked inference's ends. */
function touchedNodes(edge: ArgEdge, edgeById: ReadonlyMap<string, ArgEdge>): { from: string; to: readonly string[] } {
  if (edge.kind !== 'undercut') return { from: edge.from, to: [edge.to] };
  const attacked = edgeById.get(edge.to);
  return { from: edge.from, to: attacked ? [attacked.from, attacked.to] : [] };
}

export function buildRelationIndex(map: ArgMap): RelationIndex {
  // The map's own index, shared with whatever else looks edges up by id.
  const edgeById = indexMap(map).edges;
  const relations = new Map<string, Relation[]>();
  const add = (nodeId: string, relation: Relation) => {
    const list = relations.get(nodeId);
    if (list) list.push(relation);
    else relations.set(nodeId, [relation]);
  };
  for (const edge of map.edges) {
    const { from, to } = touchedNodes(edge, edgeById);
    const [primaryTarget] = to;
    if (primaryTarget !== undefined) add(from, { edge, otherId: primaryTarget, direction: 'outgoing' });
    for (const target of to) add(target, { edge, otherId: from, direction: 'incoming' });
  }
  const neighbours = new Map<string, Set<string>>();
  for (const [nodeId, list] of relations) neighbours.set(nodeId, new Set(list.map((relation) => relation.otherId)));
  const none = new Set<string>();
  return {
    relationsOf: (nodeId) => relations.get(nodeId) ?? [],
    neighboursOf: (nodeId) => neighbours.get(nodeId) ?? none,
  };
}
