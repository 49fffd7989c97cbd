/**
 * Labellings (Caminada): each argument is IN (accepted), OUT (defeated by an accepted attacker) or
 * UNDEC (neither). A labelling is a Uint8Array indexed by argument number.
 */

import type { ArgumentationFramework } from './framework.ts';

export const UNDEC = 0;
export const IN = 1;
export const OUT = 2;
export type Label = typeof UNDEC | typeof IN | typeof OUT;

export type LabelName = 'IN' | 'OUT' | 'UNDEC';

const LABEL_NAMES: readonly LabelName[] = ['UNDEC', 'IN', 'OUT'];

export function labelName(label: number): LabelName {
  return LABEL_NAMES[label] ?? 'UNDEC';
}

/** The arguments with the given label, in increasing order. */
export function argumentsLabelled(labels: Uint8Array, label: Label): number[] {
  const found: number[] = [];
  labels.forEach((value, argument) => {
    if (value === label) found.push(argument);
  });
  return found;
}

/** Argument name → label name, e.g. for showing a labelling or comparing it in a test. */
export function namedLabels(framework: ArgumentationFramework, labels: Uint8Array): Map<string, LabelName> {
  return new Map(framework.names.map((name, argument) => [name, labelName(labels[argument] ?? UNDEC)]));
}
