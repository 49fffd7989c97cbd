import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMapText } from '../../src/core/load-map.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { documentToMap, MapDocument, replaceMap, validateDocument } from '../../src/core/document/index.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { applyCommand, commands } from '../support/arbitrary-edits.ts';
import { arbitraryMap } from '../support/arbitrary-map.ts';

function expectValid(map: ArgMap): void {
  const loaded = loadMapText(serializeMap(map));
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('\n'));
  expect(loaded.map).toEqual(map);
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

describe('a whole new map from elsewhere (Argdown tab, tour editor)', () => {
  it('replaces the document\'s map element by element, as one undo step', () => {
    fc.assert(fc.property(arbitraryMap(), arbitraryMap(), (first, second) => {
      const document = MapDocument.fromMap(first);
      const applied = document.apply(replaceMap(second, { zh: '编辑 Argdown', en: 'edit Argdown' }));
      expect(applied.ok).toBe(true);
      expect(document.map).toEqual(second);
      expect(documentToMap(document.doc)).toEqual(second);
      expect(document.history.state.undoSteps).toBe(1);
      document.history.undo();
      expect(document.map).toEqual(first);
      document.destroy();
    }), { numRuns: 100 });
  }, 120_000);
});

describe('random edit sequences', () => {
  it('never produce an invalid map, and the incremental read model equals a full read', () => {
    fc.assert(fc.property(arbitraryMap(), commands(), (map, sequence) => {
      const document = MapDocument.fromMap(map);
      for (const command of sequence) {
        const before = document.map;
        const applied = applyCommand(document, command);
        if (applied !== undefined && !applied.ok) expect(document.map).toBe(before);
        expect(document.problems).toEqual([]);
        expectValid(document.map);
        expect(document.map).toEqual(documentToMap(document.doc));
      }
      document.destroy();
    }), { numRuns: 100 });
  }, 120_000);

  it('undoing all of them restores the original exactly, and redoing all of them comes back', () => {
    fc.assert(fc.property(arbitraryMap(), commands(), (map, sequence) => {
      const document = MapDocument.fromMap(map);
      for (const command of sequence) applyCommand(document, command);
      const edited = document.map;
      while (document.history.state.undoSteps > 0) document.history.undo();
      expect(document.map).toEqual(map);
      expect(serializeMap(document.map)).toBe(serializeMap(map));
      while (document.history.state.redoSteps > 0) document.history.redo();
      expect(document.map).toEqual(edited);
      document.destroy();
    }), { numRuns: 100 });
  }, 120_000);

  it('two sequences applied on two replicas, exchanged in either order, converge to one valid map', () => {
    fc.assert(fc.property(arbitraryMap(), commands(8), commands(8), (map, first, second) => {
      const a = MapDocument.fromMap(map, { clientID: 1 });
      const bDoc = new Y.Doc();
      bDoc.clientID = 2;
      Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(a.doc));
      const b = new MapDocument(bDoc);
      const base = Y.encodeStateAsUpdate(a.doc);
      for (const command of first) applyCommand(a, command);
      for (const command of second) applyCommand(b, command);
      const fromA = Y.encodeStateAsUpdate(a.doc);
      const fromB = Y.encodeStateAsUpdate(b.doc);

      exchange(a.doc, b.doc);
      expect(a.map).toEqual(b.map);
      expectValid(a.map);
      expect(a.map).toEqual(documentToMap(a.doc));
      // Concurrent edits may leave elements out (an edge to a node deleted meanwhile): both replicas report the same.
      const sorted = (problems: readonly { pointer: string; message: string }[]) => problems.map((problem) => `${problem.pointer} ${problem.message}`).sort();
      expect(sorted(a.problems)).toEqual(sorted(validateDocument(a.doc)));
      expect(sorted(b.problems)).toEqual(sorted(a.problems));

      // A third and a fourth replica receive the two replicas' updates in opposite orders.
      const c = new Y.Doc();
      const d = new Y.Doc();
      Y.applyUpdate(c, base);
      Y.applyUpdate(d, base);
      Y.applyUpdate(c, fromA);
      Y.applyUpdate(c, fromB);
      Y.applyUpdate(d, fromB);
      Y.applyUpdate(d, fromA);
      expect(documentToMap(c)).toEqual(a.map);
      expect(documentToMap(d)).toEqual(a.map);
      a.destroy();
      b.destroy();
    }), { numRuns: 100 });
  }, 120_000);
});
