/** The optional parts of the format: tours, saved positions, tags and sections, linked groups, rephrases, kept data. */
import { describe, expect, it } from 'vitest';
import { loadMapText } from '../../src/core/load-map.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { sampleMap, toJson, type SampleMap } from '../fixtures/hostile/maps.ts';
import { loaded, problemsOf } from '../support/load-result.ts';

function withExtras(edit: (map: SampleMap) => void): string {
  const map = sampleMap();
  edit(map);
  return toJson(map);
}

const tour = {
  id: 't1',
  title: { zh: '导览', en: 'Tour' },
  steps: [
    { reveal: ['q1'], caption: { en: 'The question' } },
    { reveal: ['e2'], focus: ['n1'], camera: { x: 10, y: -20, zoom: 1.5 }, caption: { zh: '证据', en: 'Evidence' }, notes: { en: 'Say why' } },
  ],
};

describe('optional parts of the map format', () => {
  it('reads tours, positions, tags, sections, groups, schemes, rephrases and kept data, and writes them back unchanged', () => {
    const text = withExtras((map) => {
      map.nodes[0]!['position'] = { x: 1.5, y: -2 };
      map.nodes[1]!['tags'] = ['cost', '成本'];
      map.nodes[1]!['section'] = 'Costs';
      map.nodes.push({ id: 'n4', kind: 'claim', text: { en: 'Labs are big' } });
      map.edges.push({ id: 'e5', from: 'n4', to: 'n1', kind: 'support', group: 'g1', scheme: 'Default Inference' });
      map.edges.push({ id: 'e6', from: 'n2', to: 'n1', kind: 'support', group: 'g1' });
      map.edges.push({ id: 'e7', from: 'n4', to: 'n3', kind: 'rephrase' });
      map['tours'] = [tour];
      // JSON.parse makes `__proto__` an own key, as a file would.
      map['extensions'] = JSON.parse('{"aif": {"locutions": [{"nodeID": "1", "personID": "7"}], "__proto__": {"polluted": true}}}');
    });
    const { map, warnings } = loaded(loadMapText(text));
    expect(warnings).toEqual([]);
    expect(map.nodes[0]!.position).toEqual({ x: 1.5, y: -2 });
    expect(map.nodes[1]!.tags).toEqual(['cost', '成本']);
    expect(map.edges.find((edge) => edge.id === 'e5')).toMatchObject({ group: 'g1', scheme: 'Default Inference' });
    expect(map.tours![0]!.steps[0]).toEqual({ reveal: ['q1'], focus: [], caption: { en: 'The question' } });
    expect(map.tours![0]!.steps[1]!.camera).toEqual({ x: 10, y: -20, zoom: 1.5 });
    const aif = map.extensions!.get('aif') as Record<string, unknown>;
    expect(Object.getPrototypeOf(aif)).toBe(Object.prototype);
    expect(Object.keys(aif)).toEqual(['locutions', '__proto__']);
    expect((aif as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const reread = loaded(loadMapText(serializeMap(map))).map;
    expect(serializeMap(reread)).toBe(serializeMap(map));
    expect(JSON.parse(serializeMap(map)).extensions).toEqual(JSON.parse(text).extensions);
  });

  it('a tour step naming a missing node is a located error with the id', () => {
    const text = withExtras((map) => {
      map['tours'] = [{ ...tour, steps: [tour.steps[0], { reveal: ['q1', 'ghost'], caption: { en: 'x' } }] }];
    });
    expect(problemsOf(loadMapText(text))).toEqual([
      expect.objectContaining({ pointer: '/tours/0/steps/1/reveal/1', id: 'ghost', message: 'step 2 of tour "t1" names a missing node or edge "ghost"' }),
    ]);
  });

  it('a focus naming a missing id, duplicate tour ids and a step without caption are located errors', () => {
    expect(problemsOf(loadMapText(withExtras((map) => {
      map['tours'] = [{ ...tour, steps: [{ focus: ['nope'], caption: { en: 'x' } }] }];
    })))[0]).toMatchObject({ pointer: '/tours/0/steps/0/focus/0' });
    expect(problemsOf(loadMapText(withExtras((map) => {
      map['tours'] = [tour, tour];
    })))[0]).toMatchObject({ pointer: '/tours/1/id', id: 't1' });
    expect(problemsOf(loadMapText(withExtras((map) => {
      map['tours'] = [{ ...tour, steps: [{ reveal: ['q1'] }] }];
    })))[0]).toMatchObject({ pointer: '/tours/0/steps/0/caption' });
  });

  it('linked groups hold support edges to one conclusion', () => {
    expect(problemsOf(loadMapText(withExtras((map) => {
      map.edges[1]!['group'] = 'g';
      map.edges[2]!['group'] = 'g';
    })))[0]).toMatchObject({ pointer: '/edges/2/group', id: 'e3' });
    expect(problemsOf(loadMapText(withExtras((map) => {
      map.edges.push({ id: 'e5', from: 'n3', to: 'q1', kind: 'support', group: 'g' });
      map.edges[1]!['group'] = 'g';
    })))[0]).toMatchObject({ pointer: '/edges/4/group', id: 'e5' });
  });

  it('positions must be finite numbers within range', () => {
    expect(problemsOf(loadMapText(withExtras((map) => {
      map.nodes[0]!['position'] = { x: '10', y: 0 };
    })))[0]).toMatchObject({ pointer: '/nodes/0/position/x' });
    expect(problemsOf(loadMapText(withExtras((map) => {
      map.nodes[0]!['position'] = { x: 1e300, y: 0 };
    })))[0]).toMatchObject({ pointer: '/nodes/0/position/x' });
  });
});
