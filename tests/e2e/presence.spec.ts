/**
 * Presence and meetings in a shared room (issue 16 §3–§4), two and three people in browser contexts
 * of their own against a real `argmap serve` (helpers-collab.ts): who is here, each person's
 * selection as a ring on the others' maps, following someone's view, and an audience following a
 * presenter's tour step, looking around, and going back to the presenter.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { camera, findBackgroundPoint, dragMouse, loadSeed, MAP_SVG, parseCamera, waitForCameraToRest } from './helpers.ts';
import { createSeedRoom, expectConnected, removeDir, startServe, tempDir, type Links, type ServeProcess } from './helpers-collab.ts';

const seed = loadSeed() as ReturnType<typeof loadSeed> & { tours: { id: string; steps: { caption: { zh: string } }[] }[] };
const OVERVIEW = seed.tours.find((tour) => tour.id === 'overview')!;

// Two or three browsers, each joining the room, on a machine the other test files share.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: ServeProcess;
let dataDir: string;
let links: Links;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  dataDir = tempDir('argmap-e2e-presence-');
  server = await startServe({ dataDir });
});

test.beforeEach(async () => {
  links = await createSeedRoom(server.url);
});

test.afterAll(async () => {
  await server?.stop();
  removeDir(dataDir);
});

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

const peopleList = (page: Page) => page.locator('section.presence-list');

/** Someone in a browser context of their own, in the room, who gives their name when asked. */
async function person(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await expectConnected(page, 30_000);
  await expect(page.locator('svg.map g[data-node-id]').first()).toBeVisible();
  const field = peopleList(page).getByLabel('你的名字（房间里的人会看到）');
  await field.fill(name);
  await peopleList(page).getByRole('button', { name: '确定' }).click();
  await expect(field).toHaveCount(0);
  return page;
}

const peerEntry = (page: Page, name: string) => peopleList(page).locator('li[data-peer]', { hasText: name });

test('the list shows everyone’s name; a name is asked once and kept; a hostile name is only text', async ({ browser }) => {
  const alice = await person(browser, links.edit, 'Alice');
  const dialogs: string[] = [];
  alice.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)>Bob';
  const bob = await person(browser, links.edit, hostile);
  await expect(peerEntry(alice, 'Bob')).toHaveCount(1);
  await expect(peerEntry(alice, 'Bob').locator('.name')).toHaveText(hostile);
  await expect(peerEntry(bob, 'Alice')).toHaveCount(1);
  await expect(peopleList(alice).locator('h2')).toHaveText('房间里的人（2）');
  expect(await alice.locator('section.presence-list img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  // Two people, two colours.
  const swatches = await peopleList(alice).locator('.swatch').evaluateAll((all) => all.map((swatch) => getComputedStyle(swatch).backgroundColor));
  expect(new Set(swatches).size).toBe(2);

  // A reload asks no more: the name is remembered in this browser, and the others see it again.
  await alice.reload();
  await expectConnected(alice);
  await expect(peopleList(alice).locator('li.me .name')).toHaveText('Alice');
  await expect(peopleList(alice).getByLabel('你的名字（房间里的人会看到）')).toHaveCount(0);
  await expect(peerEntry(bob, 'Alice')).toHaveCount(1);
});

test('a person’s selection is a ring in their colour on the other’s map', async ({ browser }) => {
  const alice = await person(browser, links.edit, 'Alice');
  const bob = await person(browser, links.edit, 'Bob');
  const id = seed.nodes[0]!.id;
  await alice.locator(`svg.map g[data-node-id="${id}"]`).click();
  const mark = bob.locator(`svg.map .peer-mark[data-peer-node="${id}"]`);
  await expect(mark).toHaveCount(1);
  await expect(mark.locator('.peer-tag text')).toHaveText('Alice');
  const colour = await peerEntry(bob, 'Alice').locator('.swatch').evaluate((swatch) => getComputedStyle(swatch).backgroundColor);
  const ring = await mark.locator('.peer-ring').getAttribute('stroke');
  expect(colour).toBe(hexToRgb(ring!));

  // Typing in the node's text (the inspector) shows as "Alice 正在输入…" on Bob's map.
  await alice.locator('button.edit-toggle').click();
  await alice.getByLabel('中文文本').pressSequentially('！');
  await expect(mark.locator('.peer-tag text')).toHaveText('Alice 正在输入…');
  await alice.getByLabel('中文文本').blur();
  await expect(mark.locator('.peer-tag text')).toHaveText('Alice');

  // Clearing the selection removes the ring.
  await alice.locator(MAP_SVG).press('Escape');
  await expect(mark).toHaveCount(0);
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

test('Follow moves the camera where the other person looks, until one pans oneself', async ({ browser }) => {
  const alice = await person(browser, links.edit, 'Alice');
  const bob = await person(browser, links.edit, 'Bob');
  await peerEntry(bob, 'Alice').getByRole('button', { name: '跟随' }).click();
  await expect(bob.getByRole('status').filter({ hasText: '正在跟随 Alice' })).toBeVisible();

  // Alice zooms in and pans; Bob's view (the same size of window) goes to the same place.
  const frame = (await alice.locator(MAP_SVG).boundingBox())!;
  await alice.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
  await alice.mouse.wheel(0, -400);
  const from = await findBackgroundPoint(alice, -150, -80);
  await dragMouse(alice, from, { x: from.x - 150, y: from.y - 80 });
  const aliceCamera = await waitForCameraToRest(alice);
  await expect.poll(async () => {
    const bobCamera = await camera(bob);
    return Math.abs(bobCamera.k - aliceCamera.k) < 0.01 && Math.abs(bobCamera.x - aliceCamera.x) < 2 && Math.abs(bobCamera.y - aliceCamera.y) < 2;
  }, { timeout: 5000 }).toBe(true);

  // Bob pans himself: following stops, and Alice's next move leaves Bob's view alone.
  const bobFrom = await findBackgroundPoint(bob, 100, 0);
  await dragMouse(bob, bobFrom, { x: bobFrom.x + 100, y: bobFrom.y });
  await expect(bob.getByRole('status').filter({ hasText: '正在跟随' })).toHaveCount(0);
  const bobCamera = await waitForCameraToRest(bob);
  await alice.mouse.wheel(0, 300);
  await waitForCameraToRest(alice);
  await bob.waitForTimeout(500);
  expect(await camera(bob)).toEqual(bobCamera);
});

async function startOverviewTour(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '导览', exact: true }).click();
  await page.locator('.tour-list > li').first().getByRole('button', { name: '▶ 演示' }).click();
}

const presentation = (page: Page) => page.getByRole('region', { name: '演示' });
const caption = (page: Page) => presentation(page).locator('p.caption');

test('the audience follows the presenter’s tour step, looks around, and goes back to the presenter', async ({ browser }) => {
  const presenter = await person(browser, links.edit, 'Presenter');
  const viewer = await person(browser, links.view, 'Viewer');
  await expect(peerEntry(presenter, 'Viewer')).toHaveCount(1);

  // The presenter starts the overview tour; the viewer (a view link: the audience) is taken there.
  await startOverviewTour(presenter);
  await expect(caption(presenter)).toHaveText(OVERVIEW.steps[0]!.caption.zh);
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[0]!.caption.zh);
  await expect(presentation(viewer).locator('.room-bar')).toContainText('Presenter 正在演示');

  // Each step reaches the audience.
  await viewer.evaluate(() => {
    const target = document.querySelector('[role="region"] p.caption')!;
    new MutationObserver(() => ((window as { __stepAt?: number }).__stepAt = Date.now())).observe(target, { childList: true, characterData: true, subtree: true });
  });
  const sentAt = await presenter.evaluate(() => Date.now());
  await presentation(presenter).getByRole('button', { name: '下一步' }).click();
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[1]!.caption.zh);
  const arrivedAt = await viewer.evaluate(() => (window as { __stepAt?: number }).__stepAt ?? 0);
  test.info().annotations.push({ type: 'step-to-audience-ms', description: String(arrivedAt - sentAt) });

  // The viewer looks around: a pan leaves them where they are while the presenter moves on.
  const stage = (await viewer.locator('.presentation .stage').boundingBox())!;
  await dragMouse(viewer, { x: stage.x + stage.width / 2, y: stage.y + 40 }, { x: stage.x + stage.width / 2 + 120, y: stage.y + 90 });
  const back = presentation(viewer).getByRole('button', { name: '回到演示者' });
  await expect(back).toBeVisible();
  await presentation(presenter).getByRole('button', { name: '下一步' }).click();
  await expect(caption(presenter)).toHaveText(OVERVIEW.steps[2]!.caption.zh);
  await viewer.waitForTimeout(500);
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[1]!.caption.zh);

  // Back to the presenter: their step, and the step's camera, again.
  await back.click();
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[2]!.caption.zh);
  await expect(back).toHaveCount(0);
  await presentation(presenter).getByRole('button', { name: '下一步' }).click();
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[3]!.caption.zh);

  // The presenter pans by hand: the audience's view goes along.
  await waitForCameraToRest(presenter);
  const presenterStage = (await presenter.locator('.presentation .stage').boundingBox())!;
  const start = { x: presenterStage.x + presenterStage.width / 2, y: presenterStage.y + 60 };
  await dragMouse(presenter, start, { x: start.x - 140, y: start.y + 70 });
  const moved = await waitForCameraToRest(presenter);
  const viewerCamera = () => viewer.locator('.presentation svg.map > g[transform]').getAttribute('transform').then(parseCamera);
  await expect.poll(async () => {
    const seen = await viewerCamera();
    return Math.abs(seen.k - moved.k) < 0.01 && Math.abs(seen.x - moved.x) < 2 && Math.abs(seen.y - moved.y) < 2;
  }, { timeout: 5000 }).toBe(true);
});

test('a remote (the presenter view on another device) drives the room’s presentation', async ({ browser }) => {
  const presenter = await person(browser, links.edit, 'Presenter');
  const phone = await person(browser, links.edit, 'Phone');
  const viewer = await person(browser, links.view, 'Viewer');
  await startOverviewTour(presenter);
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[0]!.caption.zh);

  await phone.getByRole('button', { name: '遥控（演讲者视图）' }).click();
  const remote = phone.getByRole('main', { name: '演讲者视图' });
  await expect(remote.getByTestId('current-caption')).toHaveText(OVERVIEW.steps[0]!.caption.zh);
  await expect(remote.getByTestId('next-caption')).toHaveText(OVERVIEW.steps[1]!.caption.zh);
  await remote.getByRole('button', { name: '下一步' }).click();
  await expect(caption(presenter)).toHaveText(OVERVIEW.steps[1]!.caption.zh);
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[1]!.caption.zh);
  await expect(remote.getByTestId('current-caption')).toHaveText(OVERVIEW.steps[1]!.caption.zh);
  // The presenter's own keys move the remote too.
  await presenter.keyboard.press('ArrowRight');
  await expect(remote.getByTestId('current-caption')).toHaveText(OVERVIEW.steps[2]!.caption.zh);
  await expect(caption(viewer)).toHaveText(OVERVIEW.steps[2]!.caption.zh);
});
