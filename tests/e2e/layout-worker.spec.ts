/**
 * The force layout runs in a worker: a big map settles without freezing the page, and the page
 * ends up with exactly the picture the CLI computes for the same map and seed.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateMap } from '../../bench/big-maps/generate.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { formatNumber } from '../../src/export/xml.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { exportSvg, openApp, openMapFile } from './helpers.ts';

const BIG_MAP = JSON.stringify(generateMap(2000, 1));
/** Long enough to count as a long task: the page would not answer input that fast. */
const LONG_TASK_MS = 50;

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

test('a 2,000-node map settles off the page’s thread: no long task from the start of settling to rest', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const timeline = await watchSettling(page);
  await openMapFile(page, 'big.json', BIG_MAP);
  await expect(page.locator('[data-layout="settled"]')).toBeAttached({ timeout: 60_000 });
  const { settlingStarted, settled, longTasks } = await timeline();
  expect(settlingStarted).toBeLessThan(settled);
  const whileSettling = longTasks.filter((task) => task.start >= settlingStarted && task.start < settled);
  const beforeSettling = longTasks.filter((task) => task.start < settlingStarted).map((task) => Math.round(task.duration));
  test.info().annotations.push({ type: 'long tasks before settling (parsing, checking, first drawing), ms', description: beforeSettling.join(', ') });
  test.info().annotations.push({ type: 'settling, ms', description: String(Math.round(settled - settlingStarted)) });
  expect(whileSettling.filter((task) => task.duration > LONG_TASK_MS)).toEqual([]);
});

test('the page settles a map exactly where the CLI’s settleLayout puts it (read from the exported SVG)', async ({ page }) => {
  test.setTimeout(120_000);
  const result = loadMapText(BIG_MAP);
  if (!result.ok) throw new Error('the generated map does not load');
  const expected = settleLayout(result.map, layoutExtents(result.map)).map(({ id, x, y }) => `${id} ${formatNumber(x)},${formatNumber(y)}`);

  await openApp(page);
  await openMapFile(page, 'big.json', BIG_MAP);
  await expect(page.locator('[data-layout="settled"]')).toBeAttached({ timeout: 60_000 });
  const { text } = await exportSvg(page);
  const drawn = [...text.matchAll(/data-node-id="([^"]+)"[^>]*transform="translate\(([^,]+),([^)]+)\)"/g)].map(([, id, x, y]) => `${id} ${x},${y}`);
  expect(drawn).toEqual(expected);
});
