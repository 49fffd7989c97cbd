/**
 * The read model: the validated, immutable ArgMap that layout, semantics, rendering, search and
 * export read, derived from the document after every transaction. Two stages:
 *   read  — each record the transaction touched is read again (records it did not touch keep
 *           their ArgNode/ArgEdge objects, so unchanged elements stay identical);
 *   link  — the elements are joined by the rules of links.ts; an element that breaks one (left
 *           behind by two replicas' concurrent edits, or sent by a hostile one) is not part of
 *           the map and is reported as a problem, so the map is always valid.
 * Typing in a text touches no link, so that common case skips the link stage.
 */
import * as Y from 'yjs';
import { type Actor, type ArgEdge, type ArgMap, type ArgNode, type Bilingual, type JsonData, type Source, type Tour } from '../model.ts';
import { childPointer } from '../json/pointer.ts';
import { META_FIELD, rootsOf, type RecordKind, type Roots } from './doc-schema.ts';
import { edgeLinkProblem, groupProblem, nodeLinkProblem } from './links.ts';
import { readActor, readEdge, readNode, readSource, readTour, type RecordRead } from './read-records.ts';
import { hasVisibleText, LIMITS, withoutBlankLanguages } from './record-rules.ts';
import { SortedIds } from './sorted-ids.ts';
import { quoteForMessage } from '../problems.ts';

/** A problem of the document: `pointer` names the element by id (`/nodes/n1/text/en`), not by place. */
export interface DocumentProblem {
  readonly pointer: string;
  readonly message: string;
  readonly id?: string;
}

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

/** A root collection as the read stage sees it. */
interface Stored {
  get(id: string): unknown;
  keys(): IterableIterator<string>;
}

/** Any shared type: what a transaction reports as changed. */
// Yjs types its shared types by their event type; the read stage only compares and walks them.
type SharedType = Y.AbstractType<any>;

class RecordSet<T extends { readonly id: string }> {
  readonly reads = new Map<string, RecordRead<T>>();
  readonly sorted = new SortedIds((id) => this.reads.get(id)?.order ?? Number.POSITIVE_INFINITY);
  readonly #read: (id: string, stored: unknown) => RecordRead<T>;

  constructor(read: (id: string, stored: unknown) => RecordRead<T>) {
    this.#read = read;
  }

  /** Reads the record of `id` again; returns its reads before and after. */
  refresh(id: string, root: Stored): { before: RecordRead<T> | undefined; after: RecordRead<T> | undefined } {
    const before = this.reads.get(id);
    const stored = root.get(id);
    const after = stored === undefined ? undefined : this.#read(id, stored);
    if (after === undefined) {
      if (before !== undefined) {
        this.reads.delete(id);
        this.sorted.remove(id);
      }
    } else {
      this.reads.set(id, after);
      if (before === undefined) this.sorted.add(id);
      else if (before.order !== after.order) this.sorted.moved();
    }
    return { before, after };
  }

  readAll(root: Stored): void {
    for (const id of root.keys()) this.refresh(id, root);
  }
}

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The fields of a node that other elements' rules look at. */
function sameLinks(a: ArgNode, b: ArgNode): boolean {
  return a.kind === b.kind && a.actor === b.actor && a.quote?.source === b.quote?.source;
}

export class ReadModel {
  readonly #doc: Y.Doc;
  readonly #roots: Roots;
  readonly #nodes = new RecordSet<ArgNode>(readNode);
  readonly #edges = new RecordSet<ArgEdge>(readEdge);
  readonly #actors = new RecordSet<Actor>(readActor);
  readonly #sources = new RecordSet<Source>(readSource);
  readonly #tours = new RecordSet<Tour>(readTour);
  readonly #listeners = new Set<(change: ReadModelChange) => void>();
  /** Where each shown node sits in `map.nodes`, for the typing path. */
  #nodeIndex = new Map<string, number>();
  #map: ArgMap;
  #problems: readonly DocumentProblem[] = [];
  #metaProblems: readonly DocumentProblem[] = [];
  #meta: Pick<ArgMap, 'schemaVersion' | 'title' | 'extensions'> & { toursListed: boolean } = { schemaVersion: 1, title: UNTITLED, toursListed: false };
  readonly #onTransaction = (transaction: Y.Transaction): void => this.#update(transaction);

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    this.#roots = rootsOf(doc);
    this.#map = { schemaVersion: 1, title: UNTITLED, sources: [], actors: [], nodes: [], edges: [] };
    this.#readMeta();
    this.#nodes.readAll(this.#roots.nodes);
    this.#edges.readAll(this.#roots.edges);
    this.#actors.readAll(this.#roots.actors);
    this.#sources.readAll(this.#roots.sources);
    this.#tours.readAll(this.#roots.tours);
    this.#link();
    doc.on('afterTransaction', this.#onTransaction);
  }

  get map(): ArgMap {
    return this.#map;
  }

  /** Everything in the document that is not part of the map; empty for a document only edits made. */
  get problems(): readonly DocumentProblem[] {
    return this.#problems;
  }

  /** Read results by id, for edits that check a record before they change it. */
  nodeRead(id: string): RecordRead<ArgNode> | undefined {
    return this.#nodes.reads.get(id);
  }

  /** The highest order in use in a collection, so that an append goes last. */
  lastOrder(kind: RecordKind): number {
    const set = this.#set(kind);
    const ids = set.sorted.ids;
    let last = -1;
    // Failed reads sort last with an infinite order; the last finite one is what counts.
    for (let index = ids.length - 1; index >= 0; index -= 1) {
      const order = set.reads.get(ids[index]!)?.order ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(order)) {
        last = order;
        break;
      }
    }
    return last;
  }

  onChange(listener: (change: ReadModelChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    this.#doc.off('afterTransaction', this.#onTransaction);
    this.#listeners.clear();
  }

  #set(kind: RecordKind): RecordSet<{ readonly id: string }> {
    switch (kind) {
      case 'nodes': return this.#nodes;
      case 'edges': return this.#edges;
      case 'actors': return this.#actors;
      case 'sources': return this.#sources;
      case 'tours': return this.#tours;
    }
  }

  #update(transaction: Y.Transaction): void {
    if (transaction.changed.size === 0) return;
    const touched = this.#touched(transaction);
    const previous = this.#map;
    if (touched.meta) this.#readMeta();
    let linksChanged = touched.meta;
    const patched = new Map<string, ArgNode>();
    for (const id of touched.nodes) {
      const { before, after } = this.#nodes.refresh(id, this.#roots.nodes);
      const stable = before?.ok === true && after?.ok === true && before.order === after.order && sameLinks(before.value, after.value) && this.#nodeIndex.has(id);
      if (stable) patched.set(id, after.value);
      else linksChanged = true;
    }
    const others: [RecordKind, ReadonlySet<string>][] = [['edges', touched.edges], ['actors', touched.actors], ['sources', touched.sources], ['tours', touched.tours]];
    for (const [kind, ids] of others) {
      for (const id of ids) {
        this.#set(kind).refresh(id, this.#roots[kind]);
        linksChanged = true;
      }
    }
    if (linksChanged) this.#link();
    else if (patched.size > 0) this.#patchNodes(patched);
    else return;
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
      current = item.parent as SharedType;
    }
    return undefined;
  }

  #readMeta(): void {
    const meta = this.#roots.meta;
    const problems: DocumentProblem[] = [];
    const version = meta.get(META_FIELD.schemaVersion);
    if (version !== 1) problems.push({ pointer: '/schemaVersion', message: `schemaVersion must be 1, not ${quoteForMessage(String(version))}` });
    const rawTitle = meta.get(META_FIELD.title);
    const title = readBilingual(rawTitle);
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

  #link(): void {
    const problems: DocumentProblem[] = [...this.#metaProblems];
    const report = (collection: string, id: string, message: string, field?: string): void => {
      const pointer = childPointer(`/${collection}`, id);
      problems.push({ pointer: field === undefined ? pointer : `${pointer}/${field}`, message, id });
    };
    const shown = <T extends { readonly id: string }>(collection: string, set: RecordSet<T>): T[] => {
      const items: T[] = [];
      for (const id of set.sorted.ids) {
        const read = set.reads.get(id)!;
        if (read.ok) items.push(read.value);
        else report(collection, id, read.problem);
      }
      return items;
    };
    const actors = shown('actors', this.#actors);
    const sources = shown('sources', this.#sources);
    const actorById = new Map(actors.map((actor) => [actor.id, actor]));
    const sourceById = new Map(sources.map((source) => [source.id, source]));

    const nodes: ArgNode[] = [];
    const nodeById = new Map<string, ArgNode>();
    for (const node of shown('nodes', this.#nodes)) {
      const problem = nodeLinkProblem(node, actorById, sourceById);
      if (problem !== undefined) report('nodes', node.id, problem);
      else {
        nodeById.set(node.id, node);
        nodes.push(node);
      }
    }

    const candidates = shown('edges', this.#edges);
    const candidateById = new Map(candidates.map((edge) => [edge.id, edge]));
    const shownEdges = new Map<string, ArgEdge>();
    const firstOfGroup = new Map<string, ArgEdge>();
    for (const edge of candidates) {
      if (edge.kind === 'undercut') continue;
      const problem = edgeLinkProblem(edge, { nodes: nodeById, edges: candidateById }) ?? groupProblem(edge, edge.group === undefined ? undefined : firstOfGroup.get(edge.group));
      if (problem !== undefined) {
        report('edges', edge.id, problem);
        continue;
      }
      if (edge.group !== undefined && !firstOfGroup.has(edge.group)) firstOfGroup.set(edge.group, edge);
      shownEdges.set(edge.id, edge);
    }
    const undercuts = candidates.filter((edge) => edge.kind === 'undercut');
    if (undercuts.length > 0) {
      // An undercut of an undercut is named as such, not as a missing edge.
      const targets = new Map(shownEdges);
      for (const edge of undercuts) targets.set(edge.id, edge);
      for (const edge of undercuts) {
        const problem = edgeLinkProblem(edge, { nodes: nodeById, edges: targets });
        if (problem !== undefined) report('edges', edge.id, problem);
        else shownEdges.set(edge.id, edge);
      }
    }
    const edges = undercuts.length === 0 ? [...shownEdges.values()] : candidates.filter((edge) => shownEdges.has(edge.id));

    const tours = shown('tours', this.#tours).map((tour) => {
      let changed = false;
      const steps = tour.steps.map((step, index) => {
        const present = (id: string): boolean => nodeById.has(id) || shownEdges.has(id);
        if (step.reveal.every(present) && step.focus.every(present)) return step;
        changed = true;
        for (const id of [...step.reveal, ...step.focus].filter((id) => !present(id))) {
          report('tours', tour.id, `step ${index + 1} names a missing node or edge ${quoteForMessage(id)}`, `steps/${index}`);
        }
        return { ...step, reveal: step.reveal.filter(present), focus: step.focus.filter(present) };
      });
      return changed ? { ...tour, steps } : tour;
    });

    const previous = this.#map;
    const keep = <T>(next: T[], before: readonly T[] | undefined): readonly T[] => (before !== undefined && sameArray(next, before) ? before : next);
    const meta = this.#meta;
    const listTours = meta.toursListed || tours.length > 0;
    this.#map = {
      schemaVersion: meta.schemaVersion,
      title: meta.title,
      sources: keep(sources, previous.sources),
      actors: keep(actors, previous.actors),
      nodes: keep(nodes, previous.nodes),
      edges: keep(edges, previous.edges),
      ...(listTours ? { tours: keep(tours, previous.tours) } : {}),
      ...(meta.extensions !== undefined ? { extensions: meta.extensions } : {}),
    };
    this.#nodeIndex = new Map(nodes.map((node, index) => [node.id, index]));
    this.#problems = problems;
  }

  /** Texts changed and nothing else: the same elements, some of them new objects. */
  #patchNodes(patched: ReadonlyMap<string, ArgNode>): void {
    const nodes = [...this.#map.nodes];
    for (const [id, node] of patched) nodes[this.#nodeIndex.get(id)!] = node;
    this.#map = { ...this.#map, nodes };
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
