/**
 * Every format argmap reads, opened in the built app (file input, drop, paste), and every
 * format it saves, read back in Node with the app's own core: what is drawn must be what the
 * core reads from the same bytes, wrong kinds of file are named, and broken files are located.
 * The files come from the corpora in the repository (tests/corpora); QT30 and xAIF files, which may
 * not be copied, are opened by tests/conformance/e2e/formats-corpora.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { writeMap } from '../../src/core/formats/write-map.ts';
import { inLanguage } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { exportSvg, openApp, openMapFile, pasteText, pngPixelStats, seedMapText, waitForLayoutToRest, watchPage } from './helpers.ts';
import {
  corpusBytes, downloadedBytes, drawnNodeIds, essentials, expectDroppedJsonOpens, expectMapDrawn, expectOpenedMap, FAILED_ALERT, pngSize, readBytesInNode,
  readTextInNode, refusalInNode, saveAs, svgRootSize,
} from './helpers-formats.ts';

const SEED = readTextInNode(seedMapText(), 'the seed map');

const PRIMER = 'argdown-christianvoigt/examples__argdown-primer.argdown';
const MORAL_MAZE = 'aif-moralmaze-arguebuf/nodeset6064-original.json';

/** A small Kialo export, written here: a question title, pros and cons, and a `-> See` cross-link. */
const KIALO = [
  'Discussion Title: Should the town build a second bridge?',
  '',
  '1. The town should build a second bridge.',
  '1.1. Pro: Traffic on the old bridge doubles the commute at rush hour.',
  '1.1.1. Con: Traffic counts fell after the new bus line opened.',
  '1.2. Con: The bridge would cost more than the town spends on schools in a year.',
  '1.2.1. Pro: The regional fund pays \\(most of\\) the cost.',
  '1.2.2. Con: -> See 1.1.1.',
  '',
].join('\n');

const TITLE = 'h1';

async function expectSeedDrawn(page: Page): Promise<void> {
  await expectMapDrawn(page, SEED);
  await expect(page.locator(TITLE)).toContainText(inLanguage(SEED.title, 'zh'));
}

/** A refusal is shown, with every pattern in it, and the seed map is still the one drawn. */
async function expectRefusedKeepingSeed(page: Page, patterns: readonly (RegExp | string)[]): Promise<string> {
  const alert = page.locator(FAILED_ALERT);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('无法打开该文件');
  const report = (await alert.locator('li').allTextContents()).join('\n');
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(report).toContain(pattern);
    else expect(report).toMatch(pattern);
  }
  await expectSeedDrawn(page);
  return report;
}

// ---------------------------------------------------------------------------------------------

interface FormatCase {
  readonly title: string;
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: () => Buffer;
}

const FORMATS: readonly FormatCase[] = [
  { title: 'an Argdown example (argdown-primer)', name: 'argdown-primer.argdown', mimeType: 'text/plain', bytes: () => corpusBytes(PRIMER) },
  { title: 'an AIF nodeset with its dialogue (Moral Maze 6064)', name: 'nodeset6064.json', mimeType: 'application/json', bytes: () => corpusBytes(MORAL_MAZE) },
  { title: 'a Kialo text export with a cross-link', name: 'bridge.txt', mimeType: 'text/plain', bytes: () => Buffer.from(KIALO, 'utf8') },
  {
    title: 'argmap JSON (the primer, saved as argmap JSON)',
    name: 'primer-map.json',
    mimeType: 'application/json',
    bytes: () => Buffer.from(writeMap(readBytesInNode(corpusBytes(PRIMER), PRIMER), 'argmap-json', 'en'), 'utf8'),
  },
];

test.describe('opening each format through "Open map…"', () => {
  for (const format of FORMATS) {
    test(`${format.title} draws the map the core reads from it`, async ({ page }) => {
      const problems = watchPage(page);
      const bytes = format.bytes();
      const expected = readBytesInNode(bytes, format.name);
      expect(expected.nodes.length, 'the expected map has nodes').toBeGreaterThan(0);
      await openApp(page);
      await openMapFile(page, format.name, bytes, format.mimeType);
      await expectOpenedMap(page, expected);
      expect(problems.pageErrors).toEqual([]);
    });
  }

  test('the Kialo cross-link adds an edge, not a node', () => {
    const map = readTextInNode(KIALO, 'the Kialo export');
    // question + 5 claims; the cross-link 1.2.2 reuses 1.1.1 as an attack on 1.2.
    expect(map.nodes).toHaveLength(6);
    expect(map.edges.some((edge) => edge.from === '1.1.1' && edge.to === '1.2' && edge.kind === 'attack')).toBe(true);
  });

  test('an SVG exported by argmap opens again with the same nodes', async ({ page }) => {
    const problems = watchPage(page);
    await openApp(page);
    const { fileName, text } = await exportSvg(page);
    expect(fileName).toBe('hundred-model-war.zh.svg');
    expect(essentials(readTextInNode(text, 'the exported SVG'))).toEqual(essentials(SEED));
    // Open another map first, so that the seed coming back is the SVG's doing.
    await openMapFile(page, 'bridge.txt', KIALO, 'text/plain');
    await expectOpenedMap(page, readTextInNode(KIALO, 'the Kialo export'));
    await openMapFile(page, fileName, text, 'image/svg+xml');
    await expectOpenedMap(page, SEED);
    expect(await drawnNodeIds(page)).toEqual(SEED.nodes.map((node) => node.id).sort());
    expect(problems.pageErrors).toEqual([]);
  });

  test('an Argdown file that starts with a [Title]: statement opens as Argdown', async ({ page }) => {
    // The most common first line of an Argdown file. Detection must not take the leading "[" for JSON.
    const text = '[Bridge]: The town should build a second bridge.\n  + [Traffic]: Rush-hour traffic doubles the commute.\n  - [Cost]: It costs more than a year of schools.\n';
    const parsed = parseArgdown(text);
    expect(parsed.problems).toEqual([]);
    const expected = parsed.map;
    if (!expected) throw new Error('the Argdown document does not parse in Node');
    await openApp(page);
    await openMapFile(page, 'bridge.argdown', text, 'text/plain');
    // Either outcome shows at once after the read: the alert's text makes a refusal readable.
    const outcome = () =>
      page.evaluate((count) => {
        const refusal = document.querySelector('[role="alert"].failed');
        if (refusal) return `refused: ${[...refusal.querySelectorAll('li')].map((item) => item.textContent).join(' | ')}`;
        return document.querySelectorAll('svg.map g[data-node-id]').length === count ? 'opened' : 'waiting';
      }, expected.nodes.length);
    await expect.poll(outcome, { message: 'the Argdown file opens' }).toBe('opened');
    await expectMapDrawn(page, expected);
  });
});

test.describe('other ways in', () => {
  test('dropping an AIF file onto the window opens it', async ({ page }) => {
    await openApp(page);
    await expectDroppedJsonOpens(page, corpusBytes(MORAL_MAZE), MORAL_MAZE);
  });

  test('pasting a Kialo export onto the page opens it', async ({ page }) => {
    const expected = readTextInNode(KIALO, 'the Kialo export');
    await openApp(page);
    const handled = await pasteText(page, KIALO);
    expect(handled, 'the paste was not taken by the app').toBe(true);
    await expectOpenedMap(page, expected);
    const { fileName } = await exportSvg(page);
    expect(fileName).toBe('粘贴的内容.zh.svg');
  });

  test('pasting into a text field does not open a map', async ({ page }) => {
    await openApp(page);
    await page.getByRole('tab', { name: 'Argdown' }).click();
    const editor = page.getByLabel('Argdown 编辑器');
    await editor.evaluate((element, text) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, KIALO);
    // The paste reaches the window handler synchronously; the map is still the seed.
    await expectSeedDrawn(page);
    await expect(page.locator('[role="alert"]')).toHaveCount(0);
  });
});

// ---------------------------------------------------------------------------------------------

/** A 1×1 PNG image. */
const PNG_FILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of an .xlsx: a ZIP local file header naming a file under xl/. */
const XLSX_FILE = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
  Buffer.alloc(12, 0),
  Buffer.from([0x0f, 0x00, 0x00, 0x00]),
  Buffer.from('xl/workbook.xml', 'latin1'),
  Buffer.alloc(64, 0x2a),
]);
const RANDOM_TEXT = 'Shopping list: eggs, flour, 2 lemons.\nCall the plumber on Tuesday about the kitchen tap.\n';

const WRONG_KINDS = [
  { title: 'a PNG image', name: 'photo.png', mimeType: 'image/png', bytes: PNG_FILE, looksLike: 'this looks like a PNG image' },
  { title: 'an xlsx spreadsheet', name: 'budget.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: XLSX_FILE, looksLike: 'this looks like a spreadsheet' },
  { title: 'random text', name: 'notes.txt', mimeType: 'text/plain', bytes: Buffer.from(RANDOM_TEXT, 'utf8'), looksLike: 'this looks like plain text' },
] as const;

test.describe('files argmap does not open', () => {
  for (const wrong of WRONG_KINDS) {
    test(`${wrong.title} is named for what it is and the seed map stays`, async ({ page }) => {
      const problems = watchPage(page);
      const refusal = refusalInNode(wrong.bytes);
      expect(refusal.map((problem) => problem.message).join('\n')).toContain(wrong.looksLike);
      await openApp(page);
      await openMapFile(page, wrong.name, wrong.bytes, wrong.mimeType);
      await expectRefusedKeepingSeed(page, [wrong.name, wrong.looksLike]);
      expect(problems.pageErrors).toEqual([]);
    });
  }

  test('an Argdown file with a syntax error is located by line and column, and the seed stays', async ({ page }) => {
    const name = 'broken.argdown';
    // A relation after a blank line belongs to nothing (line 9, column 3).
    const text = '===\ntitle: A broken map\n===\n\n[Bridge]: The town should build a second bridge.\n  + [Traffic]: Rush-hour traffic doubles the commute.\n  - [Cost]: It costs more than a year of schools.\n\n  + [Orphan]: This relation follows a blank line.\n';
    const refusal = refusalInNode(Buffer.from(text, 'utf8'));
    const first = refusal.find((problem) => problem.severity === 'error');
    expect(first?.line, 'the core locates the Argdown error').toBe(9);
    await openApp(page);
    await openMapFile(page, name, text, 'text/plain');
    const report = await expectRefusedKeepingSeed(page, [/broken\.argdown:\d+:\d+: /, formatProblem(first!, name)]);
    expect(report).toContain('broken.argdown:9:3:');
  });

  test('an AIF file with a dangling edge is located by a JSON pointer, and the seed stays', async ({ page }) => {
    const name = 'dangling.json';
    const document = JSON.parse(corpusBytes(MORAL_MAZE).toString('utf8')) as { edges: { toID: string }[] };
    const edge = document.edges[1];
    if (!edge) throw new Error(`${MORAL_MAZE} has fewer than two edges`);
    edge.toID = '987654';
    const text = JSON.stringify(document, null, 2);
    const refusal = refusalInNode(Buffer.from(text, 'utf8'));
    const first = refusal.find((problem) => problem.severity === 'error');
    expect(first?.pointer).toBe('/edges/1/toID');
    await openApp(page);
    await openMapFile(page, name, text, 'application/json');
    await expectRefusedKeepingSeed(page, [/: \/edges\/1\/toID: error: /, '987654', formatProblem(first!, name)]);
  });
});

// ---------------------------------------------------------------------------------------------

const SAVE_FORMATS = [
  { item: 'argmap JSON (.json)', extension: 'json' },
  { item: 'AIF JSON (.aif.json)', extension: 'aif.json' },
  { item: 'Argdown (.argdown)', extension: 'argdown' },
] as const;

test.describe('Save as', () => {
  test('the seed has texts in both languages and actors, so the round trips below mean something', () => {
    expect(SEED.nodes.every((node) => (node.text.zh ?? '') !== '' && (node.text.en ?? '') !== '')).toBe(true);
    expect(SEED.actors.length).toBeGreaterThan(0);
    expect(SEED.nodes.filter((node) => node.actor !== undefined).length).toBeGreaterThan(0);
    expect(new Set(SEED.edges.map((edge) => edge.kind))).toEqual(new Set(['support', 'attack', 'undercut', 'answer', 'rephrase']));
  });

  for (const language of ['zh', 'en'] as const) {
    test(`argmap JSON, AIF JSON and Argdown (${language}) read back to the seed's nodes, texts, edges and actors`, async ({ page }) => {
      const problems = watchPage(page);
      await openApp(page);
      if (language === 'en') {
        await page.getByRole('button', { name: 'EN', exact: true }).click();
        await expect(page.locator('details.menu > summary').filter({ hasText: /另存为|Save as/ })).toHaveText('Save as ▾');
      }
      for (const format of SAVE_FORMATS) {
        const download = await saveAs(page, format.item);
        expect(download.suggestedFilename()).toBe(`hundred-model-war.${format.extension}`);
        const text = (await downloadedBytes(download)).toString('utf8');
        const back = readTextInNode(text, `the saved ${format.item}`);
        const got = essentials(back);
        const want = essentials(SEED);
        expect(got.nodes, `${format.item}: node ids, kinds, zh and en texts, actors`).toEqual(want.nodes);
        expect(got.edges, `${format.item}: edge ids, ends and kinds`).toEqual(want.edges);
        expect(got.actors, `${format.item}: actors`).toEqual(want.actors);
        expect(back.title, `${format.item}: title in both languages`).toEqual(SEED.title);
      }
      expect(problems.pageErrors).toEqual([]);
    });
  }

  test('PNG 1× and 2× are PNG files the size of the SVG export, and not blank', async ({ page }) => {
    await openApp(page);
    await waitForLayoutToRest(page);
    const { text: svg } = await exportSvg(page);
    const size = svgRootSize(svg);
    expect(size.width).toBeGreaterThan(100);

    const pngs = new Map<number, Buffer>();
    for (const scale of [1, 2] as const) {
      const download = await saveAs(page, `PNG ${scale}×`);
      expect(download.suggestedFilename()).toBe(`hundred-model-war.zh@${scale}x.png`);
      const png = await downloadedBytes(download);
      const { width, height } = pngSize(png);
      expect(Math.abs(width - size.width * scale), `PNG ${scale}× width ${width} vs SVG width ${size.width}`).toBeLessThanOrEqual(1);
      expect(Math.abs(height - size.height * scale), `PNG ${scale}× height ${height} vs SVG height ${size.height}`).toBeLessThanOrEqual(1);
      pngs.set(scale, png);
    }
    await expect(page.locator(FAILED_ALERT)).toHaveCount(0);

    const stats = await pngPixelStats(page, pngs.get(1)!);
    expect(stats.width).toBe(pngSize(pngs.get(1)!).width);
    // A blank (or single-colour) picture has variance 0; the seed's boxes, lines and text give far more.
    expect(stats.variance, 'the PNG is blank').toBeGreaterThan(50);
    expect(stats.distinct, 'the PNG has almost no colours').toBeGreaterThan(8);
  });
});
