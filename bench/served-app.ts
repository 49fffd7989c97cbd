/**
 * What every browser benchmark runs against: the production build in a temporary folder (dist/
 * is left alone), served by Vite's preview on a free port, and headless Debian Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';

export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface ServedApp {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** A port nobody listens on. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * `addFiles`: anything else the benchmark serves beside the app (a baseline page, say).
 * `pages`: pages of its own, built with the app (paths from the project root, served at the same path).
 */
export async function serveApp(name: string, addFiles?: (outDir: string) => Promise<void>, pages: readonly string[] = []): Promise<ServedApp> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
  const outDir = mkdtempSync(path.join(tmpdir(), `argmap-${name}-`));
  process.stderr.write(`building the app into ${outDir} …\n`);
  const input = pages.length === 0 ? undefined : [path.join(PROJECT_ROOT, 'index.html'), ...pages.map((page) => path.join(PROJECT_ROOT, page))];
  await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(input ? { rollupOptions: { input } } : {}) } });
  await addFiles?.(outDir);
  const port = await freePort();
  const server = await preview({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
