/**
 * Presenting a tour: `#present/<tour>/<step>` links, the clicker keys, blanking, leaving, the
 * presenter window kept in step over a BroadcastChannel, and English captions. What each step
 * shows is computed from the JSON with the schema's step rules (helpers-explore.ts).
 */
import type { Page } from '@playwright/test';
import { allNodePositions, type Camera, openApp, waitForCameraToRest, waitForLayoutToRest } from './helpers.ts';
import { drawnEdgeIds, drawnNodeIds, expect, loadSeedWithTours, MAP_NODES, openTab, sorted, stepShown, test, tourById } from './helpers-explore.ts';

const seed = loadSeedWithTours();
const ZHU_VS_FU = tourById(seed, 'zhu-vs-fu');
const HE_VS_TANG = tourById(seed, 'he-vs-tang');

function presentation(page: Page) {
  return page.getByRole('region', { name: '演示' });
}

/** Checks that the presentation shows step `number` (from 1) of a tour, and returns the node transforms. */
async function expectStep(page: Page, tourId: string, number: number, language: 'zh' | 'en' = 'zh'): Promise<Record<string, string>> {
  const tour = tourById(seed, tourId);
  const region = page.getByRole('region', { name: language === 'zh' ? '演示' : 'Presentation' });
  await expect(region.locator('.counter')).toHaveText(`${number} / ${tour.steps.length}`);
  await expect(region.locator('p.caption')).toHaveText(tour.steps[number - 1]!.caption[language] ?? '');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#present/${tourId}/${number}`);
  const shown = stepShown(seed, tour.steps, number - 1);
  await expect(page.locator(MAP_NODES)).toHaveCount(shown.nodes.size);
  expect(await drawnNodeIds(page), `nodes of step ${number}`).toEqual(sorted(shown.nodes));
  expect(await drawnEdgeIds(page), `edges of step ${number}`).toEqual(sorted(shown.edges));
  // A link opens the presentation at once, while the layout may still be streaming in from its worker.
  await waitForLayoutToRest(page);
  return allNodePositions(page);
}

function expectSamePlaces(before: Record<string, string>, after: Record<string, string>): void {
  const moved = Object.keys(after).filter((id) => id in before && before[id] !== after[id]);
  expect(moved, 'nodes that moved between steps').toEqual([]);
}

test.describe('presenting a tour', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a #present link opens the step; the clicker keys move through the tour and nodes never move', async ({ page }) => {
    expect(ZHU_VS_FU.steps).toHaveLength(7);
    await page.goto('/#present/zhu-vs-fu/1');
    await expect(presentation(page)).toBeVisible();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    let places = await expectStep(page, 'zhu-vs-fu', 1);

    const moves: [string, number][] = [
      ['ArrowRight', 2],
      ['Space', 3],
      ['PageDown', 4],
      ['ArrowLeft', 3],
      ['PageUp', 2],
      ['End', 7],
      ['ArrowRight', 7],
      ['Home', 1],
      ['ArrowLeft', 1],
      ['End', 7],
    ];
    for (const [key, number] of moves) {
      await page.keyboard.press(key);
      const next = await expectStep(page, 'zhu-vs-fu', number);
      expectSamePlaces(places, next);
      places = { ...places, ...next };
    }
    // The counter speaks the step, and the progress bar follows it.
    await expect(presentation(page).locator('.counter')).toHaveAttribute('aria-label', '第 7 步，共 7 步');
    await expect(presentation(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '7');
  });

  test('B blanks the screen and B shows it again; Esc leaves for the map', async ({ page }) => {
    await page.goto('/#present/zhu-vs-fu/2');
    await expectStep(page, 'zhu-vs-fu', 2);
    await page.keyboard.press('b');
    const blank = page.getByRole('img', { name: '屏幕已黑屏，按 B 恢复' });
    await expect(blank).toBeVisible();
    const cover = await blank.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { colour: getComputedStyle(element).backgroundColor, width: box.width, height: box.height, top: document.elementFromPoint(innerWidth / 2, innerHeight / 2) === element };
    });
    expect(cover).toEqual({ colour: 'rgb(0, 0, 0)', width: 1400, height: 900, top: true });
    // Blanking does not move the tour.
    await expect(presentation(page).locator('.counter')).toHaveText('2 / 7');
    await page.keyboard.press('B');
    await expect(blank).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(presentation(page)).toHaveCount(0);
    await expect(page.getByRole('tablist', { name: '面板' })).toBeVisible();
    await expect(page.getByRole('button', { name: '适应屏幕' })).toBeVisible();
    await expect(page.locator(MAP_NODES)).toHaveCount(seed.nodes.length);
    const hash = await page.evaluate(() => location.hash);
    expect(hash === '' || hash.startsWith('#view'), `hash after leaving: ${hash}`).toBe(true);
  });

  test('links open other tours and steps; a missing tour is reported; a step past the end is the last', async ({ page }) => {
    await page.goto('/#present/he-vs-tang/3');
    await expectStep(page, 'he-vs-tang', 3);
    expect(HE_VS_TANG.steps).toHaveLength(6);

    await page.goto('about:blank');
    await page.goto('/#present/no-such-tour/1');
    const alert = presentation(page).getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('no-such-tour');
    await expect(page.locator(MAP_NODES)).toHaveCount(0);

    await page.goto('about:blank');
    await page.goto('/#present/zhu-vs-fu/99');
    await expectStep(page, 'zhu-vs-fu', 7);
  });

  test('the presenter window and the audience window follow each other', async ({ page, context }) => {
    await page.goto('/#present/zhu-vs-fu/1');
    await expectStep(page, 'zhu-vs-fu', 1);
    const presenter = await context.newPage();
    await presenter.emulateMedia({ reducedMotion: 'reduce' });
    await presenter.goto('/#presenter/zhu-vs-fu/1');
    const caption = presenter.getByTestId('current-caption');
    const notes = presenter.getByTestId('notes');
    const steps = ZHU_VS_FU.steps;
    await expect(caption).toHaveText(steps[0]!.caption.zh ?? '');
    await expect(notes).toHaveText(steps[0]!.notes?.zh ?? '');
    await expect(presenter.getByTestId('next-caption')).toHaveText(steps[1]!.caption.zh ?? '');

    // The audience window moves: the presenter follows.
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 'zhu-vs-fu', 2);
    await expect(caption).toHaveText(steps[1]!.caption.zh ?? '');
    await expect(notes).toHaveText(steps[1]!.notes?.zh ?? '');
    await expect(presenter.getByText('第 2 步，共 7 步')).toBeVisible();

    // The presenter moves, with its button and with the keyboard: the audience follows.
    await presenter.bringToFront();
    await presenter.getByRole('button', { name: '下一步' }).click();
    await expect(caption).toHaveText(steps[2]!.caption.zh ?? '');
    await expectStep(page, 'zhu-vs-fu', 3);
    await presenter.keyboard.press('ArrowRight');
    await expect(caption).toHaveText(steps[3]!.caption.zh ?? '');
    await expect(notes).toHaveText(steps[3]!.notes?.zh ?? '');
    await expectStep(page, 'zhu-vs-fu', 4);
    await presenter.getByRole('button', { name: '上一步' }).click();
    await expectStep(page, 'zhu-vs-fu', 3);

    // B in the presenter window blanks the audience's screen, and B again shows it.
    await presenter.keyboard.press('b');
    await expect(page.getByRole('img', { name: '屏幕已黑屏，按 B 恢复' })).toBeVisible();
    await expect(presenter.getByRole('button', { name: 'B', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await presenter.keyboard.press('b');
    await expect(page.getByRole('img', { name: '屏幕已黑屏，按 B 恢复' })).toHaveCount(0);

    // A presenter window opened later joins the tour at the step the audience sees.
    const late = await context.newPage();
    await late.goto('/#presenter/zhu-vs-fu/1');
    await expect(late.getByTestId('current-caption')).toHaveText(steps[2]!.caption.zh ?? '');
    await expect(late.getByText('第 3 步，共 7 步')).toBeVisible();
  });

  test('in English the captions are English', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await openTab(page, 'Tours');
    const tour = page.locator('.tour-list > li').filter({ has: page.getByRole('heading', { name: ZHU_VS_FU.title.en ?? '' }) });
    await tour.getByRole('button', { name: '▶ Present' }).click();
    await expect(page.getByRole('region', { name: 'Presentation' })).toBeVisible();
    await expectStep(page, 'zhu-vs-fu', 1, 'en');
    await expect(page.getByRole('region', { name: 'Presentation' }).locator('.tour-title')).toHaveText(ZHU_VS_FU.title.en ?? '');
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 'zhu-vs-fu', 2, 'en');
    await expect(page.getByRole('region', { name: 'Presentation' }).locator('.counter')).toHaveAttribute('aria-label', 'Step 2 of 7');
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
  });
});

/** Presses ArrowRight until the presentation shows step `number` of zhu-vs-fu, and lets the camera settle. */
async function stepForwardTo(page: Page, number: number) {
  for (let step = 2; step <= number; step += 1) {
    await page.keyboard.press('ArrowRight');
    await expect(presentation(page).locator('.counter')).toHaveText(`${step} / ${ZHU_VS_FU.steps.length}`);
  }
  return waitForCameraToRest(page);
}

function expectSameCamera(actual: Camera, expected: Camera, what: string): void {
  expect(Math.abs(actual.x - expected.x), `${what}: camera x ${actual.x} vs ${expected.x}`).toBeLessThan(0.5);
  expect(Math.abs(actual.y - expected.y), `${what}: camera y ${actual.y} vs ${expected.y}`).toBeLessThan(0.5);
  expect(Math.abs(actual.k - expected.k), `${what}: zoom ${actual.k} vs ${expected.k}`).toBeLessThan(1e-4);
}

test.describe('the camera of a step', () => {
  test('a link to a step frames it as arriving at it with the keys does', async ({ page, context }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#present/zhu-vs-fu/1');
    await expectStep(page, 'zhu-vs-fu', 1);
    const arrived = await stepForwardTo(page, 4);

    const linked = await context.newPage();
    await linked.emulateMedia({ reducedMotion: 'reduce' });
    await linked.goto('/#present/zhu-vs-fu/4');
    await expectStep(linked, 'zhu-vs-fu', 4);
    expectSameCamera(await waitForCameraToRest(linked), arrived, 'step 4 opened from a link');
  });

  test('with motion, the camera glides and ends where the reduced-motion camera jumps to', async ({ page, context }) => {
    const still = await context.newPage();
    await still.emulateMedia({ reducedMotion: 'reduce' });
    await still.goto('/#present/zhu-vs-fu/1');
    await expectStep(still, 'zhu-vs-fu', 1);
    const jumped = await stepForwardTo(still, 4);
    await still.close();

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/#present/zhu-vs-fu/1');
    await expectStep(page, 'zhu-vs-fu', 1);
    const before = await stepForwardTo(page, 3);
    expect(before).not.toEqual(jumped);
    // Record the camera on every frame while it moves to step 4.
    const frames = page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          const started = performance.now();
          const tick = () => {
            seen.push(document.querySelector('svg.map > g[transform]')?.getAttribute('transform') ?? '');
            if (performance.now() - started < 1000) requestAnimationFrame(tick);
            else resolve(seen);
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.keyboard.press('ArrowRight');
    const seen = await frames;
    await expectStep(page, 'zhu-vs-fu', 4);
    expectSameCamera(await waitForCameraToRest(page), jumped, 'step 4 reached with motion');
    expect(new Set(seen).size, 'distinct camera transforms while gliding').toBeGreaterThan(3);
  });
});
