/**
 * Argdown that does not announce itself opens in the app: a plain statement with indented
 * relation lines, pasted or chosen as a file, and a `.argdown` file whatever it holds.
 */
import { expect, test } from '@playwright/test';
import { readMapBytes } from '../../src/core/formats/read-map.ts';
import { openApp, openMapFile, pasteText, watchPage } from './helpers.ts';
import { expectMapDrawn, expectOpened, readTextInNode } from './helpers-formats.ts';

const PLAIN_STATEMENT = 'Big labs will win the model war.\n  + Only they can pay for the compute.\n  - <Catch-up>: Open models catch up within months.\n    _ <Leaks>: Open weights leak from big labs.\n';
const PROSE = 'Only prose here, no Argdown structure at all.\n';

test('a pasted plain statement with indented relation lines opens as Argdown', async ({ page }) => {
  const problems = watchPage(page);
  const expected = readTextInNode(PLAIN_STATEMENT, 'the plain statement');
  expect(expected.edges.map((edge) => edge.kind)).toEqual(['support', 'attack', 'undercut']);
  await openApp(page);
  const handled = await pasteText(page, PLAIN_STATEMENT);
  expect(handled, 'the paste was not taken by the app').toBe(true);
  await expectMapDrawn(page, expected);
  expect(problems.pageErrors).toEqual([]);
});

test('a .argdown file is read as Argdown whatever it holds; the same text under another name is not', async ({ page }) => {
  const bytes = Buffer.from(PROSE, 'utf8');
  const expected = expectOpened(readMapBytes(bytes, 'notes.argdown'), 'the prose .argdown file');
  await openApp(page);
  await openMapFile(page, 'notes.argdown', bytes, 'text/plain');
  await expectMapDrawn(page, expected);
  await openMapFile(page, 'notes.txt', bytes, 'text/plain');
  await expect(page.locator('[role="alert"]')).toContainText('plain text');
  await expectMapDrawn(page, expected);
});
