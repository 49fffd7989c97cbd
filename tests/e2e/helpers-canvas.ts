/**
 * Reading and driving the canvas renderer, which has no element per node: node places come
 * from an Export SVG download (a channel a person has too), the camera from the canvas's
 * `data-transform`, and what is drawn from screenshot pixels.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { exportSvg, parseCamera, type Point } from './helpers.ts';

export const CANVAS_MAP = 'canvas.map';

export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Every drawn node's place and box in map units, read from an exported SVG. */
export async function exportedNodes(page: Page): Promise<Map<string, PlacedNode>> {
  const { text } = await exportSvg(page);
  const nodes = new Map<string, PlacedNode>();
  for (const match of text.matchAll(/<g class="node[^"]*" data-node-id="([^"]+)"[^>]*transform="translate\(([-\d.e]+),([-\d.e]+)\)">(?:<title>[^<]*<\/title>)?<rect([^>]*)>/g)) {
    const rect = match[4]!;
    const width = Number(/\bwidth="([\d.]+)"/.exec(rect)?.[1]);
    const height = Number(/\bheight="([\d.]+)"/.exec(rect)?.[1]);
    nodes.set(match[1]!, { id: match[1]!, x: Number(match[2]), y: Number(match[3]), width, height });
  }
  return nodes;
}

/** Waits until the camera has not moved over a few frames; returns it. */
export async function restingCamera(page: Page): Promise<{ x: number; y: number; k: number }> {
  const canvas = page.locator(CANVAS_MAP);
  await expect
    .poll(
      () =>
        canvas.evaluate(
          (element) =>
            new Promise<boolean>((resolve) => {
              const first = element.getAttribute('data-transform');
              let frames = 0;
              const tick = () => {
                frames += 1;
                if (frames < 8) requestAnimationFrame(tick);
                else resolve(element.getAttribute('data-transform') === first);
              };
              requestAnimationFrame(tick);
            }),
        ),
      { timeout: 10_000, intervals: [0] },
    )
    .toBe(true);
  return parseCamera(await canvas.getAttribute('data-transform'));
}

/** Where a map point is on the page, in CSS pixels. */
export async function screenPointOf(page: Page, point: { x: number; y: number }): Promise<Point> {
  const camera = await restingCamera(page);
  const frame = await page.locator(CANVAS_MAP).boundingBox();
  if (!frame) throw new Error('the canvas map is not drawn');
  return { x: frame.x + camera.x + point.x * camera.k, y: frame.y + camera.y + point.y * camera.k };
}

/**
 * The node whose centre is nearest the middle of the canvas, among those whose centre is bare
 * canvas (no legend or panel over it) and inside no other node's box.
 */
export async function nodeNearCentre(page: Page, nodes: ReadonlyMap<string, PlacedNode>, admit: (node: PlacedNode) => boolean = () => true): Promise<PlacedNode> {
  const camera = await restingCamera(page);
  const frame = await page.locator(CANVAS_MAP).boundingBox();
  if (!frame) throw new Error('the canvas map is not drawn');
  const all = [...nodes.values()];
  const alone = (node: PlacedNode) => all.every((other) => other === node || Math.abs(other.x - node.x) > other.width / 2 + 4 || Math.abs(other.y - node.y) > other.height / 2 + 4);
  const candidates = all
    .filter(admit)
    .map((node) => ({ node, x: frame.x + camera.x + node.x * camera.k, y: frame.y + camera.y + node.y * camera.k }))
    .filter(({ x, y }) => x > frame.x + 150 && x < frame.x + frame.width - 150 && y > frame.y + 100 && y < frame.y + frame.height - 100)
    .sort((a, b) => Math.hypot(a.x - frame.x - frame.width / 2, a.y - frame.y - frame.height / 2) - Math.hypot(b.x - frame.x - frame.width / 2, b.y - frame.y - frame.height / 2));
  for (const { node, x, y } of candidates) {
    if (!alone(node)) continue;
    const bare = await page.evaluate(({ x: px, y: py }) => document.elementFromPoint(px, py)?.matches('canvas.map') ?? false, { x, y });
    if (bare) return node;
  }
  throw new Error('no node stands alone in the middle of the canvas');
}

export interface PixelCounts {
  /** Pixels within `tolerance` of the colour (in each channel). */
  readonly matching: number;
  /** Pixels darker than text grey (luminance below 110). */
  readonly dark: number;
}

/** Counts pixels in a region of the page, around a map node's box grown by `margin` CSS pixels. */
export async function pixelsAround(page: Page, node: PlacedNode, colour: readonly [number, number, number], margin = 14, tolerance = 24): Promise<PixelCounts> {
  const camera = await restingCamera(page);
  const centre = await screenPointOf(page, node);
  const halfWidth = (node.width / 2) * camera.k + margin;
  const halfHeight = (node.height / 2) * camera.k + margin;
  const png = await page.screenshot({ clip: { x: centre.x - halfWidth, y: centre.y - halfHeight, width: 2 * halfWidth, height: 2 * halfHeight } });
  return page.evaluate(
    async ({ base64, rgb, within }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let matching = 0;
      let dark = 0;
      for (let offset = 0; offset < data.length; offset += 4) {
        const [r, g, b] = [data[offset]!, data[offset + 1]!, data[offset + 2]!];
        if (Math.abs(r - rgb[0]) <= within && Math.abs(g - rgb[1]) <= within && Math.abs(b - rgb[2]) <= within) matching += 1;
        if (0.2126 * r + 0.7152 * g + 0.0722 * b < 110) dark += 1;
      }
      return { matching, dark };
    },
    { base64: png.toString('base64'), rgb: colour, within: tolerance },
  );
}

/** The inspector, open on a node whose Chinese text is `text`. */
export async function expectInspectorShows(page: Page, text: string): Promise<Locator> {
  const inspector = page.getByRole('complementary');
  await expect(inspector).toBeVisible();
  await expect(inspector.locator('.texts [lang="zh-Hans"] bdi')).toHaveText(text);
  return inspector;
}
