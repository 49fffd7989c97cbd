/**
 * Reading argmap JSON takes time linear in the file (issue 13 §2). Speed itself is measured by
 * bench/importer-scaling.ts; these inputs are ones a reader quadratic in them could not finish.
 */

import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/core/json/parse-json.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { argmapJsonLongKey } from '../../bench/importer-inputs.ts';

describe('positions of a file with a long key over many items', () => {
  it('parses a 1 MB key over 250,000 items, and locates the last one (one pointer string per item would be 250 GB)', () => {
    const text = argmapJsonLongKey(1_000_000);
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error('expected the file to parse');
    const key = 'k'.repeat(1_000_000);
    expect(parsed.pointers.get(`/${key}/249999`)).toEqual({ line: 1, column: 1_000_000 + 23 + 2 * 249_999 + 1 });
    expect(parsed.pointers.locate(`/${key}/250000/deeper`)).toEqual({ line: 1, column: 20 });
  }, 60_000);

  it('reports a duplicate key under a long key with its pointer, and the 200th and later without building theirs', () => {
    const key = 'k'.repeat(100_000);
    const duplicates = Array.from({ length: 20_000 }, () => '"a":0').join(',');
    const result = loadMapText(`{"${key}": {${duplicates}}}`);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems[0]).toMatchObject({ pointer: `/${key}/a`, message: 'duplicate key "a" (first at 1:100007)' });
    expect(problems.at(-1)?.message).toBe('… and 19799 more errors');
  }, 60_000);
});
