/**
 * What the page and the layout worker say to each other. Only plain, cloneable data crosses:
 * the few fields of a map the layout reads, as typed arrays, never the parsed map itself.
 */
import { EDGE_KINDS, NODE_KINDS, type ArgEdge, type ArgMap, type ArgNode } from '../core/model.ts';
import { linksOfMap, type EdgeLinks } from '../core/edge-links.ts';
import type { Position } from './layout-node.ts';
import type { Extent } from './node-boxes.ts';

/**
 * The part of a map the layout reads, as typed arrays by node and edge index: copying 20,000 nodes
 * and 24,000 edges as objects to the worker took 15 ms on the page; these arrays take well under one.
 * The layout needs no id: it answers with coordinates by node index.
 */
export interface LayoutGraph {
  /** Each node's kind, as its index in NODE_KINDS. */
  readonly nodeKinds: Uint8Array;
  /** x, y of each node's saved position; NaN for a node without one. */
  readonly positions: Float64Array;
  /** Each edge's kind, as its index in EDGE_KINDS. */
  readonly edgeKinds: Uint8Array;
  /** What each edge joins (`EdgeLinks`): node indices, and for an undercut the edge it attacks. */
  readonly links: EdgeLinks;
}

/** Nodes are named by their index in the map's node order, as in the coordinate arrays. */
export type LayoutRequest =
  | {
    readonly type: 'open';
    readonly graph: LayoutGraph;
    /** width, height of each node, in node order. */
    readonly extents: Float64Array;
    /** x, y of each node that survives an edit, where it was; NaN for the others. They stay there. */
    readonly keep?: Float64Array;
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

/** `links`: those of the map's edges (`linksOfMap`), which a map read in a worker comes with. */
export function openRequest(
  map: ArgMap,
  extents: ReadonlyMap<string, Extent>,
  seed: string,
  keep?: Float64Array,
  links: EdgeLinks = linksOfMap(map),
): LayoutRequest {
  const sizes = new Float64Array(map.nodes.length * 2);
  const positions = new Float64Array(map.nodes.length * 2).fill(Number.NaN);
  map.nodes.forEach((node, index) => {
    const extent = extents.get(node.id);
    sizes[2 * index] = extent?.width ?? 0;
    sizes[2 * index + 1] = extent?.height ?? 0;
    if (node.position) {
      positions[2 * index] = node.position.x;
      positions[2 * index + 1] = node.position.y;
    }
  });
  const graph: LayoutGraph = {
    nodeKinds: Uint8Array.from(map.nodes, (node) => NODE_KINDS.indexOf(node.kind)),
    positions,
    edgeKinds: Uint8Array.from(map.edges, (edge) => EDGE_KINDS.indexOf(edge.kind)),
    links,
  };
  return { type: 'open', graph, extents: sizes, ...(keep ? { keep } : {}), seed };
}

const nodeName = (index: number): string => `n${index}`;
const edgeName = (index: number): string => `e${index}`;

/**
 * The graph as a map again, for the layout functions that take one: nodes and edges named by
 * their index, with empty texts. Only order and structure steer a layout, never the names, so it
 * ends where the named map does. Edges whose ends are missing are left out, as the layout would.
 */
export function mapOfGraph(graph: LayoutGraph): ArgMap {
  const { nodeKinds, positions, edgeKinds, links } = graph;
  const nodes: ArgNode[] = Array.from(nodeKinds, (kind, index) => {
    const [x, y] = [positions[2 * index]!, positions[2 * index + 1]!];
    return { id: nodeName(index), kind: NODE_KINDS[kind]!, text: {}, ...(Number.isNaN(x) ? {} : { position: { x, y } }) };
  });
  const edges: ArgEdge[] = [];
  edgeKinds.forEach((kindIndex, index) => {
    const kind = EDGE_KINDS[kindIndex]!;
    const [from, to] = [links.from[index]!, links.to[index]!];
    if (from >= 0 && to >= 0) edges.push({ id: edgeName(index), from: nodeName(from), to: kind === 'undercut' ? edgeName(to) : nodeName(to), kind });
  });
  return { schemaVersion: 1, title: {}, sources: [], actors: [], nodes, edges };
}

/** Places by node name (`mapOfGraph`), from x, y by node index; NaN for none. */
export function placesOf(coordinates: Float64Array): Map<string, Position> {
  const places = new Map<string, Position>();
  for (let index = 0; 2 * index < coordinates.length; index += 1) {
    const [x, y] = [coordinates[2 * index]!, coordinates[2 * index + 1]!];
    if (!Number.isNaN(x)) places.set(nodeName(index), { id: nodeName(index), x, y });
  }
  return places;
}

/** Extents by node name (`mapOfGraph`), from width, height by node index. */
export function extentsByName(sizes: Float64Array): Map<string, Extent> {
  const extents = new Map<string, Extent>();
  for (let index = 0; 2 * index < sizes.length; index += 1) extents.set(nodeName(index), { width: sizes[2 * index]!, height: sizes[2 * index + 1]! });
  return extents;
}
