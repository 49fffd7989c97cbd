/** Stage 4 of the Argdown reader: the ArgMap made from the Argdown model. */

import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { detectLanguage, slugify } from '../../src/core/formats/argdown/to-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';

function imported(text: string): { map: ArgMap; warnings: Problem[] } {
  const { map, problems } = parseArgdown(text);
  if (map === undefined) throw new Error(`expected a map: ${problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return { map, warnings: problems };
}

function mapOf(text: string): ArgMap {
  return imported(text).map;
}

/** Edges as `from kind to` (an undercut names the edge it attacks as `[from→to]`). */
function edges(map: ArgMap): string[] {
  const byId = new Map(map.edges.map((edge) => [edge.id, edge]));
  return map.edges.map((edge) => {
    const target = edge.kind === 'undercut' ? byId.get(edge.to) : undefined;
    const to = target === undefined ? edge.to : `[${target.from}→${target.to}]`;
    return `${edge.from} ${edge.kind} ${to}${edge.group === undefined ? '' : ` (${edge.group})`}`;
  });
}

describe('nodes', () => {
  it('makes one node per equivalence class and per argument, ids slugged from the titles', () => {
    const map = mapOf('[Bubbles impossible]: text\n  + <Bubbles impossible>: same title, other node\n  - untitled text\n  + [Ärger über "Fälle"]: umlauts');
    expect(map.nodes.map((node) => node.id)).toEqual(['bubbles-impossible', 'bubbles-impossible-2', 'untitled-1', 'ärger-über-fälle']);
  });

  it('keeps ids such as __proto__ apart, and caps long ones', () => {
    const map = mapOf(`[__proto__]: a\n  + [constructor]: b\n  + [${'long '.repeat(40)}]: c\n  + [***]: d`);
    expect(map.nodes.map((node) => node.id)).toEqual(['proto', 'constructor', slugify('long '.repeat(40)), 'node']);
    expect(slugify('long '.repeat(40))).toHaveLength(64);
  });

  it('orders nodes by their first definition', () => {
    expect(mapOf('[b]\n  + [a]\n\n[a]: A\n\n[b]: B').nodes.map((node) => node.id)).toEqual(['a', 'b']);
  });

  it("uses Argdown's canonical text: the definition marked isCanonical, else the last one, else the title", () => {
    const map = mapOf('[s]\n\n[s]: the text\n\n[s]: another text\n\n<a>\n  + [t]\n\n[u]: first {isCanonical: true}\n\n[u]: second');
    expect(map.nodes.map((node) => [node.id, node.text.en])).toEqual([
      ['s', 'another text'],
      ['a', 'a'],
      ['t', 't'],
      ['u', 'first'],
    ]);
  });

  it('makes a node tagged #question a question, without that tag', () => {
    const map = mapOf('[q]: Who wins? #question #core\n  + [a]: Big labs');
    expect(map.nodes[0]).toMatchObject({ kind: 'question', tags: ['core'] });
    expect(map.nodes[1]).toMatchObject({ kind: 'claim' });
    expect(edges(map)).toEqual(['a answer q']);
  });

  it('keeps the heading a node is defined under as its section', () => {
    const map = mapOf('[a]: before\n\n# Part one #h\n\n[b]: in part one\n\n## Two\n\n[a]\n  + <c>: in two');
    expect(map.nodes.map((node) => [node.id, node.section])).toEqual([
      ['a', undefined],
      ['b', 'Part one'],
      ['c', 'Two'],
    ]);
  });

  it('keeps hostile text as it is written', () => {
    expect(mapOf('[x]: <script>alert(1)</script>').nodes[0]?.text.en).toBe('<script>alert(1)</script>');
  });
});

describe('language', () => {
  it('puts text in en, or in zh when most letters are CJK', () => {
    expect(mapOf('[a]: Large models burn money').nodes[0]?.text).toEqual({ en: 'Large models burn money' });
    expect(mapOf('[a]: 大模型“烧钱”已成为业内共识 (AI)\n  + [b]: 资本门槛高').nodes.map((node) => node.text)).toEqual([{ zh: '大模型“烧钱”已成为业内共识 (AI)' }, { zh: '资本门槛高' }]);
    expect(detectLanguage(['中文 and a few more English words'])).toBe('en');
  });

  it('follows the front matter lang, and warns about one it does not know', () => {
    expect(mapOf('===\nlang: zh-Hans\n===\n\n[a]: English words').nodes[0]?.text).toEqual({ zh: 'English words' });
    const { map, warnings } = imported('===\nlang: fr\n===\n\n[a]: mots');
    expect(map.nodes[0]?.text).toEqual({ en: 'mots' });
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 1 })]);
  });
});

describe('edges', () => {
  it('maps supports and attacks, and a contradiction to two attacks', () => {
    const map = mapOf('[a]\n  + [b]\n  - [c]\n  >< [d]\n  -> [d]');
    expect(edges(map)).toEqual(['b support a', 'c attack a', 'a attack d', 'd attack a']);
    expect(new Set(map.edges.map((edge) => edge.id)).size).toBe(4);
  });

  it('maps strict mode entails and contrary as support and two attacks', () => {
    expect(edges(mapOf('===\nmodel: {mode: strict}\n===\n\n[a]\n  + [b]\n  - [c]'))).toEqual(['b support a', 'c attack a', 'a attack c']);
  });

  it('makes premises support each conclusion as a linked group, and the argument its main conclusion', () => {
    const map = mapOf('<A>: desc\n\n(1) p1\n(2) p2\n-- Modus ponens, Specification --\n(3) c1\n(4) p3\n----\n(5) [C]');
    expect(edges(map)).toEqual(['untitled-1 support untitled-3 (a-step-1)', 'untitled-2 support untitled-3 (a-step-1)', 'untitled-3 support c (a)', 'untitled-4 support c (a)', 'a support c']);
    expect(map.edges.map((edge) => edge.scheme)).toEqual(['Modus ponens, Specification', 'Modus ponens, Specification', undefined, undefined, undefined]);
  });

  it('takes the premises an inference names in {uses: …}', () => {
    const map = mapOf('<A>\n\n(1) p1\n(2) p2\n(3) p3\n--\n{uses: [1, 3]}\n--\n(4) c');
    expect(edges(map).slice(0, 2)).toEqual(['untitled-1 support untitled-4 (a)', 'untitled-3 support untitled-4 (a)']);
    const { warnings } = imported('<A>\n\n(1) p1\n--\n{uses: [7]}\n--\n(2) c');
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', line: 4, message: expect.stringContaining('uses') })]);
  });

  it('lets a reconstructed argument speak through its conclusion', () => {
    expect(edges(mapOf('[s4]\n  <+ <a>\n\n<a>\n\n(1) s1\n----\n(2) s3'))).toEqual(['untitled-1 support untitled-2 (a)', 'a support untitled-2', 'untitled-2 support s4']);
  });

  it('undercuts the edge from a reconstructed argument to its conclusion', () => {
    const map = mapOf('<a>\n  <_ <b>\n\n<a>\n\n(1) s1\n----\n(2) s2');
    expect(edges(map)).toEqual(['untitled-1 support untitled-2 (a)', 'a support untitled-2', 'b undercut [a→untitled-2]']);
  });

  it('undercuts an intermediate inference at its first premise edge', () => {
    const map = mapOf('<a>\n\n(1) s1\n(2) s2\n-----\n    <_ <b>\n(3) s3\n----\n(4) s4');
    expect(edges(map)).toContain('b undercut [untitled-1→untitled-3]');
  });

  it('reads `_ <B>` in a relation list as an undercut, as `<_ <B>`', () => {
    expect(edges(mapOf('[s]\n  + <a>\n    _ <b>'))).toEqual(['a support s', 'b undercut [a→s]']);
    const map = mapOf('<a>\n  _ <b>\n\n<a>\n\n(1) s1\n----\n(2) s2');
    expect(edges(map)).toEqual(['untitled-1 support untitled-2 (a)', 'a support untitled-2', 'b undercut [a→untitled-2]']);
  });

  it('takes {uses: …} written on the conclusion', () => {
    const map = mapOf('<A>\n\n(1) p1\n(2) p2\n(3) p3\n----\n(4) c {uses: [1, 3]}');
    expect(edges(map)).toEqual(['untitled-1 support untitled-4 (a)', 'untitled-3 support untitled-4 (a)', 'a support untitled-4']);
  });

  it('reads list items as statements of their own, with their relations', () => {
    const map = mapOf("1. [Slogan]: God is dead.\n2. [Design]: The world is designed.\n    - [Chance]: It is chance.\n* <Proof>: A proof.");
    expect(map.nodes.map((node) => [node.id, node.text.en])).toEqual([
      ['slogan', 'God is dead.'],
      ['design', 'The world is designed.'],
      ['chance', 'It is chance.'],
      ['proof', 'A proof.'],
    ]);
    expect(edges(map)).toEqual(['chance attack design']);
  });

  it('undercuts the first outgoing edge of an argument without reconstruction', () => {
    expect(edges(mapOf('[s]\n  + <a>\n    <_ <b>'))).toEqual(['a support s', 'b undercut [a→s]']);
  });

  it('reads an undercut with nothing to undercut as an attack, with a warning', () => {
    const { map, warnings } = imported('<a>\n    <_ <b>');
    expect(edges(map)).toEqual(['b attack a']);
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 5, message: expect.stringContaining('read as an attack') })]);
  });

  it('leaves out a relation of a node with itself, with a warning', () => {
    const { map, warnings } = imported('[a]: x\n  + [a]');
    expect(map.edges).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 3 })]);
  });
});

describe('front matter', () => {
  it('takes the map title from the front matter, else the first heading', () => {
    expect(mapOf('===\ntitle: >\n  A first example\n===\n\n[a]: x').title).toEqual({ en: 'A first example' });
    expect(mapOf('# Heading title\n\n[a]: x').title).toEqual({ en: 'Heading title' });
    expect(mapOf('[a]: x').title).toEqual({ en: 'Argdown map' });
  });

  it('ignores keys it does not know and merges nothing, whatever their names', () => {
    const { map, warnings } = imported('===\n__proto__:\n  polluted: true\nconstructor: {prototype: {polluted: true}}\ncolor: {colorScheme: x}\n===\n\n[a]: x');
    expect(warnings).toEqual([]);
    expect(map.nodes).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });

  it('locates a problem of argmap front matter at its key', () => {
    const { map, problems } = parseArgdown('===\ntitle: t\nargmap-actors:\n  - {"id": "a", "name": {"en": "A"}, "colour": "red"}\n===\n\n[a]: x');
    expect(map).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 1, message: expect.stringContaining('colour') })]);
    expect(problems[0]?.pointer).toBeUndefined();
  });

  it('keeps titles that the ids do not show, for writing Argdown back', () => {
    expect(mapOf('[Bubbles impossible]: x\n  + [b]: y\n  + untitled').extensions?.get('argdown')).toEqual({ titles: { 'bubbles-impossible': 'Bubbles impossible' } });
  });
});

describe('problems of the finished map', () => {
  it('locates a text over the length limit at its statement', () => {
    const { map, problems } = parseArgdown(`[a]: short\n\n[b]: ${'x'.repeat(10_001)}`);
    expect(map).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 1, message: expect.stringContaining('longer than the limit') })]);
  });

  it('drops an actor or quote source that the front matter does not list, with a warning', () => {
    const { map, warnings } = imported('[a]: x {"argmap": {"actor": "nobody", "quote": {"source": "nowhere", "text": "q"}}}');
    expect(map.nodes[0]).toEqual({ id: 'a', kind: 'claim', text: { en: 'x' } });
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('"nobody"'), expect.stringContaining('"nowhere"')]);
  });

  it('repairs control characters in text with a located warning, as for JSON maps', () => {
    const { map, warnings } = imported('[a]: bad \u0007 bell');
    expect(map.nodes[0]?.text.en).toBe('bad \uFFFD bell');
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: 1 })]);
  });
});
