/**
 * A shared room opened from a link (src/ui/collab/shared-room.svelte.ts), with the session's
 * Authoring, against a real argmap serve: the room's map lands and edits reach the others; a view
 * link refuses edits on the page; a bad link leaves the map and says why; a change the server
 * refuses brings the room's valid map back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addNode } from '../../src/core/document/index.ts';
import { readMapBytes } from '../../src/core/formats/read-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { Authoring } from '../../src/ui/authoring.svelte.ts';
import { SharedRoom } from '../../src/ui/collab/shared-room.svelte.ts';
import type { RoomLink } from '../../src/ui/collab/room-link.ts';
import { provideAuthoring } from '../../src/ui/editing.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { Cleanup, connectClient, createRoom, SEED_MAP, waitFor, WebSocket } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const SEED = ((): ArgMap => {
  const read = readMapBytes(SEED_MAP).result;
  if (!read.ok) throw new Error('the seed map does not read');
  return read.map;
})();

const START: ArgMap = { schemaVersion: 1, title: { en: 'Mine' }, sources: [], actors: [], nodes: [{ id: 'mine', kind: 'claim', text: { en: 'mine' } }], edges: [] };

const onlineWindow = () => Object.assign(new EventTarget(), { navigator: { onLine: true } });

/** A page's session with its Authoring (no IndexedDB in Node: autosave is off) in the room of `link`. */
function page(url: string, link: RoomLink) {
  const session = new MapSession({ map: START, name: 'mine', sourceTexts: new Map() });
  const authoring = provideAuthoring(new Authoring(session, { indexedDB: undefined }));
  const links: (RoomLink | undefined)[] = [];
  const room = new SharedRoom(session, link, (changed) => links.push(changed), { url: url.replace(/^http/, 'ws'), webSocket: WebSocket, window: onlineWindow() });
  cleanup.add(authoring, (made) => made.close());
  return { session, authoring, room, links };
}

const linkOf = (room: string, token: string): RoomLink => ({ room, token });

describe('a shared room on the page', { timeout: 20000 }, () => {
  it('an edit link shows the room’s map, and edits through the Authoring reach the others', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const { session, authoring, room } = page(server.url, linkOf(links.room, links.edit.token));
    await room.join();
    expect(room.phase).toBe('open');
    expect(session.map.nodes.length).toBe(SEED.nodes.length);
    expect(authoring.connection).toBe(room.connection);
    expect(authoring.readOnly).toBe(false);

    const other = cleanup.client(connectClient(server.url, links.room, links.view.token));
    await other.synced;
    const { documentToMap } = await import('../../src/core/document/index.ts');
    const applied = await authoring.apply(addNode({ kind: 'claim', text: { en: 'from the page' } }));
    expect(applied.ok).toBe(true);
    await waitFor(() => documentToMap(other.doc).nodes.length === SEED.nodes.length + 1, 5000, 'the edit to reach the other client');
    expect(session.map.nodes.length).toBe(SEED.nodes.length + 1);
  });

  it('a view link: every edit is refused on the page with a message, and the map stays the room’s', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const { session, authoring, room } = page(server.url, linkOf(links.room, links.view.token));
    await room.join();
    expect(authoring.readOnly).toBe(true);
    const applied = await authoring.apply(addNode({ kind: 'claim', text: { en: 'no' } }));
    expect(applied).toEqual({ ok: false, message: '这是只读链接：不能修改地图。' });
    expect(authoring.announcement).toBe('这是只读链接：不能修改地图。');
    expect(session.map.nodes.length).toBe(SEED.nodes.length);
  });

  it('a revoked link is refused: the map on screen stays, the page says why and forgets the link', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const renewed = await fetch(`${server.url}/api/rooms/${links.room}/links`, { method: 'POST', headers: { Authorization: `Bearer ${links.edit.token}` } });
    expect(renewed.status).toBe(200);
    const { session, room, links: changes } = page(server.url, linkOf(links.room, links.view.token));
    await room.join();
    expect(room.phase).toBe('refused');
    expect(session.map).toBe(START);
    expect(session.lastAttempt?.action).toBe('link');
    expect(session.lastAttempt?.problems[0]?.message).toBe('无法打开共享地图：此链接已被撤销，请向分享者索取新链接。');
    expect(changes).toEqual([undefined]);
  });

  it('a map opened while the room opens stays, and the page leaves the room', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const { session, room, links: changes } = page(server.url, linkOf(links.room, links.edit.token));
    const joining = room.join();
    await waitFor(() => session.reading === '正在打开共享地图…', 5000, 'the room to start opening');
    const other: ArgMap = { ...START, title: { en: 'Other' } };
    expect(session.receive('other.json', { ok: true, map: other, warnings: [] }, undefined, undefined, session.takeTicket('other.json'))).toBe(true);
    await joining;
    expect(session.map).toBe(other);
    expect(room.phase).toBe('left');
    expect(room.connection).toBeUndefined();
    expect(changes).toEqual([undefined]);
  });

  it('a change the server refuses goes, and the room’s valid map comes back, with a message', async () => {
    const { mapToDocument } = await import('../../src/core/document/index.ts');
    const Y = await import('yjs');
    const seedBytes = Y.encodeStateAsUpdate(mapToDocument(SEED)).length;
    const { server } = await cleanup.server({ limits: { roomBytes: seedBytes + 2000 } });
    const links = await createRoom(server.url);
    const { session, authoring, room } = page(server.url, linkOf(links.room, links.edit.token));
    await room.join();
    const first = room.connection;
    const applied = await authoring.apply(addNode({ kind: 'claim', text: { en: 'x'.repeat(4000) } }));
    expect(applied.ok).toBe(true);
    expect(session.map.nodes.length).toBe(SEED.nodes.length + 1);
    await waitFor(() => room.notice !== undefined && room.phase === 'open' && room.connection !== first && room.connection?.status === 'connected', 10000, 'the room to come back');
    expect(room.notice).toMatch(/^服务器拒绝了一处修改（room-full: /);
    expect(session.map.nodes.length).toBe(SEED.nodes.length);
    expect(authoring.connection).toBe(room.connection);
    // The page edits on in the room as it is.
    expect((await authoring.apply(addNode({ kind: 'claim', text: { en: 'small' } }))).ok).toBe(true);
  });
});
