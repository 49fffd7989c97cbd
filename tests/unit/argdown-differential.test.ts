/**
 * argmap's Argdown reader against Argdown's own parser (@argdown/core), on every Argdown file of
 * tests/corpora: both must accept or refuse the file alike, and, when they accept it, argmap's
 * nodes and edges must be those the README's mapping rule makes of Argdown's model
 * (tests/fixtures/argdown/official.ts). A difference fails unless it is one of the deliberate
 * differences (tests/fixtures/argdown/deliberate-differences.ts, mirrored in the README).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readArgdownModel } from '../../src/core/formats/argdown/index.ts';
import type { ArgdownModel } from '../../src/core/formats/argdown/model.ts';
import { argdownModelToMap } from '../../src/core/formats/argdown/to-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { CORPORA_PRESENT, EXAMPLE_MAPS, HOW_TO_FIX, PROJECT_ROOT, corpusFiles, exampleText, officialExportText, type CorpusFile } from '../fixtures/argdown/corpora.ts';
import { DELIBERATE_DIFFERENCES } from '../fixtures/argdown/deliberate-differences.ts';
import { argumentKey, edgeLine, inferenceKey, nodeText, readWithArgdown, statementKey, type OfficialReading } from '../fixtures/argdown/official.ts';

type Reading = OfficialReading;

/** argmap's reading, in the lines of the oracle. */
function readWithArgmap(text: string): Reading {
  const read = readArgdownModel(text);
  const refusal = (problems: typeof read.problems): Reading => ({
    accepted: false,
    errors: problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem)),
  });
  if (read.model === undefined || read.problems.some((problem) => problem.severity === 'error')) return refusal(read.problems);
  const imported = argdownModelToMap(read.model);
  if (imported.map === undefined) return refusal(imported.problems);
  return { accepted: true, ...mapLines(imported.map, read.model, imported.nodeIds) };
}

function mapLines(map: ArgMap, model: ArgdownModel, nodeIds: { statements: ReadonlyMap<string, string>; arguments: ReadonlyMap<string, string> }): { nodes: string[]; edges: string[] } {
  const keyOf = new Map<string, string>();
  const titleOf = new Map<string, string>();
  for (const [title, id] of nodeIds.statements) keyOf.set(id, statementKey(title));
  for (const [title, id] of nodeIds.arguments) {
    keyOf.set(id, argumentKey(title));
    titleOf.set(id, title);
  }
  const nodes = map.nodes.map((node) => {
    const key = keyOf.get(node.id) ?? node.id;
    return `${key} ${nodeText(node.text.en ?? node.text.zh, key.slice(1, -1))}`;
  });
  /** A group is the argument's id, or `<id>-step-<n>` for its n-th inference. */
  const groupArgument = (group: string): { title: string; index: number } | undefined => {
    const [, id = group, step] = /^(.*)-step-(\d+)$/.exec(group) ?? [];
    const title = titleOf.get(id) ?? titleOf.get(group);
    if (title === undefined) return undefined;
    const last = (model.arguments.get(title)?.inferences.length ?? 1) - 1;
    return { title, index: titleOf.has(id) && step !== undefined ? Number(step) - 1 : last };
  };
  const edgesById = new Map(map.edges.map((edge) => [edge.id, edge]));
  const edges = map.edges.map((edge) => {
    const from = keyOf.get(edge.from) ?? edge.from;
    if (edge.kind === 'undercut') {
      const target = edgesById.get(edge.to);
      const group = target?.group === undefined ? undefined : groupArgument(target.group);
      const argument = target === undefined ? undefined : titleOf.get(target.from);
      const reconstructed = argument !== undefined && (model.arguments.get(argument)?.pcs.length ?? 0) > 0;
      if (group !== undefined) return edgeLine('undercut', from, inferenceKey(group.title, group.index));
      if (argument !== undefined && reconstructed) return edgeLine('undercut', from, inferenceKey(argument, (model.arguments.get(argument)?.inferences.length ?? 1) - 1));
      if (argument !== undefined) return edgeLine('undercut', from, `a relation of ${argumentKey(argument)}`);
      return edgeLine('undercut', from, `edge ${edge.to}`);
    }
    const kind = edge.kind === 'answer' ? 'support' : edge.kind;
    return edgeLine(kind, from, keyOf.get(edge.to) ?? edge.to, edge.group === undefined ? undefined : groupArgument(edge.group)?.title);
  });
  return { nodes, edges: [...new Set(edges)] };
}

/** The difference lines of one file: `accept: …`, or `only Argdown: …` / `only argmap: …` nodes and edges. */
function differences(official: Reading, ours: Reading): string[] {
  if (!official.accepted || !ours.accepted) {
    if (official.accepted === ours.accepted) return [];
    return official.accepted ? [`accept: Argdown accepts, argmap refuses (${ours.accepted ? '' : ours.errors[0]})`] : [`accept: argmap accepts, Argdown refuses (${official.errors[0]})`];
  }
  const lines: string[] = [];
  for (const field of ['nodes', 'edges'] as const) {
    const theirs = new Set(official[field]);
    const mine = new Set(ours[field]);
    for (const line of [...theirs].sort()) if (!mine.has(line)) lines.push(`only Argdown: ${line}`);
    for (const line of [...mine].sort()) if (!theirs.has(line)) lines.push(`only argmap: ${line}`);
  }
  return lines;
}

const argdownFiles: (CorpusFile & { folder: string })[] = CORPORA_PRESENT
  ? (['argdown-christianvoigt', 'argdown-docs-snippets'] as const).flatMap((folder) =>
      corpusFiles(folder)
        .filter((file) => file.name.endsWith('.argdown'))
        .map((file) => ({ ...file, folder })),
    )
  : [];

const tally = { files: 0, agree: 0, deliberate: 0, bothRefuse: 0 };

afterAll(() => {
  console.info(
    `Argdown differential: ${tally.agree}/${tally.files} corpus files read alike by argmap and @argdown/core ` +
      `(${tally.bothRefuse} refused by both), ${tally.deliberate} differ only as the README lists`,
  );
});

describe('the Argdown corpora', () => {
  it('are there', () => {
    expect(CORPORA_PRESENT, HOW_TO_FIX).toBe(true);
    expect(argdownFiles.length).toBeGreaterThan(100);
  });
});

describe.each(argdownFiles)('$folder/$name', ({ name, text }) => {
  it('reads as @argdown/core reads it, but for the deliberate differences', () => {
    tally.files += 1;
    const official = readWithArgdown(text);
    const found = differences(official, readWithArgmap(text));
    const listed = DELIBERATE_DIFFERENCES.filter((difference) => difference.files.includes(name));
    expect(found.filter((line) => !listed.some(({ pattern }) => pattern.test(line))).join('\n'), 'differences not listed as deliberate').toBe('');
    expect(listed.filter(({ pattern }) => !found.some((line) => pattern.test(line))).map(({ id }) => id), 'listed differences that no longer occur').toEqual([]);
    if (!official.accepted && found.length === 0) tally.bothRefuse += 1;
    if (found.length === 0) tally.agree += 1;
    else tally.deliberate += 1;
  });
});

/**
 * Generated documents in the part of Argdown both readers share: statements and arguments (titled,
 * untitled, references) with relation trees of every kind, premise–conclusion structures with
 * inference rules, `{uses}` and undercuts, shortcodes, tags and emphasis, blank lines between blocks.
 */
const word = fc.constantFrom('costs', 'fall', 'p', 'q', ':happy:', '.~.', 'p .^. q', '#tag', '*bold*', '_it_', 'e.g.', '10:30', '#(two words)');
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const statement = fc.oneof(
  text,
  fc.tuple(fc.constantFrom('A', 'B', 'C', 'D'), text).map(([title, body]) => `[${title}]: ${body}`),
  fc.constantFrom('[A]', '[B]', '[C]'),
);
const argument = fc.oneof(
  fc.tuple(fc.constantFrom('X', 'Y', 'Z'), text).map(([title, body]) => `<${title}>: ${body}`),
  fc.constantFrom('<X>', '<Y>'),
);
const member = fc.oneof({ weight: 3, arbitrary: statement }, { weight: 2, arbitrary: argument });
/** `[A]` or `<X>` for a titled member: no member relates to itself (argmap draws no loops). */
const titleOf = (written: string) => /^[[<][^\]>]+[\]>]/.exec(written)?.[0];
/**
 * Undercuts (`<_`, `_`) stand under arguments only: under a statement, @argdown/core aims them at
 * the last inference it has read anywhere before, a slip argmap does not copy.
 */
const relationLines = (depth: number, parent: string): fc.Arbitrary<string[]> =>
  fc.array(
    fc
      .tuple(fc.constantFrom('+', '-', '<+', '<-', '+>', '->', '_>', '><', ...(parent.startsWith('<') ? ['<_', '_'] : [])), member)
      .map(([symbol, child]) => [symbol, symbol === '><' && child.startsWith('<') ? '[C]' : child] as const)
      .filter(([, child]) => titleOf(child) === undefined || titleOf(child) !== titleOf(parent))
      .chain(([symbol, child]): fc.Arbitrary<string[]> => {
        const line = `${'  '.repeat(depth)}${symbol} ${child}`;
        return depth >= 3 ? fc.constant<string[]>([line]) : relationLines(depth + 1, child).map((below) => [line, ...below]);
      }),
    { maxLength: depth === 1 ? 3 : 1 },
  ).map((groups) => groups.flat());
const element = member.chain((head) => relationLines(1, head).map((lines) => [head, ...lines].join('\n')));
const reconstruction = fc
  .tuple(fc.constantFrom('X', 'Y', 'Z'), fc.array(statement, { minLength: 1, maxLength: 3 }), fc.constantFrom('----', '-- Modus ponens --', '-- {uses: [1]} --'), statement, fc.boolean(), fc.constantFrom('', ' {uses: [1]}'))
  .map(([title, premises, inference, conclusion, undercut, conclusionData]) => {
    const lines = premises.map((premise, index) => `(${index + 1}) ${premise}`);
    lines.push(inference, ...(undercut ? ['  <_ <U>: an undercut'] : []), `(${premises.length + 1}) ${conclusion}${conclusion.startsWith('[') && !conclusion.includes(':') ? '' : conclusionData}`);
    return `<${title}>\n\n${lines.join('\n')}`;
  });
const list = fc.tuple(fc.constantFrom('* ', '1. '), fc.array(member, { minLength: 1, maxLength: 3 })).map(([marker, items]) => items.map((item) => `${marker}${item}`).join('\n'));
const heading = fc.tuple(fc.constantFrom('# ', '## '), text).map(([marker, body]) => `${marker}${body}`);
const canonical = fc.tuple(fc.constantFrom('A', 'B'), text).map(([title, body]) => `[${title}]: ${body} {isCanonical: true}`);
const frontMatter = fc.constantFrom('', '===\ntitle: A map\n===\n\n', '===\nmodel:\n    mode: strict\n===\n\n', '===\nmodel: {removeTagsFromText: true}\n===\n\n');
const document = fc
  .tuple(
    frontMatter,
    fc.array(
      fc.oneof({ weight: 4, arbitrary: element }, { weight: 2, arbitrary: reconstruction }, { weight: 1, arbitrary: list }, { weight: 1, arbitrary: heading }, { weight: 1, arbitrary: canonical }),
      { minLength: 1, maxLength: 5 },
    ),
  )
  .map(([front, blocks]) => front + blocks.join('\n\n'));

describe('generated Argdown', () => {
  it('reads as @argdown/core reads it', () => {
    fc.assert(
      fc.property(document, (input) => {
        expect(differences(readWithArgdown(input), readWithArgmap(input)).join('\n'), input).toBe('');
      }),
      { numRuns: 300, seed: 20261207 },
    );
  }, 120_000);
});

describe('the oracle', () => {
  it.each(CORPORA_PRESENT ? EXAMPLE_MAPS : [])('reads %s as the official JSON export (argdown-json-export) has it', (name) => {
    const exported = JSON.parse(officialExportText(name)) as { statements: object; arguments: object; relations: object[] };
    const official = readWithArgdown(exampleText(name));
    if (!official.accepted) throw new Error(official.errors.join('\n'));
    const titles = (lines: readonly string[], open: string) => lines.filter((line) => line.startsWith(open)).length;
    expect(titles(official.nodes, '[')).toBe(Object.keys(exported.statements).length);
    expect(titles(official.nodes, '<')).toBe(Object.keys(exported.arguments).length);
    expect(exported.relations.length).toBeGreaterThan(0);
  });

  it('tells a refused text from an accepted one', () => {
    expect(readWithArgdown('[A]: a.\n  + [B]: b.')).toMatchObject({ accepted: true, edges: ['support [B] → [A]'] });
    expect(readWithArgdown('[A]: a.\n\n  + [B]: b.')).toMatchObject({ accepted: false });
  });
});

describe('the deliberate differences', () => {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  it.each(DELIBERATE_DIFFERENCES)('$id is in the README, with its reason', ({ id, files }) => {
    expect(readme).toContain(`\`${id}\``);
    const names = new Set(argdownFiles.map((file) => file.name));
    expect(files.filter((file) => !names.has(file))).toEqual([]);
  });
});
