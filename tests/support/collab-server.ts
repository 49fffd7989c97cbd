/** Real argmap servers and real Hocuspocus providers for the server tests: loopback, free ports, temporary data. */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/server.ts';
import type { RoomLinks } from '../../src/server/rooms-api.ts';

export { WebSocket };
export const SEED_MAP = new Uint8Array(readFileSync(new URL('../../graph-data/hundred-model-war.json', import.meta.url)));

export interface TestServer {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly logs: string[];
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'argmap-serve-'));
}

export async function startTestServer(options: Partial<ServeOptions> = {}): Promise<TestServer> {
  const logs: string[] = [];
  const dataDir = options.dataDir ?? tempDataDir();
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, log: (line) => logs.push(line), ...options });
  return { server, dataDir, logs };
}

export async function createRoom(baseUrl: string, body: Uint8Array<ArrayBuffer> | string = SEED_MAP): Promise<RoomLinks> {
  const response = await fetch(`${baseUrl}/api/rooms`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
  if (response.status !== 201) throw new Error(`room not created: ${response.status} ${await response.text()}`);
  return (await response.json()) as RoomLinks;
}

export interface TestClient {
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  readonly doc: Y.Doc;
  readonly failures: string[];
  readonly closes: string[];
  destroy(): void;
}

/** A provider on its own socket; `synced` resolves once the first sync is done (or rejects on refusal). */
export function connectClient(baseUrl: string, room: string, token: string): TestClient & { readonly synced: Promise<void> } {
  const socket = new HocuspocusProviderWebsocket({ url: baseUrl.replace(/^http/, 'ws'), WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const doc = new Y.Doc();
  const failures: string[] = [];
  const closes: string[] = [];
  let settle: { resolve: () => void; reject: (error: Error) => void };
  const synced = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token,
    document: doc,
    onSynced: () => settle.resolve(),
    onAuthenticationFailed: ({ reason }) => {
      failures.push(reason);
      settle.reject(new Error(reason));
    },
    onClose: ({ event }) => closes.push(event.reason),
  });
  provider.attach();
  return {
    provider,
    socket,
    doc,
    failures,
    closes,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Stops servers, clients and temporary folders, whatever happened in the test. */
export class Cleanup {
  readonly #steps: (() => unknown)[] = [];
  add<T>(value: T, step: (value: T) => unknown): T {
    this.#steps.push(() => step(value));
    return value;
  }
  client<T extends TestClient>(client: T): T {
    return this.add(client, (c) => c.destroy());
  }
  async server(options: Partial<ServeOptions> = {}): Promise<TestServer> {
    const started = await startTestServer(options);
    this.#steps.push(() => started.server.close());
    if (options.dataDir === undefined) this.dir(started.dataDir);
    return started;
  }
  dir(path: string): string {
    return this.add(path, (p) => rmSync(p, { recursive: true, force: true }));
  }
  async run(): Promise<void> {
    for (const step of this.#steps.splice(0).reverse()) {
      try {
        await step();
      } catch {
        // Cleaning up goes on: one failed step must not leave the others' servers running.
      }
    }
  }
}
