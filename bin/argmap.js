#!/usr/bin/env node
// Runs the TypeScript CLI in place: the app and the CLI share src/core without a build step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

/**
 * The CLI stays under 1 GB on any input: its JavaScript heap is capped, so garbage is collected
 * rather than left to grow (laying out a maximal map left 2.7 GB of it). Node takes the cap only
 * at start-up, so without it the command runs itself again with it, and passes on the signals a
 * service manager or `kill` sends this process (`argmap serve` flushes its rooms on them).
 */
const HEAP_LIMIT_MB = 700;
if (!process.execArgv.some((flag) => flag.startsWith('--max-old-space-size'))) {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  const signals = { SIGINT: 2, SIGHUP: 1, SIGPIPE: 13, SIGTERM: 15 };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const [status, signal] = await new Promise((resolve) => child.on('exit', (...outcome) => resolve(outcome)));
  process.exit(status ?? 128 + (signals[signal] ?? 1));
}

/** Never a stack trace: anything that escapes the commands is one line on standard error. */
function fail(error) {
  process.stderr.write(`argmap: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

/**
 * A reader that stops reading (`argmap validate FILE | head -1`) closes the pipe: the command
 * stops writing there, quietly, and still ends with its own exit status.
 */
function quietWhenClosed(stream) {
  let open = true;
  stream.on('error', () => {
    open = false;
  });
  return {
    write(text) {
      if (open) stream.write(text);
    },
  };
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: quietWhenClosed(process.stdout),
  err: quietWhenClosed(process.stderr),
  in: process.stdin,
});
