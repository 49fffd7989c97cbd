/** ArgMap → document → ArgMap. */
import * as Y from 'yjs';
import type { ArgMap } from '../model.ts';
import { ReadModel } from './read-model.ts';
import { writeMap } from './write-records.ts';
import { META_FIELD, rootsOf } from './doc-schema.ts';

/** The origin of the transaction that fills a document from a map: not an edit, so not undoable. */
export const LOAD_ORIGIN = Symbol('argmap load');

/** A new document holding `map`, which must be a validated map. */
export function mapToDocument(map: ArgMap, options?: { readonly clientID?: number }): Y.Doc {
  const doc = new Y.Doc();
  if (options?.clientID !== undefined) doc.clientID = options.clientID;
  writeMap(doc, map, LOAD_ORIGIN);
  return doc;
}

/** The map a document holds (its valid part; see ReadModel). */
export function documentToMap(doc: Y.Doc): ArgMap {
  const model = new ReadModel(doc);
  const map = model.map;
  model.destroy();
  return map;
}

/** Whether a document holds no map yet (a new one, before its stored or shared changes arrive). */
export function isEmptyDocument(doc: Y.Doc): boolean {
  return rootsOf(doc).meta.get(META_FIELD.schemaVersion) === undefined;
}

/** Writes `map` into an empty document, in one transaction that undo does not track. */
export function fillDocument(doc: Y.Doc, map: ArgMap): void {
  writeMap(doc, map, LOAD_ORIGIN);
}
