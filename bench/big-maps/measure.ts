/**
 * One map opened in one page (argmap, or the plain d3 page) and measured as a person meets it:
 * time to a settled picture, the longest main-thread tasks, frame times while panning, zooming and
 * dragging, and the JS heap. Every wait has a timeout, so a page that freezes ends as a note.
 *
 * Settled: the page shows the new map (its title in `document.title`), its map root (class `map`)
 * says `data-layout="settled"`, and two more frames pass with nothing moving (the SVG renderer:
 * all the map's node groups drawn, their transforms unchanged; a canvas has no nodes to compare).
 *
 * Frame times are intervals between frames the compositor presented (Chrome's PipelineReporter
 * trace events, CDP tracing), so they include painting and rasterising, which happen after the
 * frame's requestAnimationFrame callbacks. Input arrives at 60 events a second, as from a mouse,
 * whatever the page does: a slow page presents fewer frames, each showing several events.
 *
 * Presented intervals cannot fall below the display's 16.7 ms, so they cannot tell a frame made in
 * 2 ms from one made in 15. The same trace also gives each gesture's frame cost: the CPU time the
 * page's renderer spent on it, divided by the frames it presented.
 */
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';

export interface MapCase {
  readonly label: string;
  /** What the app opens. */
  readonly fileName: string;
  readonly bytes: Buffer;
  /** What the plain page opens: argmap JSON of the same graph. */
  readonly plainText: string;
  readonly nodes: number;
  readonly edges: number;
}

export type Tool = 'argmap' | 'plain';
export type Gesture = 'pan' | 'zoom' | 'drag';
export const GESTURES = ['pan', 'zoom', 'drag'] as const;

export interface Measurement {
  /** What the page drew with: the map root's `data-renderer`, `svg` where it has none. */
  readonly renderer?: string;
  /** Undefined when the map did not settle in time. */
  readonly settledMs?: number;
  /** From choosing the file to settled; 0 when no task took 50 ms or more. */
  readonly longestTaskSettlingMs?: number;
  /** From the first frame showing the new map to the end of the last gesture; 0 as above; undefined when no gesture was asked for. */
  readonly longestTaskDrawnMs?: number;
  /** The page's and its workers' JS heaps after garbage collection. */
  readonly heapBytes?: number;
  /** Intervals between presented frames. */
  readonly frames: Readonly<Partial<Record<Gesture, readonly number[]>>>;
  /** The renderer's CPU over each gesture, and the frames it presented then. */
  readonly frameCosts: Readonly<Partial<Record<Gesture, FrameCost>>>;
  /** requestAnimationFrame deltas over the same gestures, for comparison with earlier runs. */
  readonly animationFrames: Readonly<Partial<Record<Gesture, readonly number[]>>>;
  readonly notes: readonly string[];
}

/** What one gesture cost the page's renderer (see `frameCost`). */
export interface FrameCost {
  /** CPU time of the threads that make frames (`FRAME_THREADS`), in ms. */
  readonly cpuMs: number;
  /** The main thread's part of `cpuMs`. */
  readonly mainThreadCpuMs: number;
  readonly presentedFrames: number;
}

export const SETTLE_TIMEOUT_MS = 90_000;
/** A gesture stops taking steps after this: at seconds a frame, all its steps would take minutes. */
export const GESTURE_BUDGET_MS = 20_000;
/** The backstop for a gesture whose page never answers again. */
const GESTURE_TIMEOUT_MS = GESTURE_BUDGET_MS + 60_000;
export const STEPS = 120;
const INPUT_INTERVAL_MS = 1000 / 60;
/** Unanswered input events allowed before the next is sent: more would only be coalesced. */
const INPUT_IN_FLIGHT = 2;
export const VIEWPORT = { width: 1400, height: 900 };
/**
 * PipelineReporter (frames presented), the gesture marks, every thread's top-level tasks with
 * their CPU time, and the thread names that say which thread ran them.
 */
const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'toplevel', '__metadata'];
const GESTURE_START_MARK = 'big-maps-gesture-start';
const GESTURE_END_MARK = 'big-maps-gesture-end';

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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Settled {
  readonly renderer: string;
  /** Page times (performance.now) of choosing the file and of settling. */
  readonly startedAt: number;
  readonly settledAt: number;
}
type Settle = Settled | { error: string };
interface LongTask {
  readonly start: number;
  readonly duration: number;
}

interface Watch {
  __settle?: Promise<Settle>;
  __start?: () => void;
  __longTasks?: LongTask[];
  __animationFrames?: { deltas: number[]; recording: boolean };
  plainOpen?: (text: string) => void;
}

/**
 * Arms, before the map is opened, a watcher that starts at the opening (the file input's change
 * event, or `__start()`) and follows every frame until the new map is drawn and settled; and a
 * long-task observer that keeps every task of 50 ms or more from then on.
 */
async function armSettleWatch(page: Page, expected: number): Promise<void> {
  await page.evaluate(
    ({ expected, timeoutMs }) => {
      const state = window as unknown as Watch;
      const longTasks: LongTask[] = [];
      state.__longTasks = longTasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask' });
      const oldTitle = document.title;
      const oldNodes = new Set(document.querySelectorAll('.map g[data-node-id]'));
      state.__settle = new Promise<Settle>((resolve) => {
        let startedAt = 0;
        let last: string | undefined;
        let still = 0;
        /** What must hold still once settled, or undefined while the new map is not fully drawn. */
        const picture = (root: Element, renderer: string): string | undefined => {
          if (renderer === 'canvas') return '';
          const nodes = [...root.querySelectorAll('g[data-node-id]')];
          if (nodes.length !== expected || nodes.some((node) => oldNodes.has(node))) return undefined;
          return nodes.map((node) => node.getAttribute('transform')).join('|');
        };
        const check = () => {
          const now = performance.now();
          const refusal = document.querySelector('[role="alert"].failed');
          if (refusal) return resolve({ error: `the app refused the file: ${refusal.textContent ?? ''}` });
          if (now - startedAt > timeoutMs) return resolve({ error: `no settled map of ${expected} nodes within ${timeoutMs / 1000} s` });
          const root = document.querySelector('.map');
          const renderer = root?.getAttribute('data-renderer') ?? 'svg';
          const drawn = root && document.title !== oldTitle ? picture(root, renderer) : undefined;
          if (drawn === undefined) {
            last = undefined;
            still = 0;
          } else {
            still = root!.getAttribute('data-layout') === 'settled' && drawn === last ? still + 1 : 0;
            last = drawn;
            if (still >= 2) return resolve({ renderer, startedAt, settledAt: now });
          }
          requestAnimationFrame(check);
        };
        const start = () => {
          startedAt = performance.now();
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
    { expected, timeoutMs: SETTLE_TIMEOUT_MS },
  );
}

async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The map's area on screen and its nodes' boxes on screen, as seen through `camera`. */
interface Scene {
  readonly camera: string;
  readonly area: Box;
  readonly nodes: readonly Box[];
}

/** An SVG renderer's nodes are in the DOM: their boxes are where the browser drew them. */
async function drawnScene(page: Page): Promise<Scene> {
  const drawn = await page.evaluate(() => {
    const toBox = (rect: DOMRect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
    const area = toBox(document.querySelector('.map')!.getBoundingClientRect());
    const nodes = [...document.querySelectorAll('.map g[data-node-id]')].map((node) => toBox(node.getBoundingClientRect()));
    return { area, nodes };
  });
  return { camera: await cameraOf(page), ...drawn };
}

const NUMBER = '(-?[\\d.]+(?:e[-+]?\\d+)?)';
/** A node of argmap's SVG export: its position in map coordinates, then its outline relative to it. */
const EXPORTED_NODE = new RegExp(
  `<g class="node[^"]*" data-node-id="[^"]*"[^>]*? transform="translate\\(${NUMBER},${NUMBER}\\)">(?:<title>[^<]*</title>)?<rect x="${NUMBER}" y="${NUMBER}" width="${NUMBER}" height="${NUMBER}"`,
  'g',
);
const ZOOM_TRANSFORM = new RegExp(`translate\\(${NUMBER},${NUMBER}\\) scale\\(${NUMBER}\\)`);

/**
 * A canvas has no nodes in the DOM, so the positions come the way a person would get them: the
 * toolbar's Export SVG, whose node groups are in map coordinates, placed on screen by the zoom
 * transform the canvas shows in `data-transform`.
 */
async function exportedScene(page: Page): Promise<Scene> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: /^(Export SVG|导出 SVG)$/ }).click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  const view = await page.evaluate(() => {
    const root = document.querySelector('.map')!;
    const canvas = root.matches('canvas') ? root : root.querySelector('canvas');
    const rect = root.getBoundingClientRect();
    return { area: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }, transform: canvas?.getAttribute('data-transform') ?? '' };
  });
  const camera = ZOOM_TRANSFORM.exec(view.transform);
  if (!camera) throw new Error(`the canvas's data-transform "${view.transform}" is not a zoom transform`);
  const [tx, ty, k] = camera.slice(1).map(Number) as [number, number, number];
  const nodes = [...svg.matchAll(EXPORTED_NODE)].map((match) => {
    const [x, y, left, top, width, height] = match.slice(1).map(Number) as [number, number, number, number, number, number];
    const screenLeft = view.area.left + tx + k * (x + left);
    const screenTop = view.area.top + ty + k * (y + top);
    return { left: screenLeft, top: screenTop, right: screenLeft + k * width, bottom: screenTop + k * height };
  });
  if (nodes.length === 0) throw new Error('the exported SVG holds no nodes');
  return { camera: view.transform, area: view.area, nodes };
}

/** The zoom transform the map shows: a canvas's `data-transform`, or the SVG's camera group. */
async function cameraOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('.map')!;
    return (root.matches('canvas') ? root.getAttribute('data-transform') : root.querySelector(':scope > g')?.getAttribute('transform')) ?? '';
  });
}

const inside = (box: Box, x: number, y: number, margin = 0) => x >= box.left - margin && x <= box.right + margin && y >= box.top - margin && y <= box.bottom + margin;

/** A point of the background, clear of every node, nearest the middle of the map. */
function backgroundPoint({ area, nodes }: Scene): { x: number; y: number } {
  const [middleX, middleY] = [(area.left + area.right) / 2, (area.top + area.bottom) / 2];
  const near = nodes.filter((node) => node.right > area.left && node.left < area.right && node.bottom > area.top && node.top < area.bottom);
  let best: { x: number; y: number; distance: number } | undefined;
  for (let x = area.left + 40; x < area.right - 40; x += 16) {
    for (let y = area.top + 40; y < area.bottom - 40; y += 16) {
      const distance = Math.hypot(x - middleX, y - middleY);
      if (best && distance >= best.distance) continue;
      if (!near.some((node) => inside(node, x, y, 8))) best = { x, y, distance };
    }
  }
  if (!best) throw new Error('no empty background to pan on');
  return best;
}

/** The centre of the node nearest the middle of the map that no other node covers there, if any. */
function nodePoint({ area, nodes }: Scene, margin = 100): { x: number; y: number } | undefined {
  const [middleX, middleY] = [(area.left + area.right) / 2, (area.top + area.bottom) / 2];
  let best: { x: number; y: number; distance: number } | undefined;
  for (const node of nodes) {
    const [x, y] = [(node.left + node.right) / 2, (node.top + node.bottom) / 2];
    if (x < area.left + margin || x > area.right - margin || y < area.top + margin || y > area.bottom - margin) continue;
    const distance = Math.hypot(x - middleX, y - middleY);
    if (best && distance >= best.distance) continue;
    if (nodes.filter((other) => inside(other, x, y)).length === 1) best = { x, y, distance };
  }
  return best;
}

/** Room around the dragged node for the circle the drag draws. */
const DRAG_ROOM = 100;
/** Each wheel event of this many pixels doubles the zoom with d3-zoom's default wheel delta. */
const WHEEL_DOUBLING = 500;

/** Polls the camera every frame until it holds still for two (a camera move has ended). */
async function stillCamera(page: Page): Promise<string> {
  let last = await cameraOf(page);
  for (let still = 0; still < 2; ) {
    await nextFrame(page);
    const camera = await cameraOf(page);
    still = camera === last ? still + 1 : 0;
    last = camera;
  }
  return last;
}

const zoomOf = (camera: string) => Number(ZOOM_TRANSFORM.exec(camera)?.[3] ?? Number.NaN);

/**
 * The scene the gestures run in: the opening view, or, when no node is there to drag (the app
 * opens a big map on its top centre, which may be empty), what a person does to find one: Fit to
 * screen, then wheel in on the node nearest the middle back to the opening zoom.
 */
async function sceneWithNode(page: Page, readScene: (page: Page) => Promise<Scene>): Promise<Scene> {
  const opening = await readScene(page);
  if (nodePoint(opening, DRAG_ROOM)) return opening;
  const openingZoom = zoomOf(await cameraOf(page));
  const fit = page.getByRole('button', { name: /^(Fit to screen|适应屏幕)$/ });
  if ((await fit.count()) === 0) throw new Error('no node in view to drag, and no Fit to screen to find one');
  await fit.click();
  await stillCamera(page);
  const target = nodePoint(await readScene(page), 0);
  if (!target) throw new Error('no node in view to drag, even fitted to the screen');
  await page.mouse.move(target.x, target.y);
  for (let wheel = 0; zoomOf(await stillCamera(page)) < openingZoom && wheel < 20; wheel += 1) await page.mouse.wheel(0, -WHEEL_DOUBLING);
  const zoomed = await readScene(page);
  if (!nodePoint(zoomed, DRAG_ROOM)) throw new Error('no node in view to drag after zooming in on one');
  return zoomed;
}

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  /** Start, and for a complete event (ph X) its wall and thread-CPU durations, in µs. */
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly id2?: { readonly local?: string };
  readonly args?: { readonly frame_reporter?: { readonly state?: string }; readonly name?: string };
}

/** The page's renderer process (the one that made the marks) and the gesture between the marks, in µs. */
interface GestureSpan {
  readonly pid: number;
  readonly from: number;
  readonly to: number;
}

function gestureSpan(events: readonly TraceEvent[]): GestureSpan {
  const start = events.find((event) => event.name === GESTURE_START_MARK);
  const end = events.find((event) => event.name === GESTURE_END_MARK);
  if (!start || !end) throw new Error('the trace lacks the gesture marks');
  return { pid: start.pid, from: start.ts, to: end.ts };
}

/**
 * When (µs) the page's compositor presented frames within the span. Each frame has a
 * PipelineReporter slice (from its begin-frame to its presentation) saying whether it was
 * presented or dropped; a frame can have two (main-thread and compositor-only), so presentations
 * are counted once per timestamp.
 */
function presentationTimes(events: readonly TraceEvent[], span: GestureSpan): number[] {
  const states = new Map<string, string | undefined>();
  const presentations = new Set<number>();
  for (const event of events) {
    if (event.name !== 'PipelineReporter' || event.pid !== span.pid) continue;
    const id = event.id2?.local ?? '';
    if (event.ph === 'b') states.set(id, event.args?.frame_reporter?.state);
    else if (event.ph === 'e' && /^STATE_PRESENTED/.test(states.get(id) ?? '') && event.ts >= span.from && event.ts <= span.to) presentations.add(event.ts);
  }
  return [...presentations].sort((a, b) => a - b);
}

/** Intervals (ms) between presentations. */
function presentedFrameIntervals(times: readonly number[]): number[] {
  // The first interval runs from the last frame of a page at rest (which presents nothing new) to
  // the gesture's first frame: it measures the pause before the gesture, not a frame of it.
  return times.slice(2).map((time, index) => (time - times[index + 1]!) / 1000);
}

const MAIN_THREAD = 'CrRendererMain';
/**
 * The renderer threads that make a frame, by the names the trace's metadata gives them:
 * CrRendererMain (script, style, layout, paint, and a 2D canvas's drawing); Compositor (input,
 * scrolling, scheduling and committing frames); ThreadPoolForegroundWorker and
 * ThreadPoolBackgroundWorker (rasterising, on the CPU with --disable-gpu: this Chromium runs its
 * raster tasks on the thread pool, which also runs V8's background garbage collection);
 * CompositorTileWorker (where older Chromiums rasterise); DedicatedWorker thread (a layout
 * worker, which works while a node is dragged). Left out: Chrome_ChildIOThread, which relays
 * messages, and PerfettoTrace, which is the tracing itself.
 */
const FRAME_THREADS = /^(CrRendererMain|Compositor|CompositorTileWorker|ThreadPool(Foreground|Background)Worker|DedicatedWorker thread)/;

/** A complete trace event on one thread: its start, wall duration and thread-CPU duration, in µs. */
interface Task {
  readonly ts: number;
  readonly dur: number;
  readonly tdur: number | undefined;
}

/**
 * CPU time (ms) of one thread's top-level tasks within the span. Complete events on a thread nest,
 * and an inner event's time is in its parent's, so only the outermost count. An event crossing an
 * edge of the span counts for the share of its wall time inside. Chromium leaves out `tdur` when
 * the thread's clock did not move (events of a few µs); their wall time stands in.
 */
function threadCpuMs(tasks: readonly Task[], span: GestureSpan): number {
  let cpu = 0;
  let outermostEnd = -Infinity;
  for (const task of [...tasks].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (task.ts < outermostEnd) continue;
    outermostEnd = task.ts + task.dur;
    const inside = Math.min(outermostEnd, span.to) - Math.max(task.ts, span.from);
    if (inside > 0) cpu += ((task.tdur ?? task.dur) * inside) / task.dur;
  }
  return cpu / 1000;
}

/** What the span cost the page's renderer: the CPU of its frame-making threads, and the frames it presented. */
function frameCost(events: readonly TraceEvent[], span: GestureSpan, presentedFrames: number): FrameCost {
  const threadNames = new Map<number, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name' && event.pid === span.pid) threadNames.set(event.tid, event.args?.name ?? '');
  if (![...threadNames.values()].includes(MAIN_THREAD)) throw new Error(`the trace does not name the renderer's ${MAIN_THREAD} thread`);
  const tasksByThread = new Map<number, Task[]>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined || event.pid !== span.pid || !FRAME_THREADS.test(threadNames.get(event.tid) ?? '') || !event.cat.split(',').includes('toplevel')) continue;
    const tasks = tasksByThread.get(event.tid) ?? [];
    tasks.push({ ts: event.ts, dur: event.dur, tdur: event.tdur });
    tasksByThread.set(event.tid, tasks);
  }
  let cpuMs = 0;
  let mainThreadCpuMs = 0;
  for (const [tid, tasks] of tasksByThread) {
    const cpu = threadCpuMs(tasks, span);
    cpuMs += cpu;
    if (threadNames.get(tid) === MAIN_THREAD) mainThreadCpuMs += cpu;
  }
  return { cpuMs, mainThreadCpuMs, presentedFrames };
}

interface GestureTrace {
  /** Intervals between presented frames, ms. */
  readonly frames: number[];
  readonly cost: FrameCost;
}

function readGestureTrace(events: readonly TraceEvent[]): GestureTrace {
  const span = gestureSpan(events);
  const times = presentationTimes(events, span);
  return { frames: presentedFrameIntervals(times), cost: frameCost(events, span, times.length) };
}

/** Starts tracing; the function returned ends it and reads the gesture's frames and their cost. */
async function traceFrames(page: Page, cdp: CDPSession): Promise<() => Promise<GestureTrace>> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  await page.evaluate((mark) => performance.mark(mark), GESTURE_START_MARK);
  return async () => {
    await page.evaluate((mark) => performance.mark(mark), GESTURE_END_MARK);
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return readGestureTrace(events);
  };
}

/** A wheel notch for the zoom gesture, in pixels (see `recordGesture`). */
const WHEEL_NOTCH = 15;

/**
 * Runs one gesture, feeding input at 60 events a second, and returns the presented frame
 * intervals, their cost, the requestAnimationFrame deltas and how many steps were taken: a
 * gesture out of time budget stops early, with the mouse released.
 */
async function recordGesture(page: Page, cdp: CDPSession, gesture: Gesture, start: { x: number; y: number }) {
  await page.mouse.move(start.x, start.y);
  await nextFrame(page);
  const stopTrace = await traceFrames(page, cdp);
  await page.evaluate(() => {
    const recorder = { deltas: [] as number[], recording: true };
    (window as unknown as Watch).__animationFrames = recorder;
    let last: number | undefined;
    const loop = (time: number) => {
      if (last !== undefined) recorder.deltas.push(time - last);
      last = time;
      if (recorder.recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const input = (step: number): Promise<void> => {
    if (gesture === 'pan') return page.mouse.move(start.x + step * 2, start.y + step);
    // In for half the steps, out for the rest, so the scene ends where it began. Each notch zooms
    // by 2^(15 × 0.002) (d3-zoom's wheel), 3.5× in all: within the app's limit (4) from its opening
    // zoom (0.8), since a camera held at its limit draws nothing new, and the pause would count as a frame.
    if (gesture === 'zoom') return page.mouse.wheel(0, step <= STEPS / 2 ? -WHEEL_NOTCH : WHEEL_NOTCH);
    const angle = (step / STEPS) * 2 * Math.PI;
    return page.mouse.move(start.x + 60 * Math.sin(angle), start.y - 60 * (1 - Math.cos(angle)));
  };
  const pageStart = await page.evaluate(() => performance.now());
  if (gesture !== 'zoom') await page.mouse.down();
  const began = Date.now();
  const inFlight: Promise<void>[] = [];
  let step = 1;
  for (; step <= STEPS && Date.now() - began < GESTURE_BUDGET_MS; step += 1) {
    await sleep(began + step * INPUT_INTERVAL_MS - Date.now());
    inFlight.push(input(step));
    if (inFlight.length >= INPUT_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  if (gesture !== 'zoom') await page.mouse.up();
  const { animationFrames, pageEnd } = await page.evaluate(() => {
    const recorder = (window as unknown as Watch).__animationFrames!;
    recorder.recording = false;
    return { animationFrames: recorder.deltas, pageEnd: performance.now() };
  });
  return { ...(await stopTrace()), animationFrames, steps: step - 1, window: { from: pageStart, to: pageEnd } };
}

/**
 * Sends a command to each of the page's workers (a layout worker's heap is part of the map's
 * cost): CDP reaches them through the page's session, attached without flattening.
 */
async function workerHeapBytes(cdp: CDPSession): Promise<number> {
  const workers: string[] = [];
  const onAttached = (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') workers.push(event.sessionId);
  };
  cdp.on('Target.attachedToTarget', onAttached);
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  cdp.off('Target.attachedToTarget', onAttached);
  let nextId = 1;
  const ask = async (sessionId: string, method: string): Promise<{ usedSize?: number }> => {
    const id = nextId++;
    const answered = new Promise<{ usedSize?: number }>((resolve) => {
      const onMessage = (event: { sessionId?: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
        if (event.sessionId !== sessionId || reply.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(reply.result ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    return withTimeout(answered, 30_000, `${method} in a worker`);
  };
  let bytes = 0;
  for (const sessionId of workers) {
    await ask(sessionId, 'HeapProfiler.collectGarbage');
    bytes += (await ask(sessionId, 'Runtime.getHeapUsage')).usedSize ?? 0;
  }
  return bytes;
}

async function heapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize + (await workerHeapBytes(cdp));
}

/** The longest task that started in [from, to), 0 when none took 50 ms or more. */
function longestTask(tasks: readonly LongTask[], from: number, to = Infinity): number {
  return Math.max(0, ...tasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration));
}

/**
 * Opens `map` in a fresh browser context at `url` and measures it through the given gestures; with
 * none, only the opening and the heap are measured.
 */
export async function measure(browser: Browser, url: string, tool: Tool, map: MapCase, gestures: readonly Gesture[]): Promise<Measurement> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'zh-CN' });
  const frames: Partial<Record<Gesture, number[]>> = {};
  const frameCosts: Partial<Record<Gesture, FrameCost>> = {};
  const animationFrames: Partial<Record<Gesture, number[]>> = {};
  /** When gestures ran, in page time: the harness's own work between them (exports, garbage collection) is not the map's. */
  const gestureWindows: { from: number; to: number }[] = [];
  const notes: string[] = [];
  try {
    const page = await context.newPage();
    // tsx (esbuild, keepNames) wraps named functions in __name(); the functions sent to the page need it too.
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url, { timeout: 30_000 });
    if (tool === 'argmap') {
      // The app opens with the seed map; the watcher must see it settled to tell the new map apart.
      await page.waitForSelector('.map[data-layout="settled"]', { timeout: 30_000 });
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
      return { frames, frameCosts, animationFrames, notes: [(error as Error).message] };
    }
    if ('error' in settle) return { frames, frameCosts, animationFrames, notes: [settle.error] };
    const cdp = await context.newCDPSession(page);
    const heap = await withTimeout(heapBytes(cdp), 60_000, 'garbage collection');
    const readScene = settle.renderer === 'canvas' ? exportedScene : drawnScene;
    let scene: Scene | undefined;
    for (const gesture of gestures) {
      let recorded: Awaited<ReturnType<typeof recordGesture>>;
      try {
        // The gesture before may have moved the camera (a pan does; one cut short by its budget may not return).
        if (scene?.camera !== (await cameraOf(page))) scene = await withTimeout(sceneWithNode(page, readScene), 120_000, 'finding where to press');
        const start = gesture === 'drag' ? nodePoint(scene, DRAG_ROOM)! : backgroundPoint(scene);
        recorded = await withTimeout(recordGesture(page, cdp, gesture, start), GESTURE_TIMEOUT_MS, gesture);
      } catch (error) {
        // A page that no longer answers would not answer the gestures after this one either.
        notes.push(`${gesture}: ${(error as Error).message}`);
        break;
      }
      // A pan that grabbed a node, or a drag that missed it, would measure the other gesture.
      const cameraMoved = (await cameraOf(page)) !== scene.camera;
      if (gesture === 'pan' && !cameraMoved) notes.push('pan: the camera did not move (the press landed on a node?)');
      if (gesture === 'drag' && cameraMoved) notes.push('drag: the camera moved (the press missed the node?)');
      gestureWindows.push(recorded.window);
      frames[gesture] = recorded.frames;
      frameCosts[gesture] = recorded.cost;
      animationFrames[gesture] = recorded.animationFrames;
      if (recorded.steps < STEPS) notes.push(`${gesture}: over budget, only ${recorded.steps} of ${STEPS} steps within ${GESTURE_BUDGET_MS / 1000} s (${recorded.frames.length} frame intervals measured)`);
    }
    const tasks = await withTimeout(
      page.evaluate(() => (window as unknown as Watch).__longTasks!),
      30_000,
      'reading the long tasks',
    ).catch(() => undefined);
    if (pageErrors.length > 0) throw new Error(`errors in the ${tool} page: ${pageErrors.join('; ')}`);
    return {
      renderer: settle.renderer,
      settledMs: settle.settledAt - settle.startedAt,
      ...(tasks ? { longestTaskSettlingMs: longestTask(tasks, settle.startedAt, settle.settledAt) } : {}),
      // With no gestures asked for (a map only opened), there is no span to claim was free of long tasks.
      ...(tasks && gestures.length > 0 ? { longestTaskDrawnMs: Math.max(0, ...gestureWindows.map((window) => longestTask(tasks, window.from, window.to))) } : {}),
      heapBytes: heap,
      frames,
      frameCosts,
      animationFrames,
      notes,
    };
  } finally {
    await withTimeout(context.close(), 30_000, 'closing the page').catch(() => undefined);
  }
}
