/**
 * Editing in a real browser: autosave to the page's real IndexedDB (a reload brings the map back),
 * two tabs of one map kept identical over a BroadcastChannel, and a page whose IndexedDB throws
 * still editing, with a notice.
 */
import { expect, test, type Page } from '@playwright/test';
import { allNodePositions, loadSeed, openApp, waitForLayoutToRest, editingReady } from './helpers.ts';

const seed = loadSeed();

function summary(page: Page, nodes: number) {
  return expect(page.locator('.hint')).toContainText(`${nodes} 个节点`);
}

/** Adds a claim with the editing bar's button (N opens a new node's editor instead: map-editing.spec.ts). */
function addClaim(page: Page): Promise<void> {
  return page.getByRole('button', { name: /添加主张/ }).click();
}


test.describe('editing a map', () => {
  test('an added claim is autosaved and comes back after a reload, and undo works after it', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    await addClaim(page);
    await expect(page.getByRole('status').filter({ hasText: '已添加主张' })).toBeAttached();
    await summary(page, seed.nodes.length + 1);
    await expect(page.locator('.authoring .saved')).toHaveText('已自动保存在此浏览器');

    await page.reload();
    await expect(page.locator('svg.map g[data-node-id]').first()).toBeVisible();
    await summary(page, seed.nodes.length + 1);
    await expect(page.getByRole('status').filter({ hasText: '已恢复此浏览器中自动保存的修改' })).toBeAttached();

    // The restored map edits on: the new claim can be deleted with Ctrl+Z after one more edit.
    await addClaim(page);
    await summary(page, seed.nodes.length + 2);
    await page.locator('body').press('Control+z');
    await summary(page, seed.nodes.length + 1);
  });

  test('adding a claim leaves every other node where it was', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    await waitForLayoutToRest(page);
    const before = await allNodePositions(page);
    await addClaim(page);
    await summary(page, seed.nodes.length + 1);
    await waitForLayoutToRest(page);
    const after = await allNodePositions(page);
    const moved = Object.entries(before).filter(([id, transform]) => after[id] !== transform).map(([id]) => id);
    expect(moved).toEqual([]);
    expect(Object.keys(after)).toHaveLength(seed.nodes.length + 1);
  });

  test('two tabs of one map stay identical', async ({ page, context }) => {
    await openApp(page);
    await editingReady(page);
    const other = await context.newPage();
    await openApp(other);
    await editingReady(other);
    const before = seed.nodes.length;
    await addClaim(page);
    await summary(other, before + 1);
    await addClaim(other);
    await summary(page, before + 2);
    await summary(other, before + 2);
  });

  test('a page whose IndexedDB throws still edits, and says autosave is off', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openApp(page);
    await expect(page.locator('.autosave-notice')).toContainText('自动保存已关闭');
    await addClaim(page);
    await summary(page, seed.nodes.length + 1);
  });
});
