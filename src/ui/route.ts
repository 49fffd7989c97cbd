/** Which screen the address asks for: the map to explore, a tour presented, its presenter view, or its print view. */
import { parsePresentHash, presentHash, type PresentLocation } from '../core/tours/playback.ts';

export type Route =
  | { readonly screen: 'explore' }
  | ({ readonly screen: 'present' | 'presenter' } & PresentLocation)
  | { readonly screen: 'print'; readonly tourId: string };

const PRESENT_PREFIX = '#present/';
const PRESENTER_PREFIX = '#presenter/';
const PRINT_PREFIX = '#print/';

export function parseRoute(hash: string): Route {
  const presented = parsePresentHash(hash);
  if (presented) return { screen: 'present', ...presented };
  if (hash.startsWith(PRESENTER_PREFIX)) {
    const location = parsePresentHash(`${PRESENT_PREFIX}${hash.slice(PRESENTER_PREFIX.length)}`);
    if (location) return { screen: 'presenter', ...location };
  }
  if (hash.startsWith(PRINT_PREFIX)) {
    const location = parsePresentHash(`${PRESENT_PREFIX}${hash.slice(PRINT_PREFIX.length)}`);
    if (location) return { screen: 'print', tourId: location.tourId };
  }
  return { screen: 'explore' };
}

/** The presenter window's address for a step, beside the audience's `#present/<tour>/<step>`. */
export function presenterHash(tourId: string, stepIndex: number): string {
  return `${PRESENTER_PREFIX}${presentHash(tourId, stepIndex).slice(PRESENT_PREFIX.length)}`;
}

/** Opens (or brings back) the one presenter window, at the given step. */
export function openPresenterWindow(tourId: string, stepIndex: number): void {
  window.open(`${location.pathname}${location.search}${presenterHash(tourId, stepIndex)}`, 'argmap-presenter', 'popup,width=1100,height=750');
}

export function printHash(tourId: string): string {
  return `${PRINT_PREFIX}${encodeURIComponent(tourId.toWellFormed())}`;
}
