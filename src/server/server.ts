/**
 * `argmap serve`: one HTTP server on one port serves the built app, the rooms API and the
 * collaboration WebSocket (Hocuspocus), with rooms kept in SQLite under the data folder.
 */
import { Hocuspocus, type Extension, type onConnectPayload } from '@hocuspocus/server';
import { Throttle } from '@hocuspocus/extension-throttle';
import { Redis } from '@hocuspocus/extension-redis';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { loadOrCreateSecret } from './links.ts';
import { forwardedClient } from './proxy-headers.ts';
import { handleApi } from './rooms-api.ts';
import { RoomExtension } from './room-extension.ts';
import { RoomStore } from './room-store.ts';
import { isBuilt, securityHeaders, serveStatic } from './static-files.ts';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The built app; dist/ of this package by default. */
  readonly appDir?: string;
  /** Origins (scheme://host[:port]) besides the server's own that may open WebSockets and call the API. */
  readonly allowOrigins?: readonly string[];
  readonly limits?: Partial<Limits>;
  readonly log?: (line: string) => void;
  /** redis://host:port: servers sharing this Redis (and this data folder) share their rooms live. */
  readonly redis?: string;
  /**
   * A reverse proxy or load balancer sits in front and sets X-Forwarded-For and -Proto: the client
   * address it names is the one the connection limit counts (else every client would share the
   * proxy's), and share links take its scheme.
   */
  readonly trustProxy?: boolean;
}

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly built: boolean;
  /** Stops accepting, flushes every open room to disk and closes the store. */
  close(): Promise<void>;
}

export const DEFAULT_APP_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

/** Browsers always send Origin on a WebSocket or a cross-site POST; other clients need a token anyway. */
function originAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The throttle, with a refusal the provider can show (it rejects without a reason). */
class ConnectionThrottle extends Throttle {
  override async onConnect(data: onConnectPayload): Promise<void> {
    try {
      await super.onConnect(data);
    } catch {
      throw { reason: 'rate-limited: too many connections from your address; wait a minute and reload' };
    }
  }
}

/**
 * Redis, without its expected refusal printed as an error: when another server holds a room's
 * store lock, its onStoreDocument throws a silent error, which Hocuspocus logs with a stack trace.
 * Each server may compact safely (RoomStore.compact merges), so losing the lock is no error.
 */
class SharedRooms extends Redis {
  override async onStoreDocument(payload: Parameters<Redis['onStoreDocument']>[0]): Promise<void> {
    try {
      await super.onStoreDocument(payload);
    } catch (error) {
      if (error instanceof Error && error.message === '' && String(error.cause).startsWith('Could not acquire lock')) return;
      throw error;
    }
  }
}

function redisExtension(url: string): Extension {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:') throw new Error(`--redis needs a redis:// URL, not ${url}`);
  return new SharedRooms({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    options: { ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }), maxRetriesPerRequest: 3 },
  }) as Extension;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const appDir = options.appDir ?? DEFAULT_APP_DIR;
  const allowed = new Set(options.allowOrigins ?? []);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secret = loadOrCreateSecret(options.dataDir);
  const store = new RoomStore(options.dataDir, { shared: options.redis !== undefined });
  const rooms = new RoomExtension(store, secret, limits, log);
  const throttle = new ConnectionThrottle({ throttle: limits.connectionsPerMinute, consideredSeconds: 60, banTime: limits.banMinutes });
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Every change is already on disk before it is acknowledged (see RoomExtension); the
    // debounced store only compacts the log.
    debounce: 2000,
    maxDebounce: 10000,
    extensions: [throttle as Extension, rooms, ...(options.redis === undefined ? [] : [redisExtension(options.redis)])],
  });

  const http = createServer((request, response) => {
    if (!originAllowed(request, allowed)) {
      securityHeaders(response);
      response.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8' }).end(`${JSON.stringify({ error: 'foreign-origin: this origin may not use this server (see --allow-origin)' })}\n`);
      return;
    }
    void handleApi({ store, secret, limits, log, trustProxy: options.trustProxy === true }, request, response).then((handled) => {
      if (handled) return;
      if (request.method === 'GET' || request.method === 'HEAD') serveStatic(appDir, request, response);
      else response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.messageBytes });
  http.on('upgrade', (request, socket, head) => {
    if (!originAllowed(request, allowed)) {
      log(`refused upgrade foreign-origin`);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nforeign-origin: this origin may not use this server (see --allow-origin)\n');
      return;
    }
    // The throttle counts by these headers when present: a client could forge them, so only the
    // socket's own address counts, or the one a trusted proxy names.
    const client = options.trustProxy === true ? forwardedClient(request) : undefined;
    delete request.headers['x-real-ip'];
    delete request.headers['x-forwarded-for'];
    if (client !== undefined) request.headers['x-real-ip'] = client;
    sockets.handleUpgrade(request, socket, head, (websocket) => {
      websocket.on('error', (error) => log(`error socket ${error.message}`));
      hocuspocus.handleConnection(websocket, request);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    built: isBuilt(appDir),
    close() {
      closing ??= (async () => {
        http.close();
        rooms.flushAndStop(hocuspocus.documents);
        hocuspocus.closeConnections();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        http.closeAllConnections();
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
        store.close();
      })();
      return closing;
    },
  };
}
