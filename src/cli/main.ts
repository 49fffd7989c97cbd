/**
 * The `argmap` command: thin commands over the same core as the app.
 *   argmap validate FILE…
 *   argmap render FILE -o OUT.svg [--lang zh|en] [--seed SEED]
 *   argmap extensions FILE --semantics grounded|complete|preferred|stable
 * Exit codes: 0 success, 1 invalid input or failure to read/write, 2 usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadMapBytes, MAX_FILE_BYTES, type LoadResult } from '../core/load-map.ts';
import { LANGUAGES, type ArgMap, type Language } from '../core/model.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { findQuoteProblems } from '../core/validate/quotes.ts';
import { buildSvg } from '../export/svg.ts';
import { EXTENSIONS_USAGE, extensionsCommand } from './extensions-command.ts';
import { DEFAULT_SEED, settleLayout } from '../layout/force-layout.ts';
import { layoutExtents } from '../layout/node-boxes.ts';

export interface Output {
  write(text: string): unknown;
}

export interface Streams {
  readonly out: Output;
  readonly err: Output;
}

const USAGE = [
  'usage: argmap validate FILE…',
  '       argmap render FILE -o OUT.svg [--lang zh|en] [--seed SEED]',
  `       ${EXTENSIONS_USAGE}`,
].join('\n');

class UsageError extends Error {}

async function readMap(file: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, problems: [{ severity: 'error', message: `cannot read the file (${describeFsError(error)})` }] };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, problems: [{ severity: 'error', message: `the file is ${bytes.length} bytes; argmap reads maps up to ${MAX_FILE_BYTES} bytes` }] };
  }
  return loadMapBytes(bytes);
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

async function validate(files: readonly string[], streams: Streams): Promise<number> {
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  let failed = false;
  for (const file of files) {
    const result = await readMap(file);
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

interface RenderArguments {
  readonly input: string;
  readonly output: string;
  readonly language: Language;
  readonly seed: string;
}

function parseRenderArguments(args: readonly string[]): RenderArguments {
  let input: string | undefined;
  let output: string | undefined;
  let language: Language = 'zh';
  let seed = DEFAULT_SEED;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '-o' || arg === '--output') output = value();
    else if (arg === '--lang') {
      const chosen = value();
      if (!(LANGUAGES as readonly string[]).includes(chosen)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
      language = chosen as Language;
    } else if (arg === '--seed') seed = value();
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (input === undefined) throw new UsageError('render needs a FILE');
  if (output === undefined) throw new UsageError('render needs -o OUT.svg');
  if (!output.toLowerCase().endsWith('.svg')) throw new UsageError('render writes SVG: OUT must end in .svg');
  return { input, output, language, seed };
}

async function render(args: readonly string[], streams: Streams): Promise<number> {
  const { input, output, language, seed } = parseRenderArguments(args);
  const result = await readMap(input);
  if (!result.ok) {
    for (const problem of result.problems) streams.out.write(`${formatProblem(problem, input)}\n`);
    return 1;
  }
  for (const warning of result.warnings) streams.err.write(`${formatProblem(warning, input)}\n`);
  const positions = settleLayout(result.map, layoutExtents(result.map), { seed });
  try {
    await writeFile(output, buildSvg(result.map, positions, { language }));
  } catch (error) {
    streams.err.write(`argmap: cannot write ${output} (${describeFsError(error)})\n`);
    return 1;
  }
  streams.out.write(`wrote ${output}\n`);
  return 0;
}

export async function main(args: readonly string[], streams: Streams): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, streams);
      case 'render':
        return await render(rest, streams);
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
