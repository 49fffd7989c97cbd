/**
 * New maps: an empty one, and one from an article (pasted, or a .txt, .md or .html file) whose
 * text becomes the map's source in the Source tab. An HTML file is read as text: its scripts,
 * event handlers and images neither run nor load.
 */
import { expect, test, type Page } from '@playwright/test';
import { articleText, openApp } from './helpers.ts';

async function chooseFromOpenMenu(page: Page, item: RegExp): Promise<void> {
  await page.locator('summary', { hasText: '新建与最近' }).click();
  await page.getByRole('button', { name: item }).click();
}

function summary(page: Page, nodes: number) {
  return expect(page.locator('.overlay .hint')).toContainText(new RegExp(`(?<!\\d)${nodes} 个节点`));
}

test('a new empty map opens with no nodes, in a room of its own, and edits', async ({ page }) => {
  await openApp(page);
  await chooseFromOpenMenu(page, /^新建空白地图$/);
  await summary(page, 0);
  await expect(page.locator('h1')).toContainText('未命名地图');
  await expect(page).toHaveTitle(/^未命名地图 · argmap$/);
  await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(0);
  // The Argdown tab starts from the new map, and typing there fills it.
  await page.getByRole('tab', { name: 'Argdown' }).click();
  const editor = page.getByRole('textbox', { name: 'Argdown 编辑器' });
  await expect(editor).toHaveValue(/未命名地图/);
  await editor.fill(`${await editor.inputValue()}\n[甲]: 第一个主张\n  - [乙]: 反对它\n`);
  await summary(page, 2);
  await expect(page.locator('svg.map g[data-node-id]')).toHaveCount(2);
});

test('a pasted article becomes the source of a new map, titled by its first line', async ({ page }) => {
  await openApp(page);
  const article = articleText();
  const firstLine = article.split('\n').find((line) => line.trim() !== '')!.trim();
  await chooseFromOpenMenu(page, /^从文章新建地图…$/);
  const dialog = page.getByRole('dialog', { name: '从文章新建地图…' });
  await dialog.getByLabel('粘贴文章文本').fill(article);
  await dialog.getByRole('button', { name: '新建地图' }).click();
  await expect(dialog).toHaveCount(0);
  await summary(page, 0);
  await expect(page.locator('h1')).toContainText(firstLine.slice(0, 20));
  // The Source tab is chosen and shows the article; a claim can be made from it there.
  const source = page.locator('.source-panel');
  await expect(source).toContainText('朱啸虎');
  await expect(source.locator('article h3')).toContainText(firstLine.slice(0, 20));
});

test('an empty paste makes no map and says why', async ({ page }) => {
  await openApp(page);
  const before = await page.locator('.overlay .hint').textContent();
  await chooseFromOpenMenu(page, /^从文章新建地图…$/);
  const dialog = page.getByRole('dialog', { name: '从文章新建地图…' });
  await dialog.getByRole('button', { name: '新建地图' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请先粘贴文本或选择文件。');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.overlay .hint')).toHaveText(before!);
});

test('an HTML file with a script and an image handler opens as text, and nothing in it runs or loads', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openApp(page);
  const html = `<!doctype html><html><head><title>敌意文章 &lt;b&gt;</title>
    <script>window.__articleRan = 'head'; alert('head')</script>
    <link rel="stylesheet" href="/probe-style.css"><meta http-equiv="refresh" content="0; url=/probe-refresh">
    <style>body { background: url(/probe-background.png) }</style></head>
    <body onload="window.__articleRan = 'onload'">
    <h1>敌意文章</h1>
    <p>第一段：<b>加粗</b>的正文。</p>
    <img src="/probe-image.png" onerror="window.__articleRan = 'img'; alert('img')">
    <iframe src="/probe-frame"></iframe>
    <p>第二段 &lt;script&gt; 只是文字</p>
    <script>window.__articleRan = 'body'</script>
    </body></html>`;
  await chooseFromOpenMenu(page, /^从文章新建地图…$/);
  const dialog = page.getByRole('dialog', { name: '从文章新建地图…' });
  await dialog.getByLabel('或打开 .txt、.md 或 .html 文件').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') });
  await expect(dialog.locator('.chosen')).toContainText('hostile.html');
  await dialog.getByRole('button', { name: '新建地图' }).click();
  await expect(page.locator('h1')).toContainText('敌意文章 <b>');

  const source = page.locator('.source-panel');
  await expect(source).toContainText('第一段：加粗的正文。');
  await expect(source).toContainText('第二段 <script> 只是文字');
  await expect(source).not.toContainText('__articleRan');
  await expect(source).not.toContainText('background');
  await expect(source.locator('img, iframe, script, b, link')).toHaveCount(0);
  // Give anything that would run or load a moment to do so.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as { __articleRan?: string }).__articleRan)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(requests.filter((url) => url.includes('probe'))).toEqual([]);
  expect(new URL(page.url()).pathname).toBe('/');
});

test('a Markdown file opens as written, titled by its first heading', async ({ page }) => {
  await openApp(page);
  await chooseFromOpenMenu(page, /^从文章新建地图…$/);
  const dialog = page.getByRole('dialog', { name: '从文章新建地图…' });
  await dialog.getByLabel('或打开 .txt、.md 或 .html 文件').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# 会议记录\n\n- 甲说：*应该*做。\n', 'utf8') });
  await dialog.getByRole('button', { name: '新建地图' }).click();
  await expect(page.locator('h1')).toContainText('会议记录');
  await expect(page.locator('.source-panel')).toContainText('- 甲说：*应该*做。');
});
