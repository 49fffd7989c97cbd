/**
 * Attacks that run both ways between the same two nodes: a rebuttal answered by a counter-
 * rebuttal, or an Argdown contrary (`><`), which reads as an attack each way. A reader sees one
 * relation, "they rebut each other", so the map draws one line with a bar at each end and the
 * inspector lists it once. Every view pairs them here, once per edge list.
 */
import type { ArgEdge, Bilingual } from './model.ts';

/** How the legend and the inspector name one line that stands for attacks both ways. */
export const MUTUAL_ATTACK_LABEL: Bilingual = { zh: '互相反驳', en: 'rebut each other' };

const partnersByEdges = new WeakMap<readonly ArgEdge[], Int32Array>();

/**
 * By edge index: the index of the attack going the other way between the same two nodes, or -1.
 * Each edge has at most one partner; extra parallel attacks stay one-way. Cached per edge list.
 */
export function mutualAttackPartners(edges: readonly ArgEdge[]): Int32Array {
  const known = partnersByEdges.get(edges);
  if (known !== undefined) return known;
  const partners = new Int32Array(edges.length).fill(-1);
  // By from, then to: the attacks still waiting for one the other way. Keyed by the ids
  // themselves: a key joining the two was a new string to hash for every attack.
  const waiting = new Map<string, Map<string, number[]>>();
  edges.forEach((edge, index) => {
    if (edge.kind !== 'attack' || edge.from === edge.to) return;
    const reverse = waiting.get(edge.to)?.get(edge.from);
    const partner = reverse?.shift();
    if (partner !== undefined) {
      partners[index] = partner;
      partners[partner] = index;
      return;
    }
    let byTarget = waiting.get(edge.from);
    if (byTarget === undefined) waiting.set(edge.from, (byTarget = new Map()));
    const list = byTarget.get(edge.to);
    if (list) list.push(index);
    else byTarget.set(edge.to, [index]);
  });
  partnersByEdges.set(edges, partners);
  return partners;
}

/** By edge id: the id of its partner, for the edges that have one. */
export function mutualAttackPartnerIds(edges: readonly ArgEdge[]): ReadonlyMap<string, string> {
  const partners = mutualAttackPartners(edges);
  const byId = new Map<string, string>();
  partners.forEach((partner, index) => {
    if (partner >= 0) byId.set(edges[index]!.id, edges[partner]!.id);
  });
  return byId;
}
