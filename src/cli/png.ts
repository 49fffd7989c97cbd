/**
 * PNG for the CLI: the exported SVG rasterised by resvg (a Rust renderer shipped as an npm
 * package), with the system's fonts so Chinese renders. The same picture as the SVG.
 */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../layout/appearance.ts';

/** The first family of the export's font stack, for text whose fonts resvg cannot resolve. */
const DEFAULT_FAMILY = FONT_FAMILY.split(',')[0]!.trim().replace(/^'|'$/g, '');

export function renderPng(svg: string, scale: number): Uint8Array {
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: DEFAULT_FAMILY },
  });
  return renderer.render().asPng();
}
