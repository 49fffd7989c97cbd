// @vitest-environment jsdom
/**
 * Script injection through every export (issue 13 §5), as a class: one map per hostile payload,
 * the payload in every string the model has (titles, texts, ids, speaker names and affiliations,
 * source titles, files and links, quotes, tags, sections, tour titles, captions and notes). Each
 * export is parsed with a real parser (the DOM's XML parser, JSON.parse, papaparse through our
 * CSV reader, our own readers) and must hold the payload as text, exactly, with no element or
 * attribute injected and no link other than http(s) or mailto.
 */

import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportAif, importAif } from '../../src/core/formats/aif.ts';
import { mapToArgdown, parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { readArgmapSvg } from '../../src/core/formats/argmap-svg.ts';
import { importCsvPair, writeCsvPair } from '../../src/core/formats/csv/index.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { inLanguage, LANGUAGES, type ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { buildGraphml } from '../../src/export/graphml.ts';
import { buildHandoutZip } from '../../src/export/handouts.ts';
import { buildSvg } from '../../src/export/svg.ts';
import { HOSTILE_PAYLOADS, hostileMap } from '../fixtures/hostile/payloads.ts';

function positionsOf(map: ArgMap): { id: string; x: number; y: number }[] {
  return map.nodes.map((node, index) => ({ id: node.id, x: index * 320, y: (index % 2) * 180 }));
}

function parseXml(text: string, type: DOMParserSupportedType): Document {
  const document = new DOMParser().parseFromString(text, type);
  const error = document.getElementsByTagName('parsererror')[0];
  if (error !== undefined) throw new Error(`not well-formed: ${error.textContent}`);
  return document;
}

/** Elements and attributes that would make a shared file active or make it fetch something. */
function activeContent(document: Document): string[] {
  const found: string[] = [];
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    const name = element.localName.toLowerCase();
    if (['script', 'foreignobject', 'iframe', 'image', 'use', 'a', 'img', 'object', 'embed', 'style'].includes(name) && !(name === 'style' && element.parentElement?.localName === 'svg')) {
      found.push(`<${name}>`);
    }
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${name}@${attribute.name}`);
      if (/href$/i.test(attribute.name) && !/^(?:https?|mailto):/.test(attribute.value)) found.push(`${name}@${attribute.name}=${attribute.value}`);
      if (/url\((?!#)/.test(attribute.value)) found.push(`${name}@${attribute.name}=${attribute.value}`);
    }
  }
  return found;
}

const CASES = HOSTILE_PAYLOADS.map((payload) => ({ payload, map: hostileMap(payload) }));

describe.each(CASES)('a map whose every string holds $payload', ({ payload, map }) => {
  it('is a valid map to begin with, holding the payload as typed', () => {
    expect(map.nodes[1]?.text.en).toContain(payload);
    expect(map.actors[0]?.name.en).toContain(payload);
    expect(map.tours?.[0]?.steps[0]?.caption.en).toContain(payload);
  });

  it('argmap JSON: parses, and reads back equal', () => {
    const text = serializeMap(map);
    expect(() => JSON.parse(text)).not.toThrow();
    const reread = loadMapText(text);
    expect(reread.ok && reread.map).toEqual(map);
  });

  it.each(LANGUAGES)('SVG (%s): parses as XML, nothing active, every id and label as text, and the metadata reads back equal', (language) => {
    const svg = buildSvg(map, positionsOf(map), { language });
    const document = parseXml(svg, 'image/svg+xml');
    expect(activeContent(document)).toEqual([]);
    const metadata = document.getElementById('argmap-data');
    expect(loadMapText(metadata?.textContent ?? '')).toEqual(expect.objectContaining({ ok: true, map }));
    const read = readArgmapSvg(svg);
    expect(read.ok && read.map).toEqual(map);
    const drawnIds = Array.from(document.querySelectorAll('[data-node-id]'), (element) => element.getAttribute('data-node-id'));
    expect(drawnIds).toEqual(map.nodes.map((node) => node.id));
    const everyText = Array.from(document.getElementsByTagName('text'), (element) => element.textContent ?? '').join('\n');
    expect(everyText).toContain(inLanguage(map.title, language));
  });

  it('handouts: every step SVG parses with nothing active; README.txt holds captions and notes verbatim', () => {
    const files = unzipSync(buildHandoutZip(map, map.tours![0]!, positionsOf(map), 'en'));
    const names = Object.keys(files);
    expect(names.filter((name) => name.endsWith('.svg')).length).toBe(map.tours![0]!.steps.length);
    for (const name of names.filter((entry) => entry.endsWith('.svg'))) {
      expect(activeContent(parseXml(strFromU8(files[name]!), 'image/svg+xml')), name).toEqual([]);
    }
    const readme = strFromU8(files[names.find((name) => name.endsWith('README.txt'))!]!);
    const step = map.tours![0]!.steps[0]!;
    expect(readme).toContain(step.caption.en);
    expect(readme).toContain(step.notes?.en);
  });

  it('GraphML: parses as XML, nothing active, ids and both texts of every node as text', () => {
    const document = parseXml(buildGraphml(map, positionsOf(map), { language: 'en' }), 'application/xml');
    expect(activeContent(document)).toEqual([]);
    const nodes = Array.from(document.getElementsByTagName('node'));
    expect(nodes.map((node) => node.getAttribute('id'))).toEqual(map.nodes.map((node) => node.id));
    const data = Array.from(document.getElementsByTagName('data'), (element) => element.textContent);
    for (const node of map.nodes) {
      for (const language of LANGUAGES) if (node.text[language] !== undefined) expect(data).toContain(node.text[language]);
    }
  });

  it.each(LANGUAGES)('AIF (%s): parses as JSON and reads back with every text and speaker as typed', (language) => {
    const text = exportAif(map, { language });
    expect(() => JSON.parse(text)).not.toThrow();
    const { map: reread, problems } = importAif(text);
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem))).toEqual([]);
    expect(reread?.nodes.map((node) => node.text[language]).sort()).toEqual(map.nodes.map((node) => node.text[language]).sort());
    expect(reread?.actors.map((actor) => actor.name[language])).toEqual(map.actors.map((actor) => actor.name[language]));
  });

  it.each(LANGUAGES)('Argdown (%s): reads back with every text and the title as typed', (language) => {
    const { map: reread, problems } = parseArgdown(mapToArgdown(map, language));
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem))).toEqual([]);
    expect(reread?.nodes.map((node) => node.text[language]).sort()).toEqual(map.nodes.map((node) => node.text[language]).sort());
    expect(reread && inLanguage(reread.title, language)).toBe(inLanguage(map.title, language));
  });

  it('CSV: reads back with every id, text and speaker as typed; no cell starts a formula', () => {
    const pair = writeCsvPair(map, 'en');
    const { map: reread, problems } = importCsvPair({ nodes: { name: 'map.nodes.csv', text: pair.nodes }, edges: { name: 'map.edges.csv', text: pair.edges } });
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem))).toEqual([]);
    expect(reread?.nodes.map((node) => [node.id, node.text.en, node.text.zh])).toEqual(map.nodes.map((node) => [node.id, node.text.en, node.text.zh]));
    expect(reread?.edges.map((edge) => [edge.id, edge.from, edge.to])).toEqual(map.edges.map((edge) => [edge.id, edge.from, edge.to]));
    const cells = [pair.nodes, pair.edges].flatMap((text) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data.flat());
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});

it('the payloads cover markup, attributes, links, CDATA ends, comments, entities, formulas and templates', () => {
  const all = HOSTILE_PAYLOADS.join(' ');
  for (const piece of ['<script>', 'onerror=', 'javascript:', ']]>', '</metadata>', '<!--', '&amp;', '=HYPERLINK', '{{']) expect(all).toContain(piece);
});
