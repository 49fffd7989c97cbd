/** What the page's Share… needs from argmap serve: the page knows it is served, and an editor can see the room's current links. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, createRoom, tempDataDir } from '../support/collab-server.ts';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('argmap serve: what Share… needs', { timeout: 15000 }, () => {
  it('tells the page it serves that rooms can be made here, in index.html only', async () => {
    const appDir = cleanup.dir(tempDataDir());
    mkdirSync(join(appDir, 'assets'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><html><head><title>argmap</title></head></html>');
    writeFileSync(join(appDir, 'assets', 'page.html'), '<!doctype html><html><head></head></html>');
    const { server } = await cleanup.server({ appDir });
    for (const path of ['/', '/index.html']) {
      const page = await fetch(`${server.url}${path}`);
      const text = await page.text();
      expect(text).toContain('<head>\n    <meta name="argmap-serve" content="rooms">');
      expect(Number(page.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    }
    const head = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await fetch(`${server.url}/assets/page.html`).then((response) => response.text())).not.toContain('argmap-serve');
  });

  it('GET /api/rooms/:id/links gives an editor the current pair, and refuses viewers, old links and no token', async () => {
    const { server } = await cleanup.server();
    const links = await createRoom(server.url);
    const path = `${server.url}/api/rooms/${links.room}/links`;
    const current = await fetch(path, { headers: { Authorization: `Bearer ${links.edit.token}` } });
    expect(current.status).toBe(200);
    const body = (await current.json()) as typeof links;
    expect(body.edit.token).toBe(links.edit.token);
    expect(body.view.token).toBe(links.view.token);

    const viewer = await fetch(path, { headers: { Authorization: `Bearer ${links.view.token}` } });
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toMatch(/^read-only:/);
    expect((await fetch(path)).status).toBe(401);

    const renewed = await fetch(path, { method: 'POST', headers: { Authorization: `Bearer ${links.edit.token}` } });
    expect(renewed.status).toBe(200);
    const stale = await fetch(path, { headers: { Authorization: `Bearer ${links.edit.token}` } });
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { error: string }).error).toMatch(/^revoked-link:/);
    expect((await fetch(path, { method: 'PUT' })).status).toBe(405);
  });
});
