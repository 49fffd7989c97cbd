import { describe, expect, it } from 'vitest';
import { LEGIBLE_ZOOM, openingFocus, openingView } from '../../src/ui/opening-view.ts';
import { makeMap } from '../support/make-map.ts';
import { loadSeedMap } from '../support/seed.ts';

describe('the opening view', () => {
  it('shows a map that fits whole, centred', () => {
    const view = openingView({ x: -100, y: -50, width: 200, height: 100 }, undefined, 1000, 800);
    expect(view.k).toBe(1.25);
    expect(view.apply([0, 0])).toEqual([500, 400]);
  });

  it('keeps a wide map at a legible zoom, its left edge on screen and the focus in view', () => {
    // 3,000 units wide: the whole would need a zoom of about 1/3.
    const bounds = { x: 0, y: 0, width: 3000, height: 600 };
    const view = openingView(bounds, { x: 400, y: 100, width: 800, height: 200 }, 1100, 850);
    expect(view.k).toBe(LEGIBLE_ZOOM);
    // The map's left edge sits at the padding; the focus ends inside the map area.
    expect(view.applyX(0)).toBe(24);
    expect(view.applyX(1200)).toBeLessThanOrEqual(1100 - 24);
    // The map is not as tall as the view: it is centred vertically.
    expect(view.applyY(300)).toBeCloseTo(425);
  });

  it('moves off the map’s left edge only as far as the focus needs', () => {
    const bounds = { x: 0, y: 0, width: 4000, height: 2000 };
    const focus = { x: 2000, y: 1500, width: 600, height: 300 };
    const view = openingView(bounds, focus, 1100, 850);
    expect(view.k).toBe(LEGIBLE_ZOOM);
    expect(view.applyX(2600)).toBeCloseTo(1100 - 24);
    expect(view.applyY(1800)).toBeCloseTo(850 - 24);
    expect(view.applyX(2000)).toBeGreaterThanOrEqual(24);
  });

  it('focuses on the first question and the clashes among answers to one question', () => {
    const map = makeMap([['q', 'question'], 'a', 'b', 'c', 'd'], [
      ['aq', 'a', 'q', 'answer'],
      ['bq', 'b', 'q', 'answer'],
      ['ab', 'a', 'b', 'attack'],
      ['ba', 'b', 'a', 'attack'],
      // c and d rebut each other, but only c answers q.
      ['cq', 'c', 'q', 'answer'],
      ['cd', 'c', 'd', 'attack'],
      ['dc', 'd', 'c', 'attack'],
    ]);
    expect(openingFocus(map)).toEqual(['q', 'a', 'b']);
  });

  it('finds the seed map’s central question and its two named clashes', () => {
    expect(openingFocus(loadSeedMap()).sort()).toEqual(
      ['q-who-wins', 'zhu-startups-destroyed', 'fu-new-opportunities', 'he-vertical-not-cheap', 'tang-vertical-cheaper'].sort(),
    );
  });
});
