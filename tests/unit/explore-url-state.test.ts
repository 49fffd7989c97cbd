import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { NO_ACTOR, type ViewFilter } from '../../src/core/explore/filters.ts';
import { decodeViewHash, encodeViewHash, MAX_QUERY_LENGTH, type ViewState } from '../../src/core/explore/url-state.ts';
import { DEFAULT_ZOOM_LIMITS } from '../../src/core/tours/camera-target.ts';
import { cameraOf, transformOf } from '../../src/ui/camera.ts';
import { minimumZoom } from '../../src/ui/camera-controller.svelte.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();

const hostile: ArgMap = {
  schemaVersion: 1,
  title: { en: 'hostile' },
  sources: [],
  actors: [
    { id: '__proto__', name: { en: 'proto' } },
    { id: 'a,b&c=d#e%f', name: { en: 'separators' } },
    { id: '(none)', name: { en: 'looks like the token' } },
  ],
  nodes: [
    { id: 'x,&=#%?/ 朱', kind: 'question', text: { en: 'q' } },
    { id: '__proto__', kind: 'claim', text: { en: 'c' } },
  ],
  edges: [],
};

function filter(actors: string[] = [], nodeKinds: ViewFilter['hiddenNodeKinds'] = new Set(), edgeKinds: ViewFilter['hiddenEdgeKinds'] = new Set()): ViewFilter {
  return { hiddenActors: new Set(actors), hiddenNodeKinds: nodeKinds, hiddenEdgeKinds: edgeKinds };
}

const plain: ViewState = { filter: filter() };

describe('encodeViewHash', () => {
  it('writes the plain view as #view', () => {
    expect(encodeViewHash(plain)).toBe('#view');
  });

  it('writes every part in a fixed order, lists sorted', () => {
    const state: ViewState = {
      query: 'zhu xiao hu',
      camera: { x: 12.345, y: -6, zoom: 1.5 },
      language: 'en',
      filter: filter(['zhu-xiaohu', 'fu-sheng', NO_ACTOR], new Set(['evidence', 'question']), new Set(['rephrase', 'support'])),
      focusDepth: 2,
      selectedId: 'zhu-startups-destroyed',
    };
    expect(encodeViewHash(state)).toBe(
      '#view?sel=zhu-startups-destroyed&depth=2&hide-actors=(none),fu-sheng,zhu-xiaohu&hide-kinds=question,evidence&hide-edges=support,rephrase&lang=en&cam=12.35,-6,1.5&q=zhu%20xiao%20hu',
    );
  });

  it('clamps numbers and drops a camera that is not finite', () => {
    expect(encodeViewHash({ ...plain, focusDepth: 7, camera: { x: 5e9, y: -5e9, zoom: 1e-9 } })).toBe('#view?depth=3&cam=1000000,-1000000,0.000001');
    expect(encodeViewHash({ ...plain, camera: { x: Number.NaN, y: 0, zoom: 1 } })).toBe('#view');
  });

  it('writes a lone surrogate in a query as U+FFFD instead of throwing', () => {
    expect(encodeViewHash({ ...plain, query: 'a\uD800b' })).toBe('#view?q=a%EF%BF%BDb');
  });
});

describe('decodeViewHash', () => {
  it('reads every part', () => {
    const state = decodeViewHash(
      '#view?sel=zhu-startups-destroyed&depth=3&hide-actors=(none),zhu-xiaohu&hide-kinds=evidence&hide-edges=undercut,attack&lang=zh&cam=1.5,-2,0.75&q=%E6%9C%B1',
      seed,
    );
    expect(state).toEqual({
      selectedId: 'zhu-startups-destroyed',
      focusDepth: 3,
      filter: filter([NO_ACTOR, 'zhu-xiaohu'], new Set(['evidence']), new Set(['undercut', 'attack'])),
      language: 'zh',
      camera: { x: 1.5, y: -2, zoom: 0.75 },
      query: '朱',
    });
  });

  it.each(['#view', 'view', '#view?', '#view?&&&', '#view?=&=x&sel', '#view?sel=&q='])('reads %j as the plain view', (hash) => {
    expect(decodeViewHash(hash, seed)).toEqual(plain);
  });

  it.each(['', '#', '#present/tour/2', '#present', '#presenter/tour/1', '#print/tour', '#viewer?sel=q-cost', '#view/q-cost', 'present/a/b', '#VIEW'])('leaves %j to its owner', (hash) => {
    expect(decodeViewHash(hash, seed)).toBeUndefined();
  });

  it('drops ids the map does not have and kinds that do not exist', () => {
    const state = decodeViewHash('#view?sel=missing&hide-actors=nobody,zhu-xiaohu,q-cost&hide-kinds=claim,thought&hide-edges=support,supports&lang=fr', seed);
    expect(state).toEqual({ filter: filter(['zhu-xiaohu'], new Set(['claim']), new Set(['support'])) });
  });

  it.each([
    ['depth=0', { focusDepth: 1 }],
    ['depth=99', { focusDepth: 3 }],
    ['depth=2.4', { focusDepth: 2 }],
    ['depth=-1', { focusDepth: 1 }],
    ['depth=two', {}],
    ['depth=', {}],
    ['depth=0x2', {}],
    ['depth=Infinity', {}],
    ['depth=1e999', {}],
    ['cam=1,2', {}],
    ['cam=1,2,3,4', {}],
    ['cam=1,,3', {}],
    ['cam=a,b,c', {}],
    ['cam=1,2,NaN', {}],
    ['cam=1e9,-1e9,500', { camera: { x: 1_000_000, y: -1_000_000, zoom: DEFAULT_ZOOM_LIMITS.maxZoom } }],
    ['cam=0,0,-3', { camera: { x: 0, y: 0, zoom: DEFAULT_ZOOM_LIMITS.minZoom } }],
    ['cam=-0,0.001,1.00004', { camera: { x: 0, y: 0, zoom: 1 } }],
  ])('validates and clamps %s', (parameter, expected) => {
    expect(decodeViewHash(`#view?${parameter}`, seed)).toEqual({ ...plain, ...expected });
  });

  it('never throws on garbage', () => {
    const garbage = ['#view?q=%', '#view?q=%E0%A4%A', '#view?sel=%uD800', '#view?hide-actors=%,%%,(none', '#view?%=%&%%', `#view?q=${'%F0'.repeat(1000)}`, '#view?cam=%31,2,3'];
    for (const hash of garbage) expect(() => decodeViewHash(hash, seed)).not.toThrow();
    expect(decodeViewHash('#view?q=%&lang=en', seed)).toEqual({ ...plain, language: 'en' });
  });

  it('takes the first of repeated parameters', () => {
    expect(decodeViewHash('#view?lang=en&lang=zh', seed)?.language).toBe('en');
  });

  it(`cuts a query at ${MAX_QUERY_LENGTH} characters`, () => {
    const query = decodeViewHash(`#view?q=${encodeURIComponent('朱'.repeat(MAX_QUERY_LENGTH + 50))}`, seed)?.query;
    expect(query).toBe('朱'.repeat(MAX_QUERY_LENGTH));
  });
});

describe('round trips', () => {
  it('carries ids holding separators, object keys and the look of the no-speaker token', () => {
    const state: ViewState = { selectedId: 'x,&=#%?/ 朱', filter: filter(['__proto__', 'a,b&c=d#e%f', '(none)', NO_ACTOR]), query: 'a&b=c#d,e%f' };
    const hash = encodeViewHash(state);
    expect(hash).not.toMatch(/#.*#/);
    expect(decodeViewHash(hash, hostile)).toEqual(state);
    expect(decodeViewHash('#view?sel=__proto__', hostile)?.selectedId).toBe('__proto__');
  });

  it('keeps every zoom the camera can reach, however far out (issue 13: the link clamped 0.0002 to 0.01)', () => {
    // Two nodes two million units apart on a 1,000-pixel screen: the camera zooms out to 0.00025.
    const wholeMap = minimumZoom({ x: -1_000_000, y: 0, width: 2_000_000, height: 100 }, 1000, 800);
    expect(wholeMap).toBeLessThan(0.001);
    for (const zoom of [wholeMap, 0.0002, DEFAULT_ZOOM_LIMITS.minZoom, DEFAULT_ZOOM_LIMITS.maxZoom]) {
      const camera = { x: -123_456.78, y: 987_654.32, zoom };
      const decoded = decodeViewHash(encodeViewHash({ ...plain, camera }), seed)?.camera;
      expect(decoded?.zoom).toBeCloseTo(zoom, 8);
      expect(Math.abs((decoded?.zoom ?? 0) / zoom - 1)).toBeLessThan(1e-3);
      // The view shows the link's camera as it came.
      const restored = cameraOf(transformOf(decoded!, 1000, 800), 1000, 800);
      expect(restored.zoom).toBeCloseTo(decoded!.zoom, 12);
      expect(restored.x).toBeCloseTo(camera.x, 1);
    }
  });

  it.each([
    '#view?q=zhu&sel=zhu-startups-destroyed&lang=en',
    '#view?hide-actors=zhu-xiaohu,(none),fu-sheng,zhu-xiaohu&hide-kinds=evidence,claim',
    '#view?cam=1.23456,7.891011,0.123456&depth=2.6',
    '#view?sel=missing&q=%&hide-edges=rephrase,x,answer',
    '#view?q=+plus+&lang=EN',
    '#view?q=%F0%9F%98%80%20%E6%9C%B1',
  ])('encode(decode(%j)) is a fixed point', (hash) => {
    const once = encodeViewHash(decodeViewHash(hash, seed) ?? plain);
    expect(encodeViewHash(decodeViewHash(once, seed) ?? plain)).toBe(once);
  });
});
