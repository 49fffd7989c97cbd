/**
 * Reading a map file (or standard input) with bounded memory and time, whatever the path names:
 * the file is opened without blocking (a FIFO would otherwise wait for a writer forever), its kind
 * and size come from `fstat` before a byte is read, and no more than the limit plus one byte is
 * ever read, even from a file that grows or lies about its size (`/proc`).
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { MAX_FILE_BYTES, tooLargeMessage } from '../core/load-map.ts';

/** The file name that means standard input, in every command. */
export const STDIN = '-';

export type InputBytes = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/** A readable stream of bytes: process.stdin, or a test's stand-in. */
export type ByteStream = AsyncIterable<Uint8Array | string> & { destroy?(): unknown };

function refused(message: string): InputBytes {
  return { ok: false, message };
}

/** One wording per kind of file that is not a map file, shared by every command and by quote sources. */
export function describeNonRegular(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'it is a directory, not a file';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a regular file';
  if (stats.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

/** The reason a file system call failed, in words. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EFBIG':
      return 'the file is larger than the system allows';
    default:
      return typeof code === 'string' ? code : 'unknown reason';
  }
}

/** Reads at most `limit + 1` bytes from a stream, then stops reading it. */
export async function readBounded(stream: ByteStream, limit = MAX_FILE_BYTES): Promise<InputBytes> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > limit) {
      stream.destroy?.();
      return refused(tooLargeMessage(total, 'input'));
    }
    chunks.push(bytes);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Reads a regular file's bytes: its size checked first, never more than the limit plus one byte read. */
async function readRegular(handle: FileHandle, size: number, limit: number): Promise<InputBytes> {
  if (size > limit) return refused(tooLargeMessage(size));
  // A file can grow after fstat, or report size 0 (/proc): read in chunks up to limit + 1 bytes.
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(Math.min(Math.max(size - total, 64 * 1024), limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return refused(tooLargeMessage(total, 'input'));
  }
  return { ok: true, bytes: concat(chunks, total) };
}

/**
 * The bytes of the map file `path`, or of standard input when `path` is `-`. Directories, FIFOs,
 * devices and sockets are refused with a message; so is anything over the limit.
 */
export async function readInput(path: string, stdin: ByteStream | undefined, limit = MAX_FILE_BYTES): Promise<InputBytes> {
  if (path === STDIN) return stdin === undefined ? refused('standard input is not available') : readBounded(stdin, limit);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refused(`cannot read the file: ${describeFsError(error)}`);
  }
  try {
    const stats = await handle.stat();
    const notRegular = describeNonRegular(stats);
    if (notRegular !== undefined) return refused(`cannot read the file: ${notRegular}; argmap reads maps from regular files, or from standard input with ${STDIN}`);
    return await readRegular(handle, stats.size, limit);
  } catch (error) {
    return refused(`cannot read the file: ${describeFsError(error)}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
