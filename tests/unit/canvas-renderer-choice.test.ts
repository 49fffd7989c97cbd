import { describe, expect, it } from 'vitest';
import { minimumZoom } from '../../src/ui/camera-controller.svelte.ts';
import { MIN_ZOOM } from '../../src/ui/camera.ts';
import { CANVAS_RENDERER_MIN_NODES, chooseRenderer, rendererFromQuery } from '../../src/ui/map-renderer.ts';

describe('choosing the renderer', () => {
  it('keeps SVG for small maps and draws big ones on a canvas', () => {
    expect(chooseRenderer(61, undefined)).toBe('svg');
    expect(chooseRenderer(159, undefined)).toBe('svg');
    expect(chooseRenderer(287, undefined)).toBe('canvas');
    expect(chooseRenderer(CANVAS_RENDERER_MIN_NODES, undefined)).toBe('svg');
    expect(chooseRenderer(CANVAS_RENDERER_MIN_NODES + 1, undefined)).toBe('canvas');
    expect(chooseRenderer(20_000, undefined)).toBe('canvas');
  });

  it('follows ?renderer= in the address either way', () => {
    expect(rendererFromQuery('?renderer=canvas')).toBe('canvas');
    expect(rendererFromQuery('?lang=en&renderer=svg')).toBe('svg');
    expect(chooseRenderer(61, rendererFromQuery('?renderer=canvas'))).toBe('canvas');
    expect(chooseRenderer(20_000, rendererFromQuery('?renderer=svg'))).toBe('svg');
  });

  it('ignores a missing or unknown renderer', () => {
    expect(rendererFromQuery('')).toBeUndefined();
    expect(rendererFromQuery('?renderer=webgl')).toBeUndefined();
    expect(rendererFromQuery('?renderer=')).toBeUndefined();
  });
});

describe('the smallest zoom', () => {
  it('is the usual limit for a map that fits at it', () => {
    expect(minimumZoom({ x: 0, y: 0, width: 3_000, height: 2_000 }, 1_000, 800)).toBe(MIN_ZOOM);
  });

  it('lets a person see a whole 20,000-node map, however far it spreads', () => {
    const bounds = { x: -40_000, y: -30_000, width: 80_000, height: 60_000 };
    const zoom = minimumZoom(bounds, 1_000, 800);
    expect(zoom).toBeLessThan(MIN_ZOOM);
    expect(bounds.width * zoom).toBeLessThanOrEqual(1_000);
    expect(bounds.height * zoom).toBeLessThanOrEqual(800);
  });

  it('is the usual limit before the view is measured', () => {
    expect(minimumZoom({ x: 0, y: 0, width: 80_000, height: 60_000 }, 0, 0)).toBe(MIN_ZOOM);
  });
});
