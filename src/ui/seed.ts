/** The map the app opens with: the seed debate, read through the same checks as any file. */
import seedMapText from '../../graph-data/hundred-model-war.json?raw';
import { loadMapText } from '../core/load-map.ts';
import type { ArgMap } from '../core/model.ts';
import type { Problem } from '../core/problems.ts';
import type { OpenedMap } from './map-session.svelte.ts';

/**
 * Source texts shipped beside the seed, keyed by their path relative to graph-data/. The article
 * as first saved (`*.original.txt`, what `npm run clean-seed` cleans) is no map's source: left out,
 * it costs the app's first chunk nothing.
 */
const shippedSources = import.meta.glob<string>(['../../graph-data/sources/*.txt', '!../../graph-data/sources/*.original.txt'], { query: '?raw', import: 'default', eager: true });

function shippedSourceText(file: string): string | undefined {
  return shippedSources[`../../graph-data/${file}`];
}

const EMPTY_MAP: ArgMap = { schemaVersion: 1, title: { zh: '空白地图', en: 'Empty map' }, sources: [], actors: [], nodes: [], edges: [] };

export const SEED_NAME = 'hundred-model-war';

export function openSeed(): { opened: OpenedMap; problems: readonly Problem[] } {
  const result = loadMapText(seedMapText);
  if (!result.ok) return { opened: { map: EMPTY_MAP, name: SEED_NAME, sourceTexts: new Map() }, problems: result.problems };
  const sourceTexts = new Map<string, string>();
  for (const source of result.map.sources) {
    const text = source.file === undefined ? undefined : shippedSourceText(source.file);
    if (text !== undefined) sourceTexts.set(source.id, text);
  }
  return { opened: { map: result.map, name: SEED_NAME, sourceTexts }, problems: result.warnings };
}
