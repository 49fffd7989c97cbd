/**
 * The page's connection to a shared room (src/ui/collab/connection.svelte.ts) against a real
 * argmap serve: its status through sync, offline and a server restart, edits made offline
 * arriving when it is back, and the server's refusals of a link and of a change told apart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { addNode, documentToMap, MapDocument, mapToDocument } from '../../src/core/document/index.ts';
import { MAX_TEXT_LENGTH } from '../../src/core/format-limits.ts';
import { readMapBytes } from '../../src/core/formats/read-map.ts';
import { RoomConnection, type Refusal } from '../../src/ui/collab/connection.svelte.ts';
import { Cleanup, createRoom, SEED_MAP, startTestServer, waitFor, WebSocket } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** A window whose network can be switched off, as the browser's offline and online events do. */
function fakeWindow() {
  const target = new EventTarget();
  const navigator = { onLine: true };
  return Object.assign(target, {
    navigator,
    go(online: boolean) {
      navigator.onLine = online;
      target.dispatchEvent(new Event(online ? 'online' : 'offline'));
    },
  });
}

function connect(url: string, room: string, token: string, window = fakeWindow()) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const refusals: Refusal[] = [];
  const connection = new RoomConnection({
    url: url.replace(/^http/, 'ws'),
    room,
    token: () => token,
    role: token.split('.')[1] === 'view' ? 'view' : 'edit',
    doc,
    awareness,
    onRefused: (refusal) => refusals.push(refusal),
    webSocket: WebSocket,
    window,
  });
  cleanup.add(connection, (made) => {
    made.destroy();
    doc.destroy();
  });
  return { connection, doc, refusals, window };
}

async function seedDocument(): Promise<Y.Doc> {
  const read = readMapBytes(SEED_MAP).result;
  if (!read.ok) throw new Error('the seed map does not read');
  return mapToDocument(read.map);
}

const nodeCount = (doc: Y.Doc): number => documentToMap(doc).nodes.length;

describe('the page’s room connection', { timeout: 20000 }, () => {
  it('is connected once in sync; offline, edits stay here and arrive when it is back on its own', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const away = connect(server.url, links.room, links.edit.token);
    const here = connect(server.url, links.room, links.edit.token);
    expect(away.connection.status).toBe('connecting');
    await Promise.all([away.connection.synced, here.connection.synced]);
    expect(away.connection.status).toBe('connected');
    const seedNodes = nodeCount(here.doc);
    expect(seedNodes).toBeGreaterThan(0);

    away.window.go(false);
    expect(away.connection.status).toBe('offline');
    const document = new MapDocument(away.doc);
    expect(document.apply(addNode({ kind: 'claim', text: { en: 'made offline' } })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nodeCount(here.doc)).toBe(seedNodes);
    expect(away.connection.status).toBe('offline');

    away.window.go(true);
    await waitFor(() => nodeCount(here.doc) === seedNodes + 1, 5000, 'the offline edit to arrive');
    await waitFor(() => away.connection.status === 'connected', 5000, 'connected again');
    document.destroy();
  });

  it('says it is reconnecting while the server is down, and is connected again after a restart on its own', async () => {
    const first = await startTestServer();
    cleanup.dir(first.dataDir);
    const port = first.server.port;
    const links = await createRoom(first.server.url);
    const client = connect(first.server.url, links.room, links.edit.token);
    await client.connection.synced;
    await first.server.close();
    await waitFor(() => client.connection.status === 'reconnecting', 5000, 'reconnecting');
    const second = await cleanup.server({ port, dataDir: first.dataDir });
    expect(second.server.port).toBe(port);
    await waitFor(() => client.connection.status === 'connected', 15000, 'connected after the restart');
    expect(client.refusals).toEqual([]);
  });

  it('a refused link rejects the first sync with the server’s reason', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const forged = connect(server.url, links.room, `${links.room}.edit.1.${'A'.repeat(43)}`);
    await expect(forged.connection.synced).rejects.toMatchObject({ kind: 'link', reason: expect.stringMatching(/^invalid-link:/) });
    expect(forged.connection.status).toBe('refused');
  });

  it('a change the server refuses (the room would be over its size) is told to the owner once, as a change', async () => {
    const text = 'x'.repeat(Math.min(MAX_TEXT_LENGTH, 4000));
    const seedBytes = Y.encodeStateAsUpdate(await seedDocument()).length;
    const { server } = await cleanup.server({ limits: { roomBytes: seedBytes + text.length / 2 } });
    const links = await createRoom(server.url);
    const client = connect(server.url, links.room, links.edit.token);
    await client.connection.synced;
    const document = new MapDocument(client.doc);
    expect(document.apply(addNode({ kind: 'claim', text: { en: text } })).ok).toBe(true);
    await waitFor(() => client.refusals.length > 0, 5000, 'the refusal');
    expect(client.refusals).toEqual([{ kind: 'change', reason: expect.stringMatching(/^room-full:/) }]);
    expect(client.connection.status).toBe('refused');
    document.destroy();
  });
});
