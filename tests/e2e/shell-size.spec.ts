/**
 * The app's shell as it is served: the entry script of the production build's index.html and every
 * chunk it imports statically, gzipped, stay within 120 KB; the code that is loaded when first
 * used (format readers, the Argdown editor, exports, pinyin search) is not part of it.
 * bench/bundle-size.ts measures the same, with every chunk listed, for bench/RESULTS.md.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { SHELL_TARGET_BYTES, staticImports } from '../../bench/bundle-size.ts';

test('the shell the seed map needs is at most 120 KB gzipped, and loads no reader, editor or export', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  const entry = /<script\s+type="module"[^>]*\bsrc="\.?\/?([^"]+)"/.exec(html)?.[1];
  expect(entry, 'index.html has no module script').toBeDefined();
  const shell = new Map<string, string>();
  const queue = [entry!];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (shell.has(file)) continue;
    const response = await request.get(file);
    expect(response.ok(), `${file} is not served`).toBe(true);
    const code = await response.text();
    shell.set(file, code);
    for (const imported of staticImports(code)) queue.push(new URL(imported, `http://x/${file}`).pathname.slice(1));
  }
  const gzipped = [...shell.values()].reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
  expect(gzipped, `the shell is ${gzipped} bytes gzipped`).toBeLessThanOrEqual(SHELL_TARGET_BYTES);
  // Telltales of code that must load later: papaparse, the yaml package, fflate's zip, the Argdown lexer.
  const all = [...shell.values()].join('\n');
  for (const telltale of ['Quoted field unterminated', 'Nested mappings are not allowed', 'invalid zip data', 'Discussion Title:']) {
    expect(all.includes(telltale), `the shell holds "${telltale}"`).toBe(false);
  }

  // And the page draws the seed map without the code that waits for its first use.
  const scripts: string[] = [];
  page.on('request', (sent) => {
    if (sent.resourceType() === 'script') scripts.push(new URL(sent.url()).pathname.slice(1));
  });
  await page.goto('/');
  await expect(page.locator('svg.map g[data-node-id]').first()).toBeVisible();
  await expect(page.locator('[data-layout="settled"]').first()).toBeAttached();
  // Code the app may load after it draws (the document room, search) is its business; the readers, editor and exports wait for their first use.
  expect(scripts.filter((script) => /\/(?:read-map|argdown|csv|graphml|handouts|svg|ArgdownPanel|search)-[\w-]+\.js$/.test(`/${script}`))).toEqual([]);
});
