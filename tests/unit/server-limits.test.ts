/** argmap serve checks every change and every request: invalid maps, big messages, floods and full servers are refused, never a crash. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, documentToMap, MapDocument, validateDocument } from '../../src/core/document/index.ts';
import { rootsOf } from '../../src/core/document/doc-schema.ts';
import { Cleanup, connectClient, createRoom, SEED_MAP, tempDataDir, waitFor, WebSocket } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('argmap serve: the server checks the map and its limits', { timeout: 20000 }, () => {
  it('refuses an editor’s update that breaks an edge’s ends, and the room stays valid for everyone', async () => {
    const { server, logs } = await cleanup.server();
    const links = await createRoom(server.url);
    const mallory = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    const alice = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    await Promise.all([mallory.synced, alice.synced]);
    const edges = rootsOf(mallory.doc).edges;
    const [edgeId, record] = [...edges.entries()][0]! as [string, Record<string, unknown>];
    edges.set(edgeId, { ...record, to: 'no-such-node' });
    await waitFor(() => mallory.closes.length > 0, 5000, 'the refusal');
    expect(mallory.closes[0]).toMatch(/^invalid-map: /);
    expect(logs.some((line) => line.startsWith('refused ') && line.includes('invalid-map'))).toBe(true);
    // The room goes on: alice's next edit arrives, and her copy never saw the broken edge.
    const late = cleanup.client(connectClient(server.url, links.room, links.view.token));
    await late.synced;
    const before = documentToMap(late.doc).nodes.length;
    new MapDocument(alice.doc).apply(addNode({ text: { zh: '之后的编辑' } }));
    await waitFor(() => documentToMap(late.doc).nodes.length === before + 1, 5000, 'alice’s edit');
    for (const doc of [alice.doc, late.doc]) {
      expect(validateDocument(doc)).toEqual([]);
      expect((rootsOf(doc).edges.get(edgeId) as { to: string }).to).toBe(record['to']);
    }
  });

  it('refuses a text over the map’s limit, and closes a socket that sends a message over 5 MB', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const writer = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    await writer.synced;
    const [nodeId, node] = [...rootsOf(writer.doc).nodes.entries()][0]!;
    (node.get('zh') as Y.Text).insert(0, '长'.repeat(200_000));
    await waitFor(() => writer.closes.length > 0, 5000, 'the refusal');
    expect(writer.closes[0]).toMatch(/^invalid-map: .*10000/);

    const big = cleanup.add(new WebSocket(server.url.replace(/^http/, 'ws')), (s) => s.terminate());
    await new Promise((resolve) => big.once('open', resolve));
    const closed = new Promise<number>((resolve) => big.once('close', (code: number) => resolve(code)));
    big.send(new Uint8Array(6 * 1024 * 1024));
    expect(await closed).toBe(1009);
    // The server is still there, and the text was never stored.
    const reader = cleanup.client(connectClient(server.url, links.room, links.view.token));
    await reader.synced;
    expect((rootsOf(reader.doc).nodes.get(nodeId)!.get('zh') as Y.Text).length).toBeLessThan(10_000);
  });

  it('closes a connection that floods the server with messages', async () => {
    const { server } = await cleanup.server({ limits: { messagesPerSecond: 5, messageBurst: 10 } });
    const links = await createRoom(server.url);
    const flooder = cleanup.client(connectClient(server.url, links.room, links.view.token));
    await flooder.synced;
    for (let message = 0; message < 40; message += 1) flooder.provider.setAwarenessField('cursor', message);
    await waitFor(() => flooder.closes.length > 0, 5000, 'the refusal');
    expect(flooder.closes[0]).toMatch(/^rate-limited: /);
  });

  it('refuses an edit that would take a room over its size limit', async () => {
    const probe = Y.encodeStateAsUpdate(MapDocument.fromMap(documentToMap(await seedDoc())).doc).length;
    const { server } = await cleanup.server({ limits: { roomBytes: probe + 2000 } });
    const links = await createRoom(server.url);
    const writer = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    await writer.synced;
    const map = new MapDocument(writer.doc);
    for (let index = 0; index < 5 && writer.closes.length === 0; index += 1) map.apply(addNode({ text: { zh: '占位'.repeat(400) } }));
    await waitFor(() => writer.closes.length > 0, 5000, 'the refusal');
    expect(writer.closes[0]).toMatch(/^room-full: /);
  });

  it('POST /api/rooms refuses invalid maps, oversized maps and rooms over the server’s limit', async () => {
    const { server } = await cleanup.server({ limits: { rooms: 1, mapBytes: SEED_MAP.length + 10 } });
    const post = (body: string | Uint8Array<ArrayBuffer>) => fetch(`${server.url}/api/rooms`, { method: 'POST', body });
    const invalid = await post('{"schemaVersion": 1, "nodes": [{"id": 1}]}');
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toMatch(/^the map is invalid: /);
    const big = await post(new Uint8Array(SEED_MAP.length + 11));
    expect(big.status).toBe(413);
    expect((await post(SEED_MAP)).status).toBe(201);
    const full = await post(SEED_MAP);
    expect(full.status).toBe(503);
    expect(((await full.json()) as { error: string }).error).toContain('limit of 1 rooms');
  });

  it('serves the built app with the CSP of index.html as a header, and says how to build without one', async () => {
    const unbuilt = await cleanup.server({ appDir: cleanup.dir(tempDataDir()) });
    const missing = await fetch(`${unbuilt.server.url}/`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build');

    const appDir = cleanup.dir(tempDataDir());
    mkdirSync(join(appDir, 'assets'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>argmap</title>');
    writeFileSync(join(appDir, 'assets', 'app-1234.js'), 'export {};');
    const { server } = await cleanup.server({ appDir });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(new URL('../../index.html', import.meta.url), 'utf8'))![1]!;
    expect(page.headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetch(`${server.url}/assets/app-1234.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/rooms.sqlite`)).status).toBe(404);
  });
});

async function seedDoc(): Promise<Y.Doc> {
  const { readMapBytes } = await import('../../src/core/formats/read-map.ts');
  const { mapToDocument } = await import('../../src/core/document/index.ts');
  const read = readMapBytes(SEED_MAP).result;
  if (!read.ok) throw new Error('the seed map does not read');
  return mapToDocument(read.map);
}
