/**
 * Short ASCII names made from text, for tour ids and file names: ASCII opens on every system and
 * in every unzip tool, where a CJK file name in a zip can come out garbled.
 */

const MAX_SLUG_LENGTH = 40;

/**
 * Lower-case ASCII words of `text` joined by hyphens, cut after a whole word; `fallback` when
 * no ASCII letter or digit is left.
 */
export function slugify(text: string, fallback: string): string {
  const words = text
    // Decomposed, an accented letter keeps its base letter: "Café" → "cafe".
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // "Fu Sheng’s" reads as "fu-shengs", not "fu-sheng-s".
    .replace(/['’]/g, '')
    .match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words) {
    const longer = slug.length === 0 ? word : `${slug}-${word}`;
    if (longer.length > MAX_SLUG_LENGTH) break;
    slug = longer;
  }
  // A first word longer than the limit is cut rather than lost.
  if (slug.length === 0 && words[0] !== undefined) slug = words[0].slice(0, MAX_SLUG_LENGTH);
  return slug.length > 0 ? slug : fallback;
}
