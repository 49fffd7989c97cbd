/**
 * "What if I accept this and reject that?": the grounded labelling under assumptions.
 *
 * Definition. Let A be the accepted and R the rejected arguments. The what-if labelling is the
 * grounded labelling of the framework F' obtained from F by
 *   1. deleting every attack on an argument of A ∪ R (an assumed argument's status is the
 *      user's choice, not the outcome of its attackers), and
 *   2. giving every argument of R a fresh, unattacked attacker (so it is OUT),
 * restricted to the arguments of F. Hence: accepted arguments are IN and every unassumed argument
 * they attack is OUT; rejected arguments are OUT and, like any OUT argument, defeat nothing, so
 * rejecting an argument is the same as removing it; everything else follows by grounded
 * propagation. It is computed in O(arguments + attacks), like the grounded labelling.
 * Accepting both ends of an attack is allowed (both stay IN) and reported as a conflict.
 */

import { argumentCount, type ArgumentationFramework } from './framework.ts';
import { propagateGrounded } from './grounded.ts';
import { IN, OUT } from './labels.ts';

export type Assumption = 'accepted' | 'rejected';

export interface WhatIfResult {
  readonly labels: Uint8Array;
  /** Assumed names that are not arguments of the framework; they are ignored. */
  readonly unknownArguments: readonly string[];
  /** Attacks [attacker, attacked] between two accepted arguments (a self-attack counts). */
  readonly conflicts: readonly (readonly [string, string])[];
}

export function whatIfLabelling(framework: ArgumentationFramework, assumptions: ReadonlyMap<string, Assumption>): WhatIfResult {
  const fixed = new Uint8Array(argumentCount(framework));
  const unknownArguments: string[] = [];
  for (const [name, assumption] of assumptions) {
    const argument = framework.indexOf.get(name);
    if (argument === undefined) unknownArguments.push(name);
    else fixed[argument] = assumption === 'accepted' ? IN : OUT;
  }
  const conflicts: (readonly [string, string])[] = [];
  fixed.forEach((label, argument) => {
    if (label !== IN) return;
    for (let i = framework.targetOffsets[argument]!; i < framework.targetOffsets[argument + 1]!; i += 1) {
      const target = framework.targets[i]!;
      if (fixed[target] === IN) conflicts.push([framework.names[argument]!, framework.names[target]!]);
    }
  });
  return { labels: propagateGrounded(framework, fixed), unknownArguments, conflicts };
}

