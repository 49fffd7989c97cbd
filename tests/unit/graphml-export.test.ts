// @vitest-environment jsdom
/** GraphML for Gephi and yEd, checked by parsing the real file with an XML parser. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { buildGraphml, GRAPHML_KEYS } from '../../src/export/graphml.ts';

const GRAPHML = 'http://graphml.graphdrawing.org/xmlns';
const GOLDEN = resolve(import.meta.dirname, '../golden/graphml-sample.graphml');

const HOSTILE = '<script>alert(1)</script> & "quotes" \'apos\' ]]> \u0001bell \uD800lone';
const MAP: ArgMap = {
  schemaVersion: 1,
  title: { zh: '城市禁车？', en: 'Ban cars?' },
  sources: [],
  actors: [{ id: 'a', name: { zh: '张三', en: `Zhang <San>` } }],
  nodes: [
    { id: 'q', kind: 'question', text: { zh: '城市应该禁车吗？', en: 'Should cities ban cars?' } },
    { id: 'c&1', kind: 'claim', text: { zh: '应该', en: HOSTILE }, actor: 'a' },
    { id: 'ev', kind: 'evidence', text: { en: 'Air got cleaner in Oslo' } },
    { id: 'c2', kind: 'claim', text: { zh: '商店会倒闭' } },
  ],
  edges: [
    { id: 'e1', from: 'c&1', to: 'q', kind: 'answer' },
    { id: 'e2', from: 'ev', to: 'c&1', kind: 'support', group: 'g"1' },
    { id: 'e3', from: 'c2', to: 'c&1', kind: 'attack' },
    { id: 'u', from: 'c2', to: 'e2', kind: 'undercut' },
  ],
};
const POSITIONS = [
  { id: 'q', x: 0, y: -200 },
  { id: 'c&1', x: 10.25, y: -40 },
  { id: 'ev', x: -180, y: 120.5 },
  { id: 'c2', x: 200, y: 120 },
];

function parse(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

function dataOf(element: Element): Map<string, string> {
  return new Map([...element.children].filter((child) => child.localName === 'data').map((child) => [child.getAttribute('key')!, child.textContent ?? '']));
}

describe('GraphML export', () => {
  const text = buildGraphml(MAP, POSITIONS, { language: 'en' });
  const document = parse(text);

  it('is well-formed GraphML, every data key declared', () => {
    expect(document.documentElement.namespaceURI).toBe(GRAPHML);
    expect(document.documentElement.localName).toBe('graphml');
    const declared = new Set([...document.getElementsByTagNameNS(GRAPHML, 'key')].map((key) => key.getAttribute('id')));
    expect(declared).toEqual(new Set([...GRAPHML_KEYS.map((key) => key.id), 'graphics']));
    const used = new Set([...document.getElementsByTagNameNS(GRAPHML, 'data')].map((data) => data.getAttribute('key')));
    for (const key of used) expect(declared.has(key), `data key ${key} is not declared`).toBe(true);
    expect(document.getElementsByTagNameNS(GRAPHML, 'graph')[0]!.getAttribute('edgedefault')).toBe('directed');
  });

  it('holds every node with its kind, both texts, speaker and place, the text exactly (escaped, not lost)', () => {
    const nodes = [...document.getElementsByTagNameNS(GRAPHML, 'node')];
    expect(nodes.map((node) => node.getAttribute('id'))).toEqual(MAP.nodes.map((node) => node.id));
    const claim = dataOf(nodes[1]!);
    expect(claim.get('kind')).toBe('claim');
    expect(claim.get('text_zh')).toBe('应该');
    // XML cannot hold U+0001 or a lone surrogate: they become U+FFFD; everything else is kept.
    expect(claim.get('text_en')).toBe('<script>alert(1)</script> & "quotes" \'apos\' ]]> \uFFFDbell \uFFFDlone');
    expect(claim.get('label')).toBe(claim.get('text_en'));
    expect(claim.get('speaker')).toBe('Zhang <San>');
    expect([claim.get('x'), claim.get('y')]).toEqual(['10.25', '-40']);
    expect(dataOf(nodes[3]!).get('text_en')).toBeUndefined();
    expect(dataOf(nodes[3]!).get('label')).toBe('商店会倒闭');
    expect(document.querySelector('script')).toBeNull();
  });

  it('draws each node for yEd: a box centred on its place, with its label', () => {
    const node = [...document.getElementsByTagNameNS(GRAPHML, 'node')][2]!;
    const geometry = node.getElementsByTagNameNS('http://www.yworks.com/xml/graphml', 'Geometry')[0]!;
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(geometry.getAttribute(name)));
    expect(x! + width! / 2).toBeCloseTo(-180, 1);
    expect(y! + height! / 2).toBeCloseTo(120.5, 1);
    expect(node.getElementsByTagNameNS('http://www.yworks.com/xml/graphml', 'NodeLabel')[0]!.textContent).toBe('Air got cleaner in Oslo');
  });

  it('holds every edge with its kind and group; an undercut goes to the attacked edge’s conclusion', () => {
    const edges = [...document.getElementsByTagNameNS(GRAPHML, 'edge')];
    expect(edges.map((edge) => [edge.getAttribute('id'), edge.getAttribute('source'), edge.getAttribute('target'), dataOf(edge).get('edge_kind')])).toEqual([
      ['e1', 'c&1', 'q', 'answer'],
      ['e2', 'ev', 'c&1', 'support'],
      ['e3', 'c2', 'c&1', 'attack'],
      ['u', 'c2', 'c&1', 'undercut'],
    ]);
    expect(dataOf(edges[1]!).get('group')).toBe('g"1');
    expect(dataOf(edges[3]!).get('undercuts')).toBe('e2');
    const nodeIds = new Set(MAP.nodes.map((node) => node.id));
    for (const edge of edges) expect(nodeIds.has(edge.getAttribute('target')!)).toBe(true);
  });

  it('matches its golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
