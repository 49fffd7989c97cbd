import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMapBytes, loadMapText, MAX_FILE_BYTES } from '../../src/core/load-map.ts';
import { formatProblem, MAX_PROBLEMS_PER_STAGE, type Problem } from '../../src/core/problems.ts';
import { loaded, problemsOf } from '../support/load-result.ts';
import { minimalMap, positionOf, sampleMap, toJson } from '../fixtures/hostile/maps.ts';

const SEED_URL = new URL('../../graph-data/hundred-model-war.json', import.meta.url);


function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + 2 * text.length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let index = 0; index < text.length; index += 1) view.setUint16(2 + 2 * index, text.charCodeAt(index), littleEndian);
  return bytes;
}

describe('loading valid maps', () => {
  it('loads a minimal map', () => {
    expect(loadMapText(toJson(minimalMap()))).toEqual({
      ok: true,
      map: { schemaVersion: 1, title: { en: 'Minimal' }, sources: [], actors: [], nodes: [], edges: [] },
      warnings: [],
    });
  });

  it('loads every field of every element into a fresh model', () => {
    const sample = sampleMap();
    const { map, warnings } = loaded(loadMapText(toJson({ $schema: './argmap.schema.json', ...sample })));
    expect(warnings).toEqual([]);
    expect(map).toEqual(sample);
    expect(Object.keys(map)).not.toContain('$schema');
  });

  it('loads the seed map with no errors or warnings', () => {
    expect(existsSync(SEED_URL)).toBe(true);
    const { map, warnings } = loaded(loadMapBytes(readFileSync(SEED_URL)));
    expect(warnings).toEqual([]);
    expect(map.nodes.length).toBeGreaterThan(0);
  });
});

describe('decoding bytes', () => {
  const text = toJson({ ...minimalMap(), title: { zh: '百模大战 😀', en: 'Test' } });

  it('reads UTF-8 with and without a byte order mark', () => {
    const utf8 = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(loaded(loadMapBytes(utf8)).map.title.zh).toBe('百模大战 😀');
    expect(loaded(loadMapBytes(withBom)).map.title.zh).toBe('百模大战 😀');
  });

  it.each([
    ['little', true],
    ['big', false],
  ])('decodes UTF-16 %s-endian with a byte order mark', (_name, littleEndian) => {
    expect(loaded(loadMapBytes(utf16(text, littleEndian))).map.title.zh).toBe('百模大战 😀');
  });

  it('refuses UTF-16 with an odd number of bytes', () => {
    const bytes = utf16(text, true);
    expect(problemsOf(loadMapBytes(bytes.subarray(0, bytes.length - 1)))[0]?.message).toBe(
      `the file is UTF-16 but has an odd number of bytes (the last one, at byte offset ${bytes.length - 2}, is half a character)`,
    );
  });

  it('refuses UTF-16 without a byte order mark instead of guessing', () => {
    const bytes = utf16(text, true).subarray(2);
    expect(problemsOf(loadMapBytes(bytes))).toEqual([
      { severity: 'error', message: 'this looks like UTF-16 or UTF-32 text without a byte order mark; save the map as UTF-8' },
    ]);
  });

  it('refuses UTF-32', () => {
    expect(problemsOf(loadMapBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])))[0]?.message).toBe(
      'the file is UTF-32, which argmap does not read; save the map as UTF-8',
    );
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe4, 0xb8]],
  ])('refuses invalid UTF-8 (%s) with its byte offset, line and column', (_name, bad) => {
    const before = new TextEncoder().encode('{\n  "title": {"zh": "中');
    const bytes = new Uint8Array([...before, ...bad, 0x22, 0x7d, 0x7d]);
    const hex = bad[0]!.toString(16).toUpperCase();
    expect(problemsOf(loadMapBytes(bytes))).toEqual([
      {
        severity: 'error',
        message: `the file is not valid UTF-8: byte 0x${hex} at byte offset ${before.length}; save the map as UTF-8`,
        line: 2,
        column: 21,
      },
    ]);
  });
});

describe('size limit', () => {
  it('refuses more than MAX_FILE_BYTES before decoding', () => {
    // Invalid UTF-8 throughout: had it been decoded, the error would be about UTF-8.
    const bytes = new Uint8Array(25 * 1024 * 1024).fill(0xff);
    expect(problemsOf(loadMapBytes(bytes))).toEqual([
      { severity: 'error', message: 'the file is too large (26214400 bytes); argmap opens maps up to 20971520 bytes (20 MiB)' },
    ]);
  });

  it('reads a file of exactly MAX_FILE_BYTES', () => {
    const text = toJson(minimalMap());
    const padded = text + ' '.repeat(MAX_FILE_BYTES - text.length);
    expect(loadMapBytes(new TextEncoder().encode(padded)).ok).toBe(true);
    expect(loadMapText(padded).ok).toBe(true);
  });

  it('refuses text longer than MAX_FILE_BYTES', () => {
    expect(problemsOf(loadMapText(' '.repeat(MAX_FILE_BYTES + 1)))[0]?.message).toBe(
      'the text is too large (20971521 characters); argmap opens maps up to 20971520 bytes (20 MiB)',
    );
  });
});

describe('stages', () => {
  it('reads a map without schemaVersion as version 1, with a warning', () => {
    const { schemaVersion: _omitted, ...withoutVersion } = minimalMap();
    const { map, warnings } = loaded(loadMapText(toJson(withoutVersion)));
    expect(map.schemaVersion).toBe(1);
    expect(warnings).toEqual([
      { severity: 'warning', message: 'schemaVersion is missing; reading the map as version 1', pointer: '/schemaVersion', line: 1, column: 1 },
    ]);
  });

  it.each([
    ['"1"', 'schemaVersion must be 1, not "1"'],
    ['0', 'schemaVersion must be 1, not 0'],
    ['1.5', 'schemaVersion must be 1, not 1.5'],
    ['null', 'schemaVersion must be 1, not null'],
  ])('refuses schemaVersion %s', (version, message) => {
    const text = toJson(minimalMap()).replace('"schemaVersion": 1', `"schemaVersion": ${version}`);
    expect(problemsOf(loadMapText(text))).toEqual([{ severity: 'error', message, pointer: '/schemaVersion', ...positionOf(text, '"schemaVersion"') }]);
  });

  it('stops at the first stage with errors: no integrity errors after schema errors', () => {
    const map = sampleMap();
    map.nodes[0]!['kind'] = 'opinion';
    map.edges[0]!['to'] = 'nowhere';
    const problems = problemsOf(loadMapText(toJson(map)));
    expect(problems.map((problem) => problem.pointer)).toEqual(['/nodes/0/kind']);
  });

  it('keeps the warnings of earlier stages when a later stage fails', () => {
    const { schemaVersion: _omitted, ...map } = sampleMap();
    map.edges[1]!['to'] = 'nowhere';
    expect(problemsOf(loadMapText(toJson(map))).map((problem) => problem.severity)).toEqual(['warning', 'error']);
  });

  it(`keeps ${MAX_PROBLEMS_PER_STAGE} problems of a stage and counts the rest`, () => {
    const map = sampleMap();
    map.edges = Array.from({ length: 1000 }, (_, index) => ({ id: `e${index}`, from: 'n1', to: `missing${index}`, kind: 'support' }));
    const problems = problemsOf(loadMapText(toJson(map)));
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_STAGE + 1);
    expect(problems.at(-1)).toEqual({ severity: 'error', message: '… and 800 more errors' });
  });

  it('never lets many warnings hide an error of the same stage', () => {
    const map = sampleMap();
    map.nodes = Array.from({ length: 301 }, (_, index) => ({ id: `n${index}`, kind: 'claim', text: { en: index === 300 ? ' ' : `bell\u0007${index}` } }));
    map.edges = [];
    const problems = problemsOf(loadMapText(toJson(map)));
    expect(problems.filter((problem) => problem.severity === 'warning')).toHaveLength(MAX_PROBLEMS_PER_STAGE + 1);
    expect(problems.slice(-2)).toEqual([
      { severity: 'error', message: 'node "n300" has no text', pointer: '/nodes/300/text', id: 'n300', line: expect.any(Number), column: 7 },
      { severity: 'warning', message: '… and 100 more warnings' },
    ]);
  });

  it('turns an unexpected exception into a problem without a stack trace', () => {
    expect(problemsOf(loadMapText(null as unknown as string))).toEqual([{ severity: 'error', message: 'internal error while reading the map' }]);
  });

  it('drops a source file path that leaves the map folder, with a warning', () => {
    for (const file of ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', 'file:///etc/passwd', 'sources/../../x']) {
      const map = sampleMap();
      map.sources[0]!['file'] = file;
      const { map: model, warnings } = loaded(loadMapText(toJson(map)));
      expect(model.sources[0]?.file, file).toBeUndefined();
      expect(warnings.map((warning) => warning.pointer)).toEqual(['/sources/0/file']);
    }
  });
});

describe('formatProblem', () => {
  it.each<[Problem, string | undefined, string]>([
    [{ severity: 'error', message: 'unexpected end of input', line: 3, column: 14 }, 'map.json', 'map.json:3:14: error: unexpected end of input'],
    [{ severity: 'error', message: 'must be object', pointer: '/nodes/3/text' }, 'map.json', 'map.json: /nodes/3/text: error: must be object'],
    [
      { severity: 'error', message: 'duplicate id "n1" (first at /nodes/1/id)', pointer: '/nodes/4/id', line: 9, column: 7, id: 'n1' },
      'map.json',
      'map.json:9:7: /nodes/4/id: error: duplicate id "n1" (first at /nodes/1/id)',
    ],
    [{ severity: 'error', message: 'the top level must be an object', pointer: '' }, 'map.json', 'map.json: /: error: the top level must be an object'],
    [{ severity: 'warning', message: 'the file is empty' }, 'map.json', 'map.json: warning: the file is empty'],
    [{ severity: 'error', message: 'bad', line: 2, column: 5 }, undefined, '2:5: error: bad'],
    [{ severity: 'error', message: 'bad' }, undefined, 'error: bad'],
  ])('formats %j in one line', (problem, fileName, expected) => {
    expect(formatProblem(problem, fileName)).toBe(expected);
  });

  it('shows bidi controls, line breaks and zero-width characters escaped, in the message and the file name', () => {
    const problem: Problem = { severity: 'error', message: 'duplicate id "a\u202Eb\u200B"\nnext', pointer: '/nodes/0/id' };
    expect(formatProblem(problem, 'evil\u202Enosj.json')).toBe('evil\\u202Enosj.json: /nodes/0/id: error: duplicate id "a\\u202Eb\\u200B"\\u000Anext');
  });

  it('quotes ids in messages escaped and cut to a readable length', () => {
    const map = sampleMap();
    const longId = `\u202E${'x'.repeat(150)}`;
    map.nodes[0]!['id'] = longId;
    map.nodes[1]!['id'] = longId;
    const [problem] = problemsOf(loadMapText(toJson(map)));
    expect(problem?.message).toBe(`duplicate id "\\u202E${'x'.repeat(79)}…" (first at /nodes/0/id)`);
    expect(problem?.id).toBe(longId);
  });
});
