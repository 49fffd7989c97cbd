/** argmap serve: rooms, links and roles, against a real server and real Hocuspocus providers. */
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { addNode, documentToMap, MapDocument } from '../../src/core/document/index.ts';
import { Cleanup, connectClient, createRoom, waitFor, WebSocket } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const nodeCount = (doc: Y.Doc) => documentToMap(doc).nodes.length;

/** A hand-made client speaking Hocuspocus's framing: authenticate, then send one raw message. */
async function rawClient(url: string, room: string, token: string, options: { origin?: string } = {}) {
  const socket = cleanup.add(new WebSocket(url.replace(/^http/, 'ws'), options.origin === undefined ? {} : { headers: { Origin: options.origin } }), (s) => s.terminate());
  const received: { type: number; reason?: string }[] = [];
  let closed: { code: number } | undefined;
  socket.on('close', (code: number) => (closed = { code }));
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    received.push(type === 7 ? { type, reason: decoding.readVarString(decoder) } : { type });
  });
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.once('unexpected-response', () => resolve(false));
  });
  const send = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room);
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  };
  if (opened)
    send((encoder) => {
      encoding.writeVarUint(encoder, 2); // Auth
      encoding.writeVarUint(encoder, 0); // Token
      encoding.writeVarString(encoder, token);
    });
  return {
    opened,
    received,
    closed: () => closed,
    sendUpdate(update: Uint8Array) {
      send((encoder) => {
        encoding.writeVarUint(encoder, 0); // Sync
        encoding.writeVarUint(encoder, 2); // Update
        encoding.writeVarUint8Array(encoder, update);
      });
    },
  };
}

describe('argmap serve: rooms and links', { timeout: 15000 }, () => {
  it('two editors on one room see each other’s edits', async () => {
    const { server, logs } = await cleanup.server();
    const links = await createRoom(server.url);
    expect(links.room).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(links.edit.url).toBe(`${server.url.replace('localhost', '127.0.0.1')}/#room=${links.room}&token=${links.edit.token}`);
    const alice = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    const bob = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    await Promise.all([alice.synced, bob.synced]);
    const before = nodeCount(bob.doc);
    expect(before).toBeGreaterThan(10);
    const edited = new MapDocument(alice.doc).apply(addNode({ text: { zh: '服务器同步的主张' } }));
    expect(edited.ok).toBe(true);
    const latencies: number[] = [];
    const aliceMap = new MapDocument(alice.doc);
    for (let edit = 0; edit < 20; edit += 1) {
      const arrived = new Promise((resolve) => bob.doc.once('update', resolve));
      const sent = performance.now();
      aliceMap.apply(addNode({ text: { zh: `第 ${edit} 个主张` } }));
      await arrived;
      latencies.push(performance.now() - sent);
    }
    latencies.sort((a, b) => a - b);
    console.info(`edit-to-other-provider latency over 20 edits: median ${latencies[10]!.toFixed(1)} ms, max ${latencies[19]!.toFixed(1)} ms`);
    expect(nodeCount(bob.doc)).toBe(before + 21);
    expect(logs.filter((line) => line.startsWith('join '))).toHaveLength(2);
    expect(logs.join('\n')).not.toContain(links.edit.token);
  });

  it('a viewer receives edits; its crafted write is refused and its connection closed', async () => {
    const { server, logs } = await cleanup.server();
    const links = await createRoom(server.url);
    const editor = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    const viewer = cleanup.client(connectClient(server.url, links.room, links.view.token));
    await Promise.all([editor.synced, viewer.synced]);
    const before = nodeCount(editor.doc);
    new MapDocument(editor.doc).apply(addNode({ text: { zh: '给观众看的' } }));
    await waitFor(() => nodeCount(viewer.doc) === before + 1, 5000, 'the edit to reach the viewer');

    const attacker = await rawClient(server.url, links.room, links.view.token);
    expect(attacker.opened).toBe(true);
    await waitFor(() => attacker.received.some((message) => message.type === 2), 5000, 'the server’s authentication reply');
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(editor.doc));
    const vector = Y.encodeStateVector(forged);
    new MapDocument(forged).apply(addNode({ text: { zh: '观众偷偷写入' } }));
    attacker.sendUpdate(Y.encodeStateAsUpdate(forged, vector));
    await waitFor(() => attacker.received.some((message) => message.type === 7), 5000, 'the refusal');
    expect(attacker.received.find((message) => message.type === 7)?.reason).toMatch(/^read-only: /);
    expect(logs.some((line) => line.startsWith('refused ') && line.includes('read-only'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(nodeCount(editor.doc)).toBe(before + 1);
    expect(nodeCount(viewer.doc)).toBe(before + 1);
  });

  it('a viewer shows its name, but presenting to the room is refused and its connection closed', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const editor = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    const viewer = cleanup.client(connectClient(server.url, links.room, links.view.token));
    await Promise.all([editor.synced, viewer.synced]);
    viewer.provider.setAwarenessField('name', '观众');
    await waitFor(() => [...editor.provider.awareness!.getStates().values()].some((state) => state['name'] === '观众'), 5000, 'the viewer’s name');
    expect(viewer.closes).toEqual([]);

    // An editor presents; the viewer follows, and its provider relaying that state back is no offence.
    editor.provider.setAwarenessField('presenting', { tour: 'overview', step: 1, blanked: false, seq: 1 });
    const presenter = editor.doc.clientID;
    await waitFor(() => (viewer.provider.awareness!.getStates().get(presenter)?.['presenting'] as { step?: number } | undefined)?.step === 1, 5000, 'the step');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(viewer.closes).toEqual([]);
    expect(editor.closes).toEqual([]);

    viewer.provider.setAwarenessField('presenting', { tour: 'overview', step: 3, blanked: false, seq: 99 });
    await waitFor(() => viewer.closes.length > 0, 5000, 'the refusal');
    expect(viewer.closes[0]).toMatch(/^read-only: a view link cannot present/);
    const viewerId = viewer.doc.clientID;
    expect(editor.provider.awareness!.getStates().get(viewerId)?.['presenting']).toBeUndefined();
  });

  it('a wrong token, a token of another room and a revoked token are refused with a reason', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const other = await createRoom(server.url);
    const forged = `${links.room}.edit.1.${'A'.repeat(43)}`;
    const wrong = cleanup.client(connectClient(server.url, links.room, forged));
    await expect(wrong.synced).rejects.toThrow(/^invalid-link: /);
    const otherRoom = cleanup.client(connectClient(server.url, links.room, other.edit.token));
    await expect(otherRoom.synced).rejects.toThrow(/^invalid-link: /);

    const viewerRenew = await fetch(`${server.url}/api/rooms/${links.room}/links`, { method: 'POST', headers: { Authorization: `Bearer ${links.view.token}` } });
    expect(viewerRenew.status).toBe(403);
    const renewed = await fetch(`${server.url}/api/rooms/${links.room}/links`, { method: 'POST', headers: { Authorization: `Bearer ${links.edit.token}` } });
    expect(renewed.status).toBe(200);
    const fresh = (await renewed.json()) as typeof links;
    expect(fresh.edit.token).not.toBe(links.edit.token);
    const revoked = cleanup.client(connectClient(server.url, links.room, links.view.token));
    await expect(revoked.synced).rejects.toThrow(/^revoked-link: /);
    const renewedViewer = cleanup.client(connectClient(server.url, links.room, fresh.view.token));
    await renewedViewer.synced;
  });

  it('refuses WebSocket upgrades and API calls from a foreign origin unless --allow-origin lists it', async () => {
    const { server } = await cleanup.server({ allowOrigins: ['https://slides.example'] });
    const links = await createRoom(server.url);
    const foreign = await rawClient(server.url, links.room, links.edit.token, { origin: 'https://evil.example' });
    expect(foreign.opened).toBe(false);
    const own = await rawClient(server.url, links.room, links.edit.token, { origin: server.url.replace('localhost', '127.0.0.1') });
    expect(own.opened).toBe(true);
    const listed = await rawClient(server.url, links.room, links.edit.token, { origin: 'https://slides.example' });
    expect(listed.opened).toBe(true);
    const post = await fetch(`${server.url}/api/rooms`, { method: 'POST', body: 'x', headers: { Origin: 'https://evil.example' } });
    expect(post.status).toBe(403);
  });
});
