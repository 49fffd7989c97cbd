import { describe, expect, it } from 'vitest';
import type { ArgMap, Tour, TourStep } from '../../src/core/model.ts';
import {
  addStep, addTour, deleteStep, deleteTour, moveStep, recordStep, renameTour, updateStep, withPositions,
} from '../../src/core/tours/editing.ts';
import { stepView } from '../../src/core/tours/playback.ts';

function step(caption: string, reveal: string[] = [], focus: string[] = []): TourStep {
  return { reveal, focus, caption: { en: caption } };
}

function freshMap(): ArgMap {
  return {
    schemaVersion: 1,
    title: { en: 'Fixture' },
    sources: [],
    actors: [],
    nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, kind: 'claim' as const, text: { en: id } })),
    edges: [{ id: 'ab', from: 'a', to: 'b', kind: 'support' }],
    tours: [
      { id: 'walk', title: { zh: '走一遍', en: 'Walk' }, steps: [step('one', ['a']), step('two', ['b']), step('three', ['c'])] },
      { id: 'other', title: { en: 'Other' }, steps: [step('only', ['d'])] },
    ],
    extensions: new Map([['aif', { kept: true }]]),
  };
}

/** Freezes every object of the map, so that any mutation throws (test modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A frozen map, and a check that it still equals a copy taken before the edit. */
function inputMap(): { map: ArgMap; expectUnchanged: () => void } {
  const map = deepFreeze(freshMap());
  const copy = structuredClone(freshMap());
  return { map, expectUnchanged: () => expect(map).toEqual(copy) };
}

function tour(map: ArgMap, id = 'walk'): Tour {
  const found = map.tours?.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no tour ${id}`);
  return found;
}

function captions(map: ArgMap, id = 'walk'): (string | undefined)[] {
  return tour(map, id).steps.map((each) => each.caption.en);
}

describe('addStep', () => {
  it('appends a step, or inserts it at an index, without touching the input', () => {
    const { map, expectUnchanged } = inputMap();
    expect(captions(addStep(map, 'walk', step('four')))).toEqual(['one', 'two', 'three', 'four']);
    expect(captions(addStep(map, 'walk', step('first'), 0))).toEqual(['first', 'one', 'two', 'three']);
    expect(captions(addStep(map, 'walk', step('second'), 1))).toEqual(['one', 'second', 'two', 'three']);
    expect(captions(addStep(map, 'walk', step('last'), 99))).toEqual(['one', 'two', 'three', 'last']);
    expect(captions(addStep(map, 'walk', step('front'), -5))).toEqual(['front', 'one', 'two', 'three']);
    expectUnchanged();
  });

  it('keeps no reference to the caller’s step', () => {
    const { map } = inputMap();
    const added: { reveal: string[]; focus: string[]; caption: { en: string } } = { reveal: ['d'], focus: [], caption: { en: 'mine' } };
    const edited = addStep(map, 'walk', added);
    added.reveal.push('c');
    added.caption.en = 'changed';
    expect(tour(edited).steps[3]).toEqual({ reveal: ['d'], focus: [], caption: { en: 'mine' } });
  });

  it('leaves the other tours as they were', () => {
    const { map } = inputMap();
    expect(tour(addStep(map, 'walk', step('four')), 'other')).toBe(tour(map, 'other'));
  });

  it('returns the input map for a missing tour, and for a tour at the schema’s 500 steps', () => {
    const { map } = inputMap();
    expect(addStep(map, 'missing', step('x'))).toBe(map);
    let full = map;
    for (let count = 3; count < 500; count += 1) full = addStep(full, 'walk', step(`step ${count}`));
    expect(tour(full).steps).toHaveLength(500);
    expect(addStep(full, 'walk', step('one too many'))).toBe(full);
  });
});

describe('updateStep', () => {
  it('changes the named fields only', () => {
    const { map, expectUnchanged } = inputMap();
    const edited = updateStep(map, 'walk', 1, { caption: { zh: '二', en: 'Two' }, focus: ['b'] });
    expect(tour(edited).steps[1]).toEqual({ reveal: ['b'], focus: ['b'], caption: { zh: '二', en: 'Two' } });
    expect(tour(edited).steps[0]).toBe(tour(map).steps[0]);
    expectUnchanged();
  });

  it('sets and removes a camera and notes', () => {
    const { map, expectUnchanged } = inputMap();
    const withCamera = updateStep(map, 'walk', 0, { camera: { x: 1, y: 2, zoom: 1.5 }, notes: { en: 'say' } });
    expect(tour(withCamera).steps[0]).toMatchObject({ camera: { x: 1, y: 2, zoom: 1.5 }, notes: { en: 'say' } });
    const without = updateStep(withCamera, 'walk', 0, { camera: undefined, notes: undefined });
    expect(tour(without).steps[0]).toEqual(step('one', ['a']));
    expect(Object.keys(tour(without).steps[0] ?? {})).not.toContain('camera');
    expectUnchanged();
  });

  it('returns the input map for a missing tour or step', () => {
    const { map } = inputMap();
    expect(updateStep(map, 'missing', 0, { caption: { en: 'x' } })).toBe(map);
    expect(updateStep(map, 'walk', 3, { caption: { en: 'x' } })).toBe(map);
    expect(updateStep(map, 'walk', -1, { caption: { en: 'x' } })).toBe(map);
    expect(updateStep(map, 'walk', 0.5, { caption: { en: 'x' } })).toBe(map);
  });
});

describe('moveStep', () => {
  it('moves a step forwards and backwards', () => {
    const { map, expectUnchanged } = inputMap();
    expect(captions(moveStep(map, 'walk', 0, 2))).toEqual(['two', 'three', 'one']);
    expect(captions(moveStep(map, 'walk', 2, 0))).toEqual(['three', 'one', 'two']);
    expect(captions(moveStep(map, 'walk', 1, 2))).toEqual(['one', 'three', 'two']);
    expectUnchanged();
  });

  it('returns the input map for a move to the same place or out of the tour', () => {
    const { map } = inputMap();
    expect(moveStep(map, 'walk', 1, 1)).toBe(map);
    expect(moveStep(map, 'walk', 0, 3)).toBe(map);
    expect(moveStep(map, 'walk', 3, 0)).toBe(map);
    expect(moveStep(map, 'walk', -1, 0)).toBe(map);
    expect(moveStep(map, 'missing', 0, 1)).toBe(map);
  });
});

describe('deleteStep', () => {
  it('deletes a step and hands what it revealed to the next step', () => {
    const { map, expectUnchanged } = inputMap();
    const edited = deleteStep(map, 'walk', 1);
    expect(captions(edited)).toEqual(['one', 'three']);
    expect(tour(edited).steps[1]?.reveal).toEqual(['b', 'c']);
    // Every later step still shows what it showed before.
    expect([...stepView(edited, tour(edited), 1).shown.nodes].sort()).toEqual(['a', 'b', 'c']);
    expectUnchanged();
  });

  it('hands on what the deleted step only focused, since focused items are shown', () => {
    const { map } = inputMap();
    const focusing = updateStep(map, 'walk', 1, { focus: ['d'] });
    const edited = deleteStep(focusing, 'walk', 1);
    expect(tour(edited).steps[1]?.reveal).toEqual(['b', 'd', 'c']);
    expect(stepView(edited, tour(edited), 1).shown.nodes.has('d')).toBe(true);
  });

  it('does not repeat an id the next step already reveals', () => {
    const { map } = inputMap();
    const overlapping = updateStep(map, 'walk', 1, { reveal: ['b', 'c'] });
    expect(tour(deleteStep(overlapping, 'walk', 1)).steps[1]?.reveal).toEqual(['b', 'c']);
  });

  it('deletes the last step outright', () => {
    const { map } = inputMap();
    expect(tour(deleteStep(map, 'walk', 2)).steps).toEqual([step('one', ['a']), step('two', ['b'])]);
  });

  it('keeps the only step of a tour (deleting a tour is deleteTour)', () => {
    const { map } = inputMap();
    expect(deleteStep(map, 'other', 0)).toBe(map);
  });

  it('returns the input map for a missing tour or step', () => {
    const { map } = inputMap();
    expect(deleteStep(map, 'missing', 0)).toBe(map);
    expect(deleteStep(map, 'walk', 3)).toBe(map);
    expect(deleteStep(map, 'walk', -1)).toBe(map);
  });
});

describe('addTour', () => {
  it('adds a tour with an id made from its English title and one step', () => {
    const { map, expectUnchanged } = inputMap();
    const added = addTour(map, { title: { zh: '新的', en: 'A New Tour!' } });
    expect(added?.tourId).toBe('a-new-tour');
    const created = tour(added?.map ?? map, 'a-new-tour');
    expect(created.title).toEqual({ zh: '新的', en: 'A New Tour!' });
    expect(created.steps).toEqual([{ reveal: [], focus: [], caption: { zh: '新的', en: 'A New Tour!' } }]);
    expectUnchanged();
  });

  it('makes ids unique', () => {
    const { map } = inputMap();
    expect(addTour(map, { id: 'walk', title: { en: 'Again' } })?.tourId).toBe('walk-2');
    const twice = addTour(addTour(map, { id: 'walk', title: { en: 'Again' } })?.map ?? map, { id: 'walk', title: { en: 'Again' } });
    expect(twice?.tourId).toBe('walk-3');
    expect(addTour(map, { title: { zh: '只有中文' } })?.tourId).toBe('tour');
    expect(addTour(map, { title: { en: 'Walk' } })?.tourId).toBe('walk-2');
    const long = addTour(map, { id: 'x'.repeat(300), title: { en: 'Long' } });
    expect(long?.tourId).toHaveLength(200);
  });

  it('starts with the given first step', () => {
    const { map } = inputMap();
    const added = addTour(map, { id: 'mine', title: { en: 'Mine' }, firstStep: step('start', ['a', 'b']) });
    expect(tour(added?.map ?? map, 'mine').steps).toEqual([step('start', ['a', 'b'])]);
  });

  it('adds the first tour to a map without tours', () => {
    const { tours: _none, ...bare } = freshMap();
    const added = addTour(deepFreeze(bare), { title: { en: 'First' } });
    expect(added?.map.tours?.map((each) => each.id)).toEqual(['first']);
  });

  it('refuses a tour past the schema’s 200', () => {
    let map = freshMap();
    while ((map.tours?.length ?? 0) < 200) map = addTour(map, { title: { en: 'More' } })?.map ?? map;
    expect(map.tours).toHaveLength(200);
    expect(addTour(map, { title: { en: 'Too many' } })).toBeUndefined();
  });
});

describe('deleteTour and renameTour', () => {
  it('deletes a tour, and the tours key with the last one', () => {
    const { map, expectUnchanged } = inputMap();
    const one = deleteTour(map, 'walk');
    expect(one.tours?.map((each) => each.id)).toEqual(['other']);
    const none = deleteTour(one, 'other');
    expect('tours' in none).toBe(false);
    expect(none.extensions).toBe(map.extensions);
    expect(deleteTour(map, 'missing')).toBe(map);
    expectUnchanged();
  });

  it('renames a tour', () => {
    const { map, expectUnchanged } = inputMap();
    const renamed = renameTour(map, 'walk', { zh: '漫步', en: 'Stroll' });
    expect(tour(renamed).title).toEqual({ zh: '漫步', en: 'Stroll' });
    expect(tour(renamed).steps).toBe(tour(map).steps);
    expect(renameTour(map, 'missing', { en: 'x' })).toBe(map);
    expectUnchanged();
  });
});

describe('recordStep', () => {
  it('reveals the shown nodes that the steps before it do not, in map order', () => {
    const { map, expectUnchanged } = inputMap();
    const recorded = recordStep(map, tour(map), { shownNodeIds: ['d', 'a', 'c', 'missing'], caption: { en: 'now' } });
    expect(recorded).toEqual({ reveal: ['d'], focus: [], caption: { en: 'now' } });
    expectUnchanged();
  });

  it('counts only the steps before the index it will take', () => {
    const { map } = inputMap();
    const camera = { x: 5, y: 6, zoom: 0.9 };
    const recorded = recordStep(map, tour(map), { shownNodeIds: new Set(['c', 'b', 'a']), camera, caption: { en: 'second' }, notes: { en: 'n' } }, 1);
    expect(recorded).toEqual({ reveal: ['b', 'c'], focus: [], camera, caption: { en: 'second' }, notes: { en: 'n' } });
  });

  it('makes a step that, once added, shows the recorded view', () => {
    const { map } = inputMap();
    const shownNodeIds = ['a', 'b', 'c', 'd'];
    const edited = addStep(map, 'walk', recordStep(map, tour(map), { shownNodeIds, caption: { en: 'all' } }));
    expect([...stepView(edited, tour(edited), 3).shown.nodes].sort()).toEqual(shownNodeIds);
  });
});

describe('withPositions', () => {
  it('saves every placed node’s position, rounded to 0.1', () => {
    const { map, expectUnchanged } = inputMap();
    const saved = withPositions(map, [
      { id: 'a', x: 12.345, y: -0.04 },
      { id: 'b', x: -7.25, y: 1e9 },
      { id: 'c', x: Number.NaN, y: 1 },
      { id: 'missing', x: 1, y: 1 },
    ]);
    expect(saved.nodes.map((node) => node.position)).toEqual([{ x: 12.3, y: 0 }, { x: -7.2, y: 1_000_000 }, undefined, undefined]);
    expect(Object.is(saved.nodes[0]?.position?.y, -0)).toBe(false);
    expect(saved.nodes[2]).toBe(map.nodes[2]);
    expect(saved.tours).toBe(map.tours);
    expectUnchanged();
  });

  it('replaces a saved position', () => {
    const { map } = inputMap();
    const once = withPositions(map, [{ id: 'a', x: 1, y: 1 }]);
    expect(withPositions(once, [{ id: 'a', x: 2, y: 3 }]).nodes[0]?.position).toEqual({ x: 2, y: 3 });
  });
});
