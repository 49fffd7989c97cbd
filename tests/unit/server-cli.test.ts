/** The arguments of `argmap serve`. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseServeArguments } from '../../src/cli/serve-command.ts';
import { resolve } from 'node:path';

describe('argmap serve arguments', () => {
  it('defaults to 127.0.0.1:1234 and ./argmap-data, and reads each option', () => {
    expect(parseServeArguments([])).toEqual({ port: 1234, host: '127.0.0.1', dataDir: resolve('argmap-data'), allowOrigins: [] });
    expect(parseServeArguments(['--port', '8080', '--host', '0.0.0.0', '--data', '/tmp/rooms', '--allow-origin', 'https://slides.example/path', '--allow-origin', 'http://a.test:3000', '--redis', 'redis://10.0.0.2:6379'])).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/tmp/rooms',
      allowOrigins: ['https://slides.example', 'http://a.test:3000'],
      redis: 'redis://10.0.0.2:6379',
    });
  });

  it.each([
    [['--port', 'eighty'], '--port must be a number'],
    [['--port', '70000'], '--port must be a number'],
    [['--allow-origin', 'not a url'], '--allow-origin needs an origin'],
    [['--allow-origin', 'file:///etc'], '--allow-origin needs an http(s) origin'],
    [['--data'], '--data needs a value'],
    [['--verbose'], 'unknown option --verbose'],
    [['--redis', 'localhost:6379'], '--redis needs a redis://HOST:PORT URL'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    let err = '';
    const code = await main(['serve', ...args], { out: { write: () => true }, err: { write: (text: string) => (err += text) } });
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: argmap serve [--port 1234]');
  });
});
