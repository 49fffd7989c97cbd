/**
 * Issue 15 §7: autosave merges the stored updates of a map off the page's thread. y-indexeddb
 * merges them once 500 are stored, on the page (over a second on 20,000 nodes); argmap's autosave
 * merges them in a worker. The store reads back into exactly the map it held before the merge.
 */
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { documentToMap } from '../../src/core/document/index.ts';
import { loadSeed, openApp } from './helpers.ts';

const seed = loadSeed();

function summary(page: Page, nodes: number) {
  return expect(page.locator('.hint')).toContainText(`${nodes} 个节点`);
}

/** The stored updates of the open map's autosave database, as byte lists. */
function storedUpdates(page: Page): Promise<number[][]> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((database) => database.name ?? '').find((found) => found.startsWith('argmap-map:'));
    if (name === undefined) throw new Error('no autosave database');
    return new Promise<number[][]>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const reading = opening.result.transaction('updates', 'readonly').objectStore('updates').getAll();
        reading.onerror = () => reject(reading.error);
        reading.onsuccess = () => {
          opening.result.close();
          resolve((reading.result as Uint8Array[]).map((update) => [...update]));
        };
      };
    });
  });
}

/** How many updates the open map's autosave database holds. */
function storedCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((database) => database.name ?? '').find((found) => found.startsWith('argmap-map:'));
    if (name === undefined) throw new Error('no autosave database');
    return new Promise<number>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const counting = opening.result.transaction('updates', 'readonly').objectStore('updates').count();
        counting.onerror = () => reject(counting.error);
        counting.onsuccess = () => {
          opening.result.close();
          resolve(counting.result);
        };
      };
    });
  });
}

/** Stores the smallest stored update `times` times more: applying an update again changes nothing. */
function storeAgain(page: Page, times: number): Promise<void> {
  return page.evaluate(async (copies) => {
    const name = (await indexedDB.databases()).map((database) => database.name ?? '').find((found) => found.startsWith('argmap-map:'))!;
    await new Promise<void>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const transaction = opening.result.transaction('updates', 'readwrite');
        const store = transaction.objectStore('updates');
        const reading = store.getAll();
        reading.onsuccess = () => {
          const smallest = (reading.result as Uint8Array[]).reduce((least, update) => (update.length < least.length ? update : least));
          for (let copy = 0; copy < copies; copy += 1) store.add(smallest);
        };
        transaction.oncomplete = () => {
          opening.result.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
    });
  }, times);
}

function mapOf(updates: readonly (readonly number[])[]) {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return documentToMap(doc);
}

test('autosave merges 500 stored updates in a worker, and the merged store brings the map back exactly', async ({ page }) => {
  test.setTimeout(60_000);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openApp(page);
  await expect(page.locator('.authoring .saved')).toHaveText('已自动保存在此浏览器');
  await page.getByRole('button', { name: /添加主张/ }).click();
  await summary(page, seed.nodes.length + 1);
  await expect.poll(() => storedCount(page)).toBeGreaterThanOrEqual(2);
  const before = await storedUpdates(page);
  await storeAgain(page, 520);
  expect(await storedCount(page)).toBeGreaterThan(520);

  // The reopened map finds over 500 stored updates, and merges them a second later.
  await page.reload();
  await summary(page, seed.nodes.length + 1);
  await expect.poll(() => storedCount(page), { timeout: 20_000 }).toBeLessThanOrEqual(2);
  expect(workers.some((url) => url.includes('compaction-worker'))).toBe(true);
  const after = await storedUpdates(page);
  expect(mapOf(after)).toEqual(mapOf(before));

  await page.reload();
  await summary(page, seed.nodes.length + 1);
  await expect(page.getByRole('status').filter({ hasText: '已恢复此浏览器中自动保存的修改' })).toBeAttached();
});
