#!/usr/bin/env node
// Runs the TypeScript CLI in place: the app and the CLI share src/core without a build step.
import { register } from 'tsx/esm/api';

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
