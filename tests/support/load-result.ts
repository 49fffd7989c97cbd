/** Unwrapping a LoadResult in tests, with every problem spelled out when it is not the expected kind. */
import type { LoadResult } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';

export function loaded(result: LoadResult): { map: ArgMap; warnings: Problem[] } {
  if (!result.ok) throw new Error(`expected the map to load: ${result.problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return result;
}

export function problemsOf(result: LoadResult): Problem[] {
  if (result.ok) throw new Error('expected the map to be refused');
  return result.problems;
}
