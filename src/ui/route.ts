/** Which screen the address asks for: the map to explore, a tour presented, its presenter view, or its print view. */
import { parsePresentHash, type PresentLocation } from '../core/tours/playback.ts';

export type Route =
  | { readonly screen: 'explore' }
  | ({ readonly screen: 'present' | 'presenter' } & PresentLocation)
  | { readonly screen: 'print'; readonly tourId: string };

const PRESENTER_PREFIX = '#presenter/';
const PRINT_PREFIX = '#print/';

export function parseRoute(hash: string): Route {
  const presented = parsePresentHash(hash);
  if (presented) return { screen: 'present', ...presented };
  if (hash.startsWith(PRESENTER_PREFIX)) {
    const location = parsePresentHash(`#present/${hash.slice(PRESENTER_PREFIX.length)}`);
    if (location) return { screen: 'presenter', ...location };
  }
  if (hash.startsWith(PRINT_PREFIX)) {
    const location = parsePresentHash(`#present/${hash.slice(PRINT_PREFIX.length)}`);
    if (location) return { screen: 'print', tourId: location.tourId };
  }
  return { screen: 'explore' };
}

export function printHash(tourId: string): string {
  return `${PRINT_PREFIX}${encodeURIComponent(tourId.toWellFormed())}`;
}
