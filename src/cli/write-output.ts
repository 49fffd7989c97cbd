/**
 * Writing an output file so that no failure can leave a half-written file or damage an existing
 * one: the content goes to a new temporary file in the same folder, is flushed to the disk, and
 * only then renamed over the output (a rename within a folder is atomic). An existing output is
 * replaced only when asked (`--force`), the input only with `--force` too, and a symbolic link is
 * never written through.
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeFsError, describeNonRegular, STDIN } from './read-input.ts';

export interface WriteRequest {
  readonly output: string;
  readonly content: string | Uint8Array;
  /** The file the content was made from (`-` for standard input): never replaced without `force`. */
  readonly input: string;
  readonly force: boolean;
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Writes the whole content to an open file; the tests replace it to simulate a full disk. */
export type ContentWriter = (handle: FileHandle, content: string | Uint8Array) => Promise<void>;

const writeAll: ContentWriter = async (handle, content) => {
  await handle.writeFile(content);
};

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Why the output may not be written, or undefined when it may. */
async function refusal(request: WriteRequest): Promise<string | undefined> {
  const existing = await lstatOrUndefined(request.output);
  if (existing === undefined) return undefined;
  if (existing.isSymbolicLink()) return 'it is a symbolic link, and argmap does not write through links: remove it or choose another name';
  const notRegular = describeNonRegular(existing);
  if (notRegular !== undefined) return notRegular;
  if (request.input !== STDIN) {
    const input = await stat(request.input).catch(() => undefined);
    if (input !== undefined && sameFile(input, existing) && !request.force) return 'it is the input file; add --force to replace it';
  }
  if (!request.force) return 'it already exists; add --force to replace it';
  return undefined;
}

/** Flushes a folder's entry for a renamed file to the disk; some file systems refuse, which is harmless. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, constants.O_RDONLY).catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

export async function writeAtomically(request: WriteRequest, write: ContentWriter = writeAll): Promise<WriteResult> {
  const { output } = request;
  let refused: string | undefined;
  try {
    refused = await refusal(request);
  } catch (error) {
    refused = describeFsError(error);
  }
  if (refused !== undefined) return { ok: false, message: `not writing ${output}: ${refused}` };

  const existing = await lstatOrUndefined(output).catch(() => undefined);
  const folder = dirname(output);
  const temporary = join(folder, `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // 'wx': a new file only, never one an attacker placed (or linked) at the temporary name.
    handle = await open(temporary, 'wx', existing?.mode ?? 0o666);
    if (existing !== undefined) await handle.chmod(existing.mode & 0o7777);
    await write(handle, request.content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, output);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    const kept = existing === undefined ? 'nothing was written' : `${output} is unchanged`;
    return { ok: false, message: `cannot write ${output} (${describeFsError(error)}); ${kept}` };
  }
  await syncFolder(folder);
  return { ok: true };
}
