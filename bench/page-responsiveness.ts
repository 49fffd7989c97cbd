/**
 * Whether the page keeps answering while a big map is pasted and while the search index is built
 * (issue 13 §2), in the built app in headless Chromium:
 *
 *   npx tsx bench/page-responsiveness.ts [--runs 3] [--strict]
 *
 * - Paste: the longest main-thread task from the paste until the map is on screen (its node count
 *   in the status line), against opening the same 20,000-node map as a file (read in the reading
 *   worker) in the same run. The target: a paste blocks the page no longer than a file open
 *   (ratio ≤ 1.25).
 * - Search: the longest main-thread task from the first keystroke until the results show, on a
 *   map of long Chinese texts, against building the same index in one piece (what the page used
 *   to do at the first keystroke), timed in Node in the same run. The target: ratio ≤ 0.25.
 *
 * Long tasks come from a PerformanceObserver (`longtask`, 50 ms and over; none counts as 0 ms).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { buildSearchIndex } from '../src/core/explore/search.ts';
import { loadMapText } from '../src/core/load-map.ts';
import { option } from './bench-support.ts';
import { generateMap } from './big-maps/generate.ts';
import { serveApp } from './served-app.ts';
const RUNS = option('--runs', 3);
const STRICT = process.argv.includes('--strict');
const PASTE_TARGET = 1.25;
const SEARCH_TARGET = 0.25;

const BIG = JSON.stringify(generateMap(20_000, 1));
const BIG_NODES = 20_000;

/** 2,000 nodes of 1,500 Chinese characters each: pinyin for three million characters. */
function longTextMap(): string {
  const sentence = '大模型摧毁了创业，算力都向大厂集中，垂直模型更便宜。';
  return JSON.stringify({
    schemaVersion: 1,
    title: { zh: '长文本', en: 'Long texts' },
    sources: [],
    actors: [{ id: 'zhu', name: { zh: '朱啸虎', en: 'Zhu Xiaohu' } }],
    nodes: Array.from({ length: 2_000 }, (_, index) => ({
      id: `n${index}`,
      kind: 'claim',
      text: { zh: `${index} ${sentence.repeat(60)}`, en: `claim ${index}` },
      position: { x: (index % 50) * 400, y: Math.floor(index / 50) * 200 },
      ...(index % 10 === 0 ? { actor: 'zhu' } : {}),
    })),
    edges: [],
  });
}
const LONG = longTextMap();

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { __tasks: number[] }).__tasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

async function longestTask(page: Page): Promise<number> {
  // Long-task entries arrive after their task: one more frame lets the last one in.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return page.evaluate(() => Math.max(0, ...(window as unknown as { __tasks: number[] }).__tasks));
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-layout="settled"]').first().waitFor({ state: 'attached', timeout: 60_000 });
}

const summary = (page: Page, nodes: number) => page.locator('p.hint', { hasText: new RegExp(`(^|\\D)${nodes} 个节点`) });

async function pasteRun(page: Page, url: string): Promise<number> {
  await openApp(page, url);
  await watchLongTasks(page);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, BIG);
  await summary(page, BIG_NODES).waitFor({ timeout: 120_000 });
  return longestTask(page);
}

async function fileRun(page: Page, url: string): Promise<number> {
  await openApp(page, url);
  await watchLongTasks(page);
  await page.getByLabel(/^\s*(Open map…|打开地图…)\s*$/).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(BIG) });
  await summary(page, BIG_NODES).waitFor({ timeout: 120_000 });
  return longestTask(page);
}

async function searchRun(page: Page, url: string): Promise<number> {
  await openApp(page, url);
  await page.getByLabel(/^\s*(Open map…|打开地图…)\s*$/).setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(LONG) });
  await summary(page, 2_000).waitFor({ timeout: 120_000 });
  // The search code loads 1.5 s after the map settles; the index waits for the first keystroke.
  await page.locator('[data-layout="settled"]').first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(2_500);
  await watchLongTasks(page);
  await page.locator('#map-search').fill('zhuxiaohu');
  await page.getByRole('list', { name: /搜索结果|Search results/ }).waitFor({ timeout: 120_000 });
  return longestTask(page);
}

function oneBuildMs(): number {
  const loaded = loadMapText(LONG);
  if (!loaded.ok) throw new Error('the long-text map does not load');
  const started = performance.now();
  buildSearchIndex(loaded.map);
  return performance.now() - started;
}

const app = await serveApp('responsiveness');
try {
  const paste: number[] = [];
  const file: number[] = [];
  const search: number[] = [];
  const oneBuild: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    for (const [times, measure] of [[file, fileRun], [paste, pasteRun], [search, searchRun]] as const) {
      const page = await app.browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
      times.push(await measure(page, app.url));
      await page.close();
    }
    oneBuild.push(oneBuildMs());
  }
  const pasteRatio = median(paste) / Math.max(50, median(file));
  const searchRatio = median(search) / median(oneBuild);
  const lines = [
    `runs: ${RUNS} (medians; a task under 50 ms counts as 0, a baseline under 50 ms as 50)`,
    `paste of a 20,000-node map: longest task ${median(paste).toFixed(0)} ms; opening it as a file (baseline): ${median(file).toFixed(0)} ms; ratio ${pasteRatio.toFixed(2)} (target ≤ ${PASTE_TARGET})`,
    `first search over 2,000 texts of 1,500 characters: longest task ${median(search).toFixed(0)} ms; the index built in one piece (baseline, Node): ${median(oneBuild).toFixed(0)} ms; ratio ${searchRatio.toFixed(2)} (target ≤ ${SEARCH_TARGET})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (STRICT && (pasteRatio > PASTE_TARGET || searchRatio > SEARCH_TARGET)) process.exitCode = 1;
} finally {
  await app.close();
}
