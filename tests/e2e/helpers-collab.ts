/**
 * Helpers for the shared-room tests: real `argmap serve` processes (and a real redis-server) on
 * free loopback ports, serving the dist/ that Playwright's web server has just built, and ways to
 * read a page's room: its connection status, the number of nodes on its map, its links.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { seedMapText } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ServeProcess {
  readonly port: number;
  readonly url: string;
  readonly dataDir: string;
  readonly output: string[];
  /** kill -9: nothing is flushed; only what the server stored before acknowledging survives. */
  crash(): Promise<void>;
  /** SIGTERM, as a person's Ctrl+C. */
  stop(): Promise<void>;
}

/**
 * `argmap serve` as a person starts it, in a process of its own. Node gets the CLI's heap cap on
 * its command line, so bin/argmap.js runs the server itself rather than in a child process: a
 * kill -9 reaches the server.
 */
export async function startServe(options: { readonly port?: number; readonly dataDir: string; readonly redis?: string }): Promise<ServeProcess> {
  const port = options.port ?? (await freePort());
  const args = ['--max-old-space-size=700', 'bin/argmap.js', 'serve', '--port', String(port), '--data', options.dataDir, '--host', '127.0.0.1', ...(options.redis ? ['--redis', options.redis] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`argmap serve exited ${child.exitCode}: ${output.join('')}`);
    return fetch(`${url}/`).then((response) => response.ok, () => false);
  }, `argmap serve on port ${port}`);
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { port, url, dataDir: options.dataDir, output, crash: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** Debian's redis-server on a free port, without any persistence of its own. */
export async function startRedis(): Promise<{ readonly url: string; stop(): Promise<void> }> {
  if (spawnSync('redis-server', ['--version']).error) throw new Error('redis-server was not found: install it with `apt-get install -y redis-server` (the scale-out test starts its own)');
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitUntil(
    () =>
      new Promise<boolean>((resolve) => {
        const probe = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
        resolve(probe.stdout?.trim() === 'PONG');
      }),
    `redis-server on port ${port}`,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

export interface Links {
  readonly edit: string;
  readonly view: string;
  readonly room: string;
}

/** A room holding the seed map, made through the rooms API as the Share… button does. */
export async function createSeedRoom(baseUrl: string): Promise<Links> {
  const response = await fetch(`${baseUrl}/api/rooms`, { method: 'POST', body: seedMapText(), headers: { 'Content-Type': 'application/json' } });
  if (response.status !== 201) throw new Error(`room not created: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { room: string; edit: { token: string }; view: { token: string } };
  return { room: body.room, edit: `${baseUrl}/#room=${body.room}&token=${body.edit.token}`, view: `${baseUrl}/#room=${body.room}&token=${body.view.token}` };
}

/** The same link on another server (scale-out: the same room through another process). */
export function onServer(link: string, baseUrl: string): string {
  return `${baseUrl}/${link.slice(link.indexOf('#'))}`;
}

export const connectionStatus = (page: Page) => page.locator('.connection[role="status"]');

/** Waits for the page to be in its room and in sync with the server. */
export async function expectConnected(page: Page, timeout = 15_000): Promise<void> {
  await expect(connectionStatus(page)).toHaveAttribute('data-status', 'connected', { timeout });
}

/** The number of nodes the page's map has, as its summary line says. */
export async function nodeCount(page: Page): Promise<number> {
  const hint = (await page.locator('.hint').textContent()) ?? '';
  const match = /(\d+)\s*(?:个节点|nodes)/.exec(hint);
  if (!match) throw new Error(`no node count in ${JSON.stringify(hint)}`);
  return Number(match[1]);
}

export async function expectNodeCount(page: Page, count: number, timeout = 10_000): Promise<void> {
  await expect.poll(() => nodeCount(page), { timeout }).toBe(count);
}

/** Adds a claim with the editing bar's button; the page announces it. */
export async function addClaim(page: Page): Promise<void> {
  const before = await nodeCount(page);
  await page.locator('.authoring').getByRole('button', { name: /^\+ (添加主张|Add claim)$/ }).click();
  await expectNodeCount(page, before + 1);
}
