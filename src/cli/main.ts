/**
 * The `argmap` command: thin commands over the same core as the app.
 *   argmap validate FILE…
 *   argmap render FILE -o OUT.svg|OUT.png [--lang zh|en] [--seed SEED] [--scale 1|2|4]
 *   argmap convert FILE -o OUT [--to json|aif|argdown|svg|png] [--lang zh|en]
 *   argmap stats FILE
 *   argmap extensions FILE --semantics grounded|complete|preferred|stable
 * Every command reads any format argmap opens (detected from the content).
 * Exit codes: 0 success, 1 invalid input or failure to read/write, 2 usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readMapBytes, type ReadResult } from '../core/formats/read-map.ts';
import { mapStats } from '../core/formats/stats.ts';
import { writeMap, type TextFormat } from '../core/formats/write-map.ts';
import { MAX_FILE_BYTES } from '../core/load-map.ts';
import { LANGUAGES, type ArgMap, type Language } from '../core/model.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { findQuoteProblems } from '../core/validate/quotes.ts';
import { buildSvg } from '../export/svg.ts';
import { DEFAULT_SEED, settleLayout } from '../layout/force-layout.ts';
import { layoutExtents } from '../layout/node-boxes.ts';
import { EXTENSIONS_USAGE, extensionsCommand } from './extensions-command.ts';

export interface Output {
  write(text: string): unknown;
}

export interface Streams {
  readonly out: Output;
  readonly err: Output;
}

const USAGE = [
  'usage: argmap validate FILE…',
  '       argmap render FILE -o OUT.svg|OUT.png [--lang zh|en] [--seed SEED] [--scale 1|2|4]',
  '       argmap convert FILE -o OUT [--to json|aif|argdown|svg|png] [--lang zh|en] [--seed SEED] [--scale 1|2|4]',
  '       argmap stats FILE',
  `       ${EXTENSIONS_USAGE}`,
].join('\n');

class UsageError extends Error {}

async function readMap(file: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { format: 'unknown', result: { ok: false, problems: [{ severity: 'error', message: `cannot read the file (${describeFsError(error)})` }] } };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return { format: 'unknown', result: { ok: false, problems: [{ severity: 'error', message: `the file is ${bytes.length} bytes; argmap reads maps up to ${MAX_FILE_BYTES} bytes` }] } };
  }
  return readMapBytes(bytes);
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return typeof code === 'string' ? code : 'unknown reason';
}

/** The texts of the sources a map quotes, read from files beside it; missing files are skipped. */
async function readSourceTexts(map: ArgMap, mapFile: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const source of map.sources) {
    if (source.file === undefined) continue;
    try {
      texts.set(source.id, await readFile(resolve(dirname(mapFile), source.file), 'utf8'));
    } catch {
      // A map may cite a source that is not shipped with it; quotes are then not checked.
    }
  }
  return texts;
}

/** Reads a map for a command that needs one; problems are printed, and undefined means exit 1. */
async function requireMap(file: string, streams: Streams): Promise<{ map: ArgMap; format: ReadResult['format'] } | undefined> {
  const { format, result } = await readMap(file);
  if (!result.ok) {
    for (const problem of result.problems) streams.out.write(`${formatProblem(problem, file)}\n`);
    return undefined;
  }
  for (const warning of result.warnings) streams.err.write(`${formatProblem(warning, file)}\n`);
  return { map: result.map, format };
}

async function validate(files: readonly string[], streams: Streams): Promise<number> {
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  let failed = false;
  for (const file of files) {
    const { result } = await readMap(file);
    const problems: Problem[] = result.ok
      ? [...result.warnings, ...findQuoteProblems(result.map, await readSourceTexts(result.map, file))]
      : result.problems;
    for (const problem of problems) streams.out.write(`${formatProblem(problem, file)}\n`);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    if (errors > 0) failed = true;
    else streams.out.write(`${file}: valid${problems.length > 0 ? ` (${problems.length} warnings)` : ''}\n`);
  }
  return failed ? 1 : 0;
}

const OUTPUT_FORMATS = ['json', 'aif', 'argdown', 'svg', 'png'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const TEXT_OUTPUTS: Readonly<Record<'json' | 'aif' | 'argdown', TextFormat>> = { json: 'argmap-json', aif: 'aif-json', argdown: 'argdown' };
const PNG_SCALES = [1, 2, 4] as const;

/** The format an output file's name asks for: `.aif.json` before `.json`. */
function formatOfFileName(file: string): OutputFormat | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.aif.json') || name.endsWith('.aif')) return 'aif';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.argdown') || name.endsWith('.ad')) return 'argdown';
  if (name.endsWith('.svg')) return 'svg';
  if (name.endsWith('.png')) return 'png';
  return undefined;
}

interface OutputArguments {
  readonly input: string;
  readonly output: string;
  readonly format: OutputFormat;
  readonly language: Language;
  readonly seed: string;
  readonly scale: number;
}

function parseOutputArguments(command: 'render' | 'convert', args: readonly string[]): OutputArguments {
  let input: string | undefined;
  let output: string | undefined;
  let requested: string | undefined;
  let language: Language = 'zh';
  let seed = DEFAULT_SEED;
  let scale = 1;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '-o' || arg === '--output') output = value();
    else if (arg === '--to' && command === 'convert') requested = value();
    else if (arg === '--lang') {
      const chosen = value();
      if (!(LANGUAGES as readonly string[]).includes(chosen)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
      language = chosen as Language;
    } else if (arg === '--seed') seed = value();
    else if (arg === '--scale') {
      scale = Number(value());
      if (!(PNG_SCALES as readonly number[]).includes(scale)) throw new UsageError(`--scale must be one of ${PNG_SCALES.join(', ')}`);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (input === undefined) throw new UsageError(`${command} needs a FILE`);
  if (output === undefined) throw new UsageError(`${command} needs -o OUT`);
  if (requested !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(requested)) throw new UsageError(`--to must be one of ${OUTPUT_FORMATS.join(', ')}`);
  const format = (requested as OutputFormat | undefined) ?? formatOfFileName(output);
  if (format === undefined) throw new UsageError(`cannot tell the format of ${output} from its name: use --to ${OUTPUT_FORMATS.join('|')}`);
  if (command === 'render' && format !== 'svg' && format !== 'png') throw new UsageError('render writes pictures: OUT must end in .svg or .png');
  return { input, output, format, language, seed, scale };
}

async function writeOutput(args: OutputArguments, streams: Streams): Promise<number> {
  const read = await requireMap(args.input, streams);
  if (!read) return 1;
  const { map } = read;
  let content: string | Uint8Array;
  if (args.format === 'svg' || args.format === 'png') {
    const svg = buildSvg(map, settleLayout(map, layoutExtents(map), { seed: args.seed }), { language: args.language });
    // resvg is a native module: loaded only when a PNG is asked for.
    content = args.format === 'png' ? (await import('./png.ts')).renderPng(svg, args.scale) : svg;
  } else {
    content = writeMap(map, TEXT_OUTPUTS[args.format], args.language);
  }
  try {
    await writeFile(args.output, content);
  } catch (error) {
    streams.err.write(`argmap: cannot write ${args.output} (${describeFsError(error)})\n`);
    return 1;
  }
  streams.out.write(`wrote ${args.output}\n`);
  return 0;
}

async function stats(args: readonly string[], streams: Streams): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || file.startsWith('-')) throw new UsageError('stats needs a FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  const read = await requireMap(file, streams);
  if (!read || read.format === 'unknown') return 1;
  streams.out.write(`${JSON.stringify(mapStats(read.map, read.format))}\n`);
  return 0;
}

export async function main(args: readonly string[], streams: Streams): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, streams);
      case 'render':
        return await writeOutput(parseOutputArguments('render', rest), streams);
      case 'convert':
        return await writeOutput(parseOutputArguments('convert', rest), streams);
      case 'stats':
        return await stats(rest, streams);
      case 'extensions':
        return await extensionsCommand(rest, streams);
      case '-h':
      case '--help':
      case 'help':
        streams.out.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command === undefined ? 'no command given' : `unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      streams.err.write(`argmap: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    // Never a stack trace: say what failed in one line.
    streams.err.write(`argmap: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
