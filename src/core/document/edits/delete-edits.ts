/**
 * Deleting. A node goes with every edge that touches it, and an edge with the undercuts that
 * attack it, so no edge is left without an end. Every tour step that showed a deleted element
 * stops naming it (the rest of the step stays).
 */
import type { ArgMap, Tour } from '../../model.ts';
import { quoteForMessage } from '../../problems.ts';
import type { Roots } from '../doc-schema.ts';
import { describe } from '../describe.ts';
import { tourRecord } from '../write-records.ts';
import { refuse, type Edit } from './edit.ts';

export interface Deleted {
  readonly nodes: number;
  readonly edges: number;
}

/** The edges that go with `nodeIds` and `edgeIds`: touching edges, then the undercuts of every edge going. */
export function edgesGoingWith(map: ArgMap, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): Set<string> {
  const going = new Set(edgeIds);
  for (const edge of map.edges) {
    if (nodeIds.has(edge.from) || nodeIds.has(edge.to)) going.add(edge.id);
  }
  // An undercut's target is never an undercut, so one pass finds them all.
  for (const edge of map.edges) {
    if (edge.kind === 'undercut' && going.has(edge.to)) going.add(edge.id);
  }
  return going;
}

/** The tours whose steps name a deleted element, without those names. */
function toursWithout(map: ArgMap, gone: (id: string) => boolean): Tour[] {
  const changed: Tour[] = [];
  for (const tour of map.tours ?? []) {
    if (!tour.steps.some((step) => step.reveal.some(gone) || step.focus.some(gone))) continue;
    changed.push({
      ...tour,
      steps: tour.steps.map((step) => ({ ...step, reveal: step.reveal.filter((id) => !gone(id)), focus: step.focus.filter((id) => !gone(id)) })),
    });
  }
  return changed;
}

function writeDeletion(map: ArgMap, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): (roots: Roots) => void {
  const tours = toursWithout(map, (id) => nodeIds.has(id) || edgeIds.has(id));
  return (roots) => {
    for (const id of edgeIds) roots.edges.delete(id);
    for (const id of nodeIds) roots.nodes.delete(id);
    for (const tour of tours) {
      const stored = roots.tours.get(tour.id) as { order?: unknown } | undefined;
      roots.tours.set(tour.id, tourRecord(tour, typeof stored?.order === 'number' ? stored.order : 0));
    }
  };
}

/** Deletes nodes and their edges in one step; unknown ids are passed over. */
export function deleteNodes(ids: Iterable<string>): Edit<Deleted> {
  return (context) => {
    const nodeIds = new Set([...ids].filter((id) => context.index.nodes.has(id)));
    if (nodeIds.size === 0) return refuse('no node to delete');
    const edgeIds = edgesGoingWith(context.map, nodeIds, new Set());
    return {
      ok: true,
      description: describe.deleteNodes(nodeIds.size),
      result: { nodes: nodeIds.size, edges: edgeIds.size },
      write: writeDeletion(context.map, nodeIds, edgeIds),
    };
  };
}

/** Deletes an edge, with the undercuts that attack it. */
export function deleteEdge(id: string): Edit<Deleted> {
  return (context) => {
    if (!context.index.edges.has(id)) return refuse(`there is no edge ${quoteForMessage(id)}`);
    const edgeIds = edgesGoingWith(context.map, new Set(), new Set([id]));
    return {
      ok: true,
      description: describe.deleteEdges(edgeIds.size),
      result: { nodes: 0, edges: edgeIds.size },
      write: writeDeletion(context.map, new Set(), edgeIds),
    };
  };
}
