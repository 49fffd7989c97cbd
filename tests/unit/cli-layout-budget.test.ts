import { describe, expect, it } from 'vitest';
import { boundedLayout } from '../../src/cli/bounded-layout.ts';
import { DEFAULT_SEED, settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { loadSeedMap } from '../support/seed.ts';

describe('the CLI’s layout budget', () => {
  const seed = loadSeedMap();

  it('within the budget, is the app’s settled layout to the last digit, with no warning', () => {
    const warnings: string[] = [];
    expect(boundedLayout(seed, DEFAULT_SEED, (message) => warnings.push(message))).toEqual(settleLayout(seed, layoutExtents(seed), { seed: DEFAULT_SEED }));
    expect(warnings).toEqual([]);
  });

  it('past the budget, stops with a warning and still places every node', () => {
    const warnings: string[] = [];
    const positions = boundedLayout(seed, DEFAULT_SEED, (message) => warnings.push(message), 0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^the layout stopped after 0 s, \d+% settled, so some nodes may overlap/);
    expect(positions.map((position) => position.id)).toEqual(seed.nodes.map((node) => node.id));
    expect(positions.every((position) => Number.isFinite(position.x) && Number.isFinite(position.y))).toBe(true);
  });
});
