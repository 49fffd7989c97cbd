/**
 * The production build works offline from any static folder: it is served here from a sub-path
 * by a bare static server, and every request that would leave this machine is refused.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

const DIST = resolve(import.meta.dirname, '../../dist');
const PREFIX = '/some/deep/folder/';
const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    if (!path.startsWith(PREFIX)) {
      response.writeHead(404).end();
      return;
    }
    const file = normalize(join(DIST, path.slice(PREFIX.length) || 'index.html'));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

test('the built app runs from a sub-folder with no request leaving this machine', async ({ page }) => {
  const outside: string[] = [];
  const failed: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:') await route.continue();
    else {
      outside.push(url.href);
      await route.abort();
    }
  });
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('pageerror', (error) => failed.push(error.message));
  await page.goto(`${origin}${PREFIX}`);
  const seed = JSON.parse(await readFile(resolve(import.meta.dirname, '../../graph-data/hundred-model-war.json'), 'utf8')) as { nodes: unknown[] };
  await expect(page.locator('.map [data-node-id]')).toHaveCount(seed.nodes.length);
  // Search loads its pinyin tables as a separate chunk: it must come from the same folder.
  await page.locator('#map-search').fill('zxh');
  await expect(page.locator('.results button').first()).toContainText('朱啸虎');
  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
});
