import { expect, test } from '@playwright/test';
import { articleText, loadSeed, nodeById, openApp, revealNode } from './helpers.ts';

const seed = loadSeed();
const article = articleText();
const ZHU = nodeById(seed, 'zhu-startups-destroyed');
const QUESTION = nodeById(seed, 'q-should-startups-enter');

test.describe('the inspector', () => {
  test('a click on a 朱啸虎 node shows both texts, the speaker, the kind, the quote and its context', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('complementary')).toHaveCount(0);
    const point = await revealNode(page, ZHU.id);
    await page.mouse.click(point.x, point.y);

    const inspector = page.locator('aside');
    await expect(inspector).toBeVisible();
    await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('详情');
    await expect(page.getByRole('complementary', { name: '详情' })).toBeVisible();

    await expect(inspector.locator('[lang="zh-Hans"]', { hasText: ZHU.text.zh ?? '' }).first()).toBeVisible();
    await expect(inspector.locator('[lang="en"]', { hasText: ZHU.text.en ?? '' })).toBeVisible();
    await expect(inspector.locator('.actor')).toContainText('朱啸虎');
    await expect(inspector.locator('.actor')).toContainText('知名投资人');
    await expect(inspector.locator('.kind')).toHaveText('主张');

    const quote = ZHU.quote?.text ?? '';
    expect(quote.length).toBeGreaterThan(0);
    await expect(inspector.locator('blockquote')).toHaveText(quote);

    const context = inspector.locator('.context');
    await expect(context).toBeVisible();
    await expect(context.locator('mark')).toHaveText(quote);
    const contextText = (await context.textContent()) ?? '';
    expect(contextText.length).toBeGreaterThan(quote.length);
    expect(article.includes(contextText), `context sentence is not verbatim in the article: ${contextText}`).toBe(true);
    expect(contextText).toContain(`朱啸虎认为,${quote}`);

    // The selected node is marked on the map.
    await expect(page.locator(`svg.map g[data-node-id="${ZHU.id}"]`)).toHaveClass(/\bselected\b/);
    await expect(page.locator(`svg.map g[data-node-id="${ZHU.id}"]`)).toHaveAttribute('aria-pressed', 'true');
  });

  test('a relation button selects the node it names', async ({ page }) => {
    await openApp(page);
    const point = await revealNode(page, ZHU.id);
    await page.mouse.click(point.x, point.y);
    const inspector = page.locator('aside');
    await expect(inspector.locator('blockquote')).toHaveText(ZHU.quote?.text ?? '');

    // Every edge at this node is listed, each with the other node's label; two attacks both ways
    // between the same two nodes are one row, "rebut each other".
    const touching = seed.edges.filter((edge) => edge.from === ZHU.id || edge.to === ZHU.id);
    const attackedBack = touching.filter((edge) => edge.kind === 'attack' && edge.from === ZHU.id && touching.some((other) => other.kind === 'attack' && other.from === edge.to));
    expect(attackedBack.length).toBeGreaterThan(0);
    await expect(inspector.locator('.relations li')).toHaveCount(touching.length - attackedBack.length);
    await expect(inspector.locator('.relations li.relation-mutual')).toHaveCount(attackedBack.length);
    await expect(inspector.locator('.relations li.relation-mutual .phrase').first()).toHaveText('互相反驳');
    const answer = inspector.getByRole('button', { name: QUESTION.text.zh ?? '' });
    await expect(answer).toBeVisible();
    await expect(inspector.locator('.relation-answer .phrase')).toHaveText('回应问题');

    await answer.click();
    await expect(inspector.locator('[lang="en"]', { hasText: QUESTION.text.en ?? '' })).toBeVisible();
    await expect(inspector.getByText(ZHU.text.en ?? '')).toHaveCount(0);
    await expect(inspector.locator('.kind')).toHaveText('问题');
    await expect(page.locator(`svg.map g[data-node-id="${QUESTION.id}"]`)).toHaveClass(/\bselected\b/);
    await expect(page.locator(`svg.map g[data-node-id="${ZHU.id}"]`)).not.toHaveClass(/\bselected\b/);
    // Back again through the question's relation list.
    await inspector.getByRole('button', { name: ZHU.text.zh ?? '' }).click();
    await expect(inspector.locator('blockquote')).toHaveText(ZHU.quote?.text ?? '');
  });

  test('switches language with the app and closes with its button and with Escape', async ({ page }) => {
    await openApp(page);
    const point = await revealNode(page, ZHU.id);
    await page.mouse.click(point.x, point.y);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector).toBeVisible();
    await expect(inspector.locator('.actor')).toContainText('Zhu Xiaohu');
    await expect(inspector.locator('.kind')).toHaveText('Claim');
    await inspector.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('complementary')).toHaveCount(0);

    const again = await revealNode(page, ZHU.id);
    await page.mouse.click(again.x, again.y);
    await expect(page.getByRole('complementary')).toBeVisible();
    await page.locator('svg.map').press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
  });

  test('the keyboard opens it too: Enter on a focused node', async ({ page }) => {
    await openApp(page);
    const group = page.locator(`svg.map g[data-node-id="${ZHU.id}"]`);
    await group.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: '详情' })).toBeVisible();
    await expect(page.locator('aside blockquote')).toHaveText(ZHU.quote?.text ?? '');
    await expect(group).toHaveAttribute('aria-pressed', 'true');
  });
});
