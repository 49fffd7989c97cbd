/**
 * A font file holding only the characters a picture uses, for resvg. resvg reads a font file
 * whole for every glyph it draws, so with the 19 MB Noto Sans CJK collection an 800-claim map
 * (18,000 glyphs) spent minutes reading fonts; a subset of its few hundred characters is a few
 * hundred kilobytes. HarfBuzz's own subsetter (hb-subset, in harfbuzzjs's WebAssembly build) cuts
 * one face down: TrueType or CFF outlines alike, and with its OpenType layout (GSUB/GPOS) kept for
 * the glyphs kept, so resvg still kerns and picks the same glyph forms as with the whole font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { faceIndex, type FaceChoice } from './sfnt.ts';

/** The exports of harfbuzz-subset.wasm this module calls: pointers and handles are addresses in its memory. */
interface HarfBuzzSubset {
  readonly memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** HarfBuzz may use the font's bytes in place: they are its own copy. */
const HB_MEMORY_MODE_WRITABLE = 2;

let harfBuzz: HarfBuzzSubset | undefined;

/** The subsetter, compiled once per process (it imports nothing). */
function subsetter(): HarfBuzzSubset {
  if (harfBuzz === undefined) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    harfBuzz = new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports as unknown as HarfBuzzSubset;
    harfBuzz._initialize();
  }
  return harfBuzz;
}

/**
 * The subset of the face `choice` of a font file (.otf, .ttf or a .ttc collection) for
 * `codePoints`, or undefined when the file has no such face or HarfBuzz cannot cut it down (the
 * file is then used whole).
 */
export function subsetFont(fontFile: Uint8Array, choice: FaceChoice, codePoints: Iterable<number>): Uint8Array | undefined {
  const index = faceIndex(fontFile, choice);
  if (index === undefined) return undefined;
  const hb = subsetter();
  const data = hb.malloc(fontFile.length);
  if (data === 0) return undefined;
  // The memory may grow at any call, which detaches earlier views of it: a fresh view at each use.
  new Uint8Array(hb.memory.buffer).set(fontFile, data);
  const blob = hb.hb_blob_create(data, fontFile.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, index);
  hb.hb_blob_destroy(blob); // the face holds its own reference
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) return undefined;
    const characters = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(characters, codePoint);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) return undefined;
    const result = hb.hb_face_reference_blob(subset);
    const start = hb.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(hb.memory.buffer).slice(start, start + hb.hb_blob_get_length(result));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes.length === 0 ? undefined : bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(data);
  }
}
