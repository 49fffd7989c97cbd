/**
 * PNG export in the browser: the exported SVG, drawn onto a canvas at 1×, 2× or 4×, so
 * the PNG is the same picture as the SVG. System fonts reach an SVG drawn as an image;
 * the SVG has no external resources, so the canvas is never tainted.
 */

/** Chromium refuses canvases beyond this many pixels per side. */
const MAX_CANVAS_SIDE = 16384;

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

function svgSize(svg: string): { width: number; height: number } {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
}

/** The scale actually used: the one asked for, reduced until the canvas fits the browser's limit. */
function fittingScale(width: number, height: number, scale: number): number {
  return Math.min(scale, MAX_CANVAS_SIDE / Math.max(width, height, 1));
}

export async function svgToPng(svg: string, scale: PngScale): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const used = fittingScale(width, height, scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * used);
    canvas.height = Math.round(height * used);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
