/**
 * Shared helpers for the end-to-end tests: the seed map read straight from disk (never
 * through the app's own loader), hostile and small maps, and ways to read and drive the
 * live map (camera, node positions, pointer gestures) without depending on animation timing.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export type Language = 'zh' | 'en';

export interface Bilingual {
  zh?: string;
  en?: string;
}

export interface SeedNode {
  id: string;
  kind: 'question' | 'claim' | 'evidence';
  text: Bilingual;
  actor?: string;
  quote?: { source: string; text: string };
}

export interface SeedEdge {
  id: string;
  from: string;
  to: string;
  kind: 'support' | 'attack' | 'undercut' | 'answer';
}

export interface SeedActor {
  id: string;
  name: Bilingual;
  affiliation?: Bilingual;
}

export interface SeedMap {
  $schema?: string;
  schemaVersion: number;
  title: Bilingual;
  sources: { id: string; title: Bilingual; file?: string; url?: string }[];
  actors: SeedActor[];
  nodes: SeedNode[];
  edges: SeedEdge[];
}

export const SEED_URL = new URL('../../graph-data/hundred-model-war.json', import.meta.url);
export const ARTICLE_URL = new URL('../../graph-data/sources/hundred-model-war.txt', import.meta.url);

export function seedMapText(): string {
  return readFileSync(SEED_URL, 'utf8');
}

export function loadSeed(): SeedMap {
  return JSON.parse(seedMapText()) as SeedMap;
}

export function articleText(): string {
  return readFileSync(ARTICLE_URL, 'utf8');
}

export function nodeById(map: SeedMap, id: string): SeedNode {
  const node = map.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id} in the map`);
  return node;
}

/** Text in a language, falling back to the other one, as the app does. */
export function inLanguage(text: Bilingual, language: Language): string {
  return (language === 'zh' ? (text.zh ?? text.en) : (text.en ?? text.zh)) ?? '';
}

/**
 * The nodes a node is connected to, counting an undercut as touching both ends of the
 * inference it attacks (the relation model of the app, written out independently).
 */
export function neighboursOf(map: SeedMap, id: string): Set<string> {
  const edgeById = new Map(map.edges.map((edge) => [edge.id, edge]));
  const result = new Set<string>();
  for (const edge of map.edges) {
    const targets = edge.kind === 'undercut'
      ? (() => {
          const attacked = edgeById.get(edge.to);
          return attacked ? [attacked.from, attacked.to] : [];
        })()
      : [edge.to];
    if (edge.from === id) for (const target of targets.slice(0, 1)) result.add(target);
    if (targets.includes(id)) result.add(edge.from);
  }
  result.delete(id);
  return result;
}

/** Text of a node label compared loosely: wrapping drops spaces, and a long label ends in "…". */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Whether the label drawn (its lines joined) shows the start of `full`, or all of it. */
export function labelMatches(lines: readonly string[], full: string): boolean {
  const shown = squash(lines.join(''));
  const whole = squash(full);
  if (shown === whole) return true;
  if (!shown.endsWith('…')) return false;
  const head = shown.slice(0, -1);
  return head.length > 0 && whole.startsWith(head);
}

// ---------------------------------------------------------------------------------------------
// Maps built for the tests

export const BIDI_OVERRIDE = '\u202E';
export const FAMILY_EMOJI = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
export const RAINBOW_FLAG = '\u{1F3F3}\uFE0F\u200D\u{1F308}';

/** A 5,000-character label: Chinese and Latin words mixed, so it wraps and is cut with "…". */
export const LONG_LABEL = Array.from({ length: 5000 }, (_, index) => (index % 7 === 6 ? ' ' : index % 2 === 0 ? '长' : 'x')).join('');

export interface HostileNode {
  id: string;
  zh: string;
  en: string;
}

/** Texts that try to become markup, break out of XML, reorder text or be very long. */
export const HOSTILE_NODES: readonly HostileNode[] = [
  { id: '__proto__', zh: '<script>alert(1)</script>', en: '<script>alert("en")</script>' },
  { id: 'constructor', zh: '<img src=x onerror=alert(1)>', en: '<img src=x onerror=alert(2)> in English' },
  { id: 'cdata', zh: ']]> <![CDATA[ x ]]> <!-- comment --> </svg><script>alert(3)</script>', en: ']]></metadata><script>alert(4)</script>' },
  { id: 'bidi', zh: `abc${BIDI_OVERRIDE}def 反转`, en: `txt.${BIDI_OVERRIDE}exe.pdf` },
  { id: 'emoji', zh: `家庭 ${FAMILY_EMOJI} 旗帜 ${RAINBOW_FLAG} 🇨🇳`, en: `family ${FAMILY_EMOJI} flag ${RAINBOW_FLAG}` },
  { id: 'long', zh: LONG_LABEL, en: LONG_LABEL },
  { id: 'entities', zh: '&amp; &#x3C; &lt;b&gt; kept as typed', en: '&amp; &#x3C; kept as typed' },
  { id: 'toString', zh: '" onmouseover="alert(5)" x="', en: "' onfocus='alert(6)' x='" },
];

export function hostileMap(): SeedMap {
  return {
    schemaVersion: 1,
    title: { zh: '<script>alert("title")</script> 恶意标题', en: '<script>alert("title")</script> hostile title' },
    sources: [],
    actors: [],
    nodes: HOSTILE_NODES.map((node, index) => ({ id: node.id, kind: index === 2 ? 'evidence' : index === 6 ? 'question' : 'claim', text: { zh: node.zh, en: node.en } })),
    edges: [
      { id: 'hasOwnProperty', from: '__proto__', to: 'constructor', kind: 'support' },
      { id: 'valueOf', from: 'constructor', to: 'entities', kind: 'answer' },
      { id: 'e-cdata', from: 'cdata', to: '__proto__', kind: 'attack' },
      { id: 'e-bidi', from: 'bidi', to: 'hasOwnProperty', kind: 'undercut' },
      { id: 'e-emoji', from: 'emoji', to: 'long', kind: 'support' },
      { id: 'e-long', from: 'long', to: 'entities', kind: 'answer' },
      { id: 'e-tostring', from: 'toString', to: 'emoji', kind: 'attack' },
    ],
  };
}

/** A valid three-node map, small enough to tell apart from the seed at a glance. */
export function smallMap(title = 'Small test map'): SeedMap {
  return {
    schemaVersion: 1,
    title: { zh: '小测试地图', en: title },
    sources: [],
    actors: [],
    nodes: [
      { id: 'sq', kind: 'question', text: { zh: '要不要测试？', en: 'Should we test?' } },
      { id: 'sa', kind: 'claim', text: { zh: '要，测试能发现错误', en: 'Yes, tests find bugs' } },
      { id: 'sb', kind: 'evidence', text: { zh: '上周的测试发现了三个错误', en: 'Last week the tests found three bugs' } },
    ],
    edges: [
      { id: 'se1', from: 'sa', to: 'sq', kind: 'answer' },
      { id: 'se2', from: 'sb', to: 'sa', kind: 'support' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the live map

export interface Point {
  x: number;
  y: number;
}

export interface Camera {
  x: number;
  y: number;
  k: number;
}

export const MAP_SVG = 'svg.map';
export const CAMERA = 'svg.map > g[transform]';

export function parseTranslate(transform: string | null): Point {
  const match = /translate\(\s*(-?[\d.e+-]+)[\s,]+(-?[\d.e+-]+)\s*\)/.exec(transform ?? '');
  if (!match) throw new Error(`no translate in transform ${JSON.stringify(transform)}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

export function parseCamera(transform: string | null): Camera {
  const { x, y } = parseTranslate(transform);
  const scale = /scale\(\s*(-?[\d.e+-]+)\s*\)/.exec(transform ?? '');
  return { x, y, k: scale ? Number(scale[1]) : 1 };
}

export async function camera(page: Page): Promise<Camera> {
  return parseCamera(await page.locator(CAMERA).first().getAttribute('transform'));
}

export async function nodePosition(page: Page, id: string): Promise<Point> {
  return parseTranslate(await page.locator(`g[data-node-id="${id}"]`).getAttribute('transform'));
}

export async function allNodePositions(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const result: Record<string, string> = {};
    for (const group of document.querySelectorAll<SVGGElement>('svg.map g[data-node-id]')) result[group.dataset['nodeId'] ?? ''] = group.getAttribute('transform') ?? '';
    return result;
  });
}

/**
 * Whether the `transform` of everything matching `selector` stayed the same over `frames`
 * animation frames (d3 moves nodes and the camera once per frame at most).
 */
async function stillOverFrames(page: Page, selector: string, frames: number): Promise<boolean> {
  return page.evaluate(
    ({ selector: query, frames: count }) =>
      new Promise<boolean>((resolve) => {
        const read = () => [...document.querySelectorAll(query)].map((element) => element.getAttribute('transform')).join('|');
        const first = read();
        let seen = 0;
        const tick = () => {
          seen += 1;
          if (seen < count) requestAnimationFrame(tick);
          else resolve(read() === first);
        };
        requestAnimationFrame(tick);
      }),
    { selector, frames },
  );
}

/** Waits until the opening layout has settled and no node moves for a dozen frames (a drag's layout has cooled). */
export async function waitForLayoutToRest(page: Page, timeout = 20_000): Promise<void> {
  await expect(page.locator('[data-layout="settled"]').first()).toBeAttached({ timeout });
  await expect.poll(() => stillOverFrames(page, 'svg.map g[data-node-id]', 12), { timeout, intervals: [0] }).toBe(true);
}

/** Waits until the camera has not moved for a few frames (it may glide to a new view). */
export async function waitForCameraToRest(page: Page, timeout = 10_000): Promise<Camera> {
  await expect.poll(() => stillOverFrames(page, CAMERA, 8), { timeout, intervals: [0] }).toBe(true);
  return camera(page);
}

/** Opens the app and waits for the seed map to be drawn where its layout settled. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('[data-layout="settled"]').first()).toBeAttached();
  await expect(page.locator('svg.map g[data-node-id]').first()).toBeVisible();
}

export interface PageProblems {
  readonly dialogs: string[];
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

/** Records every dialog (and dismisses it), every uncaught error and every console error. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { dialogs: [], pageErrors: [], consoleErrors: [] };
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  return problems;
}

/** The centre of a node's box on screen, and whether a pointer there would reach the node. */
async function nodeHit(page: Page, id: string): Promise<{ centre: Point; hit: boolean; inside: boolean; svg: DOMRectLike }> {
  return page.evaluate((nodeId) => {
    const group = [...document.querySelectorAll<SVGGElement>('svg.map g[data-node-id]')].find((candidate) => candidate.dataset['nodeId'] === nodeId);
    const svg = document.querySelector('svg.map');
    if (!group || !svg) throw new Error(`node ${nodeId} is not drawn`);
    const outline = group.querySelector('rect.outline') ?? group;
    const box = outline.getBoundingClientRect();
    const frame = svg.getBoundingClientRect();
    const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    const topmost = document.elementFromPoint(centre.x, centre.y);
    const margin = 60;
    return {
      centre,
      hit: topmost !== null && group.contains(topmost),
      inside: centre.x > frame.left + margin && centre.x < frame.right - margin && centre.y > frame.top + margin && centre.y < frame.bottom - margin,
      svg: { left: frame.left, top: frame.top, width: frame.width, height: frame.height },
    };
  }, id);
}

interface DOMRectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A point where a pointer meets the bare background of the map (the svg itself, not a node,
 * an edge or the legend), such that the point moved by (dx, dy) is still over the map.
 */
export async function findBackgroundPoint(page: Page, dx = 0, dy = 0): Promise<Point> {
  const point = await page.evaluate(
    ({ dx: moveX, dy: moveY }) => {
      const svg = document.querySelector('svg.map');
      if (!svg) return undefined;
      const frame = svg.getBoundingClientRect();
      const margin = 12;
      const step = 16;
      // Prefer points near the centre: scan outwards in rings.
      const centreX = frame.left + frame.width / 2;
      const centreY = frame.top + frame.height / 2;
      const candidates: { x: number; y: number; distance: number }[] = [];
      for (let y = frame.top + margin; y < frame.bottom - margin; y += step) {
        for (let x = frame.left + margin; x < frame.right - margin; x += step) {
          candidates.push({ x, y, distance: Math.hypot(x - centreX, y - centreY) });
        }
      }
      candidates.sort((a, b) => a.distance - b.distance);
      const within = (x: number, y: number) => x > frame.left + margin && x < frame.right - margin && y > frame.top + margin && y < frame.bottom - margin;
      for (const { x, y } of candidates) {
        if (!within(x + moveX, y + moveY)) continue;
        // The point and a small ring around it must be bare background.
        const bare = [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].every(([ox, oy]) => document.elementFromPoint(x + ox!, y + oy!) === svg);
        if (bare) return { x, y };
      }
      return undefined;
    },
    { dx, dy },
  );
  if (!point) throw new Error(`no bare background point on the map that can move by (${dx}, ${dy})`);
  return point;
}

/** Presses the mouse at `from`, moves it in steps to `to`, releases it. */
export async function dragMouse(page: Page, from: Point, to: Point, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Pans the camera by dragging the background, in chunks that stay over the map. */
export async function panBy(page: Page, dx: number, dy: number): Promise<void> {
  const frame = await page.locator(MAP_SVG).boundingBox();
  if (!frame) throw new Error('the map is not drawn');
  const chunkX = frame.width / 3;
  const chunkY = frame.height / 3;
  let leftX = dx;
  let leftY = dy;
  while (Math.abs(leftX) > 0.5 || Math.abs(leftY) > 0.5) {
    const stepX = Math.max(-chunkX, Math.min(chunkX, leftX));
    const stepY = Math.max(-chunkY, Math.min(chunkY, leftY));
    const start = await findBackgroundPoint(page, stepX, stepY);
    await dragMouse(page, start, { x: start.x + stepX, y: start.y + stepY });
    leftX -= stepX;
    leftY -= stepY;
  }
}

/**
 * Brings a node well inside the map view, where nothing covers its centre, by panning the
 * camera; returns the screen point at its centre.
 */
export async function revealNode(page: Page, id: string): Promise<Point> {
  await waitForCameraToRest(page);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const state = await nodeHit(page, id);
    if (state.hit && state.inside) return state.centre;
    const targetX = state.svg.left + state.svg.width / 2;
    const targetY = state.svg.top + state.svg.height * 0.4;
    // Nudge a little off-centre on later attempts, in case something covers the centre.
    const jitter = attempt * 23;
    await panBy(page, targetX - state.centre.x + jitter, targetY - state.centre.y - jitter);
  }
  throw new Error(`node ${id} could not be brought into view`);
}

/** Reads a downloaded file as text. */
export async function downloadedText(download: { path(): Promise<string | null> }): Promise<string> {
  const path = await download.path();
  if (!path) throw new Error('the download has no file');
  return readFileSync(path, 'utf8');
}

/** Opens a file through the toolbar's "Open map…" input. */
export async function openMapFile(page: Page, name: string, content: string | Buffer, mimeType = 'application/json'): Promise<void> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await page.getByLabel(/^\s*(Open map…|打开地图…)\s*$/).setInputFiles({ name, mimeType, buffer });
}

/**
 * Drops files onto the middle of the window (dragenter, dragover, drop); true when the app took the
 * drop (dispatchEvent returns false when a handler called preventDefault: the browser would not navigate).
 */
export async function dropFiles(page: Page, files: readonly { name: string; text: string; type: string }[]): Promise<boolean> {
  return page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped) transfer.items.add(new File([file.text], file.name, { type: file.type }));
    const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    return !target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, files);
}

/** Pastes `text` onto the page, as Ctrl+V outside a text field does; true when the app took it. */
export async function pasteText(page: Page, text: string): Promise<boolean> {
  return page.evaluate((pasted) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', pasted);
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    return event.defaultPrevented;
  }, text);
}

/**
 * Decodes a PNG in the page: its size, the variance of its luminance, how many distinct colours it
 * has (up to 1,000), and the share of pixels that differ clearly from its top-left pixel.
 */
export async function pngPixelStats(page: Page, png: Buffer): Promise<{ width: number; height: number; variance: number; distinct: number; inked: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let squares = 0;
    const colours = new Set<number>();
    const pixels = data.length / 4;
    const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
    let inked = 0;
    for (let index = 0; index < data.length; index += 4) {
      if (Math.abs(data[index]! - r0) + Math.abs(data[index + 1]! - g0) + Math.abs(data[index + 2]! - b0) > 60) inked += 1;
      // Composite onto white, so a transparent background counts as white.
      const alpha = data[index + 3]! / 255;
      const r = data[index]! * alpha + 255 * (1 - alpha);
      const g = data[index + 1]! * alpha + 255 * (1 - alpha);
      const b = data[index + 2]! * alpha + 255 * (1 - alpha);
      const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += luminance;
      squares += luminance * luminance;
      if (colours.size < 1000) colours.add((Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(b));
    }
    const mean = sum / pixels;
    return { width: canvas.width, height: canvas.height, variance: squares / pixels - mean * mean, distinct: colours.size, inked: inked / pixels };
  }, png.toString('base64'));
}

// ---------------------------------------------------------------------------------------------
// Exported SVG files

export interface SvgAnalysis {
  readonly parserErrors: number;
  readonly rootName: string;
  readonly nodes: readonly { id: string; title: string; lines: string[] }[];
  readonly edgeIds: readonly string[];
  readonly metadata: string | null;
  /** Elements that run code or embed other documents. */
  readonly activeElements: readonly string[];
  readonly eventAttributes: readonly string[];
  readonly externalReferences: readonly string[];
}

/** Parses an SVG file in the browser, as a strict XML parser sees it, and lists what it holds. */
export async function analyseSvg(page: Page, text: string): Promise<SvgAnalysis> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const all = [...doc.getElementsByTagName('*')];
    const activeElements = all
      .filter((element) => ['script', 'foreignobject', 'iframe', 'object', 'embed', 'img', 'image', 'use', 'a', 'animate', 'set', 'handler', 'listener'].includes(element.localName.toLowerCase()))
      .map((element) => element.localName);
    const eventAttributes: string[] = [];
    const externalReferences: string[] = [];
    for (const element of all) {
      for (const attribute of [...element.attributes]) {
        const name = attribute.localName.toLowerCase();
        if (name.startsWith('on')) eventAttributes.push(`${element.localName}[${attribute.name}]`);
        if ((name === 'href' || name === 'src') && !attribute.value.startsWith('#')) externalReferences.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
        for (const match of attribute.value.matchAll(/url\(\s*['"]?([^'")]*)/g)) {
          if (!(match[1] ?? '').startsWith('#')) externalReferences.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
        }
      }
    }
    for (const style of doc.getElementsByTagName('style')) {
      const css = style.textContent ?? '';
      if (/@import/i.test(css)) externalReferences.push('style @import');
      for (const match of css.matchAll(/url\(\s*['"]?([^'")]*)/g)) if (!(match[1] ?? '').startsWith('#')) externalReferences.push(`style url(${match[1]})`);
    }
    const nodes = [...doc.querySelectorAll('[data-node-id]')].map((group) => ({
      id: group.getAttribute('data-node-id') ?? '',
      title: [...group.children].find((child) => child.localName === 'title')?.textContent ?? '',
      lines: [...group.querySelectorAll('text:not(.caption) tspan')].map((tspan) => tspan.textContent ?? ''),
    }));
    return {
      parserErrors: doc.getElementsByTagName('parsererror').length,
      rootName: doc.documentElement.localName,
      nodes,
      // A two-way line names both of its attacks.
      edgeIds: [...doc.querySelectorAll('[data-edge-id]')].flatMap((line) => [line.getAttribute('data-edge-id') ?? '', ...(line.hasAttribute('data-partner-edge-id') ? [line.getAttribute('data-partner-edge-id') ?? ''] : [])]),
      metadata: doc.querySelector('metadata')?.textContent ?? null,
      activeElements,
      eventAttributes,
      externalReferences,
    };
  }, text);
}

/** Clicks the export button and returns the text of the file it downloads. */
export async function exportSvg(page: Page): Promise<{ fileName: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /SVG/ }).click();
  const download = await downloading;
  return { fileName: download.suggestedFilename(), text: await downloadedText(download) };
}

/**
 * Opens an SVG file as a document of its own (served as image/svg+xml from the app's origin),
 * and reports dialogs, errors, scripts and how much of a screenshot is not background.
 */
export async function openSvgAsDocument(page: Page, text: string): Promise<{ problems: PageProblems; scripts: number; rootName: string; inked: number }> {
  const viewer = await page.context().newPage();
  try {
    const problems = watchPage(viewer);
    await viewer.route('**/__exported__.svg', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml; charset=utf-8', body: text }));
    await viewer.goto('/__exported__.svg');
    const { scripts, rootName } = await viewer.evaluate(() => ({ scripts: document.getElementsByTagName('script').length, rootName: document.documentElement.localName }));
    // A page opened behind another has no frame to capture yet (under load, Chromium then says
    // "Unable to capture screenshot"): it is brought to the front and painted first.
    await viewer.bringToFront();
    await viewer.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shot = await viewer.screenshot();
    const { inked } = await pngPixelStats(page, shot);
    // Give a handler that fires late (onload, a timer) the chance to show itself.
    await viewer.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    return { problems, scripts, rootName, inked };
  } finally {
    await viewer.close();
  }
}

/** Waits for the map's document room: the editing bar says autosave is on (or why it is off). */
export async function editingReady(page: Page, timeout?: number): Promise<void> {
  await expect(page.locator('.authoring .saved, .autosave-notice').first()).toBeVisible(timeout === undefined ? {} : { timeout });
}
