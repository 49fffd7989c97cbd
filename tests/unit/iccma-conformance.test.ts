/**
 * Conformance with third-party reference solutions: for every framework of the shared corpora that
 * has solutions, the extensions computed here must equal the reference exactly, as sets of sets.
 * Where only the complete extensions are given, the grounded (⊆-least) and preferred (⊆-maximal)
 * ones are derived from them. The corpora live beside the clone (see /work/shared/corpora/README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iccmaFormatOfFileName, parseIccma } from '../../src/core/formats/iccma.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { enumerateExtensions, namedExtensions, type Semantics } from '../../src/core/semantics/extensions.ts';
import type { ArgumentationFramework } from '../../src/core/semantics/framework.ts';
import {
  canonicalExtensions, leastExtension, maximalExtensions, parseAliasAnswer, parseParisSolution, parseProboExtension, parseProboExtensions,
} from '../support/iccma-solutions.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const CORPORA_DIR = resolve(PROJECT_ROOT, process.env.CORPORA_DIR ?? '../shared/corpora');
const FOLDERS = ['iccma-probo-examples', 'iccma-course-tests-paris', 'iccma-alias-tests', 'iccma-probo2', 'iccma-i23-samples'] as const;
const missingFolders = FOLDERS.filter((folder) => !existsSync(join(CORPORA_DIR, folder)));
const present = missingFolders.length === 0;
const HOW_TO_FIX =
  `missing ${missingFolders.join(', ')} in ${CORPORA_DIR}: set CORPORA_DIR to the folder holding the corpora, ` +
  'or place the shared/ folder (with shared/corpora) beside the project clone';

/** (folder, framework file, semantics) pairs checked: 6 probo example files × 4, 6 Paris × 2, 6 ALIAS complete × 3 + 12, Medium × 4. */
const EXPECTED_PAIRS = 24 + 12 + 30 + 4;

interface Reference {
  readonly extensions: readonly (readonly string[])[];
  /** Where the reference comes from, for the test name. */
  readonly source: string;
}

interface Case extends Reference {
  readonly folder: string;
  readonly frameworkFile: string;
  readonly semantics: Semantics;
}

const PROBO_TASKS: ReadonlyMap<string, Semantics> = new Map([
  ['CO', 'complete'],
  ['GR', 'grounded'],
  ['PR', 'preferred'],
  ['ST', 'stable'],
]);

function read(folder: string, file: string): string {
  return readFileSync(join(CORPORA_DIR, folder, file), 'utf8');
}

/** The references of one framework, by semantics, with grounded and preferred derived from complete where missing. */
function withDerived(references: Map<Semantics, Reference>): Map<Semantics, Reference> {
  const complete = references.get('complete');
  if (complete === undefined) return references;
  const derived = new Map(references);
  if (!derived.has('grounded')) derived.set('grounded', { extensions: [leastExtension(complete.extensions)], source: `least of ${complete.source}` });
  if (!derived.has('preferred')) derived.set('preferred', { extensions: maximalExtensions(complete.extensions), source: `maximal of ${complete.source}` });
  return derived;
}

function casesFor(folder: string, frameworkFiles: readonly string[], references: Map<Semantics, Reference>): Case[] {
  return frameworkFiles.flatMap((frameworkFile) =>
    [...withDerived(references)].map(([semantics, reference]) => ({ folder, frameworkFile, semantics, ...reference })),
  );
}

/** References by framework: the key is the framework file(s) they apply to. */
function collectCases(): Case[] {
  const cases: Case[] = [];

  // probo examples: exN.apx.EE-XX, for exN.apx and the same framework in exN.tgf.
  const proboExamples = 'iccma-probo-examples';
  const byExample = new Map<string, Map<Semantics, Reference>>();
  for (const file of readdirSync(join(CORPORA_DIR, proboExamples))) {
    const match = /^(.+)\.apx\.EE-([A-Z]{2})$/.exec(file);
    const semantics = PROBO_TASKS.get(match?.[2] ?? '');
    if (match === null || semantics === undefined) continue;
    const references = byExample.get(match[1]!) ?? new Map<Semantics, Reference>();
    references.set(semantics, { extensions: parseProboExtensions(read(proboExamples, file)), source: file });
    byExample.set(match[1]!, references);
  }
  for (const [example, references] of byExample) cases.push(...casesFor(proboExamples, [`${example}.apx`, `${example}.tgf`], references));

  // Paris course tests: test_afN.apx with test_afN_pr.txt and test_afN_st.txt.
  const paris = 'iccma-course-tests-paris';
  for (const file of readdirSync(join(CORPORA_DIR, paris))) {
    const match = /^(.+)_(pr|st)\.txt$/.exec(file);
    if (match === null) continue;
    const solution = parseParisSolution(read(paris, file));
    if (solution.semantics.slice(0, 2) !== match[2]) throw new Error(`${file} holds ${solution.semantics} extensions`);
    cases.push({ folder: paris, frameworkFile: `${match[1]}.apx`, semantics: solution.semantics, extensions: solution.extensions, source: file });
  }

  // ALIAS: <semantics>N.tgf with <semantics>Nanswer.
  const alias = 'iccma-alias-tests';
  for (const file of readdirSync(join(CORPORA_DIR, alias))) {
    const match = /^(complete|preferred|stable)(\d+)answer$/.exec(file);
    if (match === null) continue;
    const semantics = match[1] as Semantics;
    const references = new Map([[semantics, { extensions: parseAliasAnswer(read(alias, file)), source: file }]]);
    cases.push(...casesFor(alias, [`${match[1]}${match[2]}.tgf`], references));
  }

  // probo2: iccma-2019-NAME-EE-XX.out for NAME.
  const probo2 = 'iccma-probo2';
  const byFramework = new Map<string, Map<Semantics, Reference>>();
  for (const file of readdirSync(join(CORPORA_DIR, probo2))) {
    const match = /^iccma-\d+-(.+)-EE-([A-Z]{2})\.out$/.exec(file);
    const semantics = PROBO_TASKS.get(match?.[2] ?? '');
    if (match === null || semantics === undefined) continue;
    const references = byFramework.get(match[1]!) ?? new Map<Semantics, Reference>();
    references.set(semantics, { extensions: parseProboExtensions(read(probo2, file)), source: file });
    byFramework.set(match[1]!, references);
  }
  for (const [framework, references] of byFramework) cases.push(...casesFor(probo2, [framework], references));
  return cases;
}

const cases = present ? collectCases() : [];

const frameworks = new Map<string, ArgumentationFramework>();

function frameworkOf(folder: string, file: string): ArgumentationFramework {
  const path = join(CORPORA_DIR, folder, file);
  const cached = frameworks.get(path);
  if (cached !== undefined) return cached;
  const result = parseIccma(readFileSync(path, 'utf8'), iccmaFormatOfFileName(file));
  if (!result.ok) throw new Error(`${file} does not parse:\n${result.problems.map((problem) => formatProblem(problem, file)).join('\n')}`);
  frameworks.set(path, result.framework);
  return result.framework;
}

describe('ICCMA reference solutions', () => {
  it('finds the shared corpora', () => {
    expect(missingFolders, HOW_TO_FIX).toEqual([]);
  });

  for (const { folder, frameworkFile, semantics, extensions, source } of cases) {
    it(`${folder}/${frameworkFile}: ${semantics} = ${source}`, () => {
      const framework = frameworkOf(folder, frameworkFile);
      const enumeration = enumerateExtensions(framework, semantics);
      expect(enumeration.complete).toBe(true);
      expect(namedExtensions(framework, enumeration.extensions)).toEqual(canonicalExtensions(extensions));
    }, 60_000);
  }

  it(`checks ${EXPECTED_PAIRS} (framework, semantics) pairs, among them complete6's 1,624 complete extensions`, () => {
    console.info(`ICCMA conformance: ${cases.length} (framework file, semantics) pairs compared with reference solutions`);
    expect(cases).toHaveLength(EXPECTED_PAIRS);
    const complete6 = cases.find((testCase) => testCase.frameworkFile === 'complete6.tgf' && testCase.semantics === 'complete');
    expect(complete6?.extensions).toHaveLength(1624);
    expect(cases.filter((testCase) => testCase.semantics === 'stable' && testCase.extensions.length === 0)).not.toHaveLength(0);
  });
});

describe('Medium-result-b1 (probo2): acceptance answers and a single extension', () => {
  const probo2 = 'iccma-probo2';

  it('agrees with DC-CO, DS-CO, DC-GR for the query argument and with SE-CO', () => {
    expect(present, HOW_TO_FIX).toBe(true);
    const framework = frameworkOf(probo2, 'Medium-result-b1.apx');
    const query = read(probo2, 'Medium-result-b1.arg').trim();
    const complete = namedExtensions(framework, enumerateExtensions(framework, 'complete').extensions);
    const grounded = namedExtensions(framework, enumerateExtensions(framework, 'grounded').extensions)[0]!;
    const answer = (yes: boolean): string => (yes ? 'YES' : 'NO');
    expect(answer(complete.some((extension) => extension.includes(query)))).toBe(read(probo2, 'iccma-2019-Medium-result-b1.apx-DC-CO.out').trim());
    expect(answer(complete.every((extension) => extension.includes(query)))).toBe(read(probo2, 'iccma-2019-Medium-result-b1.apx-DS-CO.out').trim());
    expect(answer(grounded.includes(query))).toBe(read(probo2, 'iccma-2019-Medium-result-b1.apx-DC-GR.out').trim());
    expect(complete).toContainEqual([...parseProboExtension(read(probo2, 'iccma-2019-Medium-result-b1.apx-SE-CO.out'))].sort());
  }, 60_000);
});

describe('the formats agree on real files', () => {
  const attacksOf = (framework: ArgumentationFramework): string[] =>
    framework.names.flatMap((name, argument) =>
      Array.from(framework.targets.subarray(framework.targetOffsets[argument], framework.targetOffsets[argument + 1]), (target) => `${name}>${framework.names[target]}`),
    ).sort();

  it('reads the sizes the corpora README states for the large files', () => {
    expect(present, HOW_TO_FIX).toBe(true);
    const medium = frameworkOf('iccma-probo2', 'Medium-result-b1.apx');
    expect([medium.names.length, medium.targets.length]).toEqual([438, 77_717]);
    const crusti = frameworkOf('iccma-i23-samples', 'acceptable_arguments__crusti.i23');
    expect([crusti.names.length, crusti.targets.length]).toEqual([3875, 333_711]);
  }, 60_000);

  it('probo2 a.apx and a.tgf hold the same framework; a.i23 differs, as the README warns', () => {
    expect(present, HOW_TO_FIX).toBe(true);
    const apx = frameworkOf('iccma-probo2', 'solver_test_data__a.apx');
    const tgf = frameworkOf('iccma-probo2', 'solver_test_data__a.tgf');
    const i23 = frameworkOf('iccma-probo2', 'solver_test_data__a.i23');
    expect([apx.names, attacksOf(apx)]).toEqual([['a', 'b'], ['a>a']]);
    expect([tgf.names, attacksOf(tgf)]).toEqual([['a', 'b'], ['a>a']]);
    expect([i23.names, attacksOf(i23)]).toEqual([['1', '2'], ['1>1', '2>1']]);
  });

  it('serialisation example.i23 is example.tgf with arguments numbered a=1 … j=10, under every semantics', () => {
    expect(present, HOW_TO_FIX).toBe(true);
    const i23 = frameworkOf('iccma-i23-samples', 'serialisation__example.i23');
    const tgf = frameworkOf('iccma-i23-samples', 'serialisation__example.tgf');
    const letter = (number: string): string => String.fromCharCode(96 + Number(number));
    expect(attacksOf(i23).map((attack) => attack.split('>').map(letter).join('>')).sort()).toEqual(attacksOf(tgf));
    for (const semantics of ['grounded', 'complete', 'preferred', 'stable'] as const) {
      const renamed = namedExtensions(i23, enumerateExtensions(i23, semantics).extensions).map((extension) => extension.map(letter));
      expect(canonicalExtensions(renamed)).toEqual(namedExtensions(tgf, enumerateExtensions(tgf, semantics).extensions));
    }
  });
});
