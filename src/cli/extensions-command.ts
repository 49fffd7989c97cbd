/**
 * `argmap extensions FILE --semantics grounded|complete|preferred|stable`: the extensions of any
 * map argmap reads (argmap JSON or SVG, Argdown, AIF, Kialo: its nodes as a Dung framework, see
 * frameworkFromMap) or of an ICCMA framework (.apx, .tgf, .i23/.af; other names are recognised by
 * their content).
 *
 * Standard output carries exactly one JSON object, `{"semantics": "…", "extensions": [[…], …]}`,
 * in the deterministic order of namedExtensions (ids sorted, then extensions by their id lists).
 * Problems with the file go to standard error as `file:line:col: error: …` (so stdout is JSON or
 * empty) and exit 1.
 * When the search stops at its limits, the JSON still lists the extensions found, adds
 * `"complete": false`, a note goes to standard error, and the exit code is 0: every extension
 * listed is a true one, only the list may be short, and the JSON says so.
 */

import { detectFormat, formatOfName, type FileFormat } from '../core/formats/detect.ts';
import { iccmaFormatOfFileName, parseIccma, sniffIccmaFormat, type IccmaResult } from '../core/formats/iccma.ts';
import { readMapBytes, type ReadResult } from '../core/formats/read-map.ts';
import { decodeBytes } from '../core/json/decode.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { enumerateExtensions, namedExtensions, SEMANTICS, type Semantics } from '../core/semantics/extensions.ts';
import { frameworkFromMap, type ArgumentationFramework } from '../core/semantics/framework.ts';
import type { Streams } from './main.ts';
import { readInput, STDIN } from './read-input.ts';
import { UsageError } from './usage.ts';

function parseArguments(args: readonly string[]): { readonly file: string; readonly semantics: Semantics } {
  let file: string | undefined;
  let semantics: string | undefined;
  let optionsEnded = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (optionsEnded || arg === STDIN || !arg.startsWith('-')) {
      if (file !== undefined) throw new UsageError('extensions', `unexpected argument ${arg}`);
      file = arg;
    } else if (arg === '--') optionsEnded = true;
    else if (arg === '--semantics') {
      semantics = args[i + 1];
      if (semantics === undefined) throw new UsageError('extensions', '--semantics needs a value');
      i += 1;
    } else throw new UsageError('extensions', `unknown option ${arg}`);
  }
  if (file === undefined) throw new UsageError('extensions', 'extensions needs a FILE');
  if (semantics === undefined) throw new UsageError('extensions', 'extensions needs --semantics');
  if (!(SEMANTICS as readonly string[]).includes(semantics)) throw new UsageError('extensions', `--semantics must be one of ${SEMANTICS.join(', ')}`);
  return { file, semantics: semantics as Semantics };
}

/** The framework to enumerate, and how many of its first arguments are reported (a map's nodes). */
type Loaded =
  | { readonly ok: true; readonly framework: ArgumentationFramework; readonly reported: number; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

function failure(message: string): Loaded {
  return { ok: false, problems: [{ severity: 'error', message }] };
}

/** Map formats whose content says what they are; anything else may still be an unnamed ICCMA file. */
const UNMISTAKABLE_MAPS: ReadonlySet<FileFormat> = new Set(['argmap-json', 'argmap-svg', 'aif-json', 'kialo']);

async function loadFramework(file: string, streams: Streams): Promise<Loaded> {
  const input = await readInput(file, streams.in);
  if (!input.ok) return failure(input.message);
  const { bytes } = input;
  const named = iccmaFormatOfFileName(file);
  // A map's name (.argdown) or unmistakable content decides; the map reader then reads it as stats does.
  if (named === undefined && (formatOfName(file) !== undefined || UNMISTAKABLE_MAPS.has(detectFormat(bytes).format))) return fromMap(readMapBytes(bytes, file));
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  if (named !== undefined) return fromIccma(parseIccma(decoded.text, named));
  // Unnamed text: an ICCMA framework when it reads as one (or clearly starts as APX or I23), else a map (Argdown…).
  const format = sniffIccmaFormat(decoded.text);
  const iccma = parseIccma(decoded.text, format);
  return iccma.ok || format !== 'tgf' ? fromIccma(iccma) : fromMap(readMapBytes(bytes, file));
}

function fromMap({ result }: ReadResult): Loaded {
  if (!result.ok) return result;
  const { framework, nodeCount } = frameworkFromMap(result.map);
  return { ok: true, framework, reported: nodeCount, warnings: result.warnings };
}

function fromIccma(result: IccmaResult): Loaded {
  if (!result.ok) return result;
  return { ok: true, framework: result.framework, reported: result.framework.names.length, warnings: result.warnings };
}

export async function extensionsCommand(args: readonly string[], streams: Streams): Promise<number> {
  const { file, semantics } = parseArguments(args);
  const loaded = await loadFramework(file, streams);
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
