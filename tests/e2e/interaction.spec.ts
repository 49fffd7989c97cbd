import { expect, test, type Page } from '@playwright/test';
import {
  allNodePositions, camera, CAMERA, dragMouse, findBackgroundPoint, loadSeed, neighboursOf, nodePosition, openApp,
  revealNode, waitForCameraToRest, waitForLayoutToRest, editingReady,
} from './helpers.ts';

const seed = loadSeed();

/** A node that sits clear of the others' paths in the seed map. */
const DRAGGED = 'zhu-startups-destroyed';

function node(page: Page, id: string) {
  return page.locator(`svg.map g[data-node-id="${id}"]`);
}

test.describe('dragging a node', () => {
  test('moves it with the pointer, pins it, and an Alt+double-click releases it', async ({ page }) => {
    await openApp(page);
    const grab = await revealNode(page, DRAGGED);
    const { k } = await camera(page);
    const before = await nodePosition(page, DRAGGED);
    await expect(node(page, DRAGGED)).not.toHaveClass(/\bpinned\b/);

    // Leftwards: the inspector opens on the right with the double-click's first click.
    await dragMouse(page, grab, { x: grab.x - 150, y: grab.y + 80 });

    await expect(node(page, DRAGGED)).toHaveClass(/\bpinned\b/);
    await expect(node(page, DRAGGED).locator('circle.pin')).toHaveCount(1);
    // A drag is not a click: it does not open the inspector.
    await expect(page.getByRole('complementary')).toHaveCount(0);
    // The node stays where it was dropped even while the layout cools around it.
    await waitForLayoutToRest(page);
    const after = await nodePosition(page, DRAGGED);
    const tolerance = 2 / k;
    expect.soft(Math.abs(after.x - (before.x - 150 / k)), `x moved from ${before.x} to ${after.x} at zoom ${k}; expected -${150 / k}`).toBeLessThan(tolerance);
    expect.soft(Math.abs(after.y - (before.y + 80 / k)), `y moved from ${before.y} to ${after.y} at zoom ${k}; expected +${80 / k}`).toBeLessThan(tolerance);
    // The box is drawn under the point where the pointer let go.
    const box = await node(page, DRAGGED).locator('rect.outline').boundingBox();
    expect(box).not.toBeNull();
    expect.soft(Math.abs(box!.x + box!.width / 2 - (grab.x - 150)), 'node centre vs pointer (x)').toBeLessThan(3);
    expect.soft(Math.abs(box!.y + box!.height / 2 - (grab.y + 80)), 'node centre vs pointer (y)').toBeLessThan(3);

    const pinnedAt = await revealNode(page, DRAGGED);
    // A plain double-click edits the node's text (map-editing.spec.ts).
    await page.keyboard.down('Alt');
    await page.mouse.dblclick(pinnedAt.x, pinnedAt.y);
    await page.keyboard.up('Alt');
    await expect(node(page, DRAGGED)).not.toHaveClass(/\bpinned\b/);
    await expect(node(page, DRAGGED).locator('circle.pin')).toHaveCount(0);
  });

  test('the camera stays where the user put it while a dragged node moves the layout', async ({ page }) => {
    await openApp(page);
    const grab = await revealNode(page, DRAGGED);
    // Zoom in a little around the node, so the view is clearly the user's own.
    const opening = (await camera(page)).k;
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.wheel(0, -150);
    await expect.poll(async () => (await camera(page)).k).toBeGreaterThan(opening * 1.1);
    const chosen = await camera(page);
    const point = await revealNode(page, DRAGGED);
    const panned = await camera(page);
    expect(panned.k).toBeCloseTo(chosen.k, 6);

    await dragMouse(page, point, { x: point.x + 100, y: point.y + 60 });
    await waitForLayoutToRest(page);
    expect(await camera(page), 'the camera moved on its own during or after the drag').toEqual(panned);
  });

  test('a plain click selects a node without pinning it or disturbing the layout', async ({ page }) => {
    await openApp(page);
    const point = await revealNode(page, DRAGGED);
    const before = await allNodePositions(page);
    await page.mouse.click(point.x, point.y);
    await expect(page.getByRole('complementary')).toBeVisible();
    await expect(node(page, DRAGGED)).toHaveClass(/\bselected\b/);
    // A click is not a drag: "drag a node to pin it" says the hint.
    await expect(node(page, DRAGGED)).not.toHaveClass(/\bpinned\b/);
    await waitForLayoutToRest(page);
    const after = await allNodePositions(page);
    const moved = Object.keys(before).filter((id) => before[id] !== after[id]);
    expect(moved, 'nodes that moved after a click on a node').toEqual([]);
  });
});

/**
 * Waits for the editing bar, which arrives after the map and makes the view shorter: the camera
 * then keeps the map point at the view's centre, shifting by half the bar's height.
 */
async function viewInPlace(page: Page): Promise<void> {
  await editingReady(page);
  await waitForCameraToRest(page);
}

test.describe('the camera', () => {
  test('the wheel over the background zooms', async ({ page }) => {
    await openApp(page);
    await viewInPlace(page);
    const before = await camera(page);
    const point = await findBackgroundPoint(page);
    await page.mouse.move(point.x, point.y);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await camera(page)).k).toBeGreaterThan(before.k * 1.2);
    const zoomedIn = await camera(page);
    // Zooming keeps the map point under the pointer in place.
    const frame = (await page.locator('svg.map').boundingBox())!;
    const local = { x: point.x - frame.x, y: point.y - frame.y };
    const mapPoint = { x: (local.x - before.x) / before.k, y: (local.y - before.y) / before.k };
    expect(Math.abs(mapPoint.x * zoomedIn.k + zoomedIn.x - local.x)).toBeLessThan(2);
    expect(Math.abs(mapPoint.y * zoomedIn.k + zoomedIn.y - local.y)).toBeLessThan(2);

    await page.mouse.wheel(0, 600);
    await expect.poll(async () => (await camera(page)).k).toBeLessThan(zoomedIn.k * 0.6);
  });

  test('dragging the background pans', async ({ page }) => {
    await openApp(page);
    await viewInPlace(page);
    const before = await camera(page);
    const positions = await allNodePositions(page);
    const start = await findBackgroundPoint(page, 120, 60);
    await dragMouse(page, start, { x: start.x + 120, y: start.y + 60 });
    const after = await camera(page);
    expect(after.k).toBeCloseTo(before.k, 6);
    expect(after.x - before.x).toBeCloseTo(120, 0);
    expect(after.y - before.y).toBeCloseTo(60, 0);
    // Panning moves the camera, not the nodes, and pins nothing.
    expect(await allNodePositions(page)).toEqual(positions);
    await expect(page.locator('svg.map g.pinned')).toHaveCount(0);
  });

  test('"Fit to screen" shows every node inside the view', async ({ page }) => {
    await openApp(page);
    // Move away first, so fitting has something to undo.
    const start = await findBackgroundPoint(page, 200, 150);
    await dragMouse(page, start, { x: start.x + 200, y: start.y + 150 });
    await page.mouse.move(start.x + 200, start.y + 150);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await camera(page)).k).toBeGreaterThan(1);
    const moved = await page.locator(CAMERA).getAttribute('transform');

    await page.getByRole('button', { name: '适应屏幕' }).click();
    await expect(page.locator(CAMERA)).not.toHaveAttribute('transform', moved ?? '');
    await waitForCameraToRest(page);

    const frame = await page.locator('svg.map').boundingBox();
    expect(frame).not.toBeNull();
    const outside = await page.locator('svg.map g[data-node-id] rect.outline').evaluateAll(
      (rects, view) =>
        rects
          .filter((rect) => {
            const box = rect.getBoundingClientRect();
            return box.left < view.x - 0.5 || box.top < view.y - 0.5 || box.right > view.x + view.width + 0.5 || box.bottom > view.y + view.height + 0.5;
          })
          .map((rect) => rect.parentElement?.getAttribute('data-node-id')),
      frame!,
    );
    expect(outside, 'nodes outside the view after fitting').toEqual([]);
  });

  test('the English "Fit to screen" button fits too', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const start = await findBackgroundPoint(page, -200, -100);
    await dragMouse(page, start, { x: start.x - 200, y: start.y - 100 });
    const moved = await camera(page);
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await expect.poll(async () => (await camera(page)).x).not.toBeCloseTo(moved.x, 0);
    await waitForCameraToRest(page);
    const frame = (await page.locator('svg.map').boundingBox())!;
    const all = await page.locator('svg.map g.nodes').boundingBox();
    expect(all).not.toBeNull();
    expect(all!.x).toBeGreaterThanOrEqual(frame.x - 0.5);
    expect(all!.y).toBeGreaterThanOrEqual(frame.y - 0.5);
    expect(all!.x + all!.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    expect(all!.y + all!.height).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
  });
});

test.describe('hovering a node', () => {
  test('fades every node but it and its neighbours', async ({ page }) => {
    await openApp(page);
    const id = 'zhu-startups-destroyed';
    const neighbours = neighboursOf(seed, id);
    expect(neighbours.size).toBeGreaterThan(2);
    const point = await revealNode(page, id);
    const rest = await findBackgroundPoint(page);
    await page.mouse.move(rest.x, rest.y);
    // Nothing is faded before the hover.
    await expect(page.locator('svg.map g[data-node-id][opacity="0.25"]')).toHaveCount(0);

    await page.mouse.move(point.x, point.y);
    await expect(page.locator('svg.map g[data-node-id][opacity="0.25"]')).toHaveCount(seed.nodes.length - neighbours.size - 1);
    const opacities = await page.locator('svg.map g[data-node-id]').evaluateAll((groups) =>
      Object.fromEntries(groups.map((group) => [group.getAttribute('data-node-id'), group.getAttribute('opacity')])),
    );
    for (const other of seed.nodes) {
      const expected = other.id === id || neighbours.has(other.id) ? '1' : '0.25';
      expect(opacities[other.id], `opacity of ${other.id}`).toBe(expected);
    }
    // Edges that do not touch the hovered node fade as well.
    const touching = seed.edges.filter((edge) => edge.from === id || edge.to === id).map((edge) => edge.id);
    // An attack answered by one the other way shares that one's line.
    const lineOf = (edgeId: string) => page.locator(`svg.map [data-edge-id="${edgeId}"], svg.map [data-partner-edge-id="${edgeId}"]`);
    for (const edgeId of touching) await expect(lineOf(edgeId)).toHaveAttribute('opacity', '1');
    const twoWay = await page.locator('svg.map [data-partner-edge-id][opacity="1"]').count();
    expect(twoWay).toBeGreaterThan(0);
    await expect(page.locator('svg.map [data-edge-id][opacity="1"]')).toHaveCount(touching.length - twoWay);

    // Leaving the node brings everything back.
    const background = await findBackgroundPoint(page);
    await page.mouse.move(background.x, background.y);
    await expect(page.locator('svg.map g[data-node-id][opacity="0.25"]')).toHaveCount(0);
  });
});
