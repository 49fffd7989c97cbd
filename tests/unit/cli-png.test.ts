/**
 * The CLI's PNG: Chinese still renders with the fonts cut down to the picture's characters (the
 * same pixels as with the whole font, and real glyphs, not empty boxes), kerning survives the cut
 * (HarfBuzz keeps the layout tables), and the raster stays
 * within its limits for a map whose nodes sit two million pixels apart.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { generateMap } from '../../bench/big-maps/generate.ts';
import { subsetFont } from '../../src/cli/font-subset/index.ts';
import { MAX_PNG_TEXT_CHARACTERS, MAX_RASTER_PIXELS, MAX_RASTER_SIDE, pngFonts, rasterSize, renderPng } from '../../src/cli/png.ts';
import { inProcess } from '../support/cli-in-process.ts';

const directory = mkdtempSync(join(tmpdir(), 'argmap-cli-png-'));

/** Pixels of a PNG written by our encoder (8-bit RGBA, every row unfiltered). */
function decodePng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const bytes = Buffer.from(png);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const data: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('latin1', offset + 4, offset + 8) === 'IDAT') data.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    expect(raw[row * (width * 4 + 1)]).toBe(0);
    pixels.set(raw.subarray(row * (width * 4 + 1) + 1, (row + 1) * (width * 4 + 1)), row * width * 4);
  }
  return { width, height, pixels };
}

/** The tags of a font file's tables. */
function tableTags(font: Uint8Array): string[] {
  const bytes = Buffer.from(font);
  return Array.from({ length: bytes.readUInt16BE(4) }, (_, index) => bytes.toString('latin1', 12 + 16 * index, 16 + 16 * index));
}

const GLYPH = 80;
const CHINESE = '百模大战';

/** Chinese text, one character per 80-px cell, black on white. */
function chineseSvg(weight: 400 | 700): string {
  const cells = [...CHINESE].map((char, index) => `<text x="${index * GLYPH + 4}" y="68" font-size="72" font-weight="${weight}">${char}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${GLYPH * CHINESE.length}" height="${GLYPH}" style="font-family:'Noto Sans CJK SC', sans-serif"><rect width="100%" height="100%" fill="#fff"/>${cells.join('')}</svg>`;
}

/** Each character cell as a bitmap of dark pixels. */
function inkCells(pixels: Uint8Array, width: number): boolean[][] {
  return [...CHINESE].map((_, cell) => {
    const ink: boolean[] = [];
    for (let y = 0; y < GLYPH; y += 1) for (let x = cell * GLYPH; x < (cell + 1) * GLYPH; x += 1) ink.push(pixels[(y * width + x) * 4]! < 128);
    return ink;
  });
}

function differingShare(a: readonly boolean[], b: readonly boolean[]): number {
  return a.filter((value, index) => value !== b[index]).length / a.length;
}

/** Why the cells do not show four real Chinese glyphs, or undefined when they do. */
function glyphProblem(cells: readonly (readonly boolean[])[]): string | undefined {
  for (const [index, ink] of cells.entries()) {
    // A glyph covers part of its cell: an empty cell is a missing glyph, a filled one a blot.
    const share = ink.filter(Boolean).length / ink.length;
    if (share < 0.08 || share > 0.6) return `cell ${index} is ${Math.round(share * 100)}% ink`;
  }
  // Missing-glyph boxes (tofu) all look alike; real characters differ from one another.
  for (let a = 0; a < cells.length; a += 1) {
    for (let b = a + 1; b < cells.length; b += 1) if (differingShare(cells[a]!, cells[b]!) < 0.1) return `cells ${a} and ${b} look alike`;
  }
  return undefined;
}

describe('the CLI’s PNG', () => {
  it('finds a CJK font (install fonts-noto-cjk if this fails)', () => {
    expect(pngFonts().chinese, 'no Noto Sans CJK font: apt-get install fonts-noto-cjk').toBe(true);
  });

  it.each([400, 700] as const)('draws each Chinese character as a real, distinct glyph at weight %i, as the whole font does', async (weight) => {
    const svg = chineseSvg(weight);
    const { png } = await renderPng(svg, 1);
    const { width, pixels } = decodePng(png);
    const cells = inkCells(pixels, width);
    expect(glyphProblem(cells)).toBeUndefined();

    // The same text drawn by resvg with the whole font file: the subset must draw the same glyphs.
    const fonts = pngFonts();
    const whole = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [weight === 700 ? fonts.cjkBold! : fonts.cjk!], defaultFontFamily: 'Noto Sans CJK SC' } }).render();
    const reference = inkCells(whole.pixels, whole.width);
    cells.forEach((ink, index) => expect(differingShare(ink, reference[index]!)).toBeLessThan(0.01));
  }, 30_000);

  it('a rendering without the CJK font fails the glyph check (the check can fail)', async () => {
    const latinOnly = pngFonts().latin;
    expect(latinOnly).toBeDefined();
    const { png } = await renderPng(chineseSvg(400), 1, { latin: latinOnly!, chinese: false });
    const { width, pixels } = decodePng(png);
    expect(glyphProblem(inkCells(pixels, width))).toBeDefined();
  }, 30_000);

  it('keeps the font’s OpenType layout in the subset: “AV” is kerned as with the whole font', async () => {
    const fonts = pngFonts();
    const subset = subsetFont(readFileSync(fonts.cjk!), { family: 'Noto Sans CJK SC', style: 'Regular' }, [...'“AV”'].map((char) => char.codePointAt(0)!));
    expect(subset).toBeDefined();
    expect(tableTags(subset!)).toEqual(expect.arrayContaining(['GPOS', 'GSUB']));

    // Kerning pulls V under A's slope; without GPOS, V (and the closing quote) would sit further right than the whole font puts them.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="${GLYPH}" style="font-family:'Noto Sans CJK SC', sans-serif"><rect width="100%" height="100%" fill="#fff"/><text x="4" y="68" font-size="72">“AV”</text></svg>`;
    const { width, pixels } = decodePng((await renderPng(svg, 1)).png);
    const whole = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [fonts.cjk!], defaultFontFamily: 'Noto Sans CJK SC' } }).render();
    expect(whole.width).toBe(width);
    const ink = (rgba: Uint8Array): boolean[] => Array.from({ length: rgba.length / 4 }, (_, pixel) => rgba[pixel * 4]! < 128);
    const [subsetInk, wholeInk] = [ink(pixels), ink(whole.pixels)];
    expect(subsetInk.filter(Boolean).length).toBeGreaterThan(1000);
    expect(differingShare(subsetInk, wholeInk)).toBeLessThan(0.002);
  }, 30_000);

  it('keeps the raster within 16,384 px a side and the pixel budget', () => {
    expect(rasterSize(40_000, 300, 1)).toMatchObject({ width: MAX_RASTER_SIDE, height: 123 });
    for (const [width, height, scale] of [[2_000_176, 1_000_215, 4], [7389, 5031, 2], [20_000, 300, 1], [300, 20_000, 4], [1, 1, 4]] as const) {
      const size = rasterSize(width, height, scale);
      expect(size.width).toBeLessThanOrEqual(MAX_RASTER_SIDE);
      expect(size.height).toBeLessThanOrEqual(MAX_RASTER_SIDE);
      expect(size.width * size.height).toBeLessThanOrEqual(MAX_RASTER_PIXELS);
      expect(size.zoom).toBeLessThanOrEqual(scale);
    }
    expect(rasterSize(2182, 1401, 2)).toEqual({ width: 4364, height: 2802, zoom: 2 });
  });

  it('renders a valid map whose nodes sit two million pixels apart: a sane SVG, and a PNG scaled down with a warning', async () => {
    const map = file('far.json', JSON.stringify({
      schemaVersion: 1, title: { en: 'Far apart' }, sources: [], actors: [],
      nodes: [
        { id: 'w', kind: 'claim', text: { en: 'West' }, position: { x: -1_000_000, y: 0 } },
        { id: 'e', kind: 'claim', text: { en: 'East' }, position: { x: 1_000_000, y: 1_000_000 } },
      ],
      edges: [{ id: 'x', from: 'w', to: 'e', kind: 'attack' }],
    }));
    const svgPath = join(directory, 'far.svg');
    expect((await inProcess('render', map, '-o', svgPath)).code).toBe(0);
    const root = /<svg\b[^>]*>/.exec(readFileSync(svgPath, 'utf8'))![0];
    const viewBox = /viewBox="([^"]+)"/.exec(root)![1]!.split(' ').map(Number);
    expect(viewBox.every(Number.isFinite)).toBe(true);
    expect(viewBox[2]).toBeGreaterThan(2_000_000);

    const pngPath = join(directory, 'far.png');
    const result = await inProcess('render', map, '-o', pngPath, '--scale', '4');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/far\.png: warning: the picture is scaled to [\d.]+× \(\d+ × \d+ px\) to stay within 16384 px a side and 40 megapixels/);
    const png = readFileSync(pngPath);
    expect(png.readUInt32BE(16)).toBeLessThanOrEqual(MAX_RASTER_SIDE);
    expect(png.readUInt32BE(16) * png.readUInt32BE(20)).toBeLessThanOrEqual(MAX_RASTER_PIXELS);
  }, 60_000);
});

describe('a PNG within the CLI’s memory', () => {
  it('is refused, before any layout, when the map has more text than resvg can hold in 1 GB', async () => {
    const big = file('big.json', JSON.stringify(generateMap(6000, 1)));
    const output = join(directory, 'big.png');
    const started = performance.now();
    const result = await inProcess('render', big, '-o', output);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^argmap: not writing .*big\\.png: the picture has \\d+ characters of text, more than a PNG can draw within the CLI's memory \\(${MAX_PNG_TEXT_CHARACTERS}, about 5,000 nodes\\); write an SVG instead\n$`));
    // Refused before the layout, which alone takes several seconds at this size.
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);
});

function file(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}
