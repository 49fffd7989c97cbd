/**
 * The one gate for links that come from a map. URLs are parsed with `new URL()` and checked
 * against an allow-list of schemes; block-lists of "javascript:" spellings always miss one.
 */

export const MAX_URL_LENGTH = 4096;

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * ASCII whitespace and control characters anywhere in the raw text. The URL parser silently
 * drops tabs and newlines and trims spaces (`java\tscript:` reads as `javascript:`), so a link
 * carrying them would not be the link the user sees.
 */
const HIDDEN_CHARACTERS = /[\u0000-\u0020\u007F-\u009F]/;

/**
 * The normalised URL when `raw` is an absolute http:, https: or mailto: URL, otherwise undefined.
 * Relative URLs are refused: in a shared file they would resolve against whoever hosts it.
 */
export function safeUrl(raw: string): string | undefined {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH || HIDDEN_CHARACTERS.test(raw)) return undefined;
  // No base URL: a relative reference does not parse.
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
