/** The big-map benchmark's tables: per map, the targets of issue 6, and the renderer sweep. */
import { GESTURES, type FrameCost, type Gesture, type MapCase, type Measurement } from './measure.ts';

/** One page's runs on one map, reduced to what the tables show. */
export interface Summary {
  /** What the runs drew with, e.g. `canvas`, or `svg, canvas` if runs differed. */
  readonly renderer: string;
  readonly settledMs?: number;
  readonly longestTaskSettlingMs?: number;
  readonly longestTaskDrawnMs?: number;
  readonly frameMedian?: number;
  readonly frameP95?: number;
  readonly frameMax?: number;
  /** ms of the renderer's CPU per presented frame, over all gestures and runs; and the main thread's part. */
  readonly frameCost?: number;
  readonly mainThreadFrameCost?: number;
  readonly gestures: Readonly<Record<Gesture, { readonly median?: number; readonly p95?: number; readonly frameCost?: number }>>;
  readonly animationFrameMedian?: number;
  readonly heapMB?: number;
}

export function quantile(values: readonly number[], q: number): number | undefined {
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

/** CPU per presented frame over several gestures: their CPU together over their frames together. */
function perFrame(costs: readonly FrameCost[], cpuMs: (cost: FrameCost) => number): number | undefined {
  const presented = costs.reduce((sum, cost) => sum + cost.presentedFrames, 0);
  return presented === 0 ? undefined : costs.reduce((sum, cost) => sum + cpuMs(cost), 0) / presented;
}

export function summarize(runs: readonly Measurement[]): Summary {
  const frames = (gestures: readonly Gesture[]) => runs.flatMap((run) => gestures.flatMap((gesture) => run.frames[gesture] ?? []));
  const costs = (gestures: readonly Gesture[]) => runs.flatMap((run) => gestures.flatMap((gesture) => run.frameCosts[gesture] ?? []));
  const all = frames(GESTURES);
  const heap = medianOf(runs.map((run) => run.heapBytes));
  return {
    renderer: [...new Set(runs.map((run) => run.renderer ?? 'not drawn'))].join(', '),
    settledMs: medianOf(runs.map((run) => run.settledMs)),
    longestTaskSettlingMs: medianOf(runs.map((run) => run.longestTaskSettlingMs)),
    longestTaskDrawnMs: medianOf(runs.map((run) => run.longestTaskDrawnMs)),
    frameMedian: quantile(all, 0.5),
    frameP95: quantile(all, 0.95),
    frameMax: quantile(all, 1),
    frameCost: perFrame(costs(GESTURES), (cost) => cost.cpuMs),
    mainThreadFrameCost: perFrame(costs(GESTURES), (cost) => cost.mainThreadCpuMs),
    gestures: Object.fromEntries(
      GESTURES.map((gesture) => [
        gesture,
        { median: quantile(frames([gesture]), 0.5), p95: quantile(frames([gesture]), 0.95), frameCost: perFrame(costs([gesture]), (cost) => cost.cpuMs) },
      ]),
    ) as Summary['gestures'],
    animationFrameMedian: quantile(
      runs.flatMap((run) => GESTURES.flatMap((gesture) => run.animationFrames[gesture] ?? [])),
      0.5,
    ),
    heapMB: heap === undefined ? undefined : heap / 2 ** 20,
  };
}

const number = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const cell = (value: number | undefined) => (value === undefined ? 'timeout' : number(value));
/** The long-task observer reports nothing under 50 ms, so a zero means "no long task", not "free". */
const taskCell = (value: number | undefined) => (value === 0 ? '< 50' : cell(value));

/** How many times argmap's value goes into plain's, at the two decimals the tables show. */
function timesFaster(plain: number | undefined, argmap: number | undefined): number | undefined {
  if (argmap === undefined || plain === undefined || argmap === 0 || plain === 0) return undefined;
  return Number((plain / argmap).toFixed(2));
}

function ratio(plain: number | undefined, argmap: number | undefined): string {
  const times = timesFaster(plain, argmap);
  return times === undefined ? '—' : `${times.toFixed(2)}×`;
}

export function mapSection(map: MapCase, argmap: Summary, plain: Summary, notes: readonly string[]): string {
  const rows: [string, (summary: Summary) => number | undefined, typeof cell][] = [
    ['open → settled (ms)', (summary) => summary.settledMs, cell],
    ['longest task while settling (ms)', (summary) => summary.longestTaskSettlingMs, taskCell],
    ['longest task during the gestures (ms)', (summary) => summary.longestTaskDrawnMs, taskCell],
    ['frame median, all gestures (ms)', (summary) => summary.frameMedian, cell],
    ['frame p95, all gestures (ms)', (summary) => summary.frameP95, cell],
    ['longest frame, all gestures (ms)', (summary) => summary.frameMax, cell],
    ['frame cost, all gestures (ms CPU per frame)', (summary) => summary.frameCost, cell],
    ['frame cost, main thread only, all gestures (ms CPU per frame)', (summary) => summary.mainThreadFrameCost, cell],
    ...GESTURES.flatMap((gesture): typeof rows => [
      [`frame median, ${gesture} (ms)`, (summary) => summary.gestures[gesture].median, cell],
      [`frame p95, ${gesture} (ms)`, (summary) => summary.gestures[gesture].p95, cell],
      [`frame cost, ${gesture} (ms CPU per frame)`, (summary) => summary.gestures[gesture].frameCost, cell],
    ]),
    ['requestAnimationFrame delta median, all gestures (ms)', (summary) => summary.animationFrameMedian, cell],
    ['JS heap after GC, page and workers (MB)', (summary) => summary.heapMB, cell],
  ];
  return [
    `### ${map.label}: ${map.nodes.toLocaleString('en')} nodes, ${map.edges.toLocaleString('en')} edges`,
    '',
    `argmap drew with: ${argmap.renderer}.`,
    '',
    '| metric | argmap | plain d3 + SVG | plain/argmap |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(([metric, read, format]) => `| ${metric} | ${format(read(argmap))} | ${format(read(plain))} | ${ratio(read(plain), read(argmap))} |`),
    ...(notes.length > 0 ? ['', ...notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

/**
 * A map opened with every node's place saved, in argmap alone: the plain page lays out every map
 * from scratch and ignores saved places, so beside it the numbers would compare nothing. Nothing
 * is dragged or panned, so only the opening and the heap are shown.
 */
export function savedLayoutSection(map: MapCase, argmap: Summary, notes: readonly string[]): string {
  const rows: [string, number | undefined, typeof cell][] = [
    ['open → settled (ms)', argmap.settledMs, cell],
    ['longest task while opening (ms)', argmap.longestTaskSettlingMs, taskCell],
    ['JS heap after GC, page and workers (MB)', argmap.heapMB, cell],
  ];
  return [
    `### ${map.label}: ${map.nodes.toLocaleString('en')} nodes, ${map.edges.toLocaleString('en')} edges`,
    '',
    `argmap drew with: ${argmap.renderer}. Not opened in the plain page, which ignores saved places; no gestures.`,
    '',
    '| metric | argmap |',
    '| --- | ---: |',
    ...rows.map(([metric, value, format]) => `| ${metric} | ${format(value)} |`),
    ...(notes.length > 0 ? ['', ...notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

export interface Compared {
  readonly argmap: Summary;
  readonly plain: Summary;
}

/** Targets are met or missed at the 0.1 ms (0.1 MB) the tables show. */
const within = (value: number | undefined, limit: number) => value !== undefined && Number(value.toFixed(1)) <= limit;
/**
 * Presentation times of a page drawing every 60 Hz frame scatter by a few tenths of a millisecond
 * (medians of 16.5 to 16.9 ms on a near-empty page), so a frame-time limit is read with this slack.
 */
export const PRESENTATION_JITTER_MS = 0.5;
const frameWithin = (value: number | undefined, limit: number) => within(value, limit + PRESENTATION_JITTER_MS);
const verdict = (met: boolean) => (met ? 'pass' : '**fail**');

const ms = (value: number | undefined) => (value === undefined ? 'timeout' : `${number(value)} ms`);

/** The long-task observer's verdict on opening a map: what to print, and whether no task reached 50 ms. */
function openingTasks({ longestTaskSettlingMs }: Summary): [string, boolean] {
  const measured = longestTaskSettlingMs === undefined ? 'timeout' : longestTaskSettlingMs === 0 ? 'none of 50 ms or more' : `longest ${ms(longestTaskSettlingMs)}`;
  return [measured, longestTaskSettlingMs === 0];
}

/**
 * Issue 6's targets, judged on the generated maps of `size` nodes (rows for sizes not run say so),
 * and on the generated 20,000-node map with its layout saved (`savedLayout`, when it ran).
 */
export function targetsTable(bySize: ReadonlyMap<number, Compared>, savedLayout?: Summary): string {
  const row = (size: number, target: string, judge: (compared: Compared) => [string, boolean]) => {
    const compared = bySize.get(size);
    if (!compared) return `| ${size.toLocaleString('en')} | ${target} | not run | — |`;
    const [measured, met] = judge(compared);
    return `| ${size.toLocaleString('en')} | ${target} | ${measured} | ${verdict(met)} |`;
  };
  const savedLayoutRow = (target: string) => {
    if (!savedLayout) return `| 20,000, layout saved | ${target} | not run | — |`;
    const [measured, met] = openingTasks(savedLayout);
    return `| 20,000, layout saved | ${target} | ${measured} | ${verdict(met)} |`;
  };
  return [
    '| nodes | target | measured (argmap) | result |',
    '| ---: | --- | --- | --- |',
    row(2000, 'frame median ≤ 16.7 ms', ({ argmap }) => [ms(argmap.frameMedian), frameWithin(argmap.frameMedian, 16.7)]),
    row(2000, 'settled within 1.5 s', ({ argmap }) => [ms(argmap.settledMs), within(argmap.settledMs, 1500)]),
    row(5000, 'frame median ≤ 27 ms', ({ argmap }) => [ms(argmap.frameMedian), frameWithin(argmap.frameMedian, 27)]),
    row(5000, 'at least 10× faster than plain d3 + SVG, judged on frame cost', ({ argmap, plain }) => {
      const costTimes = timesFaster(plain.frameCost, argmap.frameCost);
      return [
        `frame cost ${ratio(plain.frameCost, argmap.frameCost)} (argmap ${ms(argmap.frameCost)}, plain ${ms(plain.frameCost)} of CPU per frame); ` +
          `presented frame median ${ratio(plain.frameMedian, argmap.frameMedian)} (argmap ${ms(argmap.frameMedian)}, plain ${ms(plain.frameMedian)})`,
        costTimes !== undefined && costTimes >= 10,
      ];
    }),
    row(20000, 'no frame and no task over 150 ms during the gestures', ({ argmap }) => [
      `longest frame ${ms(argmap.frameMax)}, longest task ${argmap.longestTaskDrawnMs === 0 ? '< 50 ms' : ms(argmap.longestTaskDrawnMs)}`,
      frameWithin(argmap.frameMax, 150) && within(argmap.longestTaskDrawnMs, 150),
    ]),
    row(20000, 'JS heap < 300 MB', ({ argmap }) => [argmap.heapMB === undefined ? 'timeout' : `${number(argmap.heapMB)} MB`, argmap.heapMB !== undefined && argmap.heapMB < 300]),
    ...[...bySize.keys()].sort((a, b) => a - b).map((size) =>
      row(size, 'no main-thread task over 50 ms while the map opens and settles', ({ argmap }) => openingTasks(argmap))),
    savedLayoutRow('no main-thread task over 50 ms while the map opens'),
  ].join('\n');
}

/** The display's frame interval: SVG is enough while it keeps pan and drag at this. */
const DISPLAY_FRAME_MS = 16.7;

/**
 * The sweep's table, and a recommendation: keep SVG (real elements, for assistive technology and
 * the end-to-end tests) while its pan and drag medians hold the display's rate, and switch to the
 * canvas at the first size where SVG misses it and the canvas is faster.
 */
export function sweepSection(bySize: ReadonlyMap<number, { readonly svg: Summary; readonly canvas: Summary }>, currentThreshold: number): string {
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  const rows = sizes.flatMap((size) => {
    const { svg, canvas } = bySize.get(size)!;
    return (['svg', 'canvas'] as const).map((asked) => {
      const summary = asked === 'svg' ? svg : canvas;
      const { pan, drag } = summary.gestures;
      return `| ${size.toLocaleString('en')} | ${asked} | ${summary.renderer} | ${cell(pan.median)} | ${cell(pan.p95)} | ${cell(drag.median)} | ${cell(drag.p95)} | ${cell(summary.settledMs)} |`;
    });
  });
  const slowest = (summary: Summary) => Math.max(summary.gestures.pan.median ?? Infinity, summary.gestures.drag.median ?? Infinity);
  const canvasDrawn = sizes.every((size) => bySize.get(size)!.canvas.renderer === 'canvas');
  const firstMiss = sizes.find((size) => !frameWithin(slowest(bySize.get(size)!.svg), DISPLAY_FRAME_MS));
  const current = `the app now switches above ${currentThreshold.toLocaleString('en')} nodes (CANVAS_RENDERER_MIN_NODES in src/ui/map-renderer.ts)`;
  let advice: string;
  if (!canvasDrawn) advice = `\`?renderer=canvas\` did not draw a canvas in this build, so no threshold can be chosen from this run; ${current}.`;
  else if (firstMiss === undefined) advice = `SVG held pan and drag medians at ${DISPLAY_FRAME_MS} ms up to the largest size swept, so the threshold can sit above ${sizes.at(-1)!.toLocaleString('en')} nodes; ${current}.`;
  else {
    const missed = bySize.get(firstMiss)!;
    const lastHeld = sizes.filter((size) => size < firstMiss).at(-1);
    const [svgMs, canvasMs] = [slowest(missed.svg), slowest(missed.canvas)];
    const where = lastHeld === undefined ? `at ${firstMiss.toLocaleString('en')} nodes or fewer` : `above ${lastHeld.toLocaleString('en')} and at most at ${firstMiss.toLocaleString('en')} nodes`;
    const held =
      lastHeld === undefined
        ? `SVG missed ${DISPLAY_FRAME_MS} ms already at ${firstMiss.toLocaleString('en')} nodes, the smallest size swept`
        : `SVG held pan and drag medians at ${DISPLAY_FRAME_MS} ms up to ${lastHeld.toLocaleString('en')} nodes and missed it at ${firstMiss.toLocaleString('en')}`;
    advice =
      canvasMs < svgMs
        ? `${held} (its slower median ${number(svgMs)} ms, the canvas's ${number(canvasMs)} ms): switch to the canvas ${where}; ${current}.`
        : `${held}, but the canvas was no faster there (${number(canvasMs)} ms against ${number(svgMs)} ms), so this sweep gives no reason to switch at that size; ${current}.`;
  }
  return [
    '| nodes | asked | drawn | pan median (ms) | pan p95 (ms) | drag median (ms) | drag p95 (ms) | open → settled (ms) |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    advice,
  ].join('\n');
}
