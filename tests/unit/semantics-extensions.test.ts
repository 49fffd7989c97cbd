import { describe, expect, it } from 'vitest';
import { enumerateExtensions, namedExtensions, SEMANTICS, type Semantics } from '../../src/core/semantics/extensions.ts';
import { FrameworkBuilder, frameworkFromAttacks, type ArgumentationFramework } from '../../src/core/semantics/framework.ts';

type Attacks = readonly (readonly [string, string])[];

function extensionsOf(names: readonly string[], attacks: Attacks, semantics: Semantics): string[][] {
  const framework = frameworkFromAttacks(names, attacks);
  const enumeration = enumerateExtensions(framework, semantics);
  expect(enumeration.complete).toBe(true);
  return namedExtensions(framework, enumeration.extensions);
}

function allSemantics(names: readonly string[], attacks: Attacks): Record<Semantics, string[][]> {
  return Object.fromEntries(SEMANTICS.map((semantics) => [semantics, extensionsOf(names, attacks, semantics)])) as Record<Semantics, string[][]>;
}

describe('extensions of small frameworks', () => {
  it('the empty framework has the empty extension under every semantics', () => {
    expect(allSemantics([], [])).toEqual({ grounded: [[]], complete: [[]], preferred: [[]], stable: [[]] });
  });

  it('an unattacked argument is in every extension', () => {
    expect(allSemantics(['a'], [])).toEqual({ grounded: [['a']], complete: [['a']], preferred: [['a']], stable: [['a']] });
  });

  it('an even cycle has two stable choices and the empty grounded extension', () => {
    expect(allSemantics(['a', 'b'], [['a', 'b'], ['b', 'a']])).toEqual({
      grounded: [[]],
      complete: [[], ['a'], ['b']],
      preferred: [['a'], ['b']],
      stable: [['a'], ['b']],
    });
  });

  it('an odd cycle has no stable extension and only the empty complete one', () => {
    expect(allSemantics(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']])).toEqual({
      grounded: [[]],
      complete: [[]],
      preferred: [[]],
      stable: [],
    });
  });

  it('a self-attacking argument is never accepted, and blocks stability unless defeated', () => {
    expect(allSemantics(['a', 'b'], [['a', 'a'], ['a', 'b']])).toEqual({ grounded: [[]], complete: [[]], preferred: [[]], stable: [] });
    expect(allSemantics(['a', 'b'], [['a', 'a'], ['b', 'a']])).toEqual({ grounded: [['b']], complete: [['b']], preferred: [['b']], stable: [['b']] });
  });

  it('an even cycle feeding an odd cycle: preferred and stable differ', () => {
    // a ⇄ b, b → c, c → d → e → c: choosing b defeats c and settles the odd cycle; choosing a leaves it open.
    const attacks: Attacks = [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'c']];
    expect(allSemantics(['a', 'b', 'c', 'd', 'e'], attacks)).toEqual({
      grounded: [[]],
      complete: [[], ['a'], ['b', 'd']],
      preferred: [['a'], ['b', 'd']],
      stable: [['b', 'd']],
    });
  });

  it('reports the extensions of independent even cycles as a product', () => {
    const names = ['a', 'b', 'c', 'd'];
    const attacks: Attacks = [['a', 'b'], ['b', 'a'], ['c', 'd'], ['d', 'c']];
    expect(extensionsOf(names, attacks, 'complete')).toHaveLength(9);
    expect(extensionsOf(names, attacks, 'preferred')).toEqual([['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd']]);
  });
});

/** A small deterministic random number generator (a linear congruential one), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Every extension by definition, over all subsets: complete = conflict-free and exactly the arguments it defends. */
function bruteForce(framework: ArgumentationFramework): Record<Exclude<Semantics, 'grounded'>, number[][]> {
  const size = framework.names.length;
  const attacked = (by: number, target: number): boolean => framework.targets.subarray(framework.targetOffsets[by], framework.targetOffsets[by + 1]).includes(target);
  const complete: number[][] = [];
  const stable: number[][] = [];
  for (let set = 0; set < 2 ** size; set += 1) {
    const members = Array.from({ length: size }, (_, argument) => argument).filter((argument) => (set >> argument) & 1);
    const attackedBySet = (target: number): boolean => members.some((member) => attacked(member, target));
    if (members.some(attackedBySet)) continue;
    const defends = (argument: number): boolean =>
      Array.from({ length: size }, (_, attacker) => attacker).every((attacker) => !attacked(attacker, argument) || attackedBySet(attacker));
    const isComplete = Array.from({ length: size }, (_, argument) => argument).every((argument) => defends(argument) === members.includes(argument));
    if (isComplete) complete.push(members);
    if (Array.from({ length: size }, (_, argument) => argument).every((argument) => members.includes(argument) || attackedBySet(argument))) {
      stable.push(members);
    }
  }
  const preferred = complete.filter((extension) => !complete.some((other) => other.length > extension.length && extension.every((argument) => other.includes(argument))));
  return { complete, preferred, stable };
}

describe('extensions agree with brute force on random frameworks', () => {
  it('for 1,500 frameworks of 1–9 arguments, with self-attacks and dense attack relations', () => {
    const next = random(20_240_501);
    let compared = 0;
    for (let trial = 0; trial < 1500; trial += 1) {
      const size = 1 + Math.floor(next() * 9);
      const density = next() * 0.5;
      const builder = new FrameworkBuilder();
      for (let argument = 0; argument < size; argument += 1) builder.addArgument(`a${argument}`);
      for (let from = 0; from < size; from += 1) {
        for (let to = 0; to < size; to += 1) if (next() < density) builder.addAttack(from, to);
      }
      const framework = builder.build();
      const expected = bruteForce(framework);
      for (const semantics of ['complete', 'preferred', 'stable'] as const) {
        const found = enumerateExtensions(framework, semantics);
        expect(found.complete).toBe(true);
        expect(namedExtensions(framework, found.extensions), `${semantics} of ${JSON.stringify(framework.names)}/${trial}`).toEqual(
          namedExtensions(framework, expected[semantics]),
        );
        compared += 1;
      }
    }
    expect(compared).toBe(4500);
  }, 60_000);
});

/** k disjoint even cycles: 3^k complete extensions, 2^k preferred ones. */
function evenCycles(count: number): ArgumentationFramework {
  const attacks: [string, string][] = [];
  for (let cycle = 0; cycle < count; cycle += 1) attacks.push([`a${cycle}`, `b${cycle}`], [`b${cycle}`, `a${cycle}`]);
  return frameworkFromAttacks([], attacks);
}

describe('limits', () => {
  it('stops at the extension cap and says so', () => {
    const enumeration = enumerateExtensions(evenCycles(6), 'complete', { maxExtensions: 100 });
    expect(enumeration.extensions).toHaveLength(100);
    expect(enumeration.complete).toBe(false);
    expect(enumeration.reason).toMatch(/100 extensions/);
    expect(new Set(enumeration.extensions.map((extension) => extension.join())).size).toBe(100);
  });

  it('caps at 10,000 extensions by default', () => {
    const enumeration = enumerateExtensions(evenCycles(9), 'complete');
    expect(enumeration.extensions).toHaveLength(10_000);
    expect(enumeration.complete).toBe(false);
  });

  it('stops when the step budget runs out instead of searching on', () => {
    const enumeration = enumerateExtensions(evenCycles(12), 'stable', { maxSteps: 10_000 });
    expect(enumeration.complete).toBe(false);
    expect(enumeration.reason).toMatch(/10000 steps/);
    expect(enumeration.extensions.length).toBeLessThan(2 ** 12);
  });

  it('lists only true preferred extensions when cut short', () => {
    const framework = evenCycles(5);
    const all = namedExtensions(framework, enumerateExtensions(framework, 'preferred').extensions);
    expect(all).toHaveLength(32);
    for (const maxSteps of [200, 1000, 3000]) {
      const partial = enumerateExtensions(framework, 'preferred', { maxSteps });
      expect(partial.complete).toBe(false);
      expect(partial.extensions.length).toBeGreaterThan(0);
      for (const extension of namedExtensions(framework, partial.extensions)) expect(all).toContainEqual(extension);
    }
  });

  it('does not count the grounded extension against any limit', () => {
    expect(enumerateExtensions(evenCycles(12), 'grounded', { maxExtensions: 0, maxSteps: 0 })).toEqual({ extensions: [[]], complete: true });
  });
});

describe('names of extensions', () => {
  it('sorts names within extensions and extensions by their names, and can leave out trailing arguments', () => {
    const framework = frameworkFromAttacks(['b', 'a', 'c', 'hidden'], []);
    expect(namedExtensions(framework, [[2, 1], [0, 3], []])).toEqual([[], ['a', 'c'], ['b', 'hidden']]);
    expect(namedExtensions(framework, [[0, 3]], 3)).toEqual([['b']]);
  });
});
