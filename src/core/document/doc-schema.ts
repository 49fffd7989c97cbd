/**
 * How a map sits in a Y.Doc. Every collection is a root `Y.Map` keyed by id, so two people adding,
 * changing or deleting different elements never conflict, and a transaction's changed types name
 * exactly the elements it touched. Each record keeps an `order` number: a map's lists are ordered
 * (export, outline, AIF write-back read them in order) and a Y.Map is not; concurrent appends that
 * draw the same number are ordered by id, the same way on every replica.
 *
 *   meta     Y.Map  schemaVersion: 1, title: Bilingual, toursListed: boolean,
 *                   extensions?: string (JSON of [namespace, value][]: order kept, and no key of a
 *                   remote update is ever assigned onto an object)
 *   nodes    Y.Map<id, Y.Map>  order, kind, zh?: Y.Text, en?: Y.Text, actor?, quote?: {source, text},
 *                              position?: {x, y}, tags?: string[], section?
 *   edges    Y.Map<id, {order, from, to, kind, group?, scheme?}>
 *   actors   Y.Map<id, {order, name, affiliation?}>
 *   sources  Y.Map<id, {order, title, file?, url?}>
 *   tours    Y.Map<id, {order, title, steps}>
 *
 * Only node texts are `Y.Text` (two people typing in one claim merge); the other records are
 * plain values that change as a whole, last writer wins.
 */
import * as Y from 'yjs';
import type { Language } from '../model.ts';

export const ROOT = {
  meta: 'meta',
  nodes: 'nodes',
  edges: 'edges',
  actors: 'actors',
  sources: 'sources',
  tours: 'tours',
} as const;

export type Collection = 'edges' | 'actors' | 'sources' | 'tours';
export type RecordKind = 'nodes' | Collection;

/** Keys of a node's Y.Map; texts sit under their language code. */
export const NODE_FIELD = {
  order: 'order',
  kind: 'kind',
  actor: 'actor',
  quote: 'quote',
  position: 'position',
  tags: 'tags',
  section: 'section',
} as const;

export const META_FIELD = {
  schemaVersion: 'schemaVersion',
  title: 'title',
  toursListed: 'toursListed',
  extensions: 'extensions',
} as const;

/** A node's record: plain fields and one Y.Text per language. */
export type NodeRecord = Y.Map<unknown>;

export interface Roots {
  readonly meta: Y.Map<unknown>;
  readonly nodes: Y.Map<NodeRecord>;
  readonly edges: Y.Map<unknown>;
  readonly actors: Y.Map<unknown>;
  readonly sources: Y.Map<unknown>;
  readonly tours: Y.Map<unknown>;
}

const rootsByDoc = new WeakMap<Y.Doc, Roots>();

export function rootsOf(doc: Y.Doc): Roots {
  let roots = rootsByDoc.get(doc);
  if (roots === undefined) {
    roots = {
      meta: doc.getMap(ROOT.meta),
      nodes: doc.getMap<NodeRecord>(ROOT.nodes),
      edges: doc.getMap(ROOT.edges),
      actors: doc.getMap(ROOT.actors),
      sources: doc.getMap(ROOT.sources),
      tours: doc.getMap(ROOT.tours),
    };
    rootsByDoc.set(doc, roots);
  }
  return roots;
}

export function nodeText(record: NodeRecord, language: Language): Y.Text | undefined {
  const text = record.get(language);
  return text instanceof Y.Text ? text : undefined;
}
