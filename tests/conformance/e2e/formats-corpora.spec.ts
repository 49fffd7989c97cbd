/**
 * AIF files that may not be copied into the repository (QT30 dialogues, xAIF with integer ids),
 * read from CORPORA_DIR, opened in the built app: what is drawn is what the core reads from the same
 * bytes, a dropped file opens, and a broken file is located by a JSON pointer under /AIF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatProblem } from '../../../src/core/problems.ts';
import { openApp, openMapFile, watchPage } from '../../e2e/helpers.ts';
import { expectDroppedJsonOpens, expectOpenedMap, FAILED_ALERT, readBytesInNode, refusalInNode } from '../../e2e/helpers-formats.ts';
import { outsideCorpus } from '../corpora-dir.ts';

const QT30 = join(outsideCorpus('aif-qt30-dialam2024'), 'nodeset25444.json');
const QT30_SPEAKERS = join(outsideCorpus('aif-qt30-dialam2024'), 'nodeset19157.json');
const XAIF = join(outsideCorpus('aif-xaif-argtech'), 'bert-te__README_example_output.json');

const FILES = [
  { title: 'a QT30 nodeset (25444)', name: 'nodeset25444.json', path: QT30 },
  { title: 'a QT30 nodeset with its speakers (19157)', name: 'nodeset19157.json', path: QT30_SPEAKERS },
  { title: 'an xAIF wrapper with integer ids', name: 'xaif.json', path: XAIF },
] as const;

test.describe('AIF corpora from CORPORA_DIR in the app', () => {
  for (const file of FILES) {
    test(`${file.title} draws the map the core reads from it`, async ({ page }) => {
      const problems = watchPage(page);
      const bytes = readFileSync(file.path);
      const expected = readBytesInNode(bytes, file.name);
      expect(expected.nodes.length, 'the expected map has nodes').toBeGreaterThan(0);
      await openApp(page);
      await openMapFile(page, file.name, bytes, 'application/json');
      await expectOpenedMap(page, expected);
      expect(problems.pageErrors).toEqual([]);
    });
  }

  test('dropping an xAIF file onto the window opens it', async ({ page }) => {
    await openApp(page);
    await expectDroppedJsonOpens(page, readFileSync(XAIF), XAIF);
  });

  test('an xAIF file with a dangling edge is located by a JSON pointer under /AIF', async ({ page }) => {
    const name = 'dangling.json';
    const document = JSON.parse(readFileSync(XAIF, 'utf8')) as { AIF: { edges: { toID: number }[] } };
    const edge = document.AIF.edges[1];
    if (!edge) throw new Error(`${XAIF} has fewer than two edges`);
    edge.toID = 987_654;
    const text = JSON.stringify(document, null, 2);
    const first = refusalInNode(Buffer.from(text, 'utf8')).find((problem) => problem.severity === 'error');
    expect(first?.pointer).toBe('/AIF/edges/1/toID');
    await openApp(page);
    await openMapFile(page, name, text, 'application/json');
    const alert = page.locator(FAILED_ALERT);
    await expect(alert).toBeVisible();
    const report = (await alert.locator('li').allTextContents()).join('\n');
    expect(report).toMatch(/: \/AIF\/edges\/1\/toID: error: /);
    expect(report).toContain('987654');
    expect(report).toContain(formatProblem(first!, name));
  });
});
