/**
 * A generated 5,000-node map: it opens on the canvas renderer, shows its layout progress while
 * it settles, and a click, a drag and a search then work on it as on a small map.
 */
import { expect, test } from '@playwright/test';
import { generateMap } from '../../bench/big-maps/generate.ts';
import {
  CANVAS_MAP, expectInspectorShows, exportedNodes, nodeNearCentre, pixelsAround, restingCamera, screenPointOf,
} from './helpers-canvas.ts';
import { dragMouse, openApp, openMapFile } from './helpers.ts';

const NODE_COUNT = 5_000;
const MATCH_RING: readonly [number, number, number] = [0xe6, 0x9f, 0x00];
/** Settling 5,000 nodes takes about 11 s on two busy cores; the timeout leaves room for a slower machine. */
const SETTLE_TIMEOUT = 60_000;

test.describe('a 5,000-node map', () => {
  test.setTimeout(240_000);

  test('opens on the canvas and settles; a click selects, a drag moves, a search rings', async ({ page }) => {
    const map = generateMap(NODE_COUNT, 1);
    const textOf = new Map(map.nodes.map((node) => [node.id, node.text.zh]));
    await openApp(page);
    await openMapFile(page, 'generated-5000.json', JSON.stringify(map));

    const canvas = page.locator(CANVAS_MAP);
    await expect(canvas).toHaveAttribute('data-renderer', 'canvas', { timeout: SETTLE_TIMEOUT });
    // While it settles, the layout's progress shows over the map.
    const progress = page.getByRole('progressbar', { name: '排布进度' });
    await expect(progress).toContainText(/正在排布地图… \d+%/);
    await expect(progress).toHaveAttribute('aria-valuenow', /^\d{1,2}$/);
    await expect(page.locator('svg.map')).toHaveCount(0);
    await expect(canvas).toHaveAttribute('data-layout', 'settled', { timeout: SETTLE_TIMEOUT });
    await expect(progress).toHaveCount(0);

    const nodes = await exportedNodes(page);
    expect(nodes.size).toBe(NODE_COUNT);

    await test.step('a click selects the node under the pointer', async () => {
      const node = await nodeNearCentre(page, nodes);
      const point = await screenPointOf(page, node);
      await page.mouse.click(point.x, point.y);
      await expectInspectorShows(page, textOf.get(node.id) ?? '');
      await canvas.press('Escape');
      await expect(page.getByRole('complementary')).toHaveCount(0);
    });

    await test.step('a drag moves the node under the pointer, and only it', async () => {
      const node = await nodeNearCentre(page, nodes);
      const camera = await restingCamera(page);
      const from = await screenPointOf(page, node);
      const by = { x: -80, y: 70 };
      await dragMouse(page, from, { x: from.x + by.x, y: from.y + by.y });
      expect(await restingCamera(page)).toEqual(camera);
      const moved = (await exportedNodes(page)).get(node.id)!;
      expect(moved.x).toBeCloseTo(node.x + by.x / camera.k, 0);
      expect(moved.y).toBeCloseTo(node.y + by.y / camera.k, 0);
    });

    await test.step('a search for a label rings its node', async () => {
      const settledNodes = await exportedNodes(page);
      const node = await nodeNearCentre(page, settledNodes);
      expect((await pixelsAround(page, node, MATCH_RING)).matching).toBeLessThan(20);
      await canvas.focus();
      await page.keyboard.press('/');
      await expect(page.locator('#map-search')).toBeFocused();
      await page.keyboard.insertText(textOf.get(node.id) ?? '');
      await expect.poll(async () => (await pixelsAround(page, node, MATCH_RING)).matching, { timeout: 10_000 }).toBeGreaterThan(200);
    });
  });
});
