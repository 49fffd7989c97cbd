import { describe, expect, it } from 'vitest';
import type { ArgMap, Tour, TourStep } from '../../src/core/model.ts';
import {
  clampStepIndex, parsePresentHash, presentHash, shownBeforeStep, stepCount, stepView,
} from '../../src/core/tours/playback.ts';
import { seededRandom } from '../../src/layout/random.ts';
import { loadSeedMap } from '../support/seed.ts';

/**
 * a → b (support), c → b (attack), d undercuts a → b; e stands alone.
 */
const map: ArgMap = {
  schemaVersion: 1,
  title: { en: 'Fixture' },
  sources: [],
  actors: [],
  nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, kind: 'claim' as const, text: { en: id } })),
  edges: [
    { id: 'ab', from: 'a', to: 'b', kind: 'support' },
    { id: 'cb', from: 'c', to: 'b', kind: 'attack' },
    { id: 'undercut', from: 'd', to: 'ab', kind: 'undercut' },
  ],
};

function step(reveal: string[], focus: string[] = [], caption = 'step'): TourStep {
  return { reveal, focus, caption: { en: caption } };
}

function tourOf(...steps: TourStep[]): Tour {
  return { id: 'tour', title: { en: 'Tour' }, steps };
}

function sorted(ids: ReadonlySet<string>): string[] {
  return [...ids].sort();
}

describe('stepView', () => {
  it('shows what the step and every step before it reveal', () => {
    const tour = tourOf(step(['a']), step(['c']), step(['e']));
    expect(sorted(stepView(map, tour, 0).shown.nodes)).toEqual(['a']);
    expect(sorted(stepView(map, tour, 1).shown.nodes)).toEqual(['a', 'c']);
    expect(sorted(stepView(map, tour, 2).shown.nodes)).toEqual(['a', 'c', 'e']);
  });

  it('shows an edge once both of its ends are shown, without it being named', () => {
    const tour = tourOf(step(['a', 'c']), step(['b']));
    expect(sorted(stepView(map, tour, 0).shown.edges)).toEqual([]);
    expect(sorted(stepView(map, tour, 1).shown.edges)).toEqual(['ab', 'cb']);
  });

  it('brings the ends of a revealed edge', () => {
    const view = stepView(map, tourOf(step(['cb'])), 0);
    expect(sorted(view.shown.nodes)).toEqual(['b', 'c']);
    expect(sorted(view.shown.edges)).toEqual(['cb']);
  });

  it('shows an undercut once its author and the attacked edge are shown', () => {
    const tour = tourOf(step(['a', 'd']), step(['b']));
    expect(stepView(map, tour, 0).shown.edges.has('undercut')).toBe(false);
    expect(sorted(stepView(map, tour, 1).shown.edges)).toEqual(['ab', 'undercut']);
  });

  it('brings the author and the attacked edge of a revealed undercut', () => {
    const view = stepView(map, tourOf(step(['undercut'])), 0);
    expect(sorted(view.shown.nodes)).toEqual(['a', 'b', 'd']);
    expect(sorted(view.shown.edges)).toEqual(['ab', 'undercut']);
  });

  it('shows what a step focuses, from that step on', () => {
    const tour = tourOf(step(['a']), step([], ['c']), step([]));
    expect(stepView(map, tour, 1).shown.nodes.has('c')).toBe(true);
    expect(stepView(map, tour, 2).shown.nodes.has('c')).toBe(true);
  });

  it('stresses only the focus of the step itself; an empty focus stresses nothing', () => {
    const tour = tourOf(step(['a'], ['a']), step(['b']));
    expect(sorted(stepView(map, tour, 0).focus)).toEqual(['a']);
    expect(sorted(stepView(map, tour, 1).focus)).toEqual([]);
  });

  it('frames the ends of a focused edge, and of the edge a focused undercut attacks', () => {
    const tour = tourOf(step(['a', 'b', 'c', 'd'], ['cb']), step([], ['undercut']));
    expect(sorted(stepView(map, tour, 0).focus)).toEqual(['cb']);
    expect(sorted(stepView(map, tour, 0).focusNodes)).toEqual(['b', 'c']);
    expect(sorted(stepView(map, tour, 1).focusNodes)).toEqual(['a', 'b', 'd']);
  });

  it('reports what a step adds to the step before it', () => {
    const tour = tourOf(step(['a']), step(['b', 'c']));
    const first = stepView(map, tour, 0);
    expect(sorted(first.added.nodes)).toEqual(['a']);
    const second = stepView(map, tour, 1);
    expect(sorted(second.added.nodes)).toEqual(['b', 'c']);
    expect(sorted(second.added.edges)).toEqual(['ab', 'cb']);
  });

  it('never hides what an earlier step showed', () => {
    const tour = tourOf(step(['undercut'], ['d']), step(['c'], ['c']), step([], []), step(['e'], ['cb']));
    for (let index = 1; index < tour.steps.length; index += 1) {
      const before = stepView(map, tour, index - 1).shown;
      const after = stepView(map, tour, index).shown;
      for (const id of before.nodes) expect(after.nodes.has(id), `node ${id} at step ${index}`).toBe(true);
      for (const id of before.edges) expect(after.edges.has(id), `edge ${id} at step ${index}`).toBe(true);
    }
  });

  it('never hides anything in the seed map’s tours', () => {
    const seed = loadSeedMap();
    for (const tour of seed.tours ?? []) {
      for (let index = 1; index < tour.steps.length; index += 1) {
        const before = stepView(seed, tour, index - 1).shown;
        const after = stepView(seed, tour, index).shown;
        expect([...before.nodes].filter((id) => !after.nodes.has(id)), `${tour.id} step ${index + 1}`).toEqual([]);
        expect([...before.edges].filter((id) => !after.edges.has(id)), `${tour.id} step ${index + 1}`).toEqual([]);
      }
    }
  });

  it('ignores ids that name nothing in the map', () => {
    const view = stepView(map, tourOf(step(['a', 'missing', '__proto__'], ['missing', 'constructor'])), 0);
    expect(sorted(view.shown.nodes)).toEqual(['a']);
    expect(sorted(view.focus)).toEqual([]);
  });

  it('carries the caption, notes and camera of its step', () => {
    const camera = { x: 1, y: 2, zoom: 0.5 };
    const tour = tourOf(step(['a']), { reveal: [], focus: [], camera, caption: { zh: '二', en: 'two' }, notes: { en: 'say this' } });
    const view = stepView(map, tour, 1);
    expect(view.caption).toEqual({ zh: '二', en: 'two' });
    expect(view.notes).toEqual({ en: 'say this' });
    expect(view.camera).toEqual(camera);
    expect(stepView(map, tour, 0).camera).toBeUndefined();
    expect(stepView(map, tour, 0).notes).toBeUndefined();
  });

  it('clamps the step index into the tour', () => {
    const tour = tourOf(step(['a'], [], 'one'), step(['b'], [], 'two'), step(['c'], [], 'three'));
    expect(stepCount(tour)).toBe(3);
    expect(clampStepIndex(tour, -1)).toBe(0);
    expect(clampStepIndex(tour, 99)).toBe(2);
    expect(clampStepIndex(tour, Number.NaN)).toBe(0);
    expect(clampStepIndex(tour, Number.POSITIVE_INFINITY)).toBe(2);
    expect(clampStepIndex(tour, 1.7)).toBe(1);
    const view = stepView(map, tour, 1e9);
    expect(view.stepIndex).toBe(2);
    expect(view.stepCount).toBe(3);
    expect(view.caption.en).toBe('three');
  });

  it('gives an empty view of a tour without steps', () => {
    const view = stepView(map, tourOf(), 0);
    expect(view.stepCount).toBe(0);
    expect(view.shown.nodes.size + view.shown.edges.size + view.focus.size).toBe(0);
  });
});

describe('shownBeforeStep', () => {
  it('is what the steps before the index show', () => {
    const tour = tourOf(step(['a']), step(['b']), step(['c']));
    expect(sorted(shownBeforeStep(map, tour, 0).nodes)).toEqual([]);
    expect(sorted(shownBeforeStep(map, tour, 2).nodes)).toEqual(['a', 'b']);
    expect(sorted(shownBeforeStep(map, tour, 2).edges)).toEqual(['ab']);
    expect(sorted(shownBeforeStep(map, tour, 99).nodes)).toEqual(['a', 'b', 'c']);
    expect(sorted(shownBeforeStep(map, tour, Number.NaN).nodes)).toEqual([]);
  });
});

describe('present hash', () => {
  it.each([
    ['overview', 0, '#present/overview/1'],
    ['zhu-vs-fu', 4, '#present/zhu-vs-fu/5'],
    ['a/b c#d%e', 0, '#present/a%2Fb%20c%23d%25e/1'],
    ['百模', 1, '#present/%E7%99%BE%E6%A8%A1/2'],
  ])('writes %j step index %j as %j and reads it back', (tourId, stepIndex, hash) => {
    expect(presentHash(tourId, stepIndex)).toBe(hash);
    expect(parsePresentHash(hash)).toEqual({ tourId, stepIndex });
  });

  it('writes a step number from 1 for any index', () => {
    expect(presentHash('t', -3)).toBe('#present/t/1');
    expect(presentHash('t', Number.NaN)).toBe('#present/t/1');
    expect(presentHash('t', 2.9)).toBe('#present/t/3');
  });

  it('does not throw on a tour id with a lone surrogate', () => {
    expect(presentHash('a\uD800', 0)).toBe('#present/a%EF%BF%BD/1');
  });

  it('reads a tour id without a step as its first step', () => {
    expect(parsePresentHash('#present/overview')).toEqual({ tourId: 'overview', stepIndex: 0 });
  });

  it('reads a step past the end as it is; stepView clamps it', () => {
    expect(parsePresentHash('#present/overview/999999999')).toEqual({ tourId: 'overview', stepIndex: 999999998 });
  });

  it.each([
    [''],
    ['#'],
    ['#present'],
    ['#present/'],
    ['#present//1'],
    ['#present//0'],
    ['#present/overview/0'],
    ['#present/overview/-1'],
    ['#present/overview/+1'],
    ['#present/overview/1.5'],
    ['#present/overview/1e3'],
    ['#present/overview/0x10'],
    ['#present/overview/ 1'],
    ['#present/overview/'],
    ['#present/overview/1/'],
    ['#present/overview/1/2'],
    ['#present/overview/abc'],
    ['#present/overview/1234567890'],
    ['#present/overview/99999999999999999999999999'],
    ['#present/%E0%A4%A/abc'],
    ['#present/%E0%A4%A/1'],
    ['#present/%/1'],
    ['#present/%ZZ/1'],
    ['#present/%ED%A0%80/1'],
    [`#present/${'x'.repeat(201)}/1`],
    ['present/overview/1'],
    ['#Present/overview/1'],
    ['#presentation/overview/1'],
    ['#node/overview'],
  ])('refuses %j', (hash) => {
    expect(parsePresentHash(hash)).toBeUndefined();
  });

  it('never throws, whatever the hash', () => {
    const random = seededRandom('present-hash');
    const alphabet = ['#', 'present', '/', '%', 'E0', 'A4', '0', '9', 'a', '\uD800', '百', ' ', '?', '&'];
    for (let attempt = 0; attempt < 2000; attempt += 1) {
      const length = Math.floor(random() * 8);
      const parts = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)] ?? '');
      const hash = `#present/${parts.join('')}`;
      expect(() => parsePresentHash(hash), hash).not.toThrow();
    }
  });
});
