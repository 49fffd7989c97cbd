import { expect, test } from '@playwright/test';
import { allNodePositions, camera, findBackgroundPoint, labelMatches, loadSeed, nodeById, openApp } from './helpers.ts';

const seed = loadSeed();
const ZHU = nodeById(seed, 'zhu-startups-destroyed');

test.describe('the language switch', () => {
  test('starts in Chinese with 中文 pressed', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('button', { name: '中文', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await expect(page.locator(`svg.map g[data-node-id="${ZHU.id}"] > title`)).toHaveText(ZHU.text.zh ?? '');
    await expect(page.getByRole('button', { name: '导出 SVG' })).toBeVisible();
    await expect(page.getByLabel('打开地图…')).toBeAttached();
  });

  test('EN switches labels, toolbar and document language, and moves no node', async ({ page }) => {
    await openApp(page);
    const positionsBefore = await allNodePositions(page);

    await page.getByRole('button', { name: 'EN', exact: true }).click();

    await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: '中文', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    // A known node: its tooltip and its label lines are now English.
    const group = page.locator(`svg.map g[data-node-id="${ZHU.id}"]`);
    await expect(group.locator(':scope > title')).toHaveText(ZHU.text.en ?? '');
    await expect(group).toHaveAttribute('aria-label', ZHU.text.en ?? '');
    const lines = await group.locator('text:not(.caption) tspan').allTextContents();
    expect(labelMatches(lines, ZHU.text.en ?? ''), `label lines ${JSON.stringify(lines)}`).toBe(true);
    await expect(group.locator('text.caption')).toHaveText('— Zhu Xiaohu');

    // Every node's tooltip is in English.
    const titles = await page.locator('svg.map g[data-node-id]').evaluateAll((groups) =>
      Object.fromEntries(groups.map((g) => [g.getAttribute('data-node-id'), g.querySelector(':scope > title')?.textContent ?? ''])),
    );
    for (const node of seed.nodes) expect(titles[node.id], `title of ${node.id}`).toBe(node.text.en);

    // The toolbar speaks English.
    await expect(page.getByRole('button', { name: 'Export SVG' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Fit to screen' })).toBeVisible();
    await expect(page.getByLabel('Open map…')).toBeAttached();
    await expect(page.getByText('Open map…')).toBeVisible();
    await expect(page.getByRole('button', { name: '导出 SVG' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Legend' })).toBeVisible();
    await expect(page).toHaveTitle(`${seed.title.en} · argmap`);

    // Not a single node moved.
    expect(await allNodePositions(page)).toEqual(positionsBefore);

    // And back.
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await expect(group.locator(':scope > title')).toHaveText(ZHU.text.zh ?? '');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await expect(page.getByRole('button', { name: '导出 SVG' })).toBeVisible();
    expect(await allNodePositions(page)).toEqual(positionsBefore);
  });

  test('switching language keeps the zoom and pan the user chose', async ({ page }) => {
    await openApp(page);
    const opening = (await camera(page)).k;
    const point = await findBackgroundPoint(page);
    await page.mouse.move(point.x, point.y);
    await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await camera(page)).k).toBeGreaterThan(opening * 1.2);
    const chosen = await camera(page);

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.locator(`svg.map g[data-node-id="${ZHU.id}"] > title`)).toHaveText(ZHU.text.en ?? '');
    expect(await camera(page), 'the camera after switching to English').toEqual(chosen);

    await page.getByRole('button', { name: '中文', exact: true }).click();
    await expect(page.locator(`svg.map g[data-node-id="${ZHU.id}"] > title`)).toHaveText(ZHU.text.zh ?? '');
    expect(await camera(page), 'the camera after switching back to Chinese').toEqual(chosen);
  });

  test('English boxes do not overlap either', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.locator(`svg.map g[data-node-id="${ZHU.id}"] > title`)).toHaveText(ZHU.text.en ?? '');
    const boxes = await page.locator('svg.map g[data-node-id] rect.outline').evaluateAll((rects) =>
      rects.map((rect) => {
        const box = rect.getBoundingClientRect();
        return { id: rect.parentElement?.getAttribute('data-node-id') ?? '?', left: box.left, top: box.top, right: box.right, bottom: box.bottom };
      }),
    );
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) overlaps.push(`${a.id} × ${b.id}`);
      }
    }
    expect(overlaps).toEqual([]);
  });
});
