/**
 * Argdown's default shortcodes (christianvoigt/argdown, `plugins/shortcodes.ts`, MIT): `.name.`
 * or `:name:` in a text becomes its character, so `p .^. q` reads `p ∧ q` and `:happy:` reads 😀.
 * Both spellings mean the same character, except `:smile:`, which Argdown draws as an emoji.
 */

const CHARACTERS: Readonly<Record<string, string>> = {
  A: '∀',
  E: '∃',
  O: '𝗢',
  P: '𝗣',
  '->': '→',
  '<->': '↔',
  '~': '¬',
  '^': '∧',
  v: '∨',
  v_: '⊻',
  '<>': '◇',
  '[]': '◻',
  happy: '😀',
  smile: '☺',
  smiley: '☺',
  laugh: '😆',
  lol: '😆',
  rofl: '🤣',
  joy: '😂',
  heart: '❤',
  '?': '❓',
  question: '❓',
  love: '😍',
  wink: '😉',
  shush: '🤫',
  meh: '😐',
  'eye-roll': '🙄',
  sad: '😢',
  disappointed: '😞',
  scream: '😱',
  '+1': '👍',
  up: '👍',
  '-1': '👎',
  down: '👎',
  think: '🤔',
  star: '⭐',
  y: '✔',
  agree: '✔',
  n: '❌',
  disagree: '❌',
};

export const SHORTCODES: ReadonlyMap<string, string> = new Map([
  ...Object.entries(CHARACTERS).flatMap(([name, character]) => [[`.${name}.`, character] as const, [`:${name}:`, character] as const]),
  [':smile:', '☺️'],
]);

/**
 * What Argdown's lexer takes for a shortcode at a `.` or `:`: the shortest `.….` or `:…:` run
 * without blanks, and one blank after it. Runs that name no shortcode stay text as written.
 */
export const SHORTCODE_CANDIDATE = /(?:\.\S+?\.|:\S+?:)[ \t]?/y;
