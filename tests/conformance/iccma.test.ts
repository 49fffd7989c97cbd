/**
 * Reference solutions of the ICCMA corpora that may not be copied into the repository (read from
 * CORPORA_DIR): the probo examples and the Paris course tests must be matched exactly, as sets of
 * sets, and the 3.1 MB crusti.i23 must parse to the size its README states.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkAt, itMatchesEachReference, parisCases, proboExampleCases } from '../support/iccma-cases.ts';
import { outsideCorpus } from './corpora-dir.ts';

const cases = [...proboExampleCases(outsideCorpus('iccma-probo-examples')), ...parisCases(outsideCorpus('iccma-course-tests-paris'))];

/** 6 probo example files × 4 semantics, 6 Paris frameworks × 2. */
const EXPECTED_PAIRS = 24 + 12;

describe('ICCMA reference solutions in CORPORA_DIR', () => {
  itMatchesEachReference(cases);

  it(`checks ${EXPECTED_PAIRS} (framework, semantics) pairs, among them a framework with no stable extension`, () => {
    expect(cases).toHaveLength(EXPECTED_PAIRS);
    expect(cases.filter((testCase) => testCase.semantics === 'stable' && testCase.extensions.length === 0)).not.toHaveLength(0);
  });

  it('reads the size the corpora README states for crusti.i23', () => {
    const crusti = frameworkAt(join(outsideCorpus('iccma-i23-samples'), 'acceptable_arguments__crusti.i23'));
    expect([crusti.names.length, crusti.targets.length]).toEqual([3875, 333_711]);
  }, 60_000);
});
