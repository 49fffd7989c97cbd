/**
 * Exploring the seed map: search, filters, focus depth, the path between two nodes, collapsing,
 * the outline, the keyboard, the source text and shareable links. Expectations come from the
 * JSON file and the rules written out in helpers-explore.ts, never from the app's own modules.
 */
import { allNodePositions, camera, CAMERA, loadSeed, nodeById, openApp, revealNode, waitForCameraToRest, waitForLayoutToRest } from './helpers.ts';
import {
  actorName, adjacency, childrenOf, clickNode, distancesFrom, drawnEdgeIds, drawnNodeIds, edgesAmong, expect, group, hiddenByCollapsing, litNodeIds,
  MAP_EDGES, MAP_NODES, mapNode, neighbourhoodNodes, nodesOfActor, openTab, parentsOf, pointerOffMap, selectByKeyboard, sorted, test,
} from './helpers-explore.ts';
import type { Page } from '@playwright/test';

const seed = loadSeed();
const ALL_NODES = seed.nodes.map((node) => node.id);
const ZHU = 'zhu-xiaohu';
const ZHU_NODES = nodesOfActor(seed, ZHU);

/** The node ids the map rings as search matches. */
async function ringedNodeIds(page: Page): Promise<string[]> {
  return page.locator('svg.map g.node.match').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-node-id') ?? '').sort());
}

async function selectedNodeId(page: Page): Promise<string | null> {
  return page.locator('svg.map g.node.selected').getAttribute('data-node-id');
}

/** The inspector shows this node (its Chinese text). */
async function expectInspectorOn(page: Page, id: string): Promise<void> {
  const node = nodeById(seed, id);
  const inspector = page.getByRole('complementary');
  await expect(inspector).toBeVisible();
  await expect(inspector.locator('.texts [lang="zh-Hans"] bdi')).toHaveText(node.text.zh ?? '');
  await expect(mapNode(page, id)).toHaveClass(/\bselected\b/);
}

test.describe('search', () => {
  test('pinyin "zhuxiaohu" and initials "zxh" find 朱啸虎’s nodes; Enter and a click select a result', async ({ page }) => {
    await openApp(page);
    const box = page.getByLabel('搜索', { exact: true });
    await expect(box).toHaveAttribute('id', 'map-search');
    const results = page.getByRole('list', { name: '搜索结果' }).getByRole('button');

    await box.fill('zhuxiaohu');
    // No node's own text names 朱啸虎, so exactly his nodes match (through his name).
    expect(seed.nodes.filter((node) => (node.text.zh ?? '').includes('朱啸虎')).map((node) => node.id)).toEqual([]);
    await expect(results).toHaveCount(ZHU_NODES.length);
    await expect(page.locator('#search-status')).toHaveText(`找到 ${ZHU_NODES.length} 个`);
    expect(await ringedNodeIds(page)).toEqual(sorted(ZHU_NODES));
    // Each result is highlighted where it matched: his name, in either language.
    const names = [actorName(seed, ZHU, 'zh'), actorName(seed, ZHU, 'en')];
    for (const button of await results.all()) expect(names).toContain(await button.locator('mark').textContent());

    // Enter selects the first result and opens the inspector.
    await box.press('Enter');
    await expect(results.first()).toHaveClass(/\bselected\b/);
    const first = await selectedNodeId(page);
    expect(ZHU_NODES).toContain(first);
    await expectInspectorOn(page, first!);

    // A click on another result selects it.
    await results.nth(2).click();
    await expect(results.nth(2)).toHaveClass(/\bselected\b/);
    await expect(results.first()).not.toHaveClass(/\bselected\b/);
    const clicked = await selectedNodeId(page);
    expect(ZHU_NODES).toContain(clicked);
    expect(clicked).not.toBe(first);
    await expectInspectorOn(page, clicked!);

    // The initials find him too.
    await box.fill('zxh');
    await expect.poll(() => ringedNodeIds(page)).toEqual(expect.arrayContaining(ZHU_NODES));
    await expect(results).toHaveCount((await ringedNodeIds(page)).length);
  });

  test('English text "vertical" finds the nodes that say it', async ({ page }) => {
    await openApp(page);
    const expected = seed.nodes.filter((node) => /vertical/i.test(node.text.en ?? '')).map((node) => node.id);
    expect(expected.length).toBeGreaterThan(2);
    await page.getByLabel('搜索', { exact: true }).fill('vertical');
    const results = page.getByRole('list', { name: '搜索结果' }).getByRole('button');
    await expect(results).toHaveCount(expected.length);
    expect(await ringedNodeIds(page)).toEqual(sorted(expected));
    for (const button of await results.all()) await expect(button.locator('mark').first()).toHaveText(/^vertical$/i);
    // Clearing the box drops the rings.
    await page.getByLabel('搜索', { exact: true }).fill('');
    await expect(page.locator('svg.map g.node.match')).toHaveCount(0);
  });
});

test.describe('filters', () => {
  async function expectHidingKeepsPlaces(page: Page, before: Record<string, string>): Promise<void> {
    const after = await allNodePositions(page);
    const moved = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(moved, 'nodes that moved when others were hidden or shown').toEqual([]);
  }

  test('hiding a speaker, a node kind or a relation kind hides exactly those, and moves nothing', async ({ page }) => {
    await openApp(page);
    await waitForLayoutToRest(page);
    const before = await allNodePositions(page);
    expect(Object.keys(before)).toHaveLength(seed.nodes.length);

    // A speaker: 朱啸虎.
    const speaker = group(page, '发言者').getByLabel(actorName(seed, ZHU), { exact: true });
    await speaker.uncheck();
    const withoutZhu = new Set(ALL_NODES.filter((id) => !ZHU_NODES.includes(id)));
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length - ZHU_NODES.length);
    expect(await drawnNodeIds(page)).toEqual(sorted(withoutZhu));
    const edgesWithoutZhu = edgesAmong(seed, withoutZhu);
    const touchingZhu = seed.edges.filter((edge) => ZHU_NODES.includes(edge.from) || ZHU_NODES.includes(edge.to));
    expect(touchingZhu.length).toBeGreaterThan(0);
    expect(await drawnEdgeIds(page)).toEqual(sorted(edgesWithoutZhu));
    for (const edge of touchingZhu) expect(edgesWithoutZhu.has(edge.id)).toBe(false);
    await expectHidingKeepsPlaces(page, before);
    await speaker.check();
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length);
    await expect.poll(() => drawnEdgeIds(page)).toEqual(sorted(seed.edges.map((edge) => edge.id)));
    await expectHidingKeepsPlaces(page, before);

    // A node kind: evidence.
    const evidence = group(page, '节点类型').getByLabel('证据', { exact: true });
    await evidence.uncheck();
    const noEvidence = new Set(seed.nodes.filter((node) => node.kind !== 'evidence').map((node) => node.id));
    await expect(page.locator(MAP_NODES)).toHaveCount(noEvidence.size);
    expect(noEvidence.size).toBeLessThan(seed.nodes.length);
    expect(await drawnNodeIds(page)).toEqual(sorted(noEvidence));
    expect(await drawnEdgeIds(page)).toEqual(sorted(edgesAmong(seed, noEvidence)));
    await expectHidingKeepsPlaces(page, before);
    await evidence.check();
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length);

    // A relation kind: attacks. Every node stays.
    const attacks = group(page, '关系类型').getByLabel('反驳', { exact: true });
    await attacks.uncheck();
    const noAttacks = edgesAmong(seed, new Set(ALL_NODES), (edge) => edge.kind !== 'attack');
    expect(noAttacks.size).toBeLessThan(seed.edges.length);
    await expect(page.locator(MAP_EDGES)).toHaveCount(noAttacks.size);
    expect(await drawnEdgeIds(page)).toEqual(sorted(noAttacks));
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length);
    await expectHidingKeepsPlaces(page, before);
    await attacks.check();
    await expect.poll(() => drawnEdgeIds(page)).toEqual(sorted(seed.edges.map((edge) => edge.id)));
    await expectHidingKeepsPlaces(page, before);
  });
});

test.describe('focus and paths', () => {
  test('the selection fades what lies beyond the chosen depth; deeper depths light more', async ({ page }) => {
    const centre = 'zhu-startups-destroyed';
    const expected = [1, 2, 3].map((depth) => sorted(neighbourhoodNodes(seed, centre, depth)));
    // The seed makes each depth strictly larger than the one before, so the check can tell them apart.
    expect(expected[0]!.length).toBeLessThan(expected[1]!.length);
    expect(expected[1]!.length).toBeLessThan(expected[2]!.length);
    expect(expected[2]!.length).toBeLessThan(seed.nodes.length);

    await openApp(page);
    await pointerOffMap(page);
    await expect(page.locator(`${MAP_NODES}[opacity="0.25"]`)).toHaveCount(0);
    await selectByKeyboard(page, centre);
    await expect(page.locator(`${MAP_NODES}[opacity="0.25"]`)).toHaveCount(seed.nodes.length - expected[0]!.length);
    expect(await litNodeIds(page)).toEqual(expected[0]);

    const depth = group(page, '聚焦范围（选中节点周围的层数）');
    const counts: number[] = [expected[0]!.length];
    for (const level of [2, 3] as const) {
      await depth.getByRole('radio', { name: String(level), exact: true }).check();
      await expect(page.locator(`${MAP_NODES}[opacity="0.25"]`)).toHaveCount(seed.nodes.length - expected[level - 1]!.length);
      expect(await litNodeIds(page), `lit nodes at depth ${level}`).toEqual(expected[level - 1]);
      counts.push((await litNodeIds(page)).length);
    }
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    // Faded nodes are still drawn: focusing hides nothing.
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length);
    await depth.getByRole('radio', { name: '1', exact: true }).check();
    expect(await litNodeIds(page)).toEqual(expected[0]);
  });

  test('"path from the selected node" then another node shows and stresses a shortest chain', async ({ page }) => {
    const from = 'zhu-startups-destroyed';
    const distances = distancesFrom(seed, from);
    const to = seed.nodes.find((node) => distances.get(node.id) === 4)?.id;
    expect(to, 'a node four steps away').toBeDefined();
    const links = adjacency(seed);

    await openApp(page);
    await clickNode(page, from);
    const pathGroup = group(page, '两个节点之间的路径');
    await pathGroup.getByRole('button', { name: '从选中的节点开始' }).click();
    await expect(pathGroup.getByRole('status')).toHaveText('现在选中终点。');
    await clickNode(page, to!);
    await expectInspectorOn(page, to!);

    const chain = pathGroup.getByRole('list', { name: '两个节点之间的路径' }).getByRole('button');
    await expect(chain).toHaveCount(distances.get(to!)! + 1);
    const texts = await chain.allTextContents();
    const textToId = new Map(seed.nodes.map((node) => [node.text.zh ?? '', node.id]));
    const ids = texts.map((text) => textToId.get(text.trim()));
    expect(ids[0]).toBe(from);
    expect(ids.at(-1)).toBe(to);
    for (let index = 0; index + 1 < ids.length; index += 1) {
      expect(ids[index], `path item ${index}`).toBeDefined();
      expect(links.get(ids[index]!)?.has(ids[index + 1]!), `${ids[index]} and ${ids[index + 1]} are joined by an edge`).toBe(true);
    }
    // The map stresses exactly the chain.
    await expect.poll(() => litNodeIds(page)).toEqual(sorted(ids as string[]));

    await pathGroup.getByRole('button', { name: '清除路径' }).click();
    await expect.poll(() => litNodeIds(page)).toEqual(sorted(neighbourhoodNodes(seed, to!, 1)));
  });
});

test.describe('collapsing', () => {
  test('collapsing a question hides what hangs only under it, badges it +N, and Expand restores', async ({ page }) => {
    const question = 'q-vertical-cheaper';
    const hidden = hiddenByCollapsing(seed, question);
    expect(hidden.size).toBeGreaterThanOrEqual(2);
    expect(hidden.has(question)).toBe(false);

    await openApp(page);
    await selectByKeyboard(page, question);
    await page.getByRole('complementary').getByRole('button', { name: '折叠下属节点' }).click();
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length - hidden.size);
    expect(await drawnNodeIds(page)).toEqual(sorted(ALL_NODES.filter((id) => !hidden.has(id))));
    await expect(mapNode(page, question).locator('g.badge-count text')).toHaveText(`+${hidden.size}`);

    const collapsed = group(page, '已折叠');
    await expect(collapsed).toBeVisible();
    await expect(collapsed).toContainText(nodeById(seed, question).text.zh ?? '');
    await expect(collapsed).toContainText(`(+${hidden.size})`);
    await collapsed.getByRole('button', { name: '展开' }).click();
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length);
    await expect(mapNode(page, question).locator('g.badge-count')).toHaveCount(0);
    await expect(group(page, '已折叠')).toHaveCount(0);
  });
});

test.describe('the outline', () => {
  test('is a tree of every node that follows the map’s selection and works from the keyboard', async ({ page }) => {
    await openApp(page);
    await openTab(page, '大纲');
    const tree = page.getByRole('tree', { name: '大纲' });
    const items = tree.getByRole('treeitem');
    await expect(items.first()).toBeVisible();
    const listed = new Set(await items.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-node-id') ?? '')));
    expect(ALL_NODES.filter((id) => !listed.has(id)), 'nodes missing from the outline').toEqual([]);
    await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(0);

    // A node selected on the map is the tree's selected row.
    await clickNode(page, 'zhu-startups-destroyed');
    await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(1);
    await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveAttribute('data-node-id', 'zhu-startups-destroyed');
    await page.getByRole('complementary').getByRole('button', { name: '关闭' }).click();

    // The keyboard: rows in document order, as the tree pattern moves through them.
    const rows = await items.evaluateAll((elements) =>
      elements.map((row) => ({ id: row.getAttribute('data-node-id') ?? '', serial: row.getAttribute('data-serial') ?? '', level: Number(row.getAttribute('aria-level')), expanded: row.getAttribute('aria-expanded') })),
    );
    const focusedSerial = () => page.evaluate(() => document.activeElement?.getAttribute('data-serial') ?? null);
    await tree.locator('[role="treeitem"][tabindex="0"]').focus();
    const start = Number(await focusedSerial());
    const startIndex = rows.findIndex((row) => Number(row.serial) === start);
    expect(startIndex).toBeGreaterThanOrEqual(0);

    await page.keyboard.press('Home');
    await expect.poll(focusedSerial).toBe(rows[0]!.serial);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedSerial).toBe(rows[1]!.serial);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedSerial).toBe(rows[2]!.serial);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedSerial).toBe(rows[1]!.serial);
    // Enter selects the row's node: the map and its inspector follow.
    await page.keyboard.press('Enter');
    await expectInspectorOn(page, rows[1]!.id);
    await expect(tree.locator(`[data-serial="${rows[1]!.serial}"]`)).toHaveAttribute('aria-selected', 'true');

    // Left closes an open row first, then goes to the parent row; Right on an open row goes to its first child.
    const second = tree.locator(`[data-serial="${rows[1]!.serial}"]`);
    await second.focus();
    expect(rows[1]!.level).toBe(rows[0]!.level + 1);
    if (rows[1]!.expanded === 'true') {
      await page.keyboard.press('ArrowLeft');
      await expect(second).toHaveAttribute('aria-expanded', 'false');
      await expect.poll(focusedSerial).toBe(rows[1]!.serial);
    }
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focusedSerial).toBe(rows[0]!.serial);
    expect(rows[0]!.expanded).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedSerial).toBe(rows[1]!.serial);
    if (rows[1]!.expanded === 'true') {
      await page.keyboard.press('ArrowRight');
      await expect(second).toHaveAttribute('aria-expanded', 'true');
    }

    await page.keyboard.press('End');
    const last = rows.at(-1)!;
    await expect.poll(focusedSerial).toBe(last.serial);
    await page.keyboard.press('Enter');
    await expectInspectorOn(page, last.id);
    await expect(mapNode(page, last.id)).toHaveAttribute('aria-pressed', 'true');
    await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveAttribute('data-node-id', last.id);
  });
});

test.describe('the keyboard on the map', () => {
  test('"/" focuses the search box and "?" lists the shortcuts', async ({ page }) => {
    await openApp(page);
    await page.locator('svg.map').focus();
    await page.keyboard.press('/');
    await expect(page.locator('#map-search')).toBeFocused();
    // The slash is not typed into the box.
    await expect(page.locator('#map-search')).toHaveValue('');

    await page.locator('svg.map').focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('kbd', { hasText: '/' }).first()).toBeVisible();
    await expect(dialog).toContainText('聚焦搜索框');
    await expect(dialog).toContainText('适应屏幕');
    await expect(dialog).toContainText('退出演示');
    expect(await dialog.locator('tr').count()).toBeGreaterThanOrEqual(10);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // From another tab, "/" brings the Explore tab back and focuses its box once it is there.
    await openTab(page, '大纲');
    await expect(page.locator('#map-search')).toHaveCount(0);
    await page.locator('svg.map').focus();
    await page.keyboard.press('/');
    await expect(page.locator('#map-search')).toBeFocused();
  });

  test('arrows move focus along edges, Enter opens the inspector, Esc clears the selection', async ({ page }) => {
    const parents = parentsOf(seed);
    const children = childrenOf(seed);
    const links = adjacency(seed);
    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);

    await openApp(page);
    const start = 'zhu-startups-destroyed';
    await clickNode(page, start);
    await expect(mapNode(page, start)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page.locator('svg.map g.node.selected')).toHaveCount(0);
    expect(await focusedId()).toBe(start);

    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedId).not.toBe(start);
    const up = (await focusedId())!;
    expect(parents.get(start)?.has(up), `${up} is a node ${start} points to`).toBe(true);
    expect(links.get(start)?.has(up)).toBe(true);

    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedId).not.toBe(up);
    const down = (await focusedId())!;
    expect(children.get(up)?.has(down), `${down} points to ${up}`).toBe(true);
    expect(links.get(up)?.has(down)).toBe(true);

    // Sideways: another node pointing to the same parent.
    await page.keyboard.press('ArrowRight');
    let side = await focusedId();
    if (side === down) {
      await page.keyboard.press('ArrowLeft');
      side = await focusedId();
    }
    expect(side).not.toBe(down);
    const shared = [...(parents.get(down) ?? [])].some((parent) => parents.get(side!)?.has(parent));
    expect(shared, `${side} and ${down} share a parent`).toBe(true);

    await page.keyboard.press('Enter');
    await expectInspectorOn(page, side!);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page.locator('svg.map g.node.selected')).toHaveCount(0);
  });
});

test.describe('the source text', () => {
  test('a click on a quote selects its node; a node selected on the map marks and shows its quote', async ({ page }) => {
    await openApp(page);
    await openTab(page, '原文');
    const spans = page.locator('article mark.quote');
    await expect(spans.first()).toBeVisible();
    // Spans quoted by one node only, in reading order.
    const single = await spans.evaluateAll((marks) =>
      marks.map((mark) => ({ of: mark.getAttribute('data-quote-of') ?? '', text: mark.textContent ?? '' })).filter((entry) => entry.of !== '' && !entry.of.includes(' ')),
    );
    expect(single.length).toBeGreaterThan(10);
    const near = single[0]!;
    const far = single.at(-1)!;
    const nearId = decodeURIComponent(near.of);
    const farId = decodeURIComponent(far.of);
    // Each span is (part of) the quote of the node it names.
    expect(nodeById(seed, nearId).quote?.text).toContain(near.text);
    expect(nodeById(seed, farId).quote?.text).toContain(far.text);

    await page.locator(`article mark.quote[data-quote-of="${near.of}"]`).first().click();
    await expectInspectorOn(page, nearId);
    await expect(page.getByRole('complementary').locator('blockquote')).toHaveText(nodeById(seed, nearId).quote?.text ?? '');
    await expect(page.locator(`article mark.quote[data-quote-of="${near.of}"]`).first()).toHaveClass(/\bselected\b/);

    const farSpan = page.locator(`article mark.quote[data-quote-of="${far.of}"]`).first();
    await expect(farSpan).not.toBeInViewport();
    await clickNode(page, farId);
    await expect(farSpan).toHaveClass(/\bselected\b/);
    await expect(page.locator(`article mark.quote[data-quote-of="${near.of}"]`).first()).not.toHaveClass(/\bselected\b/);
    await expect(farSpan).toBeInViewport();
    await expect(page.getByRole('complementary').locator('blockquote')).toHaveText(nodeById(seed, farId).quote?.text ?? '');
  });
});

test.describe('links to a view', () => {
  test('a #view link restores selection, depth, filter, language and camera in a new page', async ({ page, context }) => {
    const selected = 'zhu-startups-destroyed';
    const hiddenActor = 'fu-sheng';
    const shownCount = seed.nodes.length - nodesOfActor(seed, hiddenActor).length;

    await openApp(page);
    await clickNode(page, selected);
    await group(page, '聚焦范围（选中节点周围的层数）').getByRole('radio', { name: '2', exact: true }).check();
    await group(page, '发言者').getByLabel(actorName(seed, hiddenActor), { exact: true }).uncheck();
    await expect(page.locator(MAP_NODES)).toHaveCount(shownCount);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute('aria-pressed', 'true');
    // Zoom in around the selected node, so it stays in view.
    const point = await revealNode(page, selected);
    const before = await camera(page);
    await page.mouse.move(point.x, point.y);
    await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await camera(page)).k).toBeGreaterThan(before.k * 1.1);
    const chosen = await waitForCameraToRest(page);
    await pointerOffMap(page);
    // The hash carries the view once the zoom gesture has ended.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`,${Math.round(chosen.k * 10_000) / 10_000}`);
    const hash = await page.evaluate(() => location.hash);
    expect(hash.startsWith('#view?')).toBe(true);
    expect(hash).toContain(`sel=${selected}`);
    expect(hash).toContain('depth=2');
    expect(hash).toContain(`hide-actors=${hiddenActor}`);
    expect(hash).toContain('lang=en');
    const transform = await page.locator(CAMERA).getAttribute('transform');

    const other = await context.newPage();
    await other.goto(`/${hash}`);
    await expect(other.locator(MAP_NODES).first()).toBeVisible();
    const inspector = other.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector).toBeVisible();
    await expect(inspector.locator('.texts [lang="en"] bdi')).toHaveText(nodeById(seed, selected).text.en ?? '');
    await expect(other.locator(`svg.map g[data-node-id="${selected}"]`)).toHaveAttribute('aria-pressed', 'true');
    await expect(other.getByRole('radio', { name: '2', exact: true })).toBeChecked();
    await expect(other.locator(MAP_NODES)).toHaveCount(shownCount);
    await expect(other.getByLabel(actorName(seed, hiddenActor, 'en'), { exact: true })).not.toBeChecked();
    await expect(other.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute('aria-pressed', 'true');
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('en');
    const restored = await waitForCameraToRest(other);
    expect(Math.abs(restored.k - chosen.k), `zoom ${restored.k} vs ${chosen.k}`).toBeLessThan(1e-3);
    expect(Math.abs(restored.x - chosen.x), `camera x: ${transform} vs ${await other.locator(CAMERA).getAttribute('transform')}`).toBeLessThan(1);
    expect(Math.abs(restored.y - chosen.y), 'camera y').toBeLessThan(1);
    // Depth 2 around the selection is what is lit, among the nodes still shown.
    await expect
      .poll(() => litNodeIds(other))
      .toEqual(sorted([...neighbourhoodNodes(seed, selected, 2)].filter((id) => !nodesOfActor(seed, hiddenActor).includes(id))));
  });
});
