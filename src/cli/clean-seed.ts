/**
 * Makes the cleaned seed article from the original as delivered:
 *   npm run clean-seed [ORIGINAL] [CLEAN]
 * Defaults to the files under graph-data/sources/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { cleanArticle } from '../core/text/clean-article.ts';

const sources = fileURLToPath(new URL('../../graph-data/sources/', import.meta.url));
export const ORIGINAL_ARTICLE = `${sources}hundred-model-war.original.txt`;
export const CLEAN_ARTICLE = `${sources}hundred-model-war.txt`;

/** Taiwan → mainland without the phrase table: `twp` rewrites words (执行 → 运行), `tw` keeps 着力于. */
export const taiwanToMainland: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function cleanSeedFile(originalPath: string): string {
  return cleanArticle(readFileSync(originalPath, 'utf8'), taiwanToMainland);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [originalPath = ORIGINAL_ARTICLE, cleanPath = CLEAN_ARTICLE] = process.argv.slice(2);
  writeFileSync(cleanPath, cleanSeedFile(originalPath));
  console.log(`wrote ${cleanPath}`);
}
