/**
 * `argmap extensions FILE --semantics grounded|complete|preferred|stable`: the extensions of an
 * argmap map (its nodes as a Dung framework, see frameworkFromMap) or of an ICCMA framework
 * (.apx, .tgf, .i23/.af; other names are recognised by their content).
 *
 * Standard output carries exactly one JSON object, `{"semantics": "…", "extensions": [[…], …]}`,
 * in the deterministic order of namedExtensions (ids sorted, then extensions by their id lists).
 * Problems with the file go to standard error as `file:line:col: error: …` (so stdout is JSON or
 * empty) and exit 1.
 * When the search stops at its limits, the JSON still lists the extensions found, adds
 * `"complete": false`, a note goes to standard error, and the exit code is 0: every extension
 * listed is a true one, only the list may be short, and the JSON says so.
 */

import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../core/json/decode.ts';
import { iccmaFormatOfFileName, parseIccma, sniffIccmaFormat, type IccmaFormat } from '../core/formats/iccma.ts';
import { loadMapBytes, MAX_FILE_BYTES } from '../core/load-map.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { enumerateExtensions, namedExtensions, SEMANTICS, type Semantics } from '../core/semantics/extensions.ts';
import { frameworkFromMap, type ArgumentationFramework } from '../core/semantics/framework.ts';
import type { Streams } from './main.ts';

export const EXTENSIONS_USAGE = `argmap extensions FILE --semantics ${SEMANTICS.join('|')}`;

type Parsed = { readonly ok: true; readonly file: string; readonly semantics: Semantics } | { readonly ok: false; readonly message: string };

function parseArguments(args: readonly string[]): Parsed {
  let file: string | undefined;
  let semantics: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--semantics') {
      semantics = args[i + 1];
      if (semantics === undefined) return { ok: false, message: '--semantics needs a value' };
      i += 1;
    } else if (arg.startsWith('-')) return { ok: false, message: `unknown option ${arg}` };
    else if (file === undefined) file = arg;
    else return { ok: false, message: `unexpected argument ${arg}` };
  }
  if (file === undefined) return { ok: false, message: 'extensions needs a FILE' };
  if (semantics === undefined) return { ok: false, message: 'extensions needs --semantics' };
  if (!(SEMANTICS as readonly string[]).includes(semantics)) return { ok: false, message: `--semantics must be one of ${SEMANTICS.join(', ')}` };
  return { ok: true, file, semantics: semantics as Semantics };
}

/** The framework to enumerate, and how many of its first arguments are reported (a map's nodes). */
type Loaded =
  | { readonly ok: true; readonly framework: ArgumentationFramework; readonly reported: number; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

function failure(message: string): Loaded {
  return { ok: false, problems: [{ severity: 'error', message }] };
}

async function loadFramework(file: string): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return failure(`cannot read the file (${code === 'ENOENT' ? 'no such file' : typeof code === 'string' ? code : 'unknown reason'})`);
  }
  if (bytes.length > MAX_FILE_BYTES) return failure(`the file is ${bytes.length} bytes; argmap reads files up to ${MAX_FILE_BYTES} bytes`);

  if (file.toLowerCase().endsWith('.json')) return fromMap(bytes);
  const format = iccmaFormatOfFileName(file);
  const decoded = decodeBytes(bytes);
  // Without a telling name, JSON (and anything undecodable, which the map loader describes best) is read as a map.
  if (format === undefined && (!decoded.ok || decoded.text.trimStart().startsWith('{'))) return fromMap(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return fromIccma(decoded.text, format ?? sniffIccmaFormat(decoded.text));
}

function fromMap(bytes: Uint8Array): Loaded {
  const result = loadMapBytes(bytes);
  if (!result.ok) return result;
  const { framework, nodeCount } = frameworkFromMap(result.map);
  return { ok: true, framework, reported: nodeCount, warnings: result.warnings };
}

function fromIccma(text: string, format: IccmaFormat): Loaded {
  const result = parseIccma(text, format);
  if (!result.ok) return result;
  return { ok: true, framework: result.framework, reported: result.framework.names.length, warnings: result.warnings };
}

export async function extensionsCommand(args: readonly string[], streams: Streams): Promise<number> {
  const parsed = parseArguments(args);
  if (!parsed.ok) {
    streams.err.write(`argmap: ${parsed.message}\nusage: ${EXTENSIONS_USAGE}\n`);
    return 2;
  }
  const { file, semantics } = parsed;
  const loaded = await loadFramework(file);
  if (!loaded.ok) {
    for (const problem of loaded.problems) streams.err.write(`${formatProblem(problem, file)}\n`);
    return 1;
  }
  for (const warning of loaded.warnings) streams.err.write(`${formatProblem(warning, file)}\n`);
  const enumeration = enumerateExtensions(loaded.framework, semantics);
  const extensions = namedExtensions(loaded.framework, enumeration.extensions, loaded.reported);
  streams.out.write(`${JSON.stringify({ semantics, extensions, ...(enumeration.complete ? {} : { complete: false }) })}\n`);
  if (!enumeration.complete) {
    const reason = enumeration.reason ?? 'search stopped early';
    streams.err.write(`argmap: ${file}: ${reason}; the output lists the ${extensions.length} extensions found, with "complete": false\n`);
  }
  return 0;
}
