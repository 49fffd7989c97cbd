import { describe, expect, it } from 'vitest';
import { FrameworkBuilder, frameworkFromAttacks } from '../../src/core/semantics/framework.ts';
import { groundedExtension, groundedLabelling } from '../../src/core/semantics/grounded.ts';
import { argumentsLabelled, IN, labelName, namedLabels, OUT, UNDEC } from '../../src/core/semantics/labels.ts';

function groundedByName(names: readonly string[], attacks: readonly (readonly [string, string])[]): Record<string, string> {
  const framework = frameworkFromAttacks(names, attacks);
  return Object.fromEntries(namedLabels(framework, groundedLabelling(framework)));
}

describe('grounded labelling', () => {
  it('is empty for the empty framework', () => {
    expect(groundedLabelling(frameworkFromAttacks([], []))).toEqual(new Uint8Array(0));
  });

  it('accepts unattacked arguments and defeats what they attack, step by step', () => {
    expect(groundedByName(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']])).toEqual({ a: 'IN', b: 'OUT', c: 'IN', d: 'OUT' });
  });

  it('needs every attacker OUT before accepting', () => {
    // c is attacked by a (defeated) and by d (undecided, on an odd cycle).
    expect(groundedByName(['a', 'b', 'c', 'd'], [['b', 'a'], ['a', 'c'], ['d', 'c'], ['d', 'd']])).toEqual({ a: 'OUT', b: 'IN', c: 'UNDEC', d: 'UNDEC' });
  });

  it('leaves odd and even cycles undecided', () => {
    expect(groundedByName(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']])).toEqual({ a: 'UNDEC', b: 'UNDEC', c: 'UNDEC' });
    expect(groundedByName(['a', 'b'], [['a', 'b'], ['b', 'a']])).toEqual({ a: 'UNDEC', b: 'UNDEC' });
  });

  it('leaves a self-attacking argument undecided unless something defeats it', () => {
    expect(groundedByName(['a', 'b'], [['a', 'a'], ['a', 'b']])).toEqual({ a: 'UNDEC', b: 'UNDEC' });
    expect(groundedByName(['a', 'b', 'c'], [['a', 'a'], ['a', 'b'], ['c', 'a']])).toEqual({ a: 'OUT', b: 'IN', c: 'IN' });
  });

  it('counts a repeated attack once', () => {
    expect(groundedByName(['a', 'b', 'c'], [['a', 'b'], ['a', 'b'], ['b', 'c'], ['b', 'c']])).toEqual({ a: 'IN', b: 'OUT', c: 'IN' });
  });

  it('gives the IN arguments as the grounded extension', () => {
    const framework = frameworkFromAttacks(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['d', 'd']]);
    expect(groundedExtension(framework)).toEqual([0, 2]);
    expect(argumentsLabelled(groundedLabelling(framework), UNDEC)).toEqual([3]);
  });

  it('names labels', () => {
    expect([IN, OUT, UNDEC].map(labelName)).toEqual(['IN', 'OUT', 'UNDEC']);
  });
});

/** a0 → a1 → … → a(length): IN and OUT alternate along the chain. */
function chain(length: number): FrameworkBuilder {
  const builder = new FrameworkBuilder();
  for (let i = 0; i <= length; i += 1) builder.addArgument(`a${i}`);
  for (let i = 0; i < length; i += 1) builder.addAttack(i, i + 1);
  return builder;
}

function expectAlternating(labels: Uint8Array): void {
  let wrong = 0;
  labels.forEach((label, argument) => {
    if (label !== (argument % 2 === 0 ? IN : OUT)) wrong += 1;
  });
  expect(wrong).toBe(0);
}

describe('grounded labelling of long chains (no recursion)', () => {
  it('labels a chain of 10,000 attacks', () => {
    const labels = groundedLabelling(chain(10_000).build());
    expect(labels).toHaveLength(10_001);
    expectAlternating(labels);
  });

  it('labels a chain of 1,000,000 attacks', () => {
    const labels = groundedLabelling(chain(1_000_000).build());
    expect(labels).toHaveLength(1_000_001);
    expectAlternating(labels);
  }, 30_000);

  it('labels a reversed chain of 1,000,000 attacks, whose queue order differs', () => {
    // Attacks go from the last argument to the first, so each acceptance is discovered from higher numbers.
    const builder = new FrameworkBuilder();
    const length = 1_000_000;
    for (let i = 0; i <= length; i += 1) builder.addArgument(`a${i}`);
    for (let i = length; i > 0; i -= 1) builder.addAttack(i, i - 1);
    const labels = groundedLabelling(builder.build());
    expect(labels[length]).toBe(IN);
    expect(labels[length - 1]).toBe(OUT);
    expect(labels[0]).toBe(IN);
    expect(argumentsLabelled(labels, UNDEC)).toEqual([]);
  }, 30_000);
});
