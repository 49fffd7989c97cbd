/** The argmap reading of an AIF graph: which nodes and links become which nodes, edges and actors. */

import type { EdgeKind } from '../../model.ts';
import { quoteForMessage, type ProblemCollector } from '../../problems.ts';
import { findSpeakers, type Speakers } from './dialogue.ts';
import type { AifGraph, AifLink, AifNode } from './graph.ts';
import { member } from './json.ts';
import { ANSWER_SCHEME, DEFAULT_SCHEME_TEXTS, S_NODE_TYPES } from './vocabulary.ts';

export interface DerivedEdge {
  readonly id: string;
  readonly from: string;
  /** A node id, or for an undercut the id of the derived edge it attacks. */
  readonly to: string;
  readonly kind: EdgeKind;
  readonly group: string | undefined;
  readonly scheme: string | undefined;
  /** The S-node the edge is read from, and its premise and conclusion links. */
  readonly via: AifNode;
  readonly premise: AifLink;
  readonly conclusion: AifLink;
}

export interface Derivation extends Speakers {
  readonly claims: readonly AifNode[];
  readonly edges: readonly DerivedEdge[];
  /** The I- and S-nodes the map shows, and the links it shows as edges. */
  readonly shownNodes: ReadonlySet<string>;
  readonly shownLinks: ReadonlySet<AifLink>;
  /** I-nodes an answer points to. */
  readonly questions: ReadonlySet<string>;
}

export function isAnswer(node: AifNode): boolean {
  return node.type === 'RA' && node.text?.trim() === ANSWER_SCHEME;
}

/** The scheme an S-node names: its text unless that is a default, else its AIFdb `scheme` field. */
export function schemeOf(node: AifNode): string | undefined {
  if (isAnswer(node)) return undefined;
  for (const candidate of [node.text, member(node.raw, 'scheme')]) {
    if (typeof candidate === 'string' && candidate.trim() !== '' && !DEFAULT_SCHEME_TEXTS.has(candidate.trim())) return candidate;
  }
  return undefined;
}

/** An S-node that the map shows: its distinct I-node premises and its one conclusion. */
interface Inference {
  readonly node: AifNode;
  readonly kind: EdgeKind;
  readonly premises: readonly AifLink[];
  readonly conclusion: AifLink;
}

export function derive(graph: AifGraph, problems: ProblemCollector): Derivation {
  const inferences = new Map<string, Inference>();
  const undercutting: Inference[] = [];
  for (const node of graph.nodes) {
    if (!S_NODE_TYPES.has(node.type)) continue;
    const inference = readInference(graph, node, problems);
    if (inference === undefined) continue;
    if (inference.kind === 'undercut') undercutting.push(inference);
    else inferences.set(node.id, inference);
  }
  // An undercut needs the edge it attacks, so it is accepted once every other inference is known.
  for (const inference of undercutting) {
    const target = graph.nodeById.get(inference.conclusion.to)!;
    const attacked = inferences.get(target.id);
    // An undercut of an undercut has no edge with an inference to attack (integrity refuses it).
    if (attacked !== undefined && attacked.kind !== 'undercut') inferences.set(inference.node.id, inference);
    else problems.warning(notShown(inference.node, `aims at ${target.type} node ${quoteForMessage(target.id)}, which is not shown as a support, answer or attack`), { pointer: inference.node.pointer, id: inference.node.id });
  }

  // Edge ids: the S-node's id, or `<id>.<n>` per premise; never one of the file's node ids.
  const taken = new Set(graph.nodeById.keys());
  const edgeIdsOf = new Map<string, string[]>();
  const ordered = graph.nodes.flatMap((node) => inferences.get(node.id) ?? []);
  for (const inference of ordered) {
    const { node, premises } = inference;
    edgeIdsOf.set(node.id, premises.length === 1 ? [node.id] : premises.map((_, index) => uniqueId(`${node.id}.${index + 1}`, taken)));
  }

  const edges: DerivedEdge[] = [];
  const shownNodes = new Set<string>();
  const shownLinks = new Set<AifLink>();
  const questions = new Set<string>();
  for (const inference of ordered) {
    const { node, kind, premises, conclusion } = inference;
    const ids = edgeIdsOf.get(node.id)!;
    const to = kind === 'undercut' ? edgeIdsOf.get(conclusion.to)![0]! : conclusion.to;
    if (kind === 'answer') questions.add(to);
    const group = kind === 'support' && premises.length > 1 ? node.id : undefined;
    const scheme = schemeOf(node);
    premises.forEach((premise, index) => {
      edges.push({ id: ids[index]!, from: premise.from, to, kind, group, scheme, via: node, premise, conclusion });
      shownLinks.add(premise);
    });
    shownLinks.add(conclusion);
    shownNodes.add(node.id);
  }
  const claims = graph.nodes.filter((node) => node.type === 'I');
  for (const claim of claims) shownNodes.add(claim.id);
  return { claims, edges, shownNodes, shownLinks, questions, ...findSpeakers(graph, claims) };
}

function notShown(node: AifNode, why: string): string {
  return `${node.type} node ${quoteForMessage(node.id)} ${why}; it is kept for writing back but not shown`;
}

function readInference(graph: AifGraph, node: AifNode, problems: ProblemCollector): Inference | undefined {
  const report = (why: string): undefined => {
    problems.warning(notShown(node, why), { pointer: node.pointer, id: node.id });
    return undefined;
  };
  const premises: AifLink[] = [];
  const premiseIds = new Set<string>();
  for (const link of graph.incoming.get(node.id) ?? []) {
    if (graph.nodeById.get(link.from)?.type !== 'I' || premiseIds.has(link.from)) continue;
    premiseIds.add(link.from);
    premises.push(link);
  }
  const conclusions = graph.outgoing.get(node.id) ?? [];
  if (premises.length === 0) return report('has no I-node premise');
  const [conclusion] = conclusions;
  if (conclusion === undefined || conclusions.length > 1) return report(`has ${conclusions.length} conclusions, not one`);
  if (conclusion.to === conclusion.from || premiseIds.has(conclusion.to)) return report('concludes one of its own premises');
  const target = graph.nodeById.get(conclusion.to)!;
  let kind: EdgeKind | undefined;
  if (target.type === 'I') kind = node.type === 'CA' ? 'attack' : node.type === 'MA' ? 'rephrase' : isAnswer(node) ? 'answer' : 'support';
  else if (node.type === 'CA' && (target.type === 'RA' || target.type === 'CA')) kind = 'undercut';
  if (kind === undefined) return report(`concludes ${target.type} node ${quoteForMessage(target.id)}, which argmap cannot show as its target`);
  return { node, kind, premises, conclusion };
}

function uniqueId(candidate: string, taken: Set<string>): string {
  let id = candidate;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${candidate}-${suffix}`;
  taken.add(id);
  return id;
}
