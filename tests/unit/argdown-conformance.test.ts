/**
 * Conformance with Argdown itself (the MIT corpora in tests/corpora, see its README):
 * - the six example maps of christianvoigt/argdown against their official JSON export: the same
 *   statements (equivalence classes), arguments and typed relations, compared as sets;
 * - every docs snippet and every parser fixture opens; those meant to be wrong are listed below
 *   and must fail with located errors, so that a new failure, or a new success, is noticed.
 * The corpora are part of the clone (tests/fixtures/argdown/corpora.ts finds them); without them
 * every test here fails.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { parseArgdown, readArgdownModel } from '../../src/core/formats/argdown/index.ts';
import type { ArgdownModel, RelationEnd } from '../../src/core/formats/argdown/model.ts';
import { argdownModelToMap } from '../../src/core/formats/argdown/to-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { CORPORA_PRESENT, EXAMPLE_MAPS, HOW_TO_FIX, corpusFiles, exampleText, officialExportText } from '../fixtures/argdown/corpora.ts';

/** Fixtures written to be wrong, with why; each must be refused with located errors. */
const MEANT_TO_FAIL: ReadonlyMap<string, string> = new Map([
  ['packages__ArgVu__demo.argdown', 'a font ligature demo, not Argdown: `>< <A4>` contradicts an argument and `-----` … `-----` has no conclusion'],
  ['packages__argdown-core__test__lexer-relation-after-emptyline.argdown', 'a lexer test: a relation after a blank line'],
  ['packages__argdown-core__test__lexer-relations.argdown', 'a lexer test: bare relation symbols with nothing to relate'],
]);

interface OfficialRelation {
  readonly relationType: string;
  readonly from?: string;
  readonly fromType: string;
  readonly to?: string;
  readonly toType: string;
}

interface OfficialExport {
  readonly statements: Record<string, unknown>;
  readonly arguments: Record<string, unknown>;
  readonly relations: readonly OfficialRelation[];
  readonly tags: Record<string, unknown>;
}

/**
 * Relations are compared as `type|fromType|from|toType|to`, the shape of the export's flat
 * `relations` list: an end is an equivalence class or an argument by title, or an inference,
 * which has no title (the export leaves `to` out), so only its type is compared.
 */
function officialRelationKey(relation: OfficialRelation): string {
  return [relation.relationType, relation.fromType, relation.from ?? '', relation.toType, relation.to ?? ''].join('|');
}

function endKey(end: RelationEnd): [string, string] {
  if (end.kind === 'statement') return ['equivalence-class', end.title];
  if (end.kind === 'argument') return ['argument', end.title];
  return ['inference', ''];
}

function ourRelationKeys(model: ArgdownModel): string[] {
  return model.relations.map((relation) => [relation.type, ...endKey(relation.from), ...endKey(relation.to)].join('|'));
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/**
 * How our edges map back to the export's relations: support/entails → a support (or answer) edge,
 * attack → an attack edge, contradictory/contrary → an attack edge each way, undercut → an
 * undercut edge from the undercutter. Every other edge must come from a premise–conclusion
 * structure: it has a linked group, or leads from a reconstructed argument to its conclusion.
 */
function unexplainedEdges(map: ArgMap, model: ArgdownModel, relations: readonly OfficialRelation[], nodeIds: { statements: ReadonlyMap<string, string>; arguments: ReadonlyMap<string, string> }): string[] {
  const idOf = (type: string, title: string | undefined) => (title === undefined ? undefined : type === 'argument' ? nodeIds.arguments.get(title) : nodeIds.statements.get(title));
  const unmatched = [...map.edges];
  const take = (matches: (edge: ArgMap['edges'][number]) => boolean, relation: string) => {
    const index = unmatched.findIndex(matches);
    if (index < 0) throw new Error(`no edge for the relation ${relation}`);
    unmatched.splice(index, 1);
  };
  for (const relation of relations) {
    const from = idOf(relation.fromType, relation.from);
    const to = idOf(relation.toType, relation.to);
    const key = officialRelationKey(relation);
    switch (relation.relationType) {
      case 'support':
      case 'entails':
        take((edge) => (edge.kind === 'support' || edge.kind === 'answer') && edge.from === from && edge.to === to && edge.group === undefined, key);
        break;
      case 'attack':
        take((edge) => edge.kind === 'attack' && edge.from === from && edge.to === to, key);
        break;
      case 'contradictory':
      case 'contrary':
        take((edge) => edge.kind === 'attack' && edge.from === from && edge.to === to, key);
        take((edge) => edge.kind === 'attack' && edge.from === to && edge.to === from, key);
        break;
      case 'undercut':
        take((edge) => edge.kind === 'undercut' && edge.from === from, key);
        break;
      default:
        throw new Error(`unknown relation type in the export: ${key}`);
    }
  }
  const conclusionEdges = new Set(
    [...model.arguments.values()].flatMap((argument) => {
      const conclusion = argument.pcs.at(-1);
      return conclusion === undefined ? [] : [`${nodeIds.arguments.get(argument.title)}→${nodeIds.statements.get(conclusion.title)}`];
    }),
  );
  return unmatched.filter((edge) => edge.group === undefined && !conclusionEdges.has(`${edge.from}→${edge.to}`)).map((edge) => `${edge.from} ${edge.kind} ${edge.to}`);
}

const tally = { examplesMatched: 0, snippetsOpened: 0, snippets: 0, fixturesOpened: 0, fixturesRefused: 0, fixtures: 0 };

afterAll(() => {
  console.info(
    `Argdown conformance: ${tally.examplesMatched}/${EXAMPLE_MAPS.length} example maps match the official export; ` +
      `${tally.snippetsOpened}/${tally.snippets} docs snippets and ${tally.fixturesOpened}/${tally.fixtures} fixtures opened ` +
      `(${tally.fixturesRefused} refused as meant, with located errors)`,
  );
});

describe('the shared corpora', () => {
  it('are there', () => {
    expect(CORPORA_PRESENT, HOW_TO_FIX).toBe(true);
  });
});

describe.each(CORPORA_PRESENT ? EXAMPLE_MAPS : [])('the example map %s', (name) => {
  const official = JSON.parse(officialExportText(name)) as OfficialExport;
  const read = readArgdownModel(exampleText(name));
  const model = read.model;
  const checks: boolean[] = [];
  const check = (passed: () => void) => {
    passed();
    checks.push(true);
    if (checks.length === 4) tally.examplesMatched += 1;
  };

  it('reads without a problem', () => {
    expect(read.problems.map((problem) => formatProblem(problem))).toEqual([]);
    expect(model).toBeDefined();
  });

  it('has the statements (equivalence classes) of the official export', () => {
    check(() => expect(sorted(model?.statements.keys() ?? [])).toEqual(sorted(Object.keys(official.statements))));
  });

  it('has the arguments of the official export', () => {
    check(() => expect(sorted(model?.arguments.keys() ?? [])).toEqual(sorted(Object.keys(official.arguments))));
  });

  it('has the typed relations of the official export', () => {
    check(() => expect(sorted(model === undefined ? [] : ourRelationKeys(model))).toEqual(sorted(official.relations.map(officialRelationKey))));
  });

  it('has the tags of the official export', () => {
    check(() => expect(sorted(model?.tags ?? [])).toEqual(sorted(Object.keys(official.tags))));
  });

  it('makes a map with one node per statement and argument, and one edge per relation or inference step', () => {
    if (model === undefined) throw new Error('no model');
    const { map, problems, nodeIds } = argdownModelToMap(model);
    expect(problems.map((problem) => formatProblem(problem))).toEqual([]);
    if (map === undefined) throw new Error('no map');
    expect(map.nodes).toHaveLength(model.statements.size + model.arguments.size);
    expect(unexplainedEdges(map, model, official.relations, nodeIds)).toEqual([]);
  });
});

describe('the docs snippets', () => {
  // Each file is one ```argdown block of the docs, already cut out (corpora README); a file that
  // still holds fences would need cutting first, so it fails here rather than being misread.
  it.each(CORPORA_PRESENT ? corpusFiles('argdown-docs-snippets') : [])('$name opens', ({ name, text }) => {
    tally.snippets += 1;
    expect(text).not.toContain('```');
    const { map, problems } = parseArgdown(text);
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, name))).toEqual([]);
    expect(map).toBeDefined();
    tally.snippetsOpened += 1;
  });
});

describe('the fixtures of christianvoigt/argdown', () => {
  it.each(CORPORA_PRESENT ? corpusFiles('argdown-christianvoigt') : [])('$name opens, or is refused as meant', ({ name, text }) => {
    tally.fixtures += 1;
    const { map, problems } = parseArgdown(text);
    expect(problems.some((problem) => problem.message.startsWith('internal error'))).toBe(false);
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (MEANT_TO_FAIL.has(name)) {
      expect(map, MEANT_TO_FAIL.get(name)).toBeUndefined();
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(error, formatProblem(error, name)).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
      tally.fixturesRefused += 1;
      return;
    }
    expect(errors.map((problem) => formatProblem(problem, name))).toEqual([]);
    expect(map).toBeDefined();
    tally.fixturesOpened += 1;
  });

  it('lists only fixtures that exist', () => {
    const names = new Set(corpusFiles('argdown-christianvoigt').map((file) => file.name));
    expect([...MEANT_TO_FAIL.keys()].filter((name) => !names.has(name))).toEqual([]);
  });
});
