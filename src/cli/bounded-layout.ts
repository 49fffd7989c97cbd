/**
 * The layout the CLI draws: the app's settled layout (settleLayout's steps, seeded, so the page
 * and the CLI agree to the last digit), run until it has settled or until a time budget is spent.
 * On a maximal valid map (about 78,000 nodes in 20 MiB) the overlap passes alone ran for minutes;
 * the CLI promises an answer within 60 s on any input, so past the budget (20 s) the layout stops where
 * it is, with a warning. Maps of ordinary size settle long before it.
 */
import type { ArgMap } from '../core/model.ts';
import { createForceLayout, readPositions, settleSteps } from '../layout/force-layout.ts';
import type { Position } from '../layout/layout-node.ts';
import { layoutExtents } from '../layout/node-boxes.ts';

/**
 * Measuring and seeding count too. A 5,000-node map settles in about 5 s on this project's 2-core
 * machine, a 20,000-node one in 15–70 s depending on the machine's load.
 */
export const LAYOUT_BUDGET_MS = 20_000;

export function boundedLayout(map: ArgMap, seed: string, warn: (message: string) => void, budgetMs = LAYOUT_BUDGET_MS): Position[] {
  const started = performance.now();
  const layout = createForceLayout(map, layoutExtents(map), { seed });
  for (const progress of settleSteps(layout)) {
    if (performance.now() - started > budgetMs) {
      warn(
        `the layout stopped after ${Math.round(budgetMs / 1000)} s, ${Math.floor(progress * 100)}% settled, so some nodes may overlap; a map whose nodes all have saved positions is drawn as saved, with no layout`,
      );
      break;
    }
  }
  return readPositions(layout);
}
