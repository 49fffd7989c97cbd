/**
 * Which claims still stand: the grounded labelling of the open map (Dung semantics), under
 * the what-if assumptions a person has made. The Status panel's extensions: status-extensions.ts.
 */
import type { EdgeLinks } from '../core/edge-links.ts';
import { indexMap, type ArgMap } from '../core/model.ts';
import { frameworkFromMap, type MapFramework } from '../core/semantics/framework.ts';
import { groundedLabelling } from '../core/semantics/grounded.ts';
import { labelName, type LabelName } from '../core/semantics/labels.ts';
import { changedArguments, statusReason, type StatusReason } from '../core/semantics/status-reasons.ts';
import { whatIfLabelling, type Assumption } from '../core/semantics/what-if.ts';

/** A node whose status an assumption changed. */
export interface StatusChange {
  readonly id: string;
  readonly from: LabelName;
  readonly to: LabelName;
}

export class StatusState {
  colourMode = $state(false);
  assumptions = $state.raw<ReadonlyMap<string, Assumption>>(new Map());

  readonly #map: () => ArgMap;
  readonly #links: (() => EdgeLinks) | undefined;
  /** The map the framework was last built from, with its links. */
  #framedFrom: { readonly map: ArgMap; readonly links: EdgeLinks | undefined; readonly framework: MapFramework } | undefined;
  /**
   * Kept while the edges and the node order are: an edit of a text or a place changes neither,
   * and building the framework (then labelling it) again cost a few milliseconds of every such
   * edit on a 5,000-node map. Keeping the same object also keeps everything derived from it.
   */
  readonly mapFramework = $derived.by(() => {
    const map = this.#map();
    const links = this.#links?.();
    const before = this.#framedFrom;
    if (before !== undefined && links === before.links && map.edges === before.map.edges && sameNodeOrder(map, before.map)) {
      this.#framedFrom = { ...before, map };
      return before.framework;
    }
    const framework = frameworkFromMap(map, links);
    this.#framedFrom = { map, links, framework };
    return framework;
  });
  readonly whatIf = $derived.by(() => whatIfLabelling(this.mapFramework.framework, this.assumptions));
  /** The map's own labelling, before any assumption. */
  readonly #grounded = $derived.by(() => groundedLabelling(this.mapFramework.framework));
  /** The nodes, other than the assumed ones, whose status the assumptions changed, in map order. */
  readonly changes: readonly StatusChange[] = $derived.by(() => {
    if (this.assumptions.size === 0) return [];
    const { framework, nodeCount } = this.mapFramework;
    const before = this.#grounded;
    const after = this.whatIf.labels;
    return changedArguments(before, after, nodeCount)
      .map((argument) => ({ id: framework.names[argument]!, from: labelName(before[argument]!), to: labelName(after[argument]!) }))
      .filter((change) => !this.assumptions.has(change.id));
  });
  /** The status of every node, under the current assumptions. */
  readonly labels: ReadonlyMap<string, LabelName> = $derived.by(() => {
    const { framework, nodeCount } = this.mapFramework;
    // Read once, not once a node: each read of a derived value goes through Svelte.
    const byArgument = this.whatIf.labels;
    const labels = new Map<string, LabelName>();
    for (let argument = 0; argument < nodeCount; argument += 1) labels.set(framework.names[argument]!, labelName(byArgument[argument]!));
    return labels;
  });

  /** `links`: those of the map's edges, when they are at hand (a big map's were resolved as it was read). */
  constructor(map: () => ArgMap, links?: () => EdgeLinks) {
    this.#map = map;
    this.#links = links;
  }

  /**
   * Why a node has its status, with the arguments it names given as node ids: an inference that
   * an undercut attacks stands for the premise of its edge.
   */
  reasonOf(nodeId: string): StatusReason | undefined {
    const { framework, nodeCount } = this.mapFramework;
    const argument = framework.indexOf.get(nodeId);
    if (argument === undefined || argument >= nodeCount) return undefined;
    const reason = statusReason(framework, this.whatIf.labels, argument, this.assumptions.get(nodeId));
    const edges = indexMap(this.#map()).edges;
    const asNodes = (names: readonly string[]): string[] => [
      ...new Set(names.map((name) => ((framework.indexOf.get(name) ?? nodeCount) < nodeCount ? name : (edges.get(name)?.from ?? name)))),
    ];
    switch (reason.kind) {
      case 'attackers-out':
      case 'undecided-attackers':
        return { kind: reason.kind, attackers: asNodes(reason.attackers) };
      case 'defeated':
        return { kind: reason.kind, by: asNodes(reason.by) };
      case 'mutual':
        return { kind: reason.kind, with: asNodes(reason.with) };
      default:
        return reason;
    }
  }

  suppose(nodeId: string, assumption: Assumption | undefined): void {
    const next = new Map(this.assumptions);
    if (assumption === undefined) next.delete(nodeId);
    else next.set(nodeId, assumption);
    this.assumptions = next;
  }

  clearAssumptions(): void {
    this.assumptions = new Map();
  }
}

/** Whether the two maps list the same node ids in the same order (the framework numbers its arguments so). */
function sameNodeOrder(map: ArgMap, before: ArgMap): boolean {
  if (map.nodes === before.nodes) return true;
  if (map.nodes.length !== before.nodes.length) return false;
  return map.nodes.every((node, index) => node.id === before.nodes[index]!.id);
}
