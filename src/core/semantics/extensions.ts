/**
 * Enumerating the complete, preferred and stable extensions of a framework.
 *
 * The search is over labellings: every argument has a domain, a subset of {IN, OUT, UNDEC}, and
 * must satisfy the complete-labelling condition "IN iff every attacker is OUT, OUT iff some
 * attacker is IN, UNDEC otherwise". Propagation narrows domains until nothing changes (it starts
 * from everything and reaches at least the grounded labelling on its own); then the search picks
 * an argument with several labels left and tries them in the order IN, OUT, UNDEC, depth first,
 * undoing changes through a trail. The depth-first loop keeps its own stack of choice points, so
 * deep searches never touch the call stack. Arguments are chosen component by component in
 * attack order (see components.ts), the most connected first within a component.
 *
 * Per argument the search keeps counts over its attackers (how many can still be IN, are surely
 * IN, can still be UNDEC, cannot be OUT, can still be other than OUT), so checking the condition
 * costs O(1), and narrowing an argument costs O(its out-degree).
 *
 * Stable extensions are the complete labellings without UNDEC, so UNDEC is simply never in a
 * domain. Preferred extensions are the ⊆-maximal complete ones; the value order makes them cheap:
 * at the first choice point where two labellings L ⊊ L' differ, L says UNDEC and L' says IN or OUT
 * (IN(L) ⊆ IN(L') and OUT(L) ⊆ OUT(L')), so L' is found first. A complete labelling is therefore
 * preferred exactly when no preferred extension found before it contains it, and every preferred
 * extension reported is a true one even when the search is cut short.
 */

import { componentRanks } from './components.ts';
import { argumentCount, type ArgumentationFramework } from './framework.ts';
import { groundedExtension } from './grounded.ts';

export const SEMANTICS = ['grounded', 'complete', 'preferred', 'stable'] as const;
export type Semantics = (typeof SEMANTICS)[number];

export interface EnumerationLimits {
  /** Stop after this many extensions. */
  readonly maxExtensions?: number;
  /** Stop after this much search work (one step ≈ looking at one attack or making one choice). */
  readonly maxSteps?: number;
}

export const DEFAULT_MAX_EXTENSIONS = 10_000;
/** About one to three seconds of search on a laptop. */
export const DEFAULT_MAX_STEPS = 200_000_000;

export interface Enumeration {
  /** Each extension lists argument numbers in increasing order. */
  readonly extensions: number[][];
  /** False when a limit stopped the search: the extensions listed are right, but some may be missing. */
  readonly complete: boolean;
  /** Why the search stopped early. */
  readonly reason?: string;
}

export function enumerateExtensions(framework: ArgumentationFramework, semantics: Semantics, limits: EnumerationLimits = {}): Enumeration {
  if (semantics === 'grounded') return { extensions: [groundedExtension(framework)], complete: true };
  return new LabellingSearch(framework, semantics, limits).run();
}

/**
 * Extensions as lists of argument names, for showing or printing: names sorted within each
 * extension (by UTF-16 code units, as JavaScript compares strings), extensions sorted by those
 * lists, so the result is the same whatever order the search found them in. Only arguments
 * numbered below `reportedCount` are kept (a map's nodes, not the inferences behind undercuts).
 */
export function namedExtensions(framework: ArgumentationFramework, extensions: readonly (readonly number[])[], reportedCount = argumentCount(framework)): string[][] {
  const named = extensions.map((extension) =>
    extension.filter((argument) => argument < reportedCount).map((argument) => framework.names[argument]!).sort(compareText),
  );
  return named.sort(compareNameLists);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNameLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareText(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const CAN_BE_IN = 1;
const CAN_BE_OUT = 2;
const CAN_BE_UNDEC = 4;
const ANY_LABEL = CAN_BE_IN | CAN_BE_OUT | CAN_BE_UNDEC;
const NOT_OUT = CAN_BE_IN | CAN_BE_UNDEC;

class LabellingSearch {
  readonly #framework: ArgumentationFramework;
  readonly #semantics: Exclude<Semantics, 'grounded'>;
  readonly #maxExtensions: number;
  readonly #maxSteps: number;
  readonly #size: number;
  readonly #domain: Uint8Array;
  /** The order in which arguments are chosen to branch on. */
  readonly #branchOrder: Int32Array;

  // Counts over the attackers of each argument.
  readonly #attackersCanBeIn: Int32Array;
  readonly #attackersSurelyIn: Int32Array;
  readonly #attackersCanBeUndec: Int32Array;
  readonly #attackersCannotBeOut: Int32Array;
  readonly #attackersCanBeNotOut: Int32Array;

  // Each argument's domain shrinks at most twice on the way from the root to a leaf.
  readonly #trailArgument: Int32Array;
  readonly #trailDomain: Uint8Array;
  #trailLength = 0;

  readonly #queue: Int32Array;
  readonly #queued: Uint8Array;
  #queueHead = 0;
  #queueCount = 0;
  /** Set when an argument's own domain narrowed, so rules about all its attackers run once. */
  readonly #narrowed: Uint8Array;

  #steps = 0;
  readonly #extensions: number[][] = [];
  /** For preferred: marks the members of the extension being checked against those found. */
  readonly #candidateMembers: Uint8Array;

  constructor(framework: ArgumentationFramework, semantics: Exclude<Semantics, 'grounded'>, limits: EnumerationLimits) {
    this.#framework = framework;
    this.#semantics = semantics;
    this.#maxExtensions = limits.maxExtensions ?? DEFAULT_MAX_EXTENSIONS;
    this.#maxSteps = limits.maxSteps ?? DEFAULT_MAX_STEPS;
    const size = argumentCount(framework);
    this.#size = size;
    this.#domain = new Uint8Array(size).fill(semantics === 'stable' ? CAN_BE_IN | CAN_BE_OUT : ANY_LABEL);
    this.#attackersCanBeIn = new Int32Array(size);
    this.#attackersSurelyIn = new Int32Array(size);
    this.#attackersCanBeUndec = new Int32Array(size);
    this.#attackersCannotBeOut = new Int32Array(size);
    this.#attackersCanBeNotOut = new Int32Array(size);
    this.#trailArgument = new Int32Array(2 * size);
    this.#trailDomain = new Uint8Array(2 * size);
    this.#queue = new Int32Array(size);
    this.#queued = new Uint8Array(size);
    this.#narrowed = new Uint8Array(size);
    this.#candidateMembers = new Uint8Array(semantics === 'preferred' ? size : 0);
    this.#branchOrder = branchOrder(framework);
    for (let argument = 0; argument < size; argument += 1) this.#count(argument, 0, this.#domain[argument]!, false);
  }

  run(): Enumeration {
    for (let argument = 0; argument < this.#size; argument += 1) this.#enqueue(argument);
    if (!this.#propagate()) return this.#finished();

    // Choice points: where in the branch order the argument is, the labels still to try, and the
    // trail length to undo to. Domains only shrink going down, so every argument before a choice
    // point's position is decided below it and the next pick can start there.
    const choicePosition = new Int32Array(this.#size);
    const labelsLeft = new Uint8Array(this.#size);
    const trailMark = new Int32Array(this.#size);
    let depth = 0;
    let scanFrom = 0;
    for (;;) {
      const position = this.#nextUndecided(scanFrom);
      if (position === this.#size) {
        this.#recordSolution();
        if (this.#extensions.length >= this.#maxExtensions) {
          return this.#stopped(`search stopped at ${this.#maxExtensions} extensions (there may be more)`);
        }
      } else {
        choicePosition[depth] = position;
        labelsLeft[depth] = this.#domain[this.#branchOrder[position]!]!;
        trailMark[depth] = this.#trailLength;
        depth += 1;
      }
      // Take the next label at the deepest choice point that has one left.
      for (;;) {
        if (depth === 0) return this.#finished();
        const top = depth - 1;
        this.#undo(trailMark[top]!);
        const left = labelsLeft[top]!;
        if (left === 0) {
          depth -= 1;
          continue;
        }
        const label = left & -left;
        labelsLeft[top] = left & ~label;
        this.#steps += 1;
        if (this.#steps > this.#maxSteps) {
          return this.#stopped(`search stopped after ${this.#maxSteps} steps`);
        }
        scanFrom = choicePosition[top]!;
        if (this.#narrow(this.#branchOrder[scanFrom]!, label) && this.#propagate()) break;
      }
    }
  }

  #finished(): Enumeration {
    return { extensions: this.#extensions, complete: true };
  }

  #stopped(reason: string): Enumeration {
    return { extensions: this.#extensions, complete: false, reason };
  }

  /** The first position from `start` in the branch order whose argument still has several labels. */
  #nextUndecided(start: number): number {
    let position = start;
    for (; position < this.#size; position += 1) {
      const domain = this.#domain[this.#branchOrder[position]!]!;
      if ((domain & (domain - 1)) !== 0) break;
    }
    this.#steps += position - start;
    return position;
  }

  #recordSolution(): void {
    const accepted: number[] = [];
    for (let argument = 0; argument < this.#size; argument += 1) {
      if (this.#domain[argument] === CAN_BE_IN) accepted.push(argument);
    }
    if (this.#semantics !== 'preferred' || !this.#insideFoundExtension(accepted)) this.#extensions.push(accepted);
  }

  /** Whether an extension found before contains `candidate` (so, for preferred, it is not maximal). */
  #insideFoundExtension(candidate: readonly number[]): boolean {
    for (const argument of candidate) this.#candidateMembers[argument] = 1;
    const contained = this.#extensions.some((found) => {
      this.#steps += found.length;
      let shared = 0;
      for (const argument of found) shared += this.#candidateMembers[argument]!;
      return shared === candidate.length;
    });
    for (const argument of candidate) this.#candidateMembers[argument] = 0;
    return contained;
  }

  #enqueue(argument: number): void {
    if (this.#queued[argument] === 1) return;
    this.#queued[argument] = 1;
    this.#queue[(this.#queueHead + this.#queueCount) % this.#size] = argument;
    this.#queueCount += 1;
  }

  /** Revises queued arguments until nothing changes; false (with the queue emptied) on a contradiction. */
  #propagate(): boolean {
    while (this.#queueCount > 0) {
      const argument = this.#queue[this.#queueHead]!;
      this.#queueHead = (this.#queueHead + 1) % this.#size;
      this.#queueCount -= 1;
      this.#queued[argument] = 0;
      this.#steps += 1;
      if (!this.#revise(argument)) {
        this.#narrowed[argument] = 0;
        this.#clearQueue();
        return false;
      }
    }
    return true;
  }

  #clearQueue(): void {
    for (; this.#queueCount > 0; this.#queueCount -= 1) {
      const argument = this.#queue[this.#queueHead]!;
      this.#queued[argument] = 0;
      this.#narrowed[argument] = 0;
      this.#queueHead = (this.#queueHead + 1) % this.#size;
    }
  }

  /** Applies the complete-labelling condition of one argument, to it and to its attackers. */
  #revise(argument: number): boolean {
    let allowed = 0;
    if (this.#attackersCannotBeOut[argument] === 0) allowed |= CAN_BE_IN;
    if (this.#attackersCanBeIn[argument]! > 0) allowed |= CAN_BE_OUT;
    if (this.#attackersSurelyIn[argument] === 0 && this.#attackersCanBeUndec[argument]! > 0) allowed |= CAN_BE_UNDEC;
    if (!this.#narrow(argument, this.#domain[argument]! & allowed)) return false;
    const domain = this.#domain[argument]!;
    const { attackerOffsets, attackers } = this.#framework;
    const first = attackerOffsets[argument]!;
    const end = attackerOffsets[argument + 1]!;

    if (this.#narrowed[argument] === 1) {
      this.#narrowed[argument] = 0;
      // IN: every attacker is OUT. Not OUT: no attacker is IN.
      const keep = domain === CAN_BE_IN ? CAN_BE_OUT : (domain & CAN_BE_OUT) === 0 ? ANY_LABEL & ~CAN_BE_IN : ANY_LABEL;
      if (keep !== ANY_LABEL) {
        this.#steps += end - first;
        for (let i = first; i < end; i += 1) {
          const attacker = attackers[i]!;
          if (!this.#narrow(attacker, this.#domain[attacker]! & keep)) return false;
        }
      }
    }
    // Not IN: some attacker is not OUT; when only one still can be, it must be.
    if ((domain & CAN_BE_IN) === 0 && this.#attackersCanBeNotOut[argument] === 1 && this.#attackersCannotBeOut[argument] === 0) {
      return this.#narrowTheOnlyAttacker(argument, NOT_OUT);
    }
    // OUT: some attacker is IN; when only one still can be, it must be.
    if (domain === CAN_BE_OUT && this.#attackersCanBeIn[argument] === 1 && this.#attackersSurelyIn[argument] === 0) {
      return this.#narrowTheOnlyAttacker(argument, CAN_BE_IN);
    }
    return true;
  }

  /** Narrows to `keep` the one attacker of `argument` whose domain meets `keep`. */
  #narrowTheOnlyAttacker(argument: number, keep: number): boolean {
    const { attackerOffsets, attackers } = this.#framework;
    for (let i = attackerOffsets[argument]!; i < attackerOffsets[argument + 1]!; i += 1) {
      this.#steps += 1;
      const attacker = attackers[i]!;
      const domain = this.#domain[attacker]!;
      if ((domain & keep) !== 0) return this.#narrow(attacker, domain & keep);
    }
    return true;
  }

  /** Sets an argument's domain to a subset of it, recording the change; false if nothing is left. */
  #narrow(argument: number, domain: number): boolean {
    const old = this.#domain[argument]!;
    if (domain === old) return true;
    if (domain === 0) return false;
    this.#trailArgument[this.#trailLength] = argument;
    this.#trailDomain[this.#trailLength] = old;
    this.#trailLength += 1;
    this.#domain[argument] = domain;
    this.#narrowed[argument] = 1;
    this.#enqueue(argument);
    this.#count(argument, old, domain, true);
    return true;
  }

  #undo(trailLength: number): void {
    while (this.#trailLength > trailLength) {
      this.#trailLength -= 1;
      const argument = this.#trailArgument[this.#trailLength]!;
      const old = this.#trailDomain[this.#trailLength]!;
      this.#count(argument, this.#domain[argument]!, old, false);
      this.#domain[argument] = old;
    }
  }

  /**
   * Updates the attacker counts of everything `argument` attacks for its domain going from
   * `before` to `after`, queueing those arguments for revision when asked to.
   */
  #count(argument: number, before: number, after: number, reviseTargets: boolean): void {
    const canBeIn = has(after, CAN_BE_IN) - has(before, CAN_BE_IN);
    const surelyIn = Number(after === CAN_BE_IN) - Number(before === CAN_BE_IN);
    const canBeUndec = has(after, CAN_BE_UNDEC) - has(before, CAN_BE_UNDEC);
    const cannotBeOut = Number(after !== 0 && (after & CAN_BE_OUT) === 0) - Number(before !== 0 && (before & CAN_BE_OUT) === 0);
    const canBeNotOut = has(after, NOT_OUT) - has(before, NOT_OUT);
    const { targetOffsets, targets } = this.#framework;
    const first = targetOffsets[argument]!;
    const end = targetOffsets[argument + 1]!;
    this.#steps += end - first;
    for (let i = first; i < end; i += 1) {
      const target = targets[i]!;
      this.#attackersCanBeIn[target]! += canBeIn;
      this.#attackersSurelyIn[target]! += surelyIn;
      this.#attackersCanBeUndec[target]! += canBeUndec;
      this.#attackersCannotBeOut[target]! += cannotBeOut;
      this.#attackersCanBeNotOut[target]! += canBeNotOut;
      if (reviseTargets) this.#enqueue(target);
    }
  }
}

function has(domain: number, labels: number): number {
  return (domain & labels) === 0 ? 0 : 1;
}

/** Components in attack order; within one, the arguments with the most attacks in and out first. */
function branchOrder(framework: ArgumentationFramework): Int32Array {
  const ranks = componentRanks(framework);
  const { attackerOffsets, targetOffsets } = framework;
  const degree = (argument: number): number =>
    attackerOffsets[argument + 1]! - attackerOffsets[argument]! + targetOffsets[argument + 1]! - targetOffsets[argument]!;
  const order = Int32Array.from({ length: argumentCount(framework) }, (_, argument) => argument);
  return order.sort((a, b) => ranks[a]! - ranks[b]! || degree(b) - degree(a) || a - b);
}
