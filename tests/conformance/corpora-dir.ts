/**
 * Where the conformance suite finds the third-party corpora that may not be copied into the
 * repository (no stated licence): CORPORA_DIR, by default ../shared/corpora beside the clone.
 * A missing folder stops the run with a message that names CORPORA_DIR; nothing is skipped.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_CORPORA_DIR = '../shared/corpora';

/** The corpora that stay outside the repository (tests/corpora/README.md says why). */
export const OUTSIDE_CORPORA = [
  'aif-arguebase',
  'aif-qt30-dialam2024',
  'aif-xaif-argtech',
  'iccma-probo-examples',
  'iccma-course-tests-paris',
  'iccma-i23-samples',
  'debate-graphs-arguman',
] as const;
export type OutsideCorpus = (typeof OUTSIDE_CORPORA)[number];

type Environment = Readonly<Record<string, string | undefined>>;

/** CORPORA_DIR resolved from the project root (a relative value is relative to the clone). */
export function corporaDir(environment: Environment = process.env): string {
  const configured = environment['CORPORA_DIR'];
  return resolve(PROJECT_ROOT, configured === undefined || configured === '' ? DEFAULT_CORPORA_DIR : configured);
}

/** What to tell a person whose corpora are missing: where we looked and how to point elsewhere. */
export function missingCorporaMessage(dir: string, missing: readonly string[]): string {
  return (
    `npm run test:conformance needs the third-party corpora that are not in the repository, but ${dir} ` +
    `lacks ${missing.join(', ')}. Set CORPORA_DIR to the folder that holds them ` +
    `(CORPORA_DIR=/path/to/corpora npm run test:conformance), or place the shared/ folder beside the clone ` +
    `so that ${DEFAULT_CORPORA_DIR} exists. npm test needs none of them.`
  );
}

/** Throws the message above when a corpus folder is missing from CORPORA_DIR. */
export function requireCorpora(environment: Environment = process.env, folders: readonly string[] = OUTSIDE_CORPORA): string {
  const dir = corporaDir(environment);
  const missing = folders.filter((folder) => !existsSync(join(dir, folder)));
  if (missing.length > 0) throw new Error(missingCorporaMessage(dir, missing));
  return dir;
}

/** The path of a folder of the outside corpora; throws the message above when it is missing. */
export function outsideCorpus(folder: OutsideCorpus): string {
  return join(requireCorpora(process.env, [folder]), folder);
}
