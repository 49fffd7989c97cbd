/**
 * PNG for the CLI: the exported SVG rasterised by resvg (a Rust renderer shipped as an npm
 * package). The same picture as the SVG, with two bounds the SVG does not need:
 * - fonts: resvg is given the few font files the export's stack needs (Noto Sans CJK, regular
 *   and bold, and a Latin sans-serif), found once per process. Loading every system font made a
 *   PNG cost minutes where its SVG cost seconds: resvg searched them all for each text run.
 * - size: the raster is capped as the browser caps its canvas (MAX_RASTER_SIDE a side) and by a
 *   pixel budget (MAX_RASTER_PIXELS, 256 MiB of RGBA), so a valid map whose nodes sit two million
 *   pixels apart is scaled down instead of asking for terabytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../layout/appearance.ts';

/** Chromium's canvas limit, which the browser's PNG export also keeps to. */
export const MAX_RASTER_SIDE = 16_384;
/** 64 megapixels: 256 MiB as RGBA, so a PNG stays well under 1 GB of memory. */
export const MAX_RASTER_PIXELS = 64 * 1024 * 1024;

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
  readonly files: readonly string[];
  /** False when no CJK font was found: Chinese text would come out as empty boxes. */
  readonly chinese: boolean;
}

let fonts: PngFonts | undefined;

/** The font files the PNG renderer loads, looked up once per process. */
export function pngFonts(): PngFonts {
  if (fonts === undefined) {
    const cjk = findFont('cjk');
    const files = [cjk, findFont('cjkBold'), findFont('latin')].filter((file): file is string => file !== undefined);
    fonts = { files: [...new Set(files)], chinese: cjk !== undefined };
  }
  return fonts;
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

export function renderPng(svg: string, scale: number, fontFiles: PngFonts = pngFonts()): RenderedPng {
  const { width, height } = svgSize(svg);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('the SVG has no numeric width and height');
  const size = rasterSize(width, height, scale);
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: size.zoom },
    font:
      fontFiles.files.length > 0
        ? { loadSystemFonts: false, fontFiles: [...fontFiles.files], defaultFontFamily: DEFAULT_FAMILY, sansSerifFamily: DEFAULT_FAMILY }
        : { loadSystemFonts: true, defaultFontFamily: DEFAULT_FAMILY },
  });
  return { png: renderer.render().asPng(), size };
}
