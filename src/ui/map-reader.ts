/**
 * Reading a chosen file into a map with its boxes measured in both languages and its edges'
 * ends resolved: the whole of opening that does not need the page. A big file is read in a
 * worker; only plain data crosses back (the map, its problems, the measures).
 */
import type { CsvPairBytes } from '../core/formats/csv/read-bytes.ts';
import type { ReadResult } from '../core/formats/read-map.ts';
import { type Actor, type ArgEdge, type ArgMap, type ArgNode, type Language } from '../core/model.ts';
import { linksOfMap, type EdgeLinks } from '../core/edge-links.ts';
import { followLinks, followNodes } from '../core/edit-correspondence.ts';
import { measureLanguages, measureNode, type BoxesByLanguage, type Extent, type NodeBox } from '../layout/node-boxes.ts';

/** One file, or a CSV pair (its nodes and edges files, read together). */
export type ReadRequest =
  | {
      readonly bytes: Uint8Array;
      /** The file's name: an Argdown name (`.argdown`) decides the format. */
      readonly name?: string;
    }
  | { readonly pair: CsvPairBytes };

/**
 * What the reading worker sends back, in parts: a run of nodes, of edges or of one language's
 * boxes, and last the read result with the map's nodes and edges left out. The page unpacks each
 * part in a task of its own; a 20,000-node map with its boxes took over 60 ms to unpack whole.
 */
export type ReadPart =
  | { readonly kind: 'nodes'; readonly items: readonly ArgNode[] }
  | { readonly kind: 'edges'; readonly items: readonly ArgEdge[] }
  | { readonly kind: 'boxes'; readonly language: Language; readonly items: readonly NodeBox[] }
  | { readonly kind: 'rest'; readonly read: ReadResult; readonly links?: EdgeLinks };

/** Items a part holds at most: a few milliseconds of unpacking. */
export const PART_ITEMS = 4_000;

/** What drawing a map needs worked out from it once: every node's boxes and every edge's links. */
export interface MapMeasures {
  readonly boxes: BoxesByLanguage;
  readonly links: EdgeLinks;
}

export function measureMap(map: ArgMap): MapMeasures {
  return { boxes: measureLanguages(map), links: linksOfMap(map) };
}

/** The speakers that are not the same record in both lists: added, removed or changed. */
function changedActors(before: readonly Actor[], after: readonly Actor[]): Set<string> {
  if (before === after) return new Set();
  const kept = new Map(before.map((actor) => [actor.id, actor]));
  const changed = new Set<string>();
  for (const actor of after) {
    if (kept.get(actor.id) !== actor) changed.add(actor.id);
    kept.delete(actor.id);
  }
  for (const id of kept.keys()) changed.add(id);
  return changed;
}

/** An edit's measures, with the space each node takes in the layout (`extentsOf`) worked out along. */
export interface RemeasuredMap extends MapMeasures {
  readonly extents: ReadonlyMap<string, Extent>;
}

/**
 * The measures of `map`, an edit of `previous` (measured as `measures`, taking `extents`). The
 * read model keeps the record of every node an edit did not touch as the same object, so such a
 * node keeps its boxes and extent unless its speaker's name changed; only the others are measured
 * again (measuring all 5,000 nodes of a map took 170 ms, one edit's node well under one). The
 * links are carried over while the edges are the earlier ones (`followLinks`).
 */
export function remeasureMap(map: ArgMap, previous: ArgMap, measures: MapMeasures, extents: ReadonlyMap<string, Extent>): RemeasuredMap {
  const renamed = changedActors(previous.actors, map.actors);
  let actors: Map<string, Actor> | undefined;
  const speakers = () => (actors ??= new Map(map.actors.map((actor) => [actor.id, actor])));
  const measure = (node: ArgNode, boxes: Record<Language, Map<string, NodeBox>>, extents: Map<string, Extent>) => {
    const zh = measureNode(node, 'zh', speakers());
    const en = measureNode(node, 'en', speakers());
    boxes.zh.set(node.id, zh);
    boxes.en.set(node.id, en);
    extents.set(node.id, { width: Math.max(zh.width, en.width), height: Math.max(zh.height, en.height) });
  };
  const whole = measures.boxes.zh.size === previous.nodes.length && measures.boxes.en.size === previous.nodes.length && extents.size === previous.nodes.length;
  const followed = whole ? followNodes(map.nodes, previous.nodes) : undefined;
  if (followed) {
    // Nodes removed anywhere, added at the end (or neither: a text, a place, a speaker changed):
    // the measures are copied whole, which keeps them in node order; copying a map of 5,000
    // entries costs a fraction of building it one entry at a time.
    const boxes = { zh: new Map(measures.boxes.zh), en: new Map(measures.boxes.en) };
    const nextExtents = new Map(extents);
    for (const id of followed.removed) {
      boxes.zh.delete(id);
      boxes.en.delete(id);
      nextExtents.delete(id);
    }
    map.nodes.forEach((node, index) => {
      const at = followed.previousIndex[index]!;
      if (at < 0 || node !== previous.nodes[at] || (node.actor !== undefined && renamed.has(node.actor))) measure(node, boxes, nextExtents);
    });
    // Nodes added at the end keep every earlier index.
    const sameIndices = followed.removed.length === 0;
    const links = map.edges === previous.edges && sameIndices
      ? measures.links
      : (followLinks(map.edges, previous.edges, measures.links, followed, previous.nodes.length) ?? linksOfMap(map));
    return { boxes, links, extents: nextExtents };
  }
  // Any other change (a node inserted in the middle, the order changed): every node is placed
  // anew, keeping the measures of the nodes it kept.
  const earlier = new Map(previous.nodes.map((node) => [node.id, node]));
  const boxes = { zh: new Map<string, NodeBox>(), en: new Map<string, NodeBox>() };
  const nextExtents = new Map<string, Extent>();
  for (const node of map.nodes) {
    const keep = earlier.get(node.id) === node && (node.actor === undefined || !renamed.has(node.actor));
    const zh = keep ? measures.boxes.zh.get(node.id) : undefined;
    const en = keep ? measures.boxes.en.get(node.id) : undefined;
    const extent = keep ? extents.get(node.id) : undefined;
    if (zh && en && extent) {
      boxes.zh.set(node.id, zh);
      boxes.en.set(node.id, en);
      nextExtents.set(node.id, extent);
    } else measure(node, boxes, nextExtents);
  }
  return { boxes, links: linksOfMap(map), extents: nextExtents };
}

export interface OpenedFile {
  readonly read: ReadResult;
  /** The measures of the map read, when one was. */
  readonly measures?: MapMeasures;
}

/**
 * Below this a file is read on the page: starting a worker costs more than reading it (the seed
 * map, 55 kB, reads in a few milliseconds). A 1,000-node map (220 kB) took 66 ms on the page.
 */
export const WORKER_MIN_BYTES = 64 * 1024;

/** The format readers: not in the page's first chunk, loaded (once) when a file is first read. */
export type ReadBytes = (bytes: Uint8Array, name?: string) => ReadResult;

export function loadReader(): Promise<ReadBytes> {
  return import('../core/formats/read-map.ts').then((module) => module.readMapBytes);
}

/** A read file with the measures of its map, when it has one. */
export function openedFrom(read: ReadResult): OpenedFile {
  return read.result.ok ? { read, measures: measureMap(read.result.map) } : { read };
}

export function readOpenedFile(bytes: Uint8Array, readMapBytes: ReadBytes, name?: string): OpenedFile {
  return openedFrom(readMapBytes(bytes, name));
}

function* runs<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

export function* fileParts(opened: OpenedFile, size = PART_ITEMS): Generator<ReadPart> {
  const { read, measures } = opened;
  if (!read.result.ok) {
    yield { kind: 'rest', read };
    return;
  }
  const { map } = read.result;
  for (const items of runs(map.nodes, size)) yield { kind: 'nodes', items };
  for (const items of runs(map.edges, size)) yield { kind: 'edges', items };
  for (const language of ['zh', 'en'] as const) {
    for (const items of runs([...(measures?.boxes[language].values() ?? [])], size)) yield { kind: 'boxes', language, items };
  }
  yield { kind: 'rest', read: { ...read, result: { ...read.result, map: { ...map, nodes: [], edges: [] } } }, ...(measures ? { links: measures.links } : {}) };
}

/** The file again from its parts, in the order `fileParts` made them. */
export function joinParts(parts: readonly ReadPart[]): OpenedFile {
  const nodes: ArgNode[] = [];
  const edges: ArgEdge[] = [];
  const boxes = { zh: new Map<string, NodeBox>(), en: new Map<string, NodeBox>() };
  let rest: Extract<ReadPart, { kind: 'rest' }> | undefined;
  for (const part of parts) {
    if (part.kind === 'nodes') nodes.push(...part.items);
    else if (part.kind === 'edges') edges.push(...part.items);
    else if (part.kind === 'boxes') for (const box of part.items) boxes[part.language].set(box.id, box);
    else rest = part;
  }
  if (!rest) throw new Error('the reading worker sent no result');
  const { read, links } = rest;
  if (!read.result.ok) return { read };
  const map = { ...read.result.map, nodes, edges };
  return { read: { ...read, result: { ...read.result, map } }, measures: { boxes, links: links ?? linksOfMap(map) } };
}

/** Reads in a worker where the page can start one, else (or when it fails to start) on the page. */
export async function readFileBytes(bytes: Uint8Array, name?: string): Promise<OpenedFile> {
  const onPage = async (): Promise<OpenedFile> => readOpenedFile(bytes, await loadReader(), name);
  return bytes.length < WORKER_MIN_BYTES ? onPage() : readInWorker({ bytes, name }, onPage);
}

/** A CSV pair, read as a file is: in the worker when the two files together are big. */
export async function readCsvPairFiles(pair: CsvPairBytes): Promise<OpenedFile> {
  const onPage = async (): Promise<OpenedFile> => openedFrom((await import('../core/formats/csv/read-bytes.ts')).readCsvPairBytes(pair));
  return pair.nodes.bytes.length + pair.edges.bytes.length < WORKER_MIN_BYTES ? onPage() : readInWorker({ pair }, onPage);
}

function readInWorker(request: ReadRequest, onPage: () => Promise<OpenedFile>): Promise<OpenedFile> {
  if (typeof Worker !== 'function') return onPage();
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
    const parts: ReadPart[] = [];
    worker.onmessage = ({ data }: MessageEvent<ReadPart>) => {
      parts.push(data);
      if (data.kind !== 'rest') return;
      worker.terminate();
      resolve(joinParts(parts));
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(onPage());
    };
    worker.postMessage(request);
  });
}
