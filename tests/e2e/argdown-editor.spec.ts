/**
 * The Argdown tab: the open map written as Argdown, a map that follows the text (after a short
 * pause), located syntax errors that leave the last good map drawn, and nodes that keep their
 * places when an edit keeps them. Expectations come from the app's core, run here in Node.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mapToArgdown, parseArgdown } from '../../src/core/formats/argdown/index.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { allNodePositions, openApp, openMapFile, seedMapText, waitForLayoutToRest, watchPage } from './helpers.ts';
import { EDGES, expectMapDrawn, NODES, readTextInNode } from './helpers-formats.ts';

const SEED = readTextInNode(seedMapText(), 'the seed map');

const KIALO_EXPORT = 'Discussion Title: Should the town build a second bridge?\n\n1. The town should build a second bridge.\n1.1. Pro: Traffic doubles the commute.\n1.2. Con: It costs too much.\n1.2.1. Con: -> See 1.1.\n1.3. Pro: Ferries are slow.\n';

/** Three statements, a support and an attack. */
const SMALL = [
  '[Bridge]: The town should build a second bridge.',
  '  + [Traffic]: Rush-hour traffic doubles the commute.',
  '  - [Cost]: It costs more than a year of schools.',
  '',
].join('\n');

/** The same with a relation after a blank line: it belongs to nothing (line 5, column 3). */
const BROKEN = `${SMALL}\n  + [Orphan]: This relation follows a blank line.\n`;

/** The small map with one more statement and relation. */
const GROWN = `${SMALL.trimEnd()}\n  + [Quiet]: Fewer cars in the old town make it quieter.\n`;

function parsed(text: string, what: string): ArgMap {
  const result = parseArgdown(text);
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (!result.map || errors.length > 0) throw new Error(`${what} does not parse in Node: ${errors.map((problem) => formatProblem(problem, 'argdown')).join('; ')}`);
  return result.map;
}

async function openEditor(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Argdown' }).click();
  const editor = page.getByLabel('Argdown 编辑器');
  await expect(editor).toBeVisible();
  return editor;
}

/** Every drawn edge has the class of its kind in `map`. */
async function expectEdgeClasses(page: Page, map: ArgMap): Promise<void> {
  for (const edge of map.edges) {
    // An attack answered by one the other way is drawn on that one's line.
    const line = page.locator(`svg.map [data-edge-id="${edge.id}"], svg.map [data-partner-edge-id="${edge.id}"]`);
    await expect(line, `edge ${edge.id} (${edge.kind})`).toHaveClass(new RegExp(`\\bedge-${edge.kind}\\b`));
  }
}

test('the Argdown tab shows the open map as Argdown', async ({ page }) => {
  await openApp(page);
  const editor = await openEditor(page);
  await expect(editor).toHaveValue(mapToArgdown(SEED, 'zh'));
  // It reads back to the map on screen.
  expect(parsed(await editor.inputValue(), 'the editor text').nodes.map((node) => node.id).sort()).toEqual(SEED.nodes.map((node) => node.id).sort());
});

test('the map follows the text; a syntax error is located and keeps the last good map; fixing it updates the map', async ({ page }) => {
  const problems = watchPage(page);
  const small = parsed(SMALL, 'the small document');
  expect(small.nodes).toHaveLength(3);
  expect(small.edges.map((edge) => edge.kind).sort()).toEqual(['attack', 'support']);

  await openApp(page);
  const editor = await openEditor(page);
  const report = page.locator('#argdown-problems');

  await editor.fill(SMALL);
  await expectMapDrawn(page, small);
  await expectEdgeClasses(page, small);
  await expect(page.locator(`${EDGES}.edge-support`)).toHaveCount(1);
  await expect(page.locator(`${EDGES}.edge-attack`)).toHaveCount(1);
  await expect(report.locator('li')).toHaveCount(0);
  await expect(editor).toHaveAttribute('aria-invalid', 'false');

  // A syntax error: located in the list, and the last good map stays.
  const error = parseArgdown(BROKEN).problems.find((problem) => problem.severity === 'error');
  if (!error) throw new Error('the broken document has no error in Node');
  expect([error.line, error.column]).toEqual([5, 3]);
  await editor.fill(BROKEN);
  await expect(report.locator('li.problem-error').first()).toHaveText(formatProblem(error, 'argdown'));
  await expect(report).toContainText(/argdown:5:3: error: /);
  await expect(report).toContainText('地图保持上一次正确的版本');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expectMapDrawn(page, small);
  await expect(page.locator(`${NODES}[data-node-id="orphan"]`)).toHaveCount(0);

  // Fixed: the map follows again and the problems go.
  const grown = parsed(GROWN, 'the grown document');
  expect(grown.nodes).toHaveLength(4);
  await editor.fill(GROWN);
  await expectMapDrawn(page, grown);
  await expectEdgeClasses(page, grown);
  await expect(report.locator('li')).toHaveCount(0);
  await expect(editor).toHaveAttribute('aria-invalid', 'false');
  expect(problems.pageErrors).toEqual([]);
});

test('nodes that survive an edit keep their positions', async ({ page }) => {
  await openApp(page);
  const editor = await openEditor(page);
  await waitForLayoutToRest(page);
  const before = await allNodePositions(page);
  expect(Object.keys(before).sort()).toEqual(SEED.nodes.map((node) => node.id).sort());

  // One more statement, supporting a node of the seed.
  const target = SEED.nodes.find((node) => node.id === 'zhu-startups-destroyed') ?? SEED.nodes[0]!;
  const text = `${await editor.inputValue()}\n\n[新论点]: 一个在编辑器里加上的新论点。\n  +> [${target.id}]\n`;
  const edited = parsed(text, 'the edited seed');
  expect(edited.nodes).toHaveLength(SEED.nodes.length + 1);
  expect(edited.edges).toHaveLength(SEED.edges.length + 1);
  const added = edited.nodes.find((node) => !(node.id in before));
  if (!added) throw new Error('the edit adds no node');

  await editor.fill(text);
  await expectMapDrawn(page, edited);
  await expectEdgeClasses(page, edited);

  const moved = (now: Record<string, string>) =>
    Object.entries(before)
      .filter(([id, transform]) => now[id] !== transform)
      .map(([id, transform]) => `${id}: ${transform} → ${now[id]}`);
  expect(moved(await allNodePositions(page)), 'nodes moved by the edit').toEqual([]);
  // And they stay put while the new node settles.
  await waitForLayoutToRest(page);
  const after = await allNodePositions(page);
  expect(moved(after), 'nodes moved while the layout settled').toEqual([]);
  expect(after[added.id], 'the new node is placed').toMatch(/translate\(/);
});

test('an edit still pending when another file is opened does not land on the new map', async ({ page }) => {
  // Fake timers make the 300 ms pause of the editor deterministic: it ends only when told to.
  await page.clock.install();
  const kialo = readTextInNode(KIALO_EXPORT, 'the Kialo export');
  await openApp(page);
  const editor = await openEditor(page);
  // The fake clock drives the editor: once the pause has passed, the map follows.
  await editor.fill(SMALL);
  await page.clock.runFor(400);
  await expectMapDrawn(page, parsed(SMALL, 'the small document'));

  // An edit, and before its pause ends another map is opened.
  await editor.fill(GROWN);
  await openMapFile(page, 'bridge.txt', KIALO_EXPORT, 'text/plain');
  await expectMapDrawn(page, kialo);
  await expect(editor).toHaveValue(mapToArgdown(kialo, 'zh'));
  await page.clock.runFor(2000);
  // The edit was written for the map that is gone: the opened map and its text stay.
  await expect(page.locator(NODES), 'the pending edit of the previous map replaced the newly opened map').toHaveCount(kialo.nodes.length);
  await expectMapDrawn(page, kialo);
  await expect(editor).toHaveValue(mapToArgdown(kialo, 'zh'));
});
