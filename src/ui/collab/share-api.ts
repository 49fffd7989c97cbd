/**
 * The rooms API of `argmap serve` (src/server/rooms-api.ts), from the page: make a room of the
 * open map, see its links, or replace them. The server's answer is untrusted: only well-formed
 * room ids and tokens are taken from it, and the links are made from this page's own address.
 */
import type { ArgMap } from '../../core/model.ts';
import { serializeMap } from '../../core/serialize.ts';
import { parseRoomLink, type RoomLink } from './room-link.ts';

export interface RoomLinks {
  readonly edit: RoomLink;
  readonly view: RoomLink;
}

export type ShareResult = { readonly ok: true; readonly links: RoomLinks } | { readonly ok: false; readonly message: string };

/** Reads `{ room, edit: { token }, view: { token } }`, keeping only what is well formed. */
function readLinks(body: unknown): RoomLinks | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { room, edit, view } = body as { room?: unknown; edit?: { token?: unknown }; view?: { token?: unknown } };
  const link = (token: unknown): RoomLink | undefined => (typeof room === 'string' && typeof token === 'string' ? parseRoomLink(`#room=${room}&token=${token}`) : undefined);
  const editLink = link(edit?.token);
  const viewLink = link(view?.token);
  return editLink !== undefined && viewLink !== undefined && editLink.token.split('.')[1] === 'edit' && viewLink.token.split('.')[1] === 'view' ? { edit: editLink, view: viewLink } : undefined;
}

/** The longest server message shown on the page. */
const MAX_MESSAGE = 300;

async function call(path: string, init: RequestInit): Promise<ShareResult> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    return { ok: false, message: 'the server could not be reached' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: unknown } | undefined)?.error;
    return { ok: false, message: typeof error === 'string' ? Array.from(error).slice(0, MAX_MESSAGE).join('') : `the server answered ${response.status}` };
  }
  const links = readLinks(body);
  return links === undefined ? { ok: false, message: 'the server’s answer was not a pair of room links' } : { ok: true, links };
}

/** Makes a room holding `map`; its links. */
export function createRoom(map: ArgMap): Promise<ShareResult> {
  return call('/api/rooms', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: serializeMap(map) });
}

const editor = (link: RoomLink): HeadersInit => ({ Authorization: `Bearer ${link.token}` });

/** The room's current links, for one who holds its edit link. */
export function currentLinks(link: RoomLink): Promise<ShareResult> {
  return call(`/api/rooms/${link.room}/links`, { method: 'GET', headers: editor(link) });
}

/** A new pair of links for the room; every older link stops working. */
export function revokeLinks(link: RoomLink): Promise<ShareResult> {
  return call(`/api/rooms/${link.room}/links`, { method: 'POST', headers: editor(link) });
}
