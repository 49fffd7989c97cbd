/** The rooms' SQLite store: compaction never drops from disk what another server logged or folded in. */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomStore } from '../../src/server/room-store.ts';
import { tempDataDir } from '../support/collab-server.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stored(store: RoomStore, id: string): Y.Doc {
  const room = store.load(id)!;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, room.state);
  for (const update of room.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('RoomStore.compact', () => {
  it('two servers on one folder, each compacting with a state the other has not caught up with, lose nothing', () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const store = new RoomStore(dir, { shared: true });
    const base = new Y.Doc();
    base.getMap('nodes').set('a', 'kept');
    base.getMap('nodes').set('gone', 'deleted by A');
    store.createRoom('room', Y.encodeStateAsUpdate(base));
    const serverA = new Y.Doc();
    const serverB = new Y.Doc();
    Y.applyUpdate(serverA, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(serverB, Y.encodeStateAsUpdate(base));
    serverA.on('update', (update: Uint8Array) => store.append('room', update));
    serverB.on('update', (update: Uint8Array) => store.append('room', update));

    // B logs an edit that has not reached A yet; A compacts.
    serverB.getMap('nodes').set('b', 'from B');
    serverA.getMap('nodes').delete('gone');
    store.compact('room', Y.encodeStateAsUpdate(serverA));
    // B compacts with a state that lacks A's delete, already folded into the stored state.
    store.compact('room', Y.encodeStateAsUpdate(serverB));

    const nodes = stored(store, 'room').getMap('nodes');
    expect(nodes.get('a')).toBe('kept');
    expect(nodes.get('b')).toBe('from B');
    expect(nodes.has('gone')).toBe(false);
    expect(store.load('room')!.updates).toHaveLength(0);
    store.close();
  });
});

describe('RoomExtension.onStoreDocument', () => {
  it('a compaction that fails (the database busy under other servers) is one log line, never a crashed server', async () => {
    const { RoomExtension } = await import('../../src/server/room-extension.ts');
    const { DEFAULT_LIMITS } = await import('../../src/server/limits.ts');
    const logs: string[] = [];
    const busy = { compact: () => { throw new Error('database is locked'); } } as unknown as RoomStore;
    const extension = new RoomExtension(busy, Buffer.alloc(32), DEFAULT_LIMITS, (line) => logs.push(line));
    const payload = { document: new Y.Doc(), documentName: 'abcdefghijklmnopqrstuv' } as unknown as Parameters<typeof extension.onStoreDocument>[0];
    await expect(extension.onStoreDocument(payload)).resolves.toBeUndefined();
    expect(logs).toEqual(['error room=abcdefgh compacting: database is locked']);
  });
});
