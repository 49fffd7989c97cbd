/** Import: the AIF reading and the notes become an argmap document, checked by the map stages. */

import { parseJson, isJsonObject, jsonTypeOf, type JsonArray, type JsonObject, type JsonValue } from '../../json/parse-json.ts';
import { locatePointer } from '../../json/pointer.ts';
import { MAX_FILE_BYTES } from '../../load-map.ts';
import { inLanguage, LANGUAGES, type ArgMap, type Language } from '../../model.ts';
import { ProblemCollector, quoteForMessage, type Locate, type Problem } from '../../problems.ts';
import { buildModel } from '../../validate/build-model.ts';
import { checkIntegrity } from '../../validate/integrity.ts';
import { validateSchema } from '../../validate/schema.ts';
import { guessLanguage } from '../detect.ts';
import { readAnnotation, type Annotation, type Noted } from './annotation.ts';
import { derive, type Derivation, type DerivedEdge } from './derive.ts';
import { DIALOGUE_SOURCE } from './dialogue.ts';
import { readGraph, type AifNode } from './graph.ts';
import { member, objectOf } from './json.ts';
import { AIF_NAMESPACE, ANNOTATION_MEMBER, DEFAULT_TITLE, GRAPH_MEMBERS } from './vocabulary.ts';

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

export interface AifReading extends AifImportResult {
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

export function readAifValue(root: JsonValue, options: AifImportOptions, locate?: Locate): AifReading {
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
      const said = derivation.attributionOf.get(claim.id);
      if (said !== undefined) {
        origins.set(`${at}/actor`, said.locution.pointer);
        origins.set(`${at}/quote`, `${said.locution.pointer}/text`);
      }
      return objectOf([
        ['id', claim.id],
        ['kind', derivation.questions.has(claim.id) ? 'question' : 'claim'],
        ['text', objectOf([[language, text]])],
        ...(said === undefined ? [] : [
          ['actor', said.speaker] as const,
          ['quote', objectOf([['source', DIALOGUE_SOURCE.id], ['text', said.words]])] as const,
        ]),
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
    ['schemaVersion', 1], ['title', title], ['sources', buildSources(nodes, annotation)], ['actors', actors], ['nodes', nodes], ['edges', edges],
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

/** The noted sources, plus the dialogue when a node quotes it and they do not list it. */
function buildSources(nodes: readonly JsonValue[], annotation: Annotation): JsonValue {
  const noted = annotation.sources?.value ?? [];
  const quotesDialogue = nodes.some((node) => {
    const quote = isJsonObject(node) ? member(node, 'quote') : undefined;
    return isJsonObject(quote) && member(quote, 'source') === DIALOGUE_SOURCE.id;
  });
  if (!quotesDialogue || !Array.isArray(noted)) return noted;
  if ((noted as JsonArray).some((source) => isJsonObject(source) && member(source, 'id') === DIALOGUE_SOURCE.id)) return noted;
  return [...(noted as JsonArray), dialogueSourceJson()];
}

export function dialogueSourceJson(): JsonObject {
  const { zh, en } = DIALOGUE_SOURCE.title;
  return objectOf([['id', DIALOGUE_SOURCE.id], ['title', objectOf([['zh', zh!], ['en', en!]])]]);
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
  const unnoted = new Set(derivation.claims.filter((claim) => !annotation.nodes.has(claim.id)).flatMap((claim) => derivation.attributionOf.get(claim.id)?.speaker ?? []));
  for (const speaker of derivation.speakers) {
    if (listed.has(speaker.name) || (annotation.actors !== undefined && !unnoted.has(speaker.name))) continue;
    origins.set(`/actors/${actors.length}`, speaker.locution.pointer);
    actors.push(objectOf([['id', speaker.name], ['name', objectOf([[language, speaker.name]])]]));
  }
  return actors;
}

