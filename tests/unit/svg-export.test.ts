// @vitest-environment jsdom
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { buildSvg } from '../../src/export/svg.ts';
import { escapeXml } from '../../src/export/xml.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { loadSeedMap } from '../support/seed.ts';

function render(map: ArgMap, language: 'zh' | 'en' = 'zh'): string {
  return buildSvg(map, settleLayout(map, layoutExtents(map)), { language });
}

function parseSvg(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'image/svg+xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return document;
}

/** Things an SVG shared with strangers must never contain. */
function activeContent(document: Document): string[] {
  const found: string[] = [];
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    const name = element.localName.toLowerCase();
    if (['script', 'foreignobject', 'iframe', 'image', 'use', 'a'].includes(name)) found.push(`<${name}>`);
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${name}@${attribute.name}`);
      if (/href$/i.test(attribute.name)) found.push(`${name}@${attribute.name}`);
      if (/url\((?!#)/.test(attribute.value)) found.push(`${name}@${attribute.name}=${attribute.value}`);
    }
  }
  return found;
}

const HOSTILE_LABELS = [
  '<script>alert(1)</script>',
  '</svg><script>alert(2)</script>',
  ']]> <![CDATA[ x ]]> <!-- c -->',
  '<img src=x onerror=alert(3)>',
  '&amp; &#x3C; &lt;',
  'abc\u202Egnp.exe',
  'bell\u0007 and null\u0000',
  'lone \uD800 surrogate',
  '👨‍👩‍👧‍👦 🇨🇳 emoji',
  '"quotes" and \'apostrophes\'',
];

const hostileMap: ArgMap = {
  schemaVersion: 1,
  title: { zh: '<title>恶意</title>', en: 'Hostile & <b>bold</b>' },
  sources: [],
  actors: [{ id: 'a"><script>', name: { zh: '<script>', en: '</text>' } }],
  nodes: HOSTILE_LABELS.map((label, index) => ({
    id: index === 0 ? '"><script>alert(4)</script>' : `n${index}`,
    kind: 'claim' as const,
    text: { zh: label, en: label },
    ...(index === 1 ? { actor: 'a"><script>' } : {}),
  })),
  edges: [{ id: 'e"1', from: 'n1', to: 'n2', kind: 'attack' as const }],
};

describe('SVG export', () => {
  const seed = loadSeedMap();

  it('is well-formed XML with exactly one group per node and one line per edge, attacks both ways sharing one', () => {
    const document = parseSvg(render(seed));
    expect(document.querySelectorAll('[data-node-id]')).toHaveLength(seed.nodes.length);
    // A line for two attacks both ways names both, each edge on exactly one line.
    const lines = [...document.querySelectorAll('[data-edge-id]')];
    const named = lines.flatMap((line) => [line.getAttribute('data-edge-id'), ...(line.hasAttribute('data-partner-edge-id') ? [line.getAttribute('data-partner-edge-id')] : [])]);
    expect(named.sort()).toEqual(seed.edges.map((edge) => edge.id).sort());
    const twoWay = lines.filter((line) => line.hasAttribute('data-partner-edge-id'));
    expect(twoWay.map((line) => [line.getAttribute('data-edge-id'), line.getAttribute('data-partner-edge-id')])).toContainEqual(['e-29', 'e-73']);
    expect(twoWay.map((line) => [line.getAttribute('data-edge-id'), line.getAttribute('data-partner-edge-id')])).toContainEqual(['e-55', 'e-74']);
    for (const line of twoWay) {
      expect(line.getAttribute('marker-start')).toBe('url(#arrow-start-attack)');
      expect(line.getAttribute('marker-end')).toBe('url(#arrow-attack)');
    }
    expect(document.querySelector('marker#arrow-start-attack')?.getAttribute('orient')).toBe('auto-start-reverse');
    expect(document.querySelector('.legend-mutual')?.textContent).toBe('互相反驳');
    const ids = Array.from(document.querySelectorAll('[data-node-id]')).map((node) => node.getAttribute('data-node-id'));
    expect(ids).toEqual(seed.nodes.map((node) => node.id));
  });

  it('has a fitted viewBox, inline styles, a CJK font stack, a title and a legend', () => {
    const document = parseSvg(render(seed));
    const svg = document.documentElement;
    const [x, y, width, height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect([x, y, width, height].every(Number.isFinite)).toBe(true);
    expect(width).toBeGreaterThan(500);
    expect(height).toBeGreaterThan(300);
    expect(document.querySelector('style')!.textContent).toContain("'Noto Sans CJK SC'");
    expect(document.querySelector('title')!.textContent).toBe(seed.title.zh);
    expect(document.querySelector('.legend')!.textContent).toContain('支持');
    expect(document.querySelector('.legend')!.textContent).toContain('反驳');
  });

  it('contains every node’s full text in the chosen language', () => {
    for (const language of ['zh', 'en'] as const) {
      const document = parseSvg(render(seed, language));
      for (const node of seed.nodes) {
        const group = document.querySelector(`[data-node-id="${node.id}"]`)!;
        expect(group.querySelector('title')!.textContent).toBe(node.text[language]);
      }
    }
  });

  it('embeds the map in <metadata>, which reads back to the same map', () => {
    const document = parseSvg(render(seed));
    const embedded = document.querySelector('metadata')!.textContent!;
    const reread = loadMapText(embedded);
    expect(reread.ok).toBe(true);
    if (reread.ok) expect(serializeMap(reread.map)).toBe(serializeMap(seed));
  });

  it('has no script, foreignObject, event attributes or external references', () => {
    expect(activeContent(parseSvg(render(seed)))).toEqual([]);
    expect(activeContent(parseSvg(render(hostileMap)))).toEqual([]);
  });

  it('escapes hostile text so it stays literal text', () => {
    const text = render(hostileMap);
    const document = parseSvg(text);
    expect(document.getElementsByTagName('script')).toHaveLength(0);
    expect(document.getElementsByTagName('img')).toHaveLength(0);
    const titles = Array.from(document.querySelectorAll('[data-node-id] > title')).map((title) => title.textContent);
    expect(titles[0]).toBe('<script>alert(1)</script>');
    expect(titles[1]).toBe('</svg><script>alert(2)</script>');
    expect(titles[2]).toBe(']]> <![CDATA[ x ]]> <!-- c -->');
    expect(titles[4]).toBe('&amp; &#x3C; &lt;');
    expect(titles[5]).toBe('abc\u202Egnp.exe');
    expect(titles[6]).toBe('bell\uFFFD and null\uFFFD');
    expect(titles[7]).toBe('lone \uFFFD surrogate');
    expect(titles[8]).toBe('👨‍👩‍👧‍👦 🇨🇳 emoji');
    expect(document.querySelector('[data-node-id]')!.getAttribute('data-node-id')).toBe('"><script>alert(4)</script>');
    expect(document.querySelector('[data-edge-id]')!.getAttribute('data-edge-id')).toBe('e"1');
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('draws only what is shown, fades what is not in focus, and writes a subtitle', () => {
    const positions = settleLayout(seed, layoutExtents(seed));
    const [first, second] = seed.edges;
    const nodes = new Set([first!.from, first!.to, second!.from, second!.to]);
    const svg = buildSvg(seed, positions, {
      language: 'en',
      shown: { nodes, edges: new Set([first!.id]) },
      focus: new Set([first!.from]),
      subtitle: 'Step 1: <the question>',
    });
    const document = parseSvg(svg);
    expect(Array.from(document.querySelectorAll('[data-node-id]')).map((node) => node.getAttribute('data-node-id')).sort()).toEqual([...nodes].sort());
    expect(Array.from(document.querySelectorAll('[data-edge-id]')).map((edge) => edge.getAttribute('data-edge-id'))).toEqual([first!.id]);
    expect(document.querySelector(`[data-node-id="${first!.from}"]`)!.hasAttribute('opacity')).toBe(false);
    expect(document.querySelector(`[data-node-id="${first!.to}"]`)!.getAttribute('opacity')).toBe('0.3');
    expect(document.querySelector('.subtitle')!.textContent).toBe('Step 1: <the question>');
    const width = Number(document.documentElement.getAttribute('width'));
    expect(width).toBeLessThan(Number(parseSvg(render(seed)).documentElement.getAttribute('width')));
  });

  it('draws an empty map with a valid viewBox', () => {
    const empty: ArgMap = { ...hostileMap, actors: [], nodes: [], edges: [] };
    const svg = parseSvg(render(empty)).documentElement;
    expect(svg.getAttribute('viewBox')!.split(' ').map(Number).every(Number.isFinite)).toBe(true);
  });

  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
    expect(escapeXml('a\u0000b\uFFFEc\uDC00')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(escapeXml('😀')).toBe('😀');
  });

  it('matches the golden files (deterministic layout; UPDATE_GOLDEN=1 rewrites them)', () => {
    for (const language of ['zh', 'en'] as const) {
      const golden = resolve(import.meta.dirname, `../golden/hundred-model-war.${language}.svg`);
      const actual = render(seed, language);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
      expect(existsSync(golden), `missing ${golden}: run UPDATE_GOLDEN=1 npx vitest run tests/unit/svg-export.test.ts`).toBe(true);
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    }
  });
});
