/**
 * The texts of the sources a map quotes, for checking its quotes. A source file is named by the
 * map, and the map is untrusted: its path is resolved through any symbolic links and read only
 * when it is a regular file inside the map's folder (so a link to /etc/passwd cannot confirm a
 * quote, and a FIFO cannot hang the command). A source that cannot be read is a warning, "quote
 * not checked", never a silent pass.
 */
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { decodeBytes } from '../core/json/decode.ts';
import { MAX_FILE_BYTES } from '../core/load-map.ts';
import type { ArgMap } from '../core/model.ts';
import { quoteForMessage, type Problem } from '../core/problems.ts';
import { describeFsError, describeNonRegular, STDIN } from './read-input.ts';

export interface SourceTexts {
  readonly texts: Map<string, string>;
  readonly warnings: Problem[];
}

function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
}

/** The text of one source file, or why it was not read. */
async function readSource(folder: string, name: string): Promise<{ text: string } | { reason: string }> {
  let real: string;
  try {
    real = await realpath(resolve(folder, name));
  } catch (error) {
    return { reason: (error as { code?: unknown }).code === 'ENOENT' ? 'source file missing' : `source file unreadable (${describeFsError(error)})` };
  }
  if (!isInside(folder, real)) return { reason: 'source file is outside the map’s folder' };
  let handle: FileHandle;
  try {
    // The real path has no links left; O_NOFOLLOW refuses one swapped in since, O_NONBLOCK a FIFO.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { reason: `source file unreadable (${describeFsError(error)})` };
  }
  try {
    const stats = await handle.stat();
    const notRegular = describeNonRegular(stats);
    if (notRegular !== undefined) return { reason: `source file unreadable (${notRegular})` };
    if (stats.size > MAX_FILE_BYTES) return { reason: `source file too large (${stats.size} bytes; the limit is ${MAX_FILE_BYTES} bytes)` };
    const bytes = new Uint8Array(stats.size);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const decoded = decodeBytes(bytes.subarray(0, bytesRead));
    return decoded.ok ? { text: decoded.text } : { reason: `source file unreadable (${decoded.problem.message})` };
  } catch (error) {
    return { reason: `source file unreadable (${describeFsError(error)})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads the files of the sources that quotes cite, relative to the map's folder (the current
 * folder for a map read from standard input).
 */
export async function readSourceTexts(map: ArgMap, mapFile: string): Promise<SourceTexts> {
  const texts = new Map<string, string>();
  const warnings: Problem[] = [];
  const citations = new Map<string, number>();
  for (const node of map.nodes) {
    if (node.quote !== undefined) citations.set(node.quote.source, (citations.get(node.quote.source) ?? 0) + 1);
  }
  let folder: string | undefined;
  for (const [index, source] of map.sources.entries()) {
    const cited = citations.get(source.id) ?? 0;
    if (source.file === undefined || cited === 0) continue;
    folder ??= await realpath(mapFile === STDIN ? process.cwd() : dirname(resolve(mapFile))).catch(() => resolve(dirname(mapFile)));
    const read = await readSource(folder, source.file);
    if ('text' in read) texts.set(source.id, read.text);
    else {
      const quotes = cited === 1 ? '1 quote' : `${cited} quotes`;
      warnings.push({
        severity: 'warning',
        message: `quote not checked: ${read.reason}: ${quoteForMessage(source.file)} (${quotes} cite source ${quoteForMessage(source.id)})`,
        pointer: `/sources/${index}/file`,
        id: source.id,
      });
    }
  }
  return { texts, warnings };
}
