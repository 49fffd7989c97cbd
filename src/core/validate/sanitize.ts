/**
 * Text rules for every string of a map, applied as the model is built. Repairs are warnings.
 * Markup (`<script>`, `]]>`), entities (`&amp;`), bidi controls, emoji and combining marks are
 * kept exactly as typed: every renderer shows map text as inert text (textContent or escaped
 * XML), so they are harmless there and changing them would corrupt legitimate text.
 */

import { quoteForMessage, type ProblemCollector } from '../problems.ts';
import { safeUrl } from '../url.ts';

/** Characters XML 1.0 forbids; an SVG export holding one would not parse. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** In `u` mode a surrogate range matches only unpaired surrogates. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Repairs one string: lone surrogates and XML-invalid control characters become U+FFFD (with a
 * warning at `pointer`), line breaks become `\n` and tabs become spaces.
 */
export function sanitizeText(raw: string, pointer: string, problems: ProblemCollector, id?: string): string {
  let text = raw;
  if (!text.isWellFormed()) {
    const count = text.match(LONE_SURROGATE)?.length ?? 0;
    problems.warning(`replaced ${count} unpaired surrogate code unit${count === 1 ? '' : 's'} with U+FFFD`, { pointer, id });
    text = text.toWellFormed();
  }
  const invalid = text.match(XML_INVALID);
  if (invalid !== null) {
    const count = invalid.length;
    const first = codePointName(invalid[0] ?? '');
    problems.warning(`replaced ${count} control character${count === 1 ? '' : 's'} (first ${first}) with U+FFFD`, { pointer, id });
    text = text.replace(XML_INVALID, '\uFFFD');
  }
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/**
 * Anything that draws a mark. Whitespace, default-ignorable characters (zero-width space and
 * joiners, word joiner, BOM, bidi controls, variation selectors, Hangul fillers) and the blank
 * Braille pattern draw nothing, so a label of only those looks empty.
 */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}\u2800]/u;

export function isBlank(text: string): boolean {
  return !VISIBLE.test(text);
}

/**
 * The address of a source, when it is an absolute http or https URL. The model keeps only web
 * addresses for sources; safeUrl also admits mailto:, which is not a source.
 */
export function sanitizeSourceUrl(raw: string, pointer: string, problems: ProblemCollector, id: string): string | undefined {
  const url = safeUrl(raw);
  if (url !== undefined && /^https?:/.test(url)) return url;
  problems.warning(`dropped the url ${quoteForMessage(raw)} of source ${quoteForMessage(id)}: only absolute http and https addresses are kept`, { pointer, id });
  return undefined;
}

/**
 * The path of a source text, when it stays inside the map's folder: the CLI reads it relative to
 * the map, so an absolute path, a drive letter, a URL scheme, a backslash or `..` could reach
 * any file of the user's.
 */
export function sanitizeSourceFile(raw: string, pointer: string, problems: ProblemCollector, id: string): string | undefined {
  const escapes = raw.startsWith('/') || raw.includes('\\') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw) || raw.split('/').includes('..');
  if (!escapes) return raw;
  problems.warning(`dropped the file ${quoteForMessage(raw)} of source ${quoteForMessage(id)}: it must be a relative path inside the map's folder`, { pointer, id });
  return undefined;
}
