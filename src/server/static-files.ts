/**
 * Serving the built app (dist/) with the same Content Security Policy as index.html's meta, as a
 * header (where frame-ancestors works too). The collaboration WebSocket is same-origin, which
 * connect-src 'self' covers.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Told to the page in its index.html, so the app offers Share… only where rooms can be made (a
 * static host serving the same build has no rooms API). Same name as SERVED_META in the app.
 */
const SERVED_META = '<meta name="argmap-serve" content="rooms">';

export const NOT_BUILT_MESSAGE = 'The argmap app is not built yet: run `npm run build` in the argmap folder, then start `argmap serve` again.';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function securityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
}

export function isBuilt(appDir: string): boolean {
  return existsSync(join(appDir, 'index.html'));
}

/** Answers a GET or HEAD for a file of `appDir`; `/` is index.html. */
export function serveStatic(appDir: string, request: IncomingMessage, response: ServerResponse): void {
  securityHeaders(response);
  if (!isBuilt(appDir)) {
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${NOT_BUILT_MESSAGE}\n`);
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path\n');
    return;
  }
  const root = resolve(appDir);
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  const stats = (file === root || file.startsWith(root + sep)) && !path.includes('\0') ? statSafe(file) : undefined;
  if (stats === undefined || !stats.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  if (file === join(root, 'index.html')) {
    const page = Buffer.from(readFileSync(file, 'utf8').replace('<head>', `<head>\n    ${SERVED_META}`));
    response.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Content-Length': page.length, 'Cache-Control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : page);
    return;
  }
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stats.size,
    // Built assets carry a content hash in their names; index.html must always be fresh.
    'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).on('error', () => response.destroy()).pipe(response);
}

function statSafe(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
