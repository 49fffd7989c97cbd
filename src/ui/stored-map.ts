/**
 * Opening a map autosave keeps in this browser (Recent maps, or the map open last when the page
 * comes back): its document room is read for what autosave (and any other tab) holds, and the
 * map opens with that room's key, so that editing goes on in the same room. Loaded with import():
 * it brings Yjs.
 */
import { listRecentMaps, recallSourceTexts } from './document-recent.ts';
import { DocumentRoom } from './document-room.ts';
import { pageIndexedDb } from './document-storage.ts';
import { fileNameOf } from './article-text.ts';
import { inLanguage, type Language } from '../core/model.ts';
import type { OpenedMap } from './map-session.svelte.ts';

export type StoredMap = { readonly ok: true; readonly opened: OpenedMap } | { readonly ok: false; readonly message: string };

/** The map kept under `key`, or why it cannot be opened (storage refused, nothing kept under it). */
export async function openStoredMap(key: string, language: Language, factory: IDBFactory | undefined = pageIndexedDb()): Promise<StoredMap> {
  const listed = await listRecentMaps(factory);
  if (!listed.ok) return { ok: false, message: listed.message };
  const entry = listed.maps.find((candidate) => candidate.key === key);
  if (entry === undefined) return { ok: false, message: 'this browser keeps no map under that name' };
  const room = await DocumentRoom.open(key, undefined, { indexedDB: factory });
  try {
    if (!room.restored) return { ok: false, message: 'the map kept in this browser could not be read' };
    const map = room.document.map;
    const sourceTexts = await recallSourceTexts(key, factory);
    return { ok: true, opened: { map, name: nameOfKey(key, inLanguage(map.title, language)), sourceTexts, roomKey: key } };
  } finally {
    await room.close();
  }
}

/** The name a room key gives its map: the file's name it was opened from, else the map's title. */
export function nameOfKey(key: string, title: string): string {
  if (key.startsWith('new:')) return fileNameOf(title, 'argmap');
  const colon = key.lastIndexOf(':');
  return colon > 0 ? key.slice(0, colon) : fileNameOf(title, 'argmap');
}
