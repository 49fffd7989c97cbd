/**
 * The third-party corpora copied into the repository (tests/corpora, origins and licences in its
 * README): MIT folders at the top, GPL-3.0 folders under gpl-3.0/. `npm test` reads only these.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_CORPORA_DIR = resolve(import.meta.dirname, '../corpora');

const GPL_FOLDERS: ReadonlySet<string> = new Set(['iccma-alias-tests', 'iccma-i23-samples']);

/** A corpus folder of the repository by its name (the same name as in the shared corpora). */
export function repoCorpus(folder: string): string {
  const path = GPL_FOLDERS.has(folder) ? join(REPO_CORPORA_DIR, 'gpl-3.0', folder) : join(REPO_CORPORA_DIR, folder);
  if (!existsSync(path)) throw new Error(`the corpus folder ${path} is missing from the clone: restore tests/corpora from the repository`);
  return path;
}
