/**
 * Writing model elements into the document, in the shapes doc-schema.ts describes. Callers pass
 * elements that have already passed the rules; these functions only lay them out, inside the
 * caller's transaction.
 */
import * as Y from 'yjs';
import { LANGUAGES, type Actor, type ArgEdge, type ArgMap, type ArgNode, type Bilingual, type JsonData, type Source, type Tour, type TourStep } from '../model.ts';
import { META_FIELD, NODE_FIELD, rootsOf, type NodeRecord } from './doc-schema.ts';

function bilingual(text: Bilingual): Bilingual {
  return { ...(text.zh !== undefined ? { zh: text.zh } : {}), ...(text.en !== undefined ? { en: text.en } : {}) };
}

export function nodeRecord(node: ArgNode, order: number): NodeRecord {
  const record: NodeRecord = new Y.Map();
  record.set(NODE_FIELD.order, order);
  record.set(NODE_FIELD.kind, node.kind);
  for (const language of LANGUAGES) {
    const text = node.text[language];
    if (text !== undefined) record.set(language, new Y.Text(text));
  }
  if (node.actor !== undefined) record.set(NODE_FIELD.actor, node.actor);
  if (node.quote !== undefined) record.set(NODE_FIELD.quote, { source: node.quote.source, text: node.quote.text });
  if (node.position !== undefined) record.set(NODE_FIELD.position, { x: node.position.x, y: node.position.y });
  if (node.tags !== undefined) record.set(NODE_FIELD.tags, [...node.tags]);
  if (node.section !== undefined) record.set(NODE_FIELD.section, node.section);
  return record;
}

export function edgeRecord(edge: ArgEdge, order: number): object {
  return {
    order,
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
    ...(edge.group !== undefined ? { group: edge.group } : {}),
    ...(edge.scheme !== undefined ? { scheme: edge.scheme } : {}),
  };
}

export function actorRecord(actor: Actor, order: number): object {
  return { order, name: bilingual(actor.name), ...(actor.affiliation !== undefined ? { affiliation: bilingual(actor.affiliation) } : {}) };
}

export function sourceRecord(source: Source, order: number): object {
  return {
    order,
    title: bilingual(source.title),
    ...(source.file !== undefined ? { file: source.file } : {}),
    ...(source.url !== undefined ? { url: source.url } : {}),
  };
}

function stepRecord(step: TourStep): object {
  return {
    reveal: [...step.reveal],
    focus: [...step.focus],
    ...(step.camera !== undefined ? { camera: { x: step.camera.x, y: step.camera.y, zoom: step.camera.zoom } } : {}),
    caption: bilingual(step.caption),
    ...(step.notes !== undefined ? { notes: bilingual(step.notes) } : {}),
  };
}

export function tourRecord(tour: Tour, order: number): object {
  return { order, title: bilingual(tour.title), steps: tour.steps.map(stepRecord) };
}

/** Extensions as JSON text of [namespace, value] pairs: their order is kept and no key is ever assigned. */
export function extensionsText(extensions: ReadonlyMap<string, JsonData>): string {
  return JSON.stringify([...extensions]);
}

/** Writes a whole map into an empty document, in one transaction by `origin`. */
export function writeMap(doc: Y.Doc, map: ArgMap, origin: unknown): void {
  const roots = rootsOf(doc);
  doc.transact(() => {
    roots.meta.set(META_FIELD.schemaVersion, map.schemaVersion);
    roots.meta.set(META_FIELD.title, bilingual(map.title));
    roots.meta.set(META_FIELD.toursListed, map.tours !== undefined);
    if (map.extensions !== undefined) roots.meta.set(META_FIELD.extensions, extensionsText(map.extensions));
    map.sources.forEach((source, order) => roots.sources.set(source.id, sourceRecord(source, order)));
    map.actors.forEach((actor, order) => roots.actors.set(actor.id, actorRecord(actor, order)));
    map.nodes.forEach((node, order) => roots.nodes.set(node.id, nodeRecord(node, order)));
    map.edges.forEach((edge, order) => roots.edges.set(edge.id, edgeRecord(edge, order)));
    map.tours?.forEach((tour, order) => roots.tours.set(tour.id, tourRecord(tour, order)));
  }, origin);
}
