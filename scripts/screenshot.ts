/**
 * Takes the README's screenshot of the seed map in the built app:
 *   npm run screenshot [-- --lang en]
 * The seed's central question and both named clashes at 1440×900, with the inspector open on
 * 朱啸虎's claim and the reason for its status.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

const language = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'zh';
const output = new URL(`../docs/screenshot${language === 'en' ? '.en' : ''}.png`, import.meta.url).pathname;
const port = Number(process.env.SCREENSHOT_PORT ?? 4174);

// A build of its own: `dist/` may be in use by a test server.
const outDir = mkdtempSync(join(tmpdir(), 'argmap-screenshot-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  await page.goto(`http://127.0.0.1:${port}/#view?lang=${language}`);
  await page.locator('[data-layout="settled"]').first().waitFor({ state: 'attached' });
  await page.locator('svg.map g[data-node-id="zhu-startups-destroyed"]').waitFor();
  // The central question and both named clashes, centred in the map area left beside the inspector.
  const focus = ['q-who-wins', 'zhu-startups-destroyed', 'fu-new-opportunities', 'he-vertical-not-cheap', 'tang-vertical-cheaper'];
  const [left, top, right, bottom] = await page.evaluate((ids) => {
    const boxes = ids.map((id) => {
      const group = document.querySelector(`svg.map g[data-node-id="${id}"]`)!;
      const [x, y] = (group.getAttribute('transform') ?? '').match(/-?[\d.]+/g)!.map(Number);
      const outline = group.querySelector('rect.outline')!;
      const width = Number(outline.getAttribute('width'));
      const height = Number(outline.getAttribute('height'));
      return [x! - width / 2, y! - height / 2, x! + width / 2, y! + height / 2];
    });
    return [0, 1, 2, 3].map((side) => (side < 2 ? Math.min : Math.max)(...boxes.map((box) => box[side]!)));
  }, focus);
  const mapArea = 1440 - 330 - 360;
  const zoom = Math.min(0.8, (mapArea - 60) / (right! - left!));
  await page.goto(`http://127.0.0.1:${port}/#view?sel=zhu-startups-destroyed&depth=2&lang=${language}&cam=${(left! + right!) / 2},${(top! + bottom!) / 2},${zoom}`);
  await page.reload();
  await page.locator('aside.inspector .reason').waitFor();
  await page.mouse.move(2, 2);
  await page.waitForTimeout(800);
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
