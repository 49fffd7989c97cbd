/**
 * The hostile-input catalogue (shared/reference/hostile-inputs.md), items 1–51 that apply to
 * reading argmap JSON; each test name starts with the catalogue number. Not applicable here:
 * #23 and #28 (layout sizes), #27 and #42 (the format has no coordinates or styles: such fields
 * are unknown properties, #15), #46 (the format has no images or fonts).
 */

import { describe, expect, it } from 'vitest';
import { loadMapBytes, loadMapText } from '../../src/core/load-map.ts';
import { MAX_NESTING_DEPTH } from '../../src/core/json/parse-json.ts';
import { indexMap } from '../../src/core/model.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';
import { loaded, problemsOf } from '../support/load-result.ts';
import { minimalMap, positionOf, sampleMap, toJson, type SampleMap } from '../fixtures/hostile/maps.ts';

const NOT_A_MAP = 'argmap opens argmap JSON maps';


/** A sample map changed by `edit`, as text. */
function edited(edit: (map: SampleMap) => void): string {
  const map = sampleMap();
  edit(map);
  return toJson(map);
}

/** Loads a sample map with one node's English text replaced; returns that text as loaded. */
function loadLabel(label: string): { text: string | undefined; warnings: Problem[] } {
  const { map, warnings } = loaded(loadMapText(edited((map) => (map.nodes[2]!['text'] = { en: label }))));
  return { text: map.nodes[2]?.text.en, warnings };
}

/** Every object and array of a loaded map has the ordinary prototype; walked iteratively. */
function expectPlainPrototypes(root: unknown): void {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    expect(Object.getPrototypeOf(value)).toBe(Array.isArray(value) ? Array.prototype : Object.prototype);
    pending.push(...Object.values(value));
  }
}

function expectUnpolluted(): void {
  const probe: Record<string, unknown> = {};
  expect(probe['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

describe('syntax', () => {
  it('#1 empty file → located error', () => {
    expect(problemsOf(loadMapText(''))).toEqual([{ severity: 'error', message: 'the file is empty', line: 1, column: 1 }]);
    expect(problemsOf(loadMapBytes(new Uint8Array([0x20, 0x0a])))).toEqual([{ severity: 'error', message: 'the file is empty', line: 2, column: 1 }]);
  });

  it('#2 truncated {"nodes":[ → located error at the end', () => {
    expect(problemsOf(loadMapText('{"nodes":['))).toEqual([
      { severity: 'error', message: 'unexpected end of input; expected a value', line: 1, column: 11 },
    ]);
  });

  it('#3 UTF-8 BOM → accepted, in bytes and in text', () => {
    const text = toJson(minimalMap());
    expect(loadMapBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])).ok).toBe(true);
    expect(loadMapText(`\uFEFF${text}`).ok).toBe(true);
  });

  it('#4 UTF-16 file with a BOM → decoded without mojibake; without a BOM → error', () => {
    const text = toJson({ ...minimalMap(), title: { zh: '百模大战' } });
    const bytes = new Uint8Array(2 + 2 * text.length);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, true);
    for (let index = 0; index < text.length; index += 1) view.setUint16(2 + 2 * index, text.charCodeAt(index), true);
    expect(loaded(loadMapBytes(bytes)).map.title.zh).toBe('百模大战');
    expect(problemsOf(loadMapBytes(bytes.subarray(2)))[0]?.message).toBe(
      'this looks like UTF-16 or UTF-32 text without a byte order mark; save the map as UTF-8',
    );
  });

  it('#5 invalid UTF-8 → error with the byte offset', () => {
    const before = new TextEncoder().encode('{\n"title": "');
    const bytes = new Uint8Array([...before, 0xff, 0x22, 0x7d]);
    expect(problemsOf(loadMapBytes(bytes))).toEqual([
      { severity: 'error', message: 'the file is not valid UTF-8: byte 0xFF at byte offset 12; save the map as UTF-8', line: 2, column: 11 },
    ]);
  });

  it('#6 NaN → located error', () => {
    const text = toJson(minimalMap()).replace('"schemaVersion": 1', '"schemaVersion": NaN');
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'NaN is not allowed in JSON; numbers must be finite', ...positionOf(text, 'NaN') },
    ]);
  });

  it('#6 comments → located error', () => {
    const text = toJson(minimalMap()).replace('"nodes": []', '"nodes": [] // none yet');
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'comments are not allowed in JSON', ...positionOf(text, '//') },
    ]);
  });

  it('#6 trailing commas → located error at the comma', () => {
    const text = toJson(sampleMap()).replace('"kind": "undercut"\n    }\n  ]', '"kind": "undercut"\n    },\n  ]');
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'trailing comma before "]"', ...positionOf(text, ',\n  ]') },
    ]);
  });

  it('#7 1e400 (Infinity) → located error', () => {
    const text = toJson(minimalMap()).replace('"schemaVersion": 1', '"schemaVersion": 1e400');
    expect(problemsOf(loadMapText(text))).toEqual([{ severity: 'error', message: 'number "1e400" is too large', ...positionOf(text, '1e400') }]);
  });

  it('#8 id 9007199254740993 (loses precision) → "ids must be strings"', () => {
    const text = toJson(sampleMap()).replace('"id": "q1"', '"id": 9007199254740993');
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'ids must be strings, not number', pointer: '/nodes/0/id', ...positionOf(text, '"id": 9007199254740993') },
    ]);
  });

  it.each([
    ['[]', 'array'],
    ['null', 'null'],
    ['"map"', 'string'],
    ['42', 'number'],
  ])('#9 top level %s → error at /', (text, type) => {
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: `the top level must be an object holding the map, not ${type}`, pointer: '', line: 1, column: 1 },
    ]);
  });

  it('#10 duplicate keys → error naming the key and both locations', () => {
    const text = toJson(sampleMap()).replace('"kind": "question"', '"kind": "question",\n      "kind": "claim"');
    const first = positionOf(text, '"kind": "question"');
    expect(problemsOf(loadMapText(text))).toEqual([
      {
        severity: 'error',
        message: `duplicate key "kind" (first at ${first.line}:${first.column})`,
        pointer: '/nodes/0/kind',
        ...positionOf(text, '"kind": "claim"'),
      },
    ]);
  });

  it.each([
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><text>map</text></svg>', `this looks like an SVG/XML file; ${NOT_A_MAP}`],
    ['XML', '<?xml version="1.0" encoding="UTF-8"?>\n<svg/>', `this looks like an SVG/XML file; ${NOT_A_MAP}`],
    ['HTML', '<!doctype html><html></html>', `this looks like an HTML page; ${NOT_A_MAP}`],
    ['Argdown front matter', '===\ntitle: Debate\n===\n\n[Claim]: text', `this looks like Argdown; ${NOT_A_MAP}`],
    ['an Argdown statement', '# Debate\n\n[Big labs win]: Money decides.\n  + <Cost>: Training is dear.', `this looks like Argdown; ${NOT_A_MAP}`],
    ['an Argdown argument', '<Cost argument>: Training costs millions.', `this looks like Argdown; ${NOT_A_MAP}`],
    ['AIF', '{"nodes": [{"nodeID": "1", "text": "claim", "type": "I"}], "edges": [], "locutions": []}', `this looks like an AIF (AIFdb) file; ${NOT_A_MAP}`],
  ])('#11 %s handed to the JSON importer → "looks like …"', (_name, text, message) => {
    expect(problemsOf(loadMapText(text))).toEqual([{ severity: 'error', message }]);
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'a PNG image'],
    ['ZIP (xlsx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'a ZIP archive (such as .xlsx or .docx)'],
    ['PDF', [...new TextEncoder().encode('%PDF-1.7\n')], 'a PDF document'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'a JPEG image'],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00], 'a gzip-compressed file'],
  ])('#11 %s bytes → "looks like …" before decoding', (_name, bytes, what) => {
    expect(problemsOf(loadMapBytes(new Uint8Array(bytes)))).toEqual([{ severity: 'error', message: `this looks like ${what}; ${NOT_A_MAP}` }]);
  });

  it('#11 a PNG already decoded to text → "looks like a PNG image"', () => {
    expect(problemsOf(loadMapText('\uFFFDPNG\r\n\u001A\n'))[0]?.message).toBe(`this looks like a PNG image; ${NOT_A_MAP}`);
  });

  it('#12 a 25 MB file → refused by size before decoding', () => {
    const bytes = new Uint8Array(25 * 1024 * 1024).fill(0x80);
    expect(problemsOf(loadMapBytes(bytes))).toEqual([
      { severity: 'error', message: 'the file is too large (26214400 bytes); argmap opens maps up to 20971520 bytes (20 MiB)' },
    ]);
  });
});

describe('structure', () => {
  it('#13 missing required field → error at the missing property, located at its object', () => {
    const text = edited((map) => delete map.nodes[0]!['kind']);
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'missing required property "kind"', pointer: '/nodes/0/kind', ...positionOf(text, '{\n      "id": "q1"') },
    ]);
    const { nodes: _nodes, ...withoutNodes } = minimalMap();
    expect(problemsOf(loadMapText(toJson(withoutNodes)))).toEqual([
      { severity: 'error', message: 'missing required property "nodes"', pointer: '/nodes', line: 1, column: 1 },
    ]);
  });

  it('#14 wrong type (text: 42) → error with the path', () => {
    const text = edited((map) => (map.nodes[1]!['text'] = 42));
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'must be object, not number', pointer: '/nodes/1/text', ...positionOf(text, '"text": 42') },
    ]);
  });

  it('#14 wrong type (nodes: {}) → error with the path', () => {
    const text = toJson({ ...minimalMap(), nodes: {} });
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'must be array, not object', pointer: '/nodes', ...positionOf(text, '"nodes"') },
    ]);
  });

  it('#15 unknown field → located error naming it; the format is closed, nothing unknown reaches the app', () => {
    const text = edited((map) => (map.nodes[1]!['colour'] = 'red'));
    expect(problemsOf(loadMapText(text))).toEqual([
      {
        severity: 'error',
        message: 'unknown property "colour"; allowed: id, kind, text, actor, quote, position, tags, section',
        pointer: '/nodes/1/colour',
        ...positionOf(text, '"colour"'),
      },
    ]);
  });

  it('#16 newer schemaVersion → error', () => {
    const text = toJson({ ...minimalMap(), schemaVersion: 2 });
    expect(problemsOf(loadMapText(text))).toEqual([
      {
        severity: 'error',
        message: 'schemaVersion 2 is newer than this argmap understands (1)',
        pointer: '/schemaVersion',
        ...positionOf(text, '"schemaVersion"'),
      },
    ]);
  });

  it('#16 missing schemaVersion → read as version 1 with a warning', () => {
    const { schemaVersion: _omitted, ...map } = sampleMap();
    const { map: model, warnings } = loaded(loadMapText(toJson(map)));
    expect(model.schemaVersion).toBe(1);
    expect(warnings.map((warning) => warning.message)).toEqual(['schemaVersion is missing; reading the map as version 1']);
  });

  it('#17 duplicate node ids → error with the id and both pointers', () => {
    const text = edited((map) => map.nodes.push({ id: 'n1', kind: 'evidence', text: { en: 'Another n1' } }));
    expect(problemsOf(loadMapText(text))).toEqual([
      {
        severity: 'error',
        message: 'duplicate id "n1" (first at /nodes/1/id)',
        pointer: '/nodes/4/id',
        id: 'n1',
        ...positionOf(text, '"id": "n1"', 2),
      },
    ]);
  });

  it('#17 nodes and edges share one id namespace; actors and sources have their own', () => {
    const text = edited((map) => {
      map.edges[2]!['id'] = 'n2';
      map.actors.push({ id: 'a1', name: { en: 'Another Alice' } });
      map.sources.push({ id: 's1', title: { en: 'Another article' } });
      // The same id in different namespaces is fine.
      map.actors[0]!['id'] = 's1';
      map.nodes[1]!['actor'] = 's1';
      map.actors[1]!['id'] = 's1';
    });
    expect(problemsOf(loadMapText(text)).map(({ message, pointer }) => ({ message, pointer }))).toEqual([
      { message: 'duplicate id "n2" (first at /nodes/2/id)', pointer: '/edges/2/id' },
      { message: 'duplicate id "s1" (first at /actors/0/id)', pointer: '/actors/1/id' },
      { message: 'duplicate id "s1" (first at /sources/0/id)', pointer: '/sources/1/id' },
    ]);
  });

  it('#18 dangling edge endpoint → error naming the edge and the missing id at /edges/i/to', () => {
    const text = edited((map) => (map.edges[1]!['to'] = 'ghost'));
    expect(problemsOf(loadMapText(text))).toEqual([
      {
        severity: 'error',
        message: 'support edge "e2" points to a missing node "ghost"',
        pointer: '/edges/1/to',
        id: 'e2',
        ...positionOf(text, '"to": "ghost"'),
      },
    ]);
  });

  it.each<[string, (map: SampleMap) => void, string, string]>([
    ['from', (map) => (map.edges[2]!['from'] = 'ghost'), '/edges/2/from', 'attack edge "e3" comes from a missing node "ghost"'],
    ['from an edge', (map) => (map.edges[2]!['from'] = 'e1'), '/edges/2/from', 'attack edge "e3" must come from a node, but "e1" is an edge'],
    ['undercut to a missing edge', (map) => (map.edges[3]!['to'] = 'ghost'), '/edges/3/to', 'undercut edge "e4" points to a missing edge "ghost"'],
    ['undercut to a node', (map) => (map.edges[3]!['to'] = 'n1'), '/edges/3/to', 'undercut edge "e4" must point to an edge, but "n1" is a node'],
    [
      'undercut to an undercut',
      (map) => map.edges.push({ id: 'e5', from: 'n2', to: 'e4', kind: 'undercut' }),
      '/edges/4/to',
      'undercut edge "e5" must point to a support, attack or answer edge, but "e4" is an undercut',
    ],
    ['support to an edge', (map) => (map.edges[1]!['to'] = 'e1'), '/edges/1/to', 'support edge "e2" must point to a node, but "e1" is an edge (only undercuts point to edges)'],
    ['answer to a claim', (map) => (map.edges[0]!['to'] = 'n3'), '/edges/0/to', 'answer edge "e1" must point to a question, but "n3" has kind claim'],
    ['unknown actor', (map) => (map.nodes[1]!['actor'] = 'nobody'), '/nodes/1/actor', 'node "n1" names an unknown actor "nobody"'],
    ['unknown quoted source', (map) => (map.nodes[1]!['quote'] = { source: 'nowhere', text: 'x' }), '/nodes/1/quote/source', 'node "n1" quotes an unknown source "nowhere"'],
  ])('#18 broken reference (%s) → located error', (_name, edit, pointer, message) => {
    const problems = problemsOf(loadMapText(edited(edit)));
    expect(problems.map((problem) => ({ pointer: problem.pointer, message: problem.message }))).toEqual([{ pointer, message }]);
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it('#19 self-loop → error', () => {
    const text = edited((map) => (map.edges[1]!['to'] = 'n2'));
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'support edge "e2" connects "n2" to itself', pointer: '/edges/1', id: 'e2', ...positionOf(text, '{\n      "id": "e2"') },
    ]);
  });

  it('#20 cycles → accepted', () => {
    const text = edited((map) => map.edges.push({ id: 'e5', from: 'n1', to: 'n2', kind: 'attack' }, { id: 'e6', from: 'n1', to: 'n3', kind: 'support' }));
    expect(loaded(loadMapText(text)).map.edges).toHaveLength(6);
  });

  it('#21 unknown node type → error listing the allowed values', () => {
    const text = edited((map) => (map.nodes[0]!['kind'] = 'opinion'));
    expect(problemsOf(loadMapText(text))).toEqual([
      {
        severity: 'error',
        message: 'kind must be one of question, claim, evidence, not "opinion"',
        pointer: '/nodes/0/kind',
        ...positionOf(text, '"kind": "opinion"'),
      },
    ]);
  });

  it('#21 unknown edge type → error listing the allowed values', () => {
    const text = edited((map) => (map.edges[2]!['kind'] = '"><script>'));
    expect(problemsOf(loadMapText(text)).map((problem) => [problem.pointer, problem.message])).toEqual([
      ['/edges/2/kind', 'kind must be one of support, attack, undercut, answer, rephrase, not "\\"><script>"'],
    ]);
  });

  it('#22 zero nodes → accepted', () => {
    expect(loaded(loadMapText(toJson(minimalMap()))).map.nodes).toEqual([]);
  });

  it('#24 more than 100,000 nodes → limit, then located error', () => {
    const nodes = Array.from({ length: 100_001 }, (_, index) => ({ id: `n${index}`, kind: 'claim', text: { en: 'x' } }));
    const text = JSON.stringify({ ...minimalMap(), nodes });
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'has 100001 items; the limit is 100000', pointer: '/nodes', ...positionOf(text, '"nodes"') },
    ]);
  });

  it('#25 a 10 MB label → limit per field, then located error', () => {
    const text = edited((map) => (map.nodes[2]!['text'] = { en: 'x'.repeat(10 * 1024 * 1024) }));
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'is longer than the limit of 10000 characters', pointer: '/nodes/2/text/en', ...positionOf(text, '"en": "xxx') },
    ]);
  });

  it('#26 a chain nested 200,000 deep → located error, no stack overflow', () => {
    const prefix = '{"schemaVersion":1,"nodes":[{"id":"n1","kind":"claim","text":';
    const depth = 200_000;
    const text = prefix + '{"a":'.repeat(depth) + '"x"' + '}'.repeat(depth) + '}]}';
    // Open before the chain: the top level, the nodes array and the node.
    const column = prefix.length + (MAX_NESTING_DEPTH - 3) * '{"a":'.length + 1;
    expect(problemsOf(loadMapText(text))).toEqual([{ severity: 'error', message: 'nesting deeper than 64 levels', line: 1, column }]);
    expect(problemsOf(loadMapText('['.repeat(depth) + ']'.repeat(depth)))[0]?.message).toBe('nesting deeper than 64 levels');
  });

  it('#29 ids 1 and "1" → the number is refused, so the two cannot be confused', () => {
    const text = edited((map) => {
      map.nodes[0]!['id'] = 1;
      map.nodes[1]!['id'] = '1';
    });
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'ids must be strings, not number', pointer: '/nodes/0/id', ...positionOf(text, '"id": 1') },
    ]);
  });
});

describe('text', () => {
  it.each([
    ['#30 <script> and <img onerror>', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['#31 </svg><script>, ]]>, <!--, <![CDATA[', '</svg><script>alert(1)</script> ]]> <!-- <![CDATA[ x ]]>'],
    ['#32 &amp; and &#x3C; (never decoded)', 'Tom &amp; Jerry &#x3C;b&#x3E; &lt;'],
    ['#35 bidi controls', 'abc\u202Edcb\u2066isolated\u2069\u200F'],
    ['#37 emoji ZWJ sequences and flags', '👩‍👩‍👧‍👦 🇨🇳🇺🇸 👍🏽 🏳️‍🌈'],
    ['#38 Zalgo text under the length limit', `Z${'\u0336\u0337\u0338\u0489'.repeat(300)}algo`],
    ['#39 CJK with no spaces and one very long word', `${'百模大战'.repeat(1000)} ${'a'.repeat(5000)}`],
    ['#40 RTL and mixed-direction text', 'مرحبا hello שלום 123'],
  ])('%s → accepted as inert text, kept exactly', (_name, label) => {
    expect(loadLabel(label)).toEqual({ text: label, warnings: [] });
  });

  it('#33 XML-invalid control characters → replaced with U+FFFD, with a located warning', () => {
    const text = edited((map) => (map.nodes[2]!['text'] = { en: 'CTRL a\u0000b\u0008c\u000Bd\u000Ce\u000Ef\u001Fg\uFFFEh\uFFFFi\u007F' }));
    const { map, warnings } = loaded(loadMapText(text));
    expect(map.nodes[2]?.text.en).toBe('CTRL a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi\u007F');
    expect(warnings).toEqual([
      {
        severity: 'warning',
        message: 'replaced 8 control characters (first U+0000) with U+FFFD',
        pointer: '/nodes/2/text/en',
        id: 'n2',
        ...positionOf(text, '"en": "CTRL'),
      },
    ]);
  });

  it('#33 control characters in ids are repaired the same way everywhere, so references still match', () => {
    const text = edited((map) => {
      map.nodes[2]!['id'] = 'n\u00012';
      map.edges[1]!['from'] = 'n\u00012';
    });
    const { map, warnings } = loaded(loadMapText(text));
    expect(map.edges[1]?.from).toBe('n\uFFFD2');
    expect(indexMap(map).nodes.get('n\uFFFD2')?.text.en).toBe('Training costs millions');
    expect(warnings.map((warning) => warning.pointer)).toEqual(['/nodes/2/id', '/edges/1/from']);
  });

  it('#34 lone surrogate (escaped in JSON or raw in the text) → repaired with toWellFormed, with a warning', () => {
    const escaped = toJson(sampleMap()).replace('"Who wins?"', '"Who \\ud800wins?"');
    const raw = toJson(sampleMap()).replace('"Who wins?"', '"Who \uDC00wins?"');
    for (const text of [escaped, raw]) {
      const { map, warnings } = loaded(loadMapText(text));
      expect(map.nodes[0]?.text.en).toBe('Who \uFFFDwins?');
      expect(warnings).toEqual([
        {
          severity: 'warning',
          message: 'replaced 1 unpaired surrogate code unit with U+FFFD',
          pointer: '/nodes/0/text/en',
          id: 'q1',
          ...positionOf(text, '"en": "Who'),
        },
      ]);
    }
  });

  it('#35 bidi controls in ids → shown escaped in messages, so a message cannot be spoofed', () => {
    const text = edited((map) => (map.edges[1]!['to'] = 'n1\u202E\u2066'));
    const [problem] = problemsOf(loadMapText(text));
    expect(problem?.message).toBe('support edge "e2" points to a missing node "n1\\u202E\\u2066"');
    expect(formatProblem(problem!, 'map.json')).toMatch(/^map\.json:\d+:\d+: \/edges\/1\/to: error: support edge "e2" points to a missing node "n1\\u202E\\u2066"$/);
  });

  it('#36 a label of only zero-width characters and spaces → counts as blank: error', () => {
    const text = edited((map) => (map.nodes[1]!['text'] = { en: ' \u200B\u200C\u200D\u2060\uFEFF\t\u3000' }));
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'node "n1" has no text', pointer: '/nodes/1/text', id: 'n1', ...positionOf(text, '"text": {\n        "en": " ') },
    ]);
  });

  it('#36 one blank language of two → dropped with a warning, the other shows', () => {
    const text = edited((map) => (map.nodes[1]!['text'] = { zh: '大厂胜出', en: '\u200B' }));
    const { map, warnings } = loaded(loadMapText(text));
    expect(map.nodes[1]?.text).toEqual({ zh: '大厂胜出' });
    expect(warnings.map(({ message, pointer }) => ({ message, pointer }))).toEqual([
      { message: 'removed the blank en text of node "n1"', pointer: '/nodes/1/text/en' },
    ]);
  });

  it('#36 ids that differ only by zero-width characters are distinct, and shown escaped', () => {
    const text = edited((map) => {
      map.nodes[2]!['id'] = 'n1\u200B';
      map.edges[1]!['from'] = 'n1\u200B';
      map.edges[2]!['to'] = 'n1\u200D';
    });
    expect(problemsOf(loadMapText(text)).map((problem) => problem.message)).toEqual(['attack edge "e3" points to a missing node "n1\\u200D"']);
  });

  it('#38 Zalgo text over the length limit → located error', () => {
    const text = edited((map) => (map.nodes[2]!['text'] = { en: `Z${'\u0336'.repeat(20_000)}` }));
    expect(problemsOf(loadMapText(text)).map((problem) => [problem.pointer, problem.message])).toEqual([
      ['/nodes/2/text/en', 'is longer than the limit of 10000 characters'],
    ]);
  });

  it('#41 \\r\\n, \\r and \\t → normalised to \\n and a space, silently', () => {
    expect(loadLabel('line 1\r\nline 2\rline 3\tend')).toEqual({ text: 'line 1\nline 2\nline 3 end', warnings: [] });
  });
});

describe('URLs', () => {
  function loadUrl(url: string): { url: string | undefined; warnings: Problem[] } {
    const { map, warnings } = loaded(loadMapText(edited((map) => (map.sources[0]!['url'] = url))));
    expect(map.sources[0]?.title).toEqual({ en: 'Article' });
    return { url: map.sources[0]?.url, warnings };
  }

  it.each([
    ['#43', 'javascript:alert(1)'],
    ['#43', 'JaVaScRiPt:alert(1)'],
    ['#43', 'java\tscript:alert(1)'],
    ['#43', ' https://example.com/leading-space'],
    ['#43', '&#106;avascript:alert(1)'],
    ['#43', 'javascript://%0aalert(1)'],
    ['#44', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['#44', 'vbscript:msgbox(1)'],
    ['#44', 'file:///etc/passwd'],
    ['#44', 'blob:https://example.com/0b7f8c1e'],
    ['#45', '../article.html'],
    ['#45', '/article'],
    ['#45', '//evil.example/x'],
    ['#43', 'mailto:someone@example.com'],
  ])('%s source url %j → dropped with a located warning', (_item, url) => {
    const { url: kept, warnings } = loadUrl(url);
    expect(kept).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', pointer: '/sources/0/url', id: 's1' });
    expect(warnings[0]?.message).toMatch(/^dropped the url ".*" of source "s1": only absolute http and https addresses are kept$/);
    expect(warnings[0]?.line).toBeGreaterThan(1);
  });

  it('#43 an http(s) url is kept, normalised', () => {
    expect(loadUrl('HTTPS://Example.com/a b'.replace(' ', '%20'))).toEqual({ url: 'https://example.com/a%20b', warnings: [] });
  });

  it('#47 a 1 MB url → limit, then located error', () => {
    const text = edited((map) => (map.sources[0]!['url'] = `https://example.com/${'a'.repeat(1024 * 1024)}`));
    expect(problemsOf(loadMapText(text))).toEqual([
      { severity: 'error', message: 'is longer than the limit of 4096 characters', pointer: '/sources/0/url', ...positionOf(text, '"url"') },
    ]);
  });
});

describe('keys', () => {
  it.each([
    ['the top level', '{"__proto__": {"polluted": 1}, ', '/__proto__'],
    ['a node', '{"id": "q1", "__proto__": {"polluted": 1}, ', '/nodes/0/__proto__'],
    ['a label', '{"en": "Who wins?", "__proto__": {"__proto__": {"polluted": 1}}, ', '/nodes/0/text/__proto__'],
  ])('#48 "__proto__" in %s → no prototype changes, located error for the unknown key', (_where, insertion, pointer) => {
    const base = toJson(sampleMap());
    const text =
      pointer === '/__proto__'
        ? base.replace('{', insertion)
        : pointer === '/nodes/0/__proto__'
          ? base.replace('{\n      "id": "q1",', insertion)
          : base.replace('{\n        "en": "Who wins?"', insertion.slice(0, -2));
    const problems = problemsOf(loadMapText(text));
    expect(problems.map((problem) => [problem.pointer, problem.message.split(';')[0]])).toEqual([[pointer, 'unknown property "__proto__"']]);
    expect(problems[0]).toMatchObject(positionOf(text, '"__proto__"'));
    expectUnpolluted();
  });

  it('#49 ids __proto__, constructor, toString → load and are found through Map', () => {
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const text = edited((map) => {
      map.nodes = ids.map((id) => ({ id, kind: 'claim', text: { en: `node ${id}` }, actor: '__proto__', quote: { source: 'constructor', text: 'x' } }));
      map.edges = [
        { id: 'prototype', from: '__proto__', to: 'constructor', kind: 'support' },
        { id: '__defineGetter__', from: 'toString', to: 'prototype', kind: 'undercut' },
      ];
      map.actors[0]!['id'] = '__proto__';
      map.sources[0]!['id'] = 'constructor';
    });
    const { map, warnings } = loaded(loadMapText(text));
    expect(warnings).toEqual([]);
    const index = indexMap(map);
    for (const id of ids) expect(index.nodes.get(id)?.text.en).toBe(`node ${id}`);
    expect(index.edges.get('prototype')?.to).toBe('constructor');
    expect(index.actors.get('__proto__')?.name.en).toBe('Alice');
    expect(index.sources.get('constructor')?.title.en).toBe('Article');
    expectPlainPrototypes(map);
    expectUnpolluted();
  });

  it('#50 {"constructor": {"prototype": …}} → no pollution, located error, nothing merged', () => {
    const text = toJson(sampleMap()).replace('{\n      "id": "n2",', '{"constructor": {"prototype": {"polluted": 1}}, "id": "n2",');
    expect(problemsOf(loadMapText(text)).map((problem) => problem.pointer)).toEqual(['/nodes/2/constructor']);
    expectUnpolluted();
    expect(Object.prototype.constructor).toBe(Object);
  });

  it('#51 file-level settings → only known top-level keys; anything else is an error, never merged into config', () => {
    const text = toJson({ $schema: 'https://argmap.invalid/argmap.schema.json', ...minimalMap(), config: { theme: 'dark', securityLevel: 'loose' } });
    expect(problemsOf(loadMapText(text))).toEqual([
      {
        severity: 'error',
        message: 'unknown property "config"; allowed: $schema, schemaVersion, title, sources, actors, nodes, edges, tours, extensions',
        pointer: '/config',
        ...positionOf(text, '"config"'),
      },
    ]);
  });
});

describe('robustness', () => {
  it('every loaded object is fresh, with the ordinary prototype and only model fields', () => {
    const { map } = loaded(loadMapText(toJson(sampleMap())));
    expectPlainPrototypes(map);
    expect(Object.keys(map.nodes[1]!)).toEqual(['id', 'kind', 'text', 'actor', 'quote']);
  });

  it('no truncation or byte corruption of a map makes the loader throw or hit its internal-error guard', () => {
    const bytes = new TextEncoder().encode(toJson(sampleMap()));
    let seed = 42;
    const random = (limit: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % limit;
    };
    const variants: Uint8Array[] = [];
    for (let length = 0; length < bytes.length; length += 1) variants.push(bytes.subarray(0, length));
    for (let trial = 0; trial < 2000; trial += 1) {
      const copy = bytes.slice();
      for (let flips = 0; flips < 1 + random(4); flips += 1) copy[random(copy.length)] = random(256);
      variants.push(copy);
    }
    for (const variant of variants) {
      const result = loadMapBytes(variant);
      const problems = result.ok ? result.warnings : result.problems;
      expect(problems.map((problem) => problem.message)).not.toContain('internal error while reading the map');
      if (!result.ok) expect(result.problems.some((problem) => problem.severity === 'error')).toBe(true);
    }
  });
});
