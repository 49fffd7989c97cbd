/**
 * Selecting a passage of a source text in the Source tab the way a person does: a mouse drag from
 * its first character to its last, found by the offsets that the tab's runs carry.
 */
import { expect, type Page } from '@playwright/test';

/** Waits for the Source tab (it loads on first use) to draw its text. */
async function sourceDrawn(page: Page): Promise<void> {
  await expect(page.locator('.source-panel article [data-start]').first()).toBeAttached({ timeout: 15_000 });
}

/** Drags the mouse over the source text from offset `start` to `end` (exclusive) of the first article. */
export async function dragOverPassage(page: Page, start: number, end: number): Promise<void> {
  await sourceDrawn(page);
  const points = await page.evaluate(
    ({ from, to }) => {
      const runs = [...document.querySelectorAll<HTMLElement>('.source-panel article [data-start]')];
      /** The rectangle of the character at `offset`, scrolled into view first. */
      const charRect = (offset: number) => {
        const run = runs.find((candidate) => {
          const runStart = Number(candidate.dataset['start']);
          return runStart <= offset && offset < runStart + (candidate.textContent ?? '').length;
        });
        if (!run) throw new Error(`no run holds offset ${offset}`);
        const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
        let left = offset - Number(run.dataset['start']);
        for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
          const length = (text.textContent ?? '').length;
          if (left < length) {
            const range = document.createRange();
            range.setStart(text, left);
            range.setEnd(text, left + 1);
            return range;
          }
          left -= length;
        }
        throw new Error(`offset ${offset} is past its run`);
      };
      charRect(from).startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const first = charRect(from).getClientRects()[0]!;
      const last = [...charRect(to - 1).getClientRects()].at(-1)!;
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    },
    { from: start, to: end },
  );
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.isCollapsed)).toBe(false);
}

/** Selects the passage, presses "Make a claim from this", and returns the claim form. */
export async function startClaim(page: Page, start: number, end: number) {
  await dragOverPassage(page, start, end);
  const make = page.getByRole('button', { name: '从此处建立主张' });
  await expect(make).toBeEnabled();
  await make.click();
  const form = page.getByRole('form', { name: '选中的原文' });
  await expect(form).toBeVisible();
  return form;
}

/**
 * Selects from just after the character before `start` to just after the character before `end`
 * with a DOM range (no mouse), so a boundary can sit at a paragraph's end, past its last character.
 */
export async function selectOffsets(page: Page, start: number, end: number): Promise<void> {
  await sourceDrawn(page);
  await page.evaluate(
    ({ from, to }) => {
      const runs = [...document.querySelectorAll<HTMLElement>('.source-panel article [data-start]')];
      const after = (offset: number): [Node, number] => {
        const run = runs.find((candidate) => {
          const runStart = Number(candidate.dataset['start']);
          return runStart <= offset && offset < runStart + (candidate.textContent ?? '').length;
        });
        if (!run) throw new Error(`no run holds offset ${offset}`);
        const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
        let left = offset - Number(run.dataset['start']);
        for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
          const length = (text.textContent ?? '').length;
          if (left < length) return [text, left + 1];
          left -= length;
        }
        throw new Error(`offset ${offset} is past its run`);
      };
      const range = document.createRange();
      range.setStart(...after(from - 1));
      range.setEnd(...after(to - 1));
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    },
    { from: start, to: end },
  );
}

/** Where `passage` first stands in the first source text shown (read back from the tab's runs). */
export async function passageOffset(page: Page, passage: string): Promise<number> {
  await sourceDrawn(page);
  const start = await page.evaluate((wanted) => {
    const runs = [...document.querySelectorAll<HTMLElement>('.source-panel article:first-of-type [data-start]')];
    // Runs carry their offsets; what lies between them is the line breaks the tab leaves out.
    let text = '';
    for (const run of runs) {
      const at = Number(run.dataset['start']);
      text = text.padEnd(at, '\n') + (run.textContent ?? '');
    }
    return text.indexOf(wanted);
  }, passage);
  if (start < 0) throw new Error(`the source does not hold ${passage}`);
  return start;
}
