import { describe, expect, it } from 'vitest';
import { visiblePart } from '../../src/layout/edge-geometry.ts';

const screen = { left: 0, top: 0, right: 100, bottom: 100 };

describe('the part of an edge a canvas strokes', () => {
  it('keeps a line inside the screen whole', () => {
    expect(visiblePart({ x1: 10, y1: 10, x2: 90, y2: 50 }, screen)).toEqual({ x1: 10, y1: 10, x2: 90, y2: 50 });
  });

  it('cuts a line crossing the screen at its borders', () => {
    expect(visiblePart({ x1: -1000, y1: 50, x2: 1000, y2: 50 }, screen)).toEqual({ x1: 0, y1: 50, x2: 100, y2: 50 });
    const diagonal = visiblePart({ x1: -50, y1: -50, x2: 150, y2: 150 }, screen)!;
    expect(diagonal.x1).toBeCloseTo(0);
    expect(diagonal.y1).toBeCloseTo(0);
    expect(diagonal.x2).toBeCloseTo(100);
    expect(diagonal.y2).toBeCloseTo(100);
  });

  it('drops a line that misses the screen, also one parallel to a border', () => {
    expect(visiblePart({ x1: -50, y1: 150, x2: 150, y2: 200 }, screen)).toBeUndefined();
    expect(visiblePart({ x1: -50, y1: -1, x2: 150, y2: -1 }, screen)).toBeUndefined();
    expect(visiblePart({ x1: 200, y1: 0, x2: 300, y2: 100 }, screen)).toBeUndefined();
  });

  it('starts a dashed line a whole number of dash periods from its true start, so panning does not slide the dashes', () => {
    const cut = visiblePart({ x1: -1003, y1: 50, x2: 1000, y2: 50 }, screen, 14)!;
    expect(cut.x1).toBeLessThanOrEqual(0);
    expect(cut.x1).toBeGreaterThan(-14);
    expect((cut.x1 - -1003) % 14).toBeCloseTo(0);
    expect(cut.x2).toBe(100);
  });
});
