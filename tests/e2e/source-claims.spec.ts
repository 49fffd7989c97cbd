/**
 * Claims made from the source text, OVA's way: a passage selected with the mouse becomes a claim
 * whose quote is exactly that passage (sliced from the source, whatever the selection's own text
 * says), attributed to the speaker picked; it stands at the centre of the view; quoted passages
 * are marked and select their node.
 */
import { expect, test, type Page } from '@playwright/test';
import { openTab } from './helpers-explore.ts';
import { articleText, loadSeed, nodePosition, openApp, waitForCameraToRest } from './helpers.ts';
import { dragOverPassage, selectOffsets, startClaim } from './helpers-source.ts';

const seed = loadSeed();
const article = articleText();
const DEFINITION = '所谓人工智能大模型,通常指的是经过大规模数据训练后,能够适应一系列任务的模型。';
/** Runs over a paragraph break. */
const ACROSS = '对性的后续任务。\n巨头公司PK创业公司';

function summary(page: Page, nodes: number) {
  return expect(page.locator('.hint')).toContainText(`${nodes} 个节点`);
}

async function openSource(page: Page): Promise<void> {
  await openApp(page);
  await expect(page.locator('.authoring .saved, .autosave-notice').first()).toBeVisible({ timeout: 15_000 });
  await openTab(page, '原文');
}

/** The node selected on the map now. */
async function selectedNodeId(page: Page): Promise<string> {
  const selected = page.locator('svg.map g[data-node-id][aria-pressed="true"]');
  await expect(selected).toHaveCount(1);
  return (await selected.getAttribute('data-node-id')) ?? '';
}

test.describe('claims from the source text', () => {
  test('a passage becomes a claim quoting it verbatim, said by an actor of the map, at the centre of the view', async ({ page }) => {
    await openSource(page);
    const make = page.getByRole('button', { name: '从此处建立主张' });
    await expect(make).toBeDisabled();
    const before = await waitForCameraToRest(page);
    const frame = (await page.locator('svg.map').boundingBox())!;

    const start = article.indexOf(DEFINITION);
    const form = await startClaim(page, start, start + DEFINITION.length);
    await expect(form.locator('blockquote')).toHaveText(DEFINITION);
    const speaker = form.getByLabel('发言者', { exact: true });
    await expect(speaker).toBeFocused();
    const zhu = seed.actors.find((actor) => actor.name.zh === '朱啸虎')!;
    await speaker.selectOption(`actor:${zhu.id}`);
    await form.getByRole('button', { name: '建立主张' }).click();

    await summary(page, seed.nodes.length + 1);
    const id = await selectedNodeId(page);
    await expect(page.locator(`svg.map g[data-node-id="${id}"]`)).toHaveAttribute('aria-label', DEFINITION);
    const inspector = page.getByRole('complementary', { name: '详情' });
    await expect(inspector.locator('blockquote')).toHaveText(DEFINITION);
    await expect(inspector.locator('.actor')).toContainText('朱啸虎');
    await expect(page.getByRole('status').filter({ hasText: '已添加主张' })).toBeAttached();

    // At the centre of the view the person was looking at.
    const at = await nodePosition(page, id);
    const centre = { x: (frame.width / 2 - before.x) / before.k, y: (frame.height / 2 - before.y) / before.k };
    expect(Math.hypot(at.x - centre.x, at.y - centre.y)).toBeLessThan(5);

    // The passage is marked now, and its mark has focus; a click on it selects its node again.
    const mark = page.locator(`.source-panel mark.quote[data-quote-of="${encodeURIComponent(id)}"]`);
    await expect(mark).toHaveText(DEFINITION);
    await expect(mark.getByRole('button')).toBeFocused();
    await page.locator('svg.map').press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await mark.click();
    expect(await selectedNodeId(page)).toBe(id);
    await expect(mark).toHaveClass(/\bselected\b/);
  });

  test('a passage across a paragraph break, with a new speaker: one step, undone together', async ({ page }) => {
    await openSource(page);
    const start = article.indexOf(ACROSS);
    expect(start).toBeGreaterThan(0);
    const form = await startClaim(page, start, start + ACROSS.length);
    // The selection's text would join the paragraphs differently: the quote is the source's own.
    await expect.poll(() => form.locator('blockquote').evaluate((element) => element.textContent)).toBe(ACROSS);
    await form.getByLabel('发言者', { exact: true }).selectOption({ label: '新发言者…' });
    await form.getByRole('button', { name: '建立主张' }).click();
    await expect(form.locator('#claim-speaker-refusal')).toHaveText('a speaker needs a name');
    await summary(page, seed.nodes.length);
    await form.getByLabel('发言者姓名').fill('陈编辑');
    await form.getByLabel('所属机构（可不填）').fill('某报社');
    await form.getByRole('button', { name: '建立主张' }).click();

    await summary(page, seed.nodes.length + 1);
    const id = await selectedNodeId(page);
    const inspector = page.getByRole('complementary', { name: '详情' });
    await expect(inspector.locator('blockquote')).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => inspector.locator('blockquote').evaluate((element) => element.textContent)).toBe(ACROSS);
    await expect(inspector.locator('.actor')).toHaveText('陈编辑, 某报社');
    await expect(page.locator(`.source-panel mark.quote[data-quote-of="${encodeURIComponent(id)}"]`)).toHaveCount(2);

    // The next claim offers the new speaker first.
    const next = article.indexOf(DEFINITION);
    const again = await startClaim(page, next, next + DEFINITION.length);
    await expect(again.getByLabel('发言者', { exact: true }).locator('option:checked')).toHaveText('陈编辑, 某报社');
    await again.getByRole('button', { name: '取消' }).click();

    await page.locator('body').press('Control+z');
    await summary(page, seed.nodes.length);
    await expect(page.locator(`.source-panel mark.quote[data-quote-of="${encodeURIComponent(id)}"]`)).toHaveCount(0);
    // The speaker went with it: the picker no longer offers it.
    const after = await startClaim(page, next, next + DEFINITION.length);
    await expect(after.getByLabel('发言者', { exact: true }).locator('option', { hasText: '陈编辑' })).toHaveCount(0);
  });

  test('white space at the ends of a selection is left out; a selection outside the source offers nothing', async ({ page }) => {
    await openSource(page);
    // From the end of the paragraph before, over the line break, into "巨头公司".
    const lineBreak = article.indexOf('\n巨头公司PK创业公司');
    await selectOffsets(page, lineBreak, lineBreak + 5);
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toMatch(/^\s*巨头公司$/);
    await page.getByRole('button', { name: '从此处建立主张' }).click();
    await expect(page.getByRole('form', { name: '选中的原文' }).locator('blockquote')).toHaveText('巨头公司');
    // Escape leaves the form, and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('form', { name: '选中的原文' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '从此处建立主张' })).toBeFocused();
    await summary(page, seed.nodes.length);

    const make = page.getByRole('button', { name: '从此处建立主张' });
    await expect(make).toBeEnabled();
    // A selection in the map's title is no passage of the source, nor is the source's own title.
    await page.locator('h1').selectText();
    await expect(make).toBeDisabled();
    await dragOverPassage(page, lineBreak + 1, lineBreak + 5);
    await expect(make).toBeEnabled();
    await page.locator('.source-panel h3').selectText();
    await expect(make).toBeDisabled();
  });

  test('from the keyboard alone: a typed passage found in the source becomes a claim', async ({ page }) => {
    await openSource(page);
    const field = page.getByLabel('或输入（粘贴）原文中的一段文字，按 Enter');
    await field.focus();
    await page.keyboard.type('没有这句话');
    await page.keyboard.press('Enter');
    await expect(page.locator('#typed-passage-missing')).toHaveText('原文中没有这段文字。');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.fill(` ${DEFINITION} `);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: '选中的原文' });
    await expect(form.locator('blockquote')).toHaveText(DEFINITION);
    await expect(form.getByLabel('发言者', { exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: '建立主张' })).toBeFocused();
    await page.keyboard.press('Enter');
    await summary(page, seed.nodes.length + 1);
    const id = await selectedNodeId(page);
    await expect(page.getByRole('complementary', { name: '详情' }).locator('blockquote')).toHaveText(DEFINITION);
    await expect(page.locator(`.source-panel mark.quote[data-quote-of="${encodeURIComponent(id)}"] [role="button"]`)).toBeFocused();
  });
});
