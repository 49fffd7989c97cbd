import { describe, expect, it } from 'vitest';
import { buildHitIndex, type HitBox } from '../../src/layout/hit-test.ts';
import { seededRandom } from '../../src/layout/random.ts';

const box = (id: string, x: number, y: number, width = 100, height = 40): HitBox => ({ id, x, y, width, height });

describe('hit testing', () => {
  it('finds nothing on an empty map', () => {
    expect(buildHitIndex([]).nodeAt(0, 0)).toBeUndefined();
  });

  it('finds the box containing a point, and nothing beside it', () => {
    const index = buildHitIndex([box('a', 0, 0), box('b', 300, 0)]);
    expect(index.nodeAt(10, 5)).toBe('a');
    expect(index.nodeAt(290, -15)).toBe('b');
    expect(index.nodeAt(150, 0)).toBeUndefined();
    expect(index.nodeAt(0, 21)).toBeUndefined();
  });

  it('counts the border of a box as inside it', () => {
    const index = buildHitIndex([box('a', 0, 0)]);
    expect(index.nodeAt(50, 20)).toBe('a');
    expect(index.nodeAt(-50, -20)).toBe('a');
    expect(index.nodeAt(50.001, 0)).toBeUndefined();
  });

  it('picks the top-most (last drawn) of overlapping boxes', () => {
    const index = buildHitIndex([box('under', 0, 0), box('over', 40, 10), box('wide', 500, 0, 400, 20)]);
    expect(index.nodeAt(30, 5)).toBe('over');
    expect(index.nodeAt(-30, -5)).toBe('under');
    // A wide box reaches a point far from its centre, further than any other box's half width.
    expect(index.nodeAt(320, 0)).toBe('wide');
  });

  it('ignores boxes whose centre is not a number yet', () => {
    const index = buildHitIndex([box('lost', Number.NaN, 0), box('a', 0, 0)]);
    expect(index.nodeAt(0, 0)).toBe('a');
  });

  it('agrees with a scan of every box on a 20,000-node map', () => {
    const random = seededRandom('hit-test');
    const boxes = Array.from({ length: 20_000 }, (_, index) =>
      box(`n${index}`, random() * 30_000, random() * 20_000, 96 + random() * 120, 40 + random() * 80),
    );
    const index = buildHitIndex(boxes);
    const scan = (x: number, y: number) =>
      boxes.findLast((candidate) => Math.abs(candidate.x - x) <= candidate.width / 2 && Math.abs(candidate.y - y) <= candidate.height / 2)?.id;
    let hits = 0;
    for (let probe = 0; probe < 2_000; probe += 1) {
      // Half the probes aim at a box's centre, so that hits are common.
      const target = boxes[Math.floor(random() * boxes.length)]!;
      const [x, y] = probe % 2 === 0 ? [target.x, target.y] : [random() * 30_000, random() * 20_000];
      const found = index.nodeAt(x, y);
      expect(found).toBe(scan(x, y));
      if (found !== undefined) hits += 1;
    }
    expect(hits).toBeGreaterThan(1_000);
  });
});
