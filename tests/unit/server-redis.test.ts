/** Two argmap servers sharing one Redis (and one data folder): an edit on one reaches a client of the other. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addNode, documentToMap, MapDocument } from '../../src/core/document/index.ts';
import { Cleanup, connectClient, createRoom, tempDataDir, waitFor } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('argmap serve --redis', { timeout: 25000 }, () => {
  it('edits cross over between two servers', async () => {
    const port = await freePort();
    const redis = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    cleanup.add(redis, (child) => child.kill('SIGKILL'));
    const spawnFailed = new Promise<Error>((resolve) => redis.once('error', resolve));
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 300)), spawnFailed.then((error) => Promise.reject(new Error(`redis-server did not start (apt-get install redis-server): ${error.message}`)))]);
    const dataDir = cleanup.dir(tempDataDir());
    const one = await cleanup.server({ dataDir, redis: `redis://127.0.0.1:${port}` });
    const two = await cleanup.server({ dataDir, redis: `redis://127.0.0.1:${port}` });
    const links = await createRoom(one.server.url);
    const alice = cleanup.client(connectClient(one.server.url, links.room, links.edit.token));
    const bob = cleanup.client(connectClient(two.server.url, links.room, links.edit.token));
    await Promise.all([alice.synced, bob.synced]);
    const before = documentToMap(bob.doc).nodes.length;
    new MapDocument(alice.doc).apply(addNode({ text: { zh: '跨服务器的主张' } }));
    await waitFor(() => documentToMap(bob.doc).nodes.length === before + 1, 5000, 'alice’s edit on the other server');
    new MapDocument(bob.doc).apply(addNode({ text: { zh: '回来的主张' } }));
    await waitFor(() => documentToMap(alice.doc).nodes.length === before + 2, 5000, 'bob’s edit on the first server');
    expect(documentToMap(alice.doc).nodes.map((node) => node.text.zh)).toContain('回来的主张');
  });
});
