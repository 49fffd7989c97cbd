/**
 * Stage: references between the elements of a built map. Ids are untrusted strings (`__proto__`,
 * `constructor`), so only `Map` indexes them. Nodes and edges share one id namespace (an undercut
 * names an edge where other edges name a node); actors and sources each have their own.
 */

import type { ArgEdge, ArgMap, ArgNode } from '../model.ts';
import { quoteForMessage, type ProblemCollector } from '../problems.ts';

type Element = { readonly kind: 'node'; readonly node: ArgNode } | { readonly kind: 'edge'; readonly edge: ArgEdge };

export function checkIntegrity(map: ArgMap, problems: ProblemCollector): void {
  const elements = new Map<string, Element>();
  const elementIds = new UniqueIds(problems);
  map.nodes.forEach((node, index) => {
    if (elementIds.claim(node.id, `/nodes/${index}/id`)) elements.set(node.id, { kind: 'node', node });
  });
  map.edges.forEach((edge, index) => {
    if (elementIds.claim(edge.id, `/edges/${index}/id`)) elements.set(edge.id, { kind: 'edge', edge });
  });
  const actorIds = new UniqueIds(problems);
  map.actors.forEach((actor, index) => actorIds.claim(actor.id, `/actors/${index}/id`));
  const sourceIds = new UniqueIds(problems);
  map.sources.forEach((source, index) => sourceIds.claim(source.id, `/sources/${index}/id`));

  map.nodes.forEach((node, index) => {
    const pointer = `/nodes/${index}`;
    if (node.actor !== undefined && !actorIds.has(node.actor)) {
      problems.error(`node ${quoteForMessage(node.id)} names an unknown actor ${quoteForMessage(node.actor)}`, { pointer: `${pointer}/actor`, id: node.id });
    }
    if (node.quote !== undefined && !sourceIds.has(node.quote.source)) {
      problems.error(`node ${quoteForMessage(node.id)} quotes an unknown source ${quoteForMessage(node.quote.source)}`, { pointer: `${pointer}/quote/source`, id: node.id });
    }
  });
  map.edges.forEach((edge, index) => checkEdge(edge, `/edges/${index}`, elements, problems));
  checkGroups(map, problems);
  checkTours(map, elements, problems);
}

/** A linked argument is several premises supporting one conclusion together. */
function checkGroups(map: ArgMap, problems: ProblemCollector): void {
  const firstOfGroup = new Map<string, { edge: ArgEdge; index: number }>();
  map.edges.forEach((edge, index) => {
    if (edge.group === undefined) return;
    const pointer = `/edges/${index}/group`;
    const group = quoteForMessage(edge.group);
    if (edge.kind !== 'support') {
      problems.error(`${edge.kind} edge ${quoteForMessage(edge.id)} is in group ${group}, but only support edges form linked arguments`, { pointer, id: edge.id });
      return;
    }
    const first = firstOfGroup.get(edge.group);
    if (first === undefined) firstOfGroup.set(edge.group, { edge, index });
    else if (first.edge.to !== edge.to) {
      problems.error(`edge ${quoteForMessage(edge.id)} of group ${group} supports ${quoteForMessage(edge.to)}, but the group supports ${quoteForMessage(first.edge.to)} (/edges/${first.index})`, { pointer, id: edge.id });
    }
  });
}

function checkTours(map: ArgMap, elements: ReadonlyMap<string, Element>, problems: ProblemCollector): void {
  const tourIds = new UniqueIds(problems);
  map.tours?.forEach((tour, tourIndex) => {
    const pointer = `/tours/${tourIndex}`;
    tourIds.claim(tour.id, `${pointer}/id`);
    tour.steps.forEach((step, stepIndex) => {
      for (const field of ['reveal', 'focus'] as const) {
        step[field].forEach((id, index) => {
          if (elements.has(id)) return;
          problems.error(`step ${stepIndex + 1} of tour ${quoteForMessage(tour.id)} names a missing node or edge ${quoteForMessage(id)}`, {
            pointer: `${pointer}/steps/${stepIndex}/${field}/${index}`,
            id,
          });
        });
      }
    });
  });
}

/** One namespace of ids; the second holder of an id is an error naming both places. */
class UniqueIds {
  readonly #firstPointer = new Map<string, string>();
  readonly #problems: ProblemCollector;

  constructor(problems: ProblemCollector) {
    this.#problems = problems;
  }

  /** Takes the id for the element at `pointer`; false when it was already taken. */
  claim(id: string, pointer: string): boolean {
    const first = this.#firstPointer.get(id);
    if (first === undefined) {
      this.#firstPointer.set(id, pointer);
      return true;
    }
    this.#problems.error(`duplicate id ${quoteForMessage(id)} (first at ${first})`, { pointer, id });
    return false;
  }

  has(id: string): boolean {
    return this.#firstPointer.has(id);
  }
}

function checkEdge(edge: ArgEdge, pointer: string, elements: ReadonlyMap<string, Element>, problems: ProblemCollector): void {
  // Named only for a message: quoting every edge's id made a valid map's check cost more than its parse.
  const name = (): string => `${edge.kind} edge ${quoteForMessage(edge.id)}`;
  const report = (field: 'from' | 'to' | undefined, message: string): void =>
    problems.error(message, { pointer: field === undefined ? pointer : `${pointer}/${field}`, id: edge.id });

  if (edge.from === edge.to) {
    report(undefined, `${name()} connects ${quoteForMessage(edge.from)} to itself`);
    return;
  }
  const from = elements.get(edge.from);
  if (from === undefined) report('from', `${name()} comes from a missing node ${quoteForMessage(edge.from)}`);
  else if (from.kind === 'edge') report('from', `${name()} must come from a node, but ${quoteForMessage(edge.from)} is an edge`);

  const to = elements.get(edge.to);
  const target = (): string => quoteForMessage(edge.to);
  if (edge.kind === 'undercut') {
    // An undercut ends on the middle of the edge it attacks, so that edge must itself end on a node.
    if (to === undefined) report('to', `${name()} points to a missing edge ${target()}`);
    else if (to.kind === 'node') report('to', `${name()} must point to an edge, but ${target()} is a node`);
    else if (to.edge.kind === 'undercut') report('to', `${name()} must point to a support, attack or answer edge, but ${target()} is an undercut`);
    return;
  }
  if (to === undefined) report('to', `${name()} points to a missing node ${target()}`);
  else if (to.kind === 'edge') report('to', `${name()} must point to a node, but ${target()} is an edge (only undercuts point to edges)`);
  else if (edge.kind === 'answer' && to.node.kind !== 'question') report('to', `${name()} must point to a question, but ${target()} has kind ${to.node.kind}`);
}
