import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { StatusState } from '../../src/ui/status-state.svelte.ts';
import { makeMap } from '../support/make-map.ts';

const MAP = makeMap(['a', 'b', 'c'], [['e1', 'b', 'a', 'attack']]);

function statusOf(map: ArgMap): { session: MapSession; status: StatusState } {
  const session = new MapSession({ map, name: 'test', sourceTexts: new Map() });
  return { session, status: new StatusState(() => session.map, () => session.links) };
}

const retexted = (map: ArgMap, id: string, text: string): ArgMap => ({
  ...map,
  nodes: map.nodes.map((node) => (node.id === id ? { ...node, text: { en: text } } : node)),
});

describe('StatusState after an edit', () => {
  it('keeps the framework and the labels when the edit changes neither the edges nor the node order (a text)', () => {
    const { session, status } = statusOf(MAP);
    const framework = status.mapFramework;
    const labels = [...status.labels];
    session.edit(retexted(session.map, 'c', 'changed'));
    expect(session.map.nodes[2]!.text.en).toBe('changed');
    expect(status.mapFramework).toBe(framework);
    expect([...status.labels]).toEqual(labels);
  });

  it('works the framework out again when an edge or a node comes or goes', () => {
    const { session, status } = statusOf(MAP);
    expect(status.labels.get('a')).toBe('OUT');
    const before = status.mapFramework;
    session.edit({ ...session.map, edges: [...session.map.edges, { id: 'e2', from: 'c', to: 'b', kind: 'attack' }] });
    expect(status.mapFramework).not.toBe(before);
    expect(status.labels.get('b')).toBe('OUT');
    expect(status.labels.get('a')).toBe('IN');
    session.edit({ ...session.map, nodes: [...session.map.nodes, { id: 'd', kind: 'claim', text: { en: 'd' } }] });
    expect(status.labels.get('d')).toBe('IN');
    session.edit({ ...session.map, nodes: session.map.nodes.filter((node) => node.id !== 'd') });
    expect(status.labels.has('d')).toBe(false);
  });

  it('numbers the arguments again when the nodes change order', () => {
    const { session, status } = statusOf(MAP);
    const before = status.mapFramework;
    session.edit({ ...session.map, nodes: [...session.map.nodes].reverse() });
    expect(status.mapFramework).not.toBe(before);
    expect(status.mapFramework.framework.names.slice(0, 3)).toEqual(['c', 'b', 'a']);
    expect(status.labels.get('a')).toBe('OUT');
  });
});
