/**
 * Issue 13 §3–§5 in the built app: the presenter window shows the map the audience sees, whatever
 * its origin; a slow open never overtakes a newer one; a big paste is read in the reading worker;
 * a pasted map's markup stays text; tour links that name no step say so.
 */
import { expect, test } from '@playwright/test';
import { generateMap } from '../../bench/big-maps/generate.ts';
import { WORKER_MIN_BYTES } from '../../src/ui/map-reader.ts';
import { camera, CAMERA, HOSTILE_NODES, hostileMap, loadSeed, openApp, openMapFile, pasteText, smallMap, watchPage } from './helpers.ts';

const seed = loadSeed();

/** The small map with a tour of its own, which the seed does not have, with notes only it has. */
function mapWithOwnTour(): object {
  return {
    ...smallMap(),
    tours: [
      {
        id: 'only-in-this-file',
        title: { zh: '只在此文件中的导览', en: 'A tour only this file has' },
        steps: [
          { reveal: ['sq'], caption: { zh: '先提问', en: 'First the question' }, notes: { zh: '这是文件里的讲稿', en: 'Notes from the file' } },
          { reveal: ['sa', 'sb'], caption: { zh: '再回答', en: 'Then the answer' } },
        ],
      },
    ],
  };
}

test.describe('the presenter window', () => {
  test('shows the map opened from a file, not the seed the page would load', async ({ page, context }) => {
    await openApp(page);
    await openMapFile(page, 'own-tour.json', JSON.stringify(mapWithOwnTour()));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小测试地图');
    await page.getByRole('tab', { name: '导览' }).click();
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: '演讲者视图' }).click()]);
    await expect(presenter.getByTestId('current-caption')).toHaveText('先提问');
    await expect(presenter.getByTestId('notes')).toHaveText('这是文件里的讲稿');
    await expect(presenter.getByTestId('next-caption')).toHaveText('再回答');
    await expect(presenter.getByRole('heading', { level: 1 })).toHaveText('只在此文件中的导览');
    await expect(presenter.getByText(/没有导览/)).toHaveCount(0);

    // An edit in the audience's window reaches the presenter's.
    await page.getByRole('button', { name: '编辑' }).click();
    const notes = page.getByLabel('讲稿 (中文)').first();
    await notes.fill('改过的讲稿');
    await notes.blur();
    await expect(presenter.getByTestId('notes')).toHaveText('改过的讲稿');
  });

  test('shows a pasted map too, and the step the audience is on', async ({ page, context }) => {
    await openApp(page);
    expect(await pasteText(page, JSON.stringify(mapWithOwnTour()))).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小测试地图');
    await page.getByRole('tab', { name: '导览' }).click();
    await page.getByRole('button', { name: '▶ 演示' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: '演讲者视图' }).click()]);
    await expect(presenter.getByTestId('current-caption')).toHaveText('再回答');
    await expect(presenter.getByText('第 2 步，共 2 步')).toBeVisible();
  });
});

test.describe('only the newest open lands', () => {
  test('a slow file open that finishes after a later paste does not replace the pasted map', async ({ page }) => {
    const problems = watchPage(page);
    await openApp(page);
    // Big enough that the reading worker takes a while over it.
    const big = JSON.stringify(generateMap(20_000, 7));
    await openMapFile(page, 'slow-big.json', big);
    await expect(page.getByRole('progressbar', { name: /正在读取 slow-big\.json/ })).toBeVisible();
    expect(await pasteText(page, JSON.stringify(smallMap('Pasted after'))), 'the paste was taken').toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小测试地图');
    // Long enough for the big file to have been read: it must not land.
    await page.waitForTimeout(6_000);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小测试地图');
    await expect(page.getByText('3 个节点，2 条关系')).toBeVisible();
    await expect(page.getByRole('progressbar', { name: /正在读取/ })).toHaveCount(0);
    expect(problems.pageErrors).toEqual([]);
  });
});

test.describe('pasting a map', () => {
  test('a big paste is read in the reading worker, not on the page', async ({ page }) => {
    await page.addInitScript(() => {
      const Original = window.Worker;
      const started: string[] = [];
      (window as unknown as { startedWorkers: string[] }).startedWorkers = started;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          started.push(String(url));
        }
      };
    });
    await openApp(page);
    const text = JSON.stringify(generateMap(2_000, 3));
    expect(text.length).toBeGreaterThan(WORKER_MIN_BYTES);
    const before = await page.evaluate(() => (window as unknown as { startedWorkers: string[] }).startedWorkers.filter((url) => url.includes('read-worker')).length);
    expect(await pasteText(page, text)).toBe(true);
    await expect(page.locator('p.hint', { hasText: '2000 个节点' })).toBeVisible({ timeout: 20_000 });
    const after = await page.evaluate(() => (window as unknown as { startedWorkers: string[] }).startedWorkers.filter((url) => url.includes('read-worker')).length);
    expect(after - before).toBe(1);
  });

  test('a pasted map whose texts carry markup shows them as text, and runs nothing', async ({ page }) => {
    const problems = watchPage(page);
    await openApp(page);
    const scriptsBefore = await page.locator('script').count();
    expect(await pasteText(page, JSON.stringify(hostileMap()))).toBe(true);
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(HOSTILE_NODES.length);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert("title")</script> 恶意标题');
    await expect(page.locator('svg.map g[data-node-id="__proto__"] > title')).toHaveText('<script>alert(1)</script>');
    expect(await page.locator('img, iframe, object, embed, svg.map script, svg.map foreignObject').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(scriptsBefore);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(problems.dialogs).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  test('a pasted text that is no map keeps the map open and says why', async ({ page }) => {
    await openApp(page);
    expect(await pasteText(page, '{"schemaVersion": 1, "nodes": [}')).toBe(true);
    await expect(page.getByRole('alert')).toContainText('无法打开该文件');
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(seed.nodes.length);
  });
});

test.describe('tour links that name no step', () => {
  test('a step past the end of the tour opens the last step and says so', async ({ page }) => {
    await page.goto('/#present/zhu-vs-fu/99');
    const presentation = page.getByRole('region', { name: '演示' });
    await expect(presentation).toBeVisible();
    const tours = (seed as { tours?: { id: string; steps: unknown[] }[] }).tours ?? [];
    const count = tours.find((tour) => tour.id === 'zhu-vs-fu')?.steps.length ?? 0;
    expect(count).toBeGreaterThan(1);
    await expect(presentation.getByRole('alert')).toHaveText(`链接要求第 99 步，但此导览只有 ${count} 步；现在显示第 ${count} 步。`);
    await page.getByRole('button', { name: '上一步' }).click();
    await expect(presentation.getByRole('alert')).toHaveCount(0);
  });

  test('a link with step 0 or a step that is no number opens the map with a message', async ({ page }) => {
    await page.goto('/#present/zhu-vs-fu/0');
    await expect(page.locator('svg.map g[data-node-id]').first()).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('此链接无法按原样打开');
    await expect(alert).toContainText('steps are numbered from 1');
    // Each link is opened as a person opens a shared link: a page of its own, not a hash change.
    await page.goto('about:blank');
    await page.goto('/#presenter/zhu-vs-fu/two');
    await expect(page.getByRole('alert')).toContainText('"two" is not a step number');
  });
});

test.describe('extreme extents', () => {
  /** Two nodes two million units apart, at the edges of the format's range. */
  function farApartMap(): object {
    const map = smallMap('Far apart') as unknown as { nodes: { id: string; position?: { x: number; y: number } }[] };
    map.nodes[0]!.position = { x: -1_000_000, y: 0 };
    map.nodes[1]!.position = { x: 1_000_000, y: 0 };
    map.nodes[2]!.position = { x: 1_000_000, y: 300 };
    return map;
  }

  test('fit to screen shows nodes two million units apart, and the shared link restores that zoom', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page);
    await openMapFile(page, 'far.json', JSON.stringify(farApartMap()));
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(3);
    await page.locator('svg.map').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await expect.poll(async () => (await camera(page)).k, { timeout: 5_000 }).toBeLessThan(0.001);
    const frame = await page.locator('svg.map').boundingBox();
    for (const id of ['sq', 'sa']) {
      const box = await page.locator(`svg.map g[data-node-id="${id}"]`).boundingBox();
      expect(box && frame && box.x >= frame.x - 1 && box.x + box.width <= frame.x + frame.width + 1, `${id} on screen`).toBe(true);
    }
    const zoom = (await camera(page)).k;
    // The link holds the zoom as it is, not pulled in to 0.01.
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/cam=[^&]*,0\.000\d+/);
    const hash = await page.evaluate(() => location.hash);
    const linked = Number(/cam=[^,]+,[^,]+,([^&]+)/.exec(hash)?.[1]);
    expect(Math.abs(linked / zoom - 1)).toBeLessThan(1e-3);

    // Opening the link shows that zoom (it was pulled in to 0.05).
    await page.goto(`/${hash}`);
    await expect(page.locator(CAMERA).first()).toBeAttached();
    await expect.poll(async () => (await camera(page)).k).toBeCloseTo(linked, 6);
  });
});
