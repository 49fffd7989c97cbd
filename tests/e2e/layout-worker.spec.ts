/**
 * A big file is read in a worker and the force layout runs in another: a big map opens and
 * settles without freezing the page, and the page ends up with exactly the picture the CLI
 * computes for the same map and seed.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateMap } from '../../bench/big-maps/generate.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { formatNumber } from '../../src/export/xml.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { exportSvg, openApp, openMapFile } from './helpers.ts';

const BIG_MAP = JSON.stringify(generateMap(2000, 1));

/** The seed map's element says "settled" too: wait for the new map's title before trusting it. */
async function waitForOpenedMap(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/2000/, { timeout: 30_000 });
  await expect(page.locator('.map[data-layout="settled"]')).toBeAttached({ timeout: 60_000 });
}

interface Timeline {
  readonly settlingStarted: number;
  readonly settled: number;
  readonly longTasks: readonly { readonly start: number; readonly duration: number }[];
}

/** Records long tasks, and when the map element starts and stops settling, from before the file is opened. */
async function watchSettling(page: Page): Promise<() => Promise<Timeline>> {
  await page.evaluate(() => {
    const record = { settlingStarted: NaN, settled: NaN, longTasks: [] as { start: number; duration: number }[] };
    (window as unknown as { settling: typeof record }).settling = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      const state = document.querySelector('[data-layout]')?.getAttribute('data-layout');
      if (state === 'settling' && Number.isNaN(record.settlingStarted)) record.settlingStarted = performance.now();
      if (state === 'settled' && !Number.isNaN(record.settlingStarted) && Number.isNaN(record.settled)) record.settled = performance.now();
    }).observe(document.body, { attributes: true, childList: true, subtree: true, attributeFilter: ['data-layout'] });
  });
  return () => page.evaluate(() => (window as unknown as { settling: Timeline }).settling);
}

/**
 * That no task of the page runs 50 ms or more while the map settles is measured by the benchmark
 * (`npm run bench`, bench/RESULTS.md: "longest task while settling"), on a quiet machine: here,
 * beside other tests on two cores, a task's wall time says more about the neighbours than about it.
 */
test('a 2,000-node map is read in one Web Worker and settles in another, streaming positions into a map that says it is settling', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const timeline = await watchSettling(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openMapFile(page, 'big.json', BIG_MAP);
  await waitForOpenedMap(page);
  expect(workers).toEqual([expect.stringMatching(/read-worker/), expect.stringMatching(/layout-worker/)]);
  const { settlingStarted, settled, longTasks } = await timeline();
  expect(settlingStarted).toBeLessThan(settled);
  const whileSettling = longTasks.filter((task) => task.start >= settlingStarted && task.start < settled).map((task) => Math.round(task.duration));
  test.info().annotations.push({ type: 'long tasks while settling, beside other tests (ms)', description: whileSettling.join(', ') || 'none' });
});

test('the page settles a map exactly where the CLI’s settleLayout puts it (read from the exported SVG)', async ({ page }) => {
  test.setTimeout(120_000);
  const result = loadMapText(BIG_MAP);
  if (!result.ok) throw new Error('the generated map does not load');
  const expected = settleLayout(result.map, layoutExtents(result.map)).map(({ id, x, y }) => `${id} ${formatNumber(x)},${formatNumber(y)}`);

  await openApp(page);
  await openMapFile(page, 'big.json', BIG_MAP);
  await waitForOpenedMap(page);
  const { text } = await exportSvg(page);
  const drawn = [...text.matchAll(/data-node-id="([^"]+)"[^>]*transform="translate\(([^,]+),([^)]+)\)"/g)].map(([, id, x, y]) => `${id} ${x},${y}`);
  expect(drawn).toEqual(expected);
});
