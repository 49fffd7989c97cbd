/** Connecting nodes, and changing an edge's kind and direction. */
import type { ArgEdge, EdgeKind } from '../../model.ts';
import { quoteForMessage } from '../../problems.ts';
import { describe } from '../describe.ts';
import { edgeLinkProblem, groupProblem } from '../links.ts';
import { LIMITS, schemaProblem } from '../record-rules.ts';
import { edgeRecord } from '../write-records.ts';
import { chooseId, cleanText, elementMessage, isElementId, refuse, type Edit, type EditContext } from './edit.ts';

export interface NewEdge {
  readonly id?: string;
  readonly from: string;
  /** A node id; for an undercut, the id of the edge it attacks. */
  readonly to: string;
  readonly kind: EdgeKind;
  readonly group?: string;
  readonly scheme?: string;
}

/** What is wrong with `edge` (new, or replacing the edge of its id) in the map of `context`. */
export function edgeProblem(context: EditContext, edge: ArgEdge): string | undefined {
  const json = { id: edge.id, from: edge.from, to: edge.to, kind: edge.kind, ...(edge.group !== undefined ? { group: edge.group } : {}), ...(edge.scheme !== undefined ? { scheme: edge.scheme } : {}) };
  const schema = schemaProblem('edge', json);
  if (schema !== undefined) return elementMessage('edge', edge.id, schema);
  const link = edgeLinkProblem(edge, { nodes: context.index.nodes, edges: context.index.edges });
  if (link !== undefined) return link;
  if (edge.group === undefined) return undefined;
  const first = context.map.edges.find((other) => other.group === edge.group && other.kind === 'support' && other.id !== edge.id);
  return groupProblem(edge, first);
}

export function addEdge(input: NewEdge): Edit<{ readonly id: string }> {
  return (context) => {
    if (context.map.edges.length >= LIMITS.edges) return refuse(`a map holds at most ${LIMITS.edges} edges`);
    const chosen = chooseId(context, input.id, 'e', (id) => isElementId(context.index, id));
    if ('message' in chosen) return refuse(chosen.message);
    const edge: ArgEdge = {
      id: chosen.id,
      from: input.from,
      to: input.to,
      kind: input.kind,
      ...(input.group !== undefined ? { group: cleanText(input.group) } : {}),
      ...(input.scheme !== undefined ? { scheme: cleanText(input.scheme) } : {}),
    };
    const problem = edgeProblem(context, edge);
    if (problem !== undefined) return refuse(problem);
    const order = context.nextOrder('edges');
    return { ok: true, description: describe.addEdge(edge.kind), result: { id: edge.id }, write: (roots) => roots.edges.set(edge.id, edgeRecord(edge, order)) };
  };
}

/** Replaces an edge, keeping its place in the map's order. */
function replaceEdge(context: EditContext, edge: ArgEdge, description: ReturnType<typeof describe.reverseEdge>): ReturnType<Edit<void>> {
  const problem = edgeProblem(context, edge);
  if (problem !== undefined) return refuse(problem);
  return {
    ok: true,
    description,
    result: undefined,
    write: (roots) => {
      const stored = roots.edges.get(edge.id) as { order?: unknown } | undefined;
      const order = typeof stored?.order === 'number' ? stored.order : context.nextOrder('edges');
      roots.edges.set(edge.id, edgeRecord(edge, order));
    },
  };
}

function withoutGroup(edge: ArgEdge): ArgEdge {
  const { group: _group, ...rest } = edge;
  return rest;
}

/** Swaps an edge's ends. It leaves its linked argument, whose conclusion it no longer supports. */
export function reverseEdge(id: string): Edit<void> {
  return (context) => {
    const edge = context.index.edges.get(id);
    if (edge === undefined) return refuse(`there is no edge ${quoteForMessage(id)}`);
    if (edge.kind === 'undercut') return refuse(`undercut edge ${quoteForMessage(id)} attacks an edge and cannot be reversed`);
    return replaceEdge(context, { ...withoutGroup(edge), from: edge.to, to: edge.from }, describe.reverseEdge());
  };
}

/** Changes an edge's kind; only a support stays in a linked argument. An undercut stays an undercut. */
export function setEdgeKind(id: string, kind: EdgeKind): Edit<void> {
  return (context) => {
    const edge = context.index.edges.get(id);
    if (edge === undefined) return refuse(`there is no edge ${quoteForMessage(id)}`);
    if (edge.kind === kind) return refuse(`edge ${quoteForMessage(id)} is already of kind ${kind}`);
    if (edge.kind === 'undercut' || kind === 'undercut') return refuse('an undercut attacks an edge, the other kinds join nodes: draw a new edge instead');
    const changed = kind === 'support' ? { ...edge, kind } : { ...withoutGroup(edge), kind };
    return replaceEdge(context, changed, describe.setEdgeKind(kind));
  };
}
