/**
 * The canvas renderer on the seed map (`?renderer=canvas`): it draws crisply at device pixel
 * ratio 2, and clicking, hovering, searching, filtering and dragging work as on the SVG view,
 * checked through what a person sees (the inspector, an exported SVG, the pixels on screen).
 */
import { expect, test } from '@playwright/test';
import {
  CANVAS_MAP, expectInspectorShows, exportedNodes, nodeNearCentre, pixelsAround, restingCamera, screenPointOf,
} from './helpers-canvas.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { frameworkFromMap } from '../../src/core/semantics/framework.ts';
import { labelName } from '../../src/core/semantics/labels.ts';
import { whatIfLabelling } from '../../src/core/semantics/what-if.ts';
import { STATUS_BADGES } from '../../src/ui/i18n.ts';
import { BADGE_HEIGHT, BADGE_LOOK, badgeWidth } from '../../src/ui/map-emphasis.ts';
import { dragMouse, editingReady, loadSeed, neighboursOf, nodeById, watchPage, type Point } from './helpers.ts';

const seed = loadSeed();
const MATCH_RING: readonly [number, number, number] = [0xe6, 0x9f, 0x00];
const EVIDENCE_FILL: readonly [number, number, number] = [0xff, 0xf8, 0xe1];
const PIN: readonly [number, number, number] = [0x00, 0x72, 0xb2];

test.describe('the canvas renderer', () => {
  test.use({ deviceScaleFactor: 2 });

  test.beforeEach(async ({ page }) => {
    await page.goto('./?renderer=canvas');
    await expect(page.locator(`${CANVAS_MAP}[data-layout="settled"]`)).toBeVisible();
  });

  test('is one accessible canvas whose backing store is twice its CSS size at DPR 2', async ({ page }) => {
    const problems = watchPage(page);
    const canvas = page.getByRole('application', { name: '论证地图' });
    await expect(canvas).toHaveAttribute('data-renderer', 'canvas');
    await expect(page.locator('svg.map')).toHaveCount(0);
    await expect(canvas).toHaveAttribute('data-transform', /translate\(.+\) scale\(.+\)/);
    const size = await canvas.evaluate((element: HTMLCanvasElement) => ({ width: element.width, height: element.height, cssWidth: element.clientWidth, cssHeight: element.clientHeight }));
    expect(size.cssWidth).toBeGreaterThan(300);
    expect(size.width).toBe(Math.round(size.cssWidth * 2));
    expect(size.height).toBe(Math.round(size.cssHeight * 2));
    // The text alternative points to the Outline panel.
    await expect(canvas).toHaveAccessibleDescription(/大纲/);
    // Something is drawn: the boxes' ink.
    const nodes = await exportedNodes(page);
    const node = await nodeNearCentre(page, nodes);
    expect((await pixelsAround(page, node, [0, 0, 0])).dark).toBeGreaterThan(50);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('an edit draws again only where the picture changed, and the picture is the one a whole drawing gives', async ({ page }) => {
    page.on('console', (m) => console.log(m.text()));
    await editingReady(page);
    const canvas = page.locator(CANVAS_MAP);
    // The canvas's pixels once two frames have passed, kept in the page under `name`.
    const snapshot = (name: string) => canvas.evaluate((element: HTMLCanvasElement, key) => new Promise<void>((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        (window as unknown as Record<string, Uint8ClampedArray>)[key] = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data;
        resolve();
      }));
    }), name);
    // Pixels that differ by more than `tolerance` of 255 in a channel, premultiplied by their
    // opacity (the canvas is transparent where nothing is drawn).
    const differing = (a: string, b: string, tolerance = 0) => page.evaluate(([first, second, most]) => {
      const kept = window as unknown as Record<string, Uint8ClampedArray>;
      const [x, y] = [kept[first]!, kept[second]!];
      if (x.length !== y.length) return Number.POSITIVE_INFINITY;
      let count = 0;
      for (let pixel = 0; pixel < x.length; pixel += 4) {
        const [alphaX, alphaY] = [x[pixel + 3]!, y[pixel + 3]!];
        let difference = Math.abs(alphaX - alphaY);
        for (let channel = 0; channel < 3; channel += 1) difference = Math.max(difference, Math.abs(x[pixel + channel]! * alphaX - y[pixel + channel]! * alphaY) / 255);
        if (difference > most) count += 1;
      }
      return count;
    }, [a, b, tolerance] as const);
    // Skia cuts a dashed line to the clip before dashing it: where such a line crosses the part
    // drawn again, its anti-aliasing may come out a few levels off (8 of 255 seen); a box, a
    // text or a line missing or left over differs by far more.
    const SAME_PICTURE = 16;
    // A context given back by the browser is drawn whole: the reference for the parts drawn again.
    const drawWhole = () => canvas.dispatchEvent('contextrestored');

    // A node selected first opens the inspector: the canvas keeps its size through the edits.
    const node = await nodeNearCentre(page, await exportedNodes(page));
    const point = await screenPointOf(page, node);
    await page.mouse.click(point.x, point.y);
    await expectInspectorShows(page, nodeById(seed, node.id).text.zh ?? '');
    await page.mouse.move(2, 2);
    await snapshot('start');

    await page.keyboard.press('n');
    const text = page.getByRole('form', { name: '新节点' }).getByRole('textbox', { name: /新节点的文本/ });
    await text.fill('画布上只重画变了的地方');
    await text.press('Enter');
    await expect(page.locator('.hint')).toContainText(`${seed.nodes.length + 1} 个节点`);
    await snapshot('added');
    expect(await differing('start', 'added'), 'the new node is drawn').toBeGreaterThan(1000);
    await drawWhole();
    await snapshot('added, whole');
    expect(await differing('added', 'added, whole', SAME_PICTURE)).toBe(0);

    // Selecting the node clicked first again moves the selection's outline from one box to the other.
    await page.mouse.click(point.x, point.y);
    await page.mouse.move(2, 2);
    await snapshot('reselected');
    expect(await differing('added', 'reselected')).toBeGreaterThan(0);
    await drawWhole();
    await snapshot('reselected, whole');
    expect(await differing('reselected', 'reselected, whole', SAME_PICTURE)).toBe(0);
  });

  test('a double-click on the background adds a node there; on a node, or F2 on the selected one, edits its text in place', async ({ page }) => {
    await editingReady(page);
    const nodes = await exportedNodes(page);
    const camera = await restingCamera(page);
    const frame = (await page.locator(CANVAS_MAP).boundingBox())!;
    const mapPoint = (point: Point) => ({ x: (point.x - frame.x - camera.x) / camera.k, y: (point.y - frame.y - camera.y) / camera.k });
    // A bare spot near the middle: well clear of every box, and on the canvas itself (no legend over it).
    const candidates: Point[] = [];
    for (let y = frame.y + 40; y < frame.y + frame.height - 40; y += 20) {
      for (let x = frame.x + 40; x < frame.x + frame.width - 40; x += 20) candidates.push({ x, y });
    }
    const middle = { x: frame.x + frame.width / 2, y: frame.y + frame.height / 2 };
    candidates.sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y));
    const clear = candidates.filter((point) => {
      const at = mapPoint(point);
      return [...nodes.values()].every((node) => Math.abs(at.x - node.x) > node.width / 2 + 40 || Math.abs(at.y - node.y) > node.height / 2 + 40);
    });
    const onCanvas = await page.evaluate((points) => points.find((point) => document.elementFromPoint(point.x, point.y)?.matches('canvas.map')), clear);
    if (!onCanvas) throw new Error('no bare spot on the canvas');

    await page.mouse.dblclick(onCanvas.x, onCanvas.y);
    const text = page.getByRole('form', { name: '新节点' }).getByRole('textbox', { name: /新节点的文本/ });
    await expect(text).toBeFocused();
    await text.fill('双击画布添加的主张');
    await text.press('Enter');
    await expect(page.locator('.hint')).toContainText(`${seed.nodes.length + 1} 个节点`);
    const added = [...(await exportedNodes(page)).values()].find((node) => !nodes.has(node.id))!;
    const expected = mapPoint(onCanvas);
    expect(Math.abs(added.x - expected.x), `x ${added.x} vs ${expected.x}`).toBeLessThan(1);
    expect(Math.abs(added.y - expected.y), `y ${added.y} vs ${expected.y}`).toBeLessThan(1);

    const node = await nodeNearCentre(page, await exportedNodes(page), (candidate) => nodes.has(candidate.id));
    const point = await screenPointOf(page, node);
    await page.mouse.dblclick(point.x, point.y);
    const field = page.getByRole('textbox', { name: /编辑文本/ });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(nodeById(seed, node.id).text.zh ?? '');
    await field.press('Escape');
    await expect(field).toHaveCount(0);

    await page.mouse.click(point.x, point.y);
    await expectInspectorShows(page, nodeById(seed, node.id).text.zh ?? '');
    await page.locator(CANVAS_MAP).focus();
    await page.keyboard.press('F2');
    await expect(field).toBeFocused();
    await field.fill('在画布上改写的主张');
    await field.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '已编辑文本' })).toBeAttached();
    await expectInspectorShows(page, '在画布上改写的主张');
  });

  test('a click on a node selects it; a click on the background clears the selection; Escape too', async ({ page }) => {
    const nodes = await exportedNodes(page);
    const node = await nodeNearCentre(page, nodes);
    const point = await screenPointOf(page, node);
    await page.mouse.click(point.x, point.y);
    await expectInspectorShows(page, nodeById(seed, node.id).text.zh ?? '');

    // Just outside the box, beyond the ring a selection may draw, is the background (or another node).
    const camera = await restingCamera(page);
    const beside = { x: point.x, y: point.y - (node.height / 2) * camera.k - 3 };
    const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.matches('canvas.map'), beside);
    expect(under).toBe(true);
    const besideIsBare = [...nodes.values()].every((other) => {
      const [x, y] = [(beside.x - point.x) / camera.k + node.x, (beside.y - point.y) / camera.k + node.y];
      return Math.abs(other.x - x) > other.width / 2 || Math.abs(other.y - y) > other.height / 2;
    });
    expect(besideIsBare).toBe(true);
    await page.mouse.click(beside.x, beside.y);
    await expect(page.getByRole('complementary')).toHaveCount(0);

    await page.mouse.click(point.x, point.y);
    await expectInspectorShows(page, nodeById(seed, node.id).text.zh ?? '');
    await page.locator(CANVAS_MAP).press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
  });

  test('hovering a node fades the nodes that are not its neighbours, and shows a pointer', async ({ page }) => {
    const nodes = await exportedNodes(page);
    const hovered = await nodeNearCentre(page, nodes, (node) => neighboursOf(seed, node.id).size > 0);
    const lit = neighboursOf(seed, hovered.id);
    const other = await nodeNearCentre(page, nodes, (node) => node.id !== hovered.id && !lit.has(node.id));
    const before = await pixelsAround(page, other, [0, 0, 0], 0);
    expect(before.dark).toBeGreaterThan(30);

    const point = await screenPointOf(page, hovered);
    await page.mouse.move(point.x, point.y);
    await expect(page.locator(CANVAS_MAP)).toHaveCSS('cursor', 'pointer');
    await expect.poll(async () => (await pixelsAround(page, other, [0, 0, 0], 0)).dark).toBeLessThan(before.dark / 5);

    await page.mouse.move(4, 4);
    await expect(page.locator(CANVAS_MAP)).not.toHaveCSS('cursor', 'pointer');
    await expect.poll(async () => (await pixelsAround(page, other, [0, 0, 0], 0)).dark).toBeGreaterThan(before.dark * 0.8);
  });

  test('once the map has settled, each node wears the badge of its status', async ({ page }) => {
    const loaded = loadMapText(JSON.stringify(seed));
    if (!loaded.ok) throw new Error('the seed map does not load');
    const { framework, nodeCount } = frameworkFromMap(loaded.map);
    const labels = whatIfLabelling(framework, new Map()).labels;
    const statusOf = new Map(Array.from({ length: nodeCount }, (_, argument) => [framework.names[argument]!, labelName(labels[argument]!)]));
    const standing = await nodeNearCentre(page, await exportedNodes(page), (node) => statusOf.get(node.id) === 'IN');
    // The badge sits on the box's bottom-right corner (as in the SVG view): a third of that
    // rectangle must be the IN badge's green, the rest being its rounded ends, outline and text
    // (support edges share the green; without the badge, the lines there cover about a sixth).
    const width = badgeWidth(STATUS_BADGES.IN.zh);
    const badge = { id: standing.id, x: standing.x + standing.width / 2 - width / 2, y: standing.y + standing.height / 2 - 9 + BADGE_HEIGHT / 2, width, height: BADGE_HEIGHT };
    const { k } = await restingCamera(page);
    const devicePixels = width * BADGE_HEIGHT * (2 * k) ** 2;
    const green = BADGE_LOOK.in.fill.match(/\w\w/g)!.map((hex) => parseInt(hex, 16)) as [number, number, number];
    await expect.poll(async () => (await pixelsAround(page, badge, green, 0)).matching).toBeGreaterThan(devicePixels / 3);
  });

  test('search rings a match in the match colour', async ({ page }) => {
    const nodes = await exportedNodes(page);
    const node = await nodeNearCentre(page, nodes);
    const text = nodeById(seed, node.id).text.zh ?? '';
    expect((await pixelsAround(page, node, MATCH_RING)).matching).toBeLessThan(20);

    await page.locator(CANVAS_MAP).focus();
    await page.keyboard.press('/');
    await expect(page.locator('#map-search')).toBeFocused();
    await page.keyboard.insertText(text);
    await expect.poll(async () => (await pixelsAround(page, node, MATCH_RING)).matching).toBeGreaterThan(200);
  });

  test('a node-kind filter hides what it filters out', async ({ page }) => {
    const nodes = await exportedNodes(page);
    const evidence = await nodeNearCentre(page, nodes, (node) => nodeById(seed, node.id).kind === 'evidence');
    expect((await pixelsAround(page, evidence, EVIDENCE_FILL, 0, 3)).matching).toBeGreaterThan(200);

    await page.getByRole('group', { name: '节点类型', exact: true }).getByLabel('证据', { exact: true }).uncheck();
    await expect.poll(async () => (await pixelsAround(page, evidence, EVIDENCE_FILL, 0, 3)).matching).toBeLessThan(20);
  });

  test('dragging a node moves it there and pins it, as an export shows; an Alt+double-click releases it', async ({ page }) => {
    const before = await exportedNodes(page);
    // Not a question: its border has the pin's colour.
    const node = await nodeNearCentre(page, before, (candidate) => nodeById(seed, candidate.id).kind !== 'question');
    expect((await pixelsAround(page, node, PIN, 0, 6)).matching).toBeLessThan(5);
    const camera = await restingCamera(page);
    const from = await screenPointOf(page, node);
    const by = { x: 90, y: 60 };
    await dragMouse(page, from, { x: from.x + by.x, y: from.y + by.y });
    // A drag is not a click: nothing got selected, and the camera did not pan.
    await expect(page.getByRole('complementary')).toHaveCount(0);
    expect(await restingCamera(page)).toEqual(camera);

    const after = await exportedNodes(page);
    const moved = after.get(node.id)!;
    expect(moved.x).toBeCloseTo(node.x + by.x / camera.k, 0);
    expect(moved.y).toBeCloseTo(node.y + by.y / camera.k, 0);
    expect((await pixelsAround(page, moved, PIN, 0, 6)).matching).toBeGreaterThan(40);

    const pinned = await screenPointOf(page, moved);
    await page.keyboard.down('Alt');
    await page.mouse.dblclick(pinned.x, pinned.y);
    await page.keyboard.up('Alt');
    // Released, the node is free to move again; wherever it goes, it carries no pin.
    await expect.poll(async () => (await pixelsAround(page, (await exportedNodes(page)).get(node.id)!, PIN, 0, 6)).matching).toBeLessThan(5);
  });
});
