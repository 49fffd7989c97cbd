/**
 * Three clients of one room, editing at random while they drop off and come back, end with one
 * valid map. First through the server's own judge (RoomGuard) over a network of queues, where
 * fast-check can try many interleavings; then through a real server and real providers.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEdge, deleteNodes, documentToMap, MapDocument, setKind } from '../../src/core/document/index.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { RoomGuard } from '../../src/server/room-guard.ts';
import { applyCommand, command, type Command } from '../support/arbitrary-edits.ts';
import { arbitraryMap } from '../support/arbitrary-map.ts';
import { Cleanup, connectClient, createRoom, waitFor, type TestClient, type TestServer } from '../support/collab-server.ts';
import { makeMap } from '../support/make-map.ts';

const NETWORK = 'network';

function expectValid(map: ArgMap): void {
  const loaded = loadMapText(serializeMap(map));
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('\n'));
  expect(loaded.map).toEqual(map);
}

/** A client as the server's protocol sees it: its document, whether it is connected, and what it has not sent. */
interface QueuedClient {
  document: MapDocument;
  online: boolean;
  outbox: Uint8Array[];
  stopQueueing: () => void;
}

/** A room: the server's document under its judge, and three clients on queues. */
class QueuedRoom {
  readonly server: Y.Doc;
  readonly guard: RoomGuard;
  readonly clients: QueuedClient[];
  refusals = 0;

  constructor(map: ArgMap) {
    this.server = MapDocument.fromMap(map, { clientID: 1 }).doc;
    this.guard = new RoomGuard(this.server, 50 * 1024 * 1024);
    this.clients = [2, 3, 4].map((clientID) => this.#client(clientID, Y.encodeStateAsUpdate(this.server)));
  }

  #client(clientID: number, state: Uint8Array): QueuedClient {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, state, NETWORK);
    const client: QueuedClient = { document: new MapDocument(doc), online: true, outbox: [], stopQueueing: () => undefined };
    const queue = (update: Uint8Array, origin: unknown) => {
      if (origin !== NETWORK) client.outbox.push(update);
    };
    doc.on('update', queue);
    client.stopQueueing = () => doc.off('update', queue);
    return client;
  }

  /** The server judges an update; accepted, it reaches every other connected client. */
  #receive(from: QueuedClient, update: Uint8Array): boolean {
    if (!this.guard.check(update).ok) return false;
    Y.applyUpdate(this.server, update, NETWORK);
    for (const other of this.clients) if (other !== from && other.online) Y.applyUpdate(other.document.doc, update, NETWORK);
    return true;
  }

  /**
   * A refused client starts again from the room (the browser's answer to a refusal): what it had
   * not sent is dropped, since sending it again would be refused again.
   */
  #resync(index: number): void {
    const old = this.clients[index]!;
    old.stopQueueing();
    old.document.destroy();
    this.clients[index] = this.#client(old.document.doc.clientID, Y.encodeStateAsUpdate(this.server));
    this.refusals += 1;
  }

  send(index: number): void {
    const client = this.clients[index]!;
    if (!client.online) return;
    for (const update of client.outbox.splice(0)) {
      if (!this.#receive(client, update)) return this.#resync(index);
    }
  }

  disconnect(index: number): void {
    this.clients[index]!.online = false;
  }

  /** The sync on connecting: the client sends what the server lacks, and gets what it lacks. */
  reconnect(index: number): void {
    const client = this.clients[index]!;
    if (client.online) return;
    client.online = true;
    client.outbox.length = 0;
    const missing = Y.encodeStateAsUpdate(client.document.doc, Y.encodeStateVector(this.server));
    if (!this.#receive(client, missing)) return this.#resync(index);
    Y.applyUpdate(client.document.doc, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(client.document.doc)), NETWORK);
  }

  settle(): void {
    for (let index = 0; index < this.clients.length; index += 1) {
      this.reconnect(index);
      this.send(index);
    }
  }
}

type Step =
  | { readonly act: 'edit'; readonly client: number; readonly command: Command }
  | { readonly act: 'send' | 'disconnect' | 'reconnect'; readonly client: number };

const client = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ act: fc.constant('edit' as const), client, command }) },
  { weight: 3, arbitrary: fc.record({ act: fc.constant('send' as const), client }) },
  { weight: 1, arbitrary: fc.record({ act: fc.constant('disconnect' as const), client }) },
  { weight: 1, arbitrary: fc.record({ act: fc.constant('reconnect' as const), client }) },
);

describe('three clients with disconnects, through the server’s judge', () => {
  it('random interleavings converge to one valid map, which holds every change the server accepted', () => {
    let refusals = 0;
    fc.assert(
      fc.property(arbitraryMap({ maxNodes: 6, maxEdges: 8, maxTours: 1 }), fc.array(step, { maxLength: 40 }), (map, steps) => {
        const room = new QueuedRoom(map);
        const accepted: Uint8Array[] = [];
        room.server.on('update', (update: Uint8Array) => accepted.push(update));
        for (const next of steps) {
          if (next.act === 'edit') applyCommand(room.clients[next.client]!.document, next.command);
          else room[next.act](next.client);
        }
        room.settle();

        const final = documentToMap(room.server);
        expectValid(final);
        for (const { document } of room.clients) {
          expect(document.map).toEqual(final);
          expect(Y.encodeStateVector(document.doc)).toEqual(Y.encodeStateVector(room.server));
        }
        // Nothing accepted is lost: every accepted change is contained in the room's final state.
        const snapshot = Y.snapshot(room.server);
        for (const update of accepted) expect(Y.snapshotContainsUpdate(snapshot, update)).toBe(true);
        refusals += room.refusals;
        room.guard.destroy();
      }),
      { numRuns: 150, seed: 16_0001 },
    );
    // The judge refuses only what is wrong in itself; merging alone (deletes meanwhile) is never refused.
    expect(refusals).toBeLessThan(150);
  }, 120_000);

  it('an edge drawn offline to a node deleted meanwhile is merged, and left out of the map on every side', () => {
    const room = new QueuedRoom(makeMap(['a', 'b', 'c'], []));
    room.disconnect(1);
    expect(room.clients[0]!.document.apply(deleteNodes(['c'])).ok).toBe(true);
    room.send(0);
    expect(room.clients[1]!.document.apply(addEdge({ from: 'a', to: 'c', kind: 'support' })).ok).toBe(true);
    room.reconnect(1);
    expect(room.refusals).toBe(0);
    room.settle();
    expect(documentToMap(room.server).edges).toEqual([]);
    expect(room.clients[1]!.document.map).toEqual(documentToMap(room.server));
  });

  it('an answer drawn offline to a question that became a claim meanwhile is refused, and its client starts again from the room', () => {
    const room = new QueuedRoom(makeMap(['q', 'a'], []));
    expect(room.clients[0]!.document.apply(setKind('q', 'question')).ok).toBe(true);
    room.send(0);
    room.disconnect(1);
    expect(room.clients[0]!.document.apply(setKind('q', 'claim')).ok).toBe(true);
    room.send(0);
    expect(room.clients[1]!.document.apply(addEdge({ from: 'a', to: 'q', kind: 'answer' })).ok).toBe(true);
    room.reconnect(1);
    expect(room.refusals).toBe(1);
    room.settle();
    expect(room.clients[1]!.document.map).toEqual(documentToMap(room.server));
  });
});

describe('three clients with disconnects, through a real server', { timeout: 120_000 }, () => {
  const cleanup = new Cleanup();
  let started: TestServer;
  beforeAll(async () => {
    started = await cleanup.server();
  });
  afterAll(() => cleanup.run());

  /**
   * Connects a client whose socket is closed, and waits until it is: a second connect while one is
   * under way closes a socket still connecting, which ws reports as an uncaught error.
   */
  const reconnect = async (client: TestClient) => {
    if (client.socket.status !== 'disconnected') return;
    void client.socket.connect();
    await waitFor(() => client.socket.status === 'connected', 5000, 'the socket to connect again');
  };

  const sameMaps = (clients: readonly TestClient[], reference: Y.Doc) =>
    clients.every((each) => JSON.stringify(documentToMap(each.doc)) === JSON.stringify(documentToMap(reference)));

  it('random edits while sockets drop and come back converge to one valid map on every client and in the room', async () => {
    const seedMap = makeMap(['a', 'b', 'c', 'd'], [['e1', 'a', 'b'], ['e2', 'c', 'd']]);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 24 }), async (steps) => {
        const links = await createRoom(started.server.url, serializeMap(seedMap));
        const { room, edit: { token } } = links;
        const clients = [0, 1, 2].map(() => connectClient(started.server.url, room, token));
        await Promise.all(clients.map((each) => each.synced));
        const documents = clients.map((each) => new MapDocument(each.doc));
        try {
          for (const next of steps) {
            const target = clients[next.client]!;
            if (next.act === 'edit') applyCommand(documents[next.client]!, next.command);
            else if (next.act === 'disconnect') {
              if (target.socket.status !== 'connected') continue;
              target.socket.disconnect();
              // The socket closes on its own time; until it has, connecting again does nothing.
              await waitFor(() => target.socket.status === 'disconnected', 5000, 'the socket to close');
            } else if (next.act === 'reconnect') await reconnect(target);
            else await new Promise((resolve) => setTimeout(resolve, 5));
          }
          for (const each of clients) await reconnect(each);
          const observer = connectClient(started.server.url, room, token);
          await observer.synced;
          await waitFor(() => sameMaps(clients, observer.doc) && clients.every((each) => each.provider.unsyncedChanges === 0), 10_000, 'the clients and the room to agree').catch((error: Error) => {
            throw new Error(`${error.message}: ${JSON.stringify(clients.map((each) => ({ status: each.socket.status, unsynced: each.provider.unsyncedChanges, closes: each.closes, failures: each.failures, nodes: documentToMap(each.doc).nodes.length })))} room nodes ${documentToMap(observer.doc).nodes.length}`);
          });
          // The room as a newcomer gets it, after the clients have agreed.
          const late = connectClient(started.server.url, room, token);
          await late.synced;
          expect(documentToMap(late.doc)).toEqual(documentToMap(clients[0]!.doc));
          expectValid(documentToMap(late.doc));
          observer.destroy();
          late.destroy();
        } finally {
          for (const document of documents) document.destroy();
          for (const each of clients) each.destroy();
        }
      }),
      { numRuns: 20, seed: 16_0002, endOnFailure: true },
    );
  });
});
