/** Saving a map in the formats argmap writes; pictures (SVG, PNG) need the layout and live in src/export. */
import type { ArgMap, Language } from '../model.ts';
import { serializeMap } from '../serialize.ts';
import { exportAif } from './aif.ts';
import { mapToArgdown } from './argdown/index.ts';

export const TEXT_FORMATS = ['argmap-json', 'aif-json', 'argdown'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export const FILE_EXTENSIONS: Readonly<Record<TextFormat, string>> = { 'argmap-json': 'json', 'aif-json': 'aif.json', argdown: 'argdown' };
export const MEDIA_TYPES: Readonly<Record<TextFormat, string>> = { 'argmap-json': 'application/json', 'aif-json': 'application/json', argdown: 'text/plain' };

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
