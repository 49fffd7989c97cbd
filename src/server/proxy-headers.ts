/**
 * What a trusted reverse proxy or load balancer tells about the client. Without one, anybody can
 * send these headers, so they count only when `argmap serve --trust-proxy` says a proxy sets them.
 */
import type { IncomingMessage } from 'node:http';

function lastValue(header: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(header) ? header.join(',') : header;
  return joined?.split(',').map((part) => part.trim()).filter((part) => part !== '').at(-1);
}

/** The client's address as the nearest proxy saw it: the last X-Forwarded-For entry, which that proxy appended. */
export function forwardedClient(request: IncomingMessage): string | undefined {
  return lastValue(request.headers['x-forwarded-for']);
}

/** https when the proxy says the page came over TLS, so that share links match the page. */
export function forwardedScheme(request: IncomingMessage): 'http' | 'https' {
  return lastValue(request.headers['x-forwarded-proto'])?.toLowerCase() === 'https' ? 'https' : 'http';
}
