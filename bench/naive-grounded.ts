/**
 * A deliberately straightforward grounded extension, as a benchmark baseline (not app code):
 * iterate the characteristic function F(S) = {a | every attacker of a is attacked by S} from the
 * empty set until it stops changing. Each round costs O(arguments + attacks), and there can be as
 * many rounds as the longest chain of defence.
 */
import { argumentCount, type ArgumentationFramework } from '../src/core/semantics/framework.ts';

/** Membership of the grounded extension: 1 for arguments in it. */
export function naiveGroundedExtension(framework: ArgumentationFramework): Uint8Array {
  const size = argumentCount(framework);
  const { attackerOffsets, attackers, targetOffsets, targets } = framework;
  let extension = new Uint8Array(size);
  for (;;) {
    const attackedByExtension = new Uint8Array(size);
    for (let argument = 0; argument < size; argument += 1) {
      if (extension[argument] === 0) continue;
      for (let i = targetOffsets[argument]!; i < targetOffsets[argument + 1]!; i += 1) attackedByExtension[targets[i]!] = 1;
    }
    const next = new Uint8Array(size);
    let changed = false;
    for (let argument = 0; argument < size; argument += 1) {
      let defended = 1;
      for (let i = attackerOffsets[argument]!; i < attackerOffsets[argument + 1]!; i += 1) {
        if (attackedByExtension[attackers[i]!] === 0) {
          defended = 0;
          break;
        }
      }
      next[argument] = defended;
      if (defended !== extension[argument]) changed = true;
    }
    if (!changed) return extension;
    extension = next;
  }
}
