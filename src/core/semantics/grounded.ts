/**
 * The grounded labelling: the least fixed point of "IN when every attacker is OUT, OUT when some
 * attacker is IN", the most sceptical position every rational reader must accept. Computed in
 * O(arguments + attacks) by counting, for each argument, the attackers not yet OUT, and releasing
 * an argument as IN when that count reaches zero. A queue rather than recursion, so a chain of a
 * million attacks needs no stack.
 */

import { argumentCount, type ArgumentationFramework } from './framework.ts';
import { argumentsLabelled, IN, OUT, UNDEC } from './labels.ts';

export function groundedLabelling(framework: ArgumentationFramework): Uint8Array {
  return propagateGrounded(framework, new Uint8Array(argumentCount(framework)));
}

/** The IN arguments of the grounded labelling, in increasing order. */
export function groundedExtension(framework: ArgumentationFramework): number[] {
  return argumentsLabelled(groundedLabelling(framework), IN);
}

/**
 * Grounded propagation where `fixed[a]` (IN or OUT) pins argument a to that label whatever its
 * attackers are; UNDEC leaves it to be derived. A pinned-IN argument defeats what it attacks (unless
 * that is pinned too); a pinned-OUT argument defeats nothing, exactly like any other OUT argument.
 */
export function propagateGrounded(framework: ArgumentationFramework, fixed: Uint8Array): Uint8Array {
  // Copied to locals because Vitest's module runner turns every use of an imported binding into a
  // property lookup on the module, which in this loop costs more than the work itself.
  const [undecidedLabel, inLabel, outLabel] = [UNDEC, IN, OUT];
  const size = argumentCount(framework);
  const { attackerOffsets, targetOffsets, targets } = framework;
  const labels = new Uint8Array(size);
  // An argument is accepted once all of its attackers are OUT: counting up to its in-degree needs
  // no initialising pass, which matters when little gets labelled at all.
  const attackersOut = new Int32Array(size);
  // Every argument enters the worklist once, when it gets its label; its targets then learn of it.
  const labelled = new Int32Array(size);
  let labelledCount = 0;

  for (let argument = 0; argument < size; argument += 1) {
    const pinned = fixed[argument]!;
    const label = pinned !== undecidedLabel ? pinned : attackerOffsets[argument] === attackerOffsets[argument + 1] ? inLabel : undecidedLabel;
    if (label === undecidedLabel) continue;
    labels[argument] = label;
    labelled[labelledCount] = argument;
    labelledCount += 1;
  }
  for (let next = 0; next < labelledCount; next += 1) {
    const argument = labelled[next]!;
    const accepted = labels[argument] === inLabel;
    for (let i = targetOffsets[argument]!; i < targetOffsets[argument + 1]!; i += 1) {
      const target = targets[i]!;
      if (labels[target] !== undecidedLabel || fixed[target] !== undecidedLabel) continue;
      if (!accepted) {
        attackersOut[target]! += 1;
        if (attackersOut[target] !== attackerOffsets[target + 1]! - attackerOffsets[target]!) continue;
      }
      labels[target] = accepted ? outLabel : inLabel;
      labelled[labelledCount] = target;
      labelledCount += 1;
    }
  }
  return labels;
}
