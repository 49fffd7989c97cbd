/**
 * The rules between elements (the loader's integrity stage, for one element at a time): what a
 * node names must exist, an edge joins nodes (an undercut: a node and an edge), an answer answers
 * a question, a linked argument concludes one thing. Edits ask them before they write; the read
 * model asks them of every element, since replicas merge edits that each passed them alone.
 */
import type { Actor, ArgEdge, ArgNode, Source } from '../model.ts';
import { quoteForMessage } from '../problems.ts';

export interface Elements {
  readonly nodes: ReadonlyMap<string, ArgNode>;
  readonly edges: ReadonlyMap<string, ArgEdge>;
}

export function nodeLinkProblem(node: ArgNode, actors: ReadonlyMap<string, Actor>, sources: ReadonlyMap<string, Source>): string | undefined {
  if (node.actor !== undefined && !actors.has(node.actor)) return `names an unknown actor ${quoteForMessage(node.actor)}`;
  if (node.quote !== undefined && !sources.has(node.quote.source)) return `quotes an unknown source ${quoteForMessage(node.quote.source)}`;
  return undefined;
}

/** What is wrong with `edge` among `elements`; its own id may already be among the edges. */
export function edgeLinkProblem(edge: ArgEdge, elements: Elements): string | undefined {
  // Messages are only built for a broken edge: quoting is what a valid map's check would cost most.
  const name = () => `${edge.kind} edge ${quoteForMessage(edge.id)}`;
  const target = () => quoteForMessage(edge.to);
  if (elements.nodes.has(edge.id)) return `${name()} has the id of a node`;
  if (edge.from === edge.to) return `${name()} connects ${quoteForMessage(edge.from)} to itself`;
  if (!elements.nodes.has(edge.from)) {
    return elements.edges.has(edge.from)
      ? `${name()} must come from a node, but ${quoteForMessage(edge.from)} is an edge`
      : `${name()} comes from a missing node ${quoteForMessage(edge.from)}`;
  }
  if (edge.kind === 'undercut') {
    const attacked = elements.edges.get(edge.to);
    if (attacked === undefined) return elements.nodes.has(edge.to) ? `${name()} must point to an edge, but ${target()} is a node` : `${name()} points to a missing edge ${target()}`;
    if (attacked.kind === 'undercut') return `${name()} must point to a support, attack or answer edge, but ${target()} is an undercut`;
    return undefined;
  }
  const to = elements.nodes.get(edge.to);
  if (to === undefined) {
    return elements.edges.has(edge.to)
      ? `${name()} must point to a node, but ${target()} is an edge (only undercuts point to edges)`
      : `${name()} points to a missing node ${target()}`;
  }
  if (edge.kind === 'answer' && to.kind !== 'question') return `${name()} must point to a question, but ${target()} has kind ${to.kind}`;
  return undefined;
}

/**
 * A linked argument: its edges are supports of one conclusion, that of its first edge in map
 * order. `firstOfGroup` is that first edge.
 */
export function groupProblem(edge: ArgEdge, firstOfGroup: ArgEdge | undefined): string | undefined {
  if (edge.group === undefined) return undefined;
  const group = quoteForMessage(edge.group);
  if (edge.kind !== 'support') return `${edge.kind} edge ${quoteForMessage(edge.id)} is in group ${group}, but only support edges form linked arguments`;
  if (firstOfGroup !== undefined && firstOfGroup.to !== edge.to) {
    return `edge ${quoteForMessage(edge.id)} of group ${group} supports ${quoteForMessage(edge.to)}, but the group supports ${quoteForMessage(firstOfGroup.to)}`;
  }
  return undefined;
}
