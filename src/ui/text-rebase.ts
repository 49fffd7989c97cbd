/**
 * Typing in a field while someone else (another tab, a shared room) changes the same text: what
 * the person typed is one splice of the text they started from, and it is laid onto the text as
 * it is now, so that the other change stays. Only when the stretch they changed was itself
 * changed meanwhile does their text win as typed.
 */
import { textSplice } from '../core/document/text-diff.ts';

export function rebaseTyping(base: string, typed: string, current: string): string {
  if (current === base) return typed;
  const splice = textSplice(base, typed);
  if (splice === undefined) return current;
  const before = base.slice(0, splice.index);
  const replaced = base.slice(splice.index, splice.index + splice.deleteCount);
  const after = base.slice(splice.index + splice.deleteCount);
  let at: number | undefined;
  // The other change came after the typed stretch, or before it.
  if (current.startsWith(before + replaced)) at = before.length;
  else if (current.endsWith(replaced + after)) at = current.length - after.length - replaced.length;
  if (at === undefined) return typed;
  return current.slice(0, at) + splice.insert + current.slice(at + replaced.length);
}
