/**
 * AIF JSON (the Argument Interchange Format as AIFdb, OVA and xAIF write it) to and from argmap.
 *
 * Reading: AIFdb nodesets `{nodes, edges, locutions}`, the xAIF wrapper `{AIF: {…}, text, dialog,
 * ova}` and the OVA3 wrapper `{AIF: {…}, OVA: {…}}`; ids may be strings or whole numbers and are
 * read as strings (a number and its string twin naming two nodes is an error). The mapping:
 * - every I-node becomes a node (kind `claim`; `question` when an answer points to it);
 * - an RA becomes one `support` edge per I-node premise, premise → conclusion; the premises of an
 *   RA with several of them share the `group` named by the RA's id (a linked argument);
 * - a CA from an I-node to an I-node becomes an `attack`; a CA aimed at an RA or at a CA that is
 *   shown as an attack becomes an `undercut` of the first edge read from that node;
 * - an MA becomes a `rephrase` edge;
 * - the S-node's text, unless it is a default (RA, CA, MA, Default Inference/Conflict/Rephrase),
 *   else its AIFdb `scheme` field, becomes the edge's `scheme`;
 * - an edge's id is its S-node's id, or `<S-node id>.<n>` for the n-th premise of an S-node with
 *   several;
 * - a speaker, found through L-node → YA → I-node (the participant named by the L-node's
 *   locution, else the name before " : " in the L-node's text, else "person <personID>"), becomes
 *   an actor (id = name) and the I-node's `actor` is its first speaker.
 * S-nodes that cannot be shown (no I-node premise, not exactly one conclusion, a conclusion that
 * is an L-node, a CA aimed at an undercut or at an MA) are reported as warnings. Everything the map
 * does not show is kept verbatim in `extensions.aif`: the whole original document (wrapper, xAIF
 * text, OVA layout, participants), every node and link, the locutions.
 *
 * Writing (`exportAif`): a nodeset (or the original wrapper) made from the map: I-nodes from nodes,
 * one RA per linked group or ungrouped support, one CA per attack or undercut, one MA per
 * rephrase, and an RA with the text `argmap:answer` per answer. What was kept is written back in
 * its original order and form, so a file that is read and written unchanged comes out equal; what
 * the map changed replaces it. For actors with no speaker in the kept data, an L-node
 * "Name : text" with a locution and an "Asserting" YA anchor the I-node. What AIF cannot say
 * (node kinds, the other language, quotes, positions, tags, sections, actors' names in both
 * languages, edge ids and groups, title, sources, tours) goes into one extra member `argmap` of
 * the nodeset, holding only what the AIF alone would not give back; other AIF tools ignore it.
 */

import { parseJson, isJsonObject, jsonTypeOf, type JsonArray, type JsonObject, type JsonValue } from '../json/parse-json.ts';
import { locatePointer } from '../json/pointer.ts';
import { MAX_FILE_BYTES } from '../load-map.ts';
import { inLanguage, LANGUAGES, type ArgMap, type EdgeKind, type JsonData, type Language } from '../model.ts';
import { ProblemCollector, quoteForMessage, type Locate, type Problem } from '../problems.ts';
import { mapToJsonValue } from '../serialize.ts';
import { buildModel } from '../validate/build-model.ts';
import { checkIntegrity } from '../validate/integrity.ts';
import { sanitizeText } from '../validate/sanitize.ts';
import { validateSchema } from '../validate/schema.ts';
import { guessLanguage } from './detect.ts';

/** Where a map keeps the AIF data it does not show. */
export const AIF_NAMESPACE = 'aif';
/** The member of an exported nodeset that holds what only argmap knows. */
export const ANNOTATION_MEMBER = 'argmap';
/** The text of an RA that stands for an `answer` edge, which AIF has no node type for. */
export const ANSWER_SCHEME = 'argmap:answer';
export const DEFAULT_TITLE = 'AIF map';

const AIF_NODE_TYPES: ReadonlySet<string> = new Set(['I', 'L', 'RA', 'CA', 'MA', 'PA', 'YA', 'TA']);
const S_NODE_TYPES: ReadonlySet<string> = new Set(['RA', 'CA', 'MA']);
/** S-node texts that only name the node type and so say nothing about the scheme. */
const DEFAULT_SCHEME_TEXTS: ReadonlySet<string> = new Set(['RA', 'CA', 'MA', 'Default Inference', 'Default Conflict', 'Default Rephrase']);
const S_NODE_OF_KIND: Readonly<Record<EdgeKind, { readonly type: string; readonly text: string }>> = {
  support: { type: 'RA', text: 'Default Inference' },
  answer: { type: 'RA', text: ANSWER_SCHEME },
  attack: { type: 'CA', text: 'Default Conflict' },
  undercut: { type: 'CA', text: 'Default Conflict' },
  rephrase: { type: 'MA', text: 'Default Rephrase' },
};
/** The members of a nodeset that are rebuilt from the map when it is written. */
const GRAPH_MEMBERS: ReadonlySet<string> = new Set(['nodes', 'edges', 'locutions']);
/** Longer "names" before " : " are sentences that happen to hold a colon, not speakers. */
const MAX_SPEAKER_NAME = 100;
const SPEAKER_SEPARATOR = ' : ';

// ---------------------------------------------------------------------------------------------
// JSON helpers: parsed objects are read through own members only and never merged into state.

/** An own member of a parsed object; never one inherited from Object.prototype. */
function member(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A fresh object; keys are defined, never assigned, so a key `__proto__` stays an ordinary key. */
function objectOf(entries: Iterable<readonly [string, JsonValue]>): JsonObject {
  const object: Record<string, JsonValue> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  return object;
}

/** A copy of an object with one member's value replaced, in the same key order. */
function withMember(object: JsonObject, key: string, value: JsonValue): JsonObject {
  return objectOf(Object.keys(object).map((name) => [name, name === key ? value : object[name]!] as const));
}

/** Structural equality of JSON values written in the same key order (as serialize.ts writes). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An AIF id read as text: a non-empty string, or a whole number JavaScript holds exactly. */
function readId(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
}

function describeValue(value: JsonValue): string {
  if (typeof value === 'string') return `the string ${quoteForMessage(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return jsonTypeOf(value);
}

function isCanonicalInteger(id: string): boolean {
  return /^(?:0|-?[1-9][0-9]*)$/.test(id) && Number.isSafeInteger(Number(id));
}

/** Ids go back out as numbers in files whose ids were numbers, where they can. */
function writeId(id: string, numeric: boolean): JsonValue {
  return numeric && isCanonicalInteger(id) ? Number(id) : id;
}

// ---------------------------------------------------------------------------------------------
// Reading the AIF graph: nodes, links, locutions and participants, each checked and located.

interface AifNode {
  readonly id: string;
  readonly type: string;
  readonly text: string | undefined;
  readonly raw: JsonObject;
  readonly pointer: string;
}

interface AifLink {
  readonly from: string;
  readonly to: string;
  readonly raw: JsonObject;
  readonly pointer: string;
}

interface AifGraph {
  readonly nodes: readonly AifNode[];
  readonly nodeById: ReadonlyMap<string, AifNode>;
  readonly links: readonly AifLink[];
  readonly incoming: ReadonlyMap<string, readonly AifLink[]>;
  readonly outgoing: ReadonlyMap<string, readonly AifLink[]>;
  /** The person of each locution's node (the first locution of a node counts). */
  readonly personOf: ReadonlyMap<string, string>;
  /** xAIF participants: personID → "firstname surname". */
  readonly participants: ReadonlyMap<string, string>;
  readonly edgeIds: ReadonlySet<string>;
  /** Whether the file wrote its node ids, link ids and person ids as numbers. */
  readonly numeric: { readonly nodes: boolean; readonly links: boolean; readonly persons: boolean };
}

function readGraph(aif: JsonObject, base: string, problems: ProblemCollector): AifGraph | undefined {
  const nodesValue = member(aif, 'nodes');
  const linksValue = member(aif, 'edges');
  if (!Array.isArray(nodesValue)) problems.error('an AIF file has an array "nodes"', { pointer: `${base}/nodes` });
  if (!Array.isArray(linksValue)) problems.error('an AIF file has an array "edges"', { pointer: `${base}/edges` });
  if (!Array.isArray(nodesValue) || !Array.isArray(linksValue)) return undefined;
  const numeric = { nodes: false, links: false, persons: false };

  const nodes: AifNode[] = [];
  const nodeById = new Map<string, AifNode>();
  // Every id a node has, with where it was first seen, also for nodes with other faults, so their
  // links are not reported as dangling too.
  const firstIdAt = new Map<string, { readonly value: JsonValue; readonly pointer: string }>();
  (nodesValue as JsonArray).forEach((raw, index) => {
    const pointer = `${base}/nodes/${index}`;
    if (!isJsonObject(raw)) {
      problems.error(`a node must be an object, not ${jsonTypeOf(raw)}`, { pointer });
      return;
    }
    const idValue = member(raw, 'nodeID');
    const id = readId(idValue);
    if (idValue === undefined || id === undefined) {
      const message = idValue === undefined ? 'the node has no nodeID' : `nodeID must be a non-empty string or a whole number, not ${describeValue(idValue)}`;
      problems.error(message, { pointer: idValue === undefined ? pointer : `${pointer}/nodeID` });
      return;
    }
    if (typeof idValue === 'number') numeric.nodes = true;
    const first = firstIdAt.get(id);
    if (first !== undefined) {
      const message = typeof first.value === typeof idValue
        ? `duplicate node id ${quoteForMessage(id)} (first at ${first.pointer})`
        : `node id ${describeValue(idValue)} collides with ${describeValue(first.value)} at ${first.pointer}: argmap reads both as ${quoteForMessage(id)}`;
      problems.error(message, { pointer: `${pointer}/nodeID`, id });
      return;
    }
    firstIdAt.set(id, { value: idValue, pointer: `${pointer}/nodeID` });
    const type = member(raw, 'type');
    const text = member(raw, 'text');
    if (typeof type !== 'string') {
      problems.error(type === undefined ? `node ${quoteForMessage(id)} has no type` : `type must be a string, not ${jsonTypeOf(type)}`, { pointer: `${pointer}/type`, id });
      return;
    }
    if (text !== undefined && typeof text !== 'string') {
      problems.error(`text must be a string, not ${jsonTypeOf(text)}`, { pointer: `${pointer}/text`, id });
      return;
    }
    if (type === 'I' && text === undefined) {
      problems.error(`I-node ${quoteForMessage(id)} has no text`, { pointer, id });
      return;
    }
    if (!AIF_NODE_TYPES.has(type)) {
      problems.warning(`node ${quoteForMessage(id)} has the type ${quoteForMessage(type)}, which AIF does not define; it is kept as it is`, { pointer: `${pointer}/type`, id });
    }
    const node: AifNode = { id, type, text, raw, pointer };
    nodes.push(node);
    nodeById.set(id, node);
  });

  const links: AifLink[] = [];
  const incoming = new Map<string, AifLink[]>();
  const outgoing = new Map<string, AifLink[]>();
  const edgeIds = new Set<string>();
  (linksValue as JsonArray).forEach((raw, index) => {
    const pointer = `${base}/edges/${index}`;
    if (!isJsonObject(raw)) {
      problems.error(`an edge must be an object, not ${jsonTypeOf(raw)}`, { pointer });
      return;
    }
    const edgeIdValue = member(raw, 'edgeID');
    const edgeId = readId(edgeIdValue);
    if (edgeId !== undefined) edgeIds.add(edgeId);
    if (typeof edgeIdValue === 'number') numeric.links = true;
    const ends = (['fromID', 'toID'] as const).map((field) => {
      const value = member(raw, field);
      const id = readId(value);
      if (value === undefined) problems.error(`the edge has no ${field}`, { pointer });
      else if (id === undefined) problems.error(`${field} must be a non-empty string or a whole number, not ${describeValue(value)}`, { pointer: `${pointer}/${field}` });
      else if (!firstIdAt.has(id)) problems.error(`${field} ${quoteForMessage(id)} names no node`, { pointer: `${pointer}/${field}`, id });
      return id;
    });
    const [from, to] = ends;
    if (from === undefined || to === undefined || !nodeById.has(from) || !nodeById.has(to)) return;
    const link: AifLink = { from, to, raw, pointer };
    links.push(link);
    appendTo(outgoing, from, link);
    appendTo(incoming, to, link);
  });

  const personOf = readLocutions(member(aif, 'locutions'), `${base}/locutions`, firstIdAt, numeric, problems);
  const participants = readParticipants(member(aif, 'participants'), `${base}/participants`, problems);
  return { nodes, nodeById, links, incoming, outgoing, personOf, participants, edgeIds, numeric };
}

function appendTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}

/** Locutions only name speakers; malformed ones are kept for writing back but name no one. */
function readLocutions(
  value: JsonValue | undefined, pointer: string, nodeIds: ReadonlyMap<string, unknown>,
  numeric: { persons: boolean }, problems: ProblemCollector,
): Map<string, string> {
  const personOf = new Map<string, string>();
  if (value === undefined || value === null) return personOf;
  if (!Array.isArray(value)) {
    problems.error(`locutions must be an array, not ${jsonTypeOf(value)}`, { pointer });
    return personOf;
  }
  const elsewhere: number[] = [];
  (value as JsonArray).forEach((raw, index) => {
    const nodeId = isJsonObject(raw) ? readId(member(raw, 'nodeID')) : undefined;
    if (!isJsonObject(raw) || nodeId === undefined) {
      problems.warning('a locution without a nodeID names no speaker; it is kept as it is', { pointer: `${pointer}/${index}` });
      return;
    }
    if (!nodeIds.has(nodeId)) elsewhere.push(index);
    const personValue = member(raw, 'personID');
    const person = readId(personValue);
    if (typeof personValue === 'number') numeric.persons = true;
    if (person !== undefined && !personOf.has(nodeId)) personOf.set(nodeId, person);
  });
  const [first] = elsewhere;
  if (first !== undefined) {
    const count = elsewhere.length;
    problems.warning(`${count} locution${count === 1 ? ' names a node' : 's name nodes'} not in the file; kept as they are`, { pointer: `${pointer}/${first}` });
  }
  return personOf;
}

function readParticipants(value: JsonValue | undefined, pointer: string, problems: ProblemCollector): Map<string, string> {
  const names = new Map<string, string>();
  if (value === undefined || value === null) return names;
  if (!Array.isArray(value)) {
    problems.warning(`participants must be an array, not ${jsonTypeOf(value)}; they name no speaker`, { pointer });
    return names;
  }
  (value as JsonArray).forEach((raw, index) => {
    const id = isJsonObject(raw) ? readId(member(raw, 'participantID')) : undefined;
    if (!isJsonObject(raw) || id === undefined) {
      problems.warning('a participant without a participantID names no speaker', { pointer: `${pointer}/${index}` });
      return;
    }
    const name = ['firstname', 'surname'].map((field) => member(raw, field)).filter((part) => typeof part === 'string').join(' ').trim();
    if (name !== '' && !names.has(id)) names.set(id, name);
  });
  return names;
}

// ---------------------------------------------------------------------------------------------
// The argmap reading of an AIF graph: which nodes and links become which nodes, edges and actors.

interface DerivedEdge {
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

interface Speaker {
  readonly name: string;
  /** The L-node it was first found at. */
  readonly locution: AifNode;
}

interface Derivation {
  readonly claims: readonly AifNode[];
  readonly edges: readonly DerivedEdge[];
  /** The I- and S-nodes the map shows, and the links it shows as edges. */
  readonly shownNodes: ReadonlySet<string>;
  readonly shownLinks: ReadonlySet<AifLink>;
  readonly speakers: readonly Speaker[];
  /** Each anchored I-node's first speaker, by name. */
  readonly speakerOf: ReadonlyMap<string, string>;
  /** I-nodes an answer points to. */
  readonly questions: ReadonlySet<string>;
}

function isAnswer(node: AifNode): boolean {
  return node.type === 'RA' && node.text?.trim() === ANSWER_SCHEME;
}

/** The scheme an S-node names: its text unless that is a default, else its AIFdb `scheme` field. */
function schemeOf(node: AifNode): string | undefined {
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

function derive(graph: AifGraph, problems: ProblemCollector): Derivation {
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

/** L-node → YA → I-node: who said each claim. */
function findSpeakers(graph: AifGraph, claims: readonly AifNode[]): Pick<Derivation, 'speakers' | 'speakerOf'> {
  const speakers: Speaker[] = [];
  const known = new Set<string>();
  const speakerOf = new Map<string, string>();
  for (const claim of claims) {
    for (const anchor of graph.incoming.get(claim.id) ?? []) {
      if (graph.nodeById.get(anchor.from)?.type !== 'YA') continue;
      for (const said of graph.incoming.get(anchor.from) ?? []) {
        const locution = graph.nodeById.get(said.from)!;
        const name = locution.type === 'L' ? speakerName(graph, locution) : undefined;
        if (name === undefined) continue;
        if (!speakerOf.has(claim.id)) speakerOf.set(claim.id, name);
        if (!known.has(name)) {
          known.add(name);
          speakers.push({ name, locution });
        }
      }
    }
  }
  return { speakers, speakerOf };
}

/**
 * Who said a locution: the participant its locution's person is (xAIF, OVA), else the name before
 * " : " in its text (AIFdb), else its person id. AIFdb person ids are not reliable enough to rank
 * higher: one id is given to several named speakers.
 */
function speakerName(graph: AifGraph, locution: AifNode): string | undefined {
  const person = graph.personOf.get(locution.id);
  const participant = person === undefined ? undefined : graph.participants.get(person);
  if (participant !== undefined) return participant;
  const text = locution.text ?? '';
  const separator = text.indexOf(SPEAKER_SEPARATOR);
  const prefix = separator > 0 ? text.slice(0, separator).trim() : '';
  if (prefix !== '' && prefix.length <= MAX_SPEAKER_NAME && !/[\r\n]/.test(prefix)) return prefix;
  return person === undefined ? undefined : `person ${person}`;
}

// ---------------------------------------------------------------------------------------------
// The `argmap` member: what an exported file says beyond AIF, read back over the AIF reading.

/** A value of the annotation and where it is in the file. */
interface Located<T extends JsonValue> {
  readonly value: T;
  readonly pointer: string;
}

type Noted = Located<JsonObject>;

interface Annotation {
  readonly language?: Language;
  readonly title?: Located<JsonValue>;
  readonly sources?: Located<JsonValue>;
  readonly tours?: Located<JsonValue>;
  readonly actors?: Located<JsonArray>;
  readonly extensions?: Located<JsonObject>;
  readonly nodes: ReadonlyMap<string, Noted>;
  /** Edge notes by the S-node they are read from, then by premise. */
  readonly edges: ReadonlyMap<string, ReadonlyMap<string, Noted>>;
}

const ANNOTATION_FIELDS: ReadonlySet<string> = new Set(['language', 'title', 'sources', 'tours', 'actors', 'extensions', 'nodes', 'edges']);

function readAnnotation(value: JsonValue | undefined, pointer: string, problems: ProblemCollector): Annotation {
  const nodes = new Map<string, Noted>();
  const edges = new Map<string, Map<string, Noted>>();
  const annotation: { -readonly [K in keyof Annotation]: Annotation[K] } = { nodes, edges };
  if (value === undefined) return annotation;
  if (!isJsonObject(value)) {
    problems.error(`the ${ANNOTATION_MEMBER} member must be an object, not ${jsonTypeOf(value)}`, { pointer });
    return annotation;
  }
  for (const key of Object.keys(value)) {
    if (!ANNOTATION_FIELDS.has(key)) problems.warning(`unknown member ${quoteForMessage(key)} of ${ANNOTATION_MEMBER}; ignored`, { pointer: `${pointer}/${key}` });
  }
  const language = member(value, 'language');
  if (language !== undefined) {
    const known = LANGUAGES.find((candidate) => candidate === language);
    if (known === undefined) problems.error(`language must be one of ${LANGUAGES.join(', ')}`, { pointer: `${pointer}/language` });
    else annotation.language = known;
  }
  for (const key of ['title', 'sources', 'tours'] as const) {
    const field = member(value, key);
    if (field !== undefined) annotation[key] = { value: field, pointer: `${pointer}/${key}` };
  }
  const actors = member(value, 'actors');
  if (actors !== undefined) {
    if (Array.isArray(actors)) annotation.actors = { value: actors as JsonArray, pointer: `${pointer}/actors` };
    else problems.error(`actors must be an array, not ${jsonTypeOf(actors)}`, { pointer: `${pointer}/actors` });
  }
  const extensions = member(value, 'extensions');
  if (extensions !== undefined) {
    if (isJsonObject(extensions)) annotation.extensions = { value: extensions, pointer: `${pointer}/extensions` };
    else problems.error(`extensions must be an object, not ${jsonTypeOf(extensions)}`, { pointer: `${pointer}/extensions` });
  }
  readNotes(member(value, 'nodes'), `${pointer}/nodes`, ['id'], problems, ([id], noted) => {
    if (nodes.has(id!)) return `a second note for node ${quoteForMessage(id!)}`;
    nodes.set(id!, noted);
    return undefined;
  });
  readNotes(member(value, 'edges'), `${pointer}/edges`, ['via', 'from'], problems, ([via, from], noted) => {
    let byPremise = edges.get(via!);
    if (byPremise === undefined) edges.set(via!, (byPremise = new Map()));
    if (byPremise.has(from!)) return `a second note for the edge from ${quoteForMessage(from!)} through ${quoteForMessage(via!)}`;
    byPremise.set(from!, noted);
    return undefined;
  });
  return annotation;
}

/** Reads a list of notes, each an object whose `keys` are strings; `keep` says why one is refused. */
function readNotes(
  value: JsonValue | undefined, pointer: string, keys: readonly string[], problems: ProblemCollector,
  keep: (keyValues: readonly string[], noted: Noted) => string | undefined,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.error(`must be an array, not ${jsonTypeOf(value)}`, { pointer });
    return;
  }
  (value as JsonArray).forEach((note, index) => {
    const at = `${pointer}/${index}`;
    if (!isJsonObject(note)) {
      problems.error(`must be an object, not ${jsonTypeOf(note)}`, { pointer: at });
      return;
    }
    const keyValues = keys.map((key) => member(note, key));
    const missing = keys.findIndex((_, position) => typeof keyValues[position] !== 'string');
    if (missing >= 0) {
      problems.error(`${keys[missing]} must be a string`, { pointer: `${at}/${keys[missing]}` });
      return;
    }
    const refused = keep(keyValues as string[], { value: note, pointer: at });
    if (refused !== undefined) problems.error(refused, { pointer: at });
  });
}

// ---------------------------------------------------------------------------------------------
// Import: the AIF reading and the notes become an argmap document, checked by the map stages.

/**
 * Where each part of the built document came from in the AIF file, so that a problem the map
 * stages find (`/nodes/3/text`) is reported where the user can fix it (`/AIF/nodes/12/text`).
 */
class PointerOrigins {
  readonly #origins = new Map<string, string>();

  set(documentPointer: string, filePointer: string): void {
    this.#origins.set(documentPointer, filePointer);
  }

  /** The origin of the pointer or of its nearest ancestor with one, with the rest appended. */
  translate(pointer: string): string | undefined {
    let current = pointer;
    let rest = '';
    for (;;) {
      const origin = this.#origins.get(current);
      if (origin !== undefined) return origin + rest;
      if (current === '') return undefined;
      const slash = current.lastIndexOf('/');
      rest = current.slice(slash) + rest;
      current = current.slice(0, Math.max(0, slash));
    }
  }
}

export interface AifImportOptions {
  /** The language of the AIF texts; guessed from them when absent (an exported file says it). */
  readonly language?: Language;
  /** The map's title, when the file has none of its own. */
  readonly title?: string;
}

export interface AifImportResult {
  /** Absent when the file has errors; then `problems` says where. */
  readonly map?: ArgMap;
  readonly problems: Problem[];
}

interface AifReading extends AifImportResult {
  /** The final id of each edge, by S-node and premise: how an exporter finds what became of its edges. */
  readonly edgeIdOf: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

function failed(message: string): AifImportResult {
  return { problems: [{ severity: 'error', message }] };
}

export function importAif(text: string, options: AifImportOptions = {}): AifImportResult {
  // The last line of defence, as in load-map.ts: a bug becomes a problem, not a crash.
  try {
    if (text.length > MAX_FILE_BYTES) return failed(`the file is too large; argmap opens files up to ${MAX_FILE_BYTES / (1024 * 1024)} MiB`);
    const parsed = parseJson(text.startsWith('\uFEFF') ? text.slice(1) : text);
    if (!parsed.ok) return { problems: parsed.problems };
    const { map, problems } = readAifValue(parsed.value, options, (pointer) => locatePointer(parsed.pointers, pointer));
    return map === undefined ? { problems } : { map, problems };
  } catch {
    return failed('internal error while reading the AIF file');
  }
}

function readAifValue(root: JsonValue, options: AifImportOptions, locate?: Locate): AifReading {
  const problems = new ProblemCollector(locate);
  const result = (map?: ArgMap, edgeIdOf: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map()): AifReading =>
    ({ ...(map === undefined ? {} : { map }), problems: problems.toArray(), edgeIdOf });
  if (!isJsonObject(root)) {
    problems.error(`an AIF file is a JSON object (a nodeset, or {"AIF": …} as OVA and xAIF write it), not ${jsonTypeOf(root)}`, { pointer: '' });
    return result();
  }
  const wrapped = member(root, 'AIF');
  const aif = isJsonObject(wrapped) ? wrapped : root;
  const base = isJsonObject(wrapped) ? '/AIF' : '';
  const graph = readGraph(aif, base, problems);
  const annotation = readAnnotation(member(aif, ANNOTATION_MEMBER), `${base}/${ANNOTATION_MEMBER}`, problems);
  if (graph === undefined || problems.hasErrors) return result();

  const derivation = derive(graph, problems);
  const language = annotation.language ?? options.language ?? guessLanguage(derivation.claims.map((claim) => claim.text ?? ''));
  const kept = keptData(root, aif, language);
  const built = buildDocument(derivation, annotation, language, kept, options, problems);

  const runStage = <Out>(stage: (collector: ProblemCollector) => Out): Out | undefined => {
    const collector = new ProblemCollector();
    const output = stage(collector);
    for (const problem of collector.toArray()) {
      const pointer = problem.pointer === undefined ? undefined : built.origins.translate(problem.pointer);
      problems[problem.severity](problem.message, { ...(pointer === undefined ? {} : { pointer }), ...(problem.id === undefined ? {} : { id: problem.id }) });
    }
    return collector.hasErrors ? undefined : output;
  };
  const document = runStage((collector) => validateSchema(built.document, collector));
  const map = document && runStage((collector) => buildModel(document, collector));
  const checked = map && runStage((collector) => {
    checkIntegrity(map, collector);
    return map;
  });
  return checked === undefined ? result() : result(checked, built.edgeIdOf);
}

/**
 * What the map keeps to write the file back: the document with its graph members emptied (the
 * wrapper, the xAIF text, the OVA layout, participants, key order), and the graph verbatim.
 */
function keptData(root: JsonObject, aif: JsonObject, language: Language): JsonObject {
  const skeleton = (object: JsonObject) => objectOf(Object.keys(object).filter((key) => key !== ANNOTATION_MEMBER)
    .map((key) => [key, GRAPH_MEMBERS.has(key) ? null : object[key]!] as const));
  const document = root === aif ? skeleton(root) : objectOf(Object.keys(root).map((key) => [key, key === 'AIF' ? skeleton(aif) : root[key]!] as const));
  const locutions = member(aif, 'locutions');
  return objectOf([
    ['language', language],
    ['document', document],
    ['nodes', member(aif, 'nodes')!],
    ['edges', member(aif, 'edges')!],
    ...(Array.isArray(locutions) ? [['locutions', locutions] as const] : []),
  ]);
}

interface BuiltDocument {
  readonly document: JsonObject;
  readonly origins: PointerOrigins;
  readonly edgeIdOf: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const NOTED_NODE_FIELDS = ['kind', 'actor', 'quote', 'position', 'tags', 'section'] as const;

function buildDocument(
  derivation: Derivation, annotation: Annotation, language: Language, kept: JsonObject,
  options: AifImportOptions, problems: ProblemCollector,
): BuiltDocument {
  const origins = new PointerOrigins();

  const nodes = derivation.claims.map((claim, index): JsonValue => {
    const at = `/nodes/${index}`;
    const text = claim.text ?? '';
    origins.set(at, claim.pointer);
    origins.set(`${at}/id`, `${claim.pointer}/nodeID`);
    const note = annotation.nodes.get(claim.id);
    origins.set(`${at}/text`, note === undefined ? `${claim.pointer}/text` : `${note.pointer}/text`);
    origins.set(`${at}/text/${language}`, `${claim.pointer}/text`);
    if (note === undefined) {
      const actor = derivation.speakerOf.get(claim.id);
      return objectOf([
        ['id', claim.id],
        ['kind', derivation.questions.has(claim.id) ? 'question' : 'claim'],
        ['text', objectOf([[language, text]])],
        ...(actor === undefined ? [] : [['actor', actor] as const]),
      ]);
    }
    const entries: [string, JsonValue][] = [['id', claim.id], ['text', notedText(claim, note, language, problems)]];
    for (const field of NOTED_NODE_FIELDS) {
      const value = member(note.value, field);
      if (value === undefined) continue;
      entries.push([field, value]);
      origins.set(`${at}/${field}`, `${note.pointer}/${field}`);
    }
    return objectOf(entries);
  });

  // Final ids first: an undercut names the final id of the edge it attacks.
  const noteOf = (edge: DerivedEdge) => annotation.edges.get(edge.via.id)?.get(edge.from);
  const finalId = new Map<string, JsonValue>();
  for (const edge of derivation.edges) {
    const note = noteOf(edge);
    finalId.set(edge.id, (note === undefined ? undefined : member(note.value, 'id')) ?? edge.id);
  }
  const edgeIdOf = new Map<string, Map<string, string>>();
  const edges = derivation.edges.map((edge, index): JsonValue => {
    const at = `/edges/${index}`;
    const note = noteOf(edge);
    const id = finalId.get(edge.id)!;
    if (typeof id === 'string') {
      if (!edgeIdOf.has(edge.via.id)) edgeIdOf.set(edge.via.id, new Map());
      edgeIdOf.get(edge.via.id)!.set(edge.from, id);
    }
    origins.set(at, edge.via.pointer);
    origins.set(`${at}/from`, `${edge.premise.pointer}/fromID`);
    origins.set(`${at}/to`, `${edge.conclusion.pointer}/toID`);
    origins.set(`${at}/scheme`, `${edge.via.pointer}/text`);
    const notedTo = edge.kind === 'undercut' && note !== undefined ? member(note.value, 'to') : undefined;
    const group = note === undefined ? edge.group : member(note.value, 'group');
    const scheme = note === undefined ? edge.scheme : member(note.value, 'scheme');
    if (note !== undefined) {
      for (const field of ['id', 'group', 'scheme', ...(notedTo === undefined ? [] : ['to'])]) origins.set(`${at}/${field}`, `${note.pointer}/${field}`);
    }
    return objectOf([
      ['id', id],
      ['from', edge.from],
      ['to', notedTo ?? (edge.kind === 'undercut' ? finalId.get(edge.to)! : edge.to)],
      ['kind', edge.kind],
      ...(group === undefined ? [] : [['group', group] as const]),
      ...(scheme === undefined ? [] : [['scheme', scheme] as const]),
    ]);
  });

  const actors = buildActors(derivation, annotation, language, origins);
  const title = annotation.title?.value ?? objectOf([[language, options.title ?? DEFAULT_TITLE]]);
  if (annotation.title !== undefined) origins.set('/title', annotation.title.pointer);
  const members: [string, JsonValue][] = [
    ['schemaVersion', 1], ['title', title], ['sources', annotation.sources?.value ?? []], ['actors', actors], ['nodes', nodes], ['edges', edges],
  ];
  if (annotation.sources !== undefined) origins.set('/sources', annotation.sources.pointer);
  if (annotation.tours !== undefined) {
    origins.set('/tours', annotation.tours.pointer);
    members.push(['tours', annotation.tours.value]);
  }
  const otherExtensions = annotation.extensions === undefined ? [] : Object.keys(annotation.extensions.value).filter((key) => key !== AIF_NAMESPACE);
  for (const key of otherExtensions) origins.set(`/extensions/${key}`, `${annotation.extensions!.pointer}/${key}`);
  members.push(['extensions', objectOf([...otherExtensions.map((key) => [key, annotation.extensions!.value[key]!] as const), [AIF_NAMESPACE, kept]])]);
  return { document: objectOf(members), origins, edgeIdOf };
}

/**
 * A node's noted text, both languages, unless the AIF text was changed by another tool since it
 * was written (it no longer matches the noted text in its language): then the AIF text counts.
 */
function notedText(claim: AifNode, note: Noted, language: Language, problems: ProblemCollector): JsonValue {
  const noted = member(note.value, 'text');
  if (!isJsonObject(noted)) return noted ?? null;
  const text = claim.text ?? '';
  const written: { zh?: string; en?: string } = {};
  for (const candidate of LANGUAGES) {
    const value = member(noted, candidate);
    if (typeof value === 'string') written[candidate] = value;
  }
  if (inLanguage(written, language) === text) return noted;
  const other: Language = language === 'zh' ? 'en' : 'zh';
  problems.warning(`the text of node ${quoteForMessage(claim.id)} was changed outside argmap; its ${other} text may be out of date`, { pointer: `${claim.pointer}/text`, id: claim.id });
  const otherText = member(noted, other);
  return objectOf([...(otherText === undefined ? [] : [[other, otherText] as const]), [language, text]]);
}

/**
 * The noted actors when there are any, plus the speakers of claims without a note that they do
 * not already list; otherwise every speaker found.
 */
function buildActors(derivation: Derivation, annotation: Annotation, language: Language, origins: PointerOrigins): JsonValue[] {
  const actors: JsonValue[] = [];
  const listed = new Set<string>();
  if (annotation.actors !== undefined) {
    const { value, pointer } = annotation.actors;
    value.forEach((actor, index) => {
      origins.set(`/actors/${index}`, `${pointer}/${index}`);
      const id = isJsonObject(actor) ? member(actor, 'id') : undefined;
      if (typeof id === 'string') listed.add(id);
      actors.push(actor);
    });
  }
  const unnoted = new Set(derivation.claims.filter((claim) => !annotation.nodes.has(claim.id)).flatMap((claim) => derivation.speakerOf.get(claim.id) ?? []));
  for (const speaker of derivation.speakers) {
    if (listed.has(speaker.name) || (annotation.actors !== undefined && !unnoted.has(speaker.name))) continue;
    origins.set(`/actors/${actors.length}`, speaker.locution.pointer);
    actors.push(objectOf([['id', speaker.name], ['name', objectOf([[language, speaker.name]])]]));
  }
  return actors;
}

// ---------------------------------------------------------------------------------------------
// Export.

export interface AifExportOptions {
  /** The language written into the AIF texts; the other one goes into the `argmap` member. */
  readonly language?: Language;
}

/** What a map kept from the AIF file it was read from, read back defensively (it may be edited). */
interface KeptAif {
  readonly language: Language;
  readonly document: JsonObject;
  readonly graph: AifGraph;
  readonly locutions: JsonArray | undefined;
}

function readKept(value: JsonData | undefined): KeptAif | undefined {
  if (value === undefined || !isJsonObject(value as JsonValue)) return undefined;
  const kept = value as JsonObject;
  const language = LANGUAGES.find((candidate) => candidate === member(kept, 'language'));
  const document = member(kept, 'document');
  const locutions = member(kept, 'locutions');
  if (language === undefined || !isJsonObject(document) || (locutions !== undefined && !Array.isArray(locutions))) return undefined;
  const wrapped = member(document, 'AIF');
  const participants = isJsonObject(wrapped) ? member(wrapped, 'participants') : member(document, 'participants');
  const graphMembers = objectOf([
    ['nodes', member(kept, 'nodes') ?? null],
    ['edges', member(kept, 'edges') ?? null],
    ...(locutions === undefined ? [] : [['locutions', locutions] as const]),
    ...(participants === undefined ? [] : [['participants', participants] as const]),
  ]);
  const problems = new ProblemCollector();
  const graph = readGraph(graphMembers, '', problems);
  return graph === undefined || problems.hasErrors ? undefined : { language, document, graph, locutions: locutions as JsonArray | undefined };
}

/**
 * Ids for the nodes and links an export makes. An id of the original file is only given back to
 * the element that had it, so kept links never end on a stranger; in a file whose ids were
 * numbers, new ids are numbers too.
 */
class IdAllocator {
  readonly #numeric: boolean;
  readonly #used: Set<string>;
  readonly #original: ReadonlySet<string>;
  #next = 1;

  constructor(numeric: boolean, used: Iterable<string>, original: ReadonlySet<string>) {
    this.#numeric = numeric;
    this.#used = new Set(used);
    this.#original = original;
    for (const id of [...this.#used, ...original]) if (isCanonicalInteger(id)) this.#next = Math.max(this.#next, Number(id) + 1);
  }

  /** The candidate if it is free (`reclaim`: it is this element's id in the original file). */
  claim(candidate: string, reclaim = false): string {
    const free = !this.#used.has(candidate) && (reclaim || !this.#original.has(candidate));
    if (free && (!this.#numeric || isCanonicalInteger(candidate))) {
      this.#used.add(candidate);
      return candidate;
    }
    if (this.#numeric) return this.fresh();
    let id = candidate;
    for (let suffix = 2; this.#used.has(id) || this.#original.has(id); suffix += 1) id = `${candidate}-${suffix}`;
    this.#used.add(id);
    return id;
  }

  /** The next whole number no id has. */
  fresh(): string {
    while (this.#used.has(String(this.#next)) || this.#original.has(String(this.#next))) this.#next += 1;
    const id = String(this.#next);
    this.#used.add(id);
    return id;
  }
}

/** One S-node of the export and the map edges it carries. */
interface Inferring {
  readonly id: string;
  readonly type: string;
  readonly kind: EdgeKind;
  /** The node the edges point to, or for undercuts the edge they attack. */
  readonly target: string;
  readonly scheme: string | undefined;
  readonly premises: string[];
}

interface BuiltAif {
  /** The file with an optional `argmap` member. */
  readonly assemble: (annotation: JsonObject | undefined) => JsonObject;
  readonly inferringOf: ReadonlyMap<string, Inferring>;
  readonly claimTexts: readonly string[];
}

export function exportAif(map: ArgMap, options: AifExportOptions = {}): string {
  const kept = readKept(map.extensions?.get(AIF_NAMESPACE));
  const language = options.language ?? kept?.language ?? mostWritten(map);
  const built = buildAif(map, kept, language);
  return `${JSON.stringify(built.assemble(annotationFor(map, built, language)), null, 2)}\n`;
}

/** The language more of the map's nodes have text in (English on a tie). */
function mostWritten(map: ArgMap): Language {
  const count = (language: Language) => map.nodes.filter((node) => node.text[language] !== undefined).length;
  return count('zh') > count('en') ? 'zh' : 'en';
}

/** Nested sets of links, by `from` then `to`: ids are any strings, so no separator is safe. */
class LinkSet {
  readonly #targets = new Map<string, Set<string>>();

  add(from: string, to: string): void {
    const targets = this.#targets.get(from);
    if (targets === undefined) this.#targets.set(from, new Set([to]));
    else targets.add(to);
  }

  has(from: string, to: string): boolean {
    return this.#targets.get(from)?.has(to) ?? false;
  }
}

function buildAif(map: ArgMap, kept: KeptAif | undefined, language: Language): BuiltAif {
  const original = kept === undefined ? undefined : derive(kept.graph, new ProblemCollector());
  const originalNodes: ReadonlyMap<string, AifNode> = kept?.graph.nodeById ?? new Map();
  const numeric = kept?.graph.numeric ?? { nodes: false, links: false, persons: false };
  const nodeId = (id: string) => writeId(id, numeric.nodes);
  const mapNodes = new Map(map.nodes.map((node) => [node.id, node]));
  const nodeIds = new IdAllocator(numeric.nodes, mapNodes.keys(), new Set(originalNodes.keys()));

  // The S-nodes: one per linked group, per edge read from one S-node, or per edge.
  const originalEdges = new Map(original?.edges.map((edge) => [edge.id, edge]));
  const inferrings: Inferring[] = [];
  const inferringByKey = new Map<string, Inferring>();
  const inferringOf = new Map<string, Inferring>();
  for (const edge of map.edges) {
    const origin = originalEdges.get(edge.id);
    const type = S_NODE_OF_KIND[edge.kind].type;
    const via = origin !== undefined && origin.kind === edge.kind ? origin.via : undefined;
    const [key, candidate] = edge.kind === 'support' && edge.group !== undefined
      ? [`group:${edge.group}`, edge.group]
      : via === undefined ? [`edge:${edge.id}`, edge.id] : [`via:${via.id}`, via.id];
    let inferring = inferringByKey.get(key);
    if (inferring === undefined || inferring.kind !== edge.kind || inferring.target !== edge.to) {
      const shared = inferring !== undefined;
      inferring = {
        id: shared ? nodeIds.claim(edge.id) : nodeIds.claim(candidate, via !== undefined && via.type === type && candidate === via.id),
        type, kind: edge.kind, target: edge.to, scheme: edge.kind === 'answer' ? undefined : edge.scheme, premises: [],
      };
      if (!shared) inferringByKey.set(key, inferring);
      inferrings.push(inferring);
    }
    if (!inferring.premises.includes(edge.from)) inferring.premises.push(edge.from);
    inferringOf.set(edge.id, inferring);
  }
  const inferringById = new Map(inferrings.map((inferring) => [inferring.id, inferring]));

  const claimNode = (id: string, originalNode?: AifNode): JsonValue => {
    const text = inLanguage(mapNodes.get(id)!.text, language);
    if (originalNode === undefined) return objectOf([['nodeID', nodeId(id)], ['text', text], ['type', 'I']]);
    // The map holds the text as reading sanitized it; unchanged text goes back as it was.
    return sanitizeText(originalNode.text ?? '', '', new ProblemCollector()) === text ? originalNode.raw : withMember(originalNode.raw, 'text', text);
  };
  const inferenceNode = (inferring: Inferring, originalNode?: AifNode): JsonValue => {
    const unchanged = originalNode !== undefined && originalNode.type === inferring.type && isAnswer(originalNode) === (inferring.kind === 'answer')
      && schemeOf(originalNode) === inferring.scheme;
    if (unchanged) return originalNode.raw;
    // A scheme that reads as the answer marker stays in the annotation, or the edge would turn into an answer.
    const schemeText = inferring.scheme !== undefined && inferring.scheme.trim() !== ANSWER_SCHEME ? inferring.scheme : undefined;
    const text = schemeText ?? S_NODE_OF_KIND[inferring.kind].text;
    return objectOf([['nodeID', nodeId(inferring.id)], ['text', text], ['type', inferring.type]]);
  };

  // Nodes: the original ones in their order (changed where the map changed them), then new ones.
  const nodes: JsonValue[] = [];
  /** Ids that still name the element they named in the original file. */
  const keptIds = new Set<string>();
  const written = new Set<string>();
  for (const node of kept?.graph.nodes ?? []) {
    const { id } = node;
    if (original!.shownNodes.has(id)) {
      const inferring = inferringById.get(id);
      if (node.type === 'I' && mapNodes.has(id)) nodes.push(claimNode(id, node));
      else if (node.type !== 'I' && inferring?.type === node.type) nodes.push(inferenceNode(inferring, node));
      else continue;
    } else if (mapNodes.has(id) || inferringById.has(id)) continue;
    else nodes.push(node.raw);
    keptIds.add(id);
    written.add(id);
  }
  for (const node of map.nodes) if (!written.has(node.id)) nodes.push(claimNode(node.id));
  for (const inferring of inferrings) if (!written.has(inferring.id)) nodes.push(inferenceNode(inferring));

  const wanted: [string, string][] = inferrings.flatMap((inferring) => [
    ...inferring.premises.map((premise): [string, string] => [premise, inferring.id]),
    [inferring.id, inferring.kind === 'undercut' ? inferringOf.get(inferring.target)!.id : inferring.target],
  ]);

  // Speakers the kept dialogue does not give: an L-node, a YA anchoring it, a locution.
  const actors = new Map(map.actors.map((actor) => [actor.id, actor]));
  const locutions: JsonValue[] = [];
  for (const node of map.nodes) {
    const actor = node.actor === undefined ? undefined : actors.get(node.actor);
    if (actor === undefined || original?.speakerOf.has(node.id)) continue;
    const locution = nodeIds.claim(`${node.id}-L`);
    const anchor = nodeIds.claim(`${node.id}-YA`);
    nodes.push(objectOf([['nodeID', nodeId(locution)], ['text', `${inLanguage(actor.name, language)}${SPEAKER_SEPARATOR}${inLanguage(node.text, language)}`], ['type', 'L']]));
    nodes.push(objectOf([['nodeID', nodeId(anchor)], ['text', 'Asserting'], ['type', 'YA']]));
    wanted.push([locution, anchor], [anchor, node.id]);
    locutions.push(objectOf([['nodeID', nodeId(locution)], ['personID', writeId(actor.id, numeric.persons)]]));
  }

  // Links: kept ones in their order where both ends are still theirs, then the new ones.
  const wantedSet = new LinkSet();
  for (const [from, to] of wanted) wantedSet.add(from, to);
  const linked = new LinkSet();
  const links: JsonValue[] = [];
  for (const link of kept?.graph.links ?? []) {
    const keep = original!.shownLinks.has(link) ? wantedSet.has(link.from, link.to) && !linked.has(link.from, link.to) : keptIds.has(link.from) && keptIds.has(link.to);
    if (!keep) continue;
    links.push(link.raw);
    linked.add(link.from, link.to);
  }
  const linkIds = new IdAllocator(numeric.links, [], kept?.graph.edgeIds ?? new Set());
  for (const [from, to] of wanted) {
    if (linked.has(from, to)) continue;
    links.push(objectOf([['edgeID', writeId(linkIds.fresh(), numeric.links)], ['fromID', nodeId(from)], ['toID', nodeId(to)]]));
    linked.add(from, to);
  }

  const keptLocutions = (kept?.locutions ?? []).filter((raw) => {
    const id = isJsonObject(raw) ? readId(member(raw, 'nodeID')) : undefined;
    return id === undefined || keptIds.has(id) || !originalNodes.has(id);
  });
  // A file without a locutions array keeps its own value (absent or null) unless speakers were added.
  const writesLocutions = kept === undefined || kept.locutions !== undefined || locutions.length > 0;
  const graph = new Map<string, JsonValue>([['nodes', nodes], ['edges', links]]);
  if (writesLocutions) graph.set('locutions', [...keptLocutions, ...locutions]);

  const assemble = (annotation: JsonObject | undefined): JsonObject => {
    const fill = (skeleton: JsonObject): JsonObject => {
      const keys = Object.keys(skeleton);
      const missing = [...graph.keys()].filter((key) => !keys.includes(key));
      return objectOf([
        ...[...keys, ...missing].map((key) => [key, graph.get(key) ?? skeleton[key]!] as const),
        ...(annotation === undefined ? [] : [[ANNOTATION_MEMBER, annotation] as const]),
      ]);
    };
    if (kept === undefined) return fill(objectOf([]));
    const wrapped = member(kept.document, 'AIF');
    if (!isJsonObject(wrapped)) return fill(kept.document);
    return objectOf(Object.keys(kept.document).map((key) => [key, key === 'AIF' ? fill(wrapped) : kept.document[key]!] as const));
  };
  return { assemble, inferringOf, claimTexts: map.nodes.map((node) => inLanguage(node.text, language)) };
}

/**
 * The `argmap` member: what reading the plain AIF back would not give. The plain file is read
 * back here, and everything that differs from the map is noted; nothing when nothing differs.
 */
function annotationFor(map: ArgMap, built: BuiltAif, language: Language): JsonObject | undefined {
  const reading = readAifValue(built.assemble(undefined), { language });
  const wanted = mapToJsonValue(map) as MapJson;
  const derived = reading.map === undefined ? undefined : (mapToJsonValue(reading.map) as MapJson);
  const members: [string, JsonValue][] = [];
  if (!sameJson(wanted.title, derived?.title)) members.push(['title', wanted.title]);
  if (map.sources.length > 0) members.push(['sources', wanted.sources]);
  if (!sameJson(wanted.actors, derived?.actors)) members.push(['actors', wanted.actors]);

  const derivedNodes = new Map(derived?.nodes.map((node) => [node.id, node]));
  const nodeNotes = wanted.nodes.filter((node) => !sameJson(node, derivedNodes.get(node.id)));
  if (nodeNotes.length > 0) members.push(['nodes', nodeNotes]);

  const derivedEdges = new Map(derived?.edges.map((edge) => [edge.id, edge]));
  const edgeNotes = wanted.edges.flatMap((edge): JsonValue[] => {
    const via = built.inferringOf.get(edge.id)!.id;
    const derivedId = reading.edgeIdOf.get(via)?.get(edge.from);
    if (derivedId !== undefined && sameJson(edge, derivedEdges.get(derivedId))) return [];
    return [objectOf([
      ['via', via], ['from', edge.from], ['id', edge.id],
      ...(edge.group === undefined ? [] : [['group', edge.group] as const]),
      ...(edge.scheme === undefined ? [] : [['scheme', edge.scheme] as const]),
      ...(edge.kind === 'undercut' ? [['to', edge.to] as const] : []),
    ])];
  });
  if (edgeNotes.length > 0) members.push(['edges', edgeNotes]);
  if (wanted.tours !== undefined) members.push(['tours', wanted.tours]);
  const otherExtensions = [...(map.extensions?.keys() ?? [])].filter((key) => key !== AIF_NAMESPACE);
  if (otherExtensions.length > 0) members.push(['extensions', objectOf(otherExtensions.map((key) => [key, map.extensions!.get(key)! as JsonValue] as const))]);

  if (members.length === 0 && language === guessLanguage(built.claimTexts)) return undefined;
  return objectOf([['language', language], ...members]);
}

/** The parts of a serialized map the annotation compares. */
interface MapJson {
  readonly title: JsonValue;
  readonly sources: JsonValue;
  readonly actors: JsonValue;
  readonly nodes: readonly (JsonObject & { readonly id: string })[];
  readonly edges: readonly (JsonObject & { readonly id: string; readonly from: string; readonly to: string; readonly kind: EdgeKind; readonly group?: string; readonly scheme?: string })[];
  readonly tours?: JsonValue;
}
