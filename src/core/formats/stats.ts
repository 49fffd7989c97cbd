/** What a map holds, counted: the numbers `argmap stats` prints for a file of any format. */

import { EDGE_KINDS, type ArgMap, type EdgeKind } from '../model.ts';
import type { MapFormat } from './detect.ts';

export interface MapStats {
  readonly format: MapFormat;
  readonly nodes: number;
  readonly edges: number;
  /** Every edge kind, zero when the map has none of it, so the output always has the same keys. */
  readonly edgesByKind: Readonly<Record<EdgeKind, number>>;
  readonly actors: number;
}

export function mapStats(map: ArgMap, format: MapFormat): MapStats {
  const edgesByKind = Object.fromEntries(EDGE_KINDS.map((kind) => [kind, 0])) as Record<EdgeKind, number>;
  for (const edge of map.edges) edgesByKind[edge.kind] += 1;
  return { format, nodes: map.nodes.length, edges: map.edges.length, edgesByKind, actors: map.actors.length };
}
