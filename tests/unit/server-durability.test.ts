/**
 * argmap serve as a real process: an acknowledged edit survives `kill -9`, and SIGTERM stops the
 * server cleanly with every room flushed (its update log folded into its state).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addNode, documentToMap, MapDocument } from '../../src/core/document/index.ts';
import { Cleanup, connectClient, createRoom, tempDataDir, waitFor } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const CLI = fileURLToPath(new URL('../../bin/argmap.js', import.meta.url));

interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/**
 * `argmap serve` in its own process. Started as a person starts it, bin/argmap.js runs itself again
 * with its heap cap and must pass signals on; with the cap given, the server is the process itself.
 */
async function serveProcess(dataDir: string, { asTyped = false } = {}): Promise<ServerProcess> {
  const nodeFlags = asTyped ? [] : ['--max-old-space-size=700'];
  const child = spawn(process.execPath, [...nodeFlags, CLI, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.add(child, (c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL'));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitFor(() => /argmap serve: (http:\/\/\S+?)\/ /.test(output) || child.exitCode !== null, 20000, 'the server to start');
  const url = /argmap serve: (http:\/\/\S+?)\/ /.exec(output)?.[1];
  if (url === undefined) throw new Error(`the server did not start:\n${output}`);
  return { child, url, output: () => output, exited };
}

const titles = (doc: import('yjs').Doc) => new Set(documentToMap(doc).nodes.map((node) => node.text.zh));

describe('argmap serve: durability', { timeout: 30000 }, () => {
  it('every acknowledged edit survives kill -9 of the server', async () => {
    const dataDir = cleanup.dir(tempDataDir());
    const first = await serveProcess(dataDir);
    const links = await createRoom(first.url);
    const writer = cleanup.client(connectClient(first.url, links.room, links.edit.token));
    await writer.synced;
    const map = new MapDocument(writer.doc);
    const acknowledged: number[] = [];
    for (let edit = 0; edit < 20; edit += 1) {
      const sent = performance.now();
      expect(map.apply(addNode({ text: { zh: `不会丢的主张 ${edit}` } })).ok).toBe(true);
      await waitFor(() => writer.provider.unsyncedChanges === 0, 5000, 'the acknowledgement');
      acknowledged.push(performance.now() - sent);
    }
    acknowledged.sort((a, b) => a - b);
    console.info(`edit-to-acknowledgement (stored, fsync'd) over 20 edits: median ${acknowledged[10]!.toFixed(1)} ms, max ${acknowledged[19]!.toFixed(1)} ms`);
    // The client goes first, so that it does not try to reconnect to the killed server.
    writer.destroy();
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = await serveProcess(dataDir);
    const reader = cleanup.client(connectClient(second.url, links.room, links.view.token));
    await reader.synced;
    const present = titles(reader.doc);
    for (let edit = 0; edit < 20; edit += 1) expect(present.has(`不会丢的主张 ${edit}`)).toBe(true);
  });

  it('SIGTERM stops the server cleanly, with every room flushed to its stored state', async () => {
    const dataDir = cleanup.dir(tempDataDir());
    // SIGTERM goes to the process a service manager started: bin/argmap.js, which runs the server as its child.
    const server = await serveProcess(dataDir, { asTyped: true });
    const links = await createRoom(server.url);
    const writer = cleanup.client(connectClient(server.url, links.room, links.edit.token));
    await writer.synced;
    new MapDocument(writer.doc).apply(addNode({ text: { zh: '关机前的主张' } }));
    await waitFor(() => writer.provider.unsyncedChanges === 0, 5000, 'the acknowledgement');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: saving every room and stopping\n[^]*stopped\n/);
    expect(server.output()).toMatch(/ join room=\S{8} role=edit/);
    expect(server.output()).not.toContain(links.edit.token);

    const db = new Database(join(dataDir, 'rooms.sqlite'), { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM updates').get() as { n: number }).n).toBe(0);
      const { state } = db.prepare('SELECT state FROM rooms WHERE id = ?').get(links.room) as { state: Buffer };
      const Y = await import('yjs');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(state));
      expect(titles(doc).has('关机前的主张')).toBe(true);
    } finally {
      db.close();
    }
  });
});
