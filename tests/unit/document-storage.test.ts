import { describe, expect, it } from 'vitest';
import { addNode } from '../../src/core/document/index.ts';
import { deleteRecentMap, listRecentMaps, rememberRecentMap } from '../../src/ui/document-recent.ts';
import { DocumentRoom } from '../../src/ui/document-room.ts';
import { Autosave, probeIndexedDb } from '../../src/ui/document-storage.ts';
import * as Y from 'yjs';
import { makeMap } from '../support/make-map.ts';

/** A browser that refuses storage as private modes do: opening throws. */
const throwing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); }, deleteDatabase: () => { throw new DOMException('no', 'SecurityError'); } } as unknown as IDBFactory;

/** One whose open request fails later, with an error event. */
const failing = {
  open: () => {
    const request = { error: new DOMException('QuotaExceededError', 'QuotaExceededError'), onerror: null as null | (() => void) } as unknown as IDBOpenDBRequest;
    setTimeout(() => (request as unknown as { onerror: () => void }).onerror(), 0);
    return request;
  },
} as unknown as IDBFactory;

/** A channel to no other tab. */
const alone = { postMessage() {}, addEventListener() {}, removeEventListener() {}, close() {} };

describe('autosave when storage is refused', () => {
  it('says autosave is off, and why', async () => {
    expect(await probeIndexedDb(undefined)).toBe('this browser has no IndexedDB');
    expect(await probeIndexedDb(throwing)).toBe('The operation is insecure.');
    expect(await probeIndexedDb(failing)).toBe('QuotaExceededError');
    const autosave = new Autosave(new Y.Doc(), 'k', throwing);
    await autosave.loaded;
    expect(autosave.status).toEqual({ state: 'off', reason: 'The operation is insecure.' });
  });

  it('the map opens and edits in memory', async () => {
    for (const factory of [throwing, failing, undefined]) {
      const room = await DocumentRoom.open('map-1', makeMap(['a'], []), { indexedDB: factory, channel: alone });
      expect(room.autosave.status.state).toBe('off');
      expect(room.document.apply(addNode({ id: 'b', text: { en: 'still editing' } })).ok).toBe(true);
      expect(room.document.map.nodes.map((node) => node.id)).toEqual(['a', 'b']);
      await room.close();
    }
  });

  it('"Recent maps" answers with a message instead of throwing', async () => {
    expect(await listRecentMaps(throwing)).toEqual({ ok: false, message: 'The operation is insecure.' });
    expect(await listRecentMaps(undefined)).toEqual({ ok: false, message: 'this browser has no IndexedDB' });
    expect(await rememberRecentMap({ key: 'k', title: { en: 't' }, changedAt: 1, nodes: 1, edges: 0 }, throwing)).toBe(false);
    expect(await deleteRecentMap('k', failing)).toBe(false);
  });
});
