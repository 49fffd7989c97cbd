/**
 * Spreadsheets in the built app: a CSV pair saved as two downloads and opened again (chosen or
 * dropped together), a Kumu-style sheet with `;`, CRLF and a BOM, located refusals that keep the
 * open map, and GraphML checked by the browser's own XML parser.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { importCsvPair } from '../../src/core/formats/csv/index.ts';
import { inLanguage } from '../../src/core/model.ts';
import { dropFiles, openApp, seedMapText } from './helpers.ts';
import { downloadedBytes, drawnNodeIds, essentials, FAILED_ALERT, readTextInNode } from './helpers-formats.ts';

const SEED = readTextInNode(seedMapText(), 'the seed map');
const OPEN_INPUT = /^\s*(Open map…|打开地图…)\s*$/;

/** The seed's nodes are the ones drawn (which edges show is the explore view's business). */
async function expectSeedNodesDrawn(page: Page): Promise<void> {
  await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(SEED.nodes.length);
  expect(await drawnNodeIds(page)).toEqual(SEED.nodes.map((node) => node.id).sort());
}

interface NamedFile {
  readonly name: string;
  readonly text: string;
}

/** Clicks a "Save as ▾" item and collects the `count` downloads it starts. */
async function saveAsFiles(page: Page, item: RegExp, count: number): Promise<Download[]> {
  const downloads: Download[] = [];
  const all = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      downloads.push(download);
      if (downloads.length === count) resolve();
    });
  });
  await page.locator('details.menu > summary').filter({ hasText: /另存为|Save as/ }).click();
  await page.locator('details.menu .menu-items').getByRole('button', { name: item }).click();
  await all;
  return downloads;
}

async function dropCsvFiles(page: Page, files: readonly NamedFile[]): Promise<void> {
  const accepted = await dropFiles(page, files.map((file) => ({ name: file.name, text: file.text, type: 'text/csv' })));
  expect(accepted, 'the drop was not handled').toBe(true);
}

test.describe('a CSV pair', () => {
  test('saves as two files that read back in Node, and the two chosen together open the same map', async ({ page }) => {
    await openApp(page);
    const downloads = await saveAsFiles(page, /CSV/, 2);
    const names = downloads.map((download) => download.suggestedFilename()).sort();
    expect(names).toEqual(['hundred-model-war.edges.csv', 'hundred-model-war.nodes.csv']);
    const files = new Map(await Promise.all(downloads.map(async (download) => [download.suggestedFilename(), (await downloadedBytes(download)).toString('utf8')] as const)));
    const nodes = files.get('hundred-model-war.nodes.csv')!;
    const edges = files.get('hundred-model-war.edges.csv')!;
    expect(nodes.startsWith('\uFEFFID,Label,Type,')).toBe(true);

    const read = importCsvPair({ nodes: { name: 'n.csv', text: nodes }, edges: { name: 'e.csv', text: edges } });
    expect(read.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const { nodes: readNodes, edges: readEdges } = essentials(read.map!);
    const { nodes: seedNodes, edges: seedEdges } = essentials(SEED);
    // Speakers come back by name, with new ids: everything else of a node is as it was.
    expect(readNodes.map((node) => [node.id, node.kind, node.zh, node.en])).toEqual(seedNodes.map((node) => [node.id, node.kind, node.zh, node.en]));
    expect(readEdges).toEqual(seedEdges);

    // Chosen together in the file dialog (edges first: the order does not matter).
    await page.getByLabel(OPEN_INPUT).setInputFiles([
      { name: 'debate.edges.csv', mimeType: 'text/csv', buffer: Buffer.from(edges) },
      { name: 'debate.nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(nodes) },
    ]);
    await expect(page.locator('h1')).toContainText('debate');
    await expectSeedNodesDrawn(page);
    await expect(page.locator(FAILED_ALERT)).toHaveCount(0);
  });

  test('a Kumu sheet dropped as two files opens: `;`, CRLF, a BOM, quotes and Chinese', async ({ page }) => {
    await openApp(page);
    await dropCsvFiles(page, [
      { name: '城市.csv', text: '\uFEFFLabel;Type;Description\r\n城市应该禁车吗？;question;\r\n"空气""更好""";claim;"多行\r\n说明"\r\n商店会倒闭;;\r\n' },
      { name: 'links.csv', text: '\uFEFFFrom;To;Type\r\n"空气""更好""";城市应该禁车吗？;answer\r\n商店会倒闭;"空气""更好""";con\r\n' },
    ]);
    await expect(page.locator('h1')).toContainText('城市');
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(3);
    await expect(page.locator('svg.map [data-edge-id]')).toHaveCount(2);
    await expect(page.locator('svg.map')).toContainText('空气"更好"');
    await expect(page.locator(FAILED_ALERT)).toHaveCount(0);
  });

  test('a bad row is refused with its file and line, and the open map stays', async ({ page }) => {
    await openApp(page);
    await dropCsvFiles(page, [
      { name: 'bad.nodes.csv', text: 'ID,Label\na,A\nb,B\n' },
      { name: 'bad.edges.csv', text: 'ID,From,To,Type\ne1,b,a,support\ne2,b,ghost,attack\n' },
    ]);
    const alert = page.locator(FAILED_ALERT);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('bad.edges.csv:3');
    await expect(alert).toContainText('"ghost"');
    await expectSeedNodesDrawn(page);
    await expect(page.locator('h1')).toContainText(inLanguage(SEED.title, 'zh'));
  });

  test('a big pair is read in the reading worker: it opens, and a bad row is still located by file and line', async ({ page }) => {
    const count = 1500;
    const nodes = ['ID,Type,Text (zh),Text (en)', ...Array.from({ length: count }, (_, index) => `n${index},claim,"第${index}条，主张",Claim ${index}`)].join('\r\n');
    const edges = ['ID,From,To,Type', ...Array.from({ length: count - 1 }, (_, index) => `e${index},n${index + 1},n${Math.floor(index / 2)},${index % 3 === 0 ? 'attack' : 'support'}`)].join('\r\n');
    expect(nodes.length + edges.length).toBeGreaterThan(64 * 1024);
    await openApp(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await dropCsvFiles(page, [{ name: 'big.nodes.csv', text: nodes }, { name: 'big.edges.csv', text: edges }]);
    await expect(page.locator('h1')).toContainText('big');
    await expect(page.locator(FAILED_ALERT)).toHaveCount(0);
    expect(workers.some((url) => /read-worker/.test(url)), `workers started: ${workers.join(', ')}`).toBe(true);

    await dropCsvFiles(page, [{ name: 'big.nodes.csv', text: nodes }, { name: 'big.edges.csv', text: `${edges}\r\nlast,n1,nowhere,support` }]);
    await expect(page.locator(FAILED_ALERT)).toContainText(`big.edges.csv:${count + 1}`);
    await expect(page.locator('h1')).toContainText('big');
  });

  test('one CSV file alone is refused with what to do', async ({ page }) => {
    await openApp(page);
    await page.getByLabel(OPEN_INPUT).setInputFiles({ name: 'map.nodes.csv', mimeType: 'text/csv', buffer: Buffer.from('ID,Label\na,A\n') });
    await expect(page.locator(FAILED_ALERT)).toContainText('choose or drop both together');
    await expectSeedNodesDrawn(page);
  });
});

test('GraphML: well-formed for the browser’s XML parser, keys declared, every node with its place and every edge', async ({ page }) => {
  await openApp(page);
  const [download] = await saveAsFiles(page, /GraphML/, 1);
  expect(download!.suggestedFilename()).toBe('hundred-model-war.graphml');
  const text = (await downloadedBytes(download!)).toString('utf8');
  const parsed = await page.evaluate((xml) => {
    const document = new DOMParser().parseFromString(xml, 'application/xml');
    const ns = 'http://graphml.graphdrawing.org/xmlns';
    const data = (element: Element, key: string) => [...element.children].find((child) => child.localName === 'data' && child.getAttribute('key') === key)?.textContent;
    return {
      errors: document.getElementsByTagName('parsererror').length,
      keys: [...document.getElementsByTagNameNS(ns, 'key')].map((key) => key.getAttribute('id')),
      used: [...new Set([...document.getElementsByTagNameNS(ns, 'data')].map((element) => element.getAttribute('key')))],
      nodes: [...document.getElementsByTagNameNS(ns, 'node')].map((node) => ({ id: node.getAttribute('id'), kind: data(node, 'kind'), zh: data(node, 'text_zh'), x: Number(data(node, 'x')), y: Number(data(node, 'y')) })),
      edges: [...document.getElementsByTagNameNS(ns, 'edge')].map((edge) => [edge.getAttribute('id'), data(edge, 'edge_kind')]),
    };
  }, text);
  expect(parsed.errors).toBe(0);
  for (const key of parsed.used) expect(parsed.keys).toContain(key);
  expect(parsed.nodes.map((node) => [node.id, node.kind, node.zh])).toEqual(SEED.nodes.map((node) => [node.id, node.kind, node.text.zh]));
  for (const node of parsed.nodes) expect(Number.isFinite(node.x) && Number.isFinite(node.y), `node ${node.id} has no place`).toBe(true);
  expect(new Set(parsed.nodes.map((node) => `${node.x},${node.y}`)).size).toBe(SEED.nodes.length);
  expect(parsed.edges).toEqual(SEED.edges.map((edge) => [edge.id, edge.kind]));
});
