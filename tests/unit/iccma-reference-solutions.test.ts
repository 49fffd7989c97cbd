/**
 * Reference solutions from the corpora in the repository (tests/corpora): for every framework with
 * solutions, the extensions computed here must equal the reference exactly, as sets of sets.
 * ALIAS's answers (GPL-3.0 copies) and probo2's ICCMA 2019 instance (MIT); the corpora that may not
 * be copied are checked by the conformance suite (tests/conformance/iccma.test.ts).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enumerateExtensions, namedExtensions } from '../../src/core/semantics/extensions.ts';
import { repoCorpus } from '../support/corpora.ts';
import { aliasCases, attacksOf, frameworkAt, itMatchesEachReference, probo2Cases } from '../support/iccma-cases.ts';
import { canonicalExtensions, parseProboExtension } from '../support/iccma-solutions.ts';

const ALIAS = repoCorpus('iccma-alias-tests');
const PROBO2 = repoCorpus('iccma-probo2');
const I23 = repoCorpus('iccma-i23-samples');
const cases = [...aliasCases(ALIAS), ...probo2Cases(PROBO2)];

/** 6 ALIAS complete answers × 3 (complete, grounded, preferred) + 12 preferred/stable, Medium-result-b1 × 4. */
const EXPECTED_PAIRS = 30 + 4;

describe('ICCMA reference solutions in the repository', () => {
  itMatchesEachReference(cases);

  it(`checks ${EXPECTED_PAIRS} (framework, semantics) pairs, among them complete6's 1,624 complete extensions`, () => {
    expect(cases).toHaveLength(EXPECTED_PAIRS);
    const complete6 = cases.find((testCase) => testCase.frameworkFile === 'complete6.tgf' && testCase.semantics === 'complete');
    expect(complete6?.extensions).toHaveLength(1624);
  });
});

describe('Medium-result-b1 (probo2): acceptance answers and a single extension', () => {
  const read = (file: string) => readFileSync(join(PROBO2, file), 'utf8');

  it('agrees with DC-CO, DS-CO, DC-GR for the query argument and with SE-CO', () => {
    const framework = frameworkAt(join(PROBO2, 'Medium-result-b1.apx'));
    const query = read('Medium-result-b1.arg').trim();
    const complete = namedExtensions(framework, enumerateExtensions(framework, 'complete').extensions);
    const grounded = namedExtensions(framework, enumerateExtensions(framework, 'grounded').extensions)[0]!;
    const answer = (yes: boolean): string => (yes ? 'YES' : 'NO');
    expect(answer(complete.some((extension) => extension.includes(query)))).toBe(read('iccma-2019-Medium-result-b1.apx-DC-CO.out').trim());
    expect(answer(complete.every((extension) => extension.includes(query)))).toBe(read('iccma-2019-Medium-result-b1.apx-DS-CO.out').trim());
    expect(answer(grounded.includes(query))).toBe(read('iccma-2019-Medium-result-b1.apx-DC-GR.out').trim());
    expect(complete).toContainEqual([...parseProboExtension(read('iccma-2019-Medium-result-b1.apx-SE-CO.out'))].sort());
  }, 60_000);
});

describe('the formats agree on real files', () => {
  it('reads the size the corpora README states for Medium-result-b1', () => {
    const medium = frameworkAt(join(PROBO2, 'Medium-result-b1.apx'));
    expect([medium.names.length, medium.targets.length]).toEqual([438, 77_717]);
  }, 60_000);

  it('probo2 a.apx and a.tgf hold the same framework; a.i23 differs, as the README warns', () => {
    const apx = frameworkAt(join(PROBO2, 'solver_test_data__a.apx'));
    const tgf = frameworkAt(join(PROBO2, 'solver_test_data__a.tgf'));
    const i23 = frameworkAt(join(PROBO2, 'solver_test_data__a.i23'));
    expect([apx.names, attacksOf(apx)]).toEqual([['a', 'b'], ['a>a']]);
    expect([tgf.names, attacksOf(tgf)]).toEqual([['a', 'b'], ['a>a']]);
    expect([i23.names, attacksOf(i23)]).toEqual([['1', '2'], ['1>1', '2>1']]);
  });

  it('serialisation example.i23 is example.tgf with arguments numbered a=1 … j=10, under every semantics', () => {
    const i23 = frameworkAt(join(I23, 'serialisation__example.i23'));
    const tgf = frameworkAt(join(I23, 'serialisation__example.tgf'));
    const letter = (number: string): string => String.fromCharCode(96 + Number(number));
    expect(attacksOf(i23).map((attack) => attack.split('>').map(letter).join('>')).sort()).toEqual(attacksOf(tgf));
    for (const semantics of ['grounded', 'complete', 'preferred', 'stable'] as const) {
      const renamed = namedExtensions(i23, enumerateExtensions(i23, semantics).extensions).map((extension) => extension.map(letter));
      expect(canonicalExtensions(renamed)).toEqual(namedExtensions(tgf, enumerateExtensions(tgf, semantics).extensions));
    }
  });

  it('every i23 and tgf sample of the repository parses (serialisation-solver, taas-fudge)', () => {
    const samples = ['serialisation__example1.i23', 'serialisation__example1.tgf', 'serialisation__example2.tgf', 'serialisation__example_no_st.tgf', 'taas-fudge__test.i23'];
    const sizes = samples.map((file) => {
      const framework = frameworkAt(join(I23, file));
      return [framework.names.length, framework.targets.length];
    });
    // Sizes as the corpora README states them.
    expect(sizes).toEqual([[3, 2], [3, 2], [5, 6], [3, 3], [6, 5]]);
  });
});
