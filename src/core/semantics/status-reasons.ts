/**
 * Why an argument has its label, in terms a reader can check on the map: the attackers that
 * decide it. Grounded labels are justified locally (Caminada): an argument is OUT because some
 * attacker is IN, IN because every attacker is OUT (or there is none), and UNDEC because no
 * attacker is IN but some is not OUT. For UNDEC the attackers it also attacks come first: a
 * mutual rebuttal with nothing else to settle it is what a reader sees as a standoff.
 */

import { attackersOf, attacks, type ArgumentationFramework } from './framework.ts';
import { IN, OUT, UNDEC } from './labels.ts';
import type { Assumption } from './what-if.ts';

export type StatusReason =
  /** IN, and nothing attacks it. */
  | { readonly kind: 'unattacked' }
  /** IN: every attacker is OUT. */
  | { readonly kind: 'attackers-out'; readonly attackers: readonly string[] }
  /** OUT: these attackers are IN. */
  | { readonly kind: 'defeated'; readonly by: readonly string[] }
  /** UNDEC: it and these undecided arguments attack each other. */
  | { readonly kind: 'mutual'; readonly with: readonly string[] }
  /** UNDEC: these undecided attackers keep it open (a longer cycle, or an undecided one-way attacker). */
  | { readonly kind: 'undecided-attackers'; readonly attackers: readonly string[] }
  /** Fixed by a what-if assumption, whatever attacks it. */
  | { readonly kind: 'assumed'; readonly assumption: Assumption };

/**
 * The reason for the label of `argument` in `labels`, a complete labelling of `framework` (the
 * grounded one, or a what-if labelling with `assumption` the one made about this argument).
 * Arguments are named as in the framework.
 */
export function statusReason(framework: ArgumentationFramework, labels: Uint8Array, argument: number, assumption?: Assumption): StatusReason {
  if (assumption !== undefined) return { kind: 'assumed', assumption };
  const attackers = [...attackersOf(framework, argument)];
  const named = (list: readonly number[]): string[] => list.map((attacker) => framework.names[attacker]!);
  const label = labels[argument];
  if (label === IN) return attackers.length === 0 ? { kind: 'unattacked' } : { kind: 'attackers-out', attackers: named(attackers) };
  if (label === OUT) return { kind: 'defeated', by: named(attackers.filter((attacker) => labels[attacker] === IN)) };
  const undecided = attackers.filter((attacker) => labels[attacker] === UNDEC);
  const mutual = undecided.filter((attacker) => attacks(framework, argument, attacker));
  return mutual.length > 0 ? { kind: 'mutual', with: named(mutual) } : { kind: 'undecided-attackers', attackers: named(undecided) };
}

/** The arguments below `count` whose label differs between two labellings, in increasing order. */
export function changedArguments(before: Uint8Array, after: Uint8Array, count: number = Math.min(before.length, after.length)): number[] {
  const changed: number[] = [];
  for (let argument = 0; argument < count; argument += 1) if (before[argument] !== after[argument]) changed.push(argument);
  return changed;
}
