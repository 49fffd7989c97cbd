/** Room links in the page's address, and how the page reads the server's refusals. */
import { describe, expect, it } from 'vitest';
import { decodeViewHash } from '../../src/core/explore/url-state.ts';
import { refusalOf } from '../../src/ui/collab/connection.svelte.ts';
import { asksForRoom, collaborationUrl, parseRoomLink, roleOf, roomUrl, withRoomLink } from '../../src/ui/collab/room-link.ts';
import { loadMapText } from '../../src/core/load-map.ts';

const ROOM = 'AbCdEfGhIjKlMnOpQrStUv';
const SIGNATURE = 'x'.repeat(43);
const EDIT = `${ROOM}.edit.1.${SIGNATURE}`;
const VIEW = `${ROOM}.view.12.${SIGNATURE}`;

describe('room links', () => {
  it('reads a link alone or after the view’s state, and refuses malformed ones', () => {
    expect(parseRoomLink(`#room=${ROOM}&token=${EDIT}`)).toEqual({ room: ROOM, token: EDIT });
    expect(parseRoomLink(`#view?sel=n1&lang=en&room=${ROOM}&token=${VIEW}`)).toEqual({ room: ROOM, token: VIEW });
    expect(parseRoomLink(`#room=${ROOM}`)).toBeUndefined();
    expect(parseRoomLink(`#room=short&token=${EDIT}`)).toBeUndefined();
    expect(parseRoomLink(`#room=${ROOM}&token=${ROOM}.admin.1.${SIGNATURE}`)).toBeUndefined();
    expect(parseRoomLink(`#room=${ROOM}&token=${EDIT}<script>`)).toBeUndefined();
    expect(parseRoomLink('#present/t/1')).toBeUndefined();
    expect(asksForRoom(`#room=${ROOM}&token=bad`)).toBe(true);
    expect(asksForRoom('#view?sel=room=1')).toBe(false);
    expect(roleOf({ room: ROOM, token: VIEW })).toBe('view');
    expect(roleOf({ room: ROOM, token: EDIT })).toBe('edit');
  });

  it('keeps the room after the view’s state, which still decodes as before', () => {
    const link = { room: ROOM, token: EDIT };
    expect(withRoomLink('#view', link)).toBe(`#view?room=${ROOM}&token=${EDIT}`);
    const hash = withRoomLink('#view?lang=en', link);
    expect(hash).toBe(`#view?lang=en&room=${ROOM}&token=${EDIT}`);
    expect(parseRoomLink(hash)).toEqual(link);
    const map = loadMapText(JSON.stringify({ schemaVersion: 1, title: { en: 't' }, sources: [], actors: [], nodes: [{ id: 'n1', kind: 'claim', text: { en: 'x' } }], edges: [] }));
    if (!map.ok) throw new Error('the test map does not load');
    expect(decodeViewHash(withRoomLink('#view?sel=n1&lang=en', link), map.map)).toMatchObject({ selectedId: 'n1', language: 'en' });
    expect(withRoomLink('#view', undefined)).toBe('#view');
    expect(roomUrl(link, { origin: 'http://laptop:1234', pathname: '/' })).toBe(`http://laptop:1234/#room=${ROOM}&token=${EDIT}`);
    expect(collaborationUrl({ protocol: 'https:', host: 'maps.example' })).toBe('wss://maps.example/');
    expect(collaborationUrl({ protocol: 'http:', host: '127.0.0.1:1234' })).toBe('ws://127.0.0.1:1234/');
  });

  it('tells a refused link, a refused change and a busy server apart', () => {
    expect(refusalOf(1000, 'revoked-link: this link was replaced')).toEqual({ kind: 'link', reason: 'revoked-link: this link was replaced' });
    expect(refusalOf(1000, 'invalid-map: /edges/0/to: no such node')?.kind).toBe('change');
    expect(refusalOf(1000, 'room-full: the room would exceed its limit')?.kind).toBe('change');
    expect(refusalOf(1000, 'read-only: a view link cannot change the map')?.kind).toBe('change');
    expect(refusalOf(1009, '')?.kind).toBe('change');
    expect(refusalOf(1000, 'rate-limited: too many')?.kind).toBe('busy');
    expect(refusalOf(1006, '')).toBeUndefined();
    expect(refusalOf(1000, 'Server closed the connection')).toBeUndefined();
  });
});
