/** The seed map, read from disk through the same loader as every file. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';

/** A path, not a URL: in jsdom test files `URL` and `import.meta.url` are the page's, not Node's. */
export const SEED_MAP_PATH = resolve(import.meta.dirname, '../../graph-data/hundred-model-war.json');

export function loadSeedMap(): ArgMap {
  const result = loadMapText(readFileSync(SEED_MAP_PATH, 'utf8'));
  if (!result.ok) throw new Error(`the seed map does not load: ${result.problems.map((problem) => problem.message).join('; ')}`);
  return result.map;
}
