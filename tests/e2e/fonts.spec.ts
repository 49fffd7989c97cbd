import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers.ts';

const INSTALL_HINT = 'no font for Chinese is installed: run `apt-get install -y fonts-noto-cjk` (Debian/Ubuntu)';

test.describe('CJK fonts', () => {
  test('fontconfig lists a font for Chinese', () => {
    let listed = '';
    try {
      listed = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`fc-list failed (${String(error)}); ${INSTALL_HINT}`);
    }
    const families = listed.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
    expect(families.length, INSTALL_HINT).toBeGreaterThan(0);
  });

  test('Chinese glyphs really render with the app font stack (no tofu)', async ({ page }) => {
    await openApp(page);
    const result = await page.evaluate(async () => {
      const FONT = "48px 'Noto Sans CJK SC', sans-serif";
      await document.fonts.load(FONT, '汉字');
      function draw(text: string): { pixels: Uint8ClampedArray; inked: number; width: number } {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) throw new Error('no 2d context');
        context.fillStyle = '#fff';
        context.fillRect(0, 0, 64, 64);
        context.fillStyle = '#000';
        context.font = FONT;
        context.textBaseline = 'middle';
        context.fillText(text, 8, 32);
        const pixels = context.getImageData(0, 0, 64, 64).data;
        let inked = 0;
        for (let index = 0; index < pixels.length; index += 4) if (pixels[index]! < 128) inked += 1;
        return { pixels, inked, width: context.measureText(text).width };
      }
      const han = draw('汉');
      const zi = draw('字');
      // A private-use code point: whatever the font does for a missing glyph.
      const missing = draw('\u{10FFFD}');
      const differ = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
        let count = 0;
        for (let index = 0; index < a.length; index += 4) if (Math.abs(a[index]! - b[index]!) > 64) count += 1;
        return count;
      };
      return {
        hanInk: han.inked,
        ziInk: zi.inked,
        hanVsZi: differ(han.pixels, zi.pixels),
        hanVsMissing: differ(han.pixels, missing.pixels),
        ziVsMissing: differ(zi.pixels, missing.pixels),
        hanWidth: han.width,
      };
    });
    // Each glyph leaves ink: not an empty box.
    expect(result.hanInk, 'the glyph 汉 drew nothing').toBeGreaterThan(100);
    expect(result.ziInk, 'the glyph 字 drew nothing').toBeGreaterThan(100);
    // Two different characters give different pictures: not the same tofu box twice.
    expect(result.hanVsZi, 'the glyphs 汉 and 字 are drawn identically (tofu)').toBeGreaterThan(50);
    // And neither looks like the missing-glyph picture.
    expect(result.hanVsMissing).toBeGreaterThan(50);
    expect(result.ziVsMissing).toBeGreaterThan(50);
    // A CJK glyph is full width: about one em.
    expect(result.hanWidth).toBeGreaterThan(40);
    expect(result.hanWidth).toBeLessThan(56);
  });

  test('map labels are drawn with a CJK font, not a fallback box', async ({ page }) => {
    await openApp(page);
    // The label of a node drawn on screen: its rendered width matches full-width glyphs.
    const measured = await page.locator('svg.map g[data-node-id="zhu-startups-destroyed"] text tspan').first().evaluate((tspan) => {
      const text = tspan.textContent ?? '';
      const length = (tspan as SVGTextContentElement).getComputedTextLength();
      return { text, length, fontSize: Number(tspan.parentElement?.getAttribute('font-size')) };
    });
    expect(measured.text).toBe('大模型摧毁了创业');
    // Eight full-width characters at the label's font size.
    expect(measured.length).toBeGreaterThan(measured.fontSize * measured.text.length * 0.9);
    expect(measured.length).toBeLessThan(measured.fontSize * measured.text.length * 1.1);
  });
});
