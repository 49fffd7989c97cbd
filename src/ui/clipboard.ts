/**
 * What the clipboard carries for the map. Copying puts an argmap JSON fragment (the copied nodes
 * where they stand, the edges among them, their actors and sources) under a type of argmap's own,
 * which Chromium keeps between its tabs, beside plain text with one line per node. Pasting reads a
 * fragment; plain text that is no map becomes one claim, as text (HTML on the clipboard is never
 * read); a map in a format argmap reads is left to open as a map.
 */
import { detectFormat } from '../core/formats/detect.ts';
import { inLanguage, type ArgMap, type Language } from '../core/model.ts';
import { serializeMap } from '../core/serialize.ts';
import type { Position } from '../layout/layout-node.ts';

/** argmap's own clipboard type: only argmap writes it, so what it holds is meant as a fragment. */
export const FRAGMENT_TYPE = 'application/x-argmap+json';

/** The largest fragment argmap reads from the clipboard (a 5,000-node fragment takes about 2 MB). */
export const MAX_FRAGMENT_CHARS = 8 * 1024 * 1024;

export interface ClipboardTexts {
  readonly fragment: string;
  readonly plain: string;
}

/** The fragment's nodes each with the place it has on screen, so that they paste in the same arrangement. */
export function withPlaces(fragment: ArgMap, placeOf: (id: string) => Position | undefined): ArgMap {
  return {
    ...fragment,
    nodes: fragment.nodes.map((node) => {
      const place = node.position ?? placeOf(node.id);
      return place === undefined ? node : { ...node, position: { x: Math.round(place.x * 10) / 10, y: Math.round(place.y * 10) / 10 } };
    }),
  };
}

/** The fragment as argmap JSON, and its nodes' texts in `language`, one line each. */
export function clipboardTexts(fragment: ArgMap, language: Language): ClipboardTexts {
  const lines = fragment.nodes.map((node) => inLanguage(node.text, language).replace(/\s*[\r\n]+\s*/g, ' '));
  return { fragment: serializeMap(fragment), plain: `${lines.join('\n')}\n` };
}

/** The shift that puts the middle of the fragment's placed nodes at `target`; none when no node is placed. */
export function offsetTo(fragment: ArgMap, target: { readonly x: number; readonly y: number }): { x: number; y: number } {
  const places = fragment.nodes.flatMap((node) => (node.position === undefined ? [] : [node.position]));
  if (places.length === 0) return { x: 0, y: 0 };
  const xs = places.map((place) => place.x);
  const ys = places.map((place) => place.y);
  return { x: target.x - (Math.min(...xs) + Math.max(...xs)) / 2, y: target.y - (Math.min(...ys) + Math.max(...ys)) / 2 };
}

export type PasteAction =
  | { readonly kind: 'fragment'; readonly text: string }
  | { readonly kind: 'claim'; readonly text: string }
  /** A map in a format argmap reads: the page opens it as it opens a file. */
  | { readonly kind: 'open' }
  | { readonly kind: 'too-long'; readonly what: 'fragment' | 'claim'; readonly length: number; readonly limit: number }
  | { readonly kind: 'nothing' };

/**
 * What a paste onto the map does, from the clipboard's data by type. `claimLimit`: the most
 * characters a claim's text may have.
 */
export function pasteAction(read: (type: string) => string, claimLimit: number): PasteAction {
  const fragment = read(FRAGMENT_TYPE);
  if (fragment.trim() !== '') {
    return fragment.length > MAX_FRAGMENT_CHARS ? { kind: 'too-long', what: 'fragment', length: fragment.length, limit: MAX_FRAGMENT_CHARS } : { kind: 'fragment', text: fragment };
  }
  const text = read('text/plain');
  if (text.trim() === '') return { kind: 'nothing' };
  const format = detectFormat(text.length > MAX_FRAGMENT_CHARS ? text.slice(0, 4096) : text).format;
  if (format !== 'unknown') return { kind: 'open' };
  const claim = text.trim();
  return claim.length > claimLimit ? { kind: 'too-long', what: 'claim', length: claim.length, limit: claimLimit } : { kind: 'claim', text: claim };
}
