import { describe, expect, it } from 'vitest';
import type { ArgEdge, ArgMap, EdgeKind } from '../../src/core/model.ts';
import { clampFocusDepth, neighbourhood, pathBetween } from '../../src/core/explore/focus.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();

/** Nodes are claims (the first a question); edges are [id, from, to, kind?] with support by default. */
function makeMap(nodeIds: readonly string[], edges: readonly (readonly [string, string, string, EdgeKind?])[]): ArgMap {
  return {
    schemaVersion: 1,
    title: { en: 'test' },
    sources: [],
    actors: [],
    nodes: nodeIds.map((id, index) => ({ id, kind: index === 0 ? 'question' : 'claim', text: { en: id } })),
    edges: edges.map(([id, from, to, kind = 'support']): ArgEdge => ({ id, from, to, kind })),
  };
}

/** n0 ← n1 ← … ← n(length-1), each edge `c<i>` from n(i) to n(i-1). */
function chain(length: number): ArgMap {
  const ids = Array.from({ length }, (_, index) => `n${index}`);
  return makeMap(ids, ids.slice(1).map((id, index) => [`c${index + 1}`, id, `n${index}`] as const));
}

describe('clampFocusDepth', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [0, 1],
    [-4, 1],
    [9, 3],
    [2.4, 2],
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])('reads %d as %d', (depth, expected) => {
    expect(clampFocusDepth(depth)).toBe(expected);
  });
});

describe('neighbourhood', () => {
  it('joins an undercut author to both ends of the inference it attacks', () => {
    // tu-not-money answers q-startup-chance, is supported by tu-low-threshold and tu-costs-will-fall,
    // and undercuts e-threshold-concentration (tian-absorb-small-models → tian-concentration).
    const around = neighbourhood(seed, 'tu-not-money', 1);
    expect(around.nodes).toEqual(new Set(['tu-not-money', 'q-startup-chance', 'tu-low-threshold', 'tu-costs-will-fall', 'tian-absorb-small-models', 'tian-concentration']));
    expect(around.edges).toEqual(new Set(['e-33', 'e-39', 'e-83', 'e-38', 'e-threshold-concentration']));
    expect(around.distance.get('tu-not-money')).toBe(0);
    expect(around.distance.get('tian-concentration')).toBe(1);
  });

  it('walks edges both ways, as far as the depth says', () => {
    const map = chain(10);
    expect(neighbourhood(map, 'n5', 1).nodes).toEqual(new Set(['n4', 'n5', 'n6']));
    expect(neighbourhood(map, 'n5', 2).nodes).toEqual(new Set(['n3', 'n4', 'n5', 'n6', 'n7']));
    expect(neighbourhood(map, 'n5', 3).edges).toEqual(new Set(['c3', 'c4', 'c5', 'c6', 'c7', 'c8']));
    expect(neighbourhood(map, 'n5', 7).nodes).toEqual(neighbourhood(map, 'n5', 3).nodes);
    expect(neighbourhood(map, 'n5', 0).nodes).toEqual(neighbourhood(map, 'n5', 1).nodes);
    expect([...neighbourhood(map, 'n5', 3).distance]).toEqual([
      ['n5', 0],
      ['n4', 1],
      ['n6', 1],
      ['n3', 2],
      ['n7', 2],
      ['n2', 3],
      ['n8', 3],
    ]);
  });

  it('includes every edge among the nodes shown, also between two nodes at the rim', () => {
    const map = makeMap(['q', 'a', 'b'], [['qa', 'a', 'q'], ['qb', 'b', 'q'], ['ab', 'a', 'b', 'attack']]);
    expect(neighbourhood(map, 'q', 1).edges).toEqual(new Set(['qa', 'qb', 'ab']));
  });

  it('goes round a cycle once', () => {
    const map = makeMap(['a', 'b', 'c'], [['ab', 'a', 'b'], ['bc', 'b', 'c'], ['ca', 'c', 'a']]);
    const around = neighbourhood(map, 'a', 3);
    expect(around.nodes).toEqual(new Set(['a', 'b', 'c']));
    expect(around.edges).toEqual(new Set(['ab', 'bc', 'ca']));
  });

  it('is empty for an id that is not a node', () => {
    for (const id of ['missing', 'e-1', '__proto__']) {
      const around = neighbourhood(seed, id, 2);
      expect(around.nodes.size + around.edges.size + around.distance.size).toBe(0);
    }
  });

  it('works in a chain of 10,000 nodes', () => {
    const map = chain(10_000);
    expect(neighbourhood(map, 'n9999', 3).nodes).toEqual(new Set(['n9996', 'n9997', 'n9998', 'n9999']));
  });
});

describe('pathBetween', () => {
  it('finds the shortest chain, against edge direction too', () => {
    // a long way q ← x ← y ← z and a short way z → q.
    const map = makeMap(['q', 'x', 'y', 'z'], [['xq', 'x', 'q'], ['yx', 'y', 'x'], ['zy', 'z', 'y'], ['zq', 'z', 'q', 'attack']]);
    expect(pathBetween(map, 'q', 'y')).toEqual({ nodes: ['q', 'x', 'y'], edges: ['xq', 'yx'] });
    expect(pathBetween(map, 'x', 'z')).toEqual({ nodes: ['x', 'q', 'z'], edges: ['xq', 'zq'] });
  });

  it('crosses an undercut from its author to the ends of the attacked inference', () => {
    expect(pathBetween(seed, 'tu-not-money', 'tian-concentration')).toEqual({ nodes: ['tu-not-money', 'tian-concentration'], edges: ['e-38'] });
  });

  it('links every two nodes of the seed map with a chain of real edges', () => {
    const edgeById = new Map(seed.edges.map((edge) => [edge.id, edge]));
    const ends = (edge: ArgEdge): string[] => {
      const attacked = edge.kind === 'undercut' ? edgeById.get(edge.to) : undefined;
      return attacked ? [edge.from, attacked.from, attacked.to] : [edge.from, edge.to];
    };
    const path = pathBetween(seed, 'zhu-chatgpt-too-strong', 'q-too-many-models');
    expect(path).toBeDefined();
    path?.edges.forEach((edgeId, index) => {
      const edge = edgeById.get(edgeId);
      expect(edge && ends(edge)).toEqual(expect.arrayContaining([path.nodes[index], path.nodes[index + 1]]));
    });
    expect(path?.nodes[0]).toBe('zhu-chatgpt-too-strong');
    expect(path?.nodes.at(-1)).toBe('q-too-many-models');
  });

  it('is undefined between parts of the seed map that no edge joins', () => {
    // The business outlook is argued on its own; the reporter's framing remark stands alone.
    expect(pathBetween(seed, 'zhu-chatgpt-too-strong', 'q-business-outlook')).toBeUndefined();
    expect(pathBetween(seed, 'zhu-chatgpt-too-strong', 'rep-debate-shifts')).toBeUndefined();
  });

  it('is the node alone from a node to itself', () => {
    expect(pathBetween(seed, 'q-cost', 'q-cost')).toEqual({ nodes: ['q-cost'], edges: [] });
  });

  it('is undefined between unlinked nodes, and for ids that are not nodes', () => {
    const map = makeMap(['a', 'b', 'c'], [['ab', 'a', 'b']]);
    expect(pathBetween(map, 'a', 'c')).toBeUndefined();
    expect(pathBetween(map, 'a', 'ab')).toBeUndefined();
    expect(pathBetween(map, '__proto__', 'a')).toBeUndefined();
  });

  it('walks a chain of 10,000 nodes end to end', () => {
    const path = pathBetween(chain(10_000), 'n0', 'n9999');
    expect(path?.nodes).toHaveLength(10_000);
    expect(path?.edges[0]).toBe('c1');
    expect(path?.edges.at(-1)).toBe('c9999');
  });

  it('handles ids that are object keys or carry separators', () => {
    const map = makeMap(['__proto__', 'a,&=#%', 'constructor'], [['toString', 'a,&=#%', '__proto__'], ['x&y', 'constructor', 'a,&=#%']]);
    expect(pathBetween(map, '__proto__', 'constructor')).toEqual({ nodes: ['__proto__', 'a,&=#%', 'constructor'], edges: ['toString', 'x&y'] });
  });
});
