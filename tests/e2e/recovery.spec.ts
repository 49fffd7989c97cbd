/**
 * Nothing is lost: a map made here comes back after a reload and in a new tab of the same
 * browser, with its source and its camera; Recent maps opens and deletes what autosave keeps;
 * Save writes back to the opened file (• until then, a warning on leaving); and a page whose
 * storage is refused or full still edits, undoes and saves, damaging nothing stored.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadMapText } from '../../src/core/load-map.ts';
import { camera, downloadedText, loadSeed, openApp, openMapFile, smallMap, waitForCameraToRest, editingReady } from './helpers.ts';

const seed = loadSeed();
const ARTICLE = '算力之争\n\n甲认为大模型需要更多算力。\n\n乙认为数据比算力更重要。';

declare global {
  interface Window {
    writtenBack?: string[];
    aborted?: number;
    quotaFull?: boolean;
  }
}

function summary(page: Page, nodes: number) {
  return expect(page.locator('.overlay .hint')).toContainText(new RegExp(`(?<!\\d)${nodes} 个节点`));
}


async function openMenuItem(page: Page, item: RegExp): Promise<void> {
  await page.locator('summary', { hasText: '新建与最近' }).click();
  await page.getByRole('button', { name: item }).click();
}

/** Appends statements in the Argdown tab, and leaves it so the map is what the editor holds. */
async function addInArgdown(page: Page, statements: string): Promise<void> {
  await page.getByRole('tab', { name: 'Argdown' }).click();
  const editor = page.getByRole('textbox', { name: 'Argdown 编辑器' });
  await editor.fill(`${await editor.inputValue()}\n${statements}\n`);
}

async function newArticleMap(page: Page): Promise<void> {
  await openMenuItem(page, /^从文章新建地图…$/);
  const dialog = page.getByRole('dialog', { name: '从文章新建地图…' });
  await dialog.getByLabel('粘贴文章文本').fill(ARTICLE);
  await dialog.getByRole('button', { name: '新建地图' }).click();
  await expect(page.locator('h1')).toContainText('算力之争');
}

/** Waits until autosave lists a map titled `title` for Recent maps (it notes a map within a second or so). */
async function expectListed(page: Page, title: string): Promise<void> {
  const listedTitles = () =>
    page.evaluate(
      async () => {
        // Opening a database that is not there would make it, empty, under the app's feet.
        if (!(await indexedDB.databases()).some((database) => database.name === 'argmap-recent')) return [];
        return new Promise<string[]>((resolve) => {
          const opening = indexedDB.open('argmap-recent');
          opening.onerror = () => resolve([]);
          opening.onsuccess = () => {
            const db = opening.result;
            if (!db.objectStoreNames.contains('maps')) {
              db.close();
              resolve([]);
              return;
            }
            const reading = db.transaction('maps').objectStore('maps').getAll();
            reading.onsuccess = () => {
              db.close();
              resolve(reading.result.map((entry: { title: { zh?: string } }) => entry.title.zh ?? ''));
            };
          };
        });
      },
    );
  await expect.poll(listedTitles, { timeout: 15_000 }).toContain(title);
}

interface ViewCamera {
  x: number;
  y: number;
  zoom: number;
}

/** The camera the page shows: the map point at the centre of the view and the zoom, read off the drawing. */
async function viewCamera(page: Page): Promise<ViewCamera> {
  const { x, y, k } = await camera(page);
  const box = (await page.locator('svg.map').boundingBox())!;
  return { x: (box.width / 2 - x) / k, y: (box.height / 2 - y) / k, zoom: k };
}

async function expectCamera(page: Page, expected: ViewCamera): Promise<void> {
  await waitForCameraToRest(page);
  const shown = await viewCamera(page);
  // The address keeps two decimals of a camera, the page keeps more.
  expect(Math.abs(shown.x - expected.x)).toBeLessThan(0.5);
  expect(Math.abs(shown.y - expected.y)).toBeLessThan(0.5);
  expect(Math.abs(shown.zoom - expected.zoom) / expected.zoom).toBeLessThan(0.001);
}

async function expectRestored(page: Page, left: ViewCamera): Promise<void> {
  // Its changes were never written to a file: the • stays across the reload.
  await expect(page.locator('h1')).toHaveText(/算力之争\s?•$/);
  await expect(page).toHaveTitle('• 算力之争 · argmap');
  await summary(page, 2);
  await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(2);
  await expectCamera(page, left);
  await page.getByRole('tab', { name: '原文' }).click();
  await expect(page.locator('.source-panel')).toContainText('乙认为数据比算力更重要。');
}

test('a map made here comes back after a reload and in a new tab, with its source and its camera', async ({ page, context }) => {
  await openApp(page);
  await newArticleMap(page);
  await editingReady(page, 20_000);
  await addInArgdown(page, '[算力]: 需要更多算力\n  - [数据]: 数据更重要');
  await summary(page, 2);
  await expectListed(page, '算力之争');

  // Zoom and pan away from the opening view.
  const opening = await waitForCameraToRest(page);
  const box = (await page.locator('svg.map').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await camera(page)).k).toBeGreaterThan(opening.k * 1.3);
  await waitForCameraToRest(page);
  const left = await viewCamera(page);
  // The camera is written a few times a second.
  await page.waitForTimeout(600);

  await page.reload();
  await expectRestored(page, left);

  const other = await context.newPage();
  await other.goto('/');
  await expectRestored(other, left);
  await other.close();
});

test('the seed map comes back after a reload with its article in the Source tab', async ({ page }) => {
  await openApp(page);
  await editingReady(page, 20_000);
  await expectListed(page, seed.title.zh!);
  // Its source texts are stored beside its autosave as its room opens.
  await page.waitForTimeout(500);
  await page.reload();
  await summary(page, seed.nodes.length);
  await expect(page.getByRole('status').filter({ hasText: '已恢复此浏览器中自动保存的修改' })).toBeAttached();
  await page.getByRole('tab', { name: '原文' }).click();
  await expect(page.locator('.source-panel')).toContainText('朱啸虎');
  await expect(page.locator('.source-panel [data-quote-of]').first()).toBeVisible();
});

test('a file opened while the map open last is being brought back is not replaced by it', async ({ page, context }) => {
  await openApp(page);
  await newArticleMap(page);
  await editingReady(page, 20_000);
  await expectListed(page, '算力之争');
  await page.close();

  const other = await context.newPage();
  // The code that brings the last map back arrives late, as on a slow connection.
  await other.route(/map-keeping[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await other.goto('/');
  await expect(other.locator('svg.map g[data-node-id]').first()).toBeVisible();
  await openMapFile(other, 'small.json', JSON.stringify(smallMap()));
  await expect(other.locator('h1')).toContainText('小测试地图');
  // Long after the last map could have come back, the file the person chose is still open.
  await other.waitForTimeout(4000);
  await expect(other.locator('h1')).toContainText('小测试地图');
  await summary(other, 3);
});

test('Recent maps lists the maps by title, date and size, opens one, and deletes another with its data after a confirm', async ({ page }) => {
  await openApp(page);
  await editingReady(page, 20_000);
  await expectListed(page, seed.title.zh!);
  await newArticleMap(page);
  await addInArgdown(page, '[算力]: 需要更多算力');
  await summary(page, 1);
  await expectListed(page, '算力之争');

  await openMenuItem(page, /^最近的地图…$/);
  const dialog = page.getByRole('dialog', { name: '最近的地图' });
  const open = dialog.locator('.entry', { hasText: '算力之争' });
  const seedEntry = dialog.locator('.entry', { hasText: seed.title.zh! });
  await expect(open).toContainText('（当前打开）');
  await expect(open).toContainText('1 个节点，0 条关系');
  await expect(seedEntry).toContainText(`${seed.nodes.length} 个节点`);
  await expect(seedEntry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  // The map on screen cannot be deleted from under the page; the most recently changed comes first.
  await expect(open.getByRole('button', { name: /^删除/ })).toHaveCount(0);
  await expect(dialog.locator('.entry').first()).toContainText('算力之争');
  const key = await open.getAttribute('data-room-key');

  await seedEntry.getByRole('button', { name: /^打开/ }).click();
  await expect(dialog).toHaveCount(0);
  await summary(page, seed.nodes.length);
  await expect(page.locator('h1')).toContainText(seed.title.zh!);
  // Unchanged since it was opened, it comes back from its room without a •.
  await expect(page.getByRole('status').filter({ hasText: '已恢复此浏览器中自动保存的修改' })).toBeAttached();
  await expect(page).toHaveTitle(`${seed.title.zh!} · argmap`);

  await openMenuItem(page, /^最近的地图…$/);
  const made = dialog.locator('.entry', { hasText: '算力之争' });
  // Cancelling the confirm keeps it; accepting deletes it and its stored changes.
  page.once('dialog', (confirm) => void confirm.dismiss());
  await made.getByRole('button', { name: /^删除/ }).click();
  await expect(made).toBeVisible();
  const asked: string[] = [];
  page.once('dialog', (confirm) => {
    asked.push(confirm.message());
    void confirm.accept();
  });
  await made.getByRole('button', { name: /^删除/ }).click();
  await expect(made).toHaveCount(0);
  expect(asked).toEqual(['删除“算力之争”及其在此浏览器中的自动保存？']);
  await expect(dialog.locator('.entry', { hasText: seed.title.zh! })).toBeVisible();
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).not.toContain(`argmap-map:${key}`);
});

/** A file picker standing in for the browser's: it hands over `content` and records what is written (or fails to write). */
async function fakeFile(page: Page, content: string, failWrites = false): Promise<void> {
  await page.addInitScript(
    ({ text, fail }) => {
      window.writtenBack = [];
      window.aborted = 0;
      let current = text;
      const handle = {
        name: 'rehearsal.json',
        getFile: async () => new File([current], 'rehearsal.json', { type: 'application/json' }),
        createWritable: async () => {
          let written = '';
          return {
            write: async (data: string) => {
              if (fail) throw new DOMException('The disk is full.', 'QuotaExceededError');
              written += data;
            },
            close: async () => {
              current = written;
              window.writtenBack!.push(written);
            },
            abort: async () => {
              window.aborted! += 1;
            },
          };
        },
      };
      Object.defineProperty(window, 'showOpenFilePicker', { value: async () => [handle] });
    },
    { text: content, fail: failWrites },
  );
}

const REHEARSAL = JSON.stringify({
  schemaVersion: 1,
  title: { zh: '排练' },
  sources: [],
  actors: [],
  nodes: [
    { id: 'q', kind: 'question', text: { zh: '要不要做？' } },
    { id: 'a', kind: 'claim', text: { zh: '要' } },
  ],
  edges: [{ id: 'e1', from: 'a', to: 'q', kind: 'answer' }],
});

test('Save writes back to the opened file (Ctrl+S too), • shows until then, and leaving with unsaved changes warns', async ({ page }) => {
  await fakeFile(page, REHEARSAL);
  await openApp(page);
  await page.getByText('打开地图…').click();
  await summary(page, 2);
  await expect(page.locator('h1')).toHaveText(/排练$/);
  await expect(page).toHaveTitle('排练 · argmap');

  await addInArgdown(page, '[b]: 不要');
  await summary(page, 3);
  await expect(page.locator('h1')).toHaveText(/排练\s?•$/);
  await expect(page).toHaveTitle('• 排练 · argmap');

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: '已写回 rehearsal.json' })).toBeVisible();
  await expect(page.locator('h1')).toHaveText(/排练$/);
  await expect(page).toHaveTitle('排练 · argmap');
  const written = await page.evaluate(() => window.writtenBack ?? []);
  expect(written).toHaveLength(1);
  const reread = loadMapText(written[0]!);
  expect(reread.ok).toBe(true);
  if (reread.ok) expect(reread.map.nodes.map((node) => node.text.zh)).toContain('不要');

  // Another change, and the page is left: it asks first, although autosave holds the change.
  await addInArgdown(page, '[c]: 再想想');
  await expect(page).toHaveTitle('• 排练 · argmap');
  const warned = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await warned;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});

test('a write that fails leaves the file as it was, says so, and keeps the • mark', async ({ page }) => {
  await fakeFile(page, REHEARSAL, true);
  await openApp(page);
  await page.getByText('打开地图…').click();
  await summary(page, 2);
  await addInArgdown(page, '[b]: 不要');
  await page.getByRole('button', { name: /^保存/ }).click();
  await expect(page.getByRole('alert')).toContainText('the file could not be written; it was left as it was');
  expect(await page.evaluate(() => ({ written: window.writtenBack, aborted: window.aborted }))).toEqual({ written: [], aborted: 1 });
  await expect(page).toHaveTitle('• 排练 · argmap');
});

/** Save downloads where the browser cannot write files. */
async function withoutFileSaving(page: Page): Promise<void> {
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
}

async function saveDownload(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^保存/ }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.json$/);
  return downloadedText(saved);
}

test('storage denied: a page whose IndexedDB throws says autosave is off, and still edits, undoes and saves', async ({ page }) => {
  await withoutFileSaving(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await expect(page.locator('.autosave-notice')).toContainText('自动保存已关闭');
  await addInArgdown(page, '[新]: 存储被拒绝时的主张');
  await summary(page, seed.nodes.length + 1);
  await page.locator('svg.map').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await summary(page, seed.nodes.length);
  await page.keyboard.press('Control+Shift+z');
  await summary(page, seed.nodes.length + 1);

  const saved = loadMapText(await saveDownload(page));
  expect(saved.ok).toBe(true);
  if (saved.ok) expect(saved.map.nodes).toHaveLength(seed.nodes.length + 1);
  // Recent maps says why it has nothing, instead of failing.
  await openMenuItem(page, /^最近的地图…$/);
  await expect(page.getByRole('dialog', { name: '最近的地图' }).getByRole('alert')).toContainText('无法读取最近的地图');
});

test('storage full: writes failing with QuotaExceededError stop autosave with a notice; editing and Save go on, and what was stored before opens intact', async ({ page, context }) => {
  await openApp(page);
  await editingReady(page, 20_000);
  await addInArgdown(page, '[存]: 已存下的主张');
  await summary(page, seed.nodes.length + 1);
  await expectListed(page, seed.title.zh!);
  await page.waitForTimeout(500);
  await page.close();

  const full = await context.newPage();
  await withoutFileSaving(full);
  await full.addInitScript(() => {
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const name of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        const request = original.apply(this, args);
        if (window.quotaFull) {
          // As a full disk does: the write's request and its transaction fail with QuotaExceededError.
          Object.defineProperty(request, 'error', { get: quota });
          Object.defineProperty(this.transaction, 'error', { get: quota });
          this.transaction.abort();
        }
        return request;
      };
    }
  });
  await full.goto('/');
  await summary(full, seed.nodes.length + 1);
  await editingReady(full);
  await full.evaluate(() => (window.quotaFull = true));
  await addInArgdown(full, '[满]: 存储已满时的主张');
  await summary(full, seed.nodes.length + 2);
  await expect(full.locator('.autosave-notice')).toContainText('浏览器存储已满');
  await full.locator('svg.map').click({ position: { x: 5, y: 5 } });
  await full.keyboard.press('Control+z');
  await summary(full, seed.nodes.length + 1);
  await full.keyboard.press('Control+Shift+z');
  await summary(full, seed.nodes.length + 2);
  const saved = loadMapText(await saveDownload(full));
  expect(saved.ok).toBe(true);
  if (saved.ok) expect(saved.map.nodes).toHaveLength(seed.nodes.length + 2);
  await full.close();

  // What was stored before the disk filled opens as it was.
  const after = await context.newPage();
  const errors: string[] = [];
  after.on('pageerror', (error) => errors.push(error.message));
  await after.goto('/');
  await summary(after, seed.nodes.length + 1);
  await editingReady(after);
  await expect(after.locator('.authoring .saved')).toHaveText('已自动保存在此浏览器');
  await expect(after.locator('svg.map g[data-node-id]')).toHaveCount(seed.nodes.length + 1);
  await expect(after.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});
