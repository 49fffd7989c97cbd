/**
 * argmap serve [--port 1234] [--data DIR] [--host 127.0.0.1|0.0.0.0] [--allow-origin URL]… [--redis redis://HOST:PORT] [--trust-proxy]
 * Runs the meeting server until SIGINT or SIGTERM, then flushes every room and exits 0.
 */
import { resolve } from 'node:path';
import { startServer } from '../server/server.ts';
import { NOT_BUILT_MESSAGE } from '../server/static-files.ts';
import type { Streams } from './main.ts';
import { UsageError } from './usage.ts';

export interface ServeArguments {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly allowOrigins: readonly string[];
  readonly redis?: string;
  readonly trustProxy?: boolean;
}

export function parseServeArguments(args: readonly string[]): ServeArguments {
  let port = 1234;
  let host = '127.0.0.1';
  let dataDir = 'argmap-data';
  const allowOrigins: string[] = [];
  let redis: string | undefined;
  let trustProxy = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const value = (): string => {
      const next = args[++index];
      if (next === undefined) throw new UsageError('serve', `${arg} needs a value`);
      return next;
    };
    if (arg === '--port') {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new UsageError('serve', '--port must be a number from 0 to 65535');
    } else if (arg === '--host') host = value();
    else if (arg === '--data') dataDir = value();
    else if (arg === '--allow-origin') {
      const text = value();
      let origin: string;
      try {
        origin = new URL(text).origin;
      } catch {
        throw new UsageError('serve', `--allow-origin needs an origin such as https://example.org, not ${text}`);
      }
      if (origin === 'null' || (!origin.startsWith('http://') && !origin.startsWith('https://'))) throw new UsageError('serve', `--allow-origin needs an http(s) origin, not ${text}`);
      allowOrigins.push(origin);
    } else if (arg === '--redis') {
      redis = value();
      if (!/^redis:\/\/[^/\s]+/.test(redis)) throw new UsageError('serve', `--redis needs a redis://HOST:PORT URL, not ${redis}`);
    } else if (arg === '--trust-proxy') trustProxy = true;
    else throw new UsageError('serve', `unknown option ${arg}`);
  }
  return { port, host, dataDir: resolve(dataDir), allowOrigins, ...(redis === undefined ? {} : { redis }), ...(trustProxy ? { trustProxy } : {}) };
}

export async function serveCommand(args: readonly string[], streams: Streams): Promise<number> {
  const options = parseServeArguments(args);
  let server;
  try {
    server = await startServer({ ...options, log: (line) => streams.out.write(`${new Date().toISOString()} ${line}\n`) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${options.port} is in use: choose another with --port` : error instanceof Error ? error.message : String(error);
    streams.err.write(`argmap: cannot serve: ${reason}\n`);
    return 1;
  }
  streams.out.write(`argmap serve: ${server.url}/ (rooms in ${options.dataDir}); stop with Ctrl+C\n`);
  if (!server.built) streams.err.write(`argmap: ${NOT_BUILT_MESSAGE}\n`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
  streams.out.write(`argmap serve: ${signal}: saving every room and stopping\n`);
  await server.close();
  streams.out.write('argmap serve: stopped\n');
  return 0;
}
