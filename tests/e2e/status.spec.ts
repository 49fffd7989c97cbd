/**
 * Which claims stand: every node's status badge, the Status panel's counts and extensions,
 * colouring by status, and what-if assumptions. Expected labels come from a small grounded
 * labelling written in helpers-explore.ts and run on the JSON file.
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
  test('every node carries the badge of its grounded label, and the panel counts them', async ({ page }) => {
    // Spot checks of the little labelling itself.
    expect(LABELS.get('zhu-startups-destroyed')).toBe('OUT');
    expect(LABELS.get('tang-vertical-cheaper')).toBe('OUT');
    expect(LABELS.get('he-vertical-not-cheap')).toBe('IN');
    expect(LABELS.get('fu-new-opportunities')).toBe('IN');

    await openApp(page);
    await expect(page.locator(`${MAP_NODES} g.badge-in, ${MAP_NODES} g.badge-out, ${MAP_NODES} g.badge-undec`)).toHaveCount(seed.nodes.length);
    expect(await badgeLabels(page)).toEqual(expectedBadges(LABELS));
    // The badge says its status in words.
    await expect(mapNode(page, 'zhu-startups-destroyed').locator('g.badge-out text')).toHaveText(STATUS_TEXT.OUT);
    await expect(mapNode(page, 'fu-new-opportunities').locator('g.badge-in text')).toHaveText(STATUS_TEXT.IN);

    await openTab(page, '论证状态');
    for (const label of ['IN', 'OUT', 'UNDEC'] as const) {
      await expect(page.locator(`.counts .count-${TONE[label]} strong`)).toHaveText(String(count(LABELS, label)));
      expect(await page.locator(`${MAP_NODES} g.badge-${TONE[label]}`).count()).toBe(count(LABELS, label));
    }

    // The inspector names the status too.
    await selectByKeyboard(page, 'tang-vertical-cheaper');
    await expect(page.getByRole('complementary').locator('.status-label')).toHaveText('不成立');
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
    expect(coloured['zhu-startups-destroyed']).not.toBe(coloured['fu-new-opportunities']);
    expect(plain['zhu-startups-destroyed']).toBe(plain['fu-new-opportunities']);

    await toggle.uncheck();
    await expect.poll(fills).toEqual(plain);
  });

  test('supposing a claim rejected relabels the map at once; the panel lists it and clearing restores', async ({ page }) => {
    const rejectFu = new Map([['fu-new-opportunities', 'rejected' as const]]);
    const rejectBoth = new Map([...rejectFu, ['lead-startups-flexible', 'rejected' as const]]);
    const underFu = groundedLabels(seed, rejectFu);
    const underBoth = groundedLabels(seed, rejectBoth);
    expect(underFu.get('fu-new-opportunities')).toBe('OUT');
    // 朱啸虎's claim is attacked by lead-startups-flexible as well (e-64), which still stands.
    expect(underFu.get('zhu-startups-destroyed')).toBe('OUT');
    expect(underBoth.get('zhu-startups-destroyed')).toBe('IN');

    await openApp(page);
    await openTab(page, '论证状态');
    await expect(page.getByText('尚无假设。', { exact: false })).toBeVisible();

    await selectByKeyboard(page, 'fu-new-opportunities');
    const inspector = page.getByRole('complementary');
    await expect(inspector.locator('.status-label')).toHaveText('成立');
    await inspector.getByRole('button', { name: '假设被否定' }).click();
    await expect(inspector.getByRole('button', { name: '假设被否定' })).toHaveAttribute('aria-pressed', 'true');
    await expect(mapNode(page, 'fu-new-opportunities').locator('g.badge-out')).toHaveCount(1);
    await expect(mapNode(page, 'fu-new-opportunities').locator('g.badge-assumed')).toHaveCount(1);
    expect(await badgeLabels(page)).toEqual(expectedBadges(underFu));
    await expect(inspector.locator('.status-label')).toHaveText('不成立');

    const assumptions = page.locator('ul.assumptions li');
    await expect(assumptions).toHaveCount(1);
    await expect(assumptions.first()).toContainText('假设被否定：');
    await expect(assumptions.first()).toContainText(nodeById(seed, 'fu-new-opportunities').text.zh ?? '');

    // Reject the other attacker too: now 朱啸虎's claim stands.
    await selectByKeyboard(page, 'lead-startups-flexible');
    await page.getByRole('complementary').getByRole('button', { name: '假设被否定' }).click();
    await expect(mapNode(page, 'zhu-startups-destroyed').locator('g.badge-in')).toHaveCount(1);
    expect(await badgeLabels(page)).toEqual(expectedBadges(underBoth));
    await expect(assumptions).toHaveCount(2);
    await expect(page.locator(`.counts .count-in strong`)).toHaveText(String(count(underBoth, 'IN')));

    // Clearing one assumption, then all, restores the map's own labels.
    await assumptions.filter({ hasText: nodeById(seed, 'lead-startups-flexible').text.zh ?? '' }).getByRole('button', { name: '取消', exact: true }).click();
    await expect(assumptions).toHaveCount(1);
    await expect(mapNode(page, 'zhu-startups-destroyed').locator('g.badge-out')).toHaveCount(1);
    expect(await badgeLabels(page)).toEqual(expectedBadges(underFu));
    await page.getByRole('button', { name: '取消所有假设' }).click();
    await expect(assumptions).toHaveCount(0);
    await expect(mapNode(page, 'fu-new-opportunities').locator('g.badge-in')).toHaveCount(1);
    await expect(page.locator(`${MAP_NODES} g.badge-assumed`)).toHaveCount(0);
    expect(await badgeLabels(page)).toEqual(expectedBadges(LABELS));
  });

  test('the extensions list shows grounded, complete, preferred and stable, each the grounded one here', async ({ page }) => {
    // Without a cycle of attacks the four semantics agree on one extension: the IN nodes.
    expect(attacksHaveCycle(seed)).toBe(false);
    const grounded = seed.nodes.filter((node) => LABELS.get(node.id) === 'IN').map((node) => node.text.zh ?? '').sort();

    await openApp(page);
    await openTab(page, '论证状态');
    const sections = page.locator('section[aria-labelledby="extensions-heading"] details');
    await expect(sections).toHaveCount(4);
    const names = ['基础外延（grounded）', '完全外延（complete）', '优先外延（preferred）', '稳定外延（stable）'];
    for (const [index, name] of names.entries()) {
      const section = sections.nth(index);
      await expect(section.locator('summary')).toHaveText(`${name} · 1 个`);
      await expect(section.locator('ol > li')).toHaveCount(1);
      const chips = await section.locator('ol > li button.chip').allTextContents();
      expect(chips.sort(), `${name}: the extension's members`).toEqual(grounded);
    }
  });
});
