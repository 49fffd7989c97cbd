/** The YAML of Argdown's front matter and `{…}` data, read by the `yaml` package under safe settings. */

import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_EXPANSION, MAX_YAML_ALIASES, MAX_YAML_DEPTH, parseYamlDocument, parseYamlFlowMapping, type YamlValue } from '../../src/core/formats/argdown/yaml.ts';

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
    expect(parseYamlDocument('a: 1\na: 2\n')).toEqual({ ok: false, message: 'a key is given twice (keys must be unique)', offset: 5 });
    expect(parseYamlDocument('a: "never closed\n')).toMatchObject({ ok: false, message: expect.stringContaining('quote'), offset: 3 });
    expect(parseYamlDocument('a:\n    b: 1\n  c: 2\n')).toMatchObject({ ok: false, message: expect.stringContaining('same column'), offset: 12 });
    expect(parseYamlDocument('a: one\n  b: two\n')).toMatchObject({ ok: false, offset: 3 });
  });

  it('reads no tags: neither custom ones nor those beyond the core schema', () => {
    for (const source of ['a: !foo x\n', 'a: !!binary aGk=\n', 'a: !!str 1\n', 'a: !!js/function "x"\n', 'a: !!set {b}\n', 'a: !!timestamp 2001-12-14\n']) {
      expect(parseYamlDocument(source), source).toMatchObject({ ok: false, message: expect.stringContaining('tags such as !') });
    }
    expect(documentValue('a: 2001-12-14\n<<: {b: 1}\n')).toEqual({ a: '2001-12-14', '<<': { b: 1 } });
  });

  it('reads aliases within a budget, and refuses a "billion laughs" document', () => {
    expect(documentValue('a: &x {b: [1, 2]}\nc: *x\n')).toEqual({ a: { b: [1, 2] }, c: { b: [1, 2] } });
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = String.fromCharCode(0x61 + index);
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    expect(parseYamlDocument(`${laughs.join('\n')}\n`)).toMatchObject({ ok: false, message: expect.stringMatching(/aliases/) });
    const wide = ['a: &a [' + Array(200).fill('x').join(',') + ']', ...Array.from({ length: 60 }, (_, index) => `k${index}: *a`)].join('\n');
    expect(parseYamlDocument(wide)).toMatchObject({ ok: false, message: expect.stringContaining(`${MAX_ALIAS_EXPANSION} values`) });
    const many = ['a: &a 1', ...Array.from({ length: MAX_YAML_ALIASES + 1 }, (_, index) => `k${index}: *a`)].join('\n');
    expect(parseYamlDocument(many)).toMatchObject({ ok: false, message: expect.stringContaining(`${MAX_YAML_ALIASES} aliases`) });
    expect(parseYamlDocument('a: &a [*a]\n')).toMatchObject({ ok: false });
  });

  it('refuses nesting deeper than the cap instead of recursing on', () => {
    const deep = `${'['.repeat(MAX_YAML_DEPTH + 5)}${']'.repeat(MAX_YAML_DEPTH + 5)}`;
    expect(parseYamlDocument(`a: ${deep}\n`)).toMatchObject({ ok: false, message: expect.stringContaining('nested deeper') });
    expect(parseYamlDocument(`a: ${'['.repeat(100_000)}\n`)).toMatchObject({ ok: false, message: expect.stringContaining('nested deeper') });
    expect(parseYamlDocument(`${'- '.repeat(100_000)}x\n`)).toMatchObject({ ok: false, message: expect.stringContaining('nested deeper') });
    const stairs = Array.from({ length: 5000 }, (_, index) => `${' '.repeat(index)}k:`).join('\n');
    expect(parseYamlDocument(`${stairs} x\n`)).toMatchObject({ ok: false, message: expect.stringContaining('nested deeper') });
    expect(documentValue(`a: "${'['.repeat(1000)}"\n`)).toEqual({ a: '['.repeat(1000) });
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
