/** Reopening an argmap SVG from its metadata, with no DOM: exact round trips and a strict scan. */
import { describe, expect, it } from 'vitest';
import { readArgmapSvg } from '../../src/core/formats/argmap-svg.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { buildSvg } from '../../src/export/svg.ts';
import { loaded, problemsOf } from '../support/load-result.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();

function svgOf(map: ArgMap): string {
  return buildSvg(map, map.nodes.map((node, index) => ({ id: node.id, x: (index % 8) * 300, y: Math.floor(index / 8) * 160 })), { language: 'zh' });
}

/** A minimal SVG holding `content` as the text of the map's metadata. */
function svgWith(content: string, before = '', after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n${before}<metadata id="argmap-data" data-format="argmap+json">${content}</metadata>${after}\n</svg>\n`;
}

/** The map's JSON escaped as buildSvg escapes it. */
function escaped(map: ArgMap): string {
  return serializeMap(map, 0).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function positionOf(text: string, snippet: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(snippet)).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const HOSTILE_TEXTS = [
  'ends a CDATA section ]]> here',
  'already escaped &amp; &lt;b&gt; &#x41;',
  'quotes " and \' and <script>alert(1)</script>',
  'bidi \u202Eevil\u202C and \u2066isolate\u2069',
  'emoji 👩🏽‍💻, combining e\u0301, CJK 百模大战',
  '</metadata><metadata id="argmap-data">{}</metadata>',
];

describe('readArgmapSvg', () => {
  it('reads back the seed map from its SVG export, exactly', () => {
    const { map, warnings } = loaded(readArgmapSvg(svgOf(seed)));
    expect(warnings).toEqual([]);
    expect(serializeMap(map)).toBe(serializeMap(seed));
  });

  it.each(HOSTILE_TEXTS)('keeps hostile text exactly: %s', (text) => {
    const map: ArgMap = {
      ...seed,
      title: { en: text },
      nodes: seed.nodes.map((node, index) => (index === 0 ? { ...node, text: { zh: text, en: text } } : node)),
    };
    expect(serializeMap(loaded(readArgmapSvg(svgOf(map))).map)).toBe(serializeMap(map));
  });

  it('reads the metadata however it is escaped: named entities, decimal and hexadecimal references', () => {
    const quotes = ['&quot;', '&#34;', '&#x22;', '"'];
    let quote = 0;
    const escapes: Readonly<Record<string, () => string>> = { '"': () => quotes[quote++ % quotes.length]!, '&': () => '&amp;', '<': () => '&lt;', '>': () => '&#62;', "'": () => '&apos;' };
    const mixed = serializeMap(seed, 0).replace(/[&<>"']/g, (character) => escapes[character]!());
    expect(mixed).toContain('&#x22;');
    expect(serializeMap(loaded(readArgmapSvg(svgWith(mixed))).map)).toBe(serializeMap(seed));
    expect(serializeMap(loaded(readArgmapSvg(svgWith(escaped(seed)).replace('id="argmap-data"', "id='argmap-data'"))).map)).toBe(serializeMap(seed));
  });

  it('skips comments, CDATA sections, processing instructions and other metadata', () => {
    const decoys = `<!-- <metadata id="argmap-data">{}</metadata> --><?pi <metadata id="argmap-data"> ?><![CDATA[<metadata id="argmap-data">]]><metadata id="other"><x/></metadata>`;
    expect(serializeMap(loaded(readArgmapSvg(svgWith(escaped(seed), decoys))).map)).toBe(serializeMap(seed));
  });

  it('refuses an SVG without the map’s metadata, or with two', () => {
    expect(problemsOf(readArgmapSvg('<svg xmlns="http://www.w3.org/2000/svg"><!-- <metadata id="argmap-data">{}</metadata> --></svg>'))).toEqual([
      { severity: 'error', message: 'this SVG holds no map: it has no <metadata id="argmap-data">, which argmap writes into every SVG it exports' },
    ]);
    const twice = svgWith(escaped(seed), '', '<g><metadata id="argmap-data">{}</metadata></g>');
    expect(problemsOf(readArgmapSvg(twice))).toEqual([
      { severity: 'error', message: 'this SVG has 2 <metadata id="argmap-data"> elements; an argmap export has exactly one', ...positionOf(twice, '<metadata id="argmap-data">{}') },
    ]);
  });

  it.each([
    ['markup inside the metadata', svgWith('{"a": <b/>}'), '<b/>', '<metadata id="argmap-data"> must hold only escaped text, and end with </metadata>'],
    ['a CDATA section inside the metadata', svgWith('<![CDATA[{}]]>'), '<![CDATA[', '<metadata id="argmap-data"> must hold only escaped text, and end with </metadata>'],
    ['an entity XML does not define', svgWith('{&quot;a&nbsp;&quot;: 1}'), '&nbsp;', 'cannot read &nbsp; here: only &amp; &lt; &gt; &quot; &apos; and references to characters XML allows are read'],
    ['a reference to a character XML forbids', svgWith('{&#0;}'), '&#0;', 'cannot read &#0; here: only &amp; &lt; &gt; &quot; &apos; and references to characters XML allows are read'],
    ['a bare ampersand', svgWith('{"a & b": 1}'), '& b', 'a "&" that starts no entity (write it as &amp;)'],
    ['an unclosed metadata element', '<svg><metadata id="argmap-data">{}', '<metadata', '<metadata id="argmap-data"> must hold only escaped text, and end with </metadata>'],
    ['a DOCTYPE defining entities', `<!DOCTYPE svg [<!ENTITY map "{}">]>\n${svgWith('&map;')}`, '<!DOCTYPE', 'a DOCTYPE with an internal subset is not read'],
    ['an unclosed comment', '<svg><!-- <metadata id="argmap-data">{}</metadata>', '<!--', 'a comment that is never closed'],
    ['a malformed tag', '<svg><metadata id=argmap-data>{}</metadata></svg>', ' id=argmap', 'malformed start tag <metadata>'],
    ['a repeated attribute', '<svg><metadata id="argmap-data" id="x">{}</metadata></svg>', ' id="x"', 'attribute id appears twice in <metadata>'],
    ['an empty metadata element', '<svg><metadata id="argmap-data"/></svg>', '<metadata', '<metadata id="argmap-data"> is empty'],
  ])('refuses %s, located in the SVG', (_name, svg, at, message) => {
    expect(problemsOf(readArgmapSvg(svg))).toEqual([{ severity: 'error', message, ...positionOf(svg, at) }]);
  });

  it('locates problems of the map’s JSON in the SVG, past the entities before them', () => {
    const svg = svgWith('\n{&quot;schemaVersion&quot;: 1,\n &quot;title&quot;: }');
    expect(problemsOf(readArgmapSvg(svg))).toEqual([
      { severity: 'error', message: 'unexpected "}"; expected a value', ...positionOf(svg, '}</metadata>') },
    ]);
    const ghostActor = { ...seed, nodes: seed.nodes.map((node, index) => (index === 2 ? { ...node, actor: 'ghost' } : node)) };
    const svg2 = svgOf(ghostActor);
    const [problem] = problemsOf(readArgmapSvg(svg2));
    expect(problem).toMatchObject({ pointer: '/nodes/2/actor', id: seed.nodes[2]!.id });
    expect(svg2.split('\n')[problem!.line! - 1]!.slice(problem!.column! - 1)).toMatch(/^&quot;actor&quot;:&quot;ghost&quot;/);
  });

  it('refuses an SVG over the size limit before scanning it, and reads a large one', () => {
    const huge = svgWith(`{&quot;pad&quot;: &quot;${'x'.repeat(21 * 1024 * 1024)}&quot;}`);
    expect(problemsOf(readArgmapSvg(huge)).map((problem) => formatProblem(problem))).toEqual(['error: the SVG is too large; argmap opens files up to 20 MiB']);
    const longText = 'y'.repeat(9_000);
    const large: ArgMap = { ...seed, nodes: seed.nodes.map((node) => ({ ...node, text: { zh: longText, en: longText } })) };
    expect(loaded(readArgmapSvg(svgOf(large))).map.nodes[60]!.text.en).toBe(longText);
  });

  it('no truncation of an export throws; one that cuts the metadata short is refused', () => {
    const svg = svgOf(seed);
    const metadataEnd = svg.indexOf('</metadata>') + '</metadata>'.length;
    for (let length = 0; length < svg.length; length += 997) {
      const result = readArgmapSvg(svg.slice(0, length));
      if (length < metadataEnd) expect(result.ok).toBe(false);
      else expect(result.ok || result.problems.length > 0).toBe(true);
    }
  });
});
