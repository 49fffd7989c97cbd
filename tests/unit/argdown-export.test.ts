/** ArgMap → Argdown → ArgMap keeps the map; what Argdown cannot say rides in argmap's own data. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapToArgdown, parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { escapeText, flowJson } from '../../src/core/formats/argdown/to-argdown.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { LANGUAGES, type ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { mapToJsonValue } from '../../src/core/serialize.ts';
import { AWKWARD_MAP } from '../fixtures/argdown/awkward-map.ts';
import { CORPORA_PRESENT, EXAMPLE_MAPS, HOW_TO_FIX, exampleText } from '../fixtures/argdown/corpora.ts';
import { loaded } from '../support/load-result.ts';

const SEED = loaded(loadMapText(readFileSync(new URL('../../graph-data/hundred-model-war.json', import.meta.url), 'utf8'))).map;
const AWKWARD = loaded(loadMapText(JSON.stringify(AWKWARD_MAP))).map;

function readBack(text: string): ArgMap {
  const { map, problems } = parseArgdown(text);
  if (map === undefined) throw new Error(`the export did not read back: ${problems.map((problem) => formatProblem(problem)).join('\n')}`);
  expect(problems).toEqual([]);
  return map;
}

interface Identified {
  readonly id: string;
}

/** The map as JSON with nodes and edges sorted by id: the export may regroup them, nothing else. */
function canonical(map: ArgMap): unknown {
  const json = mapToJsonValue(map) as { nodes: Identified[]; edges: Identified[] };
  const byId = (a: Identified, b: Identified) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...json, nodes: [...json.nodes].sort(byId), edges: [...json.edges].sort(byId) };
}

describe.each(LANGUAGES)('the seed map through Argdown (%s)', (language) => {
  const text = mapToArgdown(SEED, language);
  const back = readBack(text);

  it('keeps every node, in order, with its kind, both texts, actor and quote', () => {
    expect(back.nodes.map((node) => node.id)).toEqual(SEED.nodes.map((node) => node.id));
    expect(back.nodes).toEqual(SEED.nodes);
  });

  it('keeps every edge: id, kind and ends (the undercut names its edge)', () => {
    const describe = (map: ArgMap) => new Map(map.edges.map((edge) => [edge.id, `${edge.from} ${edge.kind} ${edge.to}`]));
    expect(describe(back)).toEqual(describe(SEED));
    expect(new Set(back.edges.map((edge) => edge.kind))).toEqual(new Set(['support', 'answer', 'attack', 'undercut', 'rephrase']));
  });

  it('keeps actors, sources, tours and the title in both languages', () => {
    expect(back.actors).toEqual(SEED.actors);
    expect(back.sources).toEqual(SEED.sources);
    expect(back.tours).toEqual(SEED.tours);
    expect(back.title).toEqual(SEED.title);
    expect(canonical(back)).toEqual(canonical(SEED));
  });

  it('writes the chosen language as the statement text and the other in data', () => {
    const first = SEED.nodes[0];
    expect(first).toBeDefined();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`[${first?.id}]: `)) ?? '';
    expect(line).toContain(`: ${escapeText(first?.text[language] ?? '')} `);
    expect(line).toContain(flowJson(first?.text[language === 'zh' ? 'en' : 'zh'] ?? ''));
  });

  it('writes the same text again from the map it read back', () => {
    expect(mapToArgdown(back, language)).toBe(text);
  });
});

describe.each(LANGUAGES)('a map that is hard to write (%s)', (language) => {
  it('comes back the same: ids, kinds, texts, tags, sections, groups, schemes, tours, extensions', () => {
    const text = mapToArgdown(AWKWARD, language);
    const back = readBack(text);
    expect(canonical(back)).toEqual(canonical(AWKWARD));
    expect(mapToArgdown(back, language)).toBe(text);
  });
});

describe('the written Argdown', () => {
  const text = mapToArgdown(AWKWARD, 'en');

  it('marks questions with #question and every edge with its id', () => {
    expect(text).toContain('[q]: Who wins? #question {"argmap": {"zh": "谁会赢？"}}');
    expect(text).toContain('    + [Upper Case Id] {"argmap-edge": {"id": "answer-1", "kind": "answer"}}');
    expect(text).toContain('    - [e-1] {"argmap-edge": {"id": "cut", "kind": "undercut", "target": "e-2"}}');
  });

  it("stays within Argdown's own front matter and data patterns", () => {
    // The patterns of Argdown's lexer (christianvoigt/argdown, lexer.ts): front matter cannot hold
    // `=`, and data ends at the first `}` not followed by `,` or `}`.
    const frontMatter = /===+[^=]*===+/.exec(text)?.[0] ?? '';
    expect(frontMatter.endsWith('argmap-extensions: {"aif": {"nodes": [{"nodeID": "1", "text": "kept \\u003d \\u007bas is\\u007d"}]}}\n===')).toBe(true);
    const dataPattern = /{((?!}\s[^,}])(.|\n))*}(?!\s*(,|}))/;
    const body = text.slice(frontMatter.length);
    const written = body.split('\n').flatMap((line) => (line.includes(' {"argmap') ? [line.slice(line.indexOf(' {"argmap') + 1)] : []));
    expect(written.length).toBeGreaterThan(10);
    for (const data of written) expect(dataPattern.exec(data)?.[0]).toBe(data);
  });

  it('escapes markup in text, and unsafe characters in data', () => {
    expect(escapeText('a [b]: <c> {d} #e @f *g* _h_ \\ //i /*j*/ === k = l')).toBe('a \\[b\\]: \\<c\\> \\{d\\} \\#e \\@f \\*g\\* \\_h\\_ \\\\ \\//i /\\*j\\*/ \\=\\=\\= k = l');
    expect(flowJson({ a: ['x]: {y}', 1, null, true], b: undefined })).toBe('{"a": ["x\\u005d: \\u007by\\u007d", 1, null, true]}');
  });

  it('writes nodes without a section first, then each section under its heading', () => {
    const headings = text.split('\n').filter((line) => line.startsWith('# '));
    expect(headings).toEqual(['# Part one', '# Part \\#2: \\[x\\]']);
    expect(text.indexOf('[odd-section]:')).toBeLessThan(text.indexOf('# Part one'));
  });
});

describe('text that looks like a shortcode', () => {
  it.each([':happy: stays', 'p .^. q', 'e.g. a.[b]. c', 'at 10:30:00.', 'x .===. y', ':smile:x:', 'a.b.c.d', '.~.'])('%s reads back as written', (text) => {
    const node = { ...SEED.nodes[0], text: { en: text } } as ArgMap['nodes'][number];
    const map = { ...SEED, nodes: [node], edges: [], tours: [] } as ArgMap;
    expect(readBack(mapToArgdown(map, 'en')).nodes[0]?.text.en).toBe(text);
  });

  it('becomes its character when written in Argdown', () => {
    expect(parseArgdown('[s]: p .^. (p .->. q) :happy: .x. :+1:done').map?.nodes[0]?.text.en).toBe('p ∧ (p → q) 😀 .x. 👍done');
  });
});

describe('Argdown → map → Argdown → map', () => {
  it('needs the shared corpora', () => {
    expect(CORPORA_PRESENT, HOW_TO_FIX).toBe(true);
  });

  it.each(CORPORA_PRESENT ? EXAMPLE_MAPS : [])('keeps the map of %s, with its Argdown titles', (name) => {
    const first = parseArgdown(exampleText(name)).map;
    expect(first).toBeDefined();
    if (first === undefined) return;
    const text = mapToArgdown(first, 'en');
    expect(canonical(readBack(text))).toEqual(canonical(first));
    const titles = first.extensions?.get('argdown');
    const someTitle = titles !== null && typeof titles === 'object' && !Array.isArray(titles) ? Object.values((titles as { titles: Record<string, string> }).titles)[0] : undefined;
    if (someTitle !== undefined) expect(text).toContain(`[${someTitle}]`);
  });
});
