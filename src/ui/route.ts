/** Which screen the address asks for: the map to explore, a tour presented, its presenter view, or its print view. */
import { parsePresentHash, presentHash, type PresentLocation } from '../core/tours/playback.ts';
import { WINDOW_HANDOVER_TOKEN } from './handover.ts';

/** A link to a tour that names no step argmap can show: what it was, and why. */
export interface BrokenLink {
  readonly link: string;
  readonly message: string;
}

export type Route =
  | { readonly screen: 'explore'; readonly brokenLink?: BrokenLink }
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
  for (const prefix of [PRESENT_PREFIX, PRESENTER_PREFIX, PRINT_PREFIX]) {
    if (hash.startsWith(prefix)) return { screen: 'explore', brokenLink: brokenLink(hash, prefix) };
  }
  return { screen: 'explore' };
}

/** Long enough to recognise a link, short enough for a message line. */
const MAX_LINK_SHOWN = 120;

/**
 * Why a tour link cannot be followed: the explore view opens instead, and says so. The link's
 * text is someone else's and is shown cut, as text.
 */
function brokenLink(hash: string, prefix: string): BrokenLink {
  const characters = Array.from(hash.toWellFormed());
  const link = characters.length > MAX_LINK_SHOWN ? `${characters.slice(0, MAX_LINK_SHOWN).join('')}…` : hash;
  const [tour, step] = hash.slice(prefix.length).split('/');
  const reason =
    tour === undefined || tour === ''
      ? 'it names no tour'
      : step !== undefined && !/^[1-9]\d{0,8}$/.test(step)
        ? `its step ${JSON.stringify(Array.from(step).slice(0, 20).join(''))} is not a step number (steps are numbered from 1)`
        : 'it is not a link to a tour step (#present/<tour>/<step>)';
  return { link, message: `this link cannot be followed: ${reason}; the map is shown instead` };
}

/** The presenter window's address for a step, beside the audience's `#present/<tour>/<step>`. */
export function presenterHash(tourId: string, stepIndex: number): string {
  return `${PRESENTER_PREFIX}${presentHash(tourId, stepIndex).slice(PRESENT_PREFIX.length)}`;
}

const HANDOVER_PARAMETER = 'handover';

/**
 * The presenter window's address: the step, and the token by which it asks this window for the
 * map it shows (the presenter window starts from the page, which alone would show the seed map).
 */
export function presenterUrl(tourId: string, stepIndex: number, handoverToken: string = WINDOW_HANDOVER_TOKEN): string {
  const search = new URLSearchParams(location.search);
  search.set(HANDOVER_PARAMETER, handoverToken);
  return `${location.pathname}?${search.toString()}${presenterHash(tourId, stepIndex)}`;
}

/** The token a presenter window asks for its map by, when its address carries one. */
export function handoverTokenOf(search: string): string | undefined {
  const token = new URLSearchParams(search).get(HANDOVER_PARAMETER);
  return token !== null && /^[0-9a-f]{32}$/.test(token) ? token : undefined;
}

/** Opens (or brings back) the one presenter window, at the given step, showing this window's map. */
export function openPresenterWindow(tourId: string, stepIndex: number): void {
  window.open(presenterUrl(tourId, stepIndex), 'argmap-presenter', 'popup,width=1100,height=750');
}

export function printHash(tourId: string): string {
  return `${PRINT_PREFIX}${encodeURIComponent(tourId.toWellFormed())}`;
}
