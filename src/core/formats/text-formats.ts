/**
 * The text formats a map is saved in, their file extensions and media types: what the toolbar
 * lists, without the writers themselves (write-map.ts), which load when a save is asked for.
 */
export const TEXT_FORMATS = ['argmap-json', 'aif-json', 'argdown'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export const FILE_EXTENSIONS: Readonly<Record<TextFormat, string>> = { 'argmap-json': 'json', 'aif-json': 'aif.json', argdown: 'argdown' };
export const MEDIA_TYPES: Readonly<Record<TextFormat, string>> = { 'argmap-json': 'application/json', 'aif-json': 'application/json', argdown: 'text/plain' };

/** Saved beside the text formats: a CSV pair (nodes and edges files) and GraphML, for spreadsheets, Kumu, Gephi and yEd. */
export const SPREADSHEET_FORMATS = ['csv', 'graphml'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];
