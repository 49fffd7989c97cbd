/** Export: a nodeset (or the original wrapper) made from the map, with what AIF cannot say in `argmap`. */

import { isJsonObject, type JsonArray, type JsonObject, type JsonValue } from '../../json/parse-json.ts';
import { inLanguage, LANGUAGES, type ArgMap, type EdgeKind, type JsonData, type Language } from '../../model.ts';
import { ProblemCollector } from '../../problems.ts';
import { mapToJsonValue } from '../../serialize.ts';
import { sanitizeText } from '../../validate/sanitize.ts';
import { guessLanguage } from '../detect.ts';
import { derive, isAnswer, schemeOf } from './derive.ts';
import { DIALOGUE_SOURCE, SPEAKER_SEPARATOR } from './dialogue.ts';
import { readGraph, type AifGraph, type AifNode } from './graph.ts';
import { dialogueSourceJson, readAifValue } from './import.ts';
import { isCanonicalInteger, member, objectOf, readId, sameJson, withMember, writeId } from './json.ts';
import { AIF_NAMESPACE, ANNOTATION_MEMBER, ANSWER_SCHEME, S_NODE_OF_KIND } from './vocabulary.ts';

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
    if (actor === undefined || original?.attributionOf.has(node.id)) continue;
    const locution = nodeIds.claim(`${node.id}-L`);
    const anchor = nodeIds.claim(`${node.id}-YA`);
    // The locution is what the speaker said: the quote where the map has one, else the claim itself.
    const words = node.quote?.text ?? inLanguage(node.text, language);
    nodes.push(objectOf([['nodeID', nodeId(locution)], ['text', `${inLanguage(actor.name, language)}${SPEAKER_SEPARATOR}${words}`], ['type', 'L']]));
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
  // Reading gives the dialogue as the only source when a node quotes it, else none.
  const quotesDialogue = map.nodes.some((node) => node.quote?.source === DIALOGUE_SOURCE.id);
  if (!sameJson(wanted.sources, quotesDialogue ? [dialogueSourceJson()] : [])) members.push(['sources', wanted.sources]);
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
