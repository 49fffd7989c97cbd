import { describe, expect, it } from 'vitest';
import type { ArgEdge, ArgMap, ArgNode, EdgeKind, NodeKind } from '../../src/core/model.ts';
import { NO_ACTOR, SHOW_EVERYTHING, visibleElements, type ViewFilter } from '../../src/core/explore/filters.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();

function filter(parts: { actors?: string[]; nodeKinds?: NodeKind[]; edgeKinds?: EdgeKind[] }): ViewFilter {
  return { hiddenActors: new Set(parts.actors), hiddenNodeKinds: new Set(parts.nodeKinds), hiddenEdgeKinds: new Set(parts.edgeKinds) };
}

function nodeIds(map: ArgMap, keep: (node: ArgNode) => boolean): Set<string> {
  return new Set(map.nodes.filter(keep).map((node) => node.id));
}

function edgeIds(map: ArgMap, keep: (edge: ArgEdge) => boolean): Set<string> {
  return new Set(map.edges.filter(keep).map((edge) => edge.id));
}

describe('visibleElements', () => {
  it('shows everything when nothing is hidden', () => {
    const visible = visibleElements(seed, SHOW_EVERYTHING);
    expect(visible.nodes).toEqual(nodeIds(seed, () => true));
    expect(visible.edges).toEqual(edgeIds(seed, () => true));
  });

  it('hides a speaker with the edges that touch their nodes', () => {
    const visible = visibleElements(seed, filter({ actors: ['zhu-xiaohu'] }));
    const zhu = nodeIds(seed, (node) => node.actor === 'zhu-xiaohu');
    expect(visible.nodes).toEqual(nodeIds(seed, (node) => !zhu.has(node.id)));
    expect(visible.edges).toEqual(edgeIds(seed, (edge) => !zhu.has(edge.from) && !zhu.has(edge.to)));
  });

  it('governs the nodes nobody speaks with NO_ACTOR', () => {
    const visible = visibleElements(seed, filter({ actors: [NO_ACTOR] }));
    const questions = nodeIds(seed, (node) => node.kind === 'question');
    expect(questions.size).toBeGreaterThan(0);
    expect(nodeIds(seed, (node) => node.actor === undefined)).toEqual(questions);
    expect([...visible.nodes].some((id) => questions.has(id))).toBe(false);
    expect(visible.nodes.size).toBe(seed.nodes.length - questions.size);
    expect([...visible.edges].every((id) => seed.edges.find((edge) => edge.id === id)?.kind !== 'answer')).toBe(true);
  });

  it('hides a node kind', () => {
    const visible = visibleElements(seed, filter({ nodeKinds: ['evidence'] }));
    expect(visible.nodes).toEqual(nodeIds(seed, (node) => node.kind !== 'evidence'));
  });

  it('hides an edge kind without hiding any node, and takes undercuts of those edges along', () => {
    // e-38 undercuts e-threshold-concentration, a support edge.
    const visible = visibleElements(seed, filter({ edgeKinds: ['support'] }));
    expect(visible.nodes.size).toBe(seed.nodes.length);
    expect(visible.edges).toEqual(edgeIds(seed, (edge) => edge.kind !== 'support' && edge.id !== 'e-38'));
  });

  it('keeps an undercut while its author and the attacked edge are shown, and drops it otherwise', () => {
    expect(visibleElements(seed, SHOW_EVERYTHING).edges.has('e-38')).toBe(true);
    expect(visibleElements(seed, filter({ actors: ['tu-weiwei'] })).edges.has('e-38')).toBe(false);
    // The attacked edge runs from one of 田奇's nodes to another.
    expect(visibleElements(seed, filter({ actors: ['tian-qi'] })).edges.has('e-38')).toBe(false);
    expect(visibleElements(seed, filter({ edgeKinds: ['undercut'] })).edges.has('e-38')).toBe(false);
  });

  it('handles ids that are object keys or carry separators', () => {
    const map: ArgMap = {
      schemaVersion: 1,
      title: { en: 'hostile' },
      sources: [],
      actors: [{ id: '__proto__', name: { en: 'proto' } }, { id: 'a,&=#%', name: { en: 'separators' } }],
      nodes: [
        { id: 'constructor', kind: 'question', text: { en: 'q' } },
        { id: 'toString', kind: 'claim', text: { en: 'c' }, actor: '__proto__' },
        { id: 'x,&=#%', kind: 'claim', text: { en: 'd' }, actor: 'a,&=#%' },
      ],
      edges: [
        { id: 'hasOwnProperty', from: 'toString', to: 'constructor', kind: 'answer' },
        { id: '__proto__', from: 'x,&=#%', to: 'toString', kind: 'attack' },
      ],
    };
    const visible = visibleElements(map, filter({ actors: ['__proto__'] }));
    expect(visible.nodes).toEqual(new Set(['constructor', 'x,&=#%']));
    expect(visible.edges).toEqual(new Set());
    expect(visibleElements(map, filter({ actors: ['a,&=#%'] })).edges).toEqual(new Set(['hasOwnProperty']));
  });
});
