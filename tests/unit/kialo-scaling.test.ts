/**
 * The Kialo importer takes time linear in its input (issue 13 §2). Speed itself is measured by
 * bench/importer-scaling.ts; these tests show linearity by counting steps, or by inputs so large
 * that a quadratic importer could not finish within the test's generous timeout.
 */

import { describe, expect, it } from 'vitest';
import { claimResolver, importKialo, type KialoEntry } from '../../src/core/formats/kialo.ts';
import { kialoSeeChain, kialoUnclosedLinks } from '../../bench/importer-inputs.ts';

const AT = { line: 1, column: 1 };

function claim(path: string): KialoEntry {
  return { path, parent: '1', stance: 'support', at: AT, content: { kind: 'claim', text: path } };
}

function link(path: string, target: string): KialoEntry {
  return { path, parent: '1', stance: 'attack', at: AT, content: { kind: 'link', target, at: AT } };
}

/** A map that counts how often it is read. */
function countingEntries(entries: readonly KialoEntry[]): { map: ReadonlyMap<string, KialoEntry>; reads: () => number } {
  const map = new Map(entries.map((entry) => [entry.path, entry]));
  let reads = 0;
  const counting: ReadonlyMap<string, KialoEntry> = Object.assign(Object.create(map) as Map<string, KialoEntry>, {
    get: (path: string) => {
      reads += 1;
      return map.get(path);
    },
  });
  return { map: counting, reads: () => reads };
}

/** Links 1.2 … 1.(n+1), each naming the next; the last names `end`. */
function chain(n: number, end: string): KialoEntry[] {
  return Array.from({ length: n }, (_, index) => link(`1.${index + 2}`, index === n - 1 ? end : `1.${index + 3}`));
}

describe('resolving cross-links', () => {
  it.each([1000, 4000])('resolves every link of a chain of %i in at most two reads per link (resolving each afresh took n²/2)', (n) => {
    const { map, reads } = countingEntries([claim('1.1'), ...chain(n, '1.1')]);
    const nodeOf = claimResolver(map);
    for (let index = 2; index <= n + 1; index += 1) expect(nodeOf(`1.${index}`)).toBe('1.1');
    expect(reads()).toBeLessThanOrEqual(2 * n + 1);
  });

  it('resolves a chain that loops, or ends at a missing path, to no claim, in linear reads', () => {
    const n = 2000;
    const looping = countingEntries(chain(n, '1.2'));
    const loopOf = claimResolver(looping.map);
    for (let index = 2; index <= n + 1; index += 1) expect(loopOf(`1.${index}`)).toBeUndefined();
    expect(looping.reads()).toBeLessThanOrEqual(2 * n + 1);

    const broken = countingEntries(chain(n, '9.9'));
    const brokenOf = claimResolver(broken.map);
    for (let index = n + 1; index >= 2; index -= 1) expect(brokenOf(`1.${index}`)).toBeUndefined();
    expect(broken.reads()).toBeLessThanOrEqual(2 * n + 1);
  });

  it('resolves a link into a loop to no claim, and a claim to itself', () => {
    const nodeOf = claimResolver(new Map([
      ['1.1', claim('1.1')], ['1.2', link('1.2', '1.3')], ['1.3', link('1.3', '1.4')], ['1.4', link('1.4', '1.3')], ['1.5', link('1.5', '1.1')],
    ]));
    expect(nodeOf('1.2')).toBeUndefined();
    expect(nodeOf('1.5')).toBe('1.1');
    expect(nodeOf('1.1')).toBe('1.1');
    expect(nodeOf('7')).toBeUndefined();
  });
});

describe('large inputs a quadratic importer could not finish', () => {
  it('imports a 40,000-line chain of 20,000 "-> See" links (a claim under each) as one claim every link resolves to', () => {
    const n = 20_000;
    const { map, problems } = importKialo(kialoSeeChain(n));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    // The question (the title ends in "?"), the thesis, the claim the links name, a claim under each link.
    expect(map?.nodes.length).toBe(3 + n);
    const edgesOfLinks = map?.edges.filter((edge) => /^e1\.\d+$/.test(edge.id) && edge.id !== 'e1.1') ?? [];
    expect(edgesOfLinks).toHaveLength(n);
    expect(new Set(edgesOfLinks.map((edge) => `${edge.from} → ${edge.to}`))).toEqual(new Set(['1.1 → 1']));
    // A claim under a link hangs on the claim the link names.
    expect(map?.edges.find((edge) => edge.id === `e1.${n + 1}.1`)).toMatchObject({ from: `1.${n + 1}.1`, to: '1.1' });
  }, 60_000);

  it('reads a claim of 200,000 Markdown links that never close ("[a](" repeated) as text, with a located problem', () => {
    const { map, problems } = importKialo(kialoUnclosedLinks(200_000));
    expect(map).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 2, message: expect.stringContaining('longer than the limit') })]);
  }, 60_000);

  it('still reads links, nested parentheses and escapes the same way', () => {
    const text = 'Discussion Title: T\n1. See [a (b)](https://example.org/a_(b)) and \\(c\\) [d](e) [x](\n';
    const { map } = importKialo(text);
    expect(map?.nodes[0]?.text.en).toBe('See a (b) and (c) d [x](');
    expect(map?.sources.map((source) => source.url ?? source.title.en)).toEqual(['https://example.org/a_(b)', 'd']);
  });
});
