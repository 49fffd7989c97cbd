/**
 * Issue 15 §7: an edit re-measures only what it changed. The read model keeps every node record an
 * edit did not touch as the same object, so the session keeps that node's boxes; the measures it
 * ends with are always those of measuring the whole map again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addNode, deleteNodes, MapDocument, updateText } from '../../src/core/document/index.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { extentsOf } from '../../src/layout/node-boxes.ts';
import { measureMap } from '../../src/ui/map-reader.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { applyCommand, commands } from '../support/arbitrary-edits.ts';
import { arbitraryMap } from '../support/arbitrary-map.ts';
import { makeMap } from '../support/make-map.ts';

function editedSession(map: ArgMap): { session: MapSession; document: MapDocument } {
  const document = MapDocument.fromMap(map);
  const session = new MapSession({ map: document.map, name: 'test', sourceTexts: new Map() });
  document.onChange(({ map: next }) => session.edit(next));
  return { session, document };
}

function expectWholeMeasures(session: MapSession): void {
  const whole = measureMap(session.map);
  expect(session.boxesByLanguage).toEqual(whole.boxes);
  expect([...session.boxesByLanguage.zh.keys()]).toEqual(session.map.nodes.map((node) => node.id));
  expect(session.links).toEqual(whole.links);
  expect(session.extents).toEqual(extentsOf(whole.boxes));
}

describe('an edit re-measures only what it changed', () => {
  const map = makeMap(['a', 'b', 'c', 'd'], [['ab', 'a', 'b'], ['cd', 'c', 'd', 'attack']]);

  it('typing in one text measures that node again and keeps every other box and the links', () => {
    const { session, document } = editedSession(map);
    const before = session.boxesByLanguage;
    const links = session.links;
    expect(document.apply(updateText('b', 'en', 'a much longer text that wraps over more than one line of the box')).ok).toBe(true);
    // Extents worked out with an edit are kept by the next one.
    const extents = session.extents;
    expect(document.apply(updateText('b', 'zh', '一段更长的文字')).ok).toBe(true);
    for (const language of ['zh', 'en'] as const) {
      for (const id of ['a', 'c', 'd']) expect(session.boxesByLanguage[language].get(id)).toBe(before[language].get(id));
    }
    for (const id of ['a', 'c', 'd']) expect(session.extents.get(id)).toBe(extents.get(id));
    expect(session.boxesByLanguage.en.get('b')).not.toEqual(before.en.get('b'));
    expect(session.links).toBe(links);
    expectWholeMeasures(session);
  });

  it('deleting a node keeps the boxes of the others and works the links out again', () => {
    const { session, document } = editedSession(map);
    const before = session.boxesByLanguage;
    expect(document.apply(deleteNodes(['b'])).ok).toBe(true);
    expect(session.boxesByLanguage.zh.get('c')).toBe(before.zh.get('c'));
    expect(session.boxesByLanguage.en.has('b')).toBe(false);
    expectWholeMeasures(session);
  });

  it('adding a node measures only it, and keeps the links: every earlier node keeps its index', () => {
    const { session, document } = editedSession(map);
    const before = session.boxesByLanguage;
    const links = session.links;
    expect(document.apply(addNode({ kind: 'claim', text: { zh: '新主张', en: 'a new claim' } })).ok).toBe(true);
    for (const id of ['a', 'b', 'c', 'd']) expect(session.boxesByLanguage.zh.get(id)).toBe(before.zh.get(id));
    expect(session.links).toBe(links);
    expectWholeMeasures(session);
  });

  it('renaming a speaker measures the captions of its nodes again', () => {
    const spoken: ArgMap = { ...map, actors: [{ id: 'zhu', name: { en: 'Zhu' } }], nodes: map.nodes.map((node) => (node.id === 'a' ? { ...node, actor: 'zhu' } : node)) };
    const session = new MapSession({ map: spoken, name: 'test', sourceTexts: new Map() });
    session.edit({ ...spoken, actors: [{ id: 'zhu', name: { en: 'Zhu Xiaohu' } }] });
    expect(session.boxesByLanguage.en.get('a')?.caption).toBe('— Zhu Xiaohu');
    expectWholeMeasures(session);
  });

  it('after any sequence of edits, the measures are those of the whole map', () => {
    fc.assert(
      fc.property(arbitraryMap({ maxNodes: 8, maxEdges: 10 }), commands(10), (start, sequence) => {
        const { session, document } = editedSession(start);
        for (const step of sequence) {
          applyCommand(document, step);
          expectWholeMeasures(session);
        }
        document.destroy();
      }),
      { numRuns: 60 },
    );
  });
});
