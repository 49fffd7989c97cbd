/**
 * Issue 15 §7: an edit updates the map view in place. Rebuilding the view at each edit (its
 * renderer, every node's element, its camera) cost more than the edit itself; a new file still
 * gets a fresh view.
 */
import { expect, test } from '@playwright/test';
import { loadSeed, openApp } from './helpers.ts';

const seed = loadSeed();

test('an edit keeps the map view and its elements; only a new file makes a new one', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.authoring .saved')).toHaveText('已自动保存在此浏览器');
  const map = await page.locator('svg.map').elementHandle();
  const node = await page.locator(`svg.map g[data-node-id="${seed.nodes[0]!.id}"]`).elementHandle();
  await page.getByRole('button', { name: /添加主张/ }).click();
  await expect(page.locator('.hint')).toContainText(`${seed.nodes.length + 1} 个节点`);
  await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(seed.nodes.length + 1);
  expect(await map!.evaluate((element) => element.isConnected)).toBe(true);
  expect(await node!.evaluate((element) => element.isConnected)).toBe(true);

  await page.getByLabel(/^\s*(Open map…|打开地图…)\s*$/).setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, title: { en: 'Other' }, sources: [], actors: [], nodes: [{ id: 'a', kind: 'claim', text: { en: 'a' } }], edges: [] })),
  });
  await expect(page.locator('.hint')).toContainText('1 个节点');
  expect(await map!.evaluate((element) => element.isConnected)).toBe(false);
});
