/** Stage 3 of the Argdown reader: equivalence classes, arguments, typed relations, sections, tags. */

import { describe, expect, it } from 'vitest';
import { parseArgdown, readArgdownModel } from '../../src/core/formats/argdown/index.ts';
import type { ArgdownModel, RelationEnd } from '../../src/core/formats/argdown/model.ts';

function model(text: string): ArgdownModel {
  const { model: built, problems } = readArgdownModel(text);
  if (built === undefined) throw new Error(problems.map((problem) => problem.message).join('\n'));
  return built;
}

function end(relationEnd: RelationEnd): string {
  if (relationEnd.kind === 'statement') return `[${relationEnd.title}]`;
  if (relationEnd.kind === 'argument') return `<${relationEnd.title}>`;
  return `<${relationEnd.argument}>#${relationEnd.index + 1}`;
}

function relations(text: string): string[] {
  return model(text).relations.map((relation) => `${end(relation.from)} ${relation.type} ${end(relation.to)}`);
}

describe('equivalence classes and arguments', () => {
  it('puts statements with one title into one class and numbers untitled ones in document order', () => {
    const built = model('[T]: one\n\nfree text\n  + <A>: desc\n    - more free text\n\n[T]: two\n\n<A>\n\n(1) premise\n----\n(2) [T]');
    expect([...built.statements.keys()]).toEqual(['T', 'Untitled 1', 'Untitled 2', 'Untitled 3']);
    expect(built.statements.get('T')?.members.map((member) => [member.text, member.role])).toEqual([
      ['one', 'top-level'],
      ['two', 'top-level'],
      ['', 'main-conclusion'],
    ]);
    expect([...built.arguments.keys()]).toEqual(['A']);
    expect(built.arguments.get('A')?.descriptions.map((member) => member.text)).toEqual(['desc', '']);
  });

  it('gives a premise–conclusion structure to the argument just before it, else to an untitled argument', () => {
    const built = model('<a>\n\n(1) s1\n(2) s2\n----\n(3) s3\n\n(1) p\n----\n(2) c');
    expect(built.arguments.get('a')?.pcs.map((statement) => [statement.title, statement.number, statement.role])).toEqual([
      ['Untitled 1', 1, 'premise'],
      ['Untitled 2', 2, 'premise'],
      ['Untitled 3', 3, 'main-conclusion'],
    ]);
    expect([...built.arguments.keys()]).toEqual(['a', 'Untitled 4']);
    expect(built.arguments.get('Untitled 4')?.isUntitled).toBe(true);
  });

  it('marks intermediary conclusions and keeps inference rules and data', () => {
    const argument = model('<a>\n\n(1) s1\n----\n(2) s2\n(3) s3\n-- Modus ponens {uses: [2,3]} --\n(4) s4').arguments.get('a');
    expect(argument?.pcs.map((statement) => statement.role)).toEqual(['premise', 'intermediary-conclusion', 'premise', 'main-conclusion']);
    expect(argument?.inferences.map((inference) => [inference.rules, inference.conclusionIndex, inference.data?.get('uses')])).toEqual([
      [[], 1, undefined],
      [['Modus ponens'], 3, [2, 3]],
    ]);
  });

  it('refuses an argument reconstructed twice, at the second structure, as Argdown does', () => {
    const text = '<a>\n\n(1) x\n----\n(2) y\n\n<a>\n\n(1) p\n----\n(2) q';
    expect(readArgdownModel(text).problems).toEqual([expect.objectContaining({ severity: 'error', line: 9, column: 1, message: expect.stringContaining('<a> is reconstructed twice') })]);
    expect(parseArgdown(text).map).toBeUndefined();
  });

  it("takes Argdown's canonical text: the last definition when its reading ends, after the relations under it", () => {
    const built = model('[D]: first\n  + [A]\n    + [D]: second\n\n<X>: one\n  + <X>: two');
    expect([built.statements.get('D')?.canonicalText, built.arguments.get('X')?.canonicalText]).toEqual(['first', 'one']);
  });

  it('merges tags and data of all members', () => {
    const statement = model('[s] #a {x: 1}\n\n[s]: text #b {y: 2}').statements.get('s');
    expect(statement?.tags).toEqual(['a', 'b']);
    expect(Object.fromEntries(statement?.data ?? [])).toEqual({ x: 1, y: 2 });
  });

  it('keeps titles such as __proto__ as plain keys', () => {
    const built = model('[__proto__]: one\n  + <constructor>: two');
    expect([...built.statements.keys()]).toEqual(['__proto__']);
    expect(relations('[__proto__]: one\n  + <constructor>: two')).toEqual(['<constructor> support [__proto__]']);
  });
});

describe('relations', () => {
  it('reads each relation symbol with its direction', () => {
    expect(relations('[p]\n  + [a]\n  <+ [b]\n  - [c]\n  <- [d]\n  +> [e]\n  -> [f]\n  >< [g]\n  _> <h>\n  <_ <i>')).toEqual([
      '[a] support [p]',
      '[b] support [p]',
      '[c] attack [p]',
      '[d] attack [p]',
      '[p] support [e]',
      '[p] attack [f]',
      '[p] contradictory [g]',
      '[p] undercut <h>',
      '<i> undercut [p]',
    ]);
  });

  it('keeps a relation written twice (or a contradiction written both ways) once', () => {
    expect(relations('[a]\n  + [b]\n\n[a]\n  <+ [b]\n\n[a]\n  >< [c]\n\n[c]\n  >< [a]')).toEqual(['[b] support [a]', '[a] contradictory [c]']);
  });

  it('lets a reconstructed argument speak through its main conclusion', () => {
    const text = '[s4]\n  <+ <a>\n  <- <b>\n\n<a>\n\n(1) s1\n----\n(2) [s3]\n\n[s3]\n  <+ <a>';
    // <a> supporting its own conclusion vanishes; <b> is not reconstructed and stays.
    expect(relations(text)).toEqual(['[s3] support [s4]', '<b> attack [s4]']);
  });

  it('turns an undercut of a reconstructed argument into one of its last inference', () => {
    expect(relations('<a>\n  <_ <b>\n\n<a>\n\n(1) s1\n----\n(2) s2\n----\n(3) s3')).toEqual(['<b> undercut <a>#2']);
    expect(relations('<a>\n\n(1) s1\n-----\n    <_ <b>\n(2) s2\n(3) s3\n----\n(4) s4')).toEqual(['<b> undercut <a>#1']);
    expect(relations('<a>\n\n(1) s1\n----\n(2) s2\n    <_ [x]')).toEqual(['[x] undercut <a>#1']);
  });

  it('drops an attack on an argument when the attacker already attacks one of its premises', () => {
    expect(relations('[x]\n  -> [p]\n  -> <a>\n\n<a>\n\n(1) [p]\n----\n(2) c')).toEqual(['[x] attack [p]']);
  });

  it('reads statement relations as entails and contrary in strict mode', () => {
    const text = '===\nmodel:\n    mode: strict\n===\n\n[a]\n  + [b]\n  - [c]\n  + <d>\n\n[c]\n  - [a]';
    expect(relations(text)).toEqual(['[b] entails [a]', '[c] contrary [a]', '<d> support [a]']);
    expect(model(text).mode).toBe('strict');
  });

  it('keeps argmap edge data with the relation, not with the statement', () => {
    const built = model('[a]\n  + [b] {"argmap-edge": {"id": "e-9"}, "other": 1}\n  + [b] {"argmap-edge": {"id": "e-10"}}');
    expect(built.relations.map((relation) => relation.edgeData?.get('id'))).toEqual(['e-9', 'e-10']);
    expect([...(built.statements.get('b')?.data.keys() ?? [])]).toEqual(['other']);
  });
});

describe('sections and tags', () => {
  it('nests sections by heading level and places members where they are defined', () => {
    const built = model('# One\n\n## Two #t\n\n[s]\n\n# Three\n\n[s]: defined here\n\n[r]');
    expect(built.sections.map((section) => [section.id, section.title, section.level, section.parentId, section.tags])).toEqual([
      ['s1', 'One', 1, undefined, []],
      ['s2', 'Two', 2, 's1', ['t']],
      ['s3', 'Three', 1, undefined, []],
    ]);
    expect(built.statements.get('s')?.sectionId).toBe('s3');
    expect(built.statements.get('r')?.sectionId).toBe('s3');
  });

  it('lists every tag once, in order of first appearance', () => {
    expect(model('# H #h\n\n[a]: x #one #two\n  + <b>: y #two #three').tags).toEqual(['h', 'one', 'two', 'three']);
  });
});
