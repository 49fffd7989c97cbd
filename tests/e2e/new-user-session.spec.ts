/**
 * Issue 15 §8, a new user's session: starting from "New map from article…" with the seed article,
 * a person builds the 朱啸虎 vs 傅盛 clash. Three passages become claims, each with its speaker
 * named; two attacks (one each way: a mutual rebuttal) and a support are drawn with the keyboard
 * (C, the arrows, Enter, and the kind chooser); five undos and two redos land where they should;
 * a reload brings the map back; Export SVG and Save as argmap JSON follow, and `argmap validate`
 * accepts the saved file.
 *
 * The undo history lives in the page (Y.UndoManager), not in the autosave: the undos and redos
 * come before the reload, and the reload must bring back the map as the redos left it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { analyseSvg, articleText, downloadedText, exportSvg, loadSeed, nodeById, openApp } from './helpers.ts';
import { saveAs } from './helpers-formats.ts';
import { passageOffset, startClaim } from './helpers-source.ts';

const seed = loadSeed();
const article = articleText();
const ZHU = nodeById(seed, 'zhu-startups-destroyed').quote!.text;
const FU = nodeById(seed, 'fu-new-opportunities').quote!.text;
const PILLARS = nodeById(seed, 'zhu-pillars-concentrate').quote!.text;

function summary(page: Page, nodes: number, edges: number) {
  return expect(page.locator('.overlay .hint')).toContainText(`${nodes} 个节点，${edges} 条关系`);
}

function mapNode(page: Page, id: string) {
  return page.locator(`svg.map g[data-node-id="${id}"]`);
}

/** Makes a claim of `passage`, said by a new speaker (name and affiliation) or an actor picked by name; returns its id. */
async function claimFromSource(page: Page, passage: string, speaker: { name: string; affiliation?: string }, isNew: boolean): Promise<string> {
  const start = await passageOffset(page, passage);
  const form = await startClaim(page, start, start + passage.length);
  await expect(form.locator('blockquote')).toHaveText(passage);
  const picker = form.getByLabel('发言者', { exact: true });
  if (isNew) {
    await picker.selectOption({ label: '新发言者…' });
    await form.getByLabel('发言者姓名').fill(speaker.name);
    await form.getByLabel('所属机构（可不填）').fill(speaker.affiliation ?? '');
  } else {
    await picker.selectOption({ label: `${speaker.name}, ${speaker.affiliation}` });
  }
  await form.getByRole('button', { name: '建立主张' }).click();
  await expect(form).toHaveCount(0);
  const selected = page.locator('svg.map g[data-node-id][aria-pressed="true"]');
  await expect(selected).toHaveAttribute('aria-label', passage);
  return (await selected.getAttribute('data-node-id')) ?? '';
}

/** Connects `from` to `to` from the keyboard: C on the node, arrows until `to` is the target, Enter, then the kind. */
async function connectByKeys(page: Page, from: string, to: string, kind: '支持' | '反驳'): Promise<void> {
  await mapNode(page, from).focus();
  await page.keyboard.press('c');
  await expect(page.locator('.connect-notice')).toContainText('方向键');
  const target = page.locator(`rect.connect-target[data-target-id="${to}"]`);
  let found = false;
  for (const key of ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) {
    await page.keyboard.press(key);
    if (await target.isVisible()) {
      found = true;
      break;
    }
  }
  expect(found, `the arrow keys reach ${to} from ${from}`).toBe(true);
  await page.keyboard.press('Enter');
  const chooser = page.getByRole('dialog', { name: '连接类型' });
  await expect(chooser).toBeVisible();
  await chooser.getByRole('button', { name: kind }).click();
  await expect(chooser).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `已连接：${kind}` })).toBeAttached();
}

async function undoButton(page: Page, label: string) {
  const button = page.locator('.authoring button').first();
  await expect(button).toHaveAttribute('aria-label', label);
  return button;
}

test('a new user builds the 朱啸虎 vs 傅盛 clash from the article, undoes, redoes, reloads, exports and saves', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);

  // "New map from article…" with the seed article, pasted.
  await page.locator('summary', { hasText: '新建与最近' }).click();
  await page.getByRole('button', { name: /^从文章新建地图…$/ }).click();
  const dialog = page.getByRole('dialog', { name: '从文章新建地图…' });
  await dialog.getByLabel('粘贴文章文本').fill(article);
  await dialog.getByRole('button', { name: '新建地图' }).click();
  await expect(dialog).toHaveCount(0);
  await summary(page, 0, 0);
  await expect(page.locator('.authoring .saved, .autosave-notice').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.source-panel article')).toContainText(ZHU);

  // 1-2. Three passages become claims, their speakers named as they are made.
  const zhu = await claimFromSource(page, ZHU, { name: '朱啸虎', affiliation: '知名投资人' }, true);
  const fu = await claimFromSource(page, FU, { name: '傅盛', affiliation: '猎豹移动CEO' }, true);
  const pillars = await claimFromSource(page, PILLARS, { name: '朱啸虎', affiliation: '知名投资人' }, false);
  await summary(page, 3, 0);
  // Each passage is marked in the source now.
  await expect(page.locator('.source-panel mark.quote')).toHaveText([ZHU, PILLARS, FU].sort((a, b) => article.indexOf(a) - article.indexOf(b)));

  // 3. Two attacks, one each way (a mutual rebuttal), and a support.
  await connectByKeys(page, zhu, fu, '反驳');
  await connectByKeys(page, fu, zhu, '反驳');
  await connectByKeys(page, pillars, zhu, '支持');
  await summary(page, 3, 3);
  await expect(page.locator('svg.map line.edge-mutual')).toHaveCount(1);
  await expect(page.locator('svg.map line.edge-support')).toHaveCount(1);

  // 5. Five undos (keyboard and toolbar), each saying what it undoes; two redos.
  await expect(await undoButton(page, '撤销：连接：支持')).toBeEnabled();
  await page.locator('body').press('Control+z');
  await summary(page, 3, 2);
  await undoButton(page, '撤销：连接：反驳');
  await page.locator('body').press('Control+z');
  await summary(page, 3, 1);
  await expect(page.locator('svg.map line.edge-mutual')).toHaveCount(0);
  await (await undoButton(page, '撤销：连接：反驳')).click();
  await summary(page, 3, 0);
  await (await undoButton(page, '撤销：添加主张')).click();
  await summary(page, 2, 0);
  await expect(mapNode(page, pillars)).toHaveCount(0);
  await page.locator('body').press('Control+z');
  await summary(page, 1, 0);
  await expect(mapNode(page, fu)).toHaveCount(0);
  await expect(mapNode(page, zhu)).toHaveCount(1);
  // 傅盛 went with his claim: one step made them both.
  await expect(page.locator('.source-panel mark.quote')).toHaveText([ZHU]);

  await page.locator('body').press('Control+Shift+z');
  await summary(page, 2, 0);
  await expect(mapNode(page, fu)).toHaveCount(1);
  await page.locator('body').press('Control+y');
  await summary(page, 3, 0);
  await expect(mapNode(page, pillars)).toHaveCount(1);
  // The rest of the redo branch is still there: the three connections come back too.
  for (let step = 0; step < 3; step += 1) await page.locator('.authoring button').nth(1).click();
  await summary(page, 3, 3);
  await expect(page.locator('.authoring button').nth(1)).toBeDisabled();

  // 4. A reload brings the map back, as it was.
  await expect(page.locator('.authoring .saved')).toHaveText('已自动保存在此浏览器');
  await page.reload();
  await expect(page.locator('svg.map g[data-node-id]').first()).toBeVisible();
  await summary(page, 3, 3);
  for (const [id, text] of [[zhu, ZHU], [fu, FU], [pillars, PILLARS]] as const) await expect(mapNode(page, id)).toHaveAttribute('aria-label', text);
  await expect(page.locator('svg.map line.edge-mutual')).toHaveCount(1);
  await expect(page.locator('svg.map line.edge-support')).toHaveCount(1);

  // 6. Export SVG, and Save as argmap JSON, which `argmap validate` accepts.
  const svg = await exportSvg(page);
  const drawn = await analyseSvg(page, svg.text);
  expect(drawn.parserErrors).toBe(0);
  expect(drawn.nodes.map((node) => node.id).sort()).toEqual([zhu, fu, pillars].sort());
  expect(drawn.edgeIds).toHaveLength(3);

  const saved = await saveAs(page, /argmap JSON/);
  const json = await downloadedText(saved);
  const map = JSON.parse(json) as { actors: { id: string; name: { zh?: string }; affiliation?: { zh?: string } }[]; nodes: { id: string; actor?: string; quote?: { source: string; text: string } }[]; edges: { from: string; to: string; kind: string }[]; sources: { id: string }[] };
  const speakerOf = (id: string) => map.actors.find((actor) => actor.id === map.nodes.find((node) => node.id === id)?.actor)?.name.zh;
  expect([speakerOf(zhu), speakerOf(fu), speakerOf(pillars)]).toEqual(['朱啸虎', '傅盛', '朱啸虎']);
  expect(map.actors).toHaveLength(2);
  // Every quote is its passage, character for character, and in the article.
  expect(map.nodes.map((node) => node.quote?.text)).toEqual([ZHU, FU, PILLARS]);
  expect(map.nodes.every((node) => node.quote !== undefined && map.sources.some((source) => source.id === node.quote!.source))).toBe(true);
  expect(map.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`).sort()).toEqual([`${zhu} attack ${fu}`, `${fu} attack ${zhu}`, `${pillars} support ${zhu}`].sort());

  const folder = mkdtempSync(join(tmpdir(), 'argmap-session-'));
  const file = join(folder, saved.suggestedFilename());
  writeFileSync(file, json);
  const output = execFileSync(process.execPath, ['bin/argmap.js', 'validate', file], { encoding: 'utf8' });
  expect(output).toContain('valid');
});
