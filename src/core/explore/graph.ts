/**
 * The shape of a debate as the explore features walk it, built once per map and shared.
 *
 * Direction: an edge leads from the node that speaks to the node spoken about, so following
 * edges climbs towards the questions and theses. The node an edge leads to is its "parent"; the
 * nodes whose edges lead to a node are its "children". An undercut leads to the node the attacked
 * inference concludes (the `to` of the attacked edge): it argues about that node's support.
 *
 * Ids are untrusted strings (`__proto__`), so everything is indexed with `Map`. Links to ids that
 * are not nodes of the map are left out, so an unvalidated map cannot send a walk astray.
 */
import type { ArgEdge, ArgMap } from '../model.ts';

export interface Link {
  /** The node at the other end. */
  readonly nodeId: string;
  readonly edge: ArgEdge;
}

export interface ExploreGraph {
  /** The position of each node in `map.nodes`: the stable order of every listing. */
  readonly nodeOrder: ReadonlyMap<string, number>;
  readonly edgeById: ReadonlyMap<string, ArgEdge>;
  /** The nodes each node leads to, in edge order. */
  readonly parents: ReadonlyMap<string, readonly Link[]>;
  /** The nodes leading to each node, ordered by their place in the map, then by edge order. */
  readonly children: ReadonlyMap<string, readonly Link[]>;
  /** Every node each node shares an edge with; an undercut joins its author to both ends of the attacked edge. */
  readonly neighbours: ReadonlyMap<string, readonly Link[]>;
  /** The tops of the debate, in map order: questions, and nodes that lead nowhere. */
  readonly roots: readonly string[];
}

const NO_LINKS: readonly Link[] = [];

export function linksOf(links: ReadonlyMap<string, readonly Link[]>, nodeId: string): readonly Link[] {
  return links.get(nodeId) ?? NO_LINKS;
}

/**
 * The edge an undercut attacks, when that edge is an inference between two nodes. Undercuts of
 * undercuts are refused by validation; here they simply attack nothing.
 */
export function attackedEdge(undercut: ArgEdge, edgeById: ReadonlyMap<string, ArgEdge>): ArgEdge | undefined {
  const attacked = edgeById.get(undercut.to);
  return attacked === undefined || attacked.kind === 'undercut' ? undefined : attacked;
}

/** The node an edge leads to: its `to`, or for an undercut the conclusion of the attacked inference. */
function parentOf(edge: ArgEdge, edgeById: ReadonlyMap<string, ArgEdge>): string | undefined {
  return edge.kind === 'undercut' ? attackedEdge(edge, edgeById)?.to : edge.to;
}

/** The nodes other than `from` that an edge touches: its `to`, or for an undercut both ends of the attacked edge. */
function otherEnds(edge: ArgEdge, edgeById: ReadonlyMap<string, ArgEdge>): readonly string[] {
  if (edge.kind !== 'undercut') return [edge.to];
  const attacked = attackedEdge(edge, edgeById);
  return attacked === undefined ? [] : [attacked.from, attacked.to];
}

function push(links: Map<string, Link[]>, nodeId: string, link: Link): void {
  const list = links.get(nodeId);
  if (list === undefined) links.set(nodeId, [link]);
  else list.push(link);
}

function buildExploreGraph(map: ArgMap): ExploreGraph {
  const nodeOrder = new Map<string, number>();
  map.nodes.forEach((node, index) => {
    if (!nodeOrder.has(node.id)) nodeOrder.set(node.id, index);
  });
  const edgeById = new Map<string, ArgEdge>();
  for (const edge of map.edges) if (!edgeById.has(edge.id)) edgeById.set(edge.id, edge);

  const parents = new Map<string, Link[]>();
  const children = new Map<string, Link[]>();
  const neighbours = new Map<string, Link[]>();
  for (const edge of map.edges) {
    if (!nodeOrder.has(edge.from)) continue;
    const parent = parentOf(edge, edgeById);
    if (parent !== undefined && parent !== edge.from && nodeOrder.has(parent)) {
      push(parents, edge.from, { nodeId: parent, edge });
      push(children, parent, { nodeId: edge.from, edge });
    }
    for (const end of otherEnds(edge, edgeById)) {
      if (end === edge.from || !nodeOrder.has(end)) continue;
      push(neighbours, edge.from, { nodeId: end, edge });
      push(neighbours, end, { nodeId: edge.from, edge });
    }
  }
  // Array sort is stable, so children of one node keep their edge order.
  const orderOf = (link: Link): number => nodeOrder.get(link.nodeId) ?? 0;
  for (const list of children.values()) list.sort((a, b) => orderOf(a) - orderOf(b));

  const roots = map.nodes
    .filter((node, index) => nodeOrder.get(node.id) === index && (node.kind === 'question' || !parents.has(node.id)))
    .map((node) => node.id);
  return { nodeOrder, edgeById, parents, children, neighbours, roots };
}

/** A map is immutable data, so its graph is built on first use and kept for as long as the map lives. */
const graphs = new WeakMap<ArgMap, ExploreGraph>();

export function exploreGraph(map: ArgMap): ExploreGraph {
  let graph = graphs.get(map);
  if (graph === undefined) {
    graph = buildExploreGraph(map);
    graphs.set(map, graph);
  }
  return graph;
}
