import { describe, expect, it } from 'vitest';
import { FrameworkBuilder, frameworkFromAttacks } from '../../src/core/semantics/framework.ts';
import { groundedLabelling } from '../../src/core/semantics/grounded.ts';
import { IN, namedLabels, OUT } from '../../src/core/semantics/labels.ts';
import { whatIfLabelling, type Assumption } from '../../src/core/semantics/what-if.ts';

type Attacks = readonly (readonly [string, string])[];

function whatIf(names: readonly string[], attacks: Attacks, assumptions: Record<string, Assumption>) {
  const framework = frameworkFromAttacks(names, attacks);
  const result = whatIfLabelling(framework, new Map(Object.entries(assumptions)));
  return { labels: Object.fromEntries(namedLabels(framework, result.labels)), unknown: result.unknownArguments, conflicts: result.conflicts };
}

describe('what-if labelling', () => {
  it('with no assumptions is the grounded labelling', () => {
    const framework = frameworkFromAttacks(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'c']]);
    expect(whatIfLabelling(framework, new Map()).labels).toEqual(groundedLabelling(framework));
  });

  it('accepting one side of an even cycle decides it and what follows', () => {
    expect(whatIf(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c']], { a: 'accepted' }).labels).toEqual({ a: 'IN', b: 'OUT', c: 'IN' });
  });

  it('rejecting an argument is like removing it: what it attacked is freed', () => {
    expect(whatIf(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']], { a: 'rejected' }).labels).toEqual({ a: 'OUT', b: 'IN', c: 'OUT' });
  });

  it('a rejected argument stays OUT even when nothing attacks it', () => {
    expect(whatIf(['a'], [], { a: 'rejected' }).labels).toEqual({ a: 'OUT' });
  });

  it('accepting both ends of an attack keeps both IN and reports the conflict', () => {
    const result = whatIf(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']], { a: 'accepted', b: 'accepted' });
    expect(result.labels).toEqual({ a: 'IN', b: 'IN', c: 'OUT' });
    expect(result.conflicts).toEqual([['a', 'b']]);
  });

  it('accepting a self-attacking argument is a conflict with itself', () => {
    const result = whatIf(['a', 'b'], [['a', 'a'], ['a', 'b']], { a: 'accepted' });
    expect(result.labels).toEqual({ a: 'IN', b: 'OUT' });
    expect(result.conflicts).toEqual([['a', 'a']]);
  });

  it('breaks an odd cycle when one argument is rejected', () => {
    expect(whatIf(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']], { c: 'rejected' }).labels).toEqual({ a: 'IN', b: 'OUT', c: 'OUT' });
  });

  it('keeps an assumed argument when its attackers say otherwise', () => {
    // a is unattacked and defeats b, yet b is assumed accepted; c, attacked only by b, is OUT.
    expect(whatIf(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']], { b: 'accepted' }).labels).toEqual({ a: 'IN', b: 'IN', c: 'OUT' });
    // d is unattacked but rejected.
    expect(whatIf(['d', 'e'], [['d', 'e']], { d: 'rejected' }).labels).toEqual({ d: 'OUT', e: 'IN' });
  });

  it('lists assumed names that are not arguments and ignores them', () => {
    const result = whatIf(['a'], [], { ghost: 'accepted', a: 'accepted' });
    expect(result.unknown).toEqual(['ghost']);
    expect(result.labels).toEqual({ a: 'IN' });
  });

  it('stays linear: a chain of 1,000,000 attacks with its head rejected flips every label', () => {
    const builder = new FrameworkBuilder();
    const length = 1_000_000;
    for (let i = 0; i <= length; i += 1) builder.addArgument(`a${i}`);
    for (let i = 0; i < length; i += 1) builder.addAttack(i, i + 1);
    const { labels } = whatIfLabelling(builder.build(), new Map([['a0', 'rejected']]));
    expect(labels[0]).toBe(OUT);
    expect(labels[1]).toBe(IN);
    expect(labels[length - 1]).toBe(IN);
    expect(labels[length]).toBe(OUT);
  }, 30_000);
});
