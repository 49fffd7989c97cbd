/**
 * Where each node and edge of an edited map was before the edit, found by walking the two lists
 * in step: the read model keeps the order of what an edit did not touch, and appends what it
 * adds. Knowing that, whatever was worked out per node or per edge of the earlier map (boxes,
 * links) is carried over instead of being rebuilt through a 5,000-entry index of ids.
 */
import type { EdgeLinks } from './edge-links.ts';
import type { ArgEdge } from './model.ts';

/** A node, or anything listed in node order by its id. */
interface Identified {
  readonly id: string;
}

export interface NodeCorrespondence {
  /** By node of the edited map: its index in the earlier map, or -1 for a node added at the end. */
  readonly previousIndex: Int32Array;
  /** The ids of the earlier map's nodes that are gone. */
  readonly removed: readonly string[];
}

/**
 * How `nodes` follow `previous` when the edit removed nodes anywhere and added some at the end
 * only; undefined for any other change (a node inserted in the middle, an order changed), which
 * the caller handles the long way. Linear: every earlier node is passed over once, or looked up
 * once in a set of those that remain when a new node comes before them.
 */
export function followNodes(nodes: readonly Identified[], previous: readonly Identified[]): NodeCorrespondence | undefined {
  const known = followedByNodes.get(nodes);
  if (known?.previous === previous) return known.followed;
  const followed = walkNodes(nodes, previous);
  followedByNodes.set(nodes, { previous, followed });
  return followed;
}

/**
 * By node list, how it followed the list before it: one edit asks twice, for the measures
 * (`remeasureMap`) and for the places the layout keeps (`placesToKeep`), of the same two lists.
 */
const followedByNodes = new WeakMap<readonly Identified[], { readonly previous: readonly Identified[]; readonly followed: NodeCorrespondence | undefined }>();

function walkNodes(nodes: readonly Identified[], previous: readonly Identified[]): NodeCorrespondence | undefined {
  const previousIndex = new Int32Array(nodes.length).fill(-1);
  const removed: string[] = [];
  let next = 0;
  for (let index = 0; index < nodes.length && next < previous.length; index += 1) {
    const id = nodes[index]!.id;
    let at = next;
    while (at < previous.length && previous[at]!.id !== id) at += 1;
    if (at === previous.length) {
      // A new node while earlier ones remain: they must all be gone, and this node and the
      // rest added at the end; an earlier node still to come would mean one was inserted.
      const rest = new Set(previous.slice(next).map((node) => node.id));
      if (nodes.slice(index).some((node) => rest.has(node.id))) return undefined;
      break;
    }
    for (let gone = next; gone < at; gone += 1) removed.push(previous[gone]!.id);
    previousIndex[index] = at;
    next = at + 1;
  }
  for (let gone = next; gone < previous.length; gone += 1) removed.push(previous[gone]!.id);
  // A node passed over that comes back among the new ones was moved, not removed.
  if (removed.length > 0) {
    const gone = new Set(removed);
    if (nodes.some((node, index) => previousIndex[index] === -1 && gone.has(node.id))) return undefined;
  }
  return { previousIndex, removed };
}

/**
 * The links of `edges` (`edgeLinks`) carried over from those of `previousEdges` when every edge
 * is an unchanged record of the earlier list, in the same order (an edit that removed nodes with
 * their edges, say); undefined when an edge is new or changed. `nodes`: how the nodes followed.
 */
export function followLinks(edges: readonly ArgEdge[], previousEdges: readonly ArgEdge[], links: EdgeLinks, nodes: NodeCorrespondence, previousNodeCount: number): EdgeLinks | undefined {
  const nodeNow = new Int32Array(previousNodeCount).fill(-1);
  nodes.previousIndex.forEach((at, index) => {
    if (at >= 0) nodeNow[at] = index;
  });
  const edgeBefore = new Int32Array(edges.length);
  const edgeNow = new Int32Array(previousEdges.length).fill(-1);
  let next = 0;
  for (let index = 0; index < edges.length; index += 1) {
    while (next < previousEdges.length && previousEdges[next] !== edges[index]) next += 1;
    if (next === previousEdges.length) return undefined;
    edgeBefore[index] = next;
    edgeNow[next] = index;
    next += 1;
  }
  const now = (indices: Int32Array, at: number) => (at >= 0 ? indices[at]! : -1);
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  edges.forEach((edge, index) => {
    const before = edgeBefore[index]!;
    from[index] = now(nodeNow, links.from[before]!);
    // An undercut's target is an edge, by its index in the list.
    to[index] = now(edge.kind === 'undercut' ? edgeNow : nodeNow, links.to[before]!);
  });
  return { from, to };
}
