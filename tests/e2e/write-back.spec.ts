/**
 * Save layout writes the positions back into the file the map was opened from, where the browser
 * can (the File System Access API). The picker is a stand-in installed before the app loads: it
 * hands over a small map and records what is written, so the test sees exactly what reached the file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadMapText } from '../../src/core/load-map.ts';

const SMALL_MAP = {
  schemaVersion: 1,
  title: { en: 'Rehearsal' },
  sources: [],
  actors: [],
  nodes: [
    { id: 'q', kind: 'question', text: { en: 'Should we?' } },
    { id: 'a', kind: 'claim', text: { en: 'Yes' } },
    { id: 'b', kind: 'claim', text: { en: 'No' } },
  ],
  edges: [
    { id: 'e1', from: 'a', to: 'q', kind: 'answer' },
    { id: 'e2', from: 'b', to: 'a', kind: 'attack' },
  ],
};

declare global {
  interface Window {
    writtenBack?: string[];
  }
}

test('save layout writes the positions into the file the map was opened from', async ({ page }) => {
  await page.addInitScript((content: string) => {
    window.writtenBack = [];
    const file = new File([content], 'rehearsal.json', { type: 'application/json' });
    const handle = {
      name: 'rehearsal.json',
      getFile: async () => file,
      createWritable: async () => {
        let text = '';
        return {
          write: async (data: string) => {
            text += data;
          },
          close: async () => {
            window.writtenBack!.push(text);
          },
        };
      },
    };
    Object.defineProperty(window, 'showOpenFilePicker', { value: async () => [handle] });
  }, JSON.stringify(SMALL_MAP));
  await page.goto('/');
  await expect(page.locator('.map [data-node-id]').first()).toBeVisible();
  await page.getByText('打开地图…').click();
  await expect(page.locator('.map [data-node-id]')).toHaveCount(3);

  await page.getByRole('tab', { name: '导览' }).click();
  await page.getByRole('button', { name: '保存布局' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已写回 rehearsal.json' })).toBeVisible();

  const written = await page.evaluate(() => window.writtenBack ?? []);
  expect(written).toHaveLength(1);
  const reread = loadMapText(written[0]!);
  expect(reread.ok).toBe(true);
  if (!reread.ok) return;
  const onScreen = await page.locator('.map [data-node-id]').evaluateAll((nodes) =>
    nodes.map((node) => {
      const match = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(node.getAttribute('transform') ?? '');
      return { id: node.getAttribute('data-node-id'), x: Number(match?.[1]), y: Number(match?.[2]) };
    }),
  );
  for (const { id, x, y } of onScreen) {
    const saved = reread.map.nodes.find((node) => node.id === id)?.position;
    expect(saved, `position of ${id}`).toBeDefined();
    expect(Math.abs(saved!.x - x)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(saved!.y - y)).toBeLessThanOrEqual(0.1);
  }
  // The seed map, opened without a handle, still downloads (covered in tours.spec.ts); the file on disk is untouched here.
  expect(readFileSync(resolve(import.meta.dirname, '../../graph-data/hundred-model-war.json'), 'utf8')).not.toContain('"position"');
});
