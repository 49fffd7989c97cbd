/** `mapStats`: the counts `argmap stats` prints, here for an AIF file and the seed map. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAif } from '../../src/core/formats/aif.ts';
import { mapStats } from '../../src/core/formats/stats.ts';
import { loadSeedMap } from '../support/seed.ts';

describe('map statistics', () => {
  it('counts the nodes, the edges of every kind and the actors of an AIF file', () => {
    const { map } = importAif(readFileSync(resolve(import.meta.dirname, '../fixtures/aif/ova3-bike-lanes.json'), 'utf8'));
    expect(mapStats(map!, 'aif-json')).toEqual({
      format: 'aif-json',
      nodes: 6,
      edges: 5,
      edgesByKind: { support: 2, attack: 1, undercut: 1, answer: 0, rephrase: 1 },
      actors: 2,
    });
  });

  it('lists every edge kind, with the per-kind counts adding up to the edges', () => {
    const seed = loadSeedMap();
    const stats = mapStats(seed, 'argmap-json');
    expect(Object.keys(stats.edgesByKind)).toEqual(['support', 'attack', 'undercut', 'answer', 'rephrase']);
    expect(Object.values(stats.edgesByKind).reduce((sum, count) => sum + count, 0)).toBe(stats.edges);
    expect(stats).toMatchObject({ format: 'argmap-json', nodes: seed.nodes.length, edges: seed.edges.length, actors: seed.actors.length });
    expect(stats.edgesByKind.answer).toBe(seed.edges.filter((edge) => edge.kind === 'answer').length);
  });
});
