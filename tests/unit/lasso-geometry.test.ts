/** The lasso's rectangle as drawn (lasso-geometry.ts). */
import { describe, expect, it } from 'vitest';
import { atLeast } from '../../src/ui/lasso-geometry.ts';

describe('the lasso drawn', () => {
  it('shows at least a small square about where it began, and its own size once bigger', () => {
    expect(atLeast({ left: 10, top: 20, right: 10, bottom: 20 }, 12)).toEqual({ left: 4, top: 14, right: 16, bottom: 26 });
    expect(atLeast({ left: 0, top: 0, right: 100, bottom: 4 }, 12)).toEqual({ left: 0, top: -4, right: 100, bottom: 8 });
    expect(atLeast({ left: 0, top: 0, right: 50, bottom: 40 }, 12)).toEqual({ left: 0, top: 0, right: 50, bottom: 40 });
  });
});
