/**
 * Hostile Argdown (shared/reference/hostile-inputs.md, the items that apply to a text format):
 * empty text, byte order mark, size limit, deep nesting, very long lines, markup in text,
 * `__proto__` everywhere, front matter settings. Reading never throws; refusals are located.
 */

import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { tokenize } from '../../src/core/formats/argdown/lexer.ts';
import { MAX_RELATION_DEPTH, parseTokens } from '../../src/core/formats/argdown/parser.ts';
import { MAX_FILE_BYTES } from '../../src/core/load-map.ts';

/** A statement with a chain of `depth` supports, each indented one space deeper. */
function chain(depth: number): string {
  const lines = ['root'];
  for (let level = 1; level <= depth; level += 1) lines.push(`${' '.repeat(level)}+ s${level}`);
  return lines.join('\n');
}

describe('empty and oversized text', () => {
  it.each(['', '   \n\t\n', '// only a comment\n<!-- and another -->'])('refuses %j as empty', (text) => {
    expect(parseArgdown(text)).toEqual({ problems: [expect.objectContaining({ severity: 'error', message: expect.stringContaining('empty') })] });
  });

  it('refuses text over the size limit before reading it', () => {
    expect(parseArgdown('x'.repeat(MAX_FILE_BYTES + 1))).toEqual({ problems: [expect.objectContaining({ severity: 'error', message: expect.stringContaining('too large') })] });
  });

  it('drops a byte order mark; positions stay those an editor shows', () => {
    expect(parseArgdown('\uFEFF[a]: x').map?.nodes.map((node) => node.id)).toEqual(['a']);
    expect(parseArgdown('\uFEFFa\n\n+ b').problems).toEqual([expect.objectContaining({ line: 3, column: 1 })]);
  });
});

describe('deep nesting', () => {
  it('reads 10,000 nested relation levels without overflowing the stack, refusing those past the cap', () => {
    const text = chain(10_000);
    expect(text.length).toBeGreaterThan(MAX_FILE_BYTES);
    expect(parseArgdown(text).problems).toEqual([expect.objectContaining({ message: expect.stringContaining('too large') })]);
    const { problems } = parseTokens(tokenize(text));
    expect(problems).toEqual([{ severity: 'error', message: `relations are nested more than ${MAX_RELATION_DEPTH} levels deep`, line: 1002, column: 1002 }]);
  });

  it('refuses a text within the size limit that nests past the cap, with the line', () => {
    const { map, problems } = parseArgdown(chain(5_000));
    expect(map).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: MAX_RELATION_DEPTH + 2 })]);
  });

  it('reads a chain as deep as the cap into a map', () => {
    const { map } = parseArgdown(chain(MAX_RELATION_DEPTH));
    expect(map?.nodes).toHaveLength(MAX_RELATION_DEPTH + 1);
    expect(map?.edges).toHaveLength(MAX_RELATION_DEPTH);
  });
});

describe('wide trees', () => {
  it('reads a statement with 200,000 relation lines, refusing the map only for its node count', () => {
    const text = `root\n${Array.from({ length: 200_000 }, (_, index) => `  + s${index}`).join('\n')}`;
    expect(parseArgdown(text).problems).toEqual([{ severity: 'error', message: 'nodes: has 200001 items; the limit is 100000' }]);
  }, 30_000);
});

describe('long lines', () => {
  it('reads a long statement within the text limit', () => {
    expect(parseArgdown(`[a]: ${'word '.repeat(1_900)}end`).map?.nodes[0]?.text.en).toHaveLength(9_503);
  });

  it('refuses a statement past the text limit of a map, at its line', () => {
    expect(parseArgdown(`[a]: fine\n\n[b]: ${'x'.repeat(1_000_000)}`).problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 3, column: 1, message: expect.stringContaining('longer than the limit') }),
    ]);
  });

  it('reads a megabyte line of markup characters quickly', () => {
    const started = performance.now();
    const { problems } = parseArgdown(`[a]: ${'[<@#*_{'.repeat(150_000)}`);
    expect(problems.some((problem) => problem.message.startsWith('internal'))).toBe(false);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('markup and keys', () => {
  it('keeps script and HTML in text and titles as inert text', () => {
    const { map } = parseArgdown('[<script>alert(1)</script>]: <img src=x onerror=alert(1)>\n  + <</script>>: ]]> & &amp;');
    expect(map?.nodes.map((node) => [node.id, node.text.en])).toEqual([
      ['script-alert-1-script', '<img src=x onerror=alert(1)>'],
      ['script', ']]> & &amp;'],
    ]);
    expect(map?.extensions?.get('argdown')).toEqual({ titles: { 'script-alert-1-script': '<script>alert(1)</script>', script: '</script>' } });
  });

  it('takes __proto__, constructor and toString as titles, ids and data keys without touching any prototype', () => {
    const text = [
      '===',
      '__proto__: {polluted: true}',
      'argmap-actors:',
      '  - {"id": "__proto__", "name": {"en": "Proto"}}',
      '===',
      '',
      '[__proto__]: a {"argmap": {"id": "__proto__", "actor": "__proto__"}, "__proto__": {"polluted": true}}',
      '  + <constructor>: b',
      '  - [toString]: c {"argmap-edge": {"id": "constructor-edge"}}',
    ].join('\n');
    const { map, problems } = parseArgdown(text);
    expect(problems).toEqual([]);
    expect(map?.nodes.map((node) => [node.id, node.actor])).toEqual([
      ['__proto__', '__proto__'],
      ['constructor', undefined],
      ['tostring', undefined],
    ]);
    expect(map?.edges.map((edge) => edge.id)).toEqual(['e-1', 'constructor-edge']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads only the front matter keys it knows, whatever else is there', () => {
    const { map, problems } = parseArgdown('===\ntitle: T\ncolor: {colorScheme: "javascript:alert(1)"}\ndot: {graphVizSettings: {rankdir: LR}}\n===\n\n[a]: x');
    expect(problems).toEqual([]);
    expect(map?.title).toEqual({ en: 'T' });
    expect(Object.keys(map ?? {})).toEqual(['schemaVersion', 'title', 'sources', 'actors', 'nodes', 'edges']);
  });

  it('ignores a hostile {argmap: …} that is not the expected shape, with warnings', () => {
    const { map, problems } = parseArgdown('[a]: x {"argmap": {"kind": "script", "lang": "xx", "tags": "not a list", "position": {"x": "1"}}}');
    expect(map?.nodes).toEqual([{ id: 'a', kind: 'claim', text: { en: 'x' } }]);
    expect(problems.map((problem) => problem.severity)).toEqual(['warning', 'warning']);
  });
});

describe('hostile YAML in front matter and data', () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const name of 'bcdefghi') laughs.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(',')}]`);

  it('ignores a "billion laughs" front matter with a located warning, and opens the map', () => {
    const { map, problems } = parseArgdown(`===\n${laughs.join('\n')}\n===\n\n[s]: text`);
    expect(map?.nodes.map((node) => node.id)).toEqual(['s']);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: expect.any(Number), column: expect.any(Number), message: expect.stringContaining('aliases') })]);
  });

  it('reads no tags and no merge keys in {…} data, and keeps 100,000 nested brackets from the parser', () => {
    const { problems } = parseArgdown(`[s]: text {a: !!js/function "x"}\n\n[t]: text {<<: {__proto__: {polluted: 1}}}\n\n[u]: text {a: ${'['.repeat(100_000)}}`);
    expect(problems.map((problem) => [problem.line, problem.message.match(/tags such as !!js\/function|nested deeper/)?.[0]])).toEqual([
      [1, 'tags such as !!js/function'],
      [5, 'nested deeper'],
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
