import { describe, expect, it } from 'vitest';
import { atLeast, onSomeNode } from '../../src/ui/lasso-geometry.ts';

describe('where a long press may start the lasso', () => {
  const places = new Map([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 300, y: 0 }, { id: 'unsized', x: 600, y: 0 }].map((place) => [place.id, place]));
  const boxes = new Map([['a', { width: 160, height: 60 }], ['b', { width: 40, height: 40 }]]);
  const onNode = (x: number, y: number) => onSomeNode({ x, y }, ['a', 'b', 'unsized', 'unplaced'], (id) => places.get(id), (id) => boxes.get(id));

  it('is no node where a node box holds the point, its border included, however far from the centre', () => {
    expect(onNode(0, 0)).toBe(true);
    // Far from a's centre (a centre-distance rule would miss it), still in its wide box.
    expect(onNode(75, 25)).toBe(true);
    expect(onNode(-80, -30)).toBe(true);
    expect(onNode(300, 20)).toBe(true);
  });

  it('is the background outside every box, and where a node has no box or no place', () => {
    expect(onNode(81, 0)).toBe(false);
    expect(onNode(0, 31)).toBe(false);
    expect(onNode(321, 0)).toBe(false);
    expect(onNode(600, 0)).toBe(false);
  });
});

describe('the lasso drawn', () => {
  it('shows at least a small square about where it began, and its own size once bigger', () => {
    expect(atLeast({ left: 10, top: 20, right: 10, bottom: 20 }, 12)).toEqual({ left: 4, top: 14, right: 16, bottom: 26 });
    expect(atLeast({ left: 0, top: 0, right: 100, bottom: 4 }, 12)).toEqual({ left: 0, top: -4, right: 100, bottom: 8 });
    expect(atLeast({ left: 0, top: 0, right: 50, bottom: 40 }, 12)).toEqual({ left: 0, top: 0, right: 50, bottom: 40 });
  });
});
