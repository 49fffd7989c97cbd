/**
 * Issue 16 §3: presence over the Yjs awareness, between two Awareness objects wired together as a
 * provider wires them; what arrives is checked field by field, whatever another client sends.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { ArgMap } from '../../src/core/model.ts';
import { indexMap } from '../../src/core/model.ts';
import {
  chooseColour, cleanName, colourIndexOf, leadPresentation, MAX_NAME_LENGTH, MAX_PEERS, PEER_COLOURS, readPeer, readPeers, toursById, type PeerLookup,
} from '../../src/ui/presence/peer-state.ts';
import { CAMERA_EVERY_MS, Presence } from '../../src/ui/presence/presence.svelte.ts';

const MAP: ArgMap = {
  schemaVersion: 1,
  title: { en: 'Room' },
  sources: [],
  actors: [],
  nodes: [
    { id: 'a', kind: 'claim', text: { en: 'a' } },
    { id: 'b', kind: 'claim', text: { en: 'b' } },
  ],
  edges: [],
  tours: [{ id: 'tour', title: { en: 'Tour' }, steps: [0, 1, 2].map((index) => ({ reveal: [], focus: [], caption: { en: `step ${index}` } })) }],
};
const LOOKUP: PeerLookup = { nodes: indexMap(MAP).nodes, tours: toursById(MAP.tours) };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Two awarenesses that pass every update to each other, as two providers through a server do. */
export function connectedPair(): [Awareness, Awareness] {
  const first = new Awareness(new Y.Doc());
  const second = new Awareness(new Y.Doc());
  const pass = (from: Awareness, to: Awareness) => ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), 'remote');
  first.on('update', pass(first, second));
  second.on('update', pass(second, first));
  cleanups.push(() => {
    first.destroy();
    second.destroy();
  });
  return [first, second];
}

function presenceOn(awareness: Awareness, name: string): Presence {
  const presence = new Presence(awareness, () => LOOKUP, name);
  cleanups.push(() => presence.destroy());
  return presence;
}

describe('presence between two clients', () => {
  it('each sees the other’s name, colour, selection and the node they type in', () => {
    const [one, two] = connectedPair();
    const alice = presenceOn(one, 'Alice');
    const bob = presenceOn(two, '  Bob  ');
    expect(alice.peers.map((peer) => peer.name)).toEqual(['Bob']);
    expect(bob.peers.map((peer) => peer.name)).toEqual(['Alice']);
    expect(bob.peers[0]!.colour).toBe(alice.ownColour);
    expect(alice.peers[0]!.colour).toBe(bob.ownColour);
    expect(alice.ownColour).not.toBe(bob.ownColour);
    alice.setSelection('a');
    alice.setTyping('b');
    expect(bob.peers[0]).toMatchObject({ selection: 'a', typing: 'b' });
    alice.setSelection(undefined);
    alice.setTyping(undefined);
    expect(bob.peers[0]).toMatchObject({ selection: undefined, typing: undefined });
  });

  it('a name changed later reaches the other side, and leaving removes the person', () => {
    const [one, two] = connectedPair();
    const alice = presenceOn(one, 'Alice');
    const bob = presenceOn(two, 'Bob');
    alice.setName('Alice Li');
    expect(bob.peers[0]!.name).toBe('Alice Li');
    alice.destroy();
    expect(bob.peers).toEqual([]);
  });

  it('sends the camera at most every CAMERA_EVERY_MS, and always the last one', () => {
    vi.useFakeTimers();
    cleanups.push(() => vi.useRealTimers());
    const [one, two] = connectedPair();
    const alice = presenceOn(one, 'Alice');
    const bob = presenceOn(two, 'Bob');
    const updates = vi.fn();
    two.on('change', updates);
    for (let x = 0; x < 50; x += 1) alice.setCamera({ x, y: 0, zoom: 1 });
    vi.advanceTimersByTime(0);
    expect(bob.peers[0]!.camera).toEqual({ x: 49, y: 0, zoom: 1 });
    alice.setCamera({ x: 100, y: 5, zoom: 2 });
    vi.advanceTimersByTime(CAMERA_EVERY_MS / 2);
    expect(bob.peers[0]!.camera?.x).toBe(49);
    vi.advanceTimersByTime(CAMERA_EVERY_MS);
    expect(bob.peers[0]!.camera).toEqual({ x: 100, y: 5, zoom: 2 });
    expect(updates).toHaveBeenCalledTimes(2);
  });
});

describe('hostile states', () => {
  it('a 1 MB name is cut to MAX_NAME_LENGTH characters, in no time', () => {
    const [one, two] = connectedPair();
    const alice = presenceOn(one, 'Alice');
    two.setLocalState({ name: 'x'.repeat(1024 * 1024) });
    const start = performance.now();
    const [peer] = alice.peers;
    expect(performance.now() - start).toBeLessThan(50);
    expect(peer!.name).toBe('x'.repeat(MAX_NAME_LENGTH));
  });

  it('wrong types, unknown ids and impossible cameras are dropped field by field', () => {
    const [one, two] = connectedPair();
    const alice = presenceOn(one, 'Alice');
    two.setLocalState({
      name: { toString: 'Mallory' },
      selection: 'no-such-node',
      typing: ['a'],
      camera: { x: Infinity, y: 0, zoom: 1 },
      presenting: { tour: 'tour', step: 1.5, blanked: false, seq: 1 },
      __proto__: { polluted: true },
    });
    const [peer] = alice.peers;
    const colourIndex = colourIndexOf(two.clientID);
    expect(peer).toEqual({ clientId: two.clientID, name: undefined, colour: PEER_COLOURS[colourIndex], colourIndex, selection: undefined, typing: undefined, camera: undefined, presenting: undefined });
    two.setLocalState({ colour: PEER_COLOURS.length });
    expect(alice.peers[0]!.colourIndex).toBe(colourIndex);
    two.setLocalState({ colour: '#ff0000' });
    expect(alice.peers[0]!.colour).toBe(PEER_COLOURS[colourIndex]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a state that is no object, and the own state, are no peers', () => {
    expect(readPeer(1, 'Mallory', LOOKUP)).toBeUndefined();
    expect(readPeer(1, null, LOOKUP)).toBeUndefined();
    expect(readPeer(1, ['name'], LOOKUP)).toBeUndefined();
    expect(readPeers(new Map([[7, { name: 'me' }]]), 7, LOOKUP)).toEqual([]);
  });

  it('a room flooded with states lists MAX_PEERS people', () => {
    const states = new Map(Array.from({ length: 5000 }, (_, index) => [index + 1, { name: `p${index}` }] as const));
    expect(readPeers(states, 0, LOOKUP)).toHaveLength(MAX_PEERS);
  });

  it('names lose control, direction and zero-width characters and become one line', () => {
    expect(cleanName('Eve\u202Egnp.exe')).toBe('Evegnp.exe');
    expect(cleanName('a\nb\tc\u200Bd')).toBe('a b cd');
    expect(cleanName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(cleanName('   ')).toBeUndefined();
    expect(cleanName('\uD800')).toBe('\uFFFD');
    expect(Array.from(cleanName('名'.repeat(100))!)).toHaveLength(MAX_NAME_LENGTH);
  });

  it('a presentation naming a tour the map lacks, or a bad step or seq, is no presentation', () => {
    const state = (presenting: unknown) => readPeer(1, { presenting }, LOOKUP)!.presenting;
    expect(state({ tour: 'tour', step: 2, blanked: true, seq: 3 })).toEqual({ tour: 'tour', step: 2, blanked: true, seq: 3 });
    expect(state({ tour: 'other', step: 0, blanked: false, seq: 1 })).toBeUndefined();
    expect(state({ tour: 'tour', step: -1, blanked: false, seq: 1 })).toBeUndefined();
    expect(state({ tour: 'tour', step: 0, blanked: 'no', seq: 1 })).toBeUndefined();
    expect(state({ tour: 'tour', step: 0, blanked: false, seq: 2 ** 60 })).toBeUndefined();
    expect(state({ tour: 'tour', step: 0, blanked: false, seq: 1, camera: { x: 1, y: 2, zoom: 1 } })!.camera).toEqual({ x: 1, y: 2, zoom: 1 });
    expect(state({ tour: 'tour', step: 0, blanked: false, seq: 1, camera: { x: 'far', y: 2, zoom: 1 } })).toEqual({ tour: 'tour', step: 0, blanked: false, seq: 1 });
  });
});

describe('colours', () => {
  /** WCAG relative luminance and contrast. */
  function contrastWithWhite(hex: string): number {
    const channel = (index: number) => {
      const value = Number.parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16) / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    return 1.05 / (luminance + 0.05);
  }

  it('every colour reads as white text on it (4.5:1), and shows on the light map', () => {
    for (const colour of PEER_COLOURS) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('a client id gives the same colour every time, and ids spread over the palette', () => {
    expect(colourIndexOf(123456)).toBe(colourIndexOf(123456));
    const used = new Set(Array.from({ length: 200 }, (_, index) => colourIndexOf(index * 7919 + 13)));
    expect(used.size).toBe(PEER_COLOURS.length);
  });

  it('two people whose ids give one colour get two: the later id takes the next free one', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => index + 1);
    const low = ids.find((id) => colourIndexOf(id) === 0)!;
    const high = ids.find((id) => id > low && colourIndexOf(id) === 0)!;
    expect(chooseColour(low, [{ clientId: high, colourIndex: 0 }])).toBe(0);
    expect(chooseColour(high, [{ clientId: low, colourIndex: 0 }])).toBe(1);
    // With every colour taken by people who came first, the id's own colour is shared.
    const everyone = PEER_COLOURS.map((_, index) => ({ clientId: index, colourIndex: index }));
    expect(chooseColour(5000, everyone)).toBe(colourIndexOf(5000));
  });

  it('ten people in a room each have a colour of their own', () => {
    const awarenesses = Array.from({ length: PEER_COLOURS.length }, () => new Awareness(new Y.Doc()));
    for (const from of awarenesses) {
      from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const update = encodeAwarenessUpdate(from, [...added, ...updated, ...removed]);
        for (const to of awarenesses) if (to !== from) applyAwarenessUpdate(to, update, 'remote');
      });
    }
    cleanups.push(() => awarenesses.forEach((awareness) => awareness.destroy()));
    const people = awarenesses.map((awareness, index) => presenceOn(awareness, `p${index}`));
    expect(new Set(people.map((person) => person.ownColour)).size).toBe(PEER_COLOURS.length);
    expect(new Set(people[0]!.peers.map((peer) => peer.colour)).size).toBe(PEER_COLOURS.length - 1);
  });
});

describe('the presentation the room follows', () => {
  it('is the newest state, by seq and then by client id', () => {
    const peers = readPeers(
      new Map<number, unknown>([
        [1, { name: 'a', presenting: { tour: 'tour', step: 0, blanked: false, seq: 4 } }],
        [2, { name: 'b', presenting: { tour: 'tour', step: 2, blanked: false, seq: 5 } }],
        [3, { name: 'c', presenting: { tour: 'tour', step: 1, blanked: false, seq: 5 } }],
        [4, { name: 'd' }],
      ]),
      0,
      LOOKUP,
    );
    expect(leadPresentation(peers)).toEqual({ clientId: 3, name: 'c', state: { tour: 'tour', step: 1, blanked: false, seq: 5 } });
    expect(leadPresentation(peers.filter((peer) => peer.presenting === undefined))).toBeUndefined();
  });
});
