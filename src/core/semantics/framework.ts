/**
 * Abstract (Dung) argumentation frameworks: arguments 0..n-1 and an attack relation, stored as
 * compressed sparse rows in both directions so every algorithm walks attackers or targets of an
 * argument in O(degree) without allocating. Frameworks are immutable once built.
 */

import { linksOfMap, type EdgeLinks } from '../edge-links.ts';
import type { ArgMap } from '../model.ts';

export interface ArgumentationFramework {
  /** Argument names; the argument's number is its position here. Names are unique. */
  readonly names: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Attackers of argument a are `attackers[attackerOffsets[a] .. attackerOffsets[a + 1])`. */
  readonly attackerOffsets: Int32Array;
  readonly attackers: Int32Array;
  /** Arguments attacked by a are `targets[targetOffsets[a] .. targetOffsets[a + 1])`. */
  readonly targetOffsets: Int32Array;
  readonly targets: Int32Array;
}

export function argumentCount(framework: ArgumentationFramework): number {
  return framework.names.length;
}

/** Distinct attacks (duplicates were merged when the framework was built). */
export function attackCount(framework: ArgumentationFramework): number {
  return framework.targets.length;
}

export function attackersOf(framework: ArgumentationFramework, argument: number): Int32Array {
  return framework.attackers.subarray(framework.attackerOffsets[argument], framework.attackerOffsets[argument + 1]);
}

export function targetsOf(framework: ArgumentationFramework, argument: number): Int32Array {
  return framework.targets.subarray(framework.targetOffsets[argument], framework.targetOffsets[argument + 1]);
}

export function attacks(framework: ArgumentationFramework, attacker: number, attacked: number): boolean {
  return targetsOf(framework, attacker).includes(attacked);
}

const INITIAL_ATTACK_CAPACITY = 64;

/**
 * Collects arguments and attacks, then builds the framework in O(n + m), once. Parsers use it to
 * read millions of attacks into typed arrays rather than arrays of pairs.
 */
export class FrameworkBuilder {
  readonly #names: string[] = [];
  readonly #indexOf = new Map<string, number>();
  #attackers = new Int32Array(INITIAL_ATTACK_CAPACITY);
  #attacked = new Int32Array(INITIAL_ATTACK_CAPACITY);
  #attackTotal = 0;

  get argumentCount(): number {
    return this.#names.length;
  }

  /** Adds an argument and returns its number; an existing name keeps its number. */
  addArgument(name: string): number {
    const existing = this.#indexOf.get(name);
    if (existing !== undefined) return existing;
    const index = this.#names.length;
    this.#names.push(name);
    this.#indexOf.set(name, index);
    return index;
  }

  indexOf(name: string): number | undefined {
    return this.#indexOf.get(name);
  }

  /** Both arguments must already have been added; a repeated attack is merged when building. */
  addAttack(attacker: number, attacked: number): void {
    if (this.#attackTotal === this.#attackers.length) {
      this.#attackers = grow(this.#attackers);
      this.#attacked = grow(this.#attacked);
    }
    this.#attackers[this.#attackTotal] = attacker;
    this.#attacked[this.#attackTotal] = attacked;
    this.#attackTotal += 1;
  }

  build(): ArgumentationFramework {
    const size = this.#names.length;
    const attackers = this.#attackers.subarray(0, this.#attackTotal);
    const attacked = this.#attacked.subarray(0, this.#attackTotal);
    const bySource = compressedRows(size, attackers, attacked);
    const distinct = withoutRepeats(size, bySource);
    const sources = new Int32Array(distinct.values.length);
    for (let source = 0; source < size; source += 1) {
      sources.fill(source, distinct.offsets[source], distinct.offsets[source + 1]);
    }
    const byTarget = compressedRows(size, distinct.values, sources);
    // The framework takes the builder's lists: copying 5,000 names and their index cost about a
    // millisecond of every edit that changes the map's relations. A builder builds once.
    return {
      names: this.#names,
      indexOf: this.#indexOf,
      attackerOffsets: byTarget.offsets,
      attackers: byTarget.values,
      targetOffsets: distinct.offsets,
      targets: distinct.values,
    };
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

interface CompressedRows {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

/** Groups `values[i]` under `keys[i]` by a counting sort, keeping the input order within a row. */
function compressedRows(size: number, keys: Int32Array, values: Int32Array): CompressedRows {
  const offsets = new Int32Array(size + 1);
  for (const key of keys) offsets[key + 1]! += 1;
  for (let row = 0; row < size; row += 1) offsets[row + 1]! += offsets[row]!;
  const cursor = offsets.slice(0, size);
  const grouped = new Int32Array(values.length);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    grouped[cursor[key]!] = values[i]!;
    cursor[key]! += 1;
  }
  return { offsets, values: grouped };
}

/** Drops repeated values within each row, in O(n + m) with a "last row seen" stamp per value. */
function withoutRepeats(size: number, rows: CompressedRows): CompressedRows {
  const lastRowSeen = new Int32Array(size).fill(-1);
  const offsets = new Int32Array(size + 1);
  const values = new Int32Array(rows.values.length);
  let kept = 0;
  for (let row = 0; row < size; row += 1) {
    for (let i = rows.offsets[row]!; i < rows.offsets[row + 1]!; i += 1) {
      const value = rows.values[i]!;
      if (lastRowSeen[value] === row) continue;
      lastRowSeen[value] = row;
      values[kept] = value;
      kept += 1;
    }
    offsets[row + 1] = kept;
  }
  return { offsets, values: values.slice(0, kept) };
}

/**
 * A framework from names and attacks between them, e.g. `frameworkFromAttacks(['a', 'b'], [['a', 'b']])`.
 * Arguments are numbered in the order of `names`; a name that only occurs in an attack is added
 * after them.
 */
export function frameworkFromAttacks(names: readonly string[], attackPairs: readonly (readonly [string, string])[]): ArgumentationFramework {
  const builder = new FrameworkBuilder();
  for (const name of names) builder.addArgument(name);
  for (const [attacker, attacked] of attackPairs) builder.addAttack(builder.addArgument(attacker), builder.addArgument(attacked));
  return builder.build();
}

/**
 * A map seen as a Dung framework. Arguments `0 .. nodeCount-1` are the map's nodes in map order;
 * the others stand for inferences (edges) that an undercut attacks, and are named by the edge id
 * (nodes and edges share one id namespace, so the names cannot clash).
 */
export interface MapFramework {
  readonly framework: ArgumentationFramework;
  readonly nodeCount: number;
}

/**
 * How a map becomes a framework:
 * - every node is an argument; an attack edge p→c is the attack p→c;
 * - support and answer edges are not attacks and leave no trace;
 * - an undercut u→e, where e is the edge p→c, attacks the *inference* of e, not p or c. As in
 *   ASPIC+, the inference is an argument I(e) of its own that has p as a sub-argument: u attacks
 *   I(e), every attacker of p attacks I(e) too (defeating a premise defeats the inference built on
 *   it), and when e is an attack it is I(e), not p, that attacks c. So c is defeated through e only
 *   when p stands and no undercut of e stands. An undercut of a support or answer edge still
 *   creates I(e), but I(e) attacks nothing, so it cannot change the status of any node.
 * In every complete labelling the label of I(e) follows from node labels (IN iff p is IN and every
 * undercutter of e is OUT; OUT iff p is OUT or an undercutter is IN; otherwise UNDEC), so projecting
 * an extension onto the nodes loses nothing and never merges two extensions.
 * `links`: those of the map's edges (`linksOfMap`), when they are at hand.
 */
export function frameworkFromMap(map: ArgMap, links: EdgeLinks = linksOfMap(map)): MapFramework {
  const builder = new FrameworkBuilder();
  for (const node of map.nodes) builder.addArgument(node.id);
  const nodeCount = builder.argumentCount;
  const nodeAt = (index: number): number | undefined => (index >= 0 ? index : undefined);

  // By the index of the edge undercut.
  const undercutsByEdge = new Map<number, { readonly inference: number; readonly premise: number | undefined; readonly undercutters: number[] }>();
  map.edges.forEach((edge, index) => {
    const undercutter = nodeAt(links.from[index]!);
    const undercut = links.to[index]!;
    if (edge.kind !== 'undercut' || undercutter === undefined || undercut < 0) return;
    const known = undercutsByEdge.get(undercut);
    if (known !== undefined) known.undercutters.push(undercutter);
    else {
      const inference = builder.addArgument(map.edges[undercut]!.id);
      undercutsByEdge.set(undercut, { inference, premise: nodeAt(links.from[undercut]!), undercutters: [undercutter] });
    }
  });

  // Attacks on nodes come first: an inference inherits the attackers of its premise, and those
  // include the inferences that attack the premise.
  const attackersOfNode = new Map<number, number[]>();
  map.edges.forEach((edge, index) => {
    const premise = nodeAt(links.from[index]!);
    const attacked = nodeAt(links.to[index]!);
    if (edge.kind !== 'attack' || premise === undefined || attacked === undefined) return;
    const attacker = undercutsByEdge.get(index)?.inference ?? premise;
    builder.addAttack(attacker, attacked);
    const attackers = attackersOfNode.get(attacked);
    if (attackers === undefined) attackersOfNode.set(attacked, [attacker]);
    else attackers.push(attacker);
  });
  for (const { inference, premise, undercutters } of undercutsByEdge.values()) {
    for (const undercutter of undercutters) builder.addAttack(undercutter, inference);
    const premiseAttackers = premise === undefined ? [] : (attackersOfNode.get(premise) ?? []);
    for (const premiseAttacker of premiseAttackers) builder.addAttack(premiseAttacker, inference);
  }
  return { framework: builder.build(), nodeCount };
}
