/**
 * The usage of each command, one line each. A usage error (unknown option, missing or extra
 * argument) prints `argmap: what is wrong` and the command's usage line to standard error and
 * exits 2, the same in every command.
 */
import { SEMANTICS } from '../core/semantics/extensions.ts';

export const COMMANDS = ['validate', 'render', 'convert', 'stats', 'extensions', 'serve'] as const;
export type Command = (typeof COMMANDS)[number];

export const COMMAND_USAGE: Readonly<Record<Command | 'any', string>> = {
  validate: 'argmap validate FILE…',
  render: 'argmap render FILE -o OUT.svg|OUT.png [--lang zh|en] [--seed SEED] [--scale 1|2|4] [--force]',
  convert: 'argmap convert FILE -o OUT [--to json|aif|argdown|svg|png|csv|graphml] [--lang zh|en] [--seed SEED] [--scale 1|2|4] [--force]',
  stats: 'argmap stats FILE',
  extensions: `argmap extensions FILE --semantics ${SEMANTICS.join('|')}`,
  serve: 'argmap serve [--port 1234] [--data DIR] [--host 127.0.0.1|0.0.0.0] [--allow-origin URL]… [--redis redis://HOST:PORT] [--trust-proxy]',
  any: `argmap ${COMMANDS.join('|')} … (argmap --help lists each)`,
};

export function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

/** The full usage, for --help: every command, and what FILE may be. */
export function usageText(): string {
  return [
    ...COMMANDS.map((command, index) => `${index === 0 ? 'usage: ' : '       '}${COMMAND_USAGE[command]}`),
    '',
    'FILE is any map argmap opens (argmap JSON or SVG, Argdown, AIF, Kialo, a CSV pair named by either NAME.nodes.csv or NAME.edges.csv; extensions also reads apx, tgf, i23), or - for standard input.',
    '--to csv writes NAME.nodes.csv and NAME.edges.csv beside OUT; --to graphml writes GraphML for Gephi and yEd.',
    'An existing OUT is replaced only with --force. Exit status: 0 done, 1 invalid input or failure to read or write, 2 usage error.',
  ].join('\n');
}

/** A command line that does not match the command's usage. */
export class UsageError extends Error {
  constructor(
    readonly command: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
