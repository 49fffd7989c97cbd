/**
 * Helpers for the format tests: the corpora copied into the repository (tests/corpora), the
 * expected reading of a file computed in Node with the app's own core functions, the Save as
 * menu, downloads, and PNG facts (signature, IHDR size, pixel variance).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Download, type Page } from '@playwright/test';
import { readMapBytes, readMapText, type ReadResult } from '../../src/core/formats/read-map.ts';
import { inLanguage, type ArgMap } from '../../src/core/model.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';
import { dropFiles, exportSvg } from './helpers.ts';

export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The MIT corpora in the clone; the ones that may not be copied are opened by tests/conformance/e2e. */
export const REPO_CORPORA_DIR = path.join(PROJECT_ROOT, 'tests/corpora');

/** A corpus file of the repository, as bytes; a missing one fails the test with the way to fix it. */
export function corpusBytes(relative: string): Buffer {
  const file = path.join(REPO_CORPORA_DIR, relative);
  if (!existsSync(file)) throw new Error(`the corpus file ${relative} is missing from ${REPO_CORPORA_DIR}: restore tests/corpora from the repository`);
  return readFileSync(file);
}

/** The map a read must give; throws with the located problems when the core refuses the input. */
export function expectOpened(read: ReadResult, what: string): ArgMap {
  if (!read.result.ok) throw new Error(`${what} does not open in Node: ${read.result.problems.map((problem) => formatProblem(problem)).join('; ')}`);
  return read.result.map;
}

export function readBytesInNode(bytes: Uint8Array, what: string): ArgMap {
  return expectOpened(readMapBytes(bytes), what);
}

export function readTextInNode(text: string, what: string): ArgMap {
  return expectOpened(readMapText(text), what);
}

/** The problems the core reports for a file it refuses (none means it opened: a test error). */
export function refusalInNode(bytes: Uint8Array): readonly Problem[] {
  const read = readMapBytes(bytes);
  if (read.result.ok) throw new Error('the file was expected to be refused, but it opens in Node');
  return read.result.problems;
}

export const NODES = 'svg.map g[data-node-id]';
export const EDGES = 'svg.map [data-edge-id]';

export async function drawnNodeIds(page: Page): Promise<string[]> {
  return (await page.locator(NODES).evaluateAll((groups) => groups.map((group) => group.getAttribute('data-node-id') ?? ''))).sort();
}

/** The app's notice that a file was refused, with its located problems. */
export const FAILED_ALERT = '[role="alert"].failed';

/** The map is drawn, no refusal is shown, and the title is the map's. */
export async function expectOpenedMap(page: Page, map: ArgMap): Promise<void> {
  await expectMapDrawn(page, map);
  await expect(page.locator(FAILED_ALERT)).toHaveCount(0);
  await expect(page.locator('h1')).toContainText(inLanguage(map.title, 'zh').replace(/\s+/g, ' ').trim());
}

/** Drops a JSON map file, named dropped.json, onto the open app: it opens as the core reads it, and its SVG is named after it. */
export async function expectDroppedJsonOpens(page: Page, bytes: Buffer, what: string): Promise<void> {
  const expected = readBytesInNode(bytes, what);
  const accepted = await dropFiles(page, [{ name: 'dropped.json', text: bytes.toString('utf8'), type: 'application/json' }]);
  expect(accepted, 'the drop was not handled (the browser would navigate to the file)').toBe(true);
  await expectOpenedMap(page, expected);
  const { fileName } = await exportSvg(page);
  expect(fileName).toBe('dropped.zh.svg');
}

/** Waits until exactly the nodes (and edges) of `map` are drawn. */
export async function expectMapDrawn(page: Page, map: ArgMap): Promise<void> {
  await expect(page.locator(NODES)).toHaveCount(map.nodes.length);
  // One line stands for two attacks both ways, naming the second in data-partner-edge-id.
  await expect.poll(() => page.locator(`${EDGES}, svg.map [data-partner-edge-id]`).evaluateAll((lines) => lines.reduce((count, line) => count + (line.hasAttribute('data-partner-edge-id') ? 2 : 1), 0))).toBe(map.edges.length);
  expect(await drawnNodeIds(page)).toEqual(map.nodes.map((node) => node.id).sort());
}

// ---------------------------------------------------------------------------------------------
// Comparing maps

/** What must survive a save and a read back: ids, both languages, edge kinds and ends, actors. */
export function essentials(map: ArgMap) {
  return {
    nodes: map.nodes
      .map((node) => ({ id: node.id, kind: node.kind, zh: node.text.zh, en: node.text.en, actor: node.actor }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: map.edges.map((edge) => ({ id: edge.id, from: edge.from, to: edge.to, kind: edge.kind })).sort((a, b) => a.id.localeCompare(b.id)),
    actors: map.actors
      .map((actor) => ({ id: actor.id, zh: actor.name.zh, en: actor.name.en }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

// ---------------------------------------------------------------------------------------------
// Menus and downloads

/** Opens the "Save as ▾" menu and clicks one of its items; returns the download it starts. */
export async function saveAs(page: Page, item: RegExp | string): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.locator('details.menu > summary').filter({ hasText: /另存为|Save as/ }).click();
  await page.locator('details.menu .menu-items').getByRole('button', { name: item }).click();
  return downloading;
}

export async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`the download ${download.suggestedFilename()} has no file`);
  return readFileSync(file);
}

// ---------------------------------------------------------------------------------------------
// PNG

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'the file does not start with the PNG signature').toBe(true);
  expect(png.subarray(12, 16).toString('latin1'), 'the first chunk is not IHDR').toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}


/** The `width` and `height` attributes of an SVG document's root. */
export function svgRootSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) throw new Error('no <svg> element in the export');
  const attribute = (name: string) => {
    const match = new RegExp(`\\s${name}\\s*=\\s*["']([\\d.]+)["']`).exec(root);
    if (!match) throw new Error(`the exported <svg> has no numeric ${name} attribute: ${root.slice(0, 200)}`);
    return Number(match[1]);
  };
  return { width: attribute('width'), height: attribute('height') };
}
