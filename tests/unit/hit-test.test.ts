import { describe, expect, it } from 'vitest';
import { buildHitIndex } from '../../src/layout/hit-test.ts';
import { seededRandom } from '../../src/layout/random.ts';

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const box = (id: string, x: number, y: number, width = 100, height = 40): Box => ({ id, x, y, width, height });

/** A hit index over boxes drawn in the given order, answering with ids. */
function hitIndexOf(boxes: readonly Box[], drawn: readonly number[] = boxes.map((_, index) => index)): { nodeAt(x: number, y: number): string | undefined } {
  const coordinates = Float64Array.from(boxes.flatMap(({ x, y }) => [x, y]));
  const sizes = Float64Array.from(boxes.flatMap(({ width, height }) => [width, height]));
  const index = buildHitIndex(drawn, coordinates, sizes);
  return { nodeAt: (x, y) => boxes[index.nodeAt(x, y) ?? -1]?.id };
}

describe('hit testing', () => {
  it('finds nothing on an empty map', () => {
    expect(hitIndexOf([]).nodeAt(0, 0)).toBeUndefined();
  });

  it('finds the box containing a point, and nothing beside it', () => {
    const index = hitIndexOf([box('a', 0, 0), box('b', 300, 0)]);
    expect(index.nodeAt(10, 5)).toBe('a');
    expect(index.nodeAt(290, -15)).toBe('b');
    expect(index.nodeAt(150, 0)).toBeUndefined();
    expect(index.nodeAt(0, 21)).toBeUndefined();
  });

  it('counts the border of a box as inside it', () => {
    const index = hitIndexOf([box('a', 0, 0)]);
    expect(index.nodeAt(50, 20)).toBe('a');
    expect(index.nodeAt(-50, -20)).toBe('a');
    expect(index.nodeAt(50.001, 0)).toBeUndefined();
  });

  it('picks the top-most (last drawn) of overlapping boxes', () => {
    const index = hitIndexOf([box('under', 0, 0), box('over', 40, 10), box('wide', 500, 0, 400, 20)]);
    expect(index.nodeAt(30, 5)).toBe('over');
    expect(index.nodeAt(-30, -5)).toBe('under');
    // A wide box reaches a point far from its centre, further than any other box's half width.
    expect(index.nodeAt(320, 0)).toBe('wide');
  });

  it('ignores boxes whose centre is not a number yet, boxes without a size and nodes not drawn', () => {
    const index = hitIndexOf([box('lost', Number.NaN, 0), box('a', 0, 0), box('unsized', 0, 0, Number.NaN, Number.NaN), box('hidden', 200, 0)], [0, 1, 2]);
    expect(index.nodeAt(0, 0)).toBe('a');
    expect(index.nodeAt(200, 0)).toBeUndefined();
  });

  it('follows the drawing order given, not the node order', () => {
    const boxes = [box('over', 0, 0), box('under', 10, 0)];
    expect(hitIndexOf(boxes, [1, 0]).nodeAt(5, 0)).toBe('over');
    expect(hitIndexOf(boxes, [0, 1]).nodeAt(5, 0)).toBe('under');
  });

  it('agrees with a scan of every box on a 20,000-node map', () => {
    const random = seededRandom('hit-test');
    const boxes = Array.from({ length: 20_000 }, (_, index) =>
      box(`n${index}`, random() * 30_000, random() * 20_000, 96 + random() * 120, 40 + random() * 80),
    );
    const index = hitIndexOf(boxes);
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
