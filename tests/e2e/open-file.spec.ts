import { expect, test, type Page } from '@playwright/test';
import { generateMap } from '../../bench/big-maps/generate.ts';
import { WORKER_MIN_BYTES } from '../../src/ui/map-reader.ts';
import {
  analyseSvg, BIDI_OVERRIDE, exportSvg, FAMILY_EMOJI, HOSTILE_NODES, hostileMap, LONG_LABEL, loadSeed, openApp, openMapFile,
  openSvgAsDocument, revealNode, smallMap, watchPage, type SeedMap,
} from './helpers.ts';

const seed = loadSeed();

async function expectSeedStillDrawn(page: Page): Promise<void> {
  await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(seed.nodes.length);
  // One line stands for two attacks both ways.
  await expect(page.locator('svg.map [data-edge-id]')).toHaveCount(seed.edges.length - (await page.locator('svg.map [data-partner-edge-id]').count()));
  await expect(page.locator('svg.map [data-partner-edge-id]')).not.toHaveCount(0);
  await expect(page.locator('svg.map g[data-node-id="zhu-startups-destroyed"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(seed.title.zh ?? '');
}

function withNodes(map: SeedMap, change: (map: SeedMap) => void): string {
  const copy = structuredClone(map);
  change(copy);
  return JSON.stringify(copy, null, 2);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

interface BadFile {
  readonly title: string;
  readonly name: string;
  readonly content: string | Buffer;
  /** Each must match the problem report: the file name, then where and what. */
  readonly located: readonly RegExp[];
}

/** A 2,000-node map: big enough to be read in the reading worker, not on the page. */
function bigMapText(change: (map: { edges: { id: string; from: string; to: string; kind: string }[] }) => void = () => undefined): string {
  const map = structuredClone(generateMap(2_000, 1)) as unknown as { edges: { id: string; from: string; to: string; kind: string }[] };
  change(map);
  const text = JSON.stringify(map, null, 1);
  if (text.length <= WORKER_MIN_BYTES) throw new Error('the big test map must be read in the worker');
  return text;
}

const BAD_FILES: readonly BadFile[] = [
  { title: 'a truncated file', name: 'truncated.json', content: '{"nodes":[', located: [/truncated\.json:1:\d+/] },
  {
    title: 'a duplicate node id',
    name: 'duplicate.json',
    content: withNodes(smallMap(), (map) => map.nodes.push({ id: 'dup-node', kind: 'claim', text: { en: 'one' } }, { id: 'dup-node', kind: 'claim', text: { en: 'two' } })),
    located: [/duplicate\.json/, /dup-node/, /\/nodes\/4|duplicate\.json:\d+:\d+/],
  },
  {
    title: 'a dangling edge endpoint',
    name: 'dangling.json',
    content: withNodes(smallMap(), (map) => map.edges.push({ id: 'e-dangling', from: 'sa', to: 'ghost-node', kind: 'support' })),
    located: [/dangling\.json/, /ghost-node/, /\/edges\/2|dangling\.json:\d+:\d+/],
  },
  // A file of no format argmap reads is named for what it looks like; there is no place in it to point to.
  { title: 'an empty file', name: 'empty.json', content: '', located: [/empty\.json: error: this looks like an empty file; argmap opens/] },
  { title: 'a PNG image', name: 'picture.json', content: PNG_SIGNATURE, located: [/picture\.json/, /png/i] },
  { title: 'text that is not JSON', name: 'notes.json', content: 'These are my notes, not a map.\n', located: [/notes\.json: error: this looks like plain text; argmap opens/] },
  { title: 'JSON cut short', name: 'cut.json', content: '{\n  "schemaVersion": 1,\n  "nodes": [', located: [/cut\.json:3:\d+/] },
  // Read in the reading worker: its problems come back located just the same.
  {
    title: 'a big map with a dangling edge endpoint at its end',
    name: 'big-dangling.json',
    content: bigMapText((map) => map.edges.push({ id: 'e-far-dangling', from: 'n1', to: 'ghost-node', kind: 'support' })),
    located: [/big-dangling\.json/, /ghost-node/, /\/edges\/\d{4}|big-dangling\.json:\d{4,}:\d+/],
  },
  { title: 'a big map cut short', name: 'big-cut.json', content: bigMapText().slice(0, -5_000), located: [/big-cut\.json:\d{4,}:\d+/] },
];

test.describe('opening a bad file', () => {
  for (const bad of BAD_FILES) {
    test(`${bad.title} is refused with a located message and the seed map stays`, async ({ page }) => {
      const problems = watchPage(page);
      await openApp(page);
      await openMapFile(page, bad.name, bad.content);
      const alert = page.getByRole('alert');
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('无法打开该文件');
      const report = (await alert.locator('li').allTextContents()).join('\n');
      for (const pattern of bad.located) expect(report, `problem report for ${bad.name}`).toMatch(pattern);
      await expectSeedStillDrawn(page);
      // The report can be dismissed, and the map is still the seed.
      await alert.getByRole('button', { name: '知道了' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expectSeedStillDrawn(page);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.dialogs).toEqual([]);
    });
  }

  test('a bad file after a good one keeps the good one', async ({ page }) => {
    await openApp(page);
    await openMapFile(page, 'small.json', JSON.stringify(smallMap()));
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(3);
    await openMapFile(page, 'broken.json', '{"schemaVersion": 1, "nodes": [}');
    await expect(page.getByRole('alert')).toContainText(/broken\.json:1:\d+/);
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(3);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小测试地图');
  });
});

test.describe('opening a good file', () => {
  test('a small valid map replaces the seed map', async ({ page }) => {
    const problems = watchPage(page);
    await openApp(page);
    await openMapFile(page, 'small.json', JSON.stringify(smallMap()));
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(3);
    await expect(page.locator('svg.map [data-edge-id]')).toHaveCount(2);
    await expect(page.locator('svg.map g[data-node-id="zhu-startups-destroyed"]')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小测试地图');
    await expect(page.getByText('3 个节点，2 条关系')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('svg.map g[data-node-id="sa"] > title')).toHaveText('要，测试能发现错误');
    // Exports are named after the file.
    const { fileName } = await exportSvg(page);
    expect(fileName).toBe('small.zh.svg');
    // The same file can be opened twice in a row (the input is reset after each choice).
    await openMapFile(page, 'small.json', JSON.stringify(smallMap('Small test map, again')));
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Small test map, again');
    expect(problems.pageErrors).toEqual([]);
  });

  test('dropping a file onto the window opens it', async ({ page }) => {
    await openApp(page);
    const text = JSON.stringify(smallMap());
    // A real drag from the desktop: enter, hover, drop, all carrying the same DataTransfer.
    await page.evaluate((json) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
      (window as unknown as { __dropTest: { transfer: DataTransfer; target: Element } }).__dropTest = { transfer, target };
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, text);
    await expect(page.getByText('松开以打开地图')).toBeVisible();
    const dropAccepted = await page.evaluate(() => {
      const { transfer, target } = (window as unknown as { __dropTest: { transfer: DataTransfer; target: Element } }).__dropTest;
      // dispatchEvent returns false when a handler called preventDefault(): the browser will not navigate away.
      return !target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    expect(dropAccepted).toBe(true);
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(3);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小测试地图');
    await expect(page.getByText('松开以打开地图')).toHaveCount(0);
    const { fileName } = await exportSvg(page);
    expect(fileName).toBe('dropped.zh.svg');
  });

  test('a drag that leaves the window without dropping hides the drop hint again', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{}'], 'x.json', { type: 'application/json' }));
      const target = document.querySelector('svg.map') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    await expect(page.getByText('松开以打开地图')).toBeVisible();
    await page.evaluate(() => {
      const target = document.querySelector('svg.map') ?? document.body;
      target.dispatchEvent(new DragEvent('dragleave', { bubbles: true, cancelable: true }));
    });
    await expect(page.getByText('松开以打开地图')).toHaveCount(0);
    await expectSeedStillDrawn(page);
  });
});

test.describe('a hostile but valid map', () => {
  test('opens with every text shown literally, creates no element and fires no dialog', async ({ page }) => {
    const problems = watchPage(page);
    await openApp(page);
    const scriptsBefore = await page.locator('script').count();
    await openMapFile(page, 'hostile.json', JSON.stringify(hostileMap()));

    const groups = page.locator('svg.map g[data-node-id]');
    await expect(groups).toHaveCount(HOSTILE_NODES.length);
    await expect(page.locator('svg.map [data-edge-id]')).toHaveCount(hostileMap().edges.length);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert("title")</script> 恶意标题');

    // Map text never becomes markup.
    expect(await page.locator('svg.map script, svg.map img, svg.map image, svg.map foreignObject, svg.map iframe').count()).toBe(0);
    expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(scriptsBefore);

    const drawn = await groups.evaluateAll((elements) =>
      elements.map((group) => ({
        id: group.getAttribute('data-node-id') ?? '',
        title: group.querySelector(':scope > title')?.textContent ?? '',
        label: group.getAttribute('aria-label'),
        lines: [...group.querySelectorAll('text:not(.caption) tspan')].map((tspan) => tspan.textContent ?? ''),
        elementsInText: group.querySelectorAll('text *:not(tspan)').length,
      })),
    );
    expect(drawn.map((node) => node.id).sort()).toEqual(HOSTILE_NODES.map((node) => node.id).sort());
    for (const node of HOSTILE_NODES) {
      const shown = drawn.find((candidate) => candidate.id === node.id);
      expect(shown?.title, `title of ${node.id}`).toBe(node.zh);
      expect(shown?.label, `aria-label of ${node.id}`).toBe(node.zh);
      expect(shown?.elementsInText, `elements inside the label of ${node.id}`).toBe(0);
    }
    // Short labels appear whole in the lines, literally.
    const lineText = (id: string) => (drawn.find((candidate) => candidate.id === id)?.lines ?? []).join('');
    expect(lineText('__proto__')).toBe('<script>alert(1)</script>');
    expect(lineText('constructor').replace(/\s/g, '')).toBe('<imgsrc=xonerror=alert(1)>');
    expect(lineText('entities')).toContain('&amp;');
    expect(lineText('entities')).toContain('&#x3C;');
    expect(lineText('bidi')).toContain(BIDI_OVERRIDE);
    expect(lineText('emoji')).toContain(FAMILY_EMOJI);
    // The 5,000-character label is cut to six lines ending in …, its full text kept in the tooltip.
    const long = drawn.find((candidate) => candidate.id === 'long');
    expect(long?.lines.length).toBeLessThanOrEqual(6);
    expect(long?.lines.at(-1)?.endsWith('…')).toBe(true);
    expect(long?.title.length).toBe(LONG_LABEL.length);

    // The inspector shows hostile text literally too.
    const point = await revealNode(page, '__proto__');
    await page.mouse.click(point.x, point.y);
    const inspector = page.locator('aside');
    await expect(inspector).toBeVisible();
    await expect(inspector.locator('bdi', { hasText: '<script>alert(1)</script>' })).toBeVisible();
    await expect(inspector.locator('bdi', { hasText: '<script>alert("en")</script>' })).toBeVisible();
    await expect(inspector.getByRole('button', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
    expect(await inspector.locator('script, img').count()).toBe(0);

    // In English as well.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.locator('svg.map g[data-node-id="cdata"] > title')).toHaveText(']]></metadata><script>alert(4)</script>');

    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'])).toBeUndefined();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(problems.dialogs, 'dialogs fired').toEqual([]);
    expect(problems.pageErrors, 'uncaught exceptions').toEqual([]);
  });

  for (const language of ['zh', 'en'] as const) {
    test(`exports as well-formed, script-free SVG whose text round-trips exactly (${language})`, async ({ page }) => {
      const problems = watchPage(page);
      await openApp(page);
      await openMapFile(page, 'hostile.json', JSON.stringify(hostileMap()));
      await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(HOSTILE_NODES.length);
      if (language === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();

      const { text } = await exportSvg(page);
      const svg = await analyseSvg(page, text);
      expect(svg.parserErrors, 'the export is not well-formed XML').toBe(0);
      expect(svg.rootName).toBe('svg');
      expect(svg.activeElements).toEqual([]);
      expect(svg.eventAttributes).toEqual([]);
      expect(svg.externalReferences).toEqual([]);
      expect(svg.nodes.map((node) => node.id).sort()).toEqual(HOSTILE_NODES.map((node) => node.id).sort());
      for (const node of HOSTILE_NODES) {
        expect(svg.nodes.find((candidate) => candidate.id === node.id)?.title, `title of ${node.id}`).toBe(node[language]);
      }
      const data = JSON.parse(svg.metadata ?? 'null') as SeedMap;
      expect(data.nodes).toEqual(hostileMap().nodes);
      expect(data.edges).toEqual(hostileMap().edges);
      expect(data.title).toEqual(hostileMap().title);

      const opened = await openSvgAsDocument(page, text);
      expect(opened.rootName).toBe('svg');
      expect(opened.scripts).toBe(0);
      expect(opened.problems.dialogs).toEqual([]);
      expect(opened.problems.pageErrors).toEqual([]);
      expect(opened.inked).toBeGreaterThan(0.01);
      expect(problems.dialogs).toEqual([]);
    });
  }

  test('a "__proto__" key in the file pollutes nothing', async ({ page }) => {
    const problems = watchPage(page);
    await openApp(page);
    const text = JSON.stringify(smallMap()).replace('"schemaVersion":1', '"__proto__":{"polluted":"yes"},"schemaVersion":1')
      .replace('"id":"sa",', '"id":"sa","__proto__":{"polluted":"node"},');
    expect(text).toContain('"__proto__":{"polluted":"yes"}');
    await openMapFile(page, 'proto.json', text);
    // Whether the file is refused or opened, nothing reaches Object.prototype and the app goes on.
    await expect(page.getByRole('alert').or(page.locator('svg.map g[data-node-id="sa"]')).first()).toBeVisible();
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'])).toBeUndefined();
    expect(await page.evaluate(() => ({} as Record<string, unknown>)['polluted'])).toBeUndefined();
    expect(problems.pageErrors).toEqual([]);
  });
});
