/**
 * The Tours panel: the list of tours, handouts (a zip of one SVG per step), the print view, the
 * tour editor and saving the map and its layout. Downloads are read back and checked against
 * the JSON file and the step rules (helpers-explore.ts); a saved map must load again.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { loadMapText } from '../../src/core/load-map.ts';
import { allNodePositions, analyseSvg, downloadedText, openApp, parseTranslate, waitForLayoutToRest } from './helpers.ts';
import {
  actorName, expect, group, loadSeedWithTours, MAP_NODES, nodesOfActor, openTab, type SavedNode, type SeedMapWithTours, type SeedStep, sorted, stepShown, test, tourById,
} from './helpers-explore.ts';

const seed = loadSeedWithTours();
const ZHU_VS_FU = tourById(seed, 'zhu-vs-fu');

function tourItem(page: Page, title: string) {
  return page.locator('.tour-list > li').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await click();
  return downloading;
}

test.describe('the tours panel', () => {
  test('lists the three tours with their step counts', async ({ page }) => {
    await openApp(page);
    await openTab(page, '导览');
    const items = page.locator('.tour-list > li');
    await expect(items).toHaveCount(seed.tours?.length ?? 0);
    expect(seed.tours?.map((tour) => tour.id)).toEqual(['overview', 'zhu-vs-fu', 'he-vs-tang']);
    for (const [index, tour] of (seed.tours ?? []).entries()) {
      await expect(items.nth(index).getByRole('heading')).toHaveText(tour.title.zh ?? '');
      await expect(items.nth(index).locator('.steps')).toHaveText(`${tour.steps.length} 步`);
      await expect(items.nth(index).getByRole('button', { name: '▶ 演示' })).toBeVisible();
    }
  });

  test('"讲义 (.zip)" downloads one well-formed SVG per step, each with that step’s nodes, and a README', async ({ page }) => {
    await openApp(page);
    await openTab(page, '导览');
    const download = await downloadFrom(page, () => tourItem(page, ZHU_VS_FU.title.zh ?? '').getByRole('button', { name: '讲义 (.zip)' }).click());
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const names = Object.keys(files).sort();
    const svgs = names.filter((name) => name.endsWith('.svg'));
    expect(svgs).toHaveLength(ZHU_VS_FU.steps.length);
    expect(names).toEqual([...svgs, 'README.txt'].sort());

    for (const [index, name] of svgs.entries()) {
      const text = strFromU8(files[name]!);
      const svg = await analyseSvg(page, text);
      expect(svg.parserErrors, `${name} is well-formed XML`).toBe(0);
      expect(svg.rootName).toBe('svg');
      const shown = stepShown(seed, ZHU_VS_FU.steps, index);
      expect(sorted(svg.nodes.map((node) => node.id)), `nodes of ${name}`).toEqual(sorted(shown.nodes));
      expect(sorted(svg.edgeIds), `edges of ${name}`).toEqual(sorted(shown.edges));
      expect(text).toContain(ZHU_VS_FU.steps[index]!.caption.zh ?? '');
      expect(svg.activeElements).toEqual([]);
    }
    const readme = strFromU8(files['README.txt']!);
    for (const [index, step] of ZHU_VS_FU.steps.entries()) {
      expect(readme).toContain(svgs[index]!);
      expect(readme).toContain(step.caption.zh ?? '');
    }
  });

  test('the print view has one section per step with its caption and its picture', async ({ page }) => {
    await page.goto('/#print/zhu-vs-fu');
    const sections = page.locator('section.page');
    await expect(sections).toHaveCount(ZHU_VS_FU.steps.length);
    for (const [index, step] of ZHU_VS_FU.steps.entries()) {
      const section = sections.nth(index);
      await expect(section).toHaveAttribute('aria-label', `第 ${index + 1} 步，共 ${ZHU_VS_FU.steps.length} 步`);
      await expect(section.locator('p.caption')).toHaveText(step.caption.zh ?? '');
      await expect(section.locator('p.notes')).toHaveText(step.notes?.zh ?? '');
      const image = section.locator('img');
      await expect(image).toHaveAttribute('alt', step.caption.zh ?? '');
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0), { message: `picture of step ${index + 1}` }).toBe(true);
    }
    await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
  });
});

test.describe('editing tours and saving', () => {
  test('edits to a tour are saved in the map file, which loads again', async ({ page }) => {
    const NEW_CAPTION = 'Zhu Xiaohu, first reason: everything sits with the big firms';
    const hiddenActor = 'tu-weiwei';

    await openApp(page);
    await openTab(page, '导览');
    const edit = tourItem(page, ZHU_VS_FU.title.zh ?? '').getByRole('button', { name: '编辑' });
    await edit.click();
    const editor = page.getByRole('region', { name: '导览编辑器' });
    const steps = editor.locator('ol.step-list > li');
    await expect(steps).toHaveCount(7);

    // 1. A new English caption for step 2.
    const caption = steps.nth(1).getByLabel('说明 (English)');
    await expect(caption).toHaveValue(ZHU_VS_FU.steps[1]!.caption.en ?? '');
    await caption.fill(NEW_CAPTION);
    await caption.blur();
    await expect(steps.nth(1).getByLabel('说明 (English)')).toHaveValue(NEW_CAPTION);
    // 2. Step 3 moves down.
    await steps.nth(2).getByRole('button', { name: '下移' }).click();
    await expect(steps.nth(2).getByLabel('说明 (中文)')).toHaveValue(ZHU_VS_FU.steps[3]!.caption.zh ?? '');
    await expect(steps.nth(3).getByLabel('说明 (中文)')).toHaveValue(ZHU_VS_FU.steps[2]!.caption.zh ?? '');
    // 3. Step 5 goes.
    await steps.nth(4).getByRole('button', { name: '删除' }).click();
    await expect(steps).toHaveCount(6);
    // 4. Hide a speaker, then record the view as a new step.
    await openTab(page, '浏览');
    await group(page, '发言者').getByLabel(actorName(seed, hiddenActor), { exact: true }).uncheck();
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length - nodesOfActor(seed, hiddenActor).length);
    await openTab(page, '导览');
    if ((await edit.getAttribute('aria-pressed')) !== 'true') await edit.click();
    await expect(steps).toHaveCount(6);
    await editor.getByRole('button', { name: '把当前视图记为新步骤' }).click();
    await expect(steps).toHaveCount(7);
    await expect(steps.nth(6).getByLabel('说明 (中文)')).toHaveValue('第 7 步');
    await expect(tourItem(page, ZHU_VS_FU.title.zh ?? '').locator('.steps')).toHaveText('7 步');

    const download = await downloadFrom(page, () => page.getByRole('button', { name: '保存地图 (.json)' }).click());
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const text = await downloadedText(download);
    const loaded = loadMapText(text);
    expect(loaded.ok, `the saved map loads again: ${JSON.stringify(loaded.ok ? [] : loaded.problems)}`).toBe(true);
    const saved = JSON.parse(text) as SeedMapWithTours;

    // The edits, applied to the seed's steps by hand.
    const original = structuredClone(ZHU_VS_FU.steps);
    const expected: SeedStep[] = structuredClone(original);
    expected[1]!.caption = { ...expected[1]!.caption, en: NEW_CAPTION };
    [expected[2], expected[3]] = [expected[3]!, expected[2]!];
    const moved = structuredClone(expected);
    expected.splice(4, 1);
    const savedTour = tourById(saved, 'zhu-vs-fu');
    expect(savedTour.steps).toHaveLength(7);
    expect(savedTour.title).toEqual(ZHU_VS_FU.title);
    for (let index = 0; index < 6; index += 1) {
      const step = savedTour.steps[index]!;
      expect(step.caption, `caption of step ${index + 1}`).toEqual(expected[index]!.caption);
      expect(step.focus ?? [], `focus of step ${index + 1}`).toEqual(expected[index]!.focus ?? []);
      // Every step shows what it showed before the deletion: the deleted step's reveal moved to the next.
      const before = stepShown(seed, moved, index < 4 ? index : index + 1);
      const after = stepShown(seed, savedTour.steps, index);
      expect(sorted(after.nodes), `nodes shown at step ${index + 1}`).toEqual(sorted(before.nodes));
      if (index !== 4) expect(step.reveal ?? [], `reveal of step ${index + 1}`).toEqual(expected[index]!.reveal ?? []);
    }
    expect(savedTour.steps[1]!.caption.zh).toBe(ZHU_VS_FU.steps[1]!.caption.zh);

    // The recorded step brings what is on screen and not yet shown, without the hidden speaker.
    const recorded = savedTour.steps[6]!;
    const onScreen = seed.nodes.map((node) => node.id).filter((id) => !nodesOfActor(seed, hiddenActor).includes(id));
    const shownBefore = stepShown(seed, savedTour.steps, 5).nodes;
    expect(sorted(recorded.reveal ?? [])).toEqual(sorted(onScreen.filter((id) => !shownBefore.has(id))));
    expect((recorded.reveal ?? []).filter((id) => nodesOfActor(seed, hiddenActor).includes(id))).toEqual([]);
    expect(recorded.caption).toEqual({ zh: '第 7 步', en: 'Step 7' });
    expect(recorded.camera).toBeDefined();
    expect([recorded.camera!.x, recorded.camera!.y, recorded.camera!.zoom].every(Number.isFinite)).toBe(true);

    // Nothing else changed.
    expect(saved.tours?.filter((tour) => tour.id !== 'zhu-vs-fu')).toEqual(seed.tours?.filter((tour) => tour.id !== 'zhu-vs-fu'));
    expect(saved.nodes.map((node) => node.id)).toEqual(seed.nodes.map((node) => node.id));
    expect(saved.edges).toEqual(seed.edges);
  });

  test('"保存布局" saves every node at the place it has on screen', async ({ page }) => {
    await openApp(page);
    await openTab(page, '导览');
    await waitForLayoutToRest(page);
    const onScreen = await allNodePositions(page);
    const download = await downloadFrom(page, () => page.getByRole('button', { name: '保存布局' }).click());
    const text = await downloadedText(download);
    expect(loadMapText(text).ok).toBe(true);
    const saved = JSON.parse(text) as SeedMapWithTours & { nodes: SavedNode[] };
    expect(saved.nodes).toHaveLength(seed.nodes.length);
    const off: string[] = [];
    for (const node of saved.nodes) {
      const place = parseTranslate(onScreen[node.id] ?? null);
      if (!node.position || Math.abs(node.position.x - place.x) > 0.1 || Math.abs(node.position.y - place.y) > 0.1) {
        off.push(`${node.id}: saved ${JSON.stringify(node.position)}, on screen ${place.x},${place.y}`);
      }
    }
    expect(off, 'nodes saved away from their place on screen').toEqual([]);
    // The map on screen stays where it was.
    await waitForLayoutToRest(page);
    const after = await allNodePositions(page);
    for (const node of saved.nodes) {
      const place = parseTranslate(after[node.id] ?? null);
      expect(Math.abs(place.x - node.position!.x), `${node.id} x after saving`).toBeLessThanOrEqual(0.1);
      expect(Math.abs(place.y - node.position!.y), `${node.id} y after saving`).toBeLessThanOrEqual(0.1);
    }
  });
});
