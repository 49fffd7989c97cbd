/**
 * Which claims stand: every node's status badge, the reason the inspector gives for it, the
 * Status panel's counts and extensions, colouring by status, and what-if assumptions with the
 * statuses they change. Expected labels come from a small grounded labelling written in
 * helpers-explore.ts and run on the JSON file.
 */
import type { Page } from '@playwright/test';
import { loadSeed, nodeById, openApp } from './helpers.ts';
import { attacksHaveCycle, expect, groundedLabels, type Label, MAP_NODES, mapNode, openTab, selectByKeyboard, test } from './helpers-explore.ts';

const seed = loadSeed();
const LABELS = groundedLabels(seed);
const TONE: Record<Label, string> = { IN: 'in', OUT: 'out', UNDEC: 'undec' };
const STATUS_TEXT: Record<Label, string> = { IN: '成立', OUT: '不成立', UNDEC: '未定' };

/** The status each node's badge shows, read from the map. */
async function badgeLabels(page: Page): Promise<Record<string, string[]>> {
  return page.locator(MAP_NODES).evaluateAll((groups) =>
    Object.fromEntries(
      groups.map((group) => [
        group.getAttribute('data-node-id') ?? '',
        [...group.querySelectorAll(':scope > g.badge')].flatMap((badge) =>
          [...badge.classList].filter((name) => name === 'badge-in' || name === 'badge-out' || name === 'badge-undec').map((name) => name.slice('badge-'.length)),
        ),
      ]),
    ),
  );
}

function expectedBadges(labels: ReadonlyMap<string, Label>): Record<string, string[]> {
  return Object.fromEntries([...labels].map(([id, label]) => [id, [TONE[label]]]));
}

function count(labels: ReadonlyMap<string, Label>, label: Label): number {
  return [...labels.values()].filter((value) => value === label).length;
}

test.describe('argument status', () => {
  test('every node carries the badge of its grounded label, the panel counts them, and the article’s clashes stay undecided', async ({ page }) => {
    // Spot checks of the little labelling itself: the article names no winner in either clash.
    for (const id of ['zhu-startups-destroyed', 'fu-new-opportunities', 'tang-vertical-cheaper', 'he-vertical-not-cheap']) expect(LABELS.get(id), id).toBe('UNDEC');
    expect(LABELS.get('ind-outlook-clear')).toBe('IN');
    expect(LABELS.get('tian-capital-threshold')).not.toBe('OUT');

    await openApp(page);
    await expect(page.locator(`${MAP_NODES} g.badge-in, ${MAP_NODES} g.badge-out, ${MAP_NODES} g.badge-undec`)).toHaveCount(seed.nodes.length);
    expect(await badgeLabels(page)).toEqual(expectedBadges(LABELS));
    // The badge says its status in words.
    await expect(mapNode(page, 'zhu-startups-destroyed').locator('g.badge-undec text')).toHaveText(STATUS_TEXT.UNDEC);
    await expect(mapNode(page, 'ind-outlook-clear').locator('g.badge-in text')).toHaveText(STATUS_TEXT.IN);

    await openTab(page, '论证状态');
    for (const label of ['IN', 'OUT', 'UNDEC'] as const) {
      await expect(page.locator(`.counts .count-${TONE[label]} strong`)).toHaveText(String(count(LABELS, label)));
      expect(await page.locator(`${MAP_NODES} g.badge-${TONE[label]}`).count()).toBe(count(LABELS, label));
    }
    // Two plain sentences explain the statuses; the first has no jargon.
    const sentences = page.locator('.status-panel > p.explain');
    await expect(sentences).toHaveCount(2);
    await expect(sentences.first()).not.toContainText(/Dung|外延|语义|IN|OUT/);
  });

  test('the inspector gives each status its reason, with links to the nodes it names', async ({ page }) => {
    await openApp(page);
    await selectByKeyboard(page, 'tang-vertical-cheaper');
    const inspector = page.getByRole('complementary');
    await expect(inspector.locator('.status-label')).toHaveText('未定');
    const he = nodeById(seed, 'he-vertical-not-cheap').text.zh ?? '';
    await expect(inspector.locator('.reason')).toHaveText(`与 ${he} 互相反驳，无法决出`);
    // The two attacks are one relation, listed once.
    await expect(inspector.locator('li.relation-mutual')).toHaveCount(1);
    await expect(inspector.locator('li.relation-mutual .phrase')).toHaveText('互相反驳');
    await inspector.locator('.reason').getByRole('button', { name: he }).click();
    await expect(mapNode(page, 'he-vertical-not-cheap')).toHaveAttribute('aria-pressed', 'true');
    await expect(inspector.locator('.reason')).toContainText('互相反驳，无法决出');

    // A claim nothing rebuts stands, and says so; in English too.
    await selectByKeyboard(page, 'ind-outlook-clear');
    await expect(inspector.locator('.reason')).toHaveText('没有受到反驳');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(inspector.locator('.reason')).toHaveText('nothing rebuts it');
    await page.getByRole('button', { name: '中文', exact: true }).click();

    // A claim that falls names the claim that stands against it.
    await selectByKeyboard(page, 'fu-new-opportunities');
    await inspector.getByRole('button', { name: '假设成立' }).click();
    await selectByKeyboard(page, 'zhu-startups-destroyed');
    await expect(inspector.locator('.status-label')).toHaveText('不成立');
    // 傅盛's claim stands by supposition, and with 朱啸虎's claim down, so does the tech lead's
    // remark it was in a standoff with.
    const by = [nodeById(seed, 'fu-new-opportunities').text.zh ?? '', nodeById(seed, 'lead-startups-flexible').text.zh ?? ''].join('、');
    await expect(inspector.locator('.reason')).toHaveText(`被 ${by} 反驳，而 ${by} 成立`);
  });

  test('colour mode fills every node by its status, and turning it off restores the kind colours', async ({ page }) => {
    await openApp(page);
    const fills = () =>
      page.locator(`${MAP_NODES} rect.outline`).evaluateAll((rects) =>
        Object.fromEntries(rects.map((rect) => [rect.parentElement?.getAttribute('data-node-id') ?? '', (rect.getAttribute('fill') ?? '').toLowerCase()])),
      );
    const plain = await fills();
    await openTab(page, '论证状态');
    const toggle = page.getByLabel('按论证状态着色');
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect.poll(async () => JSON.stringify(await fills())).not.toBe(JSON.stringify(plain));
    const coloured = await fills();
    // One colour per status, the same for every node of it, different between statuses.
    const colourOf = new Map<Label, Set<string>>();
    for (const [id, label] of LABELS) colourOf.set(label, new Set([...(colourOf.get(label) ?? []), coloured[id] ?? '']));
    for (const [label, colours] of colourOf) expect(colours.size, `fills of ${label} nodes: ${[...colours].join(', ')}`).toBe(1);
    const distinct = new Set([...colourOf.values()].map((colours) => [...colours][0]));
    expect(distinct.size).toBe(colourOf.size);
    // Nodes of the same kind but different status now differ.
    expect(coloured['zhu-startups-destroyed']).not.toBe(coloured['ind-outlook-clear']);
    expect(plain['zhu-startups-destroyed']).toBe(plain['ind-outlook-clear']);

    await toggle.uncheck();
    await expect.poll(fills).toEqual(plain);
  });

  test('supposing claims rejected relabels the map at once, lists what changed, and clearing restores', async ({ page }) => {
    const rejectFu = new Map([['fu-new-opportunities', 'rejected' as const]]);
    const rejectBoth = new Map([...rejectFu, ['lead-startups-flexible', 'rejected' as const]]);
    const underFu = groundedLabels(seed, rejectFu);
    const underBoth = groundedLabels(seed, rejectBoth);
    expect(underFu.get('fu-new-opportunities')).toBe('OUT');
    // 朱啸虎's claim is also in a standoff with lead-startups-flexible (e-64, e-79).
    expect(underFu.get('zhu-startups-destroyed')).toBe('UNDEC');
    expect(underBoth.get('zhu-startups-destroyed')).toBe('IN');
    const changedUnder = (labels: ReadonlyMap<string, Label>, assumed: ReadonlyMap<string, unknown>) =>
      seed.nodes.filter((node) => !assumed.has(node.id) && labels.get(node.id) !== LABELS.get(node.id)).map((node) => node.id);

    await openApp(page);
    await openTab(page, '论证状态');
    await expect(page.getByText('尚无假设。', { exact: false })).toBeVisible();

    await selectByKeyboard(page, 'fu-new-opportunities');
    const inspector = page.getByRole('complementary');
    await expect(inspector.locator('.status-label')).toHaveText('未定');
    await inspector.getByRole('button', { name: '假设被否定' }).click();
    await expect(inspector.getByRole('button', { name: '假设被否定' })).toHaveAttribute('aria-pressed', 'true');
    await expect(mapNode(page, 'fu-new-opportunities').locator('g.badge-out')).toHaveCount(1);
    await expect(mapNode(page, 'fu-new-opportunities').locator('g.badge-assumed')).toHaveCount(1);
    expect(await badgeLabels(page)).toEqual(expectedBadges(underFu));
    await expect(inspector.locator('.status-label')).toHaveText('不成立');
    await expect(inspector.locator('.reason')).toHaveText('你假设它被否定');
    // The inspector and the Status tab say which claims changed.
    const changedFu = changedUnder(underFu, rejectFu);
    const summary = (count: number) => (count === 1 ? '1 个主张的状态随之改变' : `${count} 个主张的状态随之改变`);
    await expect(inspector.locator('.status-changes .summary')).toHaveText(changedFu.length === 0 ? '没有其他主张的状态改变' : summary(changedFu.length));
    const changesTab = page.getByRole('region', { name: '状态变化' });
    await expect(changesTab.locator('li')).toHaveCount(changedFu.length);

    const assumptions = page.locator('ul.assumptions li');
    await expect(assumptions).toHaveCount(1);
    await expect(assumptions.first()).toContainText('假设被否定：');
    await expect(assumptions.first()).toContainText(nodeById(seed, 'fu-new-opportunities').text.zh ?? '');

    // Reject the other side of 朱啸虎's second standoff too: now his claim stands.
    await selectByKeyboard(page, 'lead-startups-flexible');
    await page.getByRole('complementary').getByRole('button', { name: '假设被否定' }).click();
    await expect(mapNode(page, 'zhu-startups-destroyed').locator('g.badge-in')).toHaveCount(1);
    expect(await badgeLabels(page)).toEqual(expectedBadges(underBoth));
    await expect(assumptions).toHaveCount(2);
    await expect(page.locator(`.counts .count-in strong`)).toHaveText(String(count(underBoth, 'IN')));
    const changedBoth = changedUnder(underBoth, rejectBoth);
    expect(changedBoth).toContain('zhu-startups-destroyed');
    await expect(changesTab.locator('.summary')).toHaveText(summary(changedBoth.length));
    expect((await changesTab.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-node-id')))).sort()).toEqual(changedBoth.sort());
    await expect(changesTab.locator('li[data-node-id="zhu-startups-destroyed"]')).toContainText('未定 → 成立');

    // Clearing one assumption, then all, restores the map's own labels.
    await assumptions.filter({ hasText: nodeById(seed, 'lead-startups-flexible').text.zh ?? '' }).getByRole('button', { name: '取消', exact: true }).click();
    await expect(assumptions).toHaveCount(1);
    await expect(mapNode(page, 'zhu-startups-destroyed').locator('g.badge-undec')).toHaveCount(1);
    expect(await badgeLabels(page)).toEqual(expectedBadges(underFu));
    await page.getByRole('button', { name: '取消所有假设' }).click();
    await expect(assumptions).toHaveCount(0);
    await expect(changesTab).toHaveCount(0);
    await expect(mapNode(page, 'fu-new-opportunities').locator('g.badge-undec')).toHaveCount(1);
    await expect(page.locator(`${MAP_NODES} g.badge-assumed`)).toHaveCount(0);
    expect(await badgeLabels(page)).toEqual(expectedBadges(LABELS));
  });

  test('the extensions list shows grounded, complete, preferred and stable; the clashes give several preferred ones', async ({ page }) => {
    // Two-way rebuttals are cycles of attacks: the semantics now differ.
    expect(attacksHaveCycle(seed)).toBe(true);
    const grounded = seed.nodes.filter((node) => LABELS.get(node.id) === 'IN').map((node) => node.text.zh ?? '').sort();

    await openApp(page);
    await openTab(page, '论证状态');
    const sections = page.locator('section[aria-labelledby="extensions-heading"] details');
    await expect(sections).toHaveCount(4);
    const names = ['基础外延（grounded）', '完全外延（complete）', '优先外延（preferred）', '稳定外延（stable）'];
    await expect(sections.first().locator('summary')).toHaveText(`${names[0]} · 1 个`);
    const chips = await sections.first().locator('ol > li button.chip').allTextContents();
    expect(chips.sort(), 'the grounded extension is the IN nodes').toEqual(grounded);
    for (const [index, name] of names.entries()) await expect(sections.nth(index).locator('summary')).toContainText(name);
    // Each preferred extension takes a side in every standoff: more than one, each bigger than the grounded one.
    const preferred = sections.nth(2);
    const preferredCount = Number(/· (\d+) 个/.exec((await preferred.locator('summary').textContent()) ?? '')?.[1]);
    expect(preferredCount).toBeGreaterThan(1);
    const first = await preferred.locator('ol > li').first().locator('button.chip').allTextContents();
    expect(first.length).toBeGreaterThan(grounded.length);
    expect(grounded.every((text) => first.includes(text))).toBe(true);
  });
});
