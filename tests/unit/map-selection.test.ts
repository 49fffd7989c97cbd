import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { nodeAfterDelete } from '../../src/ui/delete-focus.ts';
import { PlaceMemory, placesToKeep } from '../../src/ui/kept-places.ts';
import { keptPlace } from '../support/kept-places.ts';
import { nodesInside, spanned } from '../../src/ui/lasso-geometry.ts';
import { movingIds, shifted } from '../../src/ui/selection-gestures.ts';

const place = (id: string, x: number, y: number) => ({ id, x, y });

describe('moving the selection', () => {
  it('moves the whole selection when the dragged node is one of several selected, else the node alone', () => {
    expect(movingIds(new Set(['a', 'b', 'c']), 'b')).toEqual(['a', 'b', 'c']);
    expect(movingIds(new Set(['a', 'b']), 'z')).toEqual(['z']);
    expect(movingIds(new Set(['a']), 'a')).toEqual(['a']);
    expect(movingIds(new Set(), 'a')).toEqual(['a']);
  });

  it('moves every node by the same offset', () => {
    expect(shifted([place('a', 0, 0), place('b', 10, -5)], 3, 4)).toEqual([place('a', 3, 4), place('b', 13, -1)]);
  });
});

describe('the lasso', () => {
  it('spans the rectangle whichever way the pointer went', () => {
    expect(spanned({ x: 10, y: 50 }, { x: -5, y: 20 })).toEqual({ left: -5, top: 20, right: 10, bottom: 50 });
  });

  it('takes the nodes whose centres it holds, edges included, in the given order', () => {
    const places = new Map([place('a', 0, 0), place('b', 100, 100), place('c', 50, 200), place('d', 100, 0)].map((p) => [p.id, p]));
    const rectangle = { left: 0, top: 0, right: 100, bottom: 100 };
    expect(nodesInside(rectangle, ['d', 'c', 'b', 'a', 'unplaced'], (id) => places.get(id))).toEqual(['d', 'b', 'a']);
  });
});

describe('places kept when an edit lays the map out again', () => {
  const map = (nodes: ArgMap['nodes']): ArgMap => ({ schemaVersion: 1, title: { en: 't' }, sources: [], actors: [], nodes, edges: [] });
  const claim = (id: string, position?: { x: number; y: number }) => ({ id, kind: 'claim' as const, text: { en: id }, ...(position ? { position } : {}) });
  /** What the layout before showed: these places, in this order. */
  const shown = (places: readonly { id: string; x: number; y: number }[], pinned: ReadonlySet<string> = new Set()) => ({
    nodes: places.map(({ id }) => ({ id })),
    coordinates: Float64Array.from(places.flatMap(({ x, y }) => [x, y])),
    pinned,
  });
  const keptOf = (before: ReturnType<typeof shown>, next: ArgMap, id: string, generation = 1, memory = new PlaceMemory()) =>
    keptPlace(placesToKeep(before, next, generation, memory), next, id);

  it('keeps where each node stood, by its index in the edited map', () => {
    const next = map([claim('a'), claim('b')]);
    const kept = placesToKeep(shown([place('a', 1, 2), place('b', 3, 4)]), next, 1, new PlaceMemory());
    expect([keptPlace(kept, next, 'a'), keptPlace(kept, next, 'b')]).toEqual([place('a', 1, 2), place('b', 3, 4)]);
    // A node removed before the others, and one added at the end: each keeps its own place or none.
    const edited = map([claim('b'), claim('new')]);
    const afterEdit = placesToKeep(shown([place('a', 1, 2), place('b', 3, 4)]), edited, 1, new PlaceMemory());
    expect([keptPlace(afterEdit, edited, 'b'), keptPlace(afterEdit, edited, 'new')]).toEqual([place('b', 3, 4), undefined]);
    // Another order finds each node by its id.
    const reordered = map([claim('b'), claim('a')]);
    expect(keptOf(shown([place('a', 1, 2), place('b', 3, 4)]), reordered, 'a')).toEqual(place('a', 1, 2));
  });

  it('sends a node whose saved place an undo took away back to where it stood before its first drag', () => {
    const memory = new PlaceMemory();
    memory.remember(1, [place('a', -50, -60)]);
    // The layout showed a pinned at the drop; the map after the undo no longer places it.
    const before = shown([place('a', 200, 300), place('b', 3, 4)], new Set(['a']));
    expect(keptOf(before, map([claim('a'), claim('b')]), 'a', 1, memory)).toEqual(place('a', -50, -60));
    // Redo: the saved place counts, not the remembered one (the layout reads it from the map).
    expect(keptOf(before, map([claim('a', { x: 200, y: 300 }), claim('b')]), 'a', 1, memory)).toEqual(place('a', 200, 300));
    // A node that was not pinned stays where the layout had it.
    expect(keptOf({ ...before, pinned: new Set() }, map([claim('a'), claim('b')]), 'a', 1, memory)).toEqual(place('a', 200, 300));
  });

  it('brings a deleted node back where it stood, but not into another file', () => {
    const memory = new PlaceMemory();
    memory.remember(1, [place('gone', 7, 8)]);
    const before = shown([place('b', 3, 4)]);
    expect(keptOf(before, map([claim('gone'), claim('b')]), 'gone', 1, memory)).toEqual(place('gone', 7, 8));
    expect(keptOf(before, map([claim('gone'), claim('b')]), 'gone', 2, memory)).toBeUndefined();
    memory.remember(2, []);
    expect(memory.placeOf(1, 'gone')).toBeUndefined();
  });
});

describe('where the keyboard goes after a delete', () => {
  const places = [place('a', 0, 0), place('b', 10, 0), place('c', 100, 0), place('d', 12, 1)];

  it('goes to a node connected to the deleted ones', () => {
    const neighbours = new Map([['a', ['b', 'c']], ['b', ['a']]]);
    expect(nodeAfterDelete(['a', 'b'], (id) => neighbours.get(id) ?? [], places)).toBe('c');
  });

  it('goes to the nearest node left when none was connected, and nowhere when none is left', () => {
    expect(nodeAfterDelete(['b'], () => [], places)).toBe('d');
    expect(nodeAfterDelete(['a', 'b', 'c', 'd'], () => [], places)).toBeUndefined();
  });
});
