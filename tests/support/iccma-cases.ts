/**
 * The (framework file, semantics, reference extensions) cases of the ICCMA corpora, one collector
 * per corpus layout, and a cached framework reader. Each collector takes the folder's path, so the
 * same code serves the copies in the repository and the corpora read in place by the conformance
 * suite. Where only the complete extensions are given, the grounded (⊆-least) and preferred
 * (⊆-maximal) ones are derived from them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { iccmaFormatOfFileName, parseIccma } from '../../src/core/formats/iccma.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { enumerateExtensions, namedExtensions, type Semantics } from '../../src/core/semantics/extensions.ts';
import type { ArgumentationFramework } from '../../src/core/semantics/framework.ts';
import { canonicalExtensions, leastExtension, maximalExtensions, parseAliasAnswer, parseParisSolution, parseProboExtensions } from './iccma-solutions.ts';

interface Reference {
  readonly extensions: readonly (readonly string[])[];
  /** Where the reference comes from, for the test name. */
  readonly source: string;
}

export interface ReferenceCase extends Reference {
  /** The corpus folder's name, for the test name. */
  readonly folder: string;
  readonly frameworkPath: string;
  readonly frameworkFile: string;
  readonly semantics: Semantics;
}

const PROBO_TASKS: ReadonlyMap<string, Semantics> = new Map([
  ['CO', 'complete'],
  ['GR', 'grounded'],
  ['PR', 'preferred'],
  ['ST', 'stable'],
]);

/** The references of one framework, by semantics, with grounded and preferred derived from complete where missing. */
function withDerived(references: Map<Semantics, Reference>): Map<Semantics, Reference> {
  const complete = references.get('complete');
  if (complete === undefined) return references;
  const derived = new Map(references);
  if (!derived.has('grounded')) derived.set('grounded', { extensions: [leastExtension(complete.extensions)], source: `least of ${complete.source}` });
  if (!derived.has('preferred')) derived.set('preferred', { extensions: maximalExtensions(complete.extensions), source: `maximal of ${complete.source}` });
  return derived;
}

function casesFor(dir: string, frameworkFiles: readonly string[], references: Map<Semantics, Reference>): ReferenceCase[] {
  return frameworkFiles.flatMap((frameworkFile) =>
    [...withDerived(references)].map(([semantics, reference]) => ({
      folder: basename(dir), frameworkPath: join(dir, frameworkFile), frameworkFile, semantics, ...reference,
    })),
  );
}

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** probo examples: exN.apx.EE-XX, for exN.apx and the same framework in exN.tgf. */
export function proboExampleCases(dir: string): ReferenceCase[] {
  const byExample = new Map<string, Map<Semantics, Reference>>();
  for (const file of readdirSync(dir).sort()) {
    const match = /^(.+)\.apx\.EE-([A-Z]{2})$/.exec(file);
    const semantics = PROBO_TASKS.get(match?.[2] ?? '');
    if (match === null || semantics === undefined) continue;
    const references = byExample.get(match[1]!) ?? new Map<Semantics, Reference>();
    references.set(semantics, { extensions: parseProboExtensions(read(dir, file)), source: file });
    byExample.set(match[1]!, references);
  }
  return [...byExample].flatMap(([example, references]) => casesFor(dir, [`${example}.apx`, `${example}.tgf`], references));
}

/** Paris course tests: test_afN.apx with test_afN_pr.txt and test_afN_st.txt. */
export function parisCases(dir: string): ReferenceCase[] {
  const cases: ReferenceCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = /^(.+)_(pr|st)\.txt$/.exec(file);
    if (match === null) continue;
    const solution = parseParisSolution(read(dir, file));
    if (solution.semantics.slice(0, 2) !== match[2]) throw new Error(`${file} holds ${solution.semantics} extensions`);
    const frameworkFile = `${match[1]}.apx`;
    cases.push({ folder: basename(dir), frameworkPath: join(dir, frameworkFile), frameworkFile, semantics: solution.semantics, extensions: solution.extensions, source: file });
  }
  return cases;
}

/** ALIAS: <semantics>N.tgf with <semantics>Nanswer. */
export function aliasCases(dir: string): ReferenceCase[] {
  return readdirSync(dir).sort().flatMap((file) => {
    const match = /^(complete|preferred|stable)(\d+)answer$/.exec(file);
    if (match === null) return [];
    const semantics = match[1] as Semantics;
    return casesFor(dir, [`${match[1]}${match[2]}.tgf`], new Map([[semantics, { extensions: parseAliasAnswer(read(dir, file)), source: file }]]));
  });
}

/** probo2: iccma-2019-NAME-EE-XX.out for NAME. */
export function probo2Cases(dir: string): ReferenceCase[] {
  const byFramework = new Map<string, Map<Semantics, Reference>>();
  for (const file of readdirSync(dir).sort()) {
    const match = /^iccma-\d+-(.+)-EE-([A-Z]{2})\.out$/.exec(file);
    const semantics = PROBO_TASKS.get(match?.[2] ?? '');
    if (match === null || semantics === undefined) continue;
    const references = byFramework.get(match[1]!) ?? new Map<Semantics, Reference>();
    references.set(semantics, { extensions: parseProboExtensions(read(dir, file)), source: file });
    byFramework.set(match[1]!, references);
  }
  return [...byFramework].flatMap(([framework, references]) => casesFor(dir, [framework], references));
}

const frameworks = new Map<string, ArgumentationFramework>();

/** The framework in a file, read once; a file that does not parse is a broken test setup. */
export function frameworkAt(path: string): ArgumentationFramework {
  const cached = frameworks.get(path);
  if (cached !== undefined) return cached;
  const file = basename(path);
  const result = parseIccma(readFileSync(path, 'utf8'), iccmaFormatOfFileName(file));
  if (!result.ok) throw new Error(`${file} does not parse:\n${result.problems.map((problem) => formatProblem(problem, file)).join('\n')}`);
  frameworks.set(path, result.framework);
  return result.framework;
}

/** The attacks of a framework as sorted `a>b` strings. */
export function attacksOf(framework: ArgumentationFramework): string[] {
  return framework.names.flatMap((name, argument) =>
    Array.from(framework.targets.subarray(framework.targetOffsets[argument], framework.targetOffsets[argument + 1]), (target) => `${name}>${framework.names[target]}`),
  ).sort();
}

/** One test per case: the extensions enumerated here equal the reference exactly, as sets of sets. */
export function itMatchesEachReference(cases: readonly ReferenceCase[]): void {
  for (const { folder, frameworkPath, frameworkFile, semantics, extensions, source } of cases) {
    it(`${folder}/${frameworkFile}: ${semantics} = ${source}`, () => {
      const framework = frameworkAt(frameworkPath);
      const enumeration = enumerateExtensions(framework, semantics);
      expect(enumeration.complete).toBe(true);
      expect(namedExtensions(framework, enumeration.extensions)).toEqual(canonicalExtensions(extensions));
    }, 60_000);
  }
}
