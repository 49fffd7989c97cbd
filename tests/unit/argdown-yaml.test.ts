/** The YAML subset of Argdown's front matter and `{…}` data. */

import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseYamlDocument, parseYamlFlowMapping, type YamlValue } from '../../src/core/formats/argdown/yaml.ts';

/** Maps as plain objects, for readable expectations (own properties, so `__proto__` shows as a key). */
function plain(value: YamlValue): unknown {
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of value) Object.defineProperty(object, key, { value: plain(item), enumerable: true });
    return object;
  }
  return Array.isArray(value) ? value.map(plain) : value;
}

function documentValue(source: string): unknown {
  const result = parseYamlDocument(source);
  if (!result.ok) throw new Error(`${result.message} at ${result.offset}`);
  return plain(result.value);
}

function dataValue(source: string): unknown {
  const result = parseYamlFlowMapping(source);
  if (!result.ok) throw new Error(`${result.message} at ${result.offset}`);
  return plain(result.value);
}

describe('front matter documents', () => {
  it('reads nested block mappings, sequences and comments', () => {
    const source = [
      'title: A Document with a Header',
      '# if there are several authors you can use an array:',
      'author:',
      '    - Michael Schefczyk (argument analysis)',
      '    - Gregor Betz',
      'color:',
      '    tagColors:',
      '        pro: 0',
      '        tag-1: {color: "#169b89", priority: 2}',
      'groupColorScheme:',
      '- "#fff2ae"',
      '',
    ].join('\n');
    expect(documentValue(source)).toEqual({
      title: 'A Document with a Header',
      author: ['Michael Schefczyk (argument analysis)', 'Gregor Betz'],
      color: { tagColors: { pro: 0, 'tag-1': { color: '#169b89', priority: 2 } } },
      groupColorScheme: ['#fff2ae'],
    });
  });

  it('folds plain scalars over lines and reads > and | block scalars', () => {
    expect(documentValue('title: A Stylized Reconstruction \n    That led Ignaz Semmelweis  \nauthor: G')).toEqual({
      title: 'A Stylized Reconstruction That led Ignaz Semmelweis',
      author: 'G',
    });
    expect(documentValue('abstract: >\n    Demonstrating the use\n    of meta data\nliteral: |-\n  a\n  b\n')).toEqual({
      abstract: 'Demonstrating the use of meta data\n',
      literal: 'a\nb',
    });
  });

  it('reads flow collections over several lines, and compact mappings in lists', () => {
    expect(documentValue('group:\n    regroup:  [{\n            title: "first",\n            statements: ["s1"]\n            }]\n')).toEqual({
      group: { regroup: [{ title: 'first', statements: ['s1'] }] },
    });
    expect(documentValue('steps:\n  - caption: one\n    focus: [a, b]\n  - caption: two\n')).toEqual({
      steps: [{ caption: 'one', focus: ['a', 'b'] }, { caption: 'two' }],
    });
  });

  it('resolves null, booleans and finite numbers; everything else is a string', () => {
    expect(documentValue('a: ~\nb: true\nc: False\nd: -1.5e2\ne: 0x1F\nf: 19/10/2018\ng: .inf\nh:\n')).toEqual({
      a: null,
      b: true,
      c: false,
      d: -150,
      e: 31,
      f: '19/10/2018',
      g: '.inf',
      h: null,
    });
  });

  it('reads quoted scalars with their escapes', () => {
    expect(documentValue('a: "x \\u003d \\"q\\" \\U0001F600 \\n"\nb: \'it\'\'s # no comment\'\n')).toEqual({ a: 'x = "q" 😀 \n', b: "it's # no comment" });
  });

  it('is empty (null) for a front matter without content', () => {
    expect(documentValue('# only a comment\n\n')).toBeNull();
  });

  it('keeps __proto__ and constructor as ordinary keys', () => {
    const result = parseYamlDocument('__proto__:\n  polluted: true\nconstructor: {prototype: {x: 1}}\n');
    expect(result.ok && result.value instanceof Map && [...result.value.keys()]).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('problems', () => {
  it('gives the offset of the first problem', () => {
    expect(parseYamlDocument('a: 1\na: 2\n')).toEqual({ ok: false, message: 'duplicate key "a"', offset: 5 });
    expect(parseYamlDocument('a: "never closed\n')).toMatchObject({ ok: false, offset: 3 });
    expect(parseYamlDocument('a:\n    b: 1\n  c: 2\n')).toMatchObject({ ok: false, message: expect.stringContaining('indented'), offset: 14 });
    expect(parseYamlDocument('a: one\n  b: two\n')).toMatchObject({ ok: false, message: expect.stringContaining('quote it') });
    expect(parseYamlDocument('a: &anchor 1\n')).toMatchObject({ ok: false, message: expect.stringContaining('anchors') });
  });

  it('refuses nesting deeper than the cap instead of recursing on', () => {
    const deep = `${'['.repeat(MAX_YAML_DEPTH + 5)}${']'.repeat(MAX_YAML_DEPTH + 5)}`;
    expect(parseYamlDocument(`a: ${deep}\n`)).toMatchObject({ ok: false, message: expect.stringContaining('nested deeper') });
    expect(parseYamlDocument(`a: ${'['.repeat(100_000)}\n`)).toMatchObject({ ok: false });
  });
});

describe('inline data', () => {
  it('reads the data of Argdown statements and inferences', () => {
    expect(dataValue('{source: "C1a"}')).toEqual({ source: 'C1a' });
    expect(dataValue('{uses: [1,2,3], rule: ["specification", "modus ponens"]}')).toEqual({ uses: [1, 2, 3], rule: ['specification', 'modus ponens'] });
    expect(dataValue('{proponent: Donald Duck}')).toEqual({ proponent: 'Donald Duck' });
    expect(dataValue('{sources: [\n    "Nietzsche, Thus Spoke Zarathustra",\n    "Mainländer"\n]}')).toEqual({ sources: ['Nietzsche, Thus Spoke Zarathustra', 'Mainländer'] });
    expect(dataValue('{isGroup: false, a, b: }')).toEqual({ isGroup: false, a: null, b: null });
  });

  it('reads JSON, as argmap writes it', () => {
    expect(dataValue('{"argmap": {"id": "x\\u005d", "position": {"x": -1.5, "y": 3e5}}}')).toEqual({ argmap: { id: 'x]', position: { x: -1.5, y: 300000 } } });
  });

  it('refuses what is not one mapping', () => {
    expect(parseYamlFlowMapping('{depends on: [1,2]; uses: [1,2]}')).toMatchObject({ ok: false, offset: 18 });
    expect(parseYamlFlowMapping('[1, 2]')).toMatchObject({ ok: false });
    expect(parseYamlFlowMapping('{a: 1} b')).toMatchObject({ ok: false });
  });
});
