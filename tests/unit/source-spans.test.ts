import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { sourceParagraphs, sourceRuns } from '../../src/core/source-spans.ts';
import { loadSeedMap } from '../support/seed.ts';

const base: ArgMap = { schemaVersion: 1, title: { en: 't' }, sources: [{ id: 's', title: { en: 's' } }], actors: [], nodes: [], edges: [] };
const quoting = (...quotes: [string, string][]): ArgMap => ({
  ...base,
  nodes: quotes.map(([id, text]) => ({ id, kind: 'claim' as const, text: { en: id }, quote: { source: 's', text } })),
});

describe('source runs', () => {
  it('marks quoted text with the nodes quoting it and keeps the whole text', () => {
    const runs = sourceRuns(quoting(['a', 'bc']), 's', 'abcd');
    expect(runs).toEqual([
      { text: 'a', start: 0, nodeIds: [] },
      { text: 'bc', start: 1, nodeIds: ['a'] },
      { text: 'd', start: 3, nodeIds: [] },
    ]);
  });

  it('splits overlapping quotes so every run lists every quote covering it', () => {
    const runs = sourceRuns(quoting(['x', 'abc'], ['y', 'bcd']), 's', 'abcde');
    expect(runs.map((run) => [run.text, run.nodeIds])).toEqual([['a', ['x']], ['bc', ['x', 'y']], ['d', ['y']], ['e', []]]);
  });

  it('ignores quotes of other sources and quotes not in the text', () => {
    const map = quoting(['x', 'zzz']);
    expect(sourceRuns(map, 's', 'abc')).toEqual([{ text: 'abc', start: 0, nodeIds: [] }]);
    expect(sourceRuns(map, 'other', 'zzz')).toEqual([{ text: 'zzz', start: 0, nodeIds: [] }]);
  });

  it('cuts the seed article into paragraphs in which every quoted node appears', () => {
    const seed = loadSeedMap();
    const article = readFileSync(resolve(import.meta.dirname, '../../graph-data/sources/hundred-model-war.txt'), 'utf8');
    const paragraphs = sourceParagraphs(seed, 'article', article);
    expect(paragraphs).toHaveLength(article.trimEnd().split('\n').length);
    expect(paragraphs.map((runs) => runs.map((run) => run.text).join('')).join('\n')).toBe(article.trimEnd());
    const marked = new Set(paragraphs.flat().flatMap((run) => run.nodeIds));
    expect([...marked].sort()).toEqual(seed.nodes.filter((node) => node.quote).map((node) => node.id).sort());
  });
});
