/**
 * Fuzzing every importer (issue 13 §5): random text, format-shaped token soup and real files
 * mutated (bytes cut, repeated, swapped, format tokens spliced in; JSON values replaced) go to
 * argmap JSON, argmap SVG, Argdown, AIF, Kialo, ICCMA and CSV readers, and to format detection
 * with its routing (readMapText). Whatever comes in, the result is a map or located problems:
 * never a throw, an "internal error", a read over 2 s, or a map that fails validation (every map
 * accepted is written as argmap JSON and read back with the loader every file goes through).
 *
 * Seeded and deterministic: FUZZ_SEED (default 13013) and FUZZ_RUNS, the number of cases over
 * all importers together (10,000 in the suite; `npm run fuzz` runs 100,000). A failure prints
 * the seed and path to replay it, and the input that failed.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAif } from '../../src/core/formats/aif.ts';
import { parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { readArgmapSvg } from '../../src/core/formats/argmap-svg.ts';
import { importCsvPair, writeCsvPair } from '../../src/core/formats/csv/index.ts';
import { ICCMA_FORMATS, parseIccma } from '../../src/core/formats/iccma.ts';
import { importKialo } from '../../src/core/formats/kialo.ts';
import { readMapText } from '../../src/core/formats/read-map.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';
import { argumentCount, attackersOf, type ArgumentationFramework } from '../../src/core/semantics/framework.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { buildSvg } from '../../src/export/svg.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 13_013);
/** A guard against hangs, not a speed claim: speed is measured by bench/importer-scaling.ts. */
const HANG_MS = 2000;

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');
/** The files of a folder of the repository whose names end in `extension`, smallest first, up to `limit` bytes each. */
function filesIn(folder: string, extension: string, limit: number): string[] {
  const directory = path.join(ROOT, folder);
  return readdirSync(directory)
    .filter((name) => name.endsWith(extension) && statSync(path.join(directory, name)).size <= limit)
    .sort()
    .map((name) => readFileSync(path.join(directory, name), 'utf8'));
}

/** What an importer made of an input. ICCMA readers make a framework, not a map. */
interface Outcome {
  readonly map?: ArgMap;
  readonly framework?: ArgumentationFramework;
  readonly problems: readonly Problem[];
}

interface FuzzTarget {
  readonly name: string;
  readonly seeds: readonly string[];
  /** Pieces of the format, spliced into inputs so that mutations reach past the first syntax check. */
  readonly tokens: readonly string[];
  /** Whether the inputs are JSON, so that values inside a parsed seed can be replaced. */
  readonly json: boolean;
  /** Reads one input; `variant` lets a target pick among its readers (ICCMA's formats). */
  readonly read: (text: string, variant: number) => Outcome;
}

const withProblems = (result: { ok: true; map: ArgMap; warnings: Problem[] } | { ok: false; problems: Problem[] }): Outcome =>
  result.ok ? { map: result.map, problems: result.warnings } : { problems: result.problems };

const SEED_MAP_TEXT = read('graph-data/hundred-model-war.json');
const SEED_MAP = loadMapText(SEED_MAP_TEXT);
if (!SEED_MAP.ok) throw new Error('the seed map does not load');
const KIALO_SEEDS = filesIn('tests/fixtures/kialo', '.txt', 10_000);
const SMALL_MAP = importKialo(KIALO_SEEDS.find((text) => text.includes('cars')) ?? KIALO_SEEDS[0]!).map!;

const svgOf = (map: ArgMap, language: 'zh' | 'en'): string =>
  buildSvg(map, map.nodes.map((node, index) => ({ id: node.id, x: (index % 8) * 300, y: Math.floor(index / 8) * 160 })), { language });

/** A CSV pair travels as one text: the nodes file, this separator, the edges file. */
const CSV_SEPARATOR = '\n\u0000--- edges ---\u0000\n';
const csvText = (map: ArgMap): string => {
  const pair = writeCsvPair(map, 'en');
  return `${pair.nodes}${CSV_SEPARATOR}${pair.edges}`;
};

const JSON_TOKENS = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\uD800', 'null', 'true', '1e400', '-0', '"__proto__"', '"constructor"', '{"__proto__":{"x":1}}', '""', '"\u202E"', '\n'];
const MAP_TOKENS = ['"id"', '"kind"', '"claim"', '"undercut"', '"answer"', '"question"', '"from"', '"to"', '"text"', '"en"', '"zh"', '"nodes"', '"edges"', '"tours"', '"steps"', '"camera"', '"extensions"', '"schemaVersion"', '2'];
const MARKUP_TOKENS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', ']]>', '</metadata>', '<!--', '-->', '<![CDATA[', '&amp;', '&#0;', '&#x10FFFF;', '&', '<', '>'];

const TARGETS: readonly FuzzTarget[] = [
  {
    name: 'argmap JSON',
    seeds: [SEED_MAP_TEXT, serializeMap(SMALL_MAP)],
    tokens: [...JSON_TOKENS, ...MAP_TOKENS],
    json: true,
    read: (text) => withProblems(loadMapText(text)),
  },
  {
    name: 'argmap SVG metadata',
    seeds: [svgOf(SMALL_MAP, 'en'), svgOf(SEED_MAP.map, 'zh')],
    tokens: [...MARKUP_TOKENS, '<metadata id="argmap-data">', '<metadata id=\'argmap-data\'/>', '&quot;', '&#34;', '&lt;', ...JSON_TOKENS],
    json: false,
    read: (text) => withProblems(readArgmapSvg(text)),
  },
  {
    name: 'Argdown',
    seeds: [...filesIn('tests/corpora/argdown-christianvoigt', '.argdown', 3000), ...filesIn('tests/corpora/argdown-docs-snippets', '.argdown', 1500)],
    tokens: ['[', ']', ']:', '<', '>', '>:', '\n', '\n  ', '\n    ', '+ ', '- ', '+> ', '<+ ', '<- ', '_> ', '>< ', '(1) ', '----', '--\nUses: 1\n--', '#', '# ', '@', '{', '}', '{a: 1}', '===\n', 'title: x\n', '===\n', '*', '_', '\\', '//', '/*', '*/', ...MARKUP_TOKENS],
    json: false,
    read: (text) => parseArgdown(text),
  },
  {
    name: 'AIF',
    seeds: [read('tests/fixtures/aif/ova3-bike-lanes.json'), ...filesIn('tests/corpora/aif-moralmaze-arguebuf', '.json', 20_000)],
    tokens: [...JSON_TOKENS, '"nodeID"', '"fromID"', '"toID"', '"type"', '"I"', '"RA"', '"CA"', '"MA"', '"L"', '"YA"', '"TA"', '"AIF"', '"locutions"', '"participants"', '"personID"'],
    json: true,
    read: (text) => importAif(text),
  },
  {
    name: 'Kialo',
    seeds: KIALO_SEEDS,
    tokens: ['Discussion Title: ', '\n', '\r\n', '\r', '1.', '1.1.', '1.1.1. ', 'Pro: ', 'Con: ', '-> See 1.1.', '-> See 1.', '-> See 9.9.', '[', ']', '(', ')', '](', '[a](https://example.org/)', '\\', '\\(', '?', ...MARKUP_TOKENS],
    json: false,
    read: (text) => importKialo(text),
  },
  {
    name: 'ICCMA',
    seeds: filesIn('tests/corpora/iccma-probo2', '', 100).filter((text) => /arg\(|att\(|#|p af/.test(text)),
    tokens: ['arg(', 'att(', ').', ',', '.', '(', ')', '\n', '\r\n', '#', '#\n', 'p af 3\n', 'p af 2000001\n', '1 2\n', '0 1\n', ' ', 'a', 'b'],
    json: false,
    read: (text, variant) => {
      const format = [undefined, ...ICCMA_FORMATS][variant % (ICCMA_FORMATS.length + 1)];
      const result = parseIccma(text, format);
      return result.ok ? { framework: result.framework, problems: result.warnings } : { problems: result.problems };
    },
  },
  {
    // CSV is read as a pair of files; see CSV_SEPARATOR.
    name: 'CSV pair',
    seeds: [csvText(SMALL_MAP), csvText(SEED_MAP.map)],
    tokens: [',', ';', '\t', '"', '""', '\n', '\r\n', 'ID', 'From', 'To', 'Type', 'Label', 'support', 'attack', 'undercut', '=cmd|\'/c calc\'!A1', '\uFEFF', CSV_SEPARATOR, ...MARKUP_TOKENS],
    json: false,
    read: (text) => {
      const at = text.indexOf(CSV_SEPARATOR);
      const [nodes, edges] = at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + CSV_SEPARATOR.length)];
      return importCsvPair({ nodes: { name: 'fuzz.nodes.csv', text: nodes }, edges: { name: 'fuzz.edges.csv', text: edges } });
    },
  },
];

/** Detection and routing, as the app and the CLI open any file: inputs of every format. */
const ANY_FORMAT: FuzzTarget = {
  name: 'any format (readMapText)',
  seeds: TARGETS.filter((target) => target.name !== 'CSV pair' && target.name !== 'ICCMA').flatMap((target) => target.seeds.slice(0, 3)),
  tokens: [...new Set(TARGETS.flatMap((target) => target.tokens))],
  json: false,
  read: (text) => withProblems(readMapText(text).result),
};

const ALL_TARGETS = [...TARGETS, ANY_FORMAT];

// ---------------------------------------------------------------------------------------------
// Inputs

type Mutation =
  | { readonly kind: 'delete' | 'repeat'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'swap'; readonly at: number; readonly other: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number };

/** UTF-16 code units of any value, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const randomText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: 'binary-ascii', maxLength }), fc.string({ unit: codeUnit, maxLength }), fc.string({ unit: 'grapheme', maxLength }));

function mutation(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const length = fc.integer({ min: 1, max: 64 });
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('delete' as const, 'repeat' as const), at, length }),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...tokens) }, randomText(6)) }) },
    fc.record({ kind: fc.constant('swap' as const), at, other: fc.nat(), length }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
  );
}

function applyMutation(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'repeat':
      return text.slice(0, at + change.length) + text.slice(at);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'swap': {
      const other = text.length === 0 ? 0 : change.other % (text.length + 1);
      const [first, second] = at <= other ? [at, other] : [other, at];
      if (second < first + change.length) return text;
      return text.slice(0, first) + text.slice(second, second + change.length) + text.slice(first + change.length, second) + text.slice(first, first + change.length) + text.slice(second + change.length);
    }
  }
}

type JsonLike = null | boolean | number | string | JsonLike[] | { [key: string]: JsonLike };

/** Where a value sits in a parsed seed: the keys and indices down to it. */
function valuePaths(root: JsonLike): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const pending: { value: JsonLike; path: (string | number)[] }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    paths.push(next.path);
    const { value, path: at } = next;
    if (Array.isArray(value)) value.forEach((item, index) => pending.push({ value: item, path: [...at, index] }));
    else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) pending.push({ value: value[key]!, path: [...at, key] });
  }
  return paths;
}

/** Values worth putting anywhere in a map: other types, limits, ids that clash, hostile text. */
const interestingValue: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom<JsonLike>(null, true, 0, -1, 1.5, 1e308, '', ' ', '\u200b', '__proto__', 'constructor', 'n1', 'e1', 's1', 'claim', 'undercut', 'answer', '<script>alert(1)</script>', 'javascript:alert(1)', 'https://example.org/', '\uD800', 'x'.repeat(10_001), [], {}, { en: '' }, { zh: '百模' }, { x: 1e7, y: -1e7, zoom: 0 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonLike>,
);

type JsonEdit = { readonly kind: 'set'; readonly path: number; readonly value: JsonLike } | { readonly kind: 'remove' | 'copy'; readonly path: number; readonly other: number };

const jsonEdit: fc.Arbitrary<JsonEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: interestingValue }) },
  fc.record({ kind: fc.constantFrom('remove' as const, 'copy' as const), path: fc.nat(), other: fc.nat() }),
);

/** A seed's JSON with some values replaced, removed, or copied over others (so ids and references clash). */
function editJson(seed: string, paths: readonly (string | number)[][], edits: readonly JsonEdit[]): string {
  const root = JSON.parse(seed) as JsonLike;
  const valueAt = (at: readonly (string | number)[]): JsonLike | undefined =>
    at.reduce<JsonLike | undefined>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string | number, JsonLike>)[key] : undefined), root);
  for (const edit of edits) {
    const at = paths[edit.path % paths.length]!;
    if (at.length === 0) continue;
    const parent = valueAt(at.slice(0, -1));
    if (parent === null || typeof parent !== 'object' || parent === undefined) continue;
    const key = at.at(-1)!;
    const container = parent as Record<string | number, JsonLike>;
    if (edit.kind === 'set') container[key] = edit.value;
    else if (edit.kind === 'copy') container[key] = structuredClone(valueAt(paths[edit.other % paths.length]!) ?? null);
    else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete container[key];
  }
  return JSON.stringify(root, null, 1);
}

/**
 * A seed, small ones more often: mutating a small file reaches as many code paths as a large
 * one for a fraction of the time, and keeps 10,000 cases within the suite's time.
 */
function seedOf<T>(seeds: readonly T[], lengthOf: (seed: T) => number): fc.Arbitrary<T> {
  return fc.oneof(...seeds.map((seed) => ({ weight: Math.min(20, Math.max(1, Math.round(20_000 / lengthOf(seed)))), arbitrary: fc.constant(seed) })));
}

function inputs(target: FuzzTarget): fc.Arbitrary<string> {
  const seed = seedOf(target.seeds, (text) => text.length);
  const mutated = fc.tuple(seed, fc.array(mutation(target.tokens), { minLength: 1, maxLength: 4 })).map(([text, changes]) => changes.reduce(applyMutation, text));
  const soup = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...target.tokens) }, randomText(8)), { maxLength: 40 }).map((pieces) => pieces.join(''));
  const choices: fc.WeightedArbitrary<string>[] = [
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: soup },
    { weight: 1, arbitrary: randomText(200) },
  ];
  if (target.json) {
    const parsed = target.seeds.map((text) => ({ text, paths: valuePaths(JSON.parse(text) as JsonLike) }));
    const edited = fc.tuple(seedOf(parsed, ({ text }) => text.length), fc.array(jsonEdit, { minLength: 1, maxLength: 3 })).map(([{ text, paths }, edits]) => editJson(text, paths, edits));
    choices.push({ weight: 4, arbitrary: edited });
  }
  return fc.oneof(...choices);
}

// ---------------------------------------------------------------------------------------------
// What every outcome must be

/** Problems about the whole file, which have no line or pointer to give. */
const WHOLE_FILE = /^(?:the [\w ]+ is (?:empty|too large)|… and \d+ more|this looks like |this SVG holds no map|the discussion has no claims)/;

/** Why an outcome breaks the contract, or undefined when it keeps it. */
function breach(outcome: Outcome): string | undefined {
  const internal = outcome.problems.find((problem) => problem.message.startsWith('internal error'));
  if (internal !== undefined) return `an internal error (something threw inside the importer): ${formatProblem(internal)}`;
  const errors = outcome.problems.filter((problem) => problem.severity === 'error');
  const unlocated = errors.find((problem) => problem.line === undefined && problem.pointer === undefined && !WHOLE_FILE.test(problem.message));
  if (unlocated !== undefined) return `an error with no place: ${formatProblem(unlocated)}`;
  if (outcome.framework !== undefined) return errors.length > 0 ? 'a framework and errors' : frameworkBreach(outcome.framework);
  if (outcome.map === undefined) return errors.length === 0 ? 'neither a map nor an error' : undefined;
  if (errors.length > 0) return `a map and errors: ${errors.map((problem) => formatProblem(problem)).join('; ')}`;
  const reread = loadMapText(serializeMap(outcome.map));
  if (!reread.ok) return `a map that fails validation: ${reread.problems.map((problem) => formatProblem(problem)).join('; ')}`;
  return undefined;
}

function frameworkBreach(framework: ArgumentationFramework): string | undefined {
  const count = argumentCount(framework);
  if (new Set(framework.names).size !== count) return 'a framework with repeated argument names';
  for (let argument = 0; argument < count; argument += 1) {
    if (attackersOf(framework, argument).some((attacker) => !(attacker >= 0 && attacker < count))) return `argument ${argument} has an attacker out of range`;
  }
  return undefined;
}

function shown(text: string): string {
  return JSON.stringify(text.length > 600 ? `${text.slice(0, 300)}…${text.slice(-300)}` : text);
}

function check(target: FuzzTarget, text: string, variant: number): void {
  const start = performance.now();
  let outcome: Outcome;
  try {
    outcome = target.read(text, variant);
  } catch (error) {
    throw new Error(`${target.name} threw ${String(error)} on ${shown(text)}`);
  }
  const elapsed = performance.now() - start;
  if (elapsed > HANG_MS) throw new Error(`${target.name} took ${Math.round(elapsed)} ms (over ${HANG_MS} ms) on ${shown(text)}`);
  const broken = breach(outcome);
  if (broken !== undefined) throw new Error(`${target.name} gave ${broken} on ${shown(text)}`);
}

const runsPerTarget = Math.ceil(RUNS / ALL_TARGETS.length);

describe(`fuzzing every importer: ${runsPerTarget * ALL_TARGETS.length} cases, seed ${SEED}`, () => {
  it.each(ALL_TARGETS.map((target) => ({ name: target.name, target })))('$name', ({ target }) => {
    expect(target.seeds.length).toBeGreaterThan(0);
    for (const seedText of target.seeds) check(target, seedText, 0);
    fc.assert(fc.property(inputs(target), fc.nat(), (text, variant) => check(target, text, variant)), { seed: SEED, numRuns: runsPerTarget });
  }, Math.max(120_000, runsPerTarget * 50));
});
