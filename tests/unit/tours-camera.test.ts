import { describe, expect, it } from 'vitest';
import type { Camera } from '../../src/core/model.ts';
import { DEFAULT_ZOOM_LIMITS, stepCameraTarget } from '../../src/core/tours/camera-target.ts';
import type { Position } from '../../src/layout/layout-node.ts';
import type { Extent } from '../../src/layout/node-boxes.ts';

/** Three 100 × 50 boxes in a row, 1000 apart. */
const positions: Position[] = [
  { id: 'left', x: -1000, y: 0 },
  { id: 'middle', x: 0, y: 0 },
  { id: 'right', x: 1000, y: 0 },
];
const boxes = new Map<string, Extent>(positions.map(({ id }) => [id, { width: 100, height: 50 }]));
const viewport = { width: 1200, height: 800 };

function view(shown: string[], focusNodes: string[] = [], camera?: Camera) {
  return { shown: { nodes: new Set(shown), edges: new Set<string>() }, focusNodes: new Set(focusNodes), ...(camera ? { camera } : {}) };
}

describe('stepCameraTarget', () => {
  it('goes where the step’s own camera says', () => {
    const camera = { x: 12, y: -34, zoom: 0.7 };
    expect(stepCameraTarget(view(['left', 'right'], ['middle'], camera), positions, boxes, viewport)).toEqual(camera);
  });

  it('keeps a step’s own zoom within the limits', () => {
    expect(stepCameraTarget(view([], [], { x: 0, y: 0, zoom: 100 }), positions, boxes, viewport).zoom).toBe(DEFAULT_ZOOM_LIMITS.maxZoom);
    expect(stepCameraTarget(view([], [], { x: 0, y: 0, zoom: 1e-9 }), positions, boxes, viewport).zoom).toBe(DEFAULT_ZOOM_LIMITS.minZoom);
    // A step recorded far out on a map two million units wide is shown as recorded.
    expect(stepCameraTarget(view([], [], { x: 0, y: 0, zoom: 0.0002 }), positions, boxes, viewport).zoom).toBe(0.0002);
  });

  it('fits the focus when the step has no camera', () => {
    const target = stepCameraTarget(view(['left', 'middle', 'right'], ['middle', 'right']), positions, boxes, viewport);
    expect(target.x).toBeCloseTo(500);
    expect(target.y).toBeCloseTo(0);
    // The focus spans 1100 map units plus a margin each side, in a 1200-pixel-wide viewport.
    expect(target.zoom).toBeLessThan(1200 / 1100);
    expect(target.zoom).toBeGreaterThan(1200 / 1400);
  });

  it('fits everything shown when nothing is focused, and nothing that is not shown', () => {
    const all = stepCameraTarget(view(['left', 'middle', 'right']), positions, boxes, viewport);
    expect(all.x).toBeCloseTo(0);
    const two = stepCameraTarget(view(['left', 'middle']), positions, boxes, viewport);
    expect(two.x).toBeCloseTo(-500);
    expect(two.zoom).toBeGreaterThan(all.zoom);
  });

  it('fits what is shown when no focused node has a place yet', () => {
    const target = stepCameraTarget(view(['left', 'middle'], ['unplaced']), positions, boxes, viewport);
    expect(target.x).toBeCloseTo(-500);
  });

  it('never enlarges a small focus past the fitting limit', () => {
    const target = stepCameraTarget(view(['middle'], ['middle']), positions, boxes, { width: 4000, height: 4000 });
    expect(target.zoom).toBe(DEFAULT_ZOOM_LIMITS.maxFitZoom);
    expect(target).toMatchObject({ x: 0, y: 0 });
  });

  it('fits nodes two million units apart whole, within the camera’s range', () => {
    const far: Position[] = [{ id: 'left', x: -1_000_000, y: 0 }, { id: 'right', x: 1_000_000, y: 0 }];
    const target = stepCameraTarget(view(['left', 'right']), far, boxes, viewport);
    expect(target.zoom).toBeLessThanOrEqual(1200 / 2_000_000);
    expect(target.zoom).toBeGreaterThanOrEqual(DEFAULT_ZOOM_LIMITS.minZoom);
    expect(target.x).toBeCloseTo(0);
  });

  it('honours other limits', () => {
    const limits = { minZoom: 0.5, maxZoom: 2, maxFitZoom: 3 };
    expect(stepCameraTarget(view(['middle']), positions, boxes, { width: 4000, height: 4000 }, limits).zoom).toBe(2);
    expect(stepCameraTarget(view(['left', 'right']), positions, boxes, { width: 100, height: 100 }, limits).zoom).toBe(0.5);
  });

  it('stays finite for a viewport that is not laid out yet', () => {
    for (const size of [0, -5, Number.NaN]) {
      const target = stepCameraTarget(view(['left', 'right']), positions, boxes, { width: size, height: size });
      expect(Number.isFinite(target.x) && Number.isFinite(target.y) && Number.isFinite(target.zoom)).toBe(true);
    }
  });

  it('centres on the origin when nothing is shown', () => {
    const target = stepCameraTarget(view([]), positions, boxes, viewport);
    expect(target).toMatchObject({ x: 0, y: 0 });
    expect(Number.isFinite(target.zoom)).toBe(true);
  });
});
