/**
 * The undercut targets a canvas map offers while a connection is dragged: the middles of the
 * lines that can be undercut, in view, at most a given number, the nearest the view's centre.
 */
import { describe, expect, it } from 'vitest';
import { canBeUndercut, undercutTargetsInView } from '../../src/ui/connect-places.ts';

/** Horizontal lines 100 long, one per edge, their middles at x = 50 + 200 i, y = 0. */
function row(kinds: readonly ('support' | 'attack' | 'answer' | 'rephrase' | 'undercut')[]) {
  const edges = kinds.map((kind, index) => ({ id: `e${index}`, kind }));
  const lines = new Float64Array(kinds.flatMap((_, index) => [200 * index, 0, 200 * index + 100, 0]));
  return { edges, lines };
}

describe('undercutTargetsInView', () => {
  it('offers the middle of each support, attack and answer in view, and nothing else', () => {
    const { edges, lines } = row(['support', 'attack', 'answer', 'rephrase', 'undercut', 'support']);
    const targets = undercutTargetsInView(edges, lines, { left: -10, top: -10, right: 900, bottom: 10 }, 100);
    expect(targets).toEqual([
      { id: 'e0', x: 50, y: 0 },
      { id: 'e1', x: 250, y: 0 },
      { id: 'e2', x: 450, y: 0 },
    ]);
    expect(['rephrase', 'undercut'].some((kind) => canBeUndercut(kind as 'rephrase'))).toBe(false);
  });

  it('keeps the nearest the centre of the view when more are in view than the limit', () => {
    const { edges, lines } = row(Array.from({ length: 9 }, () => 'support' as const));
    // The view's centre is at x = 850, the middle of e4.
    const targets = undercutTargetsInView(edges, lines, { left: 0, top: -100, right: 1700, bottom: 100 }, 3);
    expect(targets.map((target) => target.id)).toEqual(['e4', 'e3', 'e5']);
  });
});
