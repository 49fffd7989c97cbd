/**
 * The map's gesture state without a browser: the keys a focused node takes (C, the arrows, Enter,
 * Escape, F2; connect-keys.ts for those of connecting), what they leave behind, and the node typed
 * in that presence shows.
 */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/model.ts';
import { connectKey } from '../../src/ui/connect-keys.ts';
import type { ConnectPlaces } from '../../src/ui/connect-places.ts';
import { localActivity } from '../../src/ui/local-activity.svelte.ts';
import { MapEditing, mapEditingOf } from '../../src/ui/map-editing.svelte.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { makeMap } from '../support/make-map.ts';

/** a b in a row, c under a. */
const positions: ReadonlyMap<string, Point> = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 300, y: 0 }],
  ['c', { x: 0, y: 200 }],
]);

/** With the keys of connecting as the map's connect layer gives them. */
function editingOf(): MapEditing {
  const session = new MapSession({ map: makeMap(['a', 'b', 'c'], []), name: 'test', sourceTexts: new Map() });
  session.language = 'en';
  const editing = new MapEditing(session);
  const places: ConnectPlaces = {
    positionOf: (id) => positions.get(id),
    drawn: () => [...positions].map(([id, point]) => ({ id, ...point })),
    undercuttable: () => [],
    nodeAt: () => undefined,
  };
  editing.connectKeys = (event) => connectKey(editing, event, places);
  return editing;
}

function key(name: string, init: KeyboardEventInit = {}): KeyboardEvent & { stopped: boolean } {
  const event = Object.assign(new Event('keydown', { cancelable: true }), { key: name, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init, stopped: false });
  event.stopPropagation = () => (event.stopped = true);
  return event as unknown as KeyboardEvent & { stopped: boolean };
}

describe('MapEditing.nodeKey', () => {
  it('C starts connecting; the arrows pick the target and say it; Enter opens the chooser there', () => {
    const editing = editingOf();
    const c = key('c');
    expect(editing.nodeKey(c, 'a')).toBe(true);
    expect(c.defaultPrevented && c.stopped).toBe(true);
    expect(editing.connecting).toEqual({ from: 'a', by: 'keys' });
    expect(editing.session.selectedId).toBe('a');

    expect(editing.nodeKey(key('ArrowRight'), 'a')).toBe(true);
    expect(editing.connecting?.target).toBe('b');
    expect(editing.targetNotice).toBe('Connect to: b');
    // From the target on, never back to the source: right of b there is nothing; above c, a is passed over.
    editing.nodeKey(key('ArrowRight'), 'a');
    expect(editing.connecting?.target).toBe('b');
    editing.nodeKey(key('ArrowDown'), 'a');
    expect(editing.connecting?.target).toBe('c');
    editing.nodeKey(key('ArrowUp'), 'a');
    expect(editing.connecting?.target).toBe('b');

    expect(editing.nodeKey(key('Enter'), 'a')).toBe(true);
    expect(editing.connecting).toBeUndefined();
    expect(editing.choosing).toEqual({ from: 'a', to: 'b', at: { x: 300, y: 0 }, by: 'keys' });
  });

  it('Enter without a target does nothing; Escape ends connecting; other keys pass', () => {
    const editing = editingOf();
    editing.nodeKey(key('C'), 'a');
    editing.nodeKey(key('Enter'), 'a');
    expect(editing.choosing).toBeUndefined();
    expect(editing.connecting?.from).toBe('a');
    expect(editing.nodeKey(key('x'), 'a')).toBe(false);
    expect(editing.nodeKey(key('Escape'), 'a')).toBe(true);
    expect(editing.connecting).toBeUndefined();
  });

  it('F2 edits the text, and so does Enter on the selected node only; presence hears which node is typed in', () => {
    const editing = editingOf();
    expect(editing.nodeKey(key('Enter'), 'b')).toBe(false);
    editing.session.select('b');
    expect(editing.nodeKey(key('Enter'), 'b')).toBe(true);
    expect(editing.editingText).toBe('b');
    expect(editing.text).toBe('b');
    expect(localActivity.typingIn).toBe('b');
    editing.cancel();
    expect(localActivity.typingIn).toBeUndefined();

    expect(editing.nodeKey(key('F2'), 'c')).toBe(true);
    expect(editing.editingText).toBe('c');
    expect(editing.session.selectedId).toBe('c');
    editing.cancel();
  });

  it('keys with Ctrl, Cmd or Alt are left to others, and C too until the connect layer is drawn', () => {
    const editing = editingOf();
    expect(editing.nodeKey(key('c', { ctrlKey: true }), 'a')).toBe(false);
    expect(editing.connecting).toBeUndefined();
    editing.connectKeys = undefined;
    expect(editing.nodeKey(key('c'), 'a')).toBe(false);
    expect(editing.connecting).toBeUndefined();
  });
});

describe('MapEditing', () => {
  it('a new node opens as a claim with empty text, and starting anything else closes it', () => {
    const editing = editingOf();
    editing.addAt({ x: 5, y: 6 });
    expect([editing.draft, editing.kind, editing.text, editing.used]).toEqual([{ x: 5, y: 6 }, 'claim', '', true]);
    editing.startConnect('a', 'pointer');
    expect(editing.draft).toBeUndefined();
  });

  it('N adds at the view centre only while a view that edits says where that is', () => {
    const editing = editingOf();
    expect(editing.addAtCentre()).toBe(false);
    editing.viewCentre = () => ({ x: 10, y: 20 });
    expect(editing.addAtCentre()).toBe(true);
    expect(editing.draft).toEqual({ x: 10, y: 20 });
  });

  it('tells the node under a point as the renderer on screen answers it, and nothing once it has gone', () => {
    const editing = editingOf();
    expect(editing.nodeAt(1, 2)).toBeUndefined();
    const leaveFirst = editing.answerNodeAt(() => 'a');
    // A renderer drawn anew answers before the old one leaves: the old one's leaving takes nothing from it.
    const leaveSecond = editing.answerNodeAt((x) => (x > 100 ? 'b' : undefined));
    leaveFirst();
    expect([editing.nodeAt(150, 0), editing.nodeAt(50, 0)]).toEqual(['b', undefined]);
    leaveSecond();
    expect(editing.nodeAt(150, 0)).toBeUndefined();
  });

  it('a session has one gesture state', () => {
    const session = new MapSession({ map: makeMap(['a'], []), name: 'test', sourceTexts: new Map() });
    expect(mapEditingOf(session)).toBe(mapEditingOf(session));
  });
});

describe('MapEditing on a view link', () => {
  it('opens no editor and starts no connection when the map is a room opened by a view link, and says why', async () => {
    const editing = editingOf();
    const { provideAuthoring } = await import('../../src/ui/editing.ts');
    const viewLink = { session: editing.session, readOnly: true, refuseReadOnly: () => ({ ok: false, message: 'a view link' }) };
    provideAuthoring(viewLink as unknown as Parameters<typeof provideAuthoring>[0]);
    editing.addAt({ x: 1, y: 2 });
    expect(editing.draft).toBeUndefined();
    editing.editText('a');
    expect(editing.editingText).toBeUndefined();
    expect(editing.nodeKey(key('c'), 'a')).toBe(false);
    expect(editing.connecting).toBeUndefined();
    expect(localActivity.typingIn).toBeUndefined();
    // The person is told why.
    expect(editing.refusal).toBe('a view link');
  });
});
