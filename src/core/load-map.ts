/**
 * Reading a map file: bytes → text → JSON → ArgMap, in named stages (decode, sniff, parse,
 * top level, version, schema, build with sanitizing, integrity). Each stage collects all of its
 * problems, each located; a stage that finds an error ends the run. Nothing here throws: a
 * hostile file can only ever produce problems.
 */

import { decodeBytes } from './json/decode.ts';
import { parseJson } from './json/parse-json.ts';
import { locatePointer } from './json/pointer.ts';
import { sniffBytes, sniffText } from './json/sniff.ts';
import type { ArgMap } from './model.ts';
import { ProblemCollector, type Locate, type Problem } from './problems.ts';
import { buildModel } from './validate/build-model.ts';
import { checkIntegrity } from './validate/integrity.ts';
import { requireMapObject } from './validate/root.ts';
import { validateSchema } from './validate/schema.ts';
import { migrateVersion } from './validate/version.ts';

export type LoadResult = { ok: true; map: ArgMap; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** 20 MiB: far above any hand-made debate, small enough to parse in a browser tab. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

function failed(message: string): LoadResult {
  return { ok: false, problems: [{ severity: 'error', message }] };
}

/**
 * The one wording for a file over the limit, with its size in bytes as `ls -l` shows it (or, for
 * a stream read only up to the limit, "more than" the limit).
 */
export function tooLargeMessage(size: number, what: 'file' | 'input' = 'file'): string {
  const amount = size > MAX_FILE_BYTES && what === 'input' ? `more than ${MAX_FILE_BYTES} bytes` : `${size} bytes`;
  return `the ${what} is too large (${amount}); argmap opens maps up to ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES / (1024 * 1024)} MiB)`;
}

function tooLarge(size: number): LoadResult {
  return failed(tooLargeMessage(size));
}

/**
 * The last line of defence. The stages are written not to throw; if one still does (a bug, or an
 * engine limit), the user gets a problem rather than a crash, and no stack trace.
 */
function guarded(load: () => LoadResult): LoadResult {
  try {
    return load();
  } catch {
    return failed('internal error while reading the map');
  }
}

/** Reads a file's bytes: the size is checked before anything is decoded. */
export function loadMapBytes(bytes: Uint8Array): LoadResult {
  return guarded(() => {
    if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
    const binary = sniffBytes(bytes);
    if (binary !== undefined) return failed(binary);
    const decoded = decodeBytes(bytes);
    return decoded.ok ? loadText(decoded.text) : { ok: false, problems: [decoded.problem] };
  });
}

/** Reads a map from text that is already decoded (a leading U+FEFF byte order mark is dropped). */
export function loadMapText(text: string): LoadResult {
  return guarded(() => {
    // A UTF-16 code unit takes at least one byte in UTF-8, so this never admits more than the byte limit.
    if (text.length > MAX_FILE_BYTES) return failed(`the text is too large (${text.length} characters); argmap opens maps up to ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES / (1024 * 1024)} MiB)`);
    return loadText(text);
  });
}

function loadText(text: string): LoadResult {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lookalike = sniffText(withoutBom);
  if (lookalike !== undefined) return failed(lookalike);
  const parsed = parseJson(withoutBom);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };

  const stages = new StageRunner((pointer) => locatePointer(parsed.pointers, pointer));
  const root = stages.run(requireMapObject, parsed.value);
  const versioned = root && stages.run(migrateVersion, root);
  const document = versioned && stages.run(validateSchema, versioned);
  const map = document && stages.run(buildModel, document);
  if (map) stages.run(checkIntegrity, map);
  return stages.result(map);
}

/** Runs stages in order, keeping their warnings; the first stage that reports an error ends the run. */
class StageRunner {
  readonly #locate: Locate;
  readonly #problems: Problem[] = [];
  #failed = false;

  constructor(locate: Locate) {
    this.#locate = locate;
  }

  run<In, Out>(stage: (input: In, problems: ProblemCollector) => Out | undefined, input: In): Out | undefined {
    if (this.#failed) return undefined;
    const problems = new ProblemCollector(this.#locate);
    const output = stage(input, problems);
    this.#problems.push(...problems.toArray());
    if (!problems.hasErrors) return output;
    this.#failed = true;
    return undefined;
  }

  result(map: ArgMap | undefined): LoadResult {
    if (this.#failed || map === undefined) return { ok: false, problems: this.#problems };
    return { ok: true, map, warnings: this.#problems };
  }
}
