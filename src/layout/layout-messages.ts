/**
 * What the page and the layout worker say to each other. Only plain, cloneable data crosses:
 * the few fields of a map the layout reads, never the parsed map itself.
 */
import type { ArgEdge, ArgMap, ArgNode } from '../core/model.ts';
import type { Position } from './layout-node.ts';
import type { Extent } from './node-boxes.ts';

/** The part of a map the layout reads. */
export interface LayoutGraph {
  readonly nodes: readonly Pick<ArgNode, 'id' | 'kind' | 'position'>[];
  readonly edges: readonly Pick<ArgEdge, 'id' | 'from' | 'to' | 'kind'>[];
}

/** Nodes are named by their index in the map's node order, as in the coordinate arrays. */
export type LayoutRequest =
  | {
    readonly type: 'open';
    readonly graph: LayoutGraph;
    /** width, height of each node, in node order. */
    readonly extents: Float64Array;
    /** Where the nodes that survive an edit were; they stay there. */
    readonly keep?: ReadonlyMap<string, Position>;
    readonly seed: string;
  }
  | { readonly type: 'drag-start' | 'drag'; readonly index: number; readonly x: number; readonly y: number }
  | { readonly type: 'drag-end' | 'release'; readonly index: number };

export interface LayoutUpdate {
  /** x0, y0, x1, y1, … in node order; handed over (transferred), never touched again by the sender. */
  readonly coordinates: Float64Array;
  /** How far the opening layout has come, from 0 to 1. */
  readonly progress: number;
  readonly settled: boolean;
}

export function openRequest(map: ArgMap, extents: ReadonlyMap<string, Extent>, seed: string, keep?: ReadonlyMap<string, Position>): LayoutRequest {
  const sizes = new Float64Array(map.nodes.length * 2);
  map.nodes.forEach((node, index) => {
    const extent = extents.get(node.id);
    sizes[2 * index] = extent?.width ?? 0;
    sizes[2 * index + 1] = extent?.height ?? 0;
  });
  return {
    type: 'open',
    graph: {
      nodes: map.nodes.map(({ id, kind, position }) => (position ? { id, kind, position } : { id, kind })),
      edges: map.edges.map(({ id, from, to, kind }) => ({ id, from, to, kind })),
    },
    extents: sizes,
    ...(keep ? { keep } : {}),
    seed,
  };
}

/** The graph as a map again, with empty texts, for the layout functions that take a map. */
export function mapOfGraph(graph: LayoutGraph): ArgMap {
  return { schemaVersion: 1, title: {}, sources: [], actors: [], nodes: graph.nodes.map((node) => ({ ...node, text: {} })), edges: graph.edges };
}

export function extentsOf(graph: LayoutGraph, sizes: Float64Array): Map<string, Extent> {
  return new Map(graph.nodes.map((node, index) => [node.id, { width: sizes[2 * index]!, height: sizes[2 * index + 1]! }]));
}
