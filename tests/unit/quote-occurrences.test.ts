/**
 * Quotes are checked against their source in one pass over it (Aho–Corasick), not one search per
 * quote: `includes` costs up to the source's length times the quote's for some quotes (a quote
 * of 10,000 characters over 20 MB of text took over two minutes), so a map of many quotes could
 * hang `argmap validate`.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuoteProblems } from '../../src/core/validate/quotes.ts';
import { occurringTexts } from '../../src/core/validate/occurrences.ts';
import type { ArgMap } from '../../src/core/model.ts';

const UNITS = ['a', 'b', 'ab', '百', '\uD83D\uDE42', '\uD800', ' '];

describe('occurringTexts', () => {
  it('finds exactly the patterns that occur, as includes does (seeded)', () => {
    const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 80 }).map((units) => units.join(''));
    const pattern = fc.array(fc.constantFrom(...UNITS), { maxLength: 6 }).map((units) => units.join(''));
    fc.assert(fc.property(text, fc.array(pattern, { maxLength: 12 }), (haystack, patterns) => {
      const found = occurringTexts(haystack, patterns);
      expect([...found].sort()).toEqual([...new Set(patterns.filter((candidate) => haystack.includes(candidate)))].sort());
    }), { seed: 4242, numRuns: 3000 });
  });

  it('searches 100 quotes of 10,000 characters over 4 MB in one pass (includes would compare about 10^11 characters)', () => {
    const source = 'a'.repeat(4_000_000);
    const quotes = Array.from({ length: 100 }, (_, index) => `${'a'.repeat(index * 50 + 2000)}b${'a'.repeat(7999 - index * 50)}`);
    const found = occurringTexts(source, [...quotes, 'a'.repeat(10_000)]);
    expect([...found]).toEqual(['a'.repeat(10_000)]);
  }, 60_000);
});

describe('findQuoteProblems', () => {
  it('reports exactly the quotes that are not verbatim, each once per node', () => {
    const map: ArgMap = {
      schemaVersion: 1,
      title: { en: 'm' },
      sources: [{ id: 's', title: { en: 's' } }, { id: 't', title: { en: 't' } }],
      actors: [],
      nodes: [
        { id: 'n1', kind: 'claim', text: { en: 'x' }, quote: { source: 's', text: 'brown fox' } },
        { id: 'n2', kind: 'claim', text: { en: 'x' }, quote: { source: 's', text: 'red fox' } },
        { id: 'n3', kind: 'claim', text: { en: 'x' }, quote: { source: 's', text: 'red fox' } },
        { id: 'n4', kind: 'claim', text: { en: 'x' }, quote: { source: 't', text: 'anything' } },
      ],
      edges: [],
    };
    const problems = findQuoteProblems(map, new Map([['s', 'the quick brown fox']]));
    expect(problems.map((problem) => problem.id)).toEqual(['n2', 'n3']);
  });
});
