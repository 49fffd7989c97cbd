import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { collapsedHidden } from '../../src/core/explore/collapse.ts';
import { loadSeedMap } from '../support/seed.ts';
import { makeMap } from '../support/make-map.ts';


/**
 *        q
 *      a   b        e2 supports both a and b; f supports e1
 *    e1  e2
 *    f
 */
const tree = makeMap(
  [['q', 'question'], 'a', 'b', 'e1', 'e2', 'f'],
  [
    ['aq', 'a', 'q', 'answer'],
    ['bq', 'b', 'q', 'answer'],
    ['e1a', 'e1', 'a'],
    ['e2a', 'e2', 'a'],
    ['e2b', 'e2', 'b'],
    ['fe1', 'f', 'e1'],
  ],
);

function chain(length: number): ArgMap {
  const ids = Array.from({ length }, (_, index) => `n${index}`);
  return makeMap(
    ids.map((id, index) => (index === 0 ? ([id, 'question'] as const) : id)),
    ids.slice(1).map((id, index) => [`c${index + 1}`, id, `n${index}`] as const),
  );
}

describe('collapsedHidden', () => {
  it('hides nothing when nothing is collapsed', () => {
    expect(collapsedHidden(tree, [])).toEqual({ hidden: new Set(), hiddenCount: new Map() });
  });

  it('says "nothing collapsed" with the same object every time, so that an edit with nothing collapsed changes nothing derived from it', () => {
    const map = makeMap(['a', 'b'], [['e', 'b', 'a']]);
    const edited = { ...map, nodes: map.nodes.map((node) => ({ ...node, text: { en: 'edited' } })) };
    expect(collapsedHidden(edited, [])).toBe(collapsedHidden(map, []));
    expect(collapsedHidden(edited, ['gone'])).toBe(collapsedHidden(map, []));
  });

  it('hides what hangs only under the collapsed node, and keeps what has another way up', () => {
    const result = collapsedHidden(tree, ['a']);
    expect(result.hidden).toEqual(new Set(['e1', 'f']));
    expect(result.hiddenCount).toEqual(new Map([['a', 2]]));
  });

  it('hides a node whose every way up is collapsed, and counts it for each collapsed node', () => {
    const result = collapsedHidden(tree, ['a', 'b']);
    expect(result.hidden).toEqual(new Set(['e1', 'e2', 'f']));
    expect(result.hiddenCount).toEqual(new Map([['a', 3], ['b', 1]]));
  });

  it('hides a collapsed node under another collapsed node, and gives only the shown one a count', () => {
    const result = collapsedHidden(tree, ['e1', 'a']);
    expect(result.hidden).toEqual(new Set(['e1', 'f']));
    expect(result.hiddenCount).toEqual(new Map([['a', 2]]));
  });

  it('hides everything under a collapsed root', () => {
    const result = collapsedHidden(tree, ['q']);
    expect(result.hidden).toEqual(new Set(['a', 'b', 'e1', 'e2', 'f']));
    expect(result.hiddenCount.get('q')).toBe(5);
  });

  it('keeps a question shown even when it leads to a collapsed node', () => {
    const map = makeMap([['q1', 'question'], ['q2', 'question'], 'a'], [['q2q1', 'q2', 'q1', 'rephrase'], ['aq2', 'a', 'q2', 'answer']]);
    expect(collapsedHidden(map, ['q1']).hidden).toEqual(new Set());
  });

  it('hides an undercut with the conclusion of the inference it attacks', () => {
    const map = makeMap([['q', 'question'], 'a', 'e', 'u'], [['aq', 'a', 'q', 'answer'], ['ea', 'e', 'a'], ['u-ea', 'u', 'ea', 'undercut']]);
    expect(collapsedHidden(map, ['a']).hidden).toEqual(new Set(['e', 'u']));
  });

  it('hides a cycle hanging under the collapsed node', () => {
    const map = makeMap([['q', 'question'], 'a', 'b', 'c'], [['aq', 'a', 'q', 'answer'], ['ba', 'b', 'a'], ['cb', 'c', 'b'], ['bc', 'b', 'c', 'attack']]);
    const result = collapsedHidden(map, ['a']);
    expect(result.hidden).toEqual(new Set(['b', 'c']));
    expect(result.hiddenCount.get('a')).toBe(2);
  });

  it('in a cycle with no way out, hides what hangs under a collapsed node but never the collapsed nodes themselves', () => {
    // x and y support each other; nothing leads anywhere else; z supports x.
    const map = makeMap(['x', 'y', 'z'], [['xy', 'x', 'y'], ['yx', 'y', 'x'], ['zx', 'z', 'x']]);
    expect(collapsedHidden(map, ['x'])).toEqual({ hidden: new Set(['y', 'z']), hiddenCount: new Map([['x', 2]]) });
    expect(collapsedHidden(map, ['x', 'y'])).toEqual({ hidden: new Set(['z']), hiddenCount: new Map([['x', 1], ['y', 0]]) });
  });

  it('ignores ids that are not nodes', () => {
    expect(collapsedHidden(tree, ['missing', '__proto__', 'aq']).hidden).toEqual(new Set());
  });

  it('handles a chain of 10,000 nodes', () => {
    const map = chain(10_000);
    const fromTop = collapsedHidden(map, ['n0']);
    expect(fromTop.hidden.size).toBe(9_999);
    expect(fromTop.hiddenCount.get('n0')).toBe(9_999);
    const fromMiddle = collapsedHidden(map, ['n5000']);
    expect(fromMiddle.hidden.size).toBe(4_999);
    expect(fromMiddle.hidden.has('n5000')).toBe(false);
    expect(fromMiddle.hidden.has('n5001')).toBe(true);
  });

  it('handles ids that are object keys or carry separators', () => {
    const map = makeMap([['__proto__', 'question'], 'constructor', 'a,&=#%'], [['toString', 'constructor', '__proto__', 'answer'], ['x', 'a,&=#%', 'constructor']]);
    expect(collapsedHidden(map, ['constructor'])).toEqual({ hidden: new Set(['a,&=#%']), hiddenCount: new Map([['constructor', 1]]) });
  });

  it('in the seed map, collapsing a claim hides the chain of reasons under it', () => {
    const seed = loadSeedMap();
    const result = collapsedHidden(seed, ['he-vertical-not-cheap']);
    expect(result.hidden).toEqual(new Set(['he-built-on-general', 'he-no-common-sense', 'ev-returns-example']));
    expect(result.hiddenCount).toEqual(new Map([['he-vertical-not-cheap', 3]]));
    // 朱啸虎's reasons also attack 傅盛's claims, so they have other ways up and stay.
    expect(collapsedHidden(seed, ['zhu-startups-destroyed']).hidden).toEqual(new Set());
  });
});
