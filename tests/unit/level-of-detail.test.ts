import { describe, expect, it } from 'vitest';
import { CAPTION_FONT_SIZE, LABEL_FONT_SIZE } from '../../src/layout/appearance.ts';
import {
  CROWDED_EDGES_SCREEN_LENGTH, crowdedEdgeWidth, DISTANT_ZOOM, levelOfDetail, MIN_ARROWHEAD_PX, MIN_LEGIBLE_FONT_PX,
} from '../../src/layout/level-of-detail.ts';
import { MARKER_SIZE } from '../../src/layout/shapes.ts';

describe('level of detail', () => {
  it('draws everything at the readable opening zoom and beyond', () => {
    for (const zoom of [0.8, 1, 4]) {
      expect(levelOfDetail(zoom)).toEqual({ labels: true, boxDetail: true, smallText: true, arrowheads: true, dashes: true, edgeWidthScale: 1, edgeOpacity: 1 });
    }
  });

  it('drops labels exactly where their on-screen size falls below the legible size', () => {
    const threshold = MIN_LEGIBLE_FONT_PX / LABEL_FONT_SIZE;
    expect(levelOfDetail(threshold).labels).toBe(true);
    expect(levelOfDetail(threshold * 0.99).labels).toBe(false);
  });

  it('draws boxes plain where their labels are left out', () => {
    for (const zoom of [0.05, 0.2, 0.42, 0.5, 1]) expect(levelOfDetail(zoom).boxDetail).toBe(levelOfDetail(zoom).labels);
  });

  it('drops captions and badges before labels, as their text is smaller', () => {
    const zoom = (MIN_LEGIBLE_FONT_PX / CAPTION_FONT_SIZE) * 0.99;
    expect(levelOfDetail(zoom)).toMatchObject({ labels: true, smallText: false });
  });

  it('drops arrowheads once they shrink below a few pixels', () => {
    const threshold = MIN_ARROWHEAD_PX / MARKER_SIZE;
    expect(levelOfDetail(threshold).arrowheads).toBe(true);
    expect(levelOfDetail(threshold * 0.99).arrowheads).toBe(false);
  });

  it('draws edges light, thin and solid when the map is seen from afar', () => {
    const far = levelOfDetail(DISTANT_ZOOM * 0.99);
    expect(far).toMatchObject({ labels: false, smallText: false, arrowheads: false, dashes: false });
    expect(far.edgeWidthScale).toBeLessThan(1);
    expect(far.edgeOpacity).toBeLessThan(1);
    expect(levelOfDetail(DISTANT_ZOOM).dashes).toBe(true);
  });

  it('leaves text and arrowheads out while the layout is settling, whatever the zoom', () => {
    for (const zoom of [0.5, 1, 4]) expect(levelOfDetail(zoom, true)).toMatchObject({ labels: false, smallText: false, arrowheads: false });
  });

  it('draws edges one device pixel wide once their lines crowd the screen', () => {
    expect(crowdedEdgeWidth(CROWDED_EDGES_SCREEN_LENGTH, 0.8, 1)).toBeUndefined();
    expect(crowdedEdgeWidth(CROWDED_EDGES_SCREEN_LENGTH + 1, 0.8, 1)).toBeCloseTo(1 / 0.8);
    // In map units: one device pixel at this zoom and pixel ratio.
    expect(crowdedEdgeWidth(CROWDED_EDGES_SCREEN_LENGTH * 2, 0.5, 2)).toBe(1);
  });
});
