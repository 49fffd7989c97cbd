/** What a file is, from its bytes or text: the readers it is routed to, and what unknown files look like. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, guessLanguage, unknownFormatMessage } from '../../src/core/formats/detect.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { buildSvg } from '../../src/export/svg.ts';
import { problemsOf } from '../support/load-result.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();
const seedJson = serializeMap(seed);
const ova3 = readFileSync(resolve(import.meta.dirname, '../fixtures/aif/ova3-bike-lanes.json'), 'utf8');
const kialo = readFileSync(resolve(import.meta.dirname, '../fixtures/kialo/city-car-ban.txt'), 'utf8');
const nodeset = '{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}], "edges": [], "locutions": []}';
const encode = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it.each([
    ['argmap JSON', seedJson, 'argmap-json'],
    ['argmap JSON cut short', seedJson.slice(0, 500), 'argmap-json'],
    ['argmap JSON without its version', '{"nodes": [], "edges": []}', 'argmap-json'],
    ['an AIFdb nodeset', nodeset, 'aif-json'],
    ['the OVA3 wrapper', ova3, 'aif-json'],
    ['AIF cut short', ova3.slice(0, 300), 'aif-json'],
    ['an argmap SVG', buildSvg(seed, seed.nodes.map((node, index) => ({ id: node.id, x: index * 300, y: 0 })), { language: 'en' }), 'argmap-svg'],
    ['Argdown', '# Debate\n\n[Big labs win]: Money decides.\n  + <Cost>: Training is dear.', 'argdown'],
    ['Argdown front matter', '===\ntitle: Debate\n===\n', 'argdown'],
    ['a Kialo export', kialo, 'kialo'],
    ['a Kialo export with a byte order mark and CRLF', `\uFEFF${kialo.replaceAll('\n', '\r\n')}`, 'kialo'],
  ])('%s → %s, as text and as bytes', (_name, text, format) => {
    expect(detectFormat(text).format).toBe(format);
    expect(detectFormat(encode(text)).format).toBe(format);
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'a PNG image'],
    ['xlsx', [0x50, 0x4b, 0x03, 0x04, ...encode('\u0014\u0000[Content_Types].xml PK xl/workbook.xml')], 'a spreadsheet (.xlsx, a ZIP archive)'],
    ['docx', [0x50, 0x4b, 0x03, 0x04, ...encode('word/document.xml')], 'a ZIP archive (such as .xlsx or .docx)'],
    ['PDF', [...encode('%PDF-1.7\n')], 'a PDF document'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'a JPEG image'],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00], 'a gzip-compressed file'],
    ['Latin-1 text', [0x63, 0x61, 0x66, 0xe9], 'binary data or text that is not UTF-8'],
    ['UTF-16 without a byte order mark', [0x7b, 0x00, 0x7d, 0x00], 'binary data or text that is not UTF-8'],
  ])('%s bytes → unknown: %s', (_name, bytes, description) => {
    expect(detectFormat(new Uint8Array(bytes))).toEqual({ format: 'unknown', description });
  });

  it.each([
    ['an SVG without argmap data', '<svg xmlns="http://www.w3.org/2000/svg"><metadata id="other">x</metadata></svg>', 'an SVG or XML file without argmap data'],
    ['HTML', '<!DOCTYPE html><html><body>map</body></html>', 'an HTML page'],
    ['a PNG read as text', '\uFFFDPNG\r\n\u001A\n', 'a PNG image'],
    ['JSON that is neither', '{"rows": [1, 2, 3]}', 'a JSON file that is neither an argmap map nor AIF'],
    ['a JSON array', '[1, 2]', 'a JSON file that is neither an argmap map nor AIF'],
    ['plain text', 'Notes from the debate.\nThe big labs will win.', 'plain text'],
    ['an empty file', ' \n\t', 'an empty file'],
  ])('%s → unknown: %s', (_name, text, description) => {
    expect(detectFormat(text)).toEqual({ format: 'unknown', description });
  });

  it('reads UTF-16 with a byte order mark', () => {
    const units = [...`\uFEFF${nodeset}`].map((character) => character.charCodeAt(0));
    const bytes = new Uint8Array(units.flatMap((unit) => [unit & 0xff, unit >> 8]));
    expect(detectFormat(bytes).format).toBe('aif-json');
  });

  it('describes known formats and says what argmap opens for unknown ones', () => {
    expect(detectFormat(kialo)).toEqual({ format: 'kialo', description: 'a Kialo discussion export' });
    expect(unknownFormatMessage(detectFormat(new Uint8Array([0x25, 0x50, 0x44, 0x46])))).toBe(
      'this looks like a PDF document; argmap opens argmap JSON and SVG, Argdown, AIF JSON and Kialo text exports',
    );
  });
});

describe('the map loader’s sniffing, extended to the xAIF wrapper', () => {
  it('names an xAIF or OVA file handed to the argmap JSON reader, as it names an AIFdb nodeset', () => {
    for (const text of [ova3, nodeset]) {
      expect(problemsOf(loadMapText(text))).toEqual([{ severity: 'error', message: 'this looks like an AIF (AIFdb) file; argmap opens argmap JSON maps' }]);
    }
  });

  it('still reads a map whose own data mentions AIF', () => {
    const map = { ...JSON.parse(seedJson), extensions: { aif: { document: { AIF: { nodes: [] } } } } };
    expect(loadMapText(JSON.stringify(map)).ok).toBe(true);
  });
});

describe('guessLanguage', () => {
  it.each([
    [['大模型需要算力', '算力很贵', 'GPU shortage'], 'zh'],
    [['Wang Xiaochuan (王小川) spoke', 'The big labs win', 'Compute is dear'], 'en'],
    [['一', 'two'], 'en'],
    [['', '  '], 'en'],
  ] as const)('%j → %s', (texts, language) => {
    expect(guessLanguage(texts)).toBe(language);
  });
});

describe('Argdown that starts like a JSON array', () => {
  it.each([
    '[Bridge]: We should build it.\n  + [Jobs]: It brings jobs.\n',
    '[Bridge]\n\n[Bridge]: text\n',
  ])('%j is Argdown, not broken JSON', (text) => {
    expect(detectFormat(text).format).toBe('argdown');
  });

  it('a broken JSON array is still JSON, so its reader can say where it breaks', () => {
    expect(detectFormat('[1, 2').format).toBe('argmap-json');
  });
});
