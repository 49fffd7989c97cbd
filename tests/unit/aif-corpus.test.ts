/**
 * The AIF corpus in the repository (Moral Maze nodeset 6064 with its dialogue, and arguebuf's copy
 * without it; MIT): the mapping rules, an unchanged round trip, named speakers, and validate, stats
 * and convert agreeing. The AIF corpora that may not be copied are checked the same way by
 * tests/conformance/aif.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAif } from '../../src/core/formats/aif.ts';
import { expectCommandsAgree, expectMappingAndRoundTrip, expectNamedActors } from '../support/aif-corpus.ts';
import { repoCorpus } from '../support/corpora.ts';

const DIR = repoCorpus('aif-moralmaze-arguebuf');
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.json')).sort();

describe('the Moral Maze AIF corpus', () => {
  it('has both files', () => {
    expect(FILES).toEqual(['nodeset6064-original.json', 'nodeset6064-reconstructed.json']);
  });

  it.each(FILES)('%s opens as the mapping rules say and is written back unchanged', (name) => {
    expectMappingAndRoundTrip(join(DIR, name));
  });

  it.each(FILES)('%s: validate, stats and convert agree', async (name) => {
    await expectCommandsAgree(join(DIR, name));
  }, 30_000);

  it('the original\'s nine propositions are each quoted from their speaker (CL, NL), never from the annotator "M"', () => {
    const path = join(DIR, 'nodeset6064-original.json');
    expectNamedActors(path);
    const map = importAif(readFileSync(path, 'utf8')).map!;
    expect(map.actors.map((actor) => actor.id)).toEqual(['CL', 'NL']);
    expect(map.nodes.filter((node) => node.actor !== undefined && node.quote?.source === 'aif-dialogue')).toHaveLength(9);
    expect(map.nodes.some((node) => node.quote?.text.startsWith('M:') || node.quote?.text.startsWith('CL :'))).toBe(false);
    expect(map.nodes.find((node) => node.quote?.text.startsWith('But my point is they got to a point where Macmillan'))?.actor).toBe('CL');
  });
});
