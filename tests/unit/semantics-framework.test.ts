import { describe, expect, it } from 'vitest';
import type { ArgEdge, ArgMap, ArgNode } from '../../src/core/model.ts';
import { componentRanks } from '../../src/core/semantics/components.ts';
import {
  argumentCount, attackCount, attackersOf, attacks, FrameworkBuilder, frameworkFromAttacks, frameworkFromMap, targetsOf,
  type ArgumentationFramework,
} from '../../src/core/semantics/framework.ts';
import { groundedLabelling } from '../../src/core/semantics/grounded.ts';
import { namedLabels } from '../../src/core/semantics/labels.ts';

function attackersByName(framework: ArgumentationFramework, name: string): string[] {
  return Array.from(attackersOf(framework, framework.indexOf.get(name)!), (argument) => framework.names[argument]!).sort();
}

function targetsByName(framework: ArgumentationFramework, name: string): string[] {
  return Array.from(targetsOf(framework, framework.indexOf.get(name)!), (argument) => framework.names[argument]!).sort();
}

describe('building a framework', () => {
  it('stores attacks in both directions', () => {
    const framework = frameworkFromAttacks(['a', 'b', 'c'], [['a', 'b'], ['c', 'b'], ['b', 'a']]);
    expect(argumentCount(framework)).toBe(3);
    expect(attackCount(framework)).toBe(3);
    expect(attackersByName(framework, 'b')).toEqual(['a', 'c']);
    expect(attackersByName(framework, 'a')).toEqual(['b']);
    expect(attackersByName(framework, 'c')).toEqual([]);
    expect(targetsByName(framework, 'a')).toEqual(['b']);
    expect(targetsByName(framework, 'c')).toEqual(['b']);
    expect(attacks(framework, 0, 1)).toBe(true);
    expect(attacks(framework, 1, 2)).toBe(false);
  });

  it('merges repeated attacks and keeps self-attacks', () => {
    const framework = frameworkFromAttacks(['a', 'b'], [['a', 'b'], ['a', 'b'], ['a', 'a'], ['a', 'a'], ['b', 'a']]);
    expect(attackCount(framework)).toBe(3);
    expect(targetsByName(framework, 'a')).toEqual(['a', 'b']);
    expect(attackersByName(framework, 'a')).toEqual(['a', 'b']);
  });

  it('numbers arguments in the order given, adding names met only in attacks', () => {
    const framework = frameworkFromAttacks(['z', 'y'], [['x', 'z']]);
    expect(framework.names).toEqual(['z', 'y', 'x']);
    expect(framework.indexOf.get('x')).toBe(2);
  });

  it('builds an empty framework', () => {
    const framework = new FrameworkBuilder().build();
    expect(argumentCount(framework)).toBe(0);
    expect(attackCount(framework)).toBe(0);
    expect(Array.from(framework.attackerOffsets)).toEqual([0]);
  });

  it('grows past its initial capacity', () => {
    const builder = new FrameworkBuilder();
    for (let i = 0; i < 1000; i += 1) builder.addArgument(`a${i}`);
    for (let i = 0; i < 999; i += 1) builder.addAttack(i, i + 1);
    const framework = builder.build();
    expect(attackCount(framework)).toBe(999);
    expect(Array.from(attackersOf(framework, 999))).toEqual([998]);
  });
});

describe('strongly connected components', () => {
  it('ranks components so that attacks between them go forward', () => {
    // a ⇄ b → c ⇄ d → e, and f alone.
    const framework = frameworkFromAttacks(['e', 'd', 'c', 'b', 'a', 'f'], [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'd'], ['d', 'c'], ['d', 'e']]);
    const rank = (name: string): number => componentRanks(framework)[framework.indexOf.get(name)!]!;
    expect(rank('a')).toBe(rank('b'));
    expect(rank('c')).toBe(rank('d'));
    expect(rank('b')).toBeLessThan(rank('c'));
    expect(rank('d')).toBeLessThan(rank('e'));
    expect(new Set(componentRanks(framework))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('handles a chain of 100,000 attacks without recursion', () => {
    const builder = new FrameworkBuilder();
    const size = 100_001;
    for (let i = 0; i < size; i += 1) builder.addArgument(String(i));
    for (let i = 0; i + 1 < size; i += 1) builder.addAttack(i, i + 1);
    const ranks = componentRanks(builder.build());
    expect(ranks[0]).toBe(0);
    expect(ranks[size - 1]).toBe(size - 1);
  });
});

function node(id: string, kind: ArgNode['kind'] = 'claim'): ArgNode {
  return { id, kind, text: { en: id } };
}

function edge(id: string, from: string, kind: ArgEdge['kind'], to: string): ArgEdge {
  return { id, from, to, kind };
}

function map(nodes: readonly ArgNode[], edges: readonly ArgEdge[]): ArgMap {
  return { schemaVersion: 1, title: { en: 'test' }, sources: [], actors: [], nodes, edges };
}

describe('a map as a framework', () => {
  it('turns attack edges into attacks and ignores support and answer edges', () => {
    const { framework, nodeCount } = frameworkFromMap(
      map([node('q', 'question'), node('c1'), node('c2'), node('e', 'evidence')], [
        edge('e1', 'c1', 'answer', 'q'),
        edge('e2', 'c2', 'attack', 'c1'),
        edge('e3', 'e', 'support', 'c2'),
      ]),
    );
    expect(nodeCount).toBe(4);
    expect(framework.names).toEqual(['q', 'c1', 'c2', 'e']);
    expect(attackCount(framework)).toBe(1);
    expect(attackersByName(framework, 'c1')).toEqual(['c2']);
  });

  it('models an undercut of an attack as an attack on the inference, which carries the attack', () => {
    const { framework, nodeCount } = frameworkFromMap(
      map([node('p'), node('c'), node('u'), node('x')], [
        edge('e-pc', 'p', 'attack', 'c'),
        edge('e-u', 'u', 'undercut', 'e-pc'),
        edge('e-xp', 'x', 'attack', 'p'),
      ]),
    );
    expect(nodeCount).toBe(4);
    expect(framework.names).toEqual(['p', 'c', 'u', 'x', 'e-pc']);
    expect(attackersByName(framework, 'c')).toEqual(['e-pc']);
    // The undercutter and the premise's attacker defeat the inference.
    expect(attackersByName(framework, 'e-pc')).toEqual(['u', 'x']);
    expect(attackersByName(framework, 'p')).toEqual(['x']);
    // u stands, so the inference falls and c stands; x defeats p.
    expect(namedLabels(framework, groundedLabelling(framework))).toEqual(
      new Map([['p', 'OUT'], ['c', 'IN'], ['u', 'IN'], ['x', 'IN'], ['e-pc', 'OUT']]),
    );
  });

  it('lets an attack through when its undercutter is defeated', () => {
    const { framework } = frameworkFromMap(
      map([node('p'), node('c'), node('u'), node('v')], [
        edge('e-pc', 'p', 'attack', 'c'),
        edge('e-u', 'u', 'undercut', 'e-pc'),
        edge('e-vu', 'v', 'attack', 'u'),
      ]),
    );
    expect(namedLabels(framework, groundedLabelling(framework))).toEqual(
      new Map([['p', 'IN'], ['c', 'OUT'], ['u', 'OUT'], ['v', 'IN'], ['e-pc', 'IN']]),
    );
  });

  it('gives one inference argument to an edge undercut twice, attacked by both undercutters', () => {
    const { framework } = frameworkFromMap(
      map([node('p'), node('c'), node('u1'), node('u2')], [
        edge('e-pc', 'p', 'attack', 'c'),
        edge('e-1', 'u1', 'undercut', 'e-pc'),
        edge('e-2', 'u2', 'undercut', 'e-pc'),
      ]),
    );
    expect(framework.names).toEqual(['p', 'c', 'u1', 'u2', 'e-pc']);
    expect(attackersByName(framework, 'e-pc')).toEqual(['u1', 'u2']);
  });

  it('makes an undercut of a support an inference that attacks nothing', () => {
    const { framework, nodeCount } = frameworkFromMap(
      map([node('p'), node('c'), node('u')], [edge('e-pc', 'p', 'support', 'c'), edge('e-u', 'u', 'undercut', 'e-pc')]),
    );
    expect(nodeCount).toBe(3);
    expect(framework.names).toEqual(['p', 'c', 'u', 'e-pc']);
    expect(attackersByName(framework, 'e-pc')).toEqual(['u']);
    expect(targetsByName(framework, 'e-pc')).toEqual([]);
    expect(attackersByName(framework, 'c')).toEqual([]);
  });

  it('passes an attack on the premise through a chain of undercut inferences', () => {
    // p attacks c through e1 and c attacks p through e2; both inferences are undercut.
    const { framework } = frameworkFromMap(
      map([node('p'), node('c'), node('u'), node('w')], [
        edge('e1', 'p', 'attack', 'c'),
        edge('e2', 'c', 'attack', 'p'),
        edge('e-u', 'u', 'undercut', 'e1'),
        edge('e-w', 'w', 'undercut', 'e2'),
      ]),
    );
    expect(attackersByName(framework, 'e1')).toEqual(['e2', 'u']);
    expect(attackersByName(framework, 'e2')).toEqual(['e1', 'w']);
  });
});
