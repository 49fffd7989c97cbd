/**
 * Big maps: the app against a plain d3-force + SVG page drawing the same graph, in one run.
 *
 *   npx tsx bench/big-maps/run.ts [--sizes 1000,2000,5000] [--runs 1]
 *
 * Maps: seeded generated maps of the given sizes (generate.ts; add 20000 to --sizes for the
 * biggest, which takes minutes) and the largest QT30 nodeset (AIF, opened as the file it is; the
 * plain page gets the same graph as argmap JSON). For each map and page, in a fresh browser
 * context: (a) time from opening (the app: the file input's change event; the plain page: the
 * call handing it the text) to all nodes drawn with transforms unchanged over two frames;
 * (b) the longest main-thread task meanwhile (PerformanceObserver 'longtask', which only reports
 * tasks of 50 ms or more); (c) frame times (requestAnimationFrame deltas in the page) while
 * Playwright pans on the background, zooms with the wheel and drags a node, 60 steps each with a
 * frame between steps; (d) the JS heap after a forced GC. Every wait has a timeout; a map that
 * does not settle within 60 s is recorded as a timeout. Results go to bench/RESULTS.md.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build as esbuild } from 'esbuild';
import { build, preview } from 'vite';
import { readMapBytes } from '../../src/core/formats/read-map.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { generateMap } from './generate.ts';
import { freePort } from '../free-port.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(HERE, '..', '..');
const CORPORA_DIR = path.resolve(PROJECT_ROOT, process.env['CORPORA_DIR'] ?? '../shared/corpora');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SEED = 1;
const SETTLE_TIMEOUT_MS = 60_000;
/** A gesture stops taking steps after this; at ~2 s a frame (argmap dragging 5,000 nodes) 60 steps would take minutes. */
const GESTURE_BUDGET_MS = 60_000;
/** The backstop for a single step that never returns (a frame frozen for good). */
const STEP_TIMEOUT_MS = 60_000;
const STEPS = 60;
const VIEWPORT = { width: 1400, height: 900 };
const NODE_SELECTOR = 'svg.map g[data-node-id]';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
function wholeNumbers(text: string, name: string, least: number): number[] {
  const values = text.split(',').map(Number);
  if (values.some((value) => !Number.isInteger(value) || value < least)) throw new Error(`${name} takes whole numbers of at least ${least}, separated by commas`);
  return values;
}
const SIZES = wholeNumbers(argument('--sizes') ?? '1000,2000,5000', '--sizes', 2);
const RUNS = wholeNumbers(argument('--runs') ?? '1', '--runs', 1)[0]!;

interface MapCase {
  readonly label: string;
  /** What the app opens. */
  readonly fileName: string;
  readonly bytes: Buffer;
  /** What the plain page opens: argmap JSON of the same graph. */
  readonly plainText: string;
  readonly nodes: number;
  readonly edges: number;
}

function generatedCase(size: number): MapCase {
  const text = JSON.stringify(generateMap(size, SEED));
  const loaded = loadMapText(text);
  if (!loaded.ok) throw new Error(`the generated ${size}-node map is invalid: ${loaded.problems.slice(0, 5).map((problem) => problem.message).join('; ')}`);
  if (loaded.warnings.length > 0) throw new Error(`the generated ${size}-node map has warnings: ${loaded.warnings.slice(0, 5).map((problem) => problem.message).join('; ')}`);
  return { label: `generated ${size}`, fileName: `generated-${size}.json`, bytes: Buffer.from(text), plainText: text, nodes: loaded.map.nodes.length, edges: loaded.map.edges.length };
}

function qt30Case(): MapCase {
  const file = path.join(CORPORA_DIR, 'aif-qt30-dialam2024', 'nodeset25445.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: set CORPORA_DIR to the folder holding aif-qt30-dialam2024/`);
  const bytes = readFileSync(file);
  const read = readMapBytes(bytes);
  if (!read.result.ok) throw new Error(`${file} does not open: ${read.result.problems.map((problem) => problem.message).join('; ')}`);
  const map = read.result.map;
  return { label: 'QT30 nodeset25445', fileName: path.basename(file), bytes, plainText: serializeMap(map), nodes: map.nodes.length, edges: map.edges.length };
}


/** Rejects after `ms`: a page frozen by a long task cannot be trusted to enforce its own deadline. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout: ${what} took over ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Tool = 'argmap' | 'plain';
type Gesture = 'pan' | 'zoom' | 'drag';
type Settle = { settledMs: number; longestTaskMs: number } | { error: string };

interface Measurement {
  /** Undefined when the map did not settle in time. */
  readonly settledMs?: number;
  readonly longestTaskMs?: number;
  readonly heapBytes?: number;
  readonly frames: Readonly<Record<Gesture, readonly number[]>>;
  readonly notes: readonly string[];
}

interface Watch {
  __settle?: Promise<Settle>;
  __start?: () => void;
  __frames?: number[];
  __recording?: boolean;
  plainOpen?: (text: string) => void;
}

/**
 * Arms, before the map is opened, a watcher that starts at the opening (the file input's change
 * event, or `__start()`), follows every frame until `expected` fresh nodes hold still for two
 * frames, and keeps the longest task reported meanwhile.
 */
async function armSettleWatch(page: Page, expected: number): Promise<void> {
  await page.evaluate(
    ({ selector, expected, timeoutMs }) => {
      const state = window as unknown as Watch;
      state.__settle = new Promise<Settle>((resolve) => {
        const old = new Set(document.querySelectorAll(selector));
        let started = 0;
        let longestTaskMs = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (started > 0 && entry.startTime >= started) longestTaskMs = Math.max(longestTaskMs, entry.duration);
        });
        observer.observe({ type: 'longtask' });
        let last: string | undefined;
        let same = 0;
        const finish = (result: Settle) => {
          // Tasks that ended just before are delivered asynchronously; take them before stopping.
          for (const entry of observer.takeRecords()) if (entry.startTime >= started) longestTaskMs = Math.max(longestTaskMs, entry.duration);
          observer.disconnect();
          resolve('error' in result ? result : { ...result, longestTaskMs });
        };
        const check = () => {
          const now = performance.now();
          const refusal = document.querySelector('[role="alert"].failed');
          if (refusal) return finish({ error: `the app refused the file: ${refusal.textContent ?? ''}` });
          if (now - started > timeoutMs) return finish({ error: `no settled map of ${expected} nodes within ${timeoutMs / 1000} s` });
          const nodes = [...document.querySelectorAll(selector)];
          if (nodes.length === expected && nodes.every((node) => !old.has(node))) {
            const signature = nodes.map((node) => node.getAttribute('transform')).join('|');
            same = signature === last ? same + 1 : 0;
            last = signature;
            if (same >= 2) return finish({ settledMs: now - started, longestTaskMs });
          } else {
            last = undefined;
            same = 0;
          }
          requestAnimationFrame(check);
        };
        const start = () => {
          started = performance.now();
          requestAnimationFrame(check);
        };
        state.__start = start;
        document.addEventListener(
          'change',
          (event) => {
            if (event.target instanceof HTMLInputElement && event.target.type === 'file') start();
          },
          { capture: true, once: true },
        );
      });
    },
    { selector: NODE_SELECTOR, expected, timeoutMs: SETTLE_TIMEOUT_MS },
  );
}

async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

/** A point of the map's background (the svg itself under the pointer), nearest the centre. */
async function backgroundPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.map')!;
    const box = svg.getBoundingClientRect();
    let best: { x: number; y: number; distance: number } | undefined;
    for (let x = box.left + 40; x < box.right - 40; x += 16) {
      for (let y = box.top + 40; y < box.bottom - 40; y += 16) {
        if (document.elementFromPoint(x, y) !== svg) continue;
        const distance = Math.hypot(x - (box.left + box.right) / 2, y - (box.top + box.bottom) / 2);
        if (!best || distance < best.distance) best = { x, y, distance };
      }
    }
    if (!best) throw new Error('no empty background to pan on');
    return { x: best.x, y: best.y };
  });
}

/** The centre of the visible node nearest the middle of the view, where a press lands on that node. */
async function nodePoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate((selector) => {
    const box = document.querySelector('svg.map')!.getBoundingClientRect();
    const [middleX, middleY] = [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
    let best: { x: number; y: number; distance: number } | undefined;
    for (const node of document.querySelectorAll(selector)) {
      const rect = node.getBoundingClientRect();
      const [x, y] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
      // Room for the 60 px circle the drag draws.
      if (x < box.left + 100 || x > box.right - 100 || y < box.top + 100 || y > box.bottom - 100) continue;
      if (document.elementFromPoint(x, y)?.closest('[data-node-id]') !== node) continue;
      const distance = Math.hypot(x - middleX, y - middleY);
      if (!best || distance < best.distance) best = { x, y, distance };
    }
    if (!best) throw new Error('no node in view to drag');
    return { x: best.x, y: best.y };
  }, NODE_SELECTOR);
}

/**
 * Runs one gesture with a frame between steps, returning the frame times the page saw and how many
 * steps were taken: a gesture out of time budget stops early, with the mouse released.
 */
async function recordGesture(page: Page, gesture: Gesture): Promise<{ frames: number[]; steps: number }> {
  const start = gesture === 'drag' ? await nodePoint(page) : await backgroundPoint(page);
  await page.mouse.move(start.x, start.y);
  await nextFrame(page);
  await page.evaluate(() => {
    const state = window as unknown as Watch;
    const frames: number[] = [];
    state.__frames = frames;
    state.__recording = true;
    let last: number | undefined;
    const loop = (time: number) => {
      if (last !== undefined) frames.push(time - last);
      last = time;
      if (state.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  if (gesture !== 'zoom') await page.mouse.down();
  const deadline = Date.now() + GESTURE_BUDGET_MS;
  let step = 1;
  for (; step <= STEPS && Date.now() < deadline; step += 1) {
    if (gesture === 'pan') await page.mouse.move(start.x + step * 4, start.y + step * 2);
    // In for half the steps, out for the rest, so the scene ends where it began.
    else if (gesture === 'zoom') await page.mouse.wheel(0, step <= STEPS / 2 ? -60 : 60);
    else {
      const angle = (step / STEPS) * 2 * Math.PI;
      await page.mouse.move(start.x + 60 * Math.sin(angle), start.y - 60 * (1 - Math.cos(angle)));
    }
    await nextFrame(page);
  }
  if (gesture !== 'zoom') await page.mouse.up();
  const frames = await page.evaluate(() => {
    const state = window as unknown as Watch;
    state.__recording = false;
    return state.__frames ?? [];
  });
  return { frames, steps: step - 1 };
}

async function measure(browser: Browser, url: string, tool: Tool, map: MapCase): Promise<Measurement> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'zh-CN' });
  const frames: Record<Gesture, number[]> = { pan: [], zoom: [], drag: [] };
  const notes: string[] = [];
  try {
    const page = await context.newPage();
    // tsx (esbuild, keepNames) wraps named functions in __name(); the functions sent to the page need it too.
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(tool === 'argmap' ? url : `${url}plain-d3.html`, { timeout: 30_000 });
    if (tool === 'argmap') {
      // The app opens with the seed map; the watcher must see it drawn so it can tell the new map's nodes apart.
      await page.waitForFunction((selector) => document.querySelectorAll(selector).length > 0, NODE_SELECTOR, { timeout: 30_000 });
    }
    await armSettleWatch(page, map.nodes);
    if (tool === 'argmap') {
      await page.getByLabel(/^\s*(Open map…|打开地图…)\s*$/).setInputFiles({ name: map.fileName, mimeType: 'application/json', buffer: map.bytes }, { timeout: 30_000 });
    } else {
      await page.evaluate((text) => {
        const state = window as unknown as Watch;
        state.__start!();
        state.plainOpen!(text);
      }, map.plainText);
    }
    let settle: Settle;
    try {
      settle = await withTimeout(page.evaluate(() => (window as unknown as Watch).__settle!), SETTLE_TIMEOUT_MS + 10_000, 'settling');
    } catch (error) {
      return { frames, notes: [(error as Error).message] };
    }
    if ('error' in settle) return { frames, notes: [settle.error] };
    const cdp = await context.newCDPSession(page);
    await withTimeout(cdp.send('HeapProfiler.collectGarbage'), 30_000, 'garbage collection');
    const heapBytes = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
    for (const gesture of ['pan', 'zoom', 'drag'] as const) {
      const recorded = await withTimeout(recordGesture(page, gesture), GESTURE_BUDGET_MS + STEP_TIMEOUT_MS, gesture);
      frames[gesture] = recorded.frames;
      if (recorded.steps < STEPS) notes.push(`${gesture}: only ${recorded.steps} of ${STEPS} steps within ${GESTURE_BUDGET_MS / 1000} s (${recorded.frames.length} frames measured)`);
    }
    if (pageErrors.length > 0) throw new Error(`errors in the ${tool} page: ${pageErrors.join('; ')}`);
    return { settledMs: settle.settledMs, longestTaskMs: settle.longestTaskMs, heapBytes, frames, notes };
  } finally {
    await withTimeout(context.close(), 30_000, 'closing the page').catch(() => undefined);
  }
}

function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  return sorted[below]! + (sorted[Math.min(below + 1, sorted.length - 1)]! - sorted[below]!) * (position - below);
}

function medianOf(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  // A run that timed out makes the whole cell a timeout: a median of the survivors would flatter.
  return known.length === values.length ? quantile(known, 0.5) : undefined;
}

interface Row {
  readonly metric: string;
  readonly argmap: number | undefined;
  readonly plain: number | undefined;
  readonly unit: 'ms' | 'MB';
}

function rowsOf(argmap: readonly Measurement[], plain: readonly Measurement[]): Row[] {
  const pooled = (runs: readonly Measurement[], gestures: readonly Gesture[]) => runs.flatMap((run) => gestures.flatMap((gesture) => run.frames[gesture]));
  const all = ['pan', 'zoom', 'drag'] as const;
  const both = (metric: string, unit: Row['unit'], read: (runs: readonly Measurement[]) => number | undefined): Row => ({ metric, unit, argmap: read(argmap), plain: read(plain) });
  return [
    both('open → settled', 'ms', (runs) => medianOf(runs.map((run) => run.settledMs))),
    both('longest task while settling', 'ms', (runs) => medianOf(runs.map((run) => run.longestTaskMs))),
    both('frame median (pan+zoom+drag)', 'ms', (runs) => quantile(pooled(runs, all), 0.5)),
    both('frame p95 (pan+zoom+drag)', 'ms', (runs) => quantile(pooled(runs, all), 0.95)),
    ...all.map((gesture) => both(`frame median, ${gesture}`, 'ms', (runs) => quantile(pooled(runs, [gesture]), 0.5))),
    both('JS heap after GC', 'MB', (runs) => {
      const heap = medianOf(runs.map((run) => run.heapBytes));
      return heap === undefined ? undefined : heap / 2 ** 20;
    }),
  ];
}

const cell = (value: number | undefined, note: string) => (value === undefined ? note : value >= 100 ? value.toFixed(0) : value.toFixed(1));
function ratio(row: Row): string {
  if (row.argmap === undefined || row.plain === undefined) return '—';
  // The long-task observer reports nothing under 50 ms, so a zero means "no long task", not "free".
  if (row.argmap === 0 || row.plain === 0) return '—';
  return `${(row.plain / row.argmap).toFixed(2)}×`;
}

if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}: install it or set CHROMIUM_PATH`);
const cases = [...SIZES.map(generatedCase), qt30Case()];
// Other work on the machine skews every number; the load before and after says how much to trust them.
const loadAtStart = loadavg()[0]!;
const outDir = mkdtempSync(path.join(tmpdir(), 'argmap-big-maps-'));
const port = await freePort();
process.stderr.write(`building the app and the plain page into ${outDir} …\n`);
await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
await esbuild({ entryPoints: [path.join(HERE, 'plain-d3.ts')], bundle: true, format: 'esm', target: 'es2022', minify: true, outfile: path.join(outDir, 'plain-d3.js'), logLevel: 'warning' });
copyFileSync(path.join(HERE, 'plain-d3.html'), path.join(outDir, 'plain-d3.html'));
const server = await preview({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true } });
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--enable-precise-memory-info'],
});
try {
  const sections: string[] = [];
  for (const map of cases) {
    const results: Record<Tool, Measurement[]> = { argmap: [], plain: [] };
    for (const tool of ['argmap', 'plain'] as const) {
      for (let run = 0; run < RUNS; run += 1) {
        process.stderr.write(`${map.label} · ${tool} · run ${run + 1}/${RUNS} … `);
        const started = Date.now();
        const result = await measure(browser, url, tool, map);
        results[tool].push(result);
        const outcome = result.settledMs === undefined ? 'not settled' : `settled in ${result.settledMs.toFixed(0)} ms`;
        process.stderr.write(`${[outcome, ...result.notes].join('; ')} (${((Date.now() - started) / 1000).toFixed(0)} s in all)\n`);
      }
    }
    const notes = (['argmap', 'plain'] as const).flatMap((tool) => results[tool].flatMap((run) => run.notes.map((note) => `${tool}: ${note}`)));
    const lines = [
      `### ${map.label}: ${map.nodes.toLocaleString('en')} nodes, ${map.edges.toLocaleString('en')} edges`,
      '',
      '| metric | argmap | plain d3 + SVG | plain/argmap |',
      '| --- | ---: | ---: | ---: |',
      ...rowsOf(results.argmap, results.plain).map((row) => `| ${row.metric} (${row.unit}) | ${cell(row.argmap, 'timeout')} | ${cell(row.plain, 'timeout')} | ${ratio(row)} |`),
      ...(notes.length > 0 ? ['', ...notes.map((note) => `- ${note}`)] : []),
    ];
    sections.push(lines.join('\n'));
    console.log(`\n${lines.join('\n')}`);
  }
  const cpu = cpus();
  const command = `npx tsx bench/big-maps/run.ts --sizes ${SIZES.join(',')} --runs ${RUNS}`;
  const report = [
    '# Big maps: argmap against plain d3-force + SVG',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu[0]?.model ?? 'an unknown CPU'} (${cpu.length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, ` +
      `headless Chromium ${browser.version()} (--disable-gpu), Node ${process.version}; viewport ${VIEWPORT.width}×${VIEWPORT.height} at device pixel ratio 1; ${RUNS} run(s) per map and page, each in a fresh browser context. ` +
      `One-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`,
    '',
    `Rerun: \`${command}\` (add 20000 to --sizes for the 20,000-node map; CORPORA_DIR points at the shared corpora).`,
    '',
    'Ratios are plain/argmap: above 1 means argmap is faster (or, for the heap, smaller). "open → settled" runs from the file input\'s change event (argmap) or the call handing the page the JSON text (plain) to all nodes drawn with transforms unchanged over two frames. ' +
      'The longest task comes from the long-task observer, which reports only tasks of 50 ms or more (0 = none). Frame times are requestAnimationFrame deltas during 60 steps each of panning on the background, wheel zooming (in, then out) and dragging a node in a circle. ' +
      'The heap is `performance.memory.usedJSHeapSize` after a CDP garbage collection, taken once the map has settled. "timeout" means the map was not settled within 60 s.',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'RESULTS.md'), report);
  console.log(`\nwritten to bench/RESULTS.md\nrerun: ${command}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
