import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/model.ts';
import { nextNode } from '../../src/core/explore/keyboard-nav.ts';
import { makeMap } from '../support/make-map.ts';


/**
 *   q1            q2
 * a  b  c         e supports a and b; f supports a; u undercuts f → a
 * e f (u)
 */
const map = makeMap(
  [['q1', 'question'], ['q2', 'question'], 'a', 'b', 'c', 'e', 'f', 'u'],
  [
    ['aq1', 'a', 'q1', 'answer'],
    ['bq1', 'b', 'q1', 'answer'],
    ['cq1', 'c', 'q1', 'answer'],
    ['ea', 'e', 'a'],
    ['eb', 'e', 'b'],
    ['fa', 'f', 'a'],
    ['u-fa', 'u', 'fa', 'undercut'],
  ],
);

function positions(xs: Record<string, number>): ReadonlyMap<string, Point> {
  return new Map(Object.entries(xs).map(([id, x]) => [id, { x, y: 0 }]));
}

describe('nextNode in map order', () => {
  it.each([
    ['a', 'ArrowUp', 'q1'],
    ['q1', 'ArrowUp', undefined],
    ['q1', 'ArrowDown', 'a'],
    ['a', 'ArrowDown', 'e'],
    ['e', 'ArrowDown', undefined],
    ['a', 'ArrowRight', 'b'],
    ['b', 'ArrowRight', 'c'],
    ['c', 'ArrowRight', undefined],
    ['b', 'ArrowLeft', 'a'],
    ['a', 'ArrowLeft', undefined],
    ['q1', 'ArrowRight', 'q2'],
    ['q2', 'ArrowLeft', 'q1'],
    ['q2', 'ArrowRight', undefined],
    ['e', 'ArrowUp', 'a'],
    ['e', 'ArrowRight', 'f'],
    ['f', 'ArrowRight', 'u'],
    ['u', 'ArrowUp', 'a'],
  ] as const)('from %s, %s goes to %s', (from, key, expected) => {
    expect(nextNode(map, from, key)).toBe(expected);
  });

  it('stays under the parent the selection came down from', () => {
    expect(nextNode(map, 'e', 'ArrowUp', { cameFrom: 'b' })).toBe('b');
    expect(nextNode(map, 'e', 'ArrowRight', { cameFrom: 'b' })).toBeUndefined();
    expect(nextNode(map, 'e', 'ArrowRight', { cameFrom: 'a' })).toBe('f');
    // A node that is not a parent says nothing about where to go.
    expect(nextNode(map, 'e', 'ArrowUp', { cameFrom: 'c' })).toBe('a');
  });

  it('goes nowhere from an unknown node or on another key', () => {
    expect(nextNode(map, 'missing', 'ArrowUp')).toBeUndefined();
    expect(nextNode(map, '__proto__', 'ArrowDown')).toBeUndefined();
    expect(nextNode(map, 'a', 'Enter')).toBeUndefined();
    expect(nextNode(map, 'a', 'constructor')).toBeUndefined();
  });
});

describe('nextNode with positions', () => {
  const drawn = positions({ q1: 150, q2: 900, a: 300, b: 0, c: 150, e: 260, f: 310, u: 400 });

  it('orders siblings by x', () => {
    expect(nextNode(map, 'b', 'ArrowRight', { positions: drawn })).toBe('c');
    expect(nextNode(map, 'c', 'ArrowRight', { positions: drawn })).toBe('a');
    expect(nextNode(map, 'a', 'ArrowRight', { positions: drawn })).toBeUndefined();
    expect(nextNode(map, 'a', 'ArrowLeft', { positions: drawn })).toBe('c');
  });

  it('goes down to the child and up to the parent nearest in x', () => {
    expect(nextNode(map, 'q1', 'ArrowDown', { positions: drawn })).toBe('c');
    expect(nextNode(map, 'a', 'ArrowDown', { positions: drawn })).toBe('f');
    expect(nextNode(map, 'e', 'ArrowUp', { positions: drawn })).toBe('a');
    expect(nextNode(map, 'e', 'ArrowUp', { positions: positions({ e: 10, a: 300, b: 0 }) })).toBe('b');
  });

  it('puts nodes without a position after the others, in map order', () => {
    const some = positions({ c: 0 });
    expect(nextNode(map, 'c', 'ArrowRight', { positions: some })).toBe('a');
    expect(nextNode(map, 'a', 'ArrowLeft', { positions: some })).toBe('c');
    expect(nextNode(map, 'b', 'ArrowRight', { positions: some })).toBeUndefined();
  });
});

describe('nextNode with hostile ids', () => {
  it('moves between ids that are object keys or carry separators', () => {
    const hostile = makeMap([['__proto__', 'question'], 'constructor', 'a,&=#%'], [['toString', 'constructor', '__proto__', 'answer'], ['x', 'a,&=#%', '__proto__', 'answer']]);
    expect(nextNode(hostile, 'constructor', 'ArrowUp')).toBe('__proto__');
    expect(nextNode(hostile, '__proto__', 'ArrowDown')).toBe('constructor');
    expect(nextNode(hostile, 'constructor', 'ArrowRight')).toBe('a,&=#%');
  });
});
