/**
 * Issue 13 §1: every map the tour editor and Save layout can make is one the reader accepts.
 * The edit paths hold texts, cameras and positions to exactly the schema's limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CAMERA_COORDINATE, MAX_TEXT_LENGTH, MAX_TOURS, SMALLEST_ZOOM } from '../../src/core/format-limits.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap, Bilingual, Camera, TourStep } from '../../src/core/model.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import {
  addStep, addTour, deleteStep, deleteTour, moveStep, recordStep, renameTour, textFitsFormat, updateStep, withPositions,
} from '../../src/core/tours/editing.ts';

const NODE_IDS = ['a', 'b', 'c', 'd'];

function baseMap(): ArgMap {
  return {
    schemaVersion: 1,
    title: { en: 'Fixture' },
    sources: [],
    actors: [],
    nodes: NODE_IDS.map((id) => ({ id, kind: 'claim' as const, text: { en: id } })),
    edges: [{ id: 'ab', from: 'a', to: 'b', kind: 'support' }],
    tours: [{ id: 'walk', title: { en: 'Walk' }, steps: [{ reveal: ['a'], focus: [], caption: { en: 'one' } }] }],
  };
}

function reopened(map: ArgMap) {
  return loadMapText(serializeMap(map));
}

function expectReadable(map: ArgMap): void {
  const result = reopened(map);
  expect(result.ok ? [] : result.problems.map((problem) => `${problem.pointer ?? ''} ${problem.message}`)).toEqual([]);
}

const overLimit = 'x'.repeat(MAX_TEXT_LENGTH + 1);

describe('tour edits keep to the schema', () => {
  it('refuses a caption, notes or title one character over the limit, and keeps the map', () => {
    const map = baseMap();
    expect(updateStep(map, 'walk', 0, { caption: { en: overLimit } })).toBe(map);
    expect(updateStep(map, 'walk', 0, { notes: { zh: overLimit } })).toBe(map);
    expect(renameTour(map, 'walk', { en: 'ok', zh: overLimit })).toBe(map);
    expect(addStep(map, 'walk', { reveal: [], focus: [], caption: { en: overLimit } })).toBe(map);
    expect(addTour(map, { title: { en: overLimit } })).toBeUndefined();
  });

  it('accepts a text of exactly the limit, counted in characters as the schema counts them', () => {
    // 10,000 emoji are 20,000 UTF-16 units: within the schema's limit, which counts code points.
    for (const text of ['x'.repeat(MAX_TEXT_LENGTH), '😀'.repeat(MAX_TEXT_LENGTH)]) {
      const edited = updateStep(baseMap(), 'walk', 0, { caption: { en: text }, notes: { zh: text } });
      expect(edited.tours?.[0]?.steps[0]?.caption.en).toBe(text);
      expectReadable(edited);
    }
    expect(textFitsFormat({ en: '😀'.repeat(MAX_TEXT_LENGTH + 1) })).toBe(false);
  });

  it('refuses a title or caption with no language, and steps naming what the map lacks', () => {
    const map = baseMap();
    expect(renameTour(map, 'walk', {})).toBe(map);
    expect(updateStep(map, 'walk', 0, { caption: {} })).toBe(map);
    expect(updateStep(map, 'walk', 0, { reveal: ['nowhere'] })).toBe(map);
  });

  it('records a view far off the map with a camera inside the format’s range', () => {
    const map = baseMap();
    const tour = map.tours![0]!;
    const step = recordStep(map, tour, { shownNodeIds: ['a', 'b'], camera: { x: -13_710_514, y: 5e9, zoom: 0.00001 }, caption: { en: 'far' } });
    expect(step.camera).toEqual({ x: -MAX_CAMERA_COORDINATE, y: MAX_CAMERA_COORDINATE, zoom: 0.00001 });
    const tiny = recordStep(map, tour, { shownNodeIds: [], camera: { x: 0, y: 0, zoom: 1e-12 }, caption: { en: 'tiny' } });
    expect(tiny.camera?.zoom).toBe(SMALLEST_ZOOM);
    const lost = recordStep(map, tour, { shownNodeIds: [], camera: { x: Number.NaN, y: 0, zoom: 1 }, caption: { en: 'lost' } });
    expect(lost.camera).toBeUndefined();
    expectReadable(addStep(addStep(addStep(map, 'walk', step), 'walk', tiny), 'walk', lost));
  });
});

/** One thing a person can do in the tour editor, or Save layout. */
type Edit =
  | { kind: 'addTour'; title: Bilingual; id?: string }
  | { kind: 'rename'; tour: number; title: Bilingual }
  | { kind: 'record'; tour: number; camera?: Camera; shown: string[]; caption: Bilingual; notes?: Bilingual; at?: number }
  | { kind: 'update'; tour: number; step: number; caption?: Bilingual; notes?: Bilingual | null; camera?: Camera | null; reveal?: string[]; focus?: string[] }
  | { kind: 'move'; tour: number; from: number; to: number }
  | { kind: 'deleteStep'; tour: number; step: number }
  | { kind: 'deleteTour'; tour: number }
  | { kind: 'layout'; positions: { id: string; x: number; y: number }[] };

/** Texts around the limit, in several scripts, with characters the reader repairs. */
const text = fc.oneof(
  fc.string({ maxLength: 30, unit: 'grapheme' }),
  fc.string({ maxLength: 10, unit: 'binary' }),
  fc.constantFrom('x'.repeat(MAX_TEXT_LENGTH), 'x'.repeat(MAX_TEXT_LENGTH + 1), '中'.repeat(MAX_TEXT_LENGTH), '😀'.repeat(MAX_TEXT_LENGTH), '😀'.repeat(MAX_TEXT_LENGTH + 1), '<script>alert(1)</script>', '', ' '),
);
const bilingual: fc.Arbitrary<Bilingual> = fc.record({ zh: text, en: text }, { requiredKeys: [] });
const coordinate = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -20_000_000, max: 20_000_000 }), fc.constantFrom(1e6, -1e6, 1e6 + 0.05));
const camera: fc.Arbitrary<Camera> = fc.record({ x: coordinate, y: coordinate, zoom: fc.oneof(fc.double(), fc.constantFrom(0, -0, 1e-9, 100, 100.5, 0.0002)) });
const index = fc.integer({ min: -2, max: 8 });
const elementId = fc.constantFrom(...NODE_IDS, 'ab');

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('addTour' as const), title: bilingual, id: fc.option(fc.string({ maxLength: 250, unit: 'binary' }), { nil: undefined }) }, { requiredKeys: ['kind', 'title'] }),
  fc.record({ kind: fc.constant('rename' as const), tour: index, title: bilingual }),
  fc.record(
    { kind: fc.constant('record' as const), tour: index, camera, shown: fc.array(elementId, { maxLength: 5 }), caption: bilingual, notes: bilingual, at: index },
    { requiredKeys: ['kind', 'tour', 'shown', 'caption'] },
  ),
  fc.record(
    {
      kind: fc.constant('update' as const), tour: index, step: index, caption: bilingual, notes: fc.option(bilingual), camera: fc.option(camera),
      reveal: fc.array(elementId, { maxLength: 4 }), focus: fc.array(elementId, { maxLength: 3 }),
    },
    { requiredKeys: ['kind', 'tour', 'step'] },
  ),
  fc.record({ kind: fc.constant('move' as const), tour: index, from: index, to: index }),
  fc.record({ kind: fc.constant('deleteStep' as const), tour: index, step: index }),
  fc.record({ kind: fc.constant('deleteTour' as const), tour: index }),
  fc.record({ kind: fc.constant('layout' as const), positions: fc.array(fc.record({ id: elementId, x: coordinate, y: coordinate }), { maxLength: 5 }) }),
);

function tourIdAt(map: ArgMap, position: number): string {
  const tours = map.tours ?? [];
  return tours[((position % (tours.length || 1)) + (tours.length || 1)) % (tours.length || 1)]?.id ?? 'missing';
}

function apply(map: ArgMap, change: Edit): ArgMap {
  switch (change.kind) {
    case 'addTour':
      return addTour(map, { title: change.title, ...(change.id !== undefined ? { id: change.id } : {}) })?.map ?? map;
    case 'rename':
      return renameTour(map, tourIdAt(map, change.tour), change.title);
    case 'record': {
      const tour = map.tours?.find((each) => each.id === tourIdAt(map, change.tour));
      if (!tour) return map;
      const step: TourStep = recordStep(map, tour, {
        shownNodeIds: change.shown, caption: change.caption,
        ...(change.camera ? { camera: change.camera } : {}), ...(change.notes ? { notes: change.notes } : {}),
      }, change.at);
      return addStep(map, tour.id, step, change.at);
    }
    case 'update':
      return updateStep(map, tourIdAt(map, change.tour), change.step, {
        ...(change.caption ? { caption: change.caption } : {}),
        ...(change.notes !== undefined ? { notes: change.notes ?? undefined } : {}),
        ...(change.camera !== undefined ? { camera: change.camera ?? undefined } : {}),
        ...(change.reveal ? { reveal: change.reveal } : {}),
        ...(change.focus ? { focus: change.focus } : {}),
      });
    case 'move':
      return moveStep(map, tourIdAt(map, change.tour), change.from, change.to);
    case 'deleteStep':
      return deleteStep(map, tourIdAt(map, change.tour), change.step);
    case 'deleteTour':
      return deleteTour(map, tourIdAt(map, change.tour));
    case 'layout':
      return withPositions(map, change.positions);
  }
}

describe('property: every map the tour editor and Save layout make validates', () => {
  it('holds for random runs of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let map = baseMap();
        for (const change of edits) map = apply(map, change);
        const result = reopened(map);
        if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.pointer ?? ''} ${problem.message}`).join('; '));
        expect((map.tours ?? []).length).toBeLessThanOrEqual(MAX_TOURS);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
