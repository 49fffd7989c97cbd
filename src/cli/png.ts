/**
 * PNG for the CLI: the exported SVG rasterised by resvg (a Rust renderer shipped as an npm
 * package). The same picture as the SVG, with two bounds the SVG does not need:
 * - fonts: resvg is given only the fonts the export's stack needs (Noto Sans CJK, regular and
 *   bold, and a Latin sans-serif as fallback), found once per process, and the CJK faces cut down
 *   to the characters of the picture by HarfBuzz (font-subset/). resvg reads a font file whole for every glyph
 *   it draws: with every system font, or even the whole 19 MB CJK collection, an 800-claim map's
 *   PNG took minutes where its SVG took seconds.
 * - size: the raster is capped as the browser caps its canvas (MAX_RASTER_SIDE a side) and by a
 *   pixel budget (MAX_RASTER_PIXELS, 256 MiB of RGBA), so a valid map whose nodes sit two million
 *   pixels apart is scaled down instead of asking for terabytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../layout/appearance.ts';
import { subsetFont } from './font-subset/index.ts';
import { encodePng } from './png-encode.ts';

/** Chromium's canvas limit, which the browser's PNG export also keeps to. */
export const MAX_RASTER_SIDE = 16_384;
/**
 * 40 megapixels (an 800-claim map at 1×): 160 MiB as RGBA, held twice while encoding (resvg's
 * picture and its copy), so the CLI stays well under 1 GB of memory.
 */
export const MAX_RASTER_PIXELS = 40 * 1024 * 1024;

/** The first family of the export's font stack: the CJK font every label asks for first. */
const DEFAULT_FAMILY = FONT_FAMILY.split(',')[0]!.trim().replace(/^'|'$/g, '');

/** Where Debian/Ubuntu (fonts-noto-cjk, fonts-dejavu-core), Fedora and Arch keep the fonts, when fc-match is absent. */
const KNOWN_FONT_FILES: Readonly<Record<FontRole, readonly string[]>> = {
  cjk: [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  ],
  cjkBold: [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
  ],
  latin: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans.ttf'],
};

type FontRole = 'cjk' | 'cjkBold' | 'latin';
/** fontconfig patterns for each role; a match counts only if it is the family asked for. */
const FONT_PATTERNS: Readonly<Record<FontRole, { readonly pattern: string; readonly family: RegExp }>> = {
  cjk: { pattern: `${DEFAULT_FAMILY}:style=Regular`, family: /CJK/i },
  cjkBold: { pattern: `${DEFAULT_FAMILY}:style=Bold`, family: /CJK/i },
  latin: { pattern: 'sans-serif', family: /./ },
};

function fcMatch(pattern: string): string | undefined {
  try {
    const file = execFileSync('fc-match', ['--format=%{file}', pattern], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return file === '' ? undefined : file;
  } catch {
    return undefined;
  }
}

function findFont(role: FontRole): string | undefined {
  const { pattern, family } = FONT_PATTERNS[role];
  const matched = fcMatch(pattern);
  if (matched !== undefined && family.test(matched) && existsSync(matched)) return matched;
  return KNOWN_FONT_FILES[role].find((file) => existsSync(file));
}

export interface PngFonts {
  /** The CJK collection or font for regular and for bold text, when found. */
  readonly cjk?: string;
  readonly cjkBold?: string;
  /** A Latin sans-serif, the fallback for characters the CJK font lacks. */
  readonly latin?: string;
  /** False when no CJK font was found: Chinese text would come out as empty boxes. */
  readonly chinese: boolean;
}

let fonts: PngFonts | undefined;

/** The font files the PNG renderer loads, looked up once per process. */
export function pngFonts(): PngFonts {
  if (fonts === undefined) {
    const [cjk, cjkBold, latin] = [findFont('cjk'), findFont('cjkBold'), findFont('latin')];
    fonts = { ...(cjk && { cjk }), ...(cjkBold && { cjkBold }), ...(latin && { latin }), chinese: cjk !== undefined };
  }
  return fonts;
}

/**
 * resvg turns every glyph into a path it keeps until the picture is drawn, a few kilobytes each: a
 * 20,000-node map's 450,000 characters took 1.2 GB. This many characters (an 800-claim map has
 * 18,000; about 5,000 nodes reach it) keep a PNG within the CLI's 1 GB.
 */
export const MAX_PNG_TEXT_CHARACTERS = 120_000;

/** How many characters the picture's text elements draw (outside the embedded map data). */
export function pictureTextLength(svg: string): number {
  let length = 0;
  // The embedded map data is escaped XML text, with no elements in it: only the picture's <text> elements match.
  for (const [, content] of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    length += [...content!.replace(/<[^>]*>/g, '').replace(ENTITY, '_')].length;
  }
  return length;
}

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every character the picture may draw: the SVG's text outside its embedded map data (tags too, a harmless superset). */
export function pictureCharacters(svg: string): Set<number> {
  const visible = svg.replace(/<metadata\b[\s\S]*?<\/metadata>/g, '').replace(ENTITY, (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
    hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : decimal !== undefined ? String.fromCodePoint(Number(decimal)) : NAMED_ENTITIES[name!.toLowerCase()]!,
  );
  const characters = new Set<number>();
  for (const character of visible) characters.add(character.codePointAt(0)!);
  return characters;
}

const fontBytes = new Map<string, Uint8Array>();

/**
 * The font files for one picture, in `folder`: each CJK face cut down to the picture's characters
 * by HarfBuzz, or the whole file when it cannot be (a file without the family, or one HarfBuzz refuses).
 */
function fontFilesFor(svg: string, found: PngFonts, folder: string): string[] {
  const characters = pictureCharacters(svg);
  const files: string[] = [];
  for (const [file, style] of [[found.cjk, 'Regular'], [found.cjkBold, 'Bold']] as const) {
    if (file === undefined) continue;
    let subset: Uint8Array | undefined;
    try {
      if (!fontBytes.has(file)) fontBytes.set(file, readFileSync(file));
      subset = subsetFont(fontBytes.get(file)!, { family: DEFAULT_FAMILY, style }, characters);
    } catch {
      subset = undefined;
    }
    if (subset === undefined) files.push(file);
    else {
      const path = join(folder, `${style}.otf`);
      writeFileSync(path, subset);
      files.push(path);
    }
  }
  if (found.latin !== undefined) files.push(found.latin);
  return files;
}

export interface RasterSize {
  readonly width: number;
  readonly height: number;
  /** The zoom actually used: the scale asked for, or less to keep within the limits. */
  readonly zoom: number;
}

/** The size of the raster for an SVG of `width` × `height` at `scale`, within both limits. */
export function rasterSize(width: number, height: number, scale: number): RasterSize {
  const safeWidth = Math.max(width, 1);
  const safeHeight = Math.max(height, 1);
  const fits = Math.min(MAX_RASTER_SIDE / safeWidth, MAX_RASTER_SIDE / safeHeight, Math.sqrt(MAX_RASTER_PIXELS / (safeWidth * safeHeight)));
  // resvg rounds the scaled size up, so the zoom leaves a pixel of room below each limit.
  let zoom = Math.min(scale, fits);
  while (Math.ceil(safeWidth * zoom) > MAX_RASTER_SIDE || Math.ceil(safeHeight * zoom) > MAX_RASTER_SIDE || Math.ceil(safeWidth * zoom) * Math.ceil(safeHeight * zoom) > MAX_RASTER_PIXELS) {
    zoom *= 1 - 1e-6;
  }
  return { width: Math.ceil(safeWidth * zoom), height: Math.ceil(safeHeight * zoom), zoom };
}

/** The width and height attributes of the export's root element (plain numbers, in px). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const number = (name: string): number => Number(new RegExp(`\\s${name}="([^"]+)"`).exec(root)?.[1] ?? Number.NaN);
  return { width: number('width'), height: number('height') };
}

export interface RenderedPng {
  readonly png: Uint8Array;
  readonly size: RasterSize;
}

export async function renderPng(svg: string, scale: number, found: PngFonts = pngFonts()): Promise<RenderedPng> {
  const { width, height } = svgSize(svg);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('the SVG has no numeric width and height');
  const size = rasterSize(width, height, scale);
  const folder = mkdtempSync(join(tmpdir(), 'argmap-png-fonts-'));
  try {
    const fontFiles = fontFilesFor(svg, found, folder);
    const renderer = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: size.zoom },
      // Without any font found, the system's fonts: slow, but the text is drawn.
      font:
        fontFiles.length > 0
          ? { loadSystemFonts: false, fontFiles, defaultFontFamily: DEFAULT_FAMILY, sansSerifFamily: DEFAULT_FAMILY }
          : { loadSystemFonts: true, defaultFontFamily: DEFAULT_FAMILY },
    });
    const picture = renderer.render();
    return { png: await encodePng(picture.pixels, picture.width, picture.height), size };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
