/**
 * The `argmap` command: thin commands over the same core as the app.
 *   argmap validate FILE…
 *   argmap render FILE -o OUT.svg|OUT.png [--lang zh|en] [--seed SEED] [--scale 1|2|4] [--force]
 *   argmap convert FILE -o OUT [--to json|aif|argdown|svg|png|csv|graphml] [--lang zh|en] [--seed SEED] [--scale 1|2|4] [--force]
 *   argmap stats FILE
 *   argmap extensions FILE --semantics grounded|complete|preferred|stable
 *   argmap serve [--port 1234] [--data DIR] [--host 127.0.0.1|0.0.0.0] [--allow-origin URL]… [--redis redis://HOST:PORT]
 * Every command reads any format argmap opens (detected from the content); FILE `-` is standard
 * input. Results go to standard output, problems to standard error.
 * Exit codes: 0 success, 1 invalid input or failure to read/write, 2 usage error.
 */
import { readMapBytes, type ReadResult } from '../core/formats/read-map.ts';
import { mapStats } from '../core/formats/stats.ts';
import { problemsOnReadingBack, writeCheckedMap, type TextFormat } from '../core/formats/write-map.ts';
import { MAX_FILE_BYTES } from '../core/load-map.ts';
import { LANGUAGES, type ArgMap, type Language } from '../core/model.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { findQuoteProblems } from '../core/validate/quotes.ts';
import { buildSvg } from '../export/svg.ts';
import { DEFAULT_SEED } from '../layout/force-layout.ts';
import { boundedLayout } from './bounded-layout.ts';
import { extensionsCommand } from './extensions-command.ts';
import { isCsvPairFile, readCsvPairInput, SPREADSHEET_OUTPUTS, writeSpreadsheetOutput } from './spreadsheet-formats.ts';
import { readSourceTexts } from './quote-sources.ts';
import { readInput, STDIN, type ByteStream } from './read-input.ts';
import { COMMAND_USAGE, isCommand, UsageError, usageText } from './usage.ts';
import { writeAtomically, type ContentWriter } from './write-output.ts';

export interface Output {
  write(text: string): unknown;
}

export interface Streams {
  readonly out: Output;
  readonly err: Output;
  /** Standard input, read when FILE is `-`. */
  readonly in?: ByteStream;
  /** Replaces how an output file's content is written (tests simulate a full disk with it). */
  readonly writeContent?: ContentWriter;
}

/** Reads any map argmap opens, from a file or standard input, with bounded memory. */
export async function readMap(file: string, streams: Streams): Promise<ReadResult> {
  // A CSV map is two files: either names the pair.
  if (isCsvPairFile(file)) return readCsvPairInput(file, (path) => readInput(path, streams.in));
  const input = await readInput(file, streams.in);
  if (!input.ok) return { format: 'unknown', result: { ok: false, problems: [{ severity: 'error', message: input.message }] } };
  return readMapBytes(input.bytes, file);
}

function printProblems(problems: readonly Problem[], file: string, streams: Streams): void {
  for (const problem of problems) streams.err.write(`${formatProblem(problem, file)}\n`);
}

/** Reads a map for a command that needs one; problems are printed, and undefined means exit 1. */
async function requireMap(file: string, streams: Streams): Promise<{ map: ArgMap; format: ReadResult['format'] } | undefined> {
  const { format, result } = await readMap(file, streams);
  if (!result.ok) {
    printProblems(result.problems, file, streams);
    return undefined;
  }
  printProblems(result.warnings, file, streams);
  return { map: result.map, format };
}

/** The FILE arguments of a command: `--` ends the options, `-` is standard input (once). */
function fileArguments(command: 'validate' | 'stats', args: readonly string[]): string[] {
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg.startsWith('-') && arg !== STDIN) throw new UsageError(command, `unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.filter((file) => file === STDIN).length > 1) throw new UsageError(command, 'standard input (-) can be read only once');
  return files;
}

async function validate(args: readonly string[], streams: Streams): Promise<number> {
  const files = fileArguments('validate', args);
  if (files.length === 0) throw new UsageError('validate', 'validate needs at least one FILE');
  let failed = false;
  for (const file of files) {
    const { result } = await readMap(file, streams);
    let problems: Problem[] = result.ok ? result.warnings : result.problems;
    if (result.ok) {
      const sources = await readSourceTexts(result.map, file);
      problems = [...problems, ...sources.warnings, ...findQuoteProblems(result.map, sources.texts)];
    }
    printProblems(problems, file, streams);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.length - errors;
    if (errors > 0) failed = true;
    const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
    if (errors > 0) streams.out.write(`${file}: invalid (${counted(errors, 'error')}${warnings > 0 ? `, ${counted(warnings, 'warning')}` : ''})\n`);
    else streams.out.write(`${file}: valid${warnings > 0 ? ` (${counted(warnings, 'warning')})` : ''}\n`);
  }
  return failed ? 1 : 0;
}

const OUTPUT_FORMATS = ['json', 'aif', 'argdown', 'svg', 'png', ...SPREADSHEET_OUTPUTS] as const;
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
  if (name.endsWith('.graphml')) return 'graphml';
  if (name.endsWith('.csv')) return 'csv';
  return undefined;
}

interface OutputArguments {
  readonly input: string;
  readonly output: string;
  readonly format: OutputFormat;
  readonly language: Language;
  readonly seed: string;
  readonly scale: number;
  readonly force: boolean;
}

function parseOutputArguments(command: 'render' | 'convert', args: readonly string[]): OutputArguments {
  let input: string | undefined;
  let output: string | undefined;
  let requested: string | undefined;
  let language: Language = 'zh';
  let seed = DEFAULT_SEED;
  let scale = 1;
  let force = false;
  let optionsEnded = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(command, `${arg} needs a value`);
      i += 1;
      return next;
    };
    if (optionsEnded || arg === STDIN || !arg.startsWith('-')) {
      if (input !== undefined) throw new UsageError(command, `unexpected argument ${arg}`);
      input = arg;
    } else if (arg === '--') optionsEnded = true;
    else if (arg === '-o' || arg === '--output') output = value();
    else if (arg === '--to' && command === 'convert') requested = value();
    else if (arg === '--force') force = true;
    else if (arg === '--lang') {
      const chosen = value();
      if (!(LANGUAGES as readonly string[]).includes(chosen)) throw new UsageError(command, `--lang must be one of ${LANGUAGES.join(', ')}`);
      language = chosen as Language;
    } else if (arg === '--seed') seed = value();
    else if (arg === '--scale') {
      scale = Number(value());
      if (!(PNG_SCALES as readonly number[]).includes(scale)) throw new UsageError(command, `--scale must be one of ${PNG_SCALES.join(', ')}`);
    } else throw new UsageError(command, `unknown option ${arg}`);
  }
  if (input === undefined) throw new UsageError(command, `${command} needs a FILE`);
  if (output === undefined) throw new UsageError(command, `${command} needs -o OUT`);
  if (output === STDIN) throw new UsageError(command, '-o needs a file name: argmap writes files, not standard output');
  if (requested !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(requested)) throw new UsageError(command, `--to must be one of ${OUTPUT_FORMATS.join(', ')}`);
  const format = (requested as OutputFormat | undefined) ?? formatOfFileName(output);
  if (format === undefined) throw new UsageError(command, `cannot tell the format of ${output} from its name: use --to ${OUTPUT_FORMATS.join('|')}`);
  if (command === 'render' && format !== 'svg' && format !== 'png') throw new UsageError(command, 'render writes pictures: OUT must end in .svg or .png');
  return { input, output, format, language, seed, scale, force };
}

/**
 * The picture with every node at the origin: the same text as the laid-out one, and no longer (a
 * coordinate of 0 is the shortest number), so limits can be checked before spending the layout.
 */
function unplacedSvg(map: ArgMap, language: Language): string {
  return buildSvg(map, map.nodes.map((node) => ({ id: node.id, x: 0, y: 0 })), { language });
}

/** A map too big to draw as PNG within the CLI's memory: why, or undefined. */
async function pngRefusal(map: ArgMap, args: OutputArguments): Promise<string | undefined> {
  const { MAX_PNG_TEXT_CHARACTERS, pictureTextLength } = await import('./png.ts');
  // A node draws at most six short lines: small maps cannot reach the limit.
  if (map.nodes.length * 200 <= MAX_PNG_TEXT_CHARACTERS) return undefined;
  const length = pictureTextLength(unplacedSvg(map, args.language));
  if (length <= MAX_PNG_TEXT_CHARACTERS) return undefined;
  return `the picture has ${length} characters of text, more than a PNG can draw within the CLI's memory (${MAX_PNG_TEXT_CHARACTERS}, about 5,000 nodes); write an SVG instead`;
}

/** Beyond this many nodes an SVG may outgrow what argmap opens again; checked before the layout. */
const SVG_SIZE_CHECK_FROM_NODES = 5000;

/** What an output file will hold, checked by reading it back as argmap would: problems mean nothing is written. */
async function outputContent(
  map: ArgMap,
  args: OutputArguments & { format: Exclude<OutputFormat, 'csv' | 'graphml'> },
  streams: Streams,
): Promise<{ ok: true; content: string | Uint8Array } | { ok: false; problems: readonly Problem[] } | { ok: false; refusal: string }> {
  if (args.format !== 'svg' && args.format !== 'png') {
    const written = writeCheckedMap(map, TEXT_OUTPUTS[args.format], args.language);
    return written.ok ? { ok: true, content: written.text } : written;
  }
  const refusal = args.format === 'png' ? await pngRefusal(map, args) : undefined;
  if (refusal !== undefined) return { ok: false, refusal };
  if (args.format === 'svg' && map.nodes.length > SVG_SIZE_CHECK_FROM_NODES) {
    // Already too large to open again without its layout: refused by the reader's size check, before the layout.
    const unplaced = unplacedSvg(map, args.language);
    if (Buffer.byteLength(unplaced) > MAX_FILE_BYTES) return { ok: false, problems: problemsOnReadingBack(unplaced, 'argmap-svg') };
  }
  const positions = boundedLayout(map, args.seed, (message) => streams.err.write(`argmap: ${args.input}: warning: ${message}\n`));
  const svg = buildSvg(map, positions, { language: args.language });
  if (args.format === 'svg') {
    // argmap opens its SVG again (the map is embedded); a PNG is only a picture, which argmap never opens.
    const problems = problemsOnReadingBack(svg, 'argmap-svg');
    return problems.length > 0 ? { ok: false, problems } : { ok: true, content: svg };
  }
  // resvg is a native module: loaded only when a PNG is asked for.
  const { MAX_RASTER_PIXELS, MAX_RASTER_SIDE, pngFonts, renderPng } = await import('./png.ts');
  if (!pngFonts().chinese) streams.err.write('argmap: warning: no Noto Sans CJK font found, so Chinese text may be missing from the PNG (Debian: apt-get install fonts-noto-cjk)\n');
  const { png, size } = await renderPng(svg, args.scale);
  if (size.zoom < args.scale) {
    streams.err.write(
      `argmap: ${args.output}: warning: the picture is scaled to ${size.zoom.toPrecision(3)}× (${size.width} × ${size.height} px) to stay within ${MAX_RASTER_SIDE} px a side and ${MAX_RASTER_PIXELS / (1024 * 1024)} megapixels\n`,
    );
  }
  return { ok: true, content: png };
}

async function writeOutput(args: OutputArguments, streams: Streams): Promise<number> {
  const read = await requireMap(args.input, streams);
  if (!read) return 1;
  if (args.format === 'csv' || args.format === 'graphml') return writeSpreadsheetOutput(read.map, { ...args, format: args.format }, streams);
  const made = await outputContent(read.map, { ...args, format: args.format }, streams);
  if (!made.ok) {
    if ('refusal' in made) streams.err.write(`argmap: not writing ${args.output}: ${made.refusal}\n`);
    else {
      streams.err.write(`argmap: not writing ${args.output}: argmap could not open it again:\n`);
      printProblems(made.problems, args.output, streams);
    }
    return 1;
  }
  const written = await writeAtomically({ output: args.output, content: made.content, input: args.input, force: args.force }, streams.writeContent);
  if (!written.ok) {
    streams.err.write(`argmap: ${written.message}\n`);
    return 1;
  }
  streams.out.write(`wrote ${args.output}\n`);
  return 0;
}

async function stats(args: readonly string[], streams: Streams): Promise<number> {
  const files = fileArguments('stats', args);
  if (files.length === 0) throw new UsageError('stats', 'stats needs a FILE');
  if (files.length > 1) throw new UsageError('stats', `unexpected argument ${files[1]}`);
  const file = files[0]!;
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
      case 'serve':
        // Loaded only when serving: the other commands need neither SQLite nor Hocuspocus.
        return await (await import('./serve-command.ts')).serveCommand(rest, streams);
      case '-h':
      case '--help':
      case 'help':
        streams.out.write(`${usageText()}\n`);
        return 0;
      default:
        throw new UsageError(undefined, command === undefined ? 'no command given' : `unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      streams.err.write(`argmap: ${error.message}\nusage: ${error.command === undefined || !isCommand(error.command) ? COMMAND_USAGE.any : COMMAND_USAGE[error.command]}\n`);
      return 2;
    }
    // Never a stack trace: say what failed in one line.
    streams.err.write(`argmap: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
