/**
 * Issue 13 §2–§3: the camera copes with maps whose nodes lie two million units apart, and its
 * range is the one links and tour steps record.
 */
import { describe, expect, it } from 'vitest';
import { SMALLEST_ZOOM } from '../../src/core/format-limits.ts';
import { DEFAULT_ZOOM_LIMITS } from '../../src/core/tours/camera-target.ts';
import { cameraOf, fitTransform, MIN_ZOOM, openingTransform, transformOf } from '../../src/ui/camera.ts';
import { minimumZoom } from '../../src/ui/camera-controller.svelte.ts';

const farApart = { x: -1_000_100, y: -50, width: 2_000_200, height: 100 };

describe('the camera over extreme extents', () => {
  it('fits a map two million units wide on screen, both ends inside', () => {
    const fit = fitTransform(farApart, 1000, 800);
    expect(Number.isFinite(fit.k) && fit.k > 0).toBe(true);
    const [left] = fit.apply([farApart.x, 0]);
    const [right] = fit.apply([farApart.x + farApart.width, 0]);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(1000);
    expect(right - left).toBeGreaterThan(900);
  });

  it('lets a person zoom out far enough to see it whole, and no further than the camera’s range', () => {
    const fit = fitTransform(farApart, 1000, 800);
    const minimum = minimumZoom(farApart, 1000, 800);
    expect(minimum).toBeLessThanOrEqual(fit.k);
    expect(minimum).toBeGreaterThanOrEqual(SMALLEST_ZOOM);
    // Wider than any file can hold: the floor holds.
    expect(minimumZoom({ x: 0, y: 0, width: 1e15, height: 1 }, 1000, 800)).toBe(SMALLEST_ZOOM);
    // Bounds not known yet, or no screen yet: the usual limit.
    expect(minimumZoom({ x: 0, y: 0, width: Number.NaN, height: Number.NaN }, 1000, 800)).toBe(MIN_ZOOM);
    expect(minimumZoom(farApart, 0, 0)).toBe(MIN_ZOOM);
  });

  it('opens such a map at a readable size, with finite numbers', () => {
    const opening = openingTransform(farApart, 1000, 800);
    expect([opening.x, opening.y, opening.k].every(Number.isFinite)).toBe(true);
  });

  it('shows a recorded camera far out as recorded (it was pulled in to 0.05)', () => {
    for (const zoom of [0.0002, SMALLEST_ZOOM, DEFAULT_ZOOM_LIMITS.maxZoom]) {
      const camera = { x: 999_999, y: -999_999, zoom };
      const back = cameraOf(transformOf(camera, 1000, 800), 1000, 800);
      expect(back.zoom).toBeCloseTo(zoom, 12);
      expect(back.x).toBeCloseTo(camera.x, 3);
      expect(back.y).toBeCloseTo(camera.y, 3);
    }
  });
});
