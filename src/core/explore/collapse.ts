/**
 * Folding away what hangs under a node. Following edges in their direction climbs from evidence
 * to claims to questions (see graph.ts); a node "hangs under" a collapsed node when it climbs to
 * that node, and every climb it has to a root (a question, or a node that leads nowhere) passes
 * through a collapsed node. Such a node is hidden; a node with another way up stays shown.
 *
 * A collapsed node that climbs to no root at all (it sits in a cycle with no way out) counts as a
 * root itself: otherwise two collapsed nodes of one such cycle would hide each other and leave
 * nothing on screen to expand.
 */
import type { ArgMap } from '../model.ts';
import { exploreGraph, linksOf, type ExploreGraph } from './graph.ts';

export interface CollapseResult {
  readonly hidden: ReadonlySet<string>;
  /** For each shown collapsed node, how many hidden nodes hang under it (for its badge). */
  readonly hiddenCount: ReadonlyMap<string, number>;
}

/**
 * The nodes reached from `starts` by walking to children. A node in `stopAt` is reached but not
 * walked through; `passes` limits which nodes the walk may enter.
 */
function descendants(
  graph: ExploreGraph,
  starts: Iterable<string>,
  stopAt: ReadonlySet<string>,
  passes: (nodeId: string) => boolean = () => true,
): Set<string> {
  const reached = new Set<string>();
  const stack: string[] = [];
  const enter = (nodeId: string): void => {
    if (reached.has(nodeId) || !passes(nodeId)) return;
    reached.add(nodeId);
    stack.push(nodeId);
  };
  for (const start of starts) enter(start);
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (stopAt.has(current)) continue;
    for (const link of linksOf(graph.children, current)) enter(link.nodeId);
  }
  return reached;
}

function childIds(graph: ExploreGraph, nodeId: string): string[] {
  return linksOf(graph.children, nodeId).map((link) => link.nodeId);
}

/** One answer for "nothing is collapsed": the same object after every edit, so what is worked out from it (every node's badges) is not worked out again. */
const NOTHING_COLLAPSED: CollapseResult = { hidden: new Set(), hiddenCount: new Map() };

export function collapsedHidden(map: ArgMap, collapsedIds: Iterable<string>): CollapseResult {
  const requested = [...collapsedIds];
  // Nothing collapsed, nothing to walk: a big map opens without building its graph here.
  if (requested.length === 0) return NOTHING_COLLAPSED;
  const graph = exploreGraph(map);
  const collapsed = new Set(requested.filter((id) => graph.nodeOrder.has(id)));
  if (collapsed.size === 0) return NOTHING_COLLAPSED;

  const noStops = new Set<string>();
  const climbsToRoot = descendants(graph, graph.roots, noStops);
  const anchors = [...graph.roots, ...[...collapsed].filter((id) => !climbsToRoot.has(id))];
  const shownAnyway = descendants(graph, anchors, collapsed);

  const underCollapsed = descendants(graph, [...collapsed].flatMap((id) => childIds(graph, id)), noStops);
  const hidden = new Set([...underCollapsed].filter((id) => !shownAnyway.has(id)));

  const hiddenCount = new Map<string, number>();
  for (const id of collapsed) {
    if (hidden.has(id)) continue;
    const underThis = descendants(graph, childIds(graph, id), noStops, (nodeId) => hidden.has(nodeId));
    hiddenCount.set(id, underThis.size);
  }
  return { hidden, hiddenCount };
}
