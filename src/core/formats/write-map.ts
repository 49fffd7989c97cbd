/** Saving a map in the formats argmap writes; pictures (SVG, PNG) need the layout and live in src/export. */
import type { ArgMap, Language } from '../model.ts';
import type { Problem } from '../problems.ts';
import { serializeMap } from '../serialize.ts';
import { exportAif } from './aif.ts';
import { mapToArgdown } from './argdown/index.ts';
import type { MapFormat } from './detect.ts';
import { readMapAs } from './read-map.ts';
import type { TextFormat } from './text-formats.ts';

export { FILE_EXTENSIONS, MEDIA_TYPES, TEXT_FORMATS, type TextFormat } from './text-formats.ts';

/** AIF and Argdown hold one language: `language` picks it (the other is kept in their extra data). */
export function writeMap(map: ArgMap, format: TextFormat, language: Language): string {
  switch (format) {
    case 'argmap-json':
      return serializeMap(map);
    case 'aif-json':
      return exportAif(map, { language });
    case 'argdown':
      return mapToArgdown(map, language);
  }
}

/**
 * The errors argmap's own reader would report on opening `text` as `format`: empty when the file
 * opens again. Every writer (the CLI, Save as, Save layout, write-back, the SVG export) calls this
 * on what it is about to write and refuses to write when it finds any, so no file argmap writes
 * is one it then rejects. Warnings are not counted: a file with warnings still opens.
 */
export function problemsOnReadingBack(text: string, format: MapFormat): Problem[] {
  const reread = readMapAs(text, format);
  return reread.ok ? [] : reread.problems.filter((problem) => problem.severity === 'error');
}

export type CheckedWrite = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problems: readonly Problem[] };

/** `writeMap`, then the text read back with the real reader: the text only when it opens again. */
export function writeCheckedMap(map: ArgMap, format: TextFormat, language: Language): CheckedWrite {
  const text = writeMap(map, format, language);
  const problems = problemsOnReadingBack(text, format);
  return problems.length === 0 ? { ok: true, text } : { ok: false, problems };
}
