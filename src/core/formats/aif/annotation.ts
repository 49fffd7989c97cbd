/** The `argmap` member: what an exported file says beyond AIF, read back over the AIF reading. */

import { isJsonObject, jsonTypeOf, type JsonArray, type JsonObject, type JsonValue } from '../../json/parse-json.ts';
import { LANGUAGES, type Language } from '../../model.ts';
import { quoteForMessage, type ProblemCollector } from '../../problems.ts';
import { member } from './json.ts';
import { ANNOTATION_MEMBER } from './vocabulary.ts';

/** A value of the annotation and where it is in the file. */
export interface Located<T extends JsonValue> {
  readonly value: T;
  readonly pointer: string;
}

export type Noted = Located<JsonObject>;

export interface Annotation {
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

export function readAnnotation(value: JsonValue | undefined, pointer: string, problems: ProblemCollector): Annotation {
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
