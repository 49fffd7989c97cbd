import { expect, test } from '@playwright/test';
import { loadSeed, openApp, watchPage } from './helpers.ts';

const seed = loadSeed();

test.describe('the seed map', () => {
  test('draws every node and every edge of the JSON file', async ({ page }) => {
    await openApp(page);
    const nodes = page.locator('svg.map g[data-node-id]');
    await expect(nodes).toHaveCount(seed.nodes.length);
    const drawnNodeIds = await nodes.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-node-id')));
    expect(new Set(drawnNodeIds)).toEqual(new Set(seed.nodes.map((node) => node.id)));

    // Two attacks both ways share one line, which names both.
    const edges = page.locator('svg.map [data-edge-id]');
    const twoWay = page.locator('svg.map [data-partner-edge-id]');
    await expect(edges).toHaveCount(seed.edges.length - (await twoWay.count()));
    const drawnEdgeIds = await edges.evaluateAll((lines) =>
      lines.flatMap((line) => [line.getAttribute('data-edge-id'), ...(line.hasAttribute('data-partner-edge-id') ? [line.getAttribute('data-partner-edge-id')] : [])]),
    );
    expect(drawnEdgeIds.sort()).toEqual(seed.edges.map((edge) => edge.id).sort());
    // The named clashes are such lines, with a bar at both ends.
    for (const [one, other] of [['e-29', 'e-73'], ['e-55', 'e-74']]) {
      const line = page.locator(`svg.map line[data-edge-id="${one}"]`);
      await expect(line).toHaveAttribute('data-partner-edge-id', other!);
      await expect(line).toHaveAttribute('marker-start', 'url(#live-arrow-start-attack)');
      await expect(line).toHaveAttribute('marker-end', 'url(#live-arrow-attack)');
    }
    await expect(page.locator('svg.map marker#live-arrow-start-attack')).toHaveAttribute('orient', 'auto-start-reverse');

    // Every edge is a real segment: finite coordinates, not collapsed to a point.
    const degenerate = await edges.evaluateAll((lines) =>
      lines
        .filter((line) => {
          const value = (name: string) => Number(line.getAttribute(name));
          const [x1, y1, x2, y2] = [value('x1'), value('y1'), value('x2'), value('y2')];
          return ![x1, y1, x2, y2].every(Number.isFinite) || Math.hypot(x2 - x1, y2 - y1) < 1;
        })
        .map((line) => line.getAttribute('data-edge-id')),
    );
    expect(degenerate, 'edges drawn with NaN or zero-length coordinates').toEqual([]);
  });

  test('no two node boxes overlap', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(seed.nodes.length);
    const boxes = await page.locator('svg.map g[data-node-id] rect.outline').evaluateAll((rects) =>
      rects.map((rect) => {
        const box = rect.getBoundingClientRect();
        return { id: rect.parentElement?.getAttribute('data-node-id') ?? '?', left: box.left, top: box.top, right: box.right, bottom: box.bottom };
      }),
    );
    expect(boxes).toHaveLength(seed.nodes.length);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 0.5 && overlapY > 0.5) overlaps.push(`${a.id} × ${b.id} (${overlapX.toFixed(1)} × ${overlapY.toFixed(1)} px)`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  test('labels are readable at the default zoom (at least 10 px on screen)', async ({ page }) => {
    await openApp(page);
    const heights = await page.locator('svg.map g[data-node-id] text tspan').evaluateAll((tspans) =>
      tspans.map((tspan) => ({ text: tspan.textContent ?? '', height: tspan.getBoundingClientRect().height })),
    );
    expect(heights.length).toBeGreaterThanOrEqual(seed.nodes.length);
    const smallest = heights.reduce((min, entry) => (entry.height < min.height ? entry : min));
    expect(smallest.height, `smallest label line: ${JSON.stringify(smallest)}`).toBeGreaterThanOrEqual(10);
  });

  test('shows the title and a summary with the node and edge counts', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(seed.title.zh ?? '');
    await expect(page.getByText(`${seed.nodes.length} 个节点，${seed.edges.length} 条关系`)).toBeVisible();
    await expect(page).toHaveTitle(`${seed.title.zh} · argmap`);
  });

  test('opens at 1440×900 on the central question and both named clashes, readable, with no node under a panel', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openApp(page);
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(seed.nodes.length);
    // The view is framed again when the layout settles: wait for two frames after that.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const scene = await page.evaluate(() => {
      const rectangle = (element: Element | null) => {
        if (!element) return undefined;
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      const camera = document.querySelector('svg.map > g')?.getAttribute('transform') ?? '';
      return {
        zoom: Number(/scale\(([\d.]+)\)/.exec(camera)?.[1] ?? NaN),
        mapArea: rectangle(document.querySelector('svg.map'))!,
        panels: [rectangle(document.querySelector('.side-panel')), rectangle(document.querySelector('aside.inspector'))].filter((panel) => panel !== undefined),
        nodes: [...document.querySelectorAll('svg.map g[data-node-id] rect.outline')].map((outline) => ({
          id: outline.parentElement?.getAttribute('data-node-id') ?? '?',
          ...rectangle(outline)!,
        })),
      };
    });
    expect(scene.zoom, 'the opening zoom').toBeGreaterThanOrEqual(0.6);
    expect(scene.panels.length, 'the side panel is there, and no inspector yet').toBe(1);
    const under = scene.nodes.flatMap((node) =>
      scene.panels
        .filter((panel) => Math.min(node.right, panel.right) - Math.max(node.left, panel.left) > 0 && Math.min(node.bottom, panel.bottom) - Math.max(node.top, panel.top) > 0)
        .map(() => node.id),
    );
    expect(under, 'nodes under a panel').toEqual([]);
    const inView = (id: string) => {
      const node = scene.nodes.find((candidate) => candidate.id === id)!;
      return node.left >= scene.mapArea.left && node.right <= scene.mapArea.right && node.top >= scene.mapArea.top && node.bottom <= scene.mapArea.bottom;
    };
    const focus = ['q-who-wins', 'zhu-startups-destroyed', 'fu-new-opportunities', 'he-vertical-not-cheap', 'tang-vertical-cheaper'];
    expect(focus.filter((id) => !inView(id)), 'the question and the clashes not wholly in view').toEqual([]);
  });

  test('the seed opens without a problem report', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a normal session raises no console errors and no uncaught exceptions', async ({ page }) => {
    const problems = watchPage(page);
    await openApp(page);
    await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(seed.nodes.length);
    // Hover, select, switch language twice, fit, close the inspector.
    const node = page.locator('svg.map g[data-node-id="zhu-startups-destroyed"]');
    await page.getByRole('button', { name: '适应屏幕' }).click();
    await node.hover();
    await node.click();
    await expect(page.getByRole('complementary')).toBeVisible();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Inspector' })).toBeVisible();
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByRole('complementary')).toHaveCount(0);
    // Let any late error (a failed resource, a rejected promise) surface.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
    expect(problems.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(problems.consoleErrors, 'console errors').toEqual([]);
    expect(problems.dialogs, 'dialogs').toEqual([]);
  });
});
