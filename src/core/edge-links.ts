/**
 * Which nodes and edges each edge of a map joins, by index rather than by id. Ids are untrusted
 * strings that only a `Map` may index, and looking each up costs a hash of a string read fresh
 * from a file; resolved once (for a big file, in the worker that reads it), the links serve the
 * drawing, the layout worker and the semantics alike.
 */
import type { ArgEdge, ArgMap } from './model.ts';

/**
 * What each edge of a list joins, by index: `from[i]` is the index of edge i's source node; `to[i]`
 * that of its target node or, for an undercut, the index in the list of the edge it attacks; -1
 * where there is none. (Looking up 48,000 ids read fresh from a file took 20 ms on the page.)
 */
export interface EdgeLinks {
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** `indexById`: each node's index (in the map's node order, which is the coordinate arrays' too). */
export function edgeLinks(edges: readonly ArgEdge[], indexById: ReadonlyMap<string, number>): EdgeLinks {
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  // On a map without undercuts no edge id is looked up.
  const edgeIndexById = edges.some((edge) => edge.kind === 'undercut') ? new Map(edges.map((edge, index) => [edge.id, index])) : undefined;
  edges.forEach((edge, index) => {
    from[index] = indexById.get(edge.from) ?? -1;
    to[index] = (edge.kind === 'undercut' ? edgeIndexById?.get(edge.to) : indexById.get(edge.to)) ?? -1;
  });
  return { from, to };
}

/** The links of a map's edges, by its node order. */
export function linksOfMap(map: Pick<ArgMap, 'nodes' | 'edges'>): EdgeLinks {
  return edgeLinks(map.edges, new Map(map.nodes.map((node, index) => [node.id, index])));
}
