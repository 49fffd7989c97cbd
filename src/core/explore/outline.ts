/**
 * The debate as an indented outline, for reading it without the picture (screen readers, the
 * keyboard). At the top are the roots (questions, and nodes that lead nowhere); under each node
 * are the nodes whose edges lead to it (answers, support, attacks, undercuts of edges into it,
 * rephrasings), in map order.
 *
 * A node can hang under several nodes, and cycles are allowed, so a node is expanded only at
 * its shallowest place (the first found breadth first) and appears as a reference everywhere
 * else. Roots are always expanded at the top. So that every node is listed, a node no root
 * reaches (in a cycle leading nowhere) starts a further top item, taking them in map order.
 */
import type { ArgMap, EdgeKind } from '../model.ts';
import { exploreGraph, linksOf, type Link } from './graph.ts';

export interface OutlineRelation {
  readonly kind: EdgeKind;
  readonly edgeId: string;
}

export interface OutlineItem {
  /** Unique in the outline: a key for rendering lists. */
  readonly serial: number;
  readonly nodeId: string;
  /** How the node bears on the item it is listed under; absent at the top. */
  readonly relation?: OutlineRelation;
  /** True when the node is expanded at another place; a reference has no children. */
  readonly ref: boolean;
  readonly children: readonly OutlineItem[];
}

interface BuildingItem extends OutlineItem {
  readonly children: OutlineItem[];
}

export function buildOutline(map: ArgMap): readonly OutlineItem[] {
  const graph = exploreGraph(map);
  const expanded = new Set<string>();
  let nextSerial = 0;
  const makeItem = (nodeId: string, link: Link | undefined): BuildingItem => {
    const ref = expanded.has(nodeId);
    expanded.add(nodeId);
    const relation = link === undefined ? undefined : { kind: link.edge.kind, edgeId: link.edge.id };
    return { serial: nextSerial++, nodeId, ...(relation && { relation }), ref, children: [] };
  };
  const expandBreadthFirst = (tops: readonly BuildingItem[]): void => {
    const queue = [...tops];
    for (let head = 0; head < queue.length; head += 1) {
      const item = queue[head]!;
      if (item.ref) continue;
      for (const link of linksOf(graph.children, item.nodeId)) {
        const child = makeItem(link.nodeId, link);
        item.children.push(child);
        queue.push(child);
      }
    }
  };

  // Every root is claimed before any is expanded, so a root listed under another root is a reference there.
  const top = graph.roots.map((id) => makeItem(id, undefined));
  expandBreadthFirst(top);
  for (const node of map.nodes) {
    if (expanded.has(node.id)) continue;
    const unreached = makeItem(node.id, undefined);
    top.push(unreached);
    expandBreadthFirst([unreached]);
  }
  return top;
}

export interface OutlineRow {
  readonly item: OutlineItem;
  /** 1 at the top: the `aria-level` of a tree item. */
  readonly level: number;
  /** 1-based place among its siblings and their number: `aria-posinset` and `aria-setsize`. */
  readonly positionInSet: number;
  readonly setSize: number;
}

/**
 * The outline as rows in reading order, skipping the children of items that `isOpen` says are
 * closed (all are open by default). Flat rows let a tree of any depth render without recursion.
 */
export function outlineRows(outline: readonly OutlineItem[], isOpen: (item: OutlineItem) => boolean = () => true): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const stack: OutlineRow[] = [];
  const pushSiblings = (siblings: readonly OutlineItem[], level: number): void => {
    // Reversed onto the stack so the first sibling is popped first.
    for (let index = siblings.length - 1; index >= 0; index -= 1) {
      stack.push({ item: siblings[index]!, level, positionInSet: index + 1, setSize: siblings.length });
    }
  };
  pushSiblings(outline, 1);
  for (let row = stack.pop(); row !== undefined; row = stack.pop()) {
    rows.push(row);
    if (isOpen(row.item)) pushSiblings(row.item.children, row.level + 1);
  }
  return rows;
}
