/** A part of a map picked for showing: which nodes, and which edges among them. */
import { indexMap, type ArgEdge, type ArgMap } from '../model.ts';
import { attackedEdge } from './graph.ts';

export interface ElementSet {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

/**
 * The edges that can be drawn when only `nodes` are shown: both ends shown, and for an undercut
 * its author shown and the edge it attacks drawn (a line cannot end on an edge that is not
 * there). `admits` can refuse further edges, and what it refuses takes its undercuts with it.
 */
export function edgesAmong(map: ArgMap, nodes: ReadonlySet<string>, admits: (edge: ArgEdge) => boolean = () => true): Set<string> {
  // The map's index, not its explore graph: showing a big map must not wait for building that.
  const edgeById = indexMap(map).edges;
  const edges = new Set<string>();
  for (const edge of edgeById.values()) {
    if (edge.kind !== 'undercut' && admits(edge) && nodes.has(edge.from) && nodes.has(edge.to)) edges.add(edge.id);
  }
  // Undercuts last: they depend on the inference edges decided above.
  for (const edge of edgeById.values()) {
    if (edge.kind !== 'undercut' || !admits(edge) || !nodes.has(edge.from)) continue;
    const attacked = attackedEdge(edge, edgeById);
    if (attacked !== undefined && edges.has(attacked.id)) edges.add(edge.id);
  }
  return edges;
}
