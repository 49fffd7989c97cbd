/**
 * Script injection through every importer (issue 13 §5), as a class: each hostile payload is
 * put in every string a format can carry (texts, titles, ids, speaker names, link labels and
 * addresses), and each importer, read directly and through format detection as a paste or an
 * opened file is, must give the payload back as text, exactly as typed: nothing decoded, stripped
 * or interpreted. Links survive only as absolute http(s) addresses.
 */

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importAif } from '../../src/core/formats/aif.ts';
import { parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { escapeText } from '../../src/core/formats/argdown/to-argdown.ts';
import { readArgmapSvg } from '../../src/core/formats/argmap-svg.ts';
import { importCsvPair } from '../../src/core/formats/csv/index.ts';
import { parseTgf } from '../../src/core/formats/iccma.ts';
import { importKialo } from '../../src/core/formats/kialo.ts';
import { readMapText } from '../../src/core/formats/read-map.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';
import { HOSTILE_PAYLOADS, hostileDocument } from '../fixtures/hostile/payloads.ts';

function errorsOf(problems: readonly Problem[]): string[] {
  return problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem));
}

/** The map a paste or an opened file of this text gives: detection, then the format's reader. */
function pasted(text: string): ArgMap | undefined {
  const { result } = readMapText(text);
  return result.ok ? result.map : undefined;
}

/** Every character XML gives meaning to, as a numeric reference (as a careful exporter might). */
function escapeAsReferences(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

describe.each(HOSTILE_PAYLOADS.map((payload) => ({ payload })))('$payload', ({ payload: p }) => {
  it('argmap JSON: every string as typed, in every field', () => {
    const document = hostileDocument(p);
    const loaded = loadMapText(JSON.stringify(document));
    expect(loaded.ok ? [] : errorsOf(loaded.problems)).toEqual([]);
    expect(loaded.ok && loaded.map).toEqual(document);
    expect(pasted(JSON.stringify(document))).toEqual(document);
  });

  it('argmap SVG metadata: every string as typed, in every field', () => {
    const document = hostileDocument(p);
    const svg = `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>${escapeAsReferences(p)}</text><metadata id="argmap-data">${escapeAsReferences(JSON.stringify(document))}</metadata></svg>`;
    const read = readArgmapSvg(svg);
    expect(read.ok ? [] : errorsOf(read.problems)).toEqual([]);
    expect(read.ok && read.map).toEqual(document);
    expect(pasted(svg)).toEqual(document);
  });

  it('Kialo: title, claims and link labels as typed; a javascript: link dropped, an https one kept', () => {
    // Kialo writes Markdown, escaping brackets and parentheses in text with a backslash.
    const written = p.replace(/[\\[\]()]/g, '\\$&');
    const text = [
      `Discussion Title: ${written} title`,
      `1. ${written} thesis`,
      `1.1. Pro: ${written} claim [${written} label](https://example.org/?q=1) [bad](javascript:alert(1))`,
      '1.2. Con: -> See 1.1.',
    ].join('\n');
    const { map, problems } = importKialo(text);
    expect(errorsOf(problems)).toEqual([]);
    expect(map?.title.en ?? map?.title.zh).toBe(`${p} title`);
    expect(map?.nodes.map((node) => node.text.en ?? node.text.zh)).toEqual([`${p} thesis`, `${p} claim ${p} label bad`]);
    expect(map?.sources.map((source) => source.url)).toEqual(['https://example.org/?q=1', undefined]);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('only absolute http and https addresses are kept') }));
    expect(pasted(text)).toEqual(map);
  });

  it('AIF: I-node texts and ids as typed', () => {
    const text = JSON.stringify({
      nodes: [
        { nodeID: `${p} 1`, text: `${p} conclusion`, type: 'I' },
        { nodeID: `${p} 2`, text: `${p} premise`, type: 'I' },
        { nodeID: `${p} 3`, text: 'Default Inference', type: 'RA' },
      ],
      edges: [{ edgeID: 'a', fromID: `${p} 2`, toID: `${p} 3` }, { edgeID: 'b', fromID: `${p} 3`, toID: `${p} 1` }],
      locutions: [],
    });
    const { map, problems } = importAif(text);
    expect(errorsOf(problems)).toEqual([]);
    const texts = map?.nodes.map((node) => node.text.en ?? node.text.zh).sort();
    expect(texts).toEqual([`${p} conclusion`, `${p} premise`].sort());
    expect(pasted(text)?.nodes.map((node) => node.text.en ?? node.text.zh).sort()).toEqual(texts);
  });

  it('Argdown: statement and argument texts as typed (escaped as Argdown escapes them)', () => {
    const text = `[Conclusion]: ${escapeText(p)} conclusion\n  + <Reason>: ${escapeText(p)} reason\n`;
    const { map, problems } = parseArgdown(text);
    expect(errorsOf(problems)).toEqual([]);
    expect(map?.nodes.map((node) => node.text.en ?? node.text.zh).sort()).toEqual([`${p} conclusion`, `${p} reason`].sort());
    expect(pasted(text)).toEqual(map);
  });

  it('CSV: ids, labels, speakers and tags as typed', () => {
    const nodes = Papa.unparse([['ID', 'Label', 'Type', 'Speaker', 'Tags'], [`${p} 1`, `${p} question?`, 'question', `${p} speaker`, 'x'], [`${p} 2`, `${p} claim`, 'claim', '', 'y']]);
    const edges = Papa.unparse([['From', 'To', 'Type'], [`${p} 2`, `${p} 1`, 'answer']]);
    const { map, problems } = importCsvPair({ nodes: { name: 'a.nodes.csv', text: nodes }, edges: { name: 'a.edges.csv', text: edges } });
    expect(errorsOf(problems)).toEqual([]);
    expect(map?.nodes.map((node) => [node.id, node.text.en ?? node.text.zh])).toEqual([[`${p} 1`, `${p} question?`], [`${p} 2`, `${p} claim`]]);
    expect(map?.actors.map((actor) => actor.name.en ?? actor.name.zh)).toEqual([`${p} speaker`]);
  });

  it('ICCMA TGF: argument names as typed (a name is any run without white space)', () => {
    const names = p.split(/\s+/).filter((name) => name !== '');
    const unique = [...new Set(names)];
    const result = parseTgf(`${unique.join('\n')}\n#\n${unique.length > 1 ? `${unique[0]} ${unique[1]}` : ''}\n`);
    expect(result.ok ? [] : errorsOf(result.problems)).toEqual([]);
    expect(result.ok && result.framework.names).toEqual(unique);
  });
});
