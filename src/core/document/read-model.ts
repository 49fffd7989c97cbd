/**
 * The read model: the validated, immutable ArgMap that layout, semantics, rendering, search and
 * export read, derived from the document after every transaction. Two stages:
 *   read  — each record the transaction touched is read again (records it did not touch keep
 *           their ArgNode/ArgEdge objects, so unchanged elements stay identical);
 *   link  — the elements are joined by the rules of links.ts; an element that breaks one (left
 *           behind by two replicas' concurrent edits, or sent by a hostile one) is not part of
 *           the map and is reported as a problem, so the map is always valid.
 * Both stages look only at what the transaction touched, and linker.ts at its neighbours.
 */
import * as Y from 'yjs';
import type { Actor, ArgEdge, ArgMap, ArgNode, Bilingual, JsonData, MapIndex, Source, Tour } from '../model.ts';
import { quoteForMessage } from '../problems.ts';
import { META_FIELD, rootsOf, type RecordKind, type Roots } from './doc-schema.ts';
import { Linker, type DocumentProblem, type MapLists, type Records } from './linker.ts';
import { readActor, readEdge, readNode, readSource, readTour } from './read-records.ts';
import { RecordSet } from './record-set.ts';
import { hasVisibleText, LIMITS, withoutBlankLanguages } from './record-rules.ts';

export type { DocumentProblem } from './linker.ts';

export interface Touched {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  readonly sources: ReadonlySet<string>;
  readonly tours: ReadonlySet<string>;
  readonly meta: boolean;
}

export interface ReadModelChange {
  readonly map: ArgMap;
  readonly previous: ArgMap;
  readonly touched: Touched;
  /** The transaction's origin: an edit, the undo manager, a provider. */
  readonly origin: unknown;
  readonly local: boolean;
}

const UNTITLED: Bilingual = { zh: '未命名论证图', en: 'Untitled map' };

// Yjs types its shared types by their event type; the read stage only compares and walks them.
type SharedType = Y.AbstractType<any>;

interface Meta {
  readonly schemaVersion: number;
  readonly title: Bilingual;
  readonly toursListed: boolean;
  readonly extensions?: ReadonlyMap<string, JsonData>;
}

export class ReadModel {
  readonly #doc: Y.Doc;
  readonly #roots: Roots;
  readonly #records: Records = {
    nodes: new RecordSet<ArgNode>(readNode),
    edges: new RecordSet<ArgEdge>(readEdge),
    actors: new RecordSet<Actor>(readActor),
    sources: new RecordSet<Source>(readSource),
    tours: new RecordSet<Tour>(readTour),
  };
  readonly #linker = new Linker(this.#records);
  readonly #listeners = new Set<(change: ReadModelChange) => void>();
  #map: ArgMap;
  #metaProblems: readonly DocumentProblem[] = [];
  #problems: readonly DocumentProblem[] | undefined;
  #linkedProblems: readonly DocumentProblem[] = [];
  #meta: Meta = { schemaVersion: 1, title: UNTITLED, toursListed: false };
  readonly #onTransaction = (transaction: Y.Transaction): void => this.#update(transaction);

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    this.#roots = rootsOf(doc);
    this.#readMeta();
    const nodes = this.#records.nodes.readAll(this.#roots.nodes);
    const edges = this.#records.edges.readAll(this.#roots.edges);
    this.#records.actors.readAll(this.#roots.actors);
    this.#records.sources.readAll(this.#roots.sources);
    this.#records.tours.readAll(this.#roots.tours);
    const empty: ArgMap = { schemaVersion: 1, title: UNTITLED, sources: [], actors: [], nodes: [], edges: [] };
    this.#map = this.#assemble(this.#linker.link({ nodes, edges, namesChanged: true, toursChanged: true }, empty, this.#meta.toursListed));
    doc.on('afterTransaction', this.#onTransaction);
  }

  get map(): ArgMap {
    return this.#map;
  }

  /** Everything in the document that is not part of the map; empty for a document only edits made. */
  get problems(): readonly DocumentProblem[] {
    const linked = this.#linker.problems;
    if (this.#problems === undefined || linked !== this.#linkedProblems) {
      this.#linkedProblems = linked;
      this.#problems = this.#metaProblems.length === 0 ? linked : [...this.#metaProblems, ...linked];
    }
    return this.#problems;
  }

  /** Lookups by id over `map`, kept up to date as it changes (read them before the next transaction). */
  get index(): MapIndex {
    return this.#linker.index;
  }

  /** The highest order in use in a collection, so that an append goes last. */
  lastOrder(kind: RecordKind): number {
    const set: RecordSet<{ readonly id: string }> = this.#records[kind];
    const ids = set.sorted.ids;
    // Records that do not read sort last with an infinite order; the last finite one counts.
    for (let index = ids.length - 1; index >= 0; index -= 1) {
      const order = set.reads.get(ids[index]!)?.order ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(order)) return order;
    }
    return -1;
  }

  onChange(listener: (change: ReadModelChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    this.#doc.off('afterTransaction', this.#onTransaction);
    this.#listeners.clear();
  }

  #assemble(lists: MapLists): ArgMap {
    const meta = this.#meta;
    return {
      schemaVersion: meta.schemaVersion,
      title: meta.title,
      ...lists,
      ...(meta.extensions !== undefined ? { extensions: meta.extensions } : {}),
    } as ArgMap;
  }

  #update(transaction: Y.Transaction): void {
    if (transaction.changed.size === 0) return;
    const touched = this.#touched(transaction);
    const previous = this.#map;
    if (touched.meta) {
      this.#readMeta();
      this.#problems = undefined;
    }
    const records = this.#records;
    const roots = this.#roots;
    const nodes = new Map([...touched.nodes].map((id) => [id, records.nodes.refresh(id, roots.nodes)]));
    const edges = new Map([...touched.edges].map((id) => [id, records.edges.refresh(id, roots.edges)]));
    for (const id of touched.actors) records.actors.refresh(id, roots.actors);
    for (const id of touched.sources) records.sources.refresh(id, roots.sources);
    for (const id of touched.tours) records.tours.refresh(id, roots.tours);
    const lists = this.#linker.link(
      { nodes, edges, namesChanged: touched.actors.size > 0 || touched.sources.size > 0, toursChanged: touched.tours.size > 0 || touched.meta },
      previous,
      this.#meta.toursListed,
    );
    const unchanged = !touched.meta && lists.nodes === previous.nodes && lists.edges === previous.edges && lists.actors === previous.actors
      && lists.sources === previous.sources && lists.tours === previous.tours;
    if (unchanged) return;
    this.#map = this.#assemble(lists);
    const change: ReadModelChange = { map: this.#map, previous, touched, origin: transaction.origin, local: transaction.local };
    for (const listener of this.#listeners) listener(change);
  }

  #touched(transaction: Y.Transaction): Touched {
    const roots = this.#roots;
    const touched = { nodes: new Set<string>(), edges: new Set<string>(), actors: new Set<string>(), sources: new Set<string>(), tours: new Set<string>(), meta: false };
    const byRoot = new Map<SharedType, Set<string>>([
      [roots.nodes, touched.nodes], [roots.edges, touched.edges], [roots.actors, touched.actors], [roots.sources, touched.sources], [roots.tours, touched.tours],
    ]);
    for (const [changedType, keys] of transaction.changed) {
      const type: SharedType = changedType;
      if (type === roots.meta) {
        touched.meta = true;
        continue;
      }
      const ids = byRoot.get(type);
      if (ids !== undefined) {
        for (const key of keys) if (key !== null) ids.add(key);
        continue;
      }
      const nodeId = this.#nodeIdOf(type);
      if (nodeId !== undefined) touched.nodes.add(nodeId);
    }
    return touched;
  }

  /** The node a nested type (a node's record or one of its texts) belongs to. */
  #nodeIdOf(type: SharedType): string | undefined {
    let current: SharedType = type;
    for (let depth = 0; depth < 8; depth += 1) {
      const item = current._item;
      if (item === null || !(item.parent instanceof Y.AbstractType)) return undefined;
      if (item.parent === this.#roots.nodes) return item.parentSub ?? undefined;
      current = item.parent;
    }
    return undefined;
  }

  #readMeta(): void {
    const meta = this.#roots.meta;
    const problems: DocumentProblem[] = [];
    const version = meta.get(META_FIELD.schemaVersion);
    if (version !== 1) problems.push({ pointer: '/schemaVersion', message: `schemaVersion must be 1, not ${quoteForMessage(String(version))}` });
    const title = readBilingual(meta.get(META_FIELD.title));
    if (title === undefined) problems.push({ pointer: '/title', message: 'the map has no title' });
    const extensions = readExtensions(meta.get(META_FIELD.extensions));
    if (extensions === 'invalid') problems.push({ pointer: '/extensions', message: 'extensions are not a list of namespaces and JSON data' });
    this.#metaProblems = problems;
    this.#meta = {
      schemaVersion: 1,
      title: title ?? UNTITLED,
      toursListed: meta.get(META_FIELD.toursListed) === true,
      ...(extensions !== undefined && extensions !== 'invalid' ? { extensions } : {}),
    };
  }
}

function readBilingual(value: unknown): Bilingual | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const text = withoutBlankLanguages({
    ...(typeof record['zh'] === 'string' && Object.hasOwn(record, 'zh') ? { zh: record['zh'] } : {}),
    ...(typeof record['en'] === 'string' && Object.hasOwn(record, 'en') ? { en: record['en'] } : {}),
  });
  const tooLong = (text.zh?.length ?? 0) > LIMITS.text || (text.en?.length ?? 0) > LIMITS.text;
  return hasVisibleText(text) && !tooLong ? text : undefined;
}

const NAMESPACE = /^[a-z][a-z0-9-]{0,31}$/;
const MAX_NAMESPACES = 20;

/** Extensions stored as JSON text; JSON.parse defines keys (even `__proto__`) as own data. */
function readExtensions(value: unknown): ReadonlyMap<string, JsonData> | undefined | 'invalid' {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return 'invalid';
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'invalid';
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_NAMESPACES) return 'invalid';
  const extensions = new Map<string, JsonData>();
  for (const entry of parsed as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !NAMESPACE.test(entry[0]) || extensions.has(entry[0])) return 'invalid';
    extensions.set(entry[0], entry[1] as JsonData);
  }
  return extensions;
}
