/**
 * Editing in the inspector, in a real browser: both texts (one undo step per typing pause), the
 * kind, the speaker (a new one made in the same step), tags, Delete with the count of edges
 * going, and the edge inspector (kind, Reverse, Delete). A refusal shows the document's message
 * next to the field, and the field keeps what was typed.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadSeed, nodeById, openApp } from './helpers.ts';

const seed = loadSeed();
const ZHU = nodeById(seed, 'zhu-startups-destroyed');
const QUESTION = nodeById(seed, 'q-should-startups-enter');
/** The edges that go with ZHU: the ones touching it, and the undercuts of those. */
const ZHU_EDGES = (() => {
  const touching = new Set(seed.edges.filter((edge) => edge.from === ZHU.id || edge.to === ZHU.id).map((edge) => edge.id));
  for (const edge of seed.edges) if (edge.kind === 'undercut' && touching.has(edge.to)) touching.add(edge.id);
  return touching;
})();

function summary(page: Page, nodes: number, edges: number) {
  return expect(page.locator('.hint')).toContainText(`${nodes} 个节点，${edges} 条关系`);
}

/** Opens the seed map, waits for its document, selects `id` and turns the inspector to editing. */
async function editNode(page: Page, id: string) {
  await openApp(page);
  await expect(page.locator('.authoring .saved, .autosave-notice').first()).toBeVisible({ timeout: 15_000 });
  // The keyboard's way: a click can land while a busy page still moves the map.
  await mapNode(page, id).focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: '详情' });
  await inspector.getByRole('button', { name: '编辑', exact: true }).click();
  await expect(inspector.getByRole('button', { name: '编辑', exact: true })).toHaveAttribute('aria-pressed', 'true');
  return inspector;
}

function mapNode(page: Page, id: string) {
  return page.locator(`svg.map g[data-node-id="${id}"]`);
}

test.describe('editing in the inspector', () => {
  test('typing stores the text on each pause, one undo step per pause; a refused text stays in its field', async ({ page }) => {
    const inspector = await editNode(page, ZHU.id);
    const zh = inspector.getByLabel('中文文本');
    await expect(zh).toHaveValue(ZHU.text.zh ?? '');
    await expect(inspector.getByLabel('英文文本')).toHaveValue(ZHU.text.en ?? '');

    await zh.fill('大模型没有摧毁创业');
    await expect(mapNode(page, ZHU.id)).toHaveAttribute('aria-label', '大模型没有摧毁创业');
    // Each burst of typing is one input here (a busy machine may leave more than the pause between keystrokes).
    await zh.fill('大模型没有摧毁创业，真的');
    await expect(mapNode(page, ZHU.id)).toHaveAttribute('aria-label', '大模型没有摧毁创业，真的');
    // A person's pause before typing on (the history merges what comes within half a second).
    await page.waitForTimeout(600);
    await zh.fill('大模型没有摧毁创业，真的吗');
    // Leaving the field stores what was typed at once.
    await page.keyboard.press('Tab');
    await expect(mapNode(page, ZHU.id)).toHaveAttribute('aria-label', '大模型没有摧毁创业，真的吗');

    await page.locator('body').press('Control+z');
    await expect(mapNode(page, ZHU.id)).toHaveAttribute('aria-label', '大模型没有摧毁创业，真的');
    await expect(zh).toHaveValue('大模型没有摧毁创业，真的');
    await page.locator('body').press('Control+z');
    await expect(mapNode(page, ZHU.id)).toHaveAttribute('aria-label', '大模型没有摧毁创业');
    await page.locator('body').press('Control+z');
    await expect(mapNode(page, ZHU.id)).toHaveAttribute('aria-label', ZHU.text.zh ?? '');

    // Over the length limit: refused, the message beside the field, the text kept as typed.
    const en = inspector.getByLabel('英文文本');
    const long = 'x'.repeat(10_001);
    await en.fill(long);
    const refusal = inspector.locator('#node-text-en-refusal');
    await expect(refusal).toContainText('longer than the limit of 10000 characters');
    await expect(en).toHaveAttribute('aria-invalid', 'true');
    await expect(en).toHaveAttribute('aria-describedby', 'node-text-en-refusal');
    await expect(en).toHaveValue(long);
    await en.fill('Large models have not destroyed startups');
    await expect(refusal).toHaveCount(0);
    await inspector.getByRole('button', { name: '编辑', exact: true }).click();
    await expect(inspector.locator('[lang="en"]', { hasText: 'Large models have not destroyed startups' })).toBeVisible();
  });

  test('the kind: a claim becomes evidence; a question with answers stays one, and says why', async ({ page }) => {
    const inspector = await editNode(page, ZHU.id);
    await inspector.getByLabel('类型').selectOption('evidence');
    await expect(mapNode(page, ZHU.id)).toHaveClass(/\bnode-evidence\b/);

    await inspector.getByRole('button', { name: QUESTION.text.zh ?? '' }).click();
    const kind = inspector.getByLabel('类型');
    await expect(kind).toHaveValue('question');
    await kind.selectOption('claim');
    await expect(inspector.locator('#node-kind-refusal')).toContainText('stays a question');
    await expect(kind).toHaveValue('question');
    await expect(mapNode(page, QUESTION.id)).toHaveClass(/\bnode-question\b/);
  });

  test('a new speaker with name and affiliation is one step; an existing actor can be picked; tags come and go', async ({ page }) => {
    const inspector = await editNode(page, ZHU.id);
    const speaker = inspector.getByLabel('发言者', { exact: true });
    await speaker.selectOption({ label: '新发言者…' });
    // Nothing is made until the name is in.
    await inspector.getByRole('button', { name: '设为发言者' }).click();
    await expect(inspector.locator('#node-speaker-refusal')).toHaveText('a speaker needs a name');
    await inspector.getByLabel('发言者姓名').fill('王小明');
    await inspector.getByLabel('所属机构（可不填）').fill('某研究所');
    await inspector.getByRole('button', { name: '设为发言者' }).click();
    await expect(speaker.locator('option:checked')).toHaveText('王小明, 某研究所');
    await expect(inspector.locator('#node-speaker-refusal')).toHaveCount(0);

    await inspector.getByLabel('新标签').fill('算力');
    await inspector.getByLabel('新标签').press('Enter');
    await inspector.getByLabel('新标签').fill('资本');
    await inspector.getByRole('button', { name: '添加标签' }).click();
    await expect(inspector.locator('.tag-editor li')).toHaveText(['算力×', '资本×']);
    await inspector.getByRole('button', { name: '删除标签 算力' }).click();
    await expect(inspector.locator('.tag-editor li')).toHaveText(['资本×']);
    await expect(inspector.getByLabel('新标签')).toBeFocused();

    await inspector.getByRole('button', { name: '编辑', exact: true }).click();
    await expect(inspector.locator('.actor')).toHaveText('王小明, 某研究所');
    await expect(inspector.locator('.tags')).toHaveText('资本');

    // Undo: the three tag edits one by one, then the speaker and the actor made with it, together.
    await page.locator('body').press('Control+z');
    await expect(inspector.locator('.tags')).toHaveText('算力, 资本');
    await page.locator('body').press('Control+z');
    await expect(inspector.locator('.tags')).toHaveText('算力');
    await page.locator('body').press('Control+z');
    await expect(inspector.locator('.tags')).toHaveCount(0);
    await page.locator('body').press('Control+z');
    await expect(inspector.locator('.actor')).toContainText('朱啸虎');
    await inspector.getByRole('button', { name: '编辑', exact: true }).click();
    await expect(speaker.locator('option', { hasText: '王小明' })).toHaveCount(0);
    const fu = seed.actors.find((actor) => actor.name.zh === '傅盛')!;
    await speaker.selectOption(`actor:${fu.id}`);
    await inspector.getByRole('button', { name: '编辑', exact: true }).click();
    await expect(inspector.locator('.actor')).toContainText('傅盛');
  });

  test('Delete asks with the count of edges going, removes the node with them, and focus goes to the map', async ({ page }) => {
    const inspector = await editNode(page, ZHU.id);
    await summary(page, seed.nodes.length, seed.edges.length);
    await inspector.getByRole('button', { name: '删除节点' }).click();
    await expect(inspector.getByRole('group', { name: `删除此节点和 ${ZHU_EDGES.size} 条连线？` })).toBeVisible();
    // The question takes focus on its confirming button; Cancel leaves everything.
    await expect(inspector.getByRole('button', { name: '删除', exact: true })).toBeFocused();
    await inspector.getByRole('button', { name: '取消' }).click();
    await expect(mapNode(page, ZHU.id)).toHaveCount(1);
    await expect(inspector.getByRole('button', { name: '删除节点' })).toBeFocused();
    // Escape on the question answers No too, and leaves the inspector open.
    await page.keyboard.press('Enter');
    await expect(inspector.getByRole('button', { name: '删除', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(inspector.getByRole('button', { name: '删除节点' })).toBeFocused();
    await expect(mapNode(page, ZHU.id)).toHaveCount(1);

    await inspector.getByRole('button', { name: '删除节点' }).click();
    await expect(inspector.getByRole('button', { name: '删除', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(mapNode(page, ZHU.id)).toHaveCount(0);
    await summary(page, seed.nodes.length - 1, seed.edges.length - ZHU_EDGES.size);
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page.locator('svg.map')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: '删除' })).toBeAttached();

    await page.locator('body').press('Control+z');
    await expect(mapNode(page, ZHU.id)).toHaveCount(1);
    await summary(page, seed.nodes.length, seed.edges.length);
  });

  test('the edge inspector: reached from a relation, it changes the kind, reverses and deletes the edge', async ({ page }) => {
    const inspector = await editNode(page, ZHU.id);
    const answer = seed.edges.find((edge) => edge.kind === 'answer' && edge.from === ZHU.id && edge.to === QUESTION.id)!;
    await inspector.locator('.relation-answer').getByRole('button', { name: '连线详情' }).click();
    const edgeInspector = page.getByRole('complementary', { name: '连线' });
    await expect(edgeInspector).toBeVisible();
    await expect(edgeInspector.locator('.from')).toHaveText(ZHU.text.zh ?? '');
    await expect(edgeInspector.locator('.to')).toHaveText(QUESTION.text.zh ?? '');
    const kind = edgeInspector.getByLabel('关系类型');
    await expect(kind).toHaveValue('answer');
    await expect(kind.locator('option')).toHaveText(['支持', '反驳', '回应问题', '转述']);
    await expect(page.locator(`svg.map [data-edge-id="${answer.id}"]`)).toHaveClass(/\bselected\b/);

    await kind.selectOption('support');
    await expect(page.locator(`svg.map [data-edge-id="${answer.id}"]`)).toHaveClass(/\bedge-support\b/);
    await edgeInspector.getByRole('button', { name: '反转方向' }).click();
    await expect(edgeInspector.locator('.from')).toHaveText(QUESTION.text.zh ?? '');
    await expect(edgeInspector.locator('.to')).toHaveText(ZHU.text.zh ?? '');
    // Now it goes from a question to a claim: an answer is no longer offered, and Reverse back would be.
    await expect(kind.locator('option')).toHaveText(['支持', '反驳', '转述']);

    await edgeInspector.getByRole('button', { name: '删除连线' }).click();
    await expect(page.locator(`svg.map [data-edge-id="${answer.id}"]`)).toHaveCount(0);
    await summary(page, seed.nodes.length, seed.edges.length - 1);
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page.locator('svg.map')).toBeFocused();
    await page.locator('body').press('Control+z');
    await expect(page.locator(`svg.map [data-edge-id="${answer.id}"]`)).toHaveCount(1);
  });
});
