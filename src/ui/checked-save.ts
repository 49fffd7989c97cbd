/**
 * Every file the browser writes (Save layout, Save as, write-back, handouts) is first read back
 * by the reader of its format: a file the reader would refuse is never written, and the person
 * is told why. The open map is not touched either way.
 */
import { readMapAs } from '../core/formats/read-map.ts';
import type { MapFormat } from '../core/formats/detect.ts';
import type { Problem } from '../core/problems.ts';

/** The reader's errors for `text` as a file of `format`; empty when argmap can open it again. */
export function problemsOnReopening(text: string, format: MapFormat): readonly Problem[] {
  const result = readMapAs(text, format);
  return result.ok ? [] : result.problems.filter((problem) => problem.severity === 'error');
}
