import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, parseJson, type ParseResult } from '../../src/core/json/parse-json.ts';
import { childPointer, lastSegment, locatePointer } from '../../src/core/json/pointer.ts';
import type { Problem } from '../../src/core/problems.ts';

function parsed(text: string): Extract<ParseResult, { ok: true }> {
  const result = parseJson(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${JSON.stringify(result.problems)}`);
  return result;
}

/** The only problem of a text that must not parse. */
function onlyProblem(text: string): Problem {
  const result = parseJson(text);
  if (result.ok) throw new Error(`expected ${text} not to parse`);
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
}

describe('parseJson values', () => {
  it('reads every kind of value as JSON.parse does', () => {
    const text = '{"a": [1, -2.5e3, 0, -0.125, true, false, null], "s": "x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u4E2D😀", "o": {"nested": {}} , "e": []}';
    expect(parsed(text).value).toEqual(JSON.parse(text));
  });

  it('parses top-level scalars (the map stage, not the parser, requires an object)', () => {
    expect(parsed(' null ').value).toBeNull();
    expect(parsed('"text"').value).toBe('text');
    expect(parsed('[1]').value).toEqual([1]);
  });

  it('keeps an escaped lone surrogate for the sanitizer to repair', () => {
    expect(parsed('["\\ud800x"]').value).toEqual(['\ud800x']);
  });

  it('stores "__proto__" as an own property without touching any prototype', () => {
    const { value } = parsed('{"__proto__": {"polluted": 1}, "a": {"__proto__": []}}');
    const root = value as Record<string, unknown>;
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(Object.hasOwn(root, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(root, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(Object.getPrototypeOf(root['a'])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseJson positions', () => {
  it('records where every entry starts: the key of a member, the value of an item', () => {
    const text = '{\n  "nodes": [\n    {"id": "n1"},\n    7\n  ]\n}';
    const { pointers } = parsed(text);
    expect(pointers.get('')).toEqual({ line: 1, column: 1 });
    expect(pointers.get('/nodes')).toEqual({ line: 2, column: 3 });
    expect(pointers.get('/nodes/0')).toEqual({ line: 3, column: 5 });
    expect(pointers.get('/nodes/0/id')).toEqual({ line: 3, column: 6 });
    expect(pointers.get('/nodes/1')).toEqual({ line: 4, column: 5 });
  });

  it('escapes "~" and "/" in pointers (RFC 6901)', () => {
    const { pointers } = parsed('{"a/b": {"c~d": 1}}');
    expect([...pointers.keys()]).toEqual(['', '/a~1b', '/a~1b/c~0d']);
    expect(lastSegment('/a~1b/c~0d')).toBe('c~d');
    expect(childPointer('/x', 'a/b~')).toBe('/x/a~1b~0');
  });

  it('counts CRLF, LF and a lone CR as one line break each', () => {
    const { pointers } = parsed('{\r\n"a": 1,\n"b": 2,\r"c": 3}');
    expect(pointers.get('/a')).toEqual({ line: 2, column: 1 });
    expect(pointers.get('/b')).toEqual({ line: 3, column: 1 });
    expect(pointers.get('/c')).toEqual({ line: 4, column: 1 });
  });

  it('locates a pointer that is not in the file at its nearest ancestor', () => {
    const { pointers } = parsed('{\n  "nodes": [{}]\n}');
    expect(locatePointer(pointers, '/nodes/0/kind')).toEqual({ line: 2, column: 13 });
    expect(locatePointer(pointers, '/missing/deeper')).toEqual({ line: 1, column: 1 });
  });
});

describe('parseJson errors', () => {
  it.each([
    ['', 1, 1],
    ['  \n\t ', 2, 3],
  ])('says an empty file (%j) is empty', (text, line, column) => {
    expect(onlyProblem(text)).toEqual({ severity: 'error', message: 'the file is empty', line, column });
  });

  it.each([
    ['{"nodes":[', 'unexpected end of input; expected a value', 1, 11],
    ['{"nodes":[1', 'unexpected end of input; expected "," or "]"', 1, 12],
    ['{"nodes"', 'unexpected end of input; expected ":"', 1, 9],
    ['{"no', 'unexpected end of input inside a string', 1, 5],
    ['{\n  "a": 1,\n', 'unexpected end of input; expected a key in double quotes', 3, 1],
  ])('reports truncated input %j at its end', (text, message, line, column) => {
    expect(onlyProblem(text)).toMatchObject({ message, line, column });
  });

  it.each([
    ['{"a": NaN}', 'NaN is not allowed in JSON; numbers must be finite', 7],
    ['{"a": Infinity}', 'Infinity is not allowed in JSON; numbers must be finite', 7],
    ['{"a": -Infinity}', '-Infinity is not allowed in JSON; numbers must be finite', 7],
    ['{"a": 1e400}', 'number "1e400" is too large', 7],
    ['{"a": -1e999}', 'number "-1e999" is too large', 7],
    ['{"a": 01}', 'invalid number "01"', 7],
    ['{"a": 1.}', 'invalid number "1."', 7],
    ['{"a": .5}', 'invalid number ".5"', 7],
    ['{"a": +1}', 'invalid number "+1"', 7],
    ['{"a": 0x1F}', 'invalid number "0x1F"', 7],
    ['{"a": undefined}', 'unexpected word "undefined"; JSON values are objects, arrays, strings, numbers, true, false and null', 7],
    ['{"a": True}', 'unexpected word "True"; JSON values are objects, arrays, strings, numbers, true, false and null', 7],
  ])('rejects the bad literal in %j at its start', (text, message, column) => {
    expect(onlyProblem(text)).toEqual({ severity: 'error', message, line: 1, column });
  });

  it.each([
    ['{"a": 1 // note\n}', 9],
    ['{/* note */"a": 1}', 2],
    ['{"a": 1}\n// trailing note', 1],
  ])('rejects the comment in %j', (text, column) => {
    expect(onlyProblem(text)).toMatchObject({ message: 'comments are not allowed in JSON', column });
  });

  it.each([
    ['{"a": 1,}', 'trailing comma before "}"', 8],
    ['[1, 2, ]', 'trailing comma before "]"', 6],
  ])('rejects the trailing comma in %j at the comma', (text, message, column) => {
    expect(onlyProblem(text)).toEqual({ severity: 'error', message, line: 1, column });
  });

  it.each([
    ["{'a': 1}", 'strings must be in double quotes, not single quotes', 2],
    ["{\"a\": 'b'}", 'strings must be in double quotes, not single quotes', 7],
    ['{a: 1}', 'object keys must be strings in double quotes', 2],
    ['[1 2]', 'unexpected "2"; expected "," or "]"', 4],
    ['[1,,2]', 'unexpected ","; expected a value', 4],
    ['{"a" 1}', 'unexpected "1"; expected ":"', 6],
    ['{"a": 1} {}', 'unexpected content after the end of the JSON value', 10],
    ['"a\tb"', 'control character U+0009 must be escaped in a string', 3],
    ['["a\nb"]', 'line break inside a string (is a closing " missing?)', 4],
    ['["\\x"]', 'invalid escape "\\\\x" in a string', 3],
    ['["\\u12G4"]', 'invalid escape "\\\\u12G4" in a string', 3],
    ['[\u202E1]', 'unexpected "\\u202E"; expected a value', 2],
  ])('rejects %j with a located, named error', (text, message, column) => {
    expect(onlyProblem(text)).toEqual({ severity: 'error', message, line: 1, column });
  });

  it('reports every duplicate key with both locations', () => {
    const text = '{\n  "id": "n1",\n  "kind": "claim",\n  "id": "n2",\n  "kind": "evidence"\n}';
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { severity: 'error', message: 'duplicate key "id" (first at 2:3)', pointer: '/id', line: 4, column: 3 },
      { severity: 'error', message: 'duplicate key "kind" (first at 3:3)', pointer: '/kind', line: 5, column: 3 },
    ]);
  });

  it('reports duplicate keys found before a syntax error, then the syntax error', () => {
    const result = parseJson('{"a": 1, "a": 2, ');
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'duplicate key "a" (first at 1:2)',
      'unexpected end of input; expected a key in double quotes',
    ]);
  });

  it(`accepts ${MAX_NESTING_DEPTH} levels of nesting and refuses one more at the opening bracket`, () => {
    expect(parseJson('['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH)).ok).toBe(true);
    const tooDeep = '['.repeat(MAX_NESTING_DEPTH + 1) + ']'.repeat(MAX_NESTING_DEPTH + 1);
    expect(onlyProblem(tooDeep)).toEqual({ severity: 'error', message: 'nesting deeper than 64 levels', line: 1, column: MAX_NESTING_DEPTH + 1 });
  });

  it('refuses 200,000 levels of nesting without overflowing the stack', () => {
    const depth = 200_000;
    const text = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    expect(onlyProblem(text)).toEqual({ severity: 'error', message: 'nesting deeper than 64 levels', line: 1, column: 5 * MAX_NESTING_DEPTH + 1 });
  });
});
