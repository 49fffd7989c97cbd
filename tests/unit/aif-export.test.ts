/** Writing AIF: what a map becomes, what kept data comes back, and round trips both ways. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAif, importAif, type AifImportResult } from '../../src/core/formats/aif.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgEdge, ArgMap, ArgNode } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { loaded } from '../support/load-result.ts';
import { loadSeedMap } from '../support/seed.ts';

const ova3Text = readFileSync(resolve(import.meta.dirname, '../fixtures/aif/ova3-bike-lanes.json'), 'utf8');

interface AifNodeJson { nodeID: string | number; text: string; type: string; [key: string]: unknown }
interface AifLinkJson { edgeID: string | number; fromID: string | number; toID: string | number }
interface AifJson { nodes: AifNodeJson[]; edges: AifLinkJson[]; locutions: { nodeID: string | number; personID: string | number }[]; argmap?: Record<string, unknown> }

function imported(result: AifImportResult): ArgMap {
  if (result.map === undefined) throw new Error(`expected the AIF to load: ${result.problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return result.map;
}

/** A map as serialize.ts writes it, without the data kept for AIF (which a round trip adds). */
function withoutKeptData(map: ArgMap): string {
  return serializeMap({ ...map, extensions: undefined });
}

function sample(edit: (map: { nodes: ArgNode[]; edges: ArgEdge[] }) => void = () => {}): ArgMap {
  const nodes: ArgNode[] = [
    { id: 'q', kind: 'question', text: { en: 'Who will win the model war?', zh: '谁会赢得大模型之战？' } },
    { id: 'big', kind: 'claim', text: { en: 'The big labs', zh: '大公司' }, actor: 'wang' },
    { id: 'compute', kind: 'evidence', text: { en: 'Compute costs millions' } },
    { id: 'data', kind: 'evidence', text: { en: 'Data is scarce' } },
    { id: 'open', kind: 'claim', text: { en: 'Open models catch up' } },
  ];
  const edges: ArgEdge[] = [
    { id: 'e1', from: 'big', to: 'q', kind: 'answer' },
    { id: 'e2', from: 'compute', to: 'big', kind: 'support', group: 'g', scheme: 'Cause to effect' },
    { id: 'e3', from: 'data', to: 'big', kind: 'support', group: 'g' },
    { id: 'e4', from: 'open', to: 'big', kind: 'attack' },
    { id: 'e5', from: 'open', to: 'e3', kind: 'undercut' },
  ];
  edit({ nodes, edges });
  const actors = [{ id: 'wang', name: { en: 'Wang Xiaochuan', zh: '王小川' } }];
  return { schemaVersion: 1, title: { en: 'Model war' }, sources: [], actors, nodes, edges };
}

describe('a map written as AIF', () => {
  it('becomes I-nodes, one RA per linked group, a CA per attack and undercut, an answer RA, and L/YA for its speakers', () => {
    const aif = JSON.parse(exportAif(sample())) as AifJson;
    const byId = new Map(aif.nodes.map((node) => [String(node.nodeID), node]));
    expect(aif.nodes.filter((node) => node.type === 'I').map((node) => [node.nodeID, node.text])).toEqual([
      ['q', 'Who will win the model war?'], ['big', 'The big labs'], ['compute', 'Compute costs millions'], ['data', 'Data is scarce'], ['open', 'Open models catch up'],
    ]);
    expect(aif.nodes.filter((node) => node.type !== 'I').map((node) => [node.nodeID, node.type, node.text])).toEqual([
      ['e1', 'RA', 'argmap:answer'], ['g', 'RA', 'Cause to effect'], ['e4', 'CA', 'Default Conflict'], ['e5', 'CA', 'Default Conflict'],
      ['big-L', 'L', 'Wang Xiaochuan : The big labs'], ['big-YA', 'YA', 'Asserting'],
    ]);
    const links = aif.edges.map((link) => `${link.fromID}>${link.toID}`);
    expect(links).toEqual(['big>e1', 'e1>q', 'compute>g', 'data>g', 'g>big', 'open>e4', 'e4>big', 'open>e5', 'e5>g', 'big-L>big-YA', 'big-YA>big']);
    expect(new Set(aif.edges.map((link) => link.edgeID)).size).toBe(aif.edges.length);
    expect(aif.locutions).toEqual([{ nodeID: 'big-L', personID: 'wang' }]);
    expect(byId.get('g')!['scheme']).toBeUndefined();
  });

  it('notes in the argmap member only what the AIF does not say', () => {
    const aif = JSON.parse(exportAif(sample())) as AifJson;
    expect(aif.argmap).toEqual({
      language: 'en',
      title: { en: 'Model war' },
      actors: [{ id: 'wang', name: { zh: '王小川', en: 'Wang Xiaochuan' } }],
      nodes: [
        { id: 'q', kind: 'question', text: { zh: '谁会赢得大模型之战？', en: 'Who will win the model war?' } },
        { id: 'big', kind: 'claim', text: { zh: '大公司', en: 'The big labs' }, actor: 'wang' },
        { id: 'compute', kind: 'evidence', text: { en: 'Compute costs millions' } },
        { id: 'data', kind: 'evidence', text: { en: 'Data is scarce' } },
      ],
      edges: [
        { via: 'g', from: 'compute', id: 'e2', group: 'g', scheme: 'Cause to effect' },
        { via: 'g', from: 'data', id: 'e3', group: 'g' },
        { via: 'e5', from: 'open', id: 'e5', to: 'e3' },
      ],
    });
  });

  it('reads back as the same map, in English or in Chinese', () => {
    const map = sample();
    for (const language of ['en', 'zh'] as const) {
      const result = importAif(exportAif(map, { language }));
      expect(result.problems).toEqual([]);
      expect(withoutKeptData(imported(result))).toBe(withoutKeptData(map));
    }
    const zh = JSON.parse(exportAif(map, { language: 'zh' })) as AifJson;
    expect(zh.nodes[0]!.text).toBe('谁会赢得大模型之战？');
    // A node without Chinese text falls back to its English text in a Chinese export.
    expect(zh.nodes[2]!.text).toBe('Compute costs millions');
  });

  it('the seed map survives JSON → AIF → JSON: every node, edge kind, actor, text in both languages, source, quote and tour', () => {
    const seed = loadSeedMap();
    const result = importAif(exportAif(seed));
    expect(result.problems).toEqual([]);
    const map = imported(result);
    expect(withoutKeptData(map)).toBe(withoutKeptData(seed));
    expect(map.edges.map((edge) => edge.kind)).toEqual(seed.edges.map((edge) => edge.kind));
    expect(exportAif(map)).toBe(exportAif(seed));
  });

  it('carries the data other formats keep, besides its own', () => {
    // JSON.parse makes `__proto__` an own key, as a file would.
    const argdown = JSON.parse('{"sections": ["Costs"], "__proto__": {"kept": true}}') as Record<string, never>;
    const map: ArgMap = { ...sample(), extensions: new Map([['argdown', argdown]]) };
    const reread = imported(importAif(exportAif(map)));
    expect([...reread.extensions!.keys()]).toEqual(['argdown', 'aif']);
    expect(reread.extensions!.get('argdown')).toEqual(map.extensions!.get('argdown'));
    expect(Object.keys(reread.extensions!.get('argdown') as object)).toEqual(['sections', '__proto__']);
  });

  it('a support whose scheme reads as the answer marker stays a support', () => {
    const map = sample(({ edges }) => {
      edges[3] = { id: 'e4', from: 'open', to: 'big', kind: 'support', scheme: 'argmap:answer' };
      edges.pop();
    });
    const aif = JSON.parse(exportAif(map)) as AifJson;
    expect(aif.nodes.find((node) => node.nodeID === 'e4')?.text).toBe('Default Inference');
    expect(withoutKeptData(imported(importAif(JSON.stringify(aif))))).toBe(withoutKeptData(map));
  });
});

describe('a map read from AIF and written back', () => {
  it('comes back equal when unchanged, with no argmap member', () => {
    const map = imported(importAif(ova3Text));
    const written = exportAif(map);
    expect(JSON.parse(written)).toEqual(JSON.parse(ova3Text));
    expect(written).not.toContain('"argmap"');
  });

  it('keeps its kept data through an argmap JSON file', () => {
    const map = imported(importAif(ova3Text));
    const reread = loaded(loadMapText(serializeMap(map))).map;
    expect(exportAif(reread)).toBe(exportAif(map));
  });

  it('writes the map’s edits over the kept data: changed text, a removed claim, new nodes and edges, a translation', () => {
    const original = imported(importAif(ova3Text));
    const edited: ArgMap = {
      ...original,
      nodes: [
        ...original.nodes.filter((node) => node.id !== '21').map((node) => {
          if (node.id === '5') return { ...node, text: { en: 'Cycling injuries on Main Street rose by half last year' } };
          if (node.id === '2') return { ...node, text: { ...node.text, zh: '市政府应在主街修建受保护的自行车道' } };
          return node;
        }),
        { id: 'n-new', kind: 'evidence', text: { en: 'A 2023 survey found most residents want safer cycling' }, actor: 'Ben Osei' },
      ],
      edges: [
        ...original.edges.filter((edge) => edge.id !== '22'),
        { id: 'e-new', from: 'n-new', to: '2', kind: 'support' },
      ],
    };
    const written = JSON.parse(exportAif(edited)) as { AIF: AifJson; OVA: unknown; text: unknown };
    const source = JSON.parse(ova3Text) as { AIF: AifJson; OVA: unknown; text: unknown };
    expect(written.OVA).toEqual(source.OVA);
    expect(written.text).toEqual(source.text);
    const nodeIds = written.AIF.nodes.map((node) => node.nodeID);
    expect(nodeIds).not.toContain(21);
    expect(nodeIds).not.toContain(22);
    expect(written.AIF.nodes.find((node) => node.nodeID === 5)).toEqual({ ...source.AIF.nodes[4], text: 'Cycling injuries on Main Street rose by half last year' });
    // New elements get fresh whole-number ids, as the file's own ids are numbers.
    expect(written.AIF.nodes.slice(-4).map((node) => [typeof node.nodeID, node.type])).toEqual([['string', 'I'], ['number', 'RA'], ['number', 'L'], ['number', 'YA']]);
    expect(written.AIF.edges.every((link) => typeof link.edgeID === 'number')).toBe(true);
    expect(new Set(written.AIF.edges.map((link) => link.edgeID)).size).toBe(written.AIF.edges.length);
    expect(written.AIF.edges.some((link) => link.fromID === 21 || link.toID === 21)).toBe(false);

    const reread = importAif(JSON.stringify(written));
    expect(reread.problems).toEqual([]);
    expect(withoutKeptData(imported(reread))).toBe(withoutKeptData(edited));
  });

  it('a changed scheme replaces the S-node; an unchanged one is written as it was', () => {
    const original = imported(importAif(ova3Text));
    const edited = { ...original, edges: original.edges.map((edge) => (edge.id === '20' ? { ...edge, scheme: 'Ad hominem' } : edge)) };
    const written = JSON.parse(exportAif(edited)) as { AIF: AifJson };
    expect(written.AIF.nodes.find((node) => node.nodeID === 20)).toEqual({ nodeID: 20, text: 'Ad hominem', type: 'CA' });
    expect(written.AIF.nodes.find((node) => node.nodeID === 10)).toMatchObject({ scheme: 'PracticalReasoning', timestamp: '2024-03-05 18:03:30' });
  });

  it('an AIF text changed by another tool wins over the noted text, with a warning', () => {
    const aif = JSON.parse(exportAif(sample())) as AifJson;
    aif.nodes[1]!.text = 'The largest labs';
    const result = importAif(JSON.stringify(aif));
    expect(imported(result).nodes[1]!.text).toEqual({ zh: '大公司', en: 'The largest labs' });
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', pointer: '/nodes/1/text', message: 'the text of node "big" was changed outside argmap; its zh text may be out of date' })]);
  });

  it('kept data that was tampered with is ignored, and the map is written as if it never came from AIF', () => {
    const map = sample();
    const tampered = JSON.parse('{"language": "en", "document": {"__proto__": {"polluted": true}}, "nodes": [{"nodeID": "x"}], "edges": "none"}') as Record<string, never>;
    const written = exportAif({ ...map, extensions: new Map([['aif', tampered]]) });
    expect(written).toBe(exportAif(map));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
