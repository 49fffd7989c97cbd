/**
 * Issue 13 §3–§4: the presenter window gets the map of the window that opened it over a
 * BroadcastChannel, by that window's token; the tour's step waits for a map that arrives late;
 * a link to a step the tour lacks is reported.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { MapOffer, requestHandedMap, type HandedMap } from '../../src/ui/handover.ts';
import { Presentation } from '../../src/ui/presentation.svelte.ts';
import { handoverTokenOf, parseRoute, presenterUrl } from '../../src/ui/route.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function mapWithTour(steps: number): ArgMap {
  return {
    schemaVersion: 1,
    title: { en: 'Opened' },
    sources: [],
    actors: [],
    nodes: [{ id: 'a', kind: 'claim', text: { en: 'a' } }],
    edges: [],
    tours: [{ id: 'own', title: { en: 'Own tour' }, steps: Array.from({ length: steps }, (_, index) => ({ reveal: [], focus: [], caption: { en: `step ${index + 1}` } })) }],
  };
}

const SEED_LIKE: ArgMap = { ...mapWithTour(1), title: { en: 'Seed' }, tours: [] };

function nextMap(token: string): Promise<HandedMap> {
  return new Promise((resolve) => {
    const stop = requestHandedMap(token, (map) => {
      stop();
      resolve(map);
    });
  });
}

describe('handing the map over', () => {
  it('answers a presenter window that asks by this window’s token, and no other', async () => {
    const offer = new MapOffer('a'.repeat(32), () => ({ name: 'opened', text: '{"opened":true}' }));
    const other = new MapOffer('b'.repeat(32), () => ({ name: 'other tab', text: '{}' }));
    cleanups.push(() => offer.close(), () => other.close());
    await expect(nextMap('a'.repeat(32))).resolves.toEqual({ name: 'opened', text: '{"opened":true}' });
    await expect(nextMap('b'.repeat(32))).resolves.toEqual({ name: 'other tab', text: '{}' });
  });

  it('sends the map again when it changes, once a presenter has asked', async () => {
    let text = 'first';
    const token = 'c'.repeat(32);
    const offer = new MapOffer(token, () => ({ name: 'm', text }));
    cleanups.push(() => offer.close());
    const received: string[] = [];
    const stop = requestHandedMap(token, (map) => received.push(map.text));
    cleanups.push(stop);
    await expect.poll(() => received).toEqual(['first']);
    text = 'second';
    offer.changed();
    await expect.poll(() => received).toEqual(['first', 'second']);
  });

  it('the presenter window’s address carries the token, and only a well-formed one is read', () => {
    vi.stubGlobal('location', new URL('http://localhost/app/?lang=en#view'));
    cleanups.push(() => vi.unstubAllGlobals());
    const url = presenterUrl('own', 1, 'd'.repeat(32));
    const parsed = new URL(url, 'http://localhost/');
    expect(parsed.pathname).toBe('/app/');
    expect(parsed.searchParams.get('lang')).toBe('en');
    expect(handoverTokenOf(parsed.search)).toBe('d'.repeat(32));
    expect(parseRoute(parsed.hash)).toEqual({ screen: 'presenter', tourId: 'own', stepIndex: 1 });
    expect(handoverTokenOf('?handover=<script>')).toBeUndefined();
    expect(handoverTokenOf('')).toBeUndefined();
  });
});

describe('a presentation whose map comes later, or whose link asks too much', () => {
  it('goes to the step asked for once the map with the tour arrives', () => {
    const session = new MapSession({ map: SEED_LIKE, name: 'seed', sourceTexts: new Map() });
    const presentation = new Presentation(() => session.map, 'own', 2);
    cleanups.push(() => presentation.close());
    expect(presentation.tour).toBeUndefined();
    session.receive('opened.json', { ok: true, map: mapWithTour(4), warnings: [] });
    expect(presentation.tour?.id).toBe('own');
    expect(presentation.stepIndex).toBe(2);
    expect(presentation.linkOutOfRange).toBeUndefined();
  });

  it('reports a step past the end, shows the last, and forgets the report once the tour moves', () => {
    const session = new MapSession({ map: mapWithTour(3), name: 'm', sourceTexts: new Map() });
    const presentation = new Presentation(() => session.map, 'own', 98);
    cleanups.push(() => presentation.close());
    expect(presentation.stepIndex).toBe(2);
    expect(presentation.linkOutOfRange).toEqual({ asked: 98, count: 3 });
    presentation.previous();
    expect(presentation.stepIndex).toBe(1);
    expect(presentation.linkOutOfRange).toBeUndefined();
  });

  it('tour links with no step number are reported with why', () => {
    for (const [hash, why] of [['#present/own/0', 'numbered from 1'], ['#presenter/own/two', '"two"'], ['#print/', 'names no tour'], ['#present/own/1/2', 'not a link to a tour step']] as const) {
      const route = parseRoute(hash);
      expect(route.screen).toBe('explore');
      expect(route.screen === 'explore' ? route.brokenLink?.message : '').toContain(why);
    }
    expect(parseRoute('#view?cam=1,2,3')).toEqual({ screen: 'explore' });
  });
});
