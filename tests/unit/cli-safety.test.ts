/**
 * The CLI on hostile or unlucky input: what it reads (FIFOs, devices, huge files, standard
 * input), what it writes (never over the input or an existing file without --force, never through
 * a link, never half a file), which quote sources it trusts, and how it says what went wrong.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, type Streams } from '../../src/cli/main.ts';
import { MAX_FILE_BYTES } from '../../src/core/load-map.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/argmap.js', import.meta.url).pathname;
const directory = mkdtempSync(join(tmpdir(), 'argmap-cli-safety-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

function folder(name: string): string {
  const path = join(directory, name);
  mkdirSync(path, { recursive: true });
  return path;
}

async function inProcess(args: readonly string[], extra: Partial<Streams> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: { write: (text: string) => (out += text) }, err: { write: (text: string) => (err += text) }, ...extra });
  return { code, out, err };
}

const MAP = {
  schemaVersion: 1,
  title: { en: 'Tea or coffee' },
  sources: [] as unknown[],
  actors: [] as unknown[],
  nodes: [
    { id: 'q', kind: 'question', text: { en: 'Tea or coffee?' } },
    { id: 'a', kind: 'claim', text: { en: 'Tea.' } },
  ] as Record<string, unknown>[],
  edges: [{ id: 'e', from: 'a', to: 'q', kind: 'answer' }],
};
const MAP_JSON = JSON.stringify(MAP);

/** A map whose one quote cites `sources/text.txt`, quoting `quote`. */
function quotingMap(quote: string, sourceFile = 'sources/text.txt'): string {
  return JSON.stringify({
    ...MAP,
    sources: [{ id: 'src', title: { en: 'The text' }, file: sourceFile }],
    actors: [{ id: 'ann', name: { en: 'Ann' } }],
    nodes: [MAP.nodes[0], { ...MAP.nodes[1], actor: 'ann', quote: { source: 'src', text: quote } }],
  });
}

describe('reading input', () => {
  it('refuses a FIFO as a map file at once, instead of waiting for a writer', async () => {
    const fifo = join(directory, 'pipe.json');
    await run('mkfifo', [fifo]);
    for (const command of [['validate', fifo], ['stats', fifo], ['extensions', fifo, '--semantics', 'grounded']]) {
      const result = await inProcess(command);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`${fifo}: error: cannot read the file: it is a named pipe (FIFO), not a regular file`);
    }
  }, 10_000);

  it('refuses a device (validate /dev/zero once grew to 11 GB)', async () => {
    const result = await inProcess(['validate', '/dev/zero']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('/dev/zero: error: cannot read the file: it is a device, not a regular file; argmap reads maps from regular files, or from standard input with -\n');
    expect(result.out).toBe('/dev/zero: invalid (1 error)\n');
  });

  it('says how large a too-large file is, in bytes as ls shows it, without reading it', async () => {
    const huge = join(directory, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 25 * 1024 * 1024 + 3); // sparse: nothing is written, and nothing should be read
    for (const command of [['validate', huge], ['extensions', huge, '--semantics', 'grounded']]) {
      const result = await inProcess(command);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`error: the file is too large (26214403 bytes); argmap opens maps up to ${MAX_FILE_BYTES} bytes (20 MiB)`);
    }
  });

  it('reads - as standard input in every command', async () => {
    const stdin = (): Readable => Readable.from([Buffer.from(MAP_JSON)]);
    expect(await inProcess(['validate', '-'], { in: stdin() })).toEqual({ code: 0, out: '-: valid\n', err: '' });
    expect(JSON.parse((await inProcess(['stats', '-'], { in: stdin() })).out)).toMatchObject({ format: 'argmap-json', nodes: 2 });
    expect(JSON.parse((await inProcess(['extensions', '-', '--semantics', 'grounded'], { in: stdin() })).out)).toEqual({ semantics: 'grounded', extensions: [['a', 'q']] });
    const output = join(directory, 'from-stdin.aif.json');
    expect((await inProcess(['convert', '-', '-o', output], { in: stdin() })).code).toBe(0);
    expect(existsSync(output)).toBe(true);
  });

  it('reads no more than the limit plus a chunk from standard input', async () => {
    let given = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          given += 1024 * 1024;
          yield Buffer.alloc(1024 * 1024, 0x20);
        }
      })(),
    );
    const result = await inProcess(['validate', '-'], { in: endless });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`-: error: the input is too large (more than ${MAX_FILE_BYTES} bytes)`);
    expect(given).toBeLessThanOrEqual(MAX_FILE_BYTES + 2 * 1024 * 1024);
  });

  it('uses one wording for a directory in every command', async () => {
    const dir = folder('a-directory');
    for (const command of [['validate', dir], ['stats', dir], ['render', dir, '-o', join(directory, 'dir.svg')], ['extensions', dir, '--semantics', 'stable']]) {
      const result = await inProcess(command);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`${dir}: error: cannot read the file: it is a directory, not a file`);
    }
  });

  it('gives the byte offset of bad UTF-8 in every format and command', async () => {
    const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
    const kialo = file('kialo.txt', latin1('Discussion Title: Caf\xe9?\n\n1. Yes.\n'));
    const argdown = file('notes.argdown', latin1('[Caf\xe9]: good.\n'));
    const json = file('map.json', latin1('{"title": "caf\xe9"}'));
    for (const [path, offset, line, column] of [[kialo, 21, 1, 22], [argdown, 4, 1, 5], [json, 14, 1, 15]] as const) {
      for (const command of [['validate', path], ['stats', path], ['extensions', path, '--semantics', 'grounded']]) {
        const result = await inProcess(command);
        expect(result.code, command.join(' ')).toBe(1);
        expect(result.err).toBe(`${path}:${line}:${column}: error: the file is not valid UTF-8: byte 0xE9 at byte offset ${offset}; save the map as UTF-8\n`);
      }
    }
  });

  it('calls a file of null JSON that is not a map, not plain text', async () => {
    const result = await inProcess(['validate', file('null.json', 'null\n')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/null\.json:1:1: \/: error: the top level must be an object holding the map, not null/);
    expect(result.err).not.toContain('plain text');
  });
});

describe('usage errors: exit 2 and one usage line in every command', () => {
  it.each([
    [['validate', '--unknown', 'f.json'], 'validate FILE…'],
    [['stats', '--verbose', 'f.json'], 'stats FILE'],
    [['stats', 'a.json', 'b.json'], 'stats FILE'],
    [['validate', '-', '-'], 'validate FILE…'],
    [['convert', 'f.json', '-o', '-'], 'convert FILE -o OUT'],
    [['render', 'f.json', '-o', 'x.svg', '--forse'], 'render FILE -o OUT'],
    [['extensions', 'f.json', '--semantics', 'grounded', '--fast'], 'extensions FILE --semantics'],
    [['frobnicate'], 'validate|render|convert|stats|extensions|serve …'],
  ])('%j', async (args, usage) => {
    const result = await inProcess(args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    const lines = result.err.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^argmap: \S/);
    expect(lines[1]).toContain(`usage: argmap ${usage}`);
  });

  it('-- ends the options, so a file may start with a dash', async () => {
    const path = file('-dash.json', MAP_JSON);
    const result = await inProcess(['validate', '--', path]);
    expect(result).toEqual({ code: 0, out: `${path}: valid\n`, err: '' });
  });
});

describe('quote sources', () => {
  it('does not confirm a quote from a file outside the map’s folder through a symlink', async () => {
    const mapFolder = folder('linked');
    mkdirSync(join(mapFolder, 'sources'), { recursive: true });
    writeFileSync(join(directory, 'outside.txt'), 'a secret line\n');
    symlinkSync(join(directory, 'outside.txt'), join(mapFolder, 'sources/text.txt'));
    const map = join(mapFolder, 'map.json');
    writeFileSync(map, quotingMap('a secret line'));
    const result = await inProcess(['validate', map]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${map}: valid (1 warning)\n`);
    expect(result.err).toBe(`${map}: /sources/0/file: warning: quote not checked: source file is outside the map’s folder: "sources/text.txt" (1 quote cite source "src")\n`);
  });

  it('refuses a source path that climbs out of the folder', async () => {
    const mapFolder = folder('climbing');
    writeFileSync(join(directory, 'climbed.txt'), 'a secret line\n');
    const map = join(mapFolder, 'map.json');
    writeFileSync(map, quotingMap('a secret line', '../climbed.txt'));
    const result = await inProcess(['validate', map]);
    expect(result.out).toBe(`${map}: valid (1 warning)\n`);
    expect(result.err).toContain('/sources/0/file: warning: dropped the file "../climbed.txt" of source "src"');
  });

  it('does not wait on a FIFO as a source', async () => {
    const mapFolder = folder('fifo-source');
    mkdirSync(join(mapFolder, 'sources'), { recursive: true });
    await run('mkfifo', [join(mapFolder, 'sources/text.txt')]);
    const map = join(mapFolder, 'map.json');
    writeFileSync(map, quotingMap('anything'));
    const result = await inProcess(['validate', map]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('warning: quote not checked: source file unreadable (it is a named pipe (FIFO), not a regular file)');
  }, 10_000);

  it('warns when a source file is missing, instead of a silent "valid"', async () => {
    const mapFolder = folder('missing-source');
    const map = join(mapFolder, 'map.json');
    writeFileSync(map, quotingMap('anything'));
    const result = await inProcess(['validate', map]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${map}: valid (1 warning)\n`);
    expect(result.err).toContain('/sources/0/file: warning: quote not checked: source file missing: "sources/text.txt"');
  });

  it('still checks a quote against a regular source file in the map’s folder', async () => {
    const mapFolder = folder('good-source');
    mkdirSync(join(mapFolder, 'sources'), { recursive: true });
    writeFileSync(join(mapFolder, 'sources/text.txt'), 'Tea is better than coffee.\n');
    const map = join(mapFolder, 'map.json');
    writeFileSync(map, quotingMap('Tea is better'));
    expect(await inProcess(['validate', map])).toEqual({ code: 0, out: `${map}: valid\n`, err: '' });
    writeFileSync(map, quotingMap('Coffee is better'));
    const wrong = await inProcess(['validate', map]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('is not verbatim in source "src"');
  });
});

describe('writing output', () => {
  it('refuses to write over the input (convert m.json -o m.json --to svg) unless --force', async () => {
    const map = file('self.json', MAP_JSON);
    const refused = await inProcess(['convert', map, '-o', map, '--to', 'svg']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`argmap: not writing ${map}: it is the input file; add --force to replace it\n`);
    expect(readFileSync(map, 'utf8')).toBe(MAP_JSON);
    const forced = await inProcess(['convert', map, '-o', map, '--to', 'json', '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(map, 'utf8'))).toMatchObject({ nodes: [{ id: 'q' }, { id: 'a' }] });
  });

  it('replaces an existing output only with --force', async () => {
    const map = file('input.json', MAP_JSON);
    const output = file('existing.argdown', 'keep me');
    const refused = await inProcess(['convert', map, '-o', output]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`argmap: not writing ${output}: it already exists; add --force to replace it\n`);
    expect(readFileSync(output, 'utf8')).toBe('keep me');
    expect((await inProcess(['convert', map, '-o', output, '--force'])).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('Tea or coffee?');
  });

  it('never writes through a symlinked output, even with --force', async () => {
    const map = file('for-link.json', MAP_JSON);
    const target = file('link-target.txt', 'the target');
    const link = join(directory, 'link.svg');
    symlinkSync(target, link);
    const result = await inProcess(['render', map, '-o', link, '--force']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`not writing ${link}: it is a symbolic link`);
    expect(readFileSync(target, 'utf8')).toBe('the target');
  });

  it('keeps the original intact, and leaves no temporary file, when writing fails half way (a full disk)', async () => {
    const map = file('disk.json', MAP_JSON);
    const outputFolder = folder('full-disk');
    const output = join(outputFolder, 'out.json');
    writeFileSync(output, 'the original');
    const fullDisk = async (handle: import('node:fs/promises').FileHandle, content: string | Uint8Array): Promise<void> => {
      if (typeof content === 'string') await handle.write(content.slice(0, 10));
      else await handle.write(content.subarray(0, 10));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const result = await inProcess(['convert', map, '-o', output, '--force'], { writeContent: fullDisk });
    expect(result.code).toBe(1);
    expect(result.err).toBe(`argmap: cannot write ${output} (no space left on the device); ${output} is unchanged\n`);
    expect(readFileSync(output, 'utf8')).toBe('the original');
    expect(readdirSync(outputFolder)).toEqual(['out.json']);
  });

  it('keeps the original intact when the process is killed mid-write by a file size limit (real executable)', async () => {
    const big = file('big.json', JSON.stringify({ ...MAP, title: { en: 'x'.repeat(150) }, nodes: [...MAP.nodes, ...Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, kind: 'claim', text: { en: `Claim number ${i} with some words.` } }))] }));
    const outputFolder = folder('ulimit');
    const output = join(outputFolder, 'out.json');
    const original = 'x'.repeat(3000);
    writeFileSync(output, original);
    // ulimit -f 2: no file may grow past 2 KiB, so writing the ~20 KB output fails part-way.
    const child = spawn('sh', ['-c', `ulimit -f 2; exec "${process.execPath}" "${BIN}" convert "${big}" -o "${output}" --force`], { stdio: 'ignore' });
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal === null ? null : 128))));
    expect(status).not.toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(original);
  }, 30_000);
});

describe('a closed pipe', () => {
  it('ends quietly: argmap validate … | head -1 prints no EPIPE stack trace (real executable)', async () => {
    const map = file('many.json', MAP_JSON);
    const files = Array.from({ length: 3000 }, () => map);
    const child = spawn(process.execPath, [BIN, 'validate', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
