/**
 * Reading the document's records back into the model. A record may come from another replica,
 * so nothing is trusted: each one is copied into fresh plain data field by field, checked against
 * its schema definition, and built the way the loader builds it (text cleaned, blank languages
 * dropped). A record that breaks a rule is not an element of the map; its problem says why.
 */
import * as Y from 'yjs';
import { LANGUAGES, type Actor, type ArgEdge, type ArgNode, type Bilingual, type Quote, type Source, type Tour, type TourStep } from '../model.ts';
import { ProblemCollector } from '../problems.ts';
import { sanitizeText } from '../validate/sanitize.ts';
import { NODE_FIELD, type NodeRecord } from './doc-schema.ts';
import { hasVisibleText, schemaProblem, withoutBlankLanguages, type Definition } from './record-rules.ts';

export type RecordRead<T> =
  | { readonly ok: true; readonly order: number; readonly value: T }
  | { readonly ok: false; readonly order: number; readonly problem: string };

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Repairs are silent here: a replica only ever writes cleaned text, so they change nothing for it. */
const discarded = new ProblemCollector(undefined, 0);

function clean(text: string): string {
  return sanitizeText(text, '', discarded);
}

/**
 * A fresh copy of plain JSON data, or undefined when `value` holds anything else (a shared type,
 * binary data, a class instance). Keys are defined, never assigned, so `__proto__` stays a key.
 */
export function copyPlain(value: unknown, depth = 0): Plain | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (depth > 64 || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    const items: Plain[] = [];
    for (const item of value) {
      const copy = copyPlain(item, depth + 1);
      if (copy === undefined) return undefined;
      items.push(copy);
    }
    return items;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const copy: { [key: string]: Plain } = {};
  for (const key of Object.keys(value)) {
    const item = copyPlain((value as Record<string, unknown>)[key], depth + 1);
    if (item === undefined) return undefined;
    Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function isObject(value: Plain | undefined): value is { [key: string]: Plain } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function own(object: { [key: string]: Plain }, key: string): Plain | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function orderOf(value: Plain | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function failed<T>(order: number, problem: string): RecordRead<T> {
  return { ok: false, order, problem };
}

/**
 * A plain record as its JSON form for the schema: `id` first, then every stored field but
 * `order`, whose problem the caller reports.
 */
function plainRecord(id: string, stored: unknown): { order: number | undefined; json: { [key: string]: Plain } } | undefined {
  if (clean(id) !== id) return undefined;
  const copy = copyPlain(stored);
  if (!isObject(copy)) return undefined;
  const json: { [key: string]: Plain } = { id };
  for (const key of Object.keys(copy)) {
    if (key !== 'order') Object.defineProperty(json, key, { value: copy[key], enumerable: true, writable: true, configurable: true });
  }
  return { order: orderOf(own(copy, 'order')), json };
}

function checked(definition: Definition, json: unknown): string | undefined {
  return schemaProblem(definition, json);
}

function bilingual(value: Plain | undefined): Bilingual {
  const text = value as { zh?: string; en?: string };
  return withoutBlankLanguages({
    ...(text.zh !== undefined ? { zh: clean(text.zh) } : {}),
    ...(text.en !== undefined ? { en: clean(text.en) } : {}),
  });
}

/** A label the element cannot do without; undefined when every language is blank. */
function requiredBilingual(value: Plain | undefined): Bilingual | undefined {
  const text = bilingual(value);
  return hasVisibleText(text) ? text : undefined;
}

export function readNode(id: string, record: unknown): RecordRead<ArgNode> {
  if (clean(id) !== id) return failed(Number.POSITIVE_INFINITY, 'the id holds control characters');
  if (!(record instanceof Y.Map)) return failed(Number.POSITIVE_INFINITY, 'is not a node record');
  const node = record as NodeRecord;
  const order = orderOf(copyPlain(node.get(NODE_FIELD.order)));
  if (order === undefined) return failed(Number.POSITIVE_INFINITY, 'has no order');
  const text: { [key: string]: Plain } = {};
  for (const language of LANGUAGES) {
    const value = node.get(language);
    if (value === undefined) continue;
    if (!(value instanceof Y.Text)) return failed(order, `text/${language}: is not a text`);
    text[language] = value.toString();
  }
  const json: { [key: string]: Plain } = { id, kind: copyPlain(node.get(NODE_FIELD.kind)) ?? null, text };
  for (const field of [NODE_FIELD.actor, NODE_FIELD.quote, NODE_FIELD.position, NODE_FIELD.tags, NODE_FIELD.section]) {
    const stored = node.get(field);
    if (stored === undefined) continue;
    const value = copyPlain(stored);
    if (value === undefined) return failed(order, `${field}: is not plain data`);
    json[field] = value;
  }
  for (const key of node.keys()) {
    if (!Object.hasOwn(json, key) && key !== NODE_FIELD.order && !(LANGUAGES as readonly string[]).includes(key)) {
      return failed(order, `unknown property ${JSON.stringify(key)}`);
    }
  }
  const problem = checked('node', json);
  if (problem !== undefined) return failed(order, problem);
  const label = requiredBilingual(text);
  if (label === undefined) return failed(order, 'has no text');
  const built: { -readonly [K in keyof ArgNode]: ArgNode[K] } = { id, kind: json['kind'] as ArgNode['kind'], text: label };
  if (json['actor'] !== undefined) built.actor = clean(json['actor'] as string);
  const quote = json['quote'] as Quote | undefined;
  if (quote !== undefined) built.quote = { source: clean(quote.source), text: clean(quote.text) };
  const position = json['position'] as { x: number; y: number } | undefined;
  if (position !== undefined) built.position = { x: position.x, y: position.y };
  if (json['tags'] !== undefined) built.tags = (json['tags'] as string[]).map(clean);
  if (json['section'] !== undefined) built.section = clean(json['section'] as string);
  return { ok: true, order, value: built };
}

export function readEdge(id: string, stored: unknown): RecordRead<ArgEdge> {
  const record = plainRecord(id, stored);
  if (record === undefined) return failed(Number.POSITIVE_INFINITY, 'is not an edge record');
  const { order, json } = record;
  if (order === undefined) return failed(Number.POSITIVE_INFINITY, 'has no order');
  const problem = checked('edge', json);
  if (problem !== undefined) return failed(order, problem);
  const edge: { -readonly [K in keyof ArgEdge]: ArgEdge[K] } = {
    id,
    from: clean(json['from'] as string),
    to: clean(json['to'] as string),
    kind: json['kind'] as ArgEdge['kind'],
  };
  if (json['group'] !== undefined) edge.group = clean(json['group'] as string);
  if (json['scheme'] !== undefined) edge.scheme = clean(json['scheme'] as string);
  return { ok: true, order, value: edge };
}

export function readActor(id: string, stored: unknown): RecordRead<Actor> {
  const record = plainRecord(id, stored);
  if (record === undefined) return failed(Number.POSITIVE_INFINITY, 'is not an actor record');
  const { order, json } = record;
  if (order === undefined) return failed(Number.POSITIVE_INFINITY, 'has no order');
  const problem = checked('actor', json);
  if (problem !== undefined) return failed(order, problem);
  const name = requiredBilingual(json['name']);
  if (name === undefined) return failed(order, 'has no name');
  const affiliation = json['affiliation'] === undefined ? undefined : bilingual(json['affiliation']);
  return { ok: true, order, value: { id, name, ...(affiliation !== undefined && hasVisibleText(affiliation) ? { affiliation } : {}) } };
}

export function readSource(id: string, stored: unknown): RecordRead<Source> {
  const record = plainRecord(id, stored);
  if (record === undefined) return failed(Number.POSITIVE_INFINITY, 'is not a source record');
  const { order, json } = record;
  if (order === undefined) return failed(Number.POSITIVE_INFINITY, 'has no order');
  const problem = checked('source', json);
  if (problem !== undefined) return failed(order, problem);
  const title = requiredBilingual(json['title']);
  if (title === undefined) return failed(order, 'has no title');
  const file = json['file'] as string | undefined;
  const url = json['url'] as string | undefined;
  return { ok: true, order, value: { id, title, ...(file !== undefined ? { file: clean(file) } : {}), ...(url !== undefined ? { url: clean(url) } : {}) } };
}

export function readTour(id: string, stored: unknown): RecordRead<Tour> {
  const record = plainRecord(id, stored);
  if (record === undefined) return failed(Number.POSITIVE_INFINITY, 'is not a tour record');
  const { order, json } = record;
  if (order === undefined) return failed(Number.POSITIVE_INFINITY, 'has no order');
  const problem = checked('tour', json);
  if (problem !== undefined) return failed(order, problem);
  const title = requiredBilingual(json['title']);
  if (title === undefined) return failed(order, 'has no title');
  const steps: TourStep[] = [];
  for (const [index, raw] of (json['steps'] as { [key: string]: Plain }[]).entries()) {
    const caption = requiredBilingual(raw['caption']);
    if (caption === undefined) return failed(order, `steps/${index}: has no caption`);
    const notes = raw['notes'] === undefined ? undefined : bilingual(raw['notes']);
    const camera = raw['camera'] as { x: number; y: number; zoom: number } | undefined;
    steps.push({
      reveal: ((raw['reveal'] ?? []) as string[]).map(clean),
      focus: ((raw['focus'] ?? []) as string[]).map(clean),
      ...(camera !== undefined ? { camera: { x: camera.x, y: camera.y, zoom: camera.zoom } } : {}),
      caption,
      ...(notes !== undefined && hasVisibleText(notes) ? { notes } : {}),
    });
  }
  return { ok: true, order, value: { id, title, steps } };
}
