/** argmap serve --trust-proxy: behind a load balancer, the client address and scheme come from its headers, and only then. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArguments } from '../../src/cli/serve-command.ts';
import * as encoding from 'lib0/encoding';
import { Cleanup, SEED_MAP, WebSocket } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/**
 * Opens a socket as a proxy would forward it and asks to join a room (the throttle counts joins):
 * 'rate-limited' when the server refuses it for that, else 'counted'.
 */
async function joinAs(url: string, forwardedFor: string): Promise<string> {
  const socket = cleanup.add(new WebSocket(url.replace(/^http/, 'ws'), { headers: { 'X-Forwarded-For': forwardedFor } }), (s) => s.terminate());
  let heard = '';
  socket.on('message', (data: Buffer) => (heard += Buffer.from(data).toString('latin1')));
  socket.on('close', (_code: number, reason: Buffer) => (heard += reason.toString()));
  await new Promise<void>((resolve) => socket.once('open', () => resolve()));
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'no-such-room');
  encoding.writeVarUint(encoder, 2); // Auth
  encoding.writeVarUint(encoder, 0); // Token
  encoding.writeVarString(encoder, 'not-a-token');
  socket.send(encoding.toUint8Array(encoder));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return heard.includes('rate-limited') ? 'rate-limited' : 'counted';
}

async function linksWith(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/api/rooms`, { method: 'POST', body: SEED_MAP, headers: { 'Content-Type': 'application/json', ...headers } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { edit: { url: string } }).edit.url;
}

describe('argmap serve behind a proxy', { timeout: 20_000 }, () => {
  it('--trust-proxy is an option of its own', () => {
    expect(parseServeArguments(['--trust-proxy']).trustProxy).toBe(true);
    expect(parseServeArguments([]).trustProxy).toBeUndefined();
  });

  it('with --trust-proxy, the connection limit counts each forwarded client, not the proxy', async () => {
    const { server } = await cleanup.server({ trustProxy: true, limits: { connectionsPerMinute: 2 } });
    const first = [await joinAs(server.url, '10.0.0.1'), await joinAs(server.url, '10.0.0.1'), await joinAs(server.url, '10.0.0.1'), await joinAs(server.url, '10.0.0.1')];
    expect(first).toContain('rate-limited');
    // Another person behind the same proxy is not locked out by the first one's reloads.
    expect(await joinAs(server.url, '203.0.113.9, 10.0.0.2')).toBe('counted');
  });

  it('without it, forged X-Forwarded-For headers do not escape the limit', async () => {
    const { server } = await cleanup.server({ limits: { connectionsPerMinute: 2 } });
    const outcomes: string[] = [];
    for (let index = 1; index <= 5; index += 1) outcomes.push(await joinAs(server.url, `10.0.0.${index}`));
    expect(outcomes).toContain('rate-limited');
  });

  it('share links take https from a trusted proxy, and only from one', async () => {
    const trusted = await cleanup.server({ trustProxy: true });
    expect(await linksWith(trusted.server.url, { 'X-Forwarded-Proto': 'https' })).toMatch(/^https:\/\//);
    expect(await linksWith(trusted.server.url, {})).toMatch(/^http:\/\//);
    const direct = await cleanup.server();
    expect(await linksWith(direct.server.url, { 'X-Forwarded-Proto': 'https' })).toMatch(/^http:\/\//);
  });
});
