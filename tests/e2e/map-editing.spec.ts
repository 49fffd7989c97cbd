/**
 * Building a map on the map itself, in a real browser: a double-click on the background (or N)
 * opens a new node's editor there, a node's text is edited in place, and nodes are connected by
 * dragging from a node's connector handle (with a mouse or a finger) or with C and the arrow keys,
 * on the SVG map and on the canvas that draws maps over 200 nodes. Every edit is one undo step.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { camera, findBackgroundPoint, loadSeed, MAP_SVG, parseTranslate, openApp, openMapFile, revealNode, waitForLayoutToRest, type Point, editingReady } from './helpers.ts';
import { CANVAS_MAP, restingCamera, screenPointOf } from './helpers-canvas.ts';

const seed = loadSeed();

/** Where the square map's four claims are saved (so pinned there). */
const SQUARE_PLACES: Readonly<Record<string, Point>> = { a: { x: 0, y: 0 }, b: { x: 420, y: 0 }, c: { x: 0, y: 300 }, d: { x: 420, y: 300 } };

/** Four claims at saved places, and one support between the lower two. */
function squareMap(): object {
  const text: Record<string, string> = { a: '甲', b: '乙', c: '丙', d: '丁' };
  return {
    schemaVersion: 1,
    title: { zh: '连接测试', en: 'Connecting' },
    sources: [],
    actors: [],
    nodes: Object.entries(SQUARE_PLACES).map(([id, position]) => ({ id, kind: 'claim', text: { zh: text[id] }, position })),
    edges: [{ id: 'e-cd', from: 'c', to: 'd', kind: 'support' }],
  };
}

function summary(page: Page, nodes: number, edges?: number) {
  return expect(page.locator('.hint')).toContainText(edges === undefined ? `${nodes} 个节点` : `${nodes} 个节点，${edges} 条关系`);
}

function announced(page: Page, text: string) {
  return expect(page.getByRole('status').filter({ hasText: text })).toBeAttached();
}


/** Types a claim into the new-node editor a gesture opened, adds it to the seed map, and waits for it to be announced. */
async function addClaimInEditor(page: Page, claim: string): Promise<void> {
  const text = page.getByRole('form', { name: '新节点' }).getByRole('textbox', { name: /新节点的文本/ });
  await expect(text).toBeFocused();
  await text.fill(claim);
  await text.press('Enter');
  await summary(page, seed.nodes.length + 1);
  await announced(page, '已添加主张');
}

function mapNode(page: Page, id: string): Locator {
  return page.locator(`${MAP_SVG} g[data-node-id="${id}"]`);
}

async function centreOf(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The square map, drawn as SVG or (`?renderer=canvas`, as maps over 200 nodes are) on a canvas. */
async function openSquare(page: Page, renderer: 'svg' | 'canvas' = 'svg'): Promise<void> {
  if (renderer === 'svg') await openApp(page);
  else {
    await page.goto('./?renderer=canvas');
    await expect(page.locator(`${CANVAS_MAP}[data-layout="settled"]`)).toBeVisible();
  }
  await openMapFile(page, 'square.json', JSON.stringify(squareMap()));
  await summary(page, 4, 1);
  await editingReady(page);
  if (renderer === 'svg') await waitForLayoutToRest(page);
}

/** A square map node's centre on the page, on either renderer. */
async function squareNode(page: Page, id: string): Promise<Point> {
  if ((await page.locator(CANVAS_MAP).count()) > 0) return screenPointOf(page, SQUARE_PLACES[id]!);
  return centreOf(mapNode(page, id).locator('rect.outline'));
}

/** Points at a node until its connector handle shows; the handle's centre. */
async function handleOf(page: Page, from: string): Promise<Point> {
  await page.mouse.move(...xy(await squareNode(page, from)));
  const handle = page.locator(`circle.connect-handle[data-handle-for="${from}"]`);
  await expect(handle).toBeVisible();
  return centreOf(handle);
}

/** Presses on a node's connector handle and drags it to `to`, in steps, and lets go. */
async function dragFromHandle(page: Page, from: string, to: Point): Promise<void> {
  const start = await handleOf(page, from);
  await page.mouse.move(start.x, start.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Drags from a node's connector handle onto the target at an edge's middle, which shows once the drag starts, and lets go. */
async function undercutByDragging(page: Page, from: string, edge: string): Promise<void> {
  const start = await handleOf(page, from);
  await page.mouse.move(start.x, start.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(start.x + 20, start.y + 60, { steps: 4 });
  const target = page.locator(`circle.undercut-target[data-undercut-edge="${edge}"]`);
  await expect(target).toBeVisible();
  const middle = await centreOf(target);
  await page.mouse.move(middle.x, middle.y, { steps: 8 });
  await expect(target).toHaveClass(/\bactive\b/);
  await page.mouse.up();
}

function xy(point: Point): [number, number] {
  return [point.x, point.y];
}

/** While connecting by keys: an arrow key moves the target's ring to node `id`. */
async function arrowTo(page: Page, key: string, id: string): Promise<void> {
  await page.keyboard.press(key);
  await expect(page.locator(`rect.connect-target[data-target-id="${id}"]`)).toBeVisible();
}

const chooser = (page: Page) => page.getByRole('dialog', { name: '连接类型' });

test.describe('adding a node on the map', () => {
  test('a double-click on the background opens an editor there; its kind and text make one node, one undo step', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    await waitForLayoutToRest(page);
    const point = await findBackgroundPoint(page);
    const frame = await page.locator(MAP_SVG).boundingBox();
    const view = await camera(page);
    const expected = { x: (point.x - frame!.x - view.x) / view.k, y: (point.y - frame!.y - view.y) / view.k };
    await page.mouse.dblclick(point.x, point.y);
    const editor = page.getByRole('form', { name: '新节点' });
    await expect(editor).toBeVisible();
    await expect(editor.getByRole('radio', { name: '主张' })).toBeChecked();
    await editor.getByRole('radio', { name: '证据' }).check();
    const text = editor.getByRole('textbox', { name: /新节点的文本/ });
    // Markup typed in is text, never markup.
    await text.fill('<b>新证据</b>');
    await text.press('Enter');
    await summary(page, seed.nodes.length + 1);
    await announced(page, '已添加证据');
    await expect(editor).toHaveCount(0);

    const added = page.locator(`${MAP_SVG} g.node-evidence[aria-label="<b>新证据</b>"]`);
    await expect(added).toBeFocused();
    await expect(added.locator('b')).toHaveCount(0);
    // It stands on the map point that was double-clicked.
    const placed = parseTranslate(await added.getAttribute('transform'));
    expect(Math.abs(placed.x - expected.x), `x ${placed.x} vs ${expected.x}`).toBeLessThan(1);
    expect(Math.abs(placed.y - expected.y), `y ${placed.y} vs ${expected.y}`).toBeLessThan(1);

    await page.keyboard.press('Control+z');
    await summary(page, seed.nodes.length);
    await expect(added).toHaveCount(0);
  });

  test('N opens the editor at the centre of the view, its kind chosen from the keyboard; Escape leaves nothing made', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    await page.locator('body').press('n');
    const editor = page.getByRole('form', { name: '新节点' });
    const text = editor.getByRole('textbox', { name: /新节点的文本/ });
    await expect(text).toBeFocused();
    await text.fill('不会留下');
    await text.press('Escape');
    await expect(editor).toHaveCount(0);
    await summary(page, seed.nodes.length);

    await page.locator('body').press('n');
    await expect(text).toBeFocused();
    await expect(editor.getByRole('radio', { name: '主张' })).toBeChecked();
    // The kind from the keyboard: back to the kinds, the arrow to 问题, on to the text.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowLeft');
    await expect(editor.getByRole('radio', { name: '问题' })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(text).toBeFocused();
    await text.fill('视图中央的问题');
    // The editor stands at the centre of the view, where the node will be.
    const frame = await page.locator(MAP_SVG).boundingBox();
    const editorCentre = await centreOf(editor);
    expect(Math.abs(editorCentre.x - (frame!.x + frame!.width / 2))).toBeLessThan(3);
    expect(Math.abs(editorCentre.y - (frame!.y + frame!.height / 2))).toBeLessThan(3);
    const view = await camera(page);
    const expected = { x: (frame!.width / 2 - view.x) / view.k, y: (frame!.height / 2 - view.y) / view.k };
    await text.press('Enter');
    await summary(page, seed.nodes.length + 1);
    await announced(page, '已添加问题');
    const added = page.locator(`${MAP_SVG} g.node-question[aria-label="视图中央的问题"]`);
    await expect(added).toBeFocused();
    // Where it stands on the map (the inspector, opening on it, narrows the view).
    const placed = parseTranslate(await added.getAttribute('transform'));
    expect(Math.abs(placed.x - expected.x), `x ${placed.x} vs ${expected.x}`).toBeLessThan(1);
    expect(Math.abs(placed.y - expected.y), `y ${placed.y} vs ${expected.y}`).toBeLessThan(1);
  });
});

test.describe('adding by touch', () => {
  test.use({ hasTouch: true });

  test('a double-tap on the background opens the new-node editor there, as a double-click does', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    const spot = await findBackgroundPoint(page);
    await page.touchscreen.tap(spot.x, spot.y);
    await page.touchscreen.tap(spot.x, spot.y);
    await addClaimInEditor(page, '用手指添加的主张');
  });
});

test.describe('adding on the canvas view', () => {
  test('N opens the same editor over a map drawn on a canvas, and adds the node', async ({ page }) => {
    await page.goto('./?renderer=canvas');
    await expect(page.locator('canvas.map[data-layout="settled"]')).toBeVisible();
    await editingReady(page);
    await page.locator('body').press('n');
    await addClaimInEditor(page, '画布上的主张');
  });
});

test.describe('editing a node’s text in place', () => {
  const id = 'zhu-startups-destroyed';
  const original = seed.nodes.find((node) => node.id === id)!.text.zh!;

  test('a double-click edits it; Enter saves one undo step; F2 and Escape leave it as it was', async ({ page }) => {
    await openApp(page);
    await editingReady(page);
    // Selected first: the inspector that a first click opens narrows the map and may move the node.
    await mapNode(page, id).click();
    await expect(mapNode(page, id)).toHaveAttribute('aria-pressed', 'true');
    const point = await revealNode(page, id);
    await page.mouse.dblclick(point.x, point.y);
    const field = page.getByRole('textbox', { name: /编辑文本/ });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(original);
    await field.fill('改写后的主张');
    await field.press('Enter');
    await expect(mapNode(page, id)).toHaveAttribute('aria-label', '改写后的主张');
    await announced(page, '已编辑文本');
    await expect(field).toHaveCount(0);
    await expect(mapNode(page, id)).toBeFocused();

    await page.keyboard.press('Control+z');
    await expect(mapNode(page, id)).toHaveAttribute('aria-label', original);

    await mapNode(page, id).focus();
    await page.keyboard.press('F2');
    await expect(field).toBeFocused();
    await field.fill('不保存');
    await field.press('Escape');
    await expect(field).toHaveCount(0);
    await expect(mapNode(page, id)).toHaveAttribute('aria-label', original);
  });

  test('an edit from another tab while typing keeps the editor, its text and the focus', async ({ page, context }) => {
    await openApp(page);
    await editingReady(page);
    const other = await context.newPage();
    // The second tab reopens the map the first has open, from its autosave: slower under load.
    await other.goto('/');
    await expect(other.locator('[data-layout="settled"]').first()).toBeAttached({ timeout: 20_000 });
    await editingReady(other);
    await mapNode(page, id).focus();
    await page.keyboard.press('F2');
    const field = page.getByRole('textbox', { name: /编辑文本/ });
    await field.fill('打到一半');
    await other.getByRole('button', { name: /添加主张/ }).click();
    // The other tab's claim redraws this map (a new layout, a new view) under the editor.
    await summary(page, seed.nodes.length + 1);
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('打到一半');
    await page.keyboard.type('，写完');
    await page.keyboard.press('Enter');
    await expect(mapNode(page, id)).toHaveAttribute('aria-label', '打到一半，写完');
    await expect(mapNode(other, id)).toHaveAttribute('aria-label', '打到一半，写完');
  });

  test('Enter on the selected node edits it; Alt+double-click releases a pinned node instead', async ({ page }) => {
    await openSquare(page);
    await expect(mapNode(page, 'a')).toHaveClass(/\bpinned\b/);
    await mapNode(page, 'a').focus();
    await page.keyboard.press('Enter');
    await expect(mapNode(page, 'a')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: /编辑文本/ });
    await expect(field).toHaveValue('甲');
    await field.fill('甲方');
    // Leaving the field saves too.
    await page.getByRole('button', { name: '适应屏幕' }).focus();
    await expect(mapNode(page, 'a')).toHaveAttribute('aria-label', '甲方');

    // Clear of the inspector, which the first click may open.
    const point = await revealNode(page, 'b');
    await page.keyboard.down('Alt');
    await page.mouse.dblclick(point.x, point.y);
    await page.keyboard.up('Alt');
    await expect(mapNode(page, 'b')).not.toHaveClass(/\bpinned\b/);
    await expect(field).toHaveCount(0);
    // Releasing is an edit of its own: undo pins the node again.
    await summary(page, 4, 1);
    await page.keyboard.press('Control+z');
    await expect(mapNode(page, 'b')).toHaveClass(/\bpinned\b/);
    await expect(mapNode(page, 'a')).toHaveAttribute('aria-label', '甲方');
  });
});

test.describe('connecting nodes', () => {
  test('dragging from the handle onto a node opens the chooser; the kind used last is the default', async ({ page }) => {
    await openSquare(page);
    await dragFromHandle(page, 'a', await squareNode(page, 'b'));
    await expect(chooser(page)).toBeVisible();
    await expect(chooser(page).getByRole('button', { name: '支持' })).toBeFocused();
    await chooser(page).getByRole('button', { name: '反驳' }).click();
    await summary(page, 4, 2);
    await announced(page, '已连接：反驳');
    await expect(page.locator(`${MAP_SVG} line.edge-attack`)).toHaveCount(1);

    // The next connection offers attack first: Enter takes it.
    await dragFromHandle(page, 'a', await squareNode(page, 'c'));
    await expect(chooser(page).getByRole('button', { name: '反驳' })).toBeFocused();
    await page.keyboard.press('Enter');
    await summary(page, 4, 3);
    await expect(page.locator(`${MAP_SVG} line.edge-attack`)).toHaveCount(2);

    // Escape makes nothing.
    await dragFromHandle(page, 'b', await squareNode(page, 'd'));
    await expect(chooser(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(chooser(page)).toHaveCount(0);
    await summary(page, 4, 3);

    // One step each: undo takes the last connection away.
    await page.keyboard.press('Control+z');
    await summary(page, 4, 2);
  });

  test('dropping on an edge’s middle undercuts it; dropping on the node itself is refused with the reason', async ({ page }) => {
    await openSquare(page);
    await undercutByDragging(page, 'a', 'e-cd');
    await summary(page, 4, 2);
    await announced(page, '已连接：削弱');
    await expect(chooser(page)).toHaveCount(0);
    await expect(page.locator(`${MAP_SVG} line.edge-undercut`)).toHaveCount(1);
    await expect(page.locator('circle.undercut-target')).toHaveCount(0);

    await dragFromHandle(page, 'b', await squareNode(page, 'b'));
    await expect(page.locator('.edit-refusal')).toBeVisible();
    await expect(page.locator('.edit-refusal')).not.toBeEmpty();
    await summary(page, 4, 2);
  });

  test('C, the arrow keys and Enter pick the target; Enter again connects with the default kind', async ({ page }) => {
    await openSquare(page);
    await mapNode(page, 'a').focus();
    await page.keyboard.press('c');
    await expect(page.locator('.connect-notice')).toContainText('方向键');
    await arrowTo(page, 'ArrowRight', 'b');
    await expect(page.locator('.connect-notice')).toHaveText('连接目标：乙');
    await arrowTo(page, 'ArrowDown', 'd');
    await arrowTo(page, 'ArrowUp', 'b');
    await page.keyboard.press('Enter');
    await expect(chooser(page).getByRole('button', { name: '支持' })).toBeFocused();
    await page.keyboard.press('Enter');
    await summary(page, 4, 2);
    await announced(page, '已连接：支持');
    await expect(mapNode(page, 'a')).toBeFocused();
    await expect(page.locator(`${MAP_SVG} line.edge-support`)).toHaveCount(2);

    // Escape leaves connecting with nothing made.
    await page.keyboard.press('c');
    await arrowTo(page, 'ArrowDown', 'c');
    await page.keyboard.press('Escape');
    await expect(page.locator('rect.connect-target')).toHaveCount(0);
    await summary(page, 4, 2);
  });

  test('a second attack the other way makes a mutual rebuttal, drawn as one line', async ({ page }) => {
    await openSquare(page);
    await dragFromHandle(page, 'a', await squareNode(page, 'b'));
    await chooser(page).getByRole('button', { name: '反驳' }).click();
    await summary(page, 4, 2);
    await expect(page.locator(`${MAP_SVG} line.edge-mutual`)).toHaveCount(0);

    await mapNode(page, 'b').focus();
    await page.keyboard.press('c');
    await arrowTo(page, 'ArrowLeft', 'a');
    await page.keyboard.press('Enter');
    await expect(chooser(page).getByRole('button', { name: '反驳' })).toBeFocused();
    await page.keyboard.press('Enter');
    await summary(page, 4, 3);
    await expect(page.locator(`${MAP_SVG} line.edge-attack`)).toHaveCount(1);
    await expect(page.locator(`${MAP_SVG} line.edge-mutual`)).toHaveCount(1);
    await expect(page.locator(`${MAP_SVG} line.edge-mutual`)).toHaveAttribute('marker-start', 'url(#live-arrow-start-attack)');
  });
});

test.describe('connecting on the canvas view (maps over 200 nodes)', () => {
  test('the handle, dragged onto a node, opens the chooser; C and the arrows pick a target; the canvas keeps the focus', async ({ page }) => {
    await openSquare(page, 'canvas');
    // The map is drawn smaller than life, its handle as big on screen as ever: 14 CSS pixels across, and its 2.5-pixel ring.
    expect((await restingCamera(page)).k).toBeLessThan(0.9);
    await handleOf(page, 'a');
    const handle = await page.locator('circle.connect-handle[data-handle-for="a"]').boundingBox();
    expect(handle?.width).toBeGreaterThan(15);
    expect(handle?.width).toBeLessThan(18);

    await dragFromHandle(page, 'a', await squareNode(page, 'b'));
    await expect(chooser(page).getByRole('button', { name: '支持' })).toBeFocused();
    await chooser(page).getByRole('button', { name: '反驳' }).click();
    await summary(page, 4, 2);
    await announced(page, '已连接：反驳');

    // The keyboard connects from the selected node: the canvas has no element per node.
    await page.mouse.click(...xy(await squareNode(page, 'b')));
    await expect(page.locator(CANVAS_MAP)).toBeFocused();
    await page.keyboard.press('c');
    await expect(page.locator('.connect-notice')).toContainText('方向键');
    await arrowTo(page, 'ArrowDown', 'd');
    await expect(page.locator('.connect-notice')).toHaveText('连接目标：丁');
    await arrowTo(page, 'ArrowLeft', 'c');
    await page.keyboard.press('Enter');
    await expect(chooser(page).getByRole('button', { name: '反驳' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(chooser(page).getByRole('button', { name: '支持' })).toBeFocused();
    await page.keyboard.press('Enter');
    await summary(page, 4, 3);
    await announced(page, '已连接：支持');
    await expect(page.locator(CANVAS_MAP)).toBeFocused();
    await expect(page.locator('rect.connect-target')).toHaveCount(0);

    await page.keyboard.press('Control+z');
    await summary(page, 4, 2);
  });

  test('dropping on an edge’s middle undercuts it; dropping on the node itself is refused', async ({ page }) => {
    await openSquare(page, 'canvas');
    await undercutByDragging(page, 'a', 'e-cd');
    await summary(page, 4, 2);
    await announced(page, '已连接：削弱');
    await expect(chooser(page)).toHaveCount(0);
    await expect(page.locator('circle.undercut-target')).toHaveCount(0);

    await dragFromHandle(page, 'b', await squareNode(page, 'b'));
    await expect(page.locator('.edit-refusal')).not.toBeEmpty();
    await summary(page, 4, 2);
  });
});

test.describe('connecting by touch', () => {
  test.use({ hasTouch: true });

  for (const renderer of ['svg', 'canvas'] as const) {
    test(`on the ${renderer} map, a tap selects a node and its handle, dragged by a finger, connects it`, async ({ page }) => {
      await openSquare(page, renderer);
      await page.touchscreen.tap(...xy(await squareNode(page, 'a')));
      const handle = page.locator('circle.connect-handle[data-handle-for="a"]');
      await expect(handle).toBeVisible();
      const start = await centreOf(handle);
      // The inspector, open on the selected node, covers the right of the map.
      const end = await squareNode(page, 'c');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] });
      for (let step = 1; step <= 10; step += 1) {
        const at = { x: start.x + ((end.x - start.x) * step) / 10, y: start.y + ((end.y - start.y) * step) / 10 };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at] });
      }
      await expect(page.locator('rect.connect-target[data-target-id="c"]')).toBeVisible();
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await chooser(page).getByRole('button', { name: '反驳' }).tap();
      await summary(page, 4, 2);
      await announced(page, '已连接：反驳');
    });
  }
});
