/**
 * Links into a shared room, `#room=<id>&token=<token>`, as `argmap serve` hands them out. The
 * token rides in the fragment, which browsers never send to a server. While the room is open the
 * link stays in the address, after the explore view's own state (`#view?sel=…&room=…&token=…`),
 * so a reload, or a view link copied from the address bar, opens the same room.
 * No Yjs here: the app's first chunk reads links with it.
 */

export type RoomRole = 'edit' | 'view';

export interface RoomLink {
  readonly room: string;
  readonly token: string;
}

/** A room id is 128 random bits in base64url; a token is `room.role.generation.signature`. */
const ROOM_ID = /^[A-Za-z0-9_-]{22}$/;
const TOKEN = /^[A-Za-z0-9_-]{22}\.(?:edit|view)\.[1-9]\d{0,9}\.[A-Za-z0-9_-]{43}$/;

/** The room link a hash carries, alone or after the view's state; undefined when it carries none or a malformed one. */
export function parseRoomLink(hash: string): RoomLink | undefined {
  const query = hash.startsWith('#view?') ? hash.slice('#view?'.length) : hash.startsWith('#') ? hash.slice(1) : undefined;
  if (query === undefined) return undefined;
  let room: string | undefined;
  let token: string | undefined;
  for (const part of query.split('&')) {
    if (part.startsWith('room=')) room ??= part.slice('room='.length);
    else if (part.startsWith('token=')) token ??= part.slice('token='.length);
  }
  if (room === undefined || token === undefined) return undefined;
  return ROOM_ID.test(room) && TOKEN.test(token) ? { room, token } : undefined;
}

/** Whether a hash asks for a room, well formed or not: a malformed one is refused on the page. */
export function asksForRoom(hash: string): boolean {
  return /^#(?:view\?(?:.*&)?)?room=/.test(hash);
}

/** The role a token claims; the server decides what it is worth. */
export function roleOf(link: RoomLink): RoomRole {
  return link.token.split('.')[1] === 'view' ? 'view' : 'edit';
}

/** The explore view's hash with the room link after it, so the room survives a reload. */
export function withRoomLink(viewHash: string, link: RoomLink | undefined): string {
  if (link === undefined) return viewHash;
  const parameters = `room=${link.room}&token=${link.token}`;
  return viewHash.includes('?') ? `${viewHash}&${parameters}` : `${viewHash}?${parameters}`;
}

/** The full address of a room link on this page's server. */
export function roomUrl(link: RoomLink, base: Pick<Location, 'origin' | 'pathname'> = location): string {
  return `${base.origin}${base.pathname}#room=${link.room}&token=${link.token}`;
}

/** The same-origin WebSocket address of the collaboration server (wss: on an https page). */
export function collaborationUrl(base: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${base.protocol === 'https:' ? 'wss:' : 'ws:'}//${base.host}/`;
}

/** The name of the meta element `argmap serve` adds to the page it serves: rooms can be made here. */
export const SERVED_META = 'argmap-serve';

/** Whether the page was served by `argmap serve` (and so can share rooms), not by a static host. */
export function servedWithRooms(page: Pick<Document, 'querySelector'> = document): boolean {
  return page.querySelector(`meta[name="${SERVED_META}"]`) !== null;
}
