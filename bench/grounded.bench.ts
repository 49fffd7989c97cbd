/**
 * Our grounded labelling against the naive fixed-point iteration (bench/naive-grounded.ts), on the
 * largest ICCMA sample of the shared corpora and on a long chain, where the naive iteration needs
 * one round per link. Run with `npx vitest bench --run`; set CORPORA_DIR if the corpora are not in
 * ../shared/corpora beside the project.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { parseI23 } from '../src/core/formats/iccma.ts';
import { FrameworkBuilder, type ArgumentationFramework } from '../src/core/semantics/framework.ts';
import { groundedLabelling } from '../src/core/semantics/grounded.ts';
import { IN } from '../src/core/semantics/labels.ts';
import { naiveGroundedExtension } from './naive-grounded.ts';

const CORPORA_DIR = resolve(import.meta.dirname, '..', process.env.CORPORA_DIR ?? '../shared/corpora');
const CRUSTI = resolve(CORPORA_DIR, 'iccma-i23-samples/acceptable_arguments__crusti.i23');

function crusti(): ArgumentationFramework {
  const result = parseI23(readFileSync(CRUSTI, 'utf8'));
  if (!result.ok) throw new Error(`${CRUSTI} does not parse`);
  return result.framework;
}

function chain(length: number): ArgumentationFramework {
  const builder = new FrameworkBuilder();
  for (let i = 0; i <= length; i += 1) builder.addArgument(`a${i}`);
  for (let i = 0; i < length; i += 1) builder.addAttack(i, i + 1);
  return builder.build();
}

/** Both must agree, or the comparison means nothing. */
function checkAgreement(framework: ArgumentationFramework): ArgumentationFramework {
  const ours = groundedLabelling(framework).map((label) => (label === IN ? 1 : 0));
  const naive = naiveGroundedExtension(framework);
  if (ours.some((member, argument) => member !== naive[argument])) throw new Error('the two grounded extensions differ');
  return framework;
}

describe('grounded extension of crusti.i23 (3,875 arguments, 333,711 attacks)', () => {
  const framework = checkAgreement(crusti());
  bench('queue-based grounded labelling', () => {
    groundedLabelling(framework);
  });
  bench('naive fixed-point iteration', () => {
    naiveGroundedExtension(framework);
  });
});

describe('grounded extension of a chain of 10,000 attacks', () => {
  const framework = checkAgreement(chain(10_000));
  bench('queue-based grounded labelling', () => {
    groundedLabelling(framework);
  });
  bench('naive fixed-point iteration', () => {
    naiveGroundedExtension(framework);
  }, { iterations: 3, time: 0 });
});
