/**
 * Every file the browser writes (Save layout, Save as, write-back, handouts) is first read back
 * by the reader of its format: a file the reader would refuse is never written, and the person
 * is told why. The open map is not touched either way.
 *
 * Here, argmap JSON (what saving the map, its layout and handouts write), read back by the loader
 * the app starts with; Save as reads its other formats back with `writeCheckedMap`, loaded with
 * the writers, so that no reader of another format is part of the app's first chunk.
 */
import { loadMapText } from '../core/load-map.ts';
import type { Problem } from '../core/problems.ts';

/** The loader's errors for `text` as an argmap JSON file; empty when argmap can open it again. */
export function problemsOnReopening(text: string): readonly Problem[] {
  const result = loadMapText(text);
  return result.ok ? [] : result.problems.filter((problem) => problem.severity === 'error');
}
