/**
 * Strongly connected components of the attack graph (Tarjan's algorithm with an explicit stack,
 * so a chain of a million attacks is fine). Labels flow along attacks, so a component's labels
 * depend only on the components that attack it; searching components in that order keeps a
 * contradiction from sending the search back into components that cannot have caused it.
 */

import { argumentCount, type ArgumentationFramework } from './framework.ts';

/**
 * For each argument, the rank of its component in a topological order of the components: an
 * attack between two components always goes from a lower to a higher rank.
 */
export function componentRanks(framework: ArgumentationFramework): Int32Array {
  const size = argumentCount(framework);
  const { targetOffsets, targets } = framework;
  const visitOrder = new Int32Array(size).fill(-1);
  const lowest = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const componentStack = new Int32Array(size);
  let componentStackSize = 0;
  // The depth-first path: the argument and how far through its targets the walk has got.
  const pathArgument = new Int32Array(size);
  const pathNextTarget = new Int32Array(size);
  const finishedComponent = new Int32Array(size);
  let visited = 0;
  let components = 0;

  for (let root = 0; root < size; root += 1) {
    if (visitOrder[root] !== -1) continue;
    let depth = 0;
    const enter = (argument: number): void => {
      visitOrder[argument] = visited;
      lowest[argument] = visited;
      visited += 1;
      componentStack[componentStackSize] = argument;
      componentStackSize += 1;
      onStack[argument] = 1;
      pathArgument[depth] = argument;
      pathNextTarget[depth] = targetOffsets[argument]!;
      depth += 1;
    };
    enter(root);
    while (depth > 0) {
      const top = depth - 1;
      const argument = pathArgument[top]!;
      const next = pathNextTarget[top]!;
      if (next < targetOffsets[argument + 1]!) {
        pathNextTarget[top] = next + 1;
        const target = targets[next]!;
        if (visitOrder[target] === -1) enter(target);
        else if (onStack[target] === 1) lowest[argument] = Math.min(lowest[argument]!, visitOrder[target]!);
        continue;
      }
      depth -= 1;
      if (depth > 0) {
        const parent = pathArgument[depth - 1]!;
        lowest[parent] = Math.min(lowest[parent]!, lowest[argument]!);
      }
      if (lowest[argument] !== visitOrder[argument]) continue;
      let member: number;
      do {
        componentStackSize -= 1;
        member = componentStack[componentStackSize]!;
        onStack[member] = 0;
        finishedComponent[member] = components;
      } while (member !== argument);
      components += 1;
    }
  }
  // Tarjan finishes a component only after every component it attacks, so reverse that order.
  return finishedComponent.map((finished) => components - 1 - finished);
}
