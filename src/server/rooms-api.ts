/**
 * The HTTP API of rooms:
 *   POST /api/rooms             body: an argmap JSON map → 201 { room, edit, view } (links and tokens)
 *   GET /api/rooms/:id/links    Authorization: Bearer <edit token> → 200 { room, edit, view }: the
 *                               room's current pair (an editor who joined by link shares it on)
 *   POST /api/rooms/:id/links   Authorization: Bearer <edit token> → 200 { room, edit, view }: a new
 *                               pair; every older link of the room stops working.
 * Errors are JSON `{ error }` with a status that says which kind.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { mapToDocument } from '../core/document/index.ts';
import { readMapBytes } from '../core/formats/read-map.ts';
import { formatProblem } from '../core/problems.ts';
import type { Limits } from './limits.ts';
import { checkToken, makeToken, newRoomId, type Role } from './links.ts';
import type { RoomStore } from './room-store.ts';
import { shortRoom } from './room-extension.ts';
import { forwardedScheme } from './proxy-headers.ts';

export interface RoomsApi {
  readonly store: RoomStore;
  readonly secret: Buffer;
  readonly limits: Limits;
  readonly log: (line: string) => void;
  /** Links take the scheme a trusted proxy names (X-Forwarded-Proto). */
  readonly trustProxy?: boolean;
}

export interface RoomLink {
  readonly token: string;
  readonly url: string;
}

export interface RoomLinks {
  readonly room: string;
  readonly edit: RoomLink;
  readonly view: RoomLink;
}

const ROOM_LINKS_PATH = /^\/api\/rooms\/([A-Za-z0-9_-]{22})\/links$/;
const SAFE_HOST = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
}

/** The request body, refused as soon as it grows past `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new ApiError(413, `the map is larger than ${limit} bytes`));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new ApiError(413, `the map is larger than ${limit} bytes`));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

/** A link into the app: the token rides in the fragment, which browsers never send to a server. */
function linksFor(api: RoomsApi, request: IncomingMessage, room: string, generation: number): RoomLinks {
  const host = request.headers.host !== undefined && SAFE_HOST.test(request.headers.host) ? request.headers.host : 'localhost';
  const link = (role: Role): RoomLink => {
    const token = makeToken(api.secret, room, role, generation);
    const scheme = api.trustProxy === true ? forwardedScheme(request) : 'http';
    return { token, url: `${scheme}://${host}/#room=${room}&token=${token}` };
  };
  return { room, edit: link('edit'), view: link('view') };
}

async function createRoom(api: RoomsApi, request: IncomingMessage): Promise<RoomLinks> {
  if (api.store.roomCount() >= api.limits.rooms) throw new ApiError(503, `this server holds its limit of ${api.limits.rooms} rooms`);
  const body = await readBody(request, api.limits.mapBytes);
  const { format, result } = readMapBytes(body);
  if (!result.ok) throw new ApiError(400, `the map is invalid: ${result.problems.slice(0, 5).map((problem) => formatProblem(problem)).join('; ')}`);
  if (format !== 'argmap-json') throw new ApiError(415, 'send the map as argmap JSON');
  const doc = mapToDocument(result.map);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  if (state.length > api.limits.roomBytes) throw new ApiError(413, `the map needs more than the room limit of ${api.limits.roomBytes} bytes`);
  const room = newRoomId();
  api.store.createRoom(room, state);
  api.log(`created room=${shortRoom(room)}`);
  return linksFor(api, request, room, 1);
}

/** Refuses a request that does not carry a current edit token of `room`. */
function checkEditor(api: RoomsApi, request: IncomingMessage, room: string): number {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined) throw new ApiError(401, 'send the edit link’s token as Authorization: Bearer TOKEN');
  const generation = api.store.generation(room);
  const check = checkToken(api.secret, token, room, generation);
  if (!check.ok) throw new ApiError(check.reason.startsWith('no-room') ? 404 : 403, check.reason);
  if (check.role !== 'edit') throw new ApiError(403, 'read-only: a view link cannot see or replace the room’s links');
  return generation!;
}

function currentLinks(api: RoomsApi, request: IncomingMessage, room: string): RoomLinks {
  return linksFor(api, request, room, checkEditor(api, request, room));
}

function renewLinks(api: RoomsApi, request: IncomingMessage, room: string): RoomLinks {
  checkEditor(api, request, room);
  const generation = api.store.nextGeneration(room)!;
  api.log(`revoked room=${shortRoom(room)} generation=${generation}`);
  return linksFor(api, request, room, generation);
}

/** Answers a request under /api/; false when the path is not the API's. */
export async function handleApi(api: RoomsApi, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (!path.startsWith('/api/')) return false;
  try {
    const renew = ROOM_LINKS_PATH.exec(path);
    if (path !== '/api/rooms' && renew === null) throw new ApiError(404, 'no such API');
    if (renew !== null && request.method === 'GET') sendJson(response, 200, currentLinks(api, request, renew[1]!));
    else if (request.method !== 'POST') throw new ApiError(405, renew === null ? 'use POST' : 'use GET or POST');
    else if (renew !== null) sendJson(response, 200, renewLinks(api, request, renew[1]!));
    else sendJson(response, 201, await createRoom(api, request));
  } catch (error) {
    if (error instanceof ApiError) sendJson(response, error.status, { error: error.message });
    else {
      api.log(`error api ${error instanceof Error ? error.message : String(error)}`);
      sendJson(response, 500, { error: 'the server failed; see its log' });
    }
  }
  return true;
}
