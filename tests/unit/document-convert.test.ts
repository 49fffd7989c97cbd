import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMapText } from '../../src/core/load-map.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { documentToMap, mapToDocument } from '../../src/core/document/convert.ts';
import { arbitraryMap } from '../support/arbitrary-map.ts';
import { loadSeedMap } from '../support/seed.ts';

describe('ArgMap → document → ArgMap', () => {
  it('the generator makes maps the loader accepts unchanged', () => {
    fc.assert(fc.property(arbitraryMap(), (map) => {
      const loaded = loadMapText(serializeMap(map));
      if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('\n'));
      expect(loaded.map).toEqual(map);
    }), { numRuns: 200 });
  }, 120_000);

  it('round-trips generated maps exactly, also through an encoded update', () => {
    fc.assert(fc.property(arbitraryMap(), (map) => {
      const doc = mapToDocument(map);
      expect(documentToMap(doc)).toEqual(map);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const copied = documentToMap(copy);
      expect(copied).toEqual(map);
      expect(serializeMap(copied)).toBe(serializeMap(map));
    }), { numRuns: 200 });
  }, 120_000);

  it('round-trips the seed map', () => {
    const map = loadSeedMap();
    expect(documentToMap(mapToDocument(map))).toEqual(map);
  });
});
