/**
 * Shared rooms in a real browser against real `argmap serve` processes: Share…, two people editing
 * one room, a viewer who cannot edit, refused links, the connection status, a server killed and
 * restarted, edits made offline, and two servers sharing rooms through Redis.
 */
import { expect, test, type Browser, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import { loadSeed, revealNode } from './helpers.ts';
import {
  addClaim,
  connectionStatus,
  createSeedRoom,
  expectConnected,
  expectNodeCount,
  onServer,
  removeDir,
  startRedis,
  startServe,
  tempDir,
  type ServeProcess,
} from './helpers-collab.ts';

const SEED_NODES = loadSeed().nodes.length;
const SEED_TITLE = loadSeed().title.zh!;

// Each test starts browsers, and some start servers and wait out a reconnection's backoff.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: ServeProcess;
let dataDir: string;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  dataDir = tempDir('argmap-e2e-serve-');
  server = await startServe({ dataDir });
});

test.afterAll(async () => {
  await server?.stop();
  removeDir(dataDir);
});

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A page of its own browser context (its own storage, as another person's browser). */
async function person(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => message.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED/.test(message.text()) && console.log(`[page] ${message.text()}`));
  await page.goto(url);
  return page;
}

test('the statically hosted app offers no Share…', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.hint')).toContainText(`${SEED_NODES} 个节点`);
  await expect(page.getByRole('button', { name: '分享…' })).toHaveCount(0);
});

test('Share… makes a room of the open map; its edit link brings a second person in, and edits cross both ways', async ({ browser }) => {
  const violations: string[] = [];
  const sharer = await person(browser, `${server.url}/`);
  sharer.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await sharer.getByRole('button', { name: '分享…' }).click();
  const dialog = sharer.getByRole('dialog', { name: '分享此地图' });
  const editField = dialog.locator('input[data-link="edit"]');
  await expect(editField).toHaveValue(new RegExp(`^${server.url}/#room=[A-Za-z0-9_-]{22}&token=[^&]+\\.edit\\.`));
  await expect(dialog.locator('input[data-link="view"]')).toHaveValue(/\.view\./);
  const editLink = await editField.inputValue();
  await dialog.getByRole('button', { name: '关闭' }).click();
  // The sharer is now in the room: the same-origin WebSocket passed the served CSP's connect-src.
  await expectConnected(sharer);
  await expect(connectionStatus(sharer)).toHaveText('已连接');
  expect(sharer.url()).toContain('room=');

  const coEditor = await person(browser, editLink);
  await expectConnected(coEditor);
  await expectNodeCount(coEditor, SEED_NODES);
  await addClaim(coEditor);
  await expectNodeCount(sharer, SEED_NODES + 1);
  await addClaim(sharer);
  await expectNodeCount(coEditor, SEED_NODES + 2);
  expect(violations).toEqual([]);
});

test('a viewer explores and sees edits, but every edit is refused on the page and the editing bar is off', async ({ browser }) => {
  const links = await createSeedRoom(server.url);
  const viewer = await person(browser, links.view);
  await expectConnected(viewer);
  await expect(viewer.locator('.view-only')).toHaveText('只读');
  await expect(viewer.locator('.authoring').getByRole('button', { name: '+ 添加主张' })).toBeDisabled();
  // N opens no new node's editor on a view link; the page says why.
  await viewer.locator('h1').click();
  await viewer.keyboard.press('n');
  await expect(viewer.locator('.announcer')).toHaveText('这是只读链接：不能修改地图。');
  await expect(viewer.getByRole('textbox', { name: /新节点的文本/ })).toHaveCount(0);
  await expectNodeCount(viewer, SEED_NODES);

  const editor = await person(browser, links.edit);
  await expectConnected(editor);
  await addClaim(editor);
  await expectNodeCount(viewer, SEED_NODES + 1);
  await expect(connectionStatus(viewer)).toHaveAttribute('data-status', 'connected');
});

test('a wrong token and a revoked link are refused on the page, and the map on screen stays', async ({ browser }) => {
  const links = await createSeedRoom(server.url);
  const forged = links.edit.replace(/.{4}$/, 'AAAA');
  const stranger = await person(browser, forged);
  const alert = stranger.getByRole('alert').filter({ hasText: '无法打开共享地图' });
  await expect(alert).toContainText('此链接无效', { timeout: 15_000 });
  await expect(stranger.locator('h1')).toContainText(SEED_TITLE);
  await expectNodeCount(stranger, SEED_NODES);

  // Revoke in the Share dialog: a new pair, and the old view link stops working.
  const owner = await person(browser, links.edit);
  await expectConnected(owner);
  await owner.getByRole('button', { name: '分享…' }).click();
  const dialog = owner.getByRole('dialog', { name: '分享此地图' });
  await expect(dialog.locator('input[data-link="view"]')).toHaveValue(links.view);
  await dialog.getByRole('button', { name: /撤销链接/ }).click();
  await expect(dialog.getByText('旧链接已失效')).toBeVisible();
  const newView = await dialog.locator('input[data-link="view"]').inputValue();
  expect(newView).not.toBe(links.view);
  await dialog.getByRole('button', { name: '关闭' }).click();

  const late = await person(browser, links.view);
  await expect(late.getByRole('alert').filter({ hasText: '无法打开共享地图' })).toContainText('已被撤销', { timeout: 15_000 });
  await expectNodeCount(late, SEED_NODES);
  const invited = await person(browser, newView);
  await expectConnected(invited);
  // The owner's own page went on with the new edit link.
  await addClaim(owner);
  await expectNodeCount(invited, SEED_NODES + 1);
});

test('kill -9 of the server and a restart on the same data: nothing acknowledged is lost, and clients reconnect on their own', async ({ browser }) => {
  const crashDir = tempDir('argmap-e2e-crash-');
  let crashing = await startServe({ dataDir: crashDir });
  try {
    const links = await createSeedRoom(crashing.url);
    const first = await person(browser, links.edit);
    const second = await person(browser, links.edit);
    await expectConnected(first);
    await expectConnected(second);
    await addClaim(first);
    await addClaim(first);
    // The other client has it: the server stored it, then passed it on.
    await expectNodeCount(second, SEED_NODES + 2);

    await crashing.crash();
    await expect(connectionStatus(first)).toHaveText('重新连接中…');
    crashing = await startServe({ dataDir: crashDir, port: crashing.port });
    await expectConnected(first, 30_000);
    await expectConnected(second, 30_000);
    const fresh = await person(browser, links.view);
    await expectConnected(fresh);
    await expectNodeCount(fresh, SEED_NODES + 2);
    await addClaim(second);
    await expectNodeCount(first, SEED_NODES + 3);
  } finally {
    await crashing.stop();
    removeDir(crashDir);
  }
});

test('edits made offline on both sides merge when the connection is back; the page says it is offline', async ({ browser }) => {
  const links = await createSeedRoom(server.url);
  const away = await person(browser, links.edit);
  const here = await person(browser, links.edit);
  await expectConnected(away);
  await expectConnected(here);

  await away.context().setOffline(true);
  await expect(connectionStatus(away)).toHaveText('离线（修改会在恢复后同步）');
  // The views loaded ahead when the room was joined: the inspector opens offline, in edit mode too.
  const point = await revealNode(away, loadSeed().nodes[0]!.id);
  await away.mouse.click(point.x, point.y);
  await expect(away.locator('aside')).toBeVisible();
  await away.locator('aside').getByRole('button', { name: '编辑', exact: true }).click();
  await expect(away.locator('aside textarea').first()).toBeVisible();
  await away.keyboard.press('Escape');
  await addClaim(away);
  await addClaim(here);
  await addClaim(here);
  // Still apart: the offline page has its own edit only.
  await expectNodeCount(away, SEED_NODES + 1);
  await expectNodeCount(here, SEED_NODES + 2);

  await away.context().setOffline(false);
  await expectConnected(away, 30_000);
  await expectNodeCount(away, SEED_NODES + 3);
  await expectNodeCount(here, SEED_NODES + 3);
});

test('edits made while the server cannot be reached survive a reload, and reach the room once it can', async ({ browser }) => {
  const links = await createSeedRoom(server.url);
  const other = await person(browser, links.edit);
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  // The page's WebSockets pass through here: cut, every attempt is closed at once.
  let cut = false;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/.*/, (socket) => {
    if (cut) return void socket.close();
    socket.connectToServer();
    sockets.push(socket);
  });
  await page.goto(links.edit);
  await expectConnected(page);
  await expectConnected(other);

  cut = true;
  for (const socket of sockets.splice(0)) await socket.close();
  await expect(connectionStatus(page)).toHaveText('重新连接中…');
  await addClaim(page);
  // Autosave keeps every change within a second.
  await page.waitForTimeout(1000);
  await page.reload();
  await expectNodeCount(page, SEED_NODES + 1);
  await expect(connectionStatus(page)).toHaveText('正在连接…');
  await expectNodeCount(other, SEED_NODES);

  cut = false;
  await expectConnected(page, 30_000);
  await expectNodeCount(other, SEED_NODES + 1);
  await expectNodeCount(page, SEED_NODES + 1);
});

test('two servers sharing Redis and a data folder: a browser on each edits the same room', async ({ browser }) => {
  const redis = await startRedis();
  const sharedDir = tempDir('argmap-e2e-redis-');
  const servers: ServeProcess[] = [];
  try {
    servers.push(await startServe({ dataDir: sharedDir, redis: redis.url }));
    servers.push(await startServe({ dataDir: sharedDir, redis: redis.url }));
    const links = await createSeedRoom(servers[0]!.url);
    const left = await person(browser, links.edit);
    const right = await person(browser, onServer(links.edit, servers[1]!.url));
    await expectConnected(left);
    await expectConnected(right);
    await addClaim(left);
    await expectNodeCount(right, SEED_NODES + 1);
    await addClaim(right);
    await expectNodeCount(left, SEED_NODES + 2);
  } finally {
    for (const running of servers) await running.stop();
    await redis.stop();
    removeDir(sharedDir);
  }
});
