/**
 * Big maps: the app against a plain d3-force + SVG page drawing the same graph, in one run, and
 * the app's two renderers against each other on smaller maps.
 *
 *   npx tsx bench/big-maps/run.ts [--sizes 1000,2000,5000,20000] [--sweep 100,250,500,1000|none] [--runs 1]
 *
 * Maps: seeded generated maps of the given sizes (generate.ts) and the largest QT30 nodeset (AIF,
 * opened as the file it is; the plain page gets the same graph as argmap JSON). Each map is opened
 * in each page, in a fresh browser context, and measured by measure.ts: open → settled, the
 * longest tasks, frame times and their CPU cost while panning, zooming and dragging, the JS heap.
 * When 20,000 is among the sizes, that map is also opened in argmap alone with every node's
 * position saved, as "保存布局" leaves a map whose layout settled (the positions come from the app's
 * own settleLayout, run here): argmap opens it with no layout tick, and the run measures open →
 * settled, the longest task while it opens, and the heap, with no gestures.
 * The sweep opens generated maps in the app with `?renderer=svg` and `?renderer=canvas` and
 * measures pan and drag.
 * Results, with the targets of issue 6, go to bench/RESULTS.md.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { readMapBytes } from '../../src/core/formats/read-map.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { CANVAS_RENDERER_MIN_NODES } from '../../src/ui/map-renderer.ts';
import { PROJECT_ROOT, serveApp } from '../served-app.ts';
import { generateMap, withSavedLayout } from './generate.ts';
import { GESTURE_BUDGET_MS, GESTURES, measure, SETTLE_TIMEOUT_MS, STEPS, VIEWPORT, type Gesture, type MapCase, type Measurement, type Tool } from './measure.ts';
import { mapSection, PRESENTATION_JITTER_MS, savedLayoutSection, summarize, sweepSection, targetsTable, type Compared, type Summary } from './report.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPORA_DIR = path.resolve(PROJECT_ROOT, process.env['CORPORA_DIR'] ?? '../shared/corpora');
const SEED = 1;
const SWEEP_GESTURES = ['pan', 'drag'] as const satisfies readonly Gesture[];
/** The generated size that is also opened with its layout saved (see `savedLayoutCase`). */
const SAVED_LAYOUT_SIZE = 20_000;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
function wholeNumbers(text: string, name: string, least: number): number[] {
  if (text === 'none') return [];
  const values = text.split(',').map(Number);
  if (values.some((value) => !Number.isInteger(value) || value < least)) throw new Error(`${name} takes whole numbers of at least ${least}, separated by commas, or none`);
  return values;
}
const SIZES = wholeNumbers(argument('--sizes') ?? '1000,2000,5000,20000', '--sizes', 2);
const SWEEP = wholeNumbers(argument('--sweep') ?? '100,250,500,1000', '--sweep', 2);
const RUNS = wholeNumbers(argument('--runs') ?? '1', '--runs', 1)[0] ?? 1;

/** A generated map as the app reads it: a problem or a warning would measure the map's error path instead. */
function loadGenerated(label: string, text: string): ArgMap {
  const loaded = loadMapText(text);
  if (!loaded.ok) throw new Error(`the ${label} map is invalid: ${loaded.problems.slice(0, 5).map((problem) => problem.message).join('; ')}`);
  if (loaded.warnings.length > 0) throw new Error(`the ${label} map has warnings: ${loaded.warnings.slice(0, 5).map((problem) => problem.message).join('; ')}`);
  return loaded.map;
}

function generatedCase(size: number): MapCase {
  const text = JSON.stringify(generateMap(size, SEED));
  const map = loadGenerated(`generated ${size}`, text);
  return { label: `generated ${size}`, fileName: `generated-${size}.json`, bytes: Buffer.from(text), plainText: text, nodes: map.nodes.length, edges: map.edges.length };
}

/**
 * The generated map saved after its layout settled, as "保存布局" leaves it, so that argmap must
 * open it with no layout tick. The places come from the app's own settleLayout (the seeded steps
 * the app runs, so the same map always gets the same places), on this machine and before the
 * browser starts (at 20,000 nodes, a few seconds).
 */
function savedLayoutCase(size: number): MapCase {
  const label = `generated ${size}, layout saved`;
  const document = generateMap(size, SEED);
  const generated = loadGenerated(`generated ${size}`, JSON.stringify(document));
  process.stderr.write(`laying out the generated ${size}-node map to save its layout … `);
  const started = Date.now();
  const text = JSON.stringify(withSavedLayout(document, settleLayout(generated, layoutExtents(generated))));
  process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const map = loadGenerated(label, text);
  // A node the app reads without its place would be laid out, and the case would measure a layout after all.
  if (map.nodes.some((node) => node.position === undefined)) throw new Error(`the ${label} map lost node positions on reading`);
  // plainText is never opened: the plain page ignores saved places (see savedLayoutSection).
  return { label, fileName: `generated-${size}-layout-saved.json`, bytes: Buffer.from(text), plainText: text, nodes: map.nodes.length, edges: map.edges.length };
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

const cases = [...SIZES.map((size) => [size, generatedCase(size)] as const), [undefined, qt30Case()] as const];
const command = `npx tsx bench/big-maps/run.ts --sizes ${SIZES.join(',') || 'none'} --sweep ${SWEEP.join(',') || 'none'} --runs ${RUNS}`;
const runStarted = Date.now();
// Other work on the machine skews every number; the load before and after says how much to trust them.
const loadAtStart = loadavg()[0]!;
const savedLayout = SIZES.includes(SAVED_LAYOUT_SIZE) ? savedLayoutCase(SAVED_LAYOUT_SIZE) : undefined;
const laidOutIn = (Date.now() - runStarted) / 1000;
// The plain page is served beside the app, from the same server.
const app = await serveApp('big-maps', async (outDir) => {
  await esbuild({ entryPoints: [path.join(HERE, 'plain-d3.ts')], bundle: true, format: 'esm', target: 'es2022', minify: true, outfile: path.join(outDir, 'plain-d3.js'), logLevel: 'warning' });
  copyFileSync(path.join(HERE, 'plain-d3.html'), path.join(outDir, 'plain-d3.html'));
});
const { url, browser } = app;
const builtIn = (Date.now() - runStarted) / 1000 - laidOutIn;
/** Seconds each part of the run took, so a full run can be planned. */
const durations: [string, number][] = [
  ...(savedLayout ? [[`laying out generated ${SAVED_LAYOUT_SIZE} to save its layout`, laidOutIn] as [string, number]] : []),
  ['building the app and the plain page', builtIn],
];

async function runs(label: string, pageUrl: string, tool: Tool, map: MapCase, gestures: readonly Gesture[]): Promise<Measurement[]> {
  const results: Measurement[] = [];
  const started = Date.now();
  for (let run = 0; run < RUNS; run += 1) {
    process.stderr.write(`${label} · run ${run + 1}/${RUNS} … `);
    const runStart = Date.now();
    const result = await measure(browser, pageUrl, tool, map, gestures);
    results.push(result);
    const outcome = result.settledMs === undefined ? 'not settled' : `${result.renderer}, settled in ${result.settledMs.toFixed(0)} ms`;
    process.stderr.write(`${[outcome, ...result.notes].join('; ')} (${((Date.now() - runStart) / 1000).toFixed(0)} s)\n`);
  }
  durations.push([label, (Date.now() - started) / 1000]);
  return results;
}

/** Opens a map with its layout saved in argmap alone (see `savedLayoutSection`), with no gestures. */
async function openSavedLayout(map: MapCase): Promise<{ summary: Summary; section: string }> {
  const measured = await runs(`${map.label} · argmap`, url, 'argmap', map, []);
  const summary = summarize(measured);
  const notes = measured.flatMap((run) => run.notes.map((note) => `argmap: ${note}`));
  return { summary, section: savedLayoutSection(map, summary, notes) };
}

try {
  const sections: string[] = [];
  const bySize = new Map<number, Compared>();
  let savedLayoutSummary: Summary | undefined;
  for (const [size, map] of cases) {
    const measured: Record<Tool, Measurement[]> = { argmap: [], plain: [] };
    for (const tool of ['argmap', 'plain'] as const) {
      measured[tool] = await runs(`${map.label} · ${tool}`, tool === 'argmap' ? url : `${url}plain-d3.html`, tool, map, GESTURES);
    }
    const compared = { argmap: summarize(measured.argmap), plain: summarize(measured.plain) };
    if (size !== undefined) bySize.set(size, compared);
    const notes = (['argmap', 'plain'] as const).flatMap((tool) => measured[tool].flatMap((run) => run.notes.map((note) => `${tool}: ${note}`)));
    const section = mapSection(map, compared.argmap, compared.plain, notes);
    sections.push(section);
    console.log(`\n${section}`);
    // Beside the same map laid out as it opens.
    if (size === SAVED_LAYOUT_SIZE && savedLayout) {
      const opened = await openSavedLayout(savedLayout);
      savedLayoutSummary = opened.summary;
      sections.push(opened.section);
      console.log(`\n${opened.section}`);
    }
  }
  const sweep = new Map<number, { svg: Summary; canvas: Summary }>();
  for (const size of SWEEP) {
    const map = generatedCase(size);
    const svg = summarize(await runs(`sweep ${size} · svg`, `${url}?renderer=svg`, 'argmap', map, SWEEP_GESTURES));
    const canvas = summarize(await runs(`sweep ${size} · canvas`, `${url}?renderer=canvas`, 'argmap', map, SWEEP_GESTURES));
    sweep.set(size, { svg, canvas });
  }
  const cpu = cpus();
  const minutes = (Date.now() - runStarted) / 60_000;
  const report = [
    '# Big maps: argmap against plain d3-force + SVG',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu[0]?.model ?? 'an unknown CPU'} (${cpu.length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, ` +
      `headless Chromium ${browser.version()} (--disable-gpu, so painting and rasterising run on the CPU), Node ${process.version}; viewport ${VIEWPORT.width}×${VIEWPORT.height} at device pixel ratio 1; ` +
      `${RUNS} run(s) per map and page, each in a fresh browser context; ${minutes.toFixed(0)} minutes in all. One-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end ` +
      '(the machine is shared: a load well above its core count makes every number slower).',
    '',
    `Rerun: \`${command}\` (CORPORA_DIR points at the shared corpora). \`npm run bench:big-maps\` runs the full set (1,000 to 20,000 nodes, the sweep from 100 to 1,000), and \`npm run bench\` runs it after the Vitest benches and open-speed.`,
    '',
    '## Method',
    '',
    '- Each map is opened in argmap (the built app, from its **Open map…** file input, drawing with whichever renderer it picks) and in a plain page: the textbook d3 way, d3-force with default forces on the main thread, one tick per frame, SVG groups with a shape and a text label, d3-zoom and d3-drag (plain-d3.ts). Ratios are plain/argmap: above 1 means argmap is faster (or, for the heap, smaller).',
    `- **open → settled**: from the file input's change event (argmap) or the call handing the plain page the JSON text, to the page showing the new map's title, its map element saying \`data-layout="settled"\`, and two more frames with nothing moving (SVG: every node group drawn, transforms unchanged; a canvas has no nodes to compare). "timeout" means not settled within ${SETTLE_TIMEOUT_MS / 1000} s; nothing else is measured then.`,
    '- **Longest task**: the long-task observer, which reports only tasks of 50 ms or more ("< 50" = none). "While settling" runs from the change event to settled; "during the gestures" covers the pan, the zoom and the drag, and not the harness\'s own work between them (exporting the SVG to find nodes, forcing garbage collection).',
    `- **Frame times** are intervals between frames the compositor presented, read from a CDP trace (PipelineReporter events, category disabled-by-default-devtools.timeline.frame), so they include painting and rasterising, which requestAnimationFrame deltas miss: a frame's rAF callbacks run before its paint, and frames with nothing new are cheap. The rAF delta median is kept as a row for comparison with earlier runs. Each gesture sends ${STEPS} input events at 60 a second, as a mouse does, with at most two awaiting the page: panning on the background, wheel zooming (in for half, 3.5× and within the app\'s zoom limit, then out), and dragging a node in a circle, in that order. A slow page presents fewer frames, each showing several events. The first interval of a gesture (from the page at rest to the gesture's first frame) is left out: it measures the pause before the gesture. A gesture stops after ${GESTURE_BUDGET_MS / 1000} s ("over budget" in the notes).`,
    '- **Frame cost** (ms of CPU per presented frame): the CPU time (each trace event\'s thread time) of the page\'s renderer process, the one that made the gesture marks and the PipelineReporter events, over the threads that make frames: the main thread (CrRendererMain: script, style, layout, paint, and a 2D canvas\'s drawing), the compositor thread, the thread-pool workers that rasterise (on the CPU with --disable-gpu; the pool also runs V8\'s background garbage collection), and dedicated workers (argmap\'s layout worker). ' +
      'It sums each thread\'s outermost task events (trace category toplevel) from the gesture\'s start mark to its end mark and divides by the frames presented between them; "all gestures" divides the three gestures\' CPU by their frames together, and the main-thread row counts that thread alone. Not counted: the renderer\'s IO thread (it relays messages), the tracing thread, the browser process, and the GPU process, which puts the rasterised frames on screen. ' +
      'Presented intervals cannot fall below the display\'s 16.7 ms, and input comes at 60 events a second, so a page that makes a frame in 2 ms and one that needs 15 ms both show 16.7 ms; CPU per frame has no such floor, and a page too slow to keep up shows both a longer interval and a higher cost.',
    '- **Where to press**: the pan and the zoom start on background clear of every node, and the drag grabs the node nearest the middle that no other node covers. SVG nodes are found in the DOM. A canvas has none: the positions come from the toolbar\'s **Export SVG** (its `<g data-node-id>` transforms and outlines are in map coordinates), placed on screen by the zoom transform the canvas shows in `data-transform`. ' +
      'The gestures run in the opening view, or, where it shows no node to drag (the app opens a big map on its top centre), after **Fit to screen** and wheeling in on the node nearest the middle back to the opening zoom. A pan must move the camera and a drag must not; the notes say when one did otherwise.',
    '- **JS heap**: `Runtime.getHeapUsage` of the page and of each of its workers (a layout worker\'s heap is the map\'s too), each after a CDP garbage collection, once the map has settled.',
    `- **A saved layout**: when ${SAVED_LAYOUT_SIZE.toLocaleString('en')} is among the sizes, that generated map is opened once more in argmap with every node's position saved, as **保存布局** leaves a map whose layout settled: the benchmark lays it out with the app's own \`settleLayout\` and writes each place, rounded to whole pixels, into the file. argmap opens such a map with no layout tick. Measured in argmap alone (the plain page ignores saved positions): open → settled, the longest task from the change event to settled ("while opening"), and the heap; no gestures.`,
    '',
    '## Targets',
    '',
    targetsTable(bySize, savedLayoutSummary),
    '',
    `Frame-time limits allow ${PRESENTATION_JITTER_MS} ms for the jitter of presentation times. "10× faster" at 5,000 nodes is judged on frame cost, with the presented frame median's ratio beside it: frame intervals cannot go below the display's 16.7 ms, so 10× on them would need the plain page's median frame to be at least 167 ms. "Once drawn" counts both the presented frames of the gestures and the long tasks from the first frame showing the map.`,
    '',
    '## Maps',
    '',
    ...sections.flatMap((section) => [section, '']),
    '## Renderer threshold sweep',
    '',
    SWEEP.length === 0
      ? 'Not run (`--sweep none`).'
      : `argmap with \`?renderer=svg\` and \`?renderer=canvas\` on generated maps; "drawn" is the \`data-renderer\` the map element showed. Frame times as above, pan then drag.\n\n${sweepSection(sweep, CANVAS_RENDERER_MIN_NODES)}`,
    '',
    '## How long each part took',
    '',
    '| part | seconds |',
    '| --- | ---: |',
    ...durations.map(([label, seconds]) => `| ${label} | ${seconds.toFixed(0)} |`),
    '',
  ].join('\n');
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'RESULTS.md'), report);
  console.log(`\nwritten to bench/RESULTS.md in ${minutes.toFixed(1)} minutes\nrerun: ${command}`);
} finally {
  await app.close();
}
