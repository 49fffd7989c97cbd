/**
 * Takes the README's screenshot of the seed map in the built app:
 *   npm run screenshot [-- --lang en]
 */
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

const language = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'zh';
const output = new URL(`../docs/screenshot${language === 'en' ? '.en' : ''}.png`, import.meta.url).pathname;

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 4174, host: '127.0.0.1', strictPort: true } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto('http://127.0.0.1:4174/');
  const focus = page.locator('[data-node-id="zhu-startups-destroyed"]');
  await focus.waitFor();
  // A deep link centres the camera on 朱啸虎's claim, a little below the middle so its supporters show.
  const [x, y] = ((await focus.getAttribute('transform')) ?? '').match(/-?[\d.]+/g)!.map(Number);
  await page.goto(`http://127.0.0.1:4174/#view?sel=zhu-startups-destroyed&depth=1&lang=${language}&cam=${x},${y! + 120},0.85`);
  await page.reload();
  await focus.waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
