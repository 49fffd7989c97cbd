import { describe, expect, it } from 'vitest';
import { buildOutline, outlineRows, type OutlineItem } from '../../src/core/explore/outline.ts';
import { loadSeedMap } from '../support/seed.ts';
import { makeMap } from '../support/make-map.ts';

const seed = loadSeedMap();


/** Every item of the outline, in reading order, without recursion. */
function allItems(outline: readonly OutlineItem[]): OutlineItem[] {
  return outlineRows(outline).map((row) => row.item);
}

/** A readable picture of an outline: `id` expanded, `→id` a reference, children indented. */
function sketch(outline: readonly OutlineItem[]): string[] {
  return outlineRows(outline).map(({ item, level }) => `${'  '.repeat(level - 1)}${item.ref ? '→' : ''}${item.nodeId}${item.relation ? ` (${item.relation.kind})` : ''}`);
}

function find(outline: readonly OutlineItem[], nodeId: string, ref: boolean): OutlineItem | undefined {
  return allItems(outline).find((item) => item.nodeId === nodeId && item.ref === ref);
}

describe('buildOutline over the seed map', () => {
  const outline = buildOutline(seed);

  it('starts from the questions and the nodes that lead nowhere (the reporter’s framing), in map order', () => {
    const framing = new Set(['rep-fierce-competition', 'rep-debate-shifts']);
    expect(outline.map((item) => item.nodeId)).toEqual(seed.nodes.filter((node) => node.kind === 'question' || framing.has(node.id)).map((node) => node.id));
  });

  it('expands every node exactly once, and gives references no children', () => {
    const items = allItems(outline);
    const expanded = items.filter((item) => !item.ref).map((item) => item.nodeId);
    expect(expanded).toHaveLength(seed.nodes.length);
    expect(new Set(expanded)).toEqual(new Set(seed.nodes.map((node) => node.id)));
    expect(items.filter((item) => item.ref).every((item) => item.children.length === 0)).toBe(true);
  });

  it('lists under a node the nodes whose edges lead to it, in map order, with the relation', () => {
    const chance = outline.find((item) => item.nodeId === 'q-startup-chance');
    expect(chance?.children.map((child) => [child.nodeId, child.relation?.edgeId])).toEqual([
      ['zhao-vertical-startups', 'e-37'],
      ['tu-not-money', 'e-33'],
      ['tu-focus-resources', 'e-34'],
      ['fu-real-opportunity', 'e-35'],
      ['lead-startups-flexible', 'e-36'],
    ]);
    expect(chance?.children.every((child) => child.relation?.kind === 'answer')).toBe(true);
  });

  it('lists an undercut under the conclusion of the inference it attacks', () => {
    const undercut = find(outline, 'tu-not-money', true);
    expect(undercut?.relation).toEqual({ kind: 'undercut', edgeId: 'e-38' });
    const concentration = find(outline, 'tian-concentration', false);
    expect(concentration?.children.map((child) => child.nodeId)).toContain('tu-not-money');
  });

  it('gives every item its own serial', () => {
    const serials = allItems(outline).map((item) => item.serial);
    expect(new Set(serials).size).toBe(serials.length);
  });
});

describe('buildOutline', () => {
  it('expands a node at its shallowest place and refers to it elsewhere', () => {
    const map = makeMap([['q', 'question'], 'a', 'b'], [['aq', 'a', 'q', 'answer'], ['bq', 'b', 'q', 'answer'], ['ba', 'b', 'a']]);
    expect(sketch(buildOutline(map))).toEqual(['q', '  a (answer)', '    →b (support)', '  b (answer)']);
  });

  it('expands every root at the top, even one that leads to another root', () => {
    const map = makeMap([['q1', 'question'], ['q2', 'question'], 'a'], [['q2q1', 'q2', 'q1', 'rephrase'], ['aq2', 'a', 'q2', 'answer']]);
    expect(sketch(buildOutline(map))).toEqual(['q1', '  →q2 (rephrase)', 'q2', '  a (answer)']);
  });

  it('counts a node that leads nowhere as a root', () => {
    const map = makeMap(['thesis', 'reason'], [['rt', 'reason', 'thesis']]);
    expect(sketch(buildOutline(map))).toEqual(['thesis', '  reason (support)']);
  });

  it('stops at a cycle', () => {
    const map = makeMap([['q', 'question'], 'a', 'b'], [['aq', 'a', 'q', 'answer'], ['ba', 'b', 'a'], ['ab', 'a', 'b', 'attack']]);
    expect(sketch(buildOutline(map))).toEqual(['q', '  a (answer)', '    b (support)', '      →a (attack)']);
  });

  it('adds a cycle that no root reaches at the top, from its first node in map order', () => {
    const map = makeMap([['q', 'question'], 'y', 'x', 'z'], [['xy', 'x', 'y'], ['yx', 'y', 'x', 'attack'], ['zx', 'z', 'x']]);
    expect(sketch(buildOutline(map))).toEqual(['q', 'y', '  x (support)', '    →y (attack)', '    z (support)']);
  });

  it('builds a chain of 10,000 nodes', () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => `n${index}`);
    const map = makeMap(
      ids.map((id, index) => (index === 0 ? ([id, 'question'] as const) : id)),
      ids.slice(1).map((id, index) => [`c${index + 1}`, id, `n${index}`] as const),
    );
    const rows = outlineRows(buildOutline(map));
    expect(rows).toHaveLength(10_000);
    expect(rows.at(-1)).toMatchObject({ level: 10_000, positionInSet: 1, setSize: 1 });
    expect(rows.at(-1)?.item.nodeId).toBe('n9999');
  });

  it('handles ids that are object keys or carry separators', () => {
    const map = makeMap([['__proto__', 'question'], 'constructor', 'a,&=#%'], [['toString', 'constructor', '__proto__', 'answer'], ['x', 'a,&=#%', 'constructor']]);
    expect(sketch(buildOutline(map))).toEqual(['__proto__', '  constructor (answer)', '    a,&=#% (support)']);
  });
});

describe('outlineRows', () => {
  const map = makeMap([['q', 'question'], 'a', 'b', 'c', ['r', 'question']], [['aq', 'a', 'q', 'answer'], ['bq', 'b', 'q', 'answer'], ['ca', 'c', 'a']]);
  const outline = buildOutline(map);

  it('gives each row its level, its place among its siblings and their number', () => {
    expect(outlineRows(outline).map((row) => [row.item.nodeId, row.level, row.positionInSet, row.setSize])).toEqual([
      ['q', 1, 1, 2],
      ['a', 2, 1, 2],
      ['c', 3, 1, 1],
      ['b', 2, 2, 2],
      ['r', 1, 2, 2],
    ]);
  });

  it('leaves out the children of closed items', () => {
    const rows = outlineRows(outline, (item) => item.nodeId !== 'a');
    expect(rows.map((row) => row.item.nodeId)).toEqual(['q', 'a', 'b', 'r']);
  });
});
