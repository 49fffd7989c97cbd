/**
 * Selecting, moving, deleting, copying and pasting on the map, in a real browser with its real
 * clipboard: a drag is one undo step, Shift+click and the lasso (Shift+drag, or by touch a long press
 * then a drag) select several nodes that then move together, a multi-delete asks with counts and one
 * undo restores it, the keyboard's place is kept, and the clipboard carries argmap fragments within a
 * map and into another one; text pastes as text, and a paste too big is refused.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  CAMERA, dragMouse, editingReady, findBackgroundPoint, loadSeed, nodePosition, openApp, openMapFile, pasteText, revealNode, smallMap,
  waitForCameraToRest, waitForLayoutToRest, watchPage, type Point, type SeedMap,
} from './helpers.ts';
import { CANVAS_MAP, exportedNodes, screenPointOf } from './helpers-canvas.ts';

const seed = loadSeed();
/** The clipboard type argmap writes its fragments under (src/ui/clipboard.ts). */
const FRAGMENT_TYPE = 'application/x-argmap+json';

/**
 * Six placed nodes in two rows: a b c over d e f. Five edges touch a, b or c; d → e touches none.
 */
function gridMap(): SeedMap & { nodes: (SeedMap['nodes'][number] & { position: Point })[] } {
  const node = (id: string, x: number, y: number) => ({ id, kind: 'claim' as const, text: { zh: `节点${id}`, en: `Node ${id}` }, position: { x, y } });
  return {
    schemaVersion: 1,
    title: { zh: '网格', en: 'Grid' },
    sources: [],
    actors: [],
    nodes: [node('a', 0, 0), node('b', 220, 0), node('c', 440, 0), node('d', 0, 200), node('e', 220, 200), node('f', 440, 200)],
    edges: [
      { id: 'ab', from: 'a', to: 'b', kind: 'support' },
      { id: 'bc', from: 'b', to: 'c', kind: 'attack' },
      { id: 'da', from: 'd', to: 'a', kind: 'support' },
      { id: 'eb', from: 'e', to: 'b', kind: 'support' },
      { id: 'fc', from: 'f', to: 'c', kind: 'attack' },
      { id: 'de', from: 'd', to: 'e', kind: 'support' },
    ],
  };
}

const grid = gridMap();

function summary(page: Page, nodes: number, edges: number) {
  return expect(page.locator('.hint')).toContainText(`${nodes} 个节点，${edges} 条关系`);
}


async function openGrid(page: Page): Promise<void> {
  await openApp(page);
  await openMapFile(page, 'grid.json', JSON.stringify(grid));
  await summary(page, 6, 6);
  await editingReady(page);
  await waitForLayoutToRest(page);
  await waitForCameraToRest(page);
}

/** The grid on the canvas map (the renderer of big maps), ready to edit. */
async function openGridOnCanvas(page: Page): Promise<void> {
  await page.goto('./?renderer=canvas');
  await expect(page.locator(`${CANVAS_MAP}[data-layout="settled"]`)).toBeVisible();
  await openMapFile(page, 'grid.json', JSON.stringify(grid));
  await summary(page, 6, 6);
  await editingReady(page);
}

/** The screen box of a node's outline. */
async function nodeBox(page: Page, id: string): Promise<{ left: number; top: number; right: number; bottom: number; x: number; y: number }> {
  const box = await page.locator(`svg.map g[data-node-id="${id}"] rect.outline`).boundingBox();
  if (!box) throw new Error(`node ${id} is not drawn`);
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height, x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks a node where it is drawn now, with Shift when asked. */
async function clickNode(page: Page, id: string, shift = false): Promise<void> {
  await page.locator(`svg.map g[data-node-id="${id}"] rect.outline`).click(shift ? { modifiers: ['Shift'] } : {});
}

/** Selects the first node; the inspector then takes part of the screen, so the map is fitted to what is left. */
async function selectFirst(page: Page, id: string): Promise<void> {
  await clickNode(page, id);
  await expect(page.locator('aside.inspector')).toBeVisible();
  await page.keyboard.press('f');
  await waitForCameraToRest(page);
}

async function selectedIds(page: Page): Promise<string[]> {
  return page.locator('svg.map g[data-node-id].selected').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-node-id') ?? '').sort());
}

function undoButton(page: Page, label: string) {
  return page.locator(`.authoring button[title="${label}"]`);
}

async function focusedNodeId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null);
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

test.describe('moving nodes', () => {
  test('a drag is one undo step, and undo puts the node back where it stood', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    await waitForLayoutToRest(page);
    const id = seed.nodes[3]!.id;
    const centre = await revealNode(page, id);
    await waitForLayoutToRest(page);
    const before = await nodePosition(page, id);
    await dragMouse(page, centre, { x: centre.x + 140, y: centre.y + 90 });
    await expect(undoButton(page, '撤销：移动 1 个节点')).toBeEnabled();
    await expect(page.locator(`svg.map g[data-node-id="${id}"]`)).toHaveClass(/pinned/);
    const dropped = await nodePosition(page, id);
    expect(distance(dropped, before)).toBeGreaterThan(50);

    await page.locator('body').press('Control+z');
    await expect(page.locator(`svg.map g[data-node-id="${id}"]`)).not.toHaveClass(/pinned/);
    await expect.poll(async () => distance(await nodePosition(page, id), before)).toBeLessThan(1);
    await page.locator('body').press('Control+Shift+z');
    await expect.poll(async () => distance(await nodePosition(page, id), dropped)).toBeLessThan(1);
  });

  test('Shift+click and the lasso select several nodes, which then move together as one step', async ({ page }) => {
    await openGrid(page);
    await selectFirst(page, 'a');
    await clickNode(page, 'b', true);
    expect(await selectedIds(page)).toEqual(['a', 'b']);
    // Shift+click again takes a node out.
    await clickNode(page, 'b', true);
    expect(await selectedIds(page)).toEqual(['a']);
    await waitForCameraToRest(page);

    // The lasso, from the background above d to below e, adds d and e.
    const d = await nodeBox(page, 'd');
    const e = await nodeBox(page, 'e');
    const from = { x: d.x - 25, y: d.top - 20 };
    const to = { x: e.right + 20, y: e.bottom + 25 };
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.matches('svg.map'), from), 'the lasso starts on the background').toBe(true);
    const cameraBefore = await page.locator('svg.map > g[transform]').first().getAttribute('transform');
    await page.keyboard.down('Shift');
    await dragMouse(page, from, to);
    await page.keyboard.up('Shift');
    expect(await selectedIds(page)).toEqual(['a', 'd', 'e']);
    // Shift+drag draws the lasso instead of panning.
    expect(await page.locator('svg.map > g[transform]').first().getAttribute('transform')).toBe(cameraBefore);

    const places = { a: await nodePosition(page, 'a'), d: await nodePosition(page, 'd'), e: await nodePosition(page, 'e'), c: await nodePosition(page, 'c') };
    const grab = await nodeBox(page, 'd');
    await dragMouse(page, { x: grab.x, y: grab.y }, { x: grab.x + 120, y: grab.y + 60 });
    await expect(undoButton(page, '撤销：移动 3 个节点')).toBeEnabled();
    const moved = { a: await nodePosition(page, 'a'), d: await nodePosition(page, 'd'), e: await nodePosition(page, 'e') };
    const shift = { x: moved.d.x - places.d.x, y: moved.d.y - places.d.y };
    expect(shift.x).toBeGreaterThan(50);
    for (const id of ['a', 'e'] as const) {
      expect(moved[id].x - places[id].x).toBeCloseTo(shift.x, 0);
      expect(moved[id].y - places[id].y).toBeCloseTo(shift.y, 0);
    }
    expect(await nodePosition(page, 'c')).toEqual(places.c);
    expect(await selectedIds(page)).toEqual(['a', 'd', 'e']);

    // One undo takes the whole move back.
    await page.locator('body').press('Control+z');
    for (const id of ['a', 'd', 'e'] as const) await expect.poll(async () => distance(await nodePosition(page, id), places[id])).toBeLessThan(0.5);
  });
});

test('from the keyboard alone: Shift+Space selects several nodes, Alt+arrow moves them as one step each press', async ({ page }) => {
  await openGrid(page);
  const before = { a: await nodePosition(page, 'a'), e: await nodePosition(page, 'e') };
  await page.locator('svg.map g[data-node-id="a"]').focus();
  await page.keyboard.press('Space');
  await page.locator('svg.map g[data-node-id="e"]').focus();
  await page.keyboard.press('Shift+Space');
  expect(await selectedIds(page)).toEqual(['a', 'e']);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(undoButton(page, '撤销：移动 2 个节点')).toBeEnabled();
  for (const id of ['a', 'e'] as const) await expect.poll(async () => (await nodePosition(page, id)).x - before[id].x).toBeCloseTo(20, 0);
  // The keyboard stays on the node it was on, though the edit drew the map anew.
  await expect.poll(() => focusedNodeId(page)).toBe('e');
  await page.keyboard.press('Shift+Space');
  expect(await selectedIds(page)).toEqual(['a']);
  await page.keyboard.press('Control+z');
  for (const id of ['a', 'e'] as const) await expect.poll(async () => distance(await nodePosition(page, id), before[id])).toBeLessThan(0.5);
});

test('on the canvas map (big maps) the lasso selects, and the selection moves as one step', async ({ page }) => {
  await openGridOnCanvas(page);
  const a = await screenPointOf(page, grid.nodes[0]!.position);
  const e = await screenPointOf(page, grid.nodes[4]!.position);
  await page.keyboard.down('Shift');
  await dragMouse(page, { x: a.x - 70, y: a.y - 45 }, { x: e.x + 70, y: e.y + 45 });
  await page.keyboard.up('Shift');
  // a, b, d and e are selected: the prompt counts them and the five edges that touch them.
  await page.keyboard.press('Delete');
  await expect(page.locator('dialog.delete-prompt')).toContainText('删除 4 个节点和 5 条连线？');
  await page.keyboard.press('Escape');
  await summary(page, 6, 6);

  await dragMouse(page, a, { x: a.x + 60, y: a.y + 40 });
  await expect(undoButton(page, '撤销：移动 4 个节点')).toBeEnabled();
  const moved = await exportedNodes(page);
  const shift = { x: moved.get('a')!.x - 0, y: moved.get('a')!.y - 0 };
  expect(shift.x).toBeGreaterThan(20);
  for (const [index, id] of ['a', 'b', 'd', 'e'].entries()) {
    const start = grid.nodes[[0, 1, 3, 4][index]!]!.position;
    expect(moved.get(id)!.x - start.x).toBeCloseTo(shift.x, 0);
    expect(moved.get(id)!.y - start.y).toBeCloseTo(shift.y, 0);
  }
  expect(moved.get('c')).toMatchObject({ ...grid.nodes[2]!.position });
});

/**
 * A finger put down at `from` and, after `hold` milliseconds, moved in steps to `to` and lifted: real
 * touch events through the DevTools protocol. The wait is the gesture itself (a long press is timed).
 */
async function touchDrag(page: Page, from: Point, to: Point, hold = 0, steps = 10): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  if (hold > 0) await page.waitForTimeout(hold);
  for (let step = 1; step <= steps; step += 1) {
    const touchPoints = [{ x: from.x + ((to.x - from.x) * step) / steps, y: from.y + ((to.y - from.y) * step) / steps }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Longer than the lasso's long press (500 ms). */
const LONG_PRESS = 700;

test.describe('the lasso by touch: a long press on the background, then a drag', () => {
  test.use({ hasTouch: true });

  test('on the SVG map it selects without panning; a quick drag pans and selects nothing; a long press on a node moves it', async ({ page }) => {
    await openGrid(page);
    const cameraNow = () => page.locator(CAMERA).first().getAttribute('transform');
    const onBackground = (point: Point) => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.matches('svg.map') ?? false, point);

    // A quick drag across b's centre pans, and b stays unselected.
    const b = await nodeBox(page, 'b');
    const quickFrom = { x: b.left - 20, y: b.top - 20 };
    expect(await onBackground(quickFrom), 'the quick drag starts on the background').toBe(true);
    const unpanned = await cameraNow();
    await touchDrag(page, quickFrom, { x: b.x + 15, y: b.y + 15 });
    await waitForCameraToRest(page);
    expect(await cameraNow()).not.toBe(unpanned);
    expect(await selectedIds(page)).toEqual([]);

    // Held, then dragged from above d to below e: d and e are selected, and the camera stays.
    const d = await nodeBox(page, 'd');
    const e = await nodeBox(page, 'e');
    const from = { x: d.x - 25, y: d.top - 20 };
    expect(await onBackground(from), 'the lasso starts on the background').toBe(true);
    const before = await cameraNow();
    await touchDrag(page, from, { x: e.right + 20, y: e.bottom + 25 }, LONG_PRESS);
    expect(await selectedIds(page)).toEqual(['d', 'e']);
    expect(await cameraNow()).toBe(before);
    await expect(page.locator('.lasso')).toBeHidden();

    // Held on a node, a drag moves that node: no lasso. (a: the inspector the selection opened covers the right of the map.)
    const held = await nodeBox(page, 'a');
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-node-id]')?.getAttribute('data-node-id'), held)).toBe('a');
    const place = await nodePosition(page, 'a');
    await touchDrag(page, held, { x: held.x + 80, y: held.y + 60 }, LONG_PRESS);
    await expect(undoButton(page, '撤销：移动 1 个节点')).toBeEnabled();
    expect(distance(await nodePosition(page, 'a'), place)).toBeGreaterThan(30);
    expect(await selectedIds(page)).toEqual(['d', 'e']);
    expect(await cameraNow()).toBe(before);
  });

  test('on the canvas map it selects without panning; a quick drag pans and selects nothing; a long press on a node moves it', async ({ page }) => {
    await openGridOnCanvas(page);
    const cameraNow = () => page.locator(CANVAS_MAP).getAttribute('data-transform');

    // A quick drag across b's centre pans (were it a lasso, b would be selected and counted below).
    const b = await screenPointOf(page, grid.nodes[1]!.position);
    const unpanned = await cameraNow();
    await touchDrag(page, { x: b.x - 70, y: b.y - 45 }, { x: b.x + 15, y: b.y + 15 });
    await expect.poll(cameraNow).not.toBe(unpanned);

    // Held, then dragged around a and d: they are selected (with the three edges that touch them), and the camera stays.
    const a = await screenPointOf(page, grid.nodes[0]!.position);
    const d = await screenPointOf(page, grid.nodes[3]!.position);
    const before = await cameraNow();
    await touchDrag(page, { x: a.x - 70, y: a.y - 45 }, { x: d.x + 70, y: d.y + 45 }, LONG_PRESS);
    expect(await cameraNow()).toBe(before);
    await page.keyboard.press('Delete');
    await expect(page.locator('dialog.delete-prompt')).toContainText('删除 2 个节点和 3 条连线？');
    await page.keyboard.press('Escape');
    await summary(page, 6, 6);

    // Held on a node near its box's corner (the canvas tells a node by its box), a drag moves the node, with the
    // selection it belongs to: no lasso. (a: the inspector the selection opened covers the right of the map.)
    const boxOfA = (await exportedNodes(page)).get('a')!;
    const held = await screenPointOf(page, { x: boxOfA.x + boxOfA.width * 0.4, y: boxOfA.y + boxOfA.height * 0.35 });
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.matches('canvas.map'), held), 'nothing covers a').toBe(true);
    await touchDrag(page, held, { x: held.x + 60, y: held.y + 60 }, LONG_PRESS);
    await expect(undoButton(page, '撤销：移动 2 个节点')).toBeEnabled();
    const moved = await exportedNodes(page);
    for (const [index, id] of [[0, 'a'], [3, 'd']] as const) expect(moved.get(id)!.x - grid.nodes[index]!.position.x).toBeGreaterThan(20);
    expect(await cameraNow()).toBe(before);
  });
});

test.describe('deleting', () => {
  test('deleting several nodes asks with counts, takes their edges, and one undo brings all back', async ({ page }) => {
    await openGrid(page);
    const places = { a: await nodePosition(page, 'a'), b: await nodePosition(page, 'b'), c: await nodePosition(page, 'c') };
    await selectFirst(page, 'a');
    await clickNode(page, 'b', true);
    await clickNode(page, 'c', true);
    expect(await selectedIds(page)).toEqual(['a', 'b', 'c']);

    const prompt = page.locator('dialog.delete-prompt');
    await page.keyboard.press('Delete');
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText('删除 3 个节点和 5 条连线？');
    await page.keyboard.press('Escape');
    await expect(prompt).toHaveCount(0);
    await summary(page, 6, 6);

    await page.keyboard.press('Backspace');
    await expect(prompt).toBeVisible();
    await page.keyboard.press('Enter');
    await summary(page, 3, 1);
    await expect(undoButton(page, '撤销：删除 3 个节点')).toBeEnabled();
    // The keyboard goes to a node that was connected to the deleted ones.
    await expect.poll(() => focusedNodeId(page)).toMatch(/^[def]$/);

    await page.locator('body').press('Control+z');
    await summary(page, 6, 6);
    await expect.poll(() => focusedNodeId(page)).toBe('a');
    expect(await selectedIds(page)).toEqual(['a', 'b', 'c']);
    for (const id of ['a', 'b', 'c'] as const) expect(distance(await nodePosition(page, id), places[id])).toBeLessThan(0.5);
  });

  test('a deleted node comes back where it stood, and the keyboard goes back to it', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    await waitForLayoutToRest(page);
    const id = seed.nodes[2]!.id;
    const centre = await revealNode(page, id);
    const before = await nodePosition(page, id);
    await page.mouse.click(centre.x, centre.y);
    await page.keyboard.press('Delete');
    await expect(page.locator('dialog.delete-prompt')).toContainText(/删除 1 个节点和 \d+ 条连线？/);
    await page.keyboard.press('Enter');
    await expect(page.locator(`svg.map g[data-node-id="${id}"]`)).toHaveCount(0);
    await expect.poll(() => focusedNodeId(page)).not.toBeNull();
    await undoButton(page, '撤销：删除 1 个节点').click();
    await expect.poll(() => focusedNodeId(page)).toBe(id);
    expect(distance(await nodePosition(page, id), before)).toBeLessThan(1);
  });

  test('a selected edge is deleted alone, without a prompt', async ({ page }) => {
    await openGrid(page);
    const line = await page.locator('svg.map line[data-edge-id="de"]').boundingBox();
    if (!line) throw new Error('edge de is not drawn');
    await page.mouse.click(line.x + line.width / 2, line.y + line.height / 2);
    await expect(page.locator('svg.map line[data-edge-id="de"]')).toHaveClass(/selected/);
    await page.keyboard.press('Delete');
    await summary(page, 6, 5);
    await expect(page.locator('dialog.delete-prompt')).toHaveCount(0);
    await expect(page.locator('svg.map line[data-edge-id="de"]')).toHaveCount(0);
    await page.locator('body').press('Control+z');
    await summary(page, 6, 6);
  });
});

test.describe('copy and paste', () => {
  test('copied nodes paste with their edge under new ids, in this map and in another one', async ({ page, context }) => {
    await openGrid(page);
    // Text selected elsewhere on the page does not take the copy once the keyboard is on the map.
    await page.evaluate(() => window.getSelection()?.selectAllChildren(document.querySelector('h1')!));
    await selectFirst(page, 'a');
    await clickNode(page, 'b', true);
    await page.keyboard.press('Control+c');
    await expect(page.getByRole('status').filter({ hasText: '已复制 2 个节点' })).toBeAttached();

    const spot = await findBackgroundPoint(page);
    await page.mouse.move(spot.x, spot.y);
    await page.keyboard.press('Control+v');
    await summary(page, 8, 7);
    await expect(page.locator('svg.map g[data-node-id="a-2"]')).toHaveAttribute('aria-label', '节点a');
    await expect(page.locator('svg.map g[data-node-id="b-2"]')).toBeVisible();
    expect(await selectedIds(page)).toEqual(['a-2', 'b-2']);
    // The pasted pair sits around the pointer, as it was arranged.
    const pastedA = await nodeBox(page, 'a-2');
    const pastedB = await nodeBox(page, 'b-2');
    expect(Math.abs((pastedA.x + pastedB.x) / 2 - spot.x)).toBeLessThan(40);
    expect(Math.abs(pastedA.y - spot.y)).toBeLessThan(40);
    await page.locator('body').press('Control+z');
    await summary(page, 6, 6);

    // Cut takes them out; the second map, open in another tab, takes them in with their ids.
    await selectFirst(page, 'a');
    await clickNode(page, 'b', true);
    await page.keyboard.press('Control+x');
    await summary(page, 4, 2);

    const other = await context.newPage();
    await openApp(other);
    await openMapFile(other, 'small.json', JSON.stringify(smallMap()));
    await summary(other, 3, 2);
    await editingReady(other);
    await other.locator('body').focus();
    await other.keyboard.press('Control+v');
    await summary(other, 5, 3);
    await expect(other.locator('svg.map g[data-node-id="a"]')).toHaveAttribute('aria-label', '节点a');
    await expect(other.locator('svg.map g[data-node-id="b"]')).toBeVisible();
  });

  test('text that is no map pastes as one claim, its markup as text', async ({ page }) => {
    const problems = watchPage(page);
    await openGrid(page);
    const scripts = await page.locator('script').count();
    const text = 'Ads claim <b>bold</b> & <img src=x onerror=alert(1)> <script>alert(2)</script>';
    expect(await pasteText(page, text)).toBe(true);
    await summary(page, 7, 6);
    await expect(page.locator('svg.map g[data-node-id].selected')).toHaveAttribute('aria-label', text);

    // A fragment carrying markup pastes its texts as text too.
    const fragment = { schemaVersion: 1, title: { en: 'x' }, sources: [], actors: [], edges: [], nodes: [{ id: 'h', kind: 'claim', text: { zh: '<img src=x onerror=alert(3)>', en: '<b>x</b>' } }] };
    const taken = await page.evaluate(
      ({ type, json }) => {
        const transfer = new DataTransfer();
        transfer.setData(type, json);
        transfer.setData('text/html', '<img src=x onerror=alert(4)>');
        const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
        document.body.dispatchEvent(event);
        return event.defaultPrevented;
      },
      { type: FRAGMENT_TYPE, json: JSON.stringify(fragment) },
    );
    expect(taken).toBe(true);
    await summary(page, 8, 6);
    await expect(page.locator('svg.map g[data-node-id="h"]')).toHaveAttribute('aria-label', '<img src=x onerror=alert(3)>');
    await expect(page.locator('svg.map img')).toHaveCount(0);
    expect(await page.locator('script').count()).toBe(scripts);
    expect(problems.dialogs).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  test('a 10 MB paste is refused with a message, and nothing changes', async ({ page }) => {
    await openGrid(page);
    const huge = 'word '.repeat(2 * 1024 * 1024);
    expect(await pasteText(page, huge)).toBe(true);
    await expect(page.locator('.map-notice')).toContainText('没有添加任何内容');
    await summary(page, 6, 6);

    const taken = await page.evaluate(
      ({ type, size }) => {
        const transfer = new DataTransfer();
        transfer.setData(type, `{"nodes": [${' '.repeat(size)}]}`);
        const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
        document.body.dispatchEvent(event);
        return event.defaultPrevented;
      },
      { type: FRAGMENT_TYPE, size: 10 * 1024 * 1024 },
    );
    expect(taken).toBe(true);
    await expect(page.locator('.map-notice')).toContainText('没有粘贴任何内容');
    await summary(page, 6, 6);
    await expect(page.locator('.authoring button[title="没有可撤销的操作"]')).toBeDisabled();
  });
});
