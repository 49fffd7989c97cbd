/**
 * The link stage of the read model, incremental: it keeps which elements are shown and indexes
 * of who names whom (edges by their ends, edges by group), so a transaction re-checks only the
 * elements it touched and their neighbours: the edges of a node that appeared, vanished or
 * changed kind, the undercuts of an edge that did, the other edges of a group.
 */
import type { Actor, ArgEdge, ArgMap, ArgNode, MapIndex, Source, Tour } from '../model.ts';
import { childPointer } from '../json/pointer.ts';
import { quoteForMessage } from '../problems.ts';
import { edgeLinkProblem, groupProblem, nodeLinkProblem } from './links.ts';
import type { RecordSet, Reread } from './record-set.ts';

/** A problem of the document: `pointer` names the element by id (`/nodes/n1/text/en`), not by place. */
export interface DocumentProblem {
  readonly pointer: string;
  readonly message: string;
  readonly id?: string;
}

export interface Records {
  readonly nodes: RecordSet<ArgNode>;
  readonly edges: RecordSet<ArgEdge>;
  readonly actors: RecordSet<Actor>;
  readonly sources: RecordSet<Source>;
  readonly tours: RecordSet<Tour>;
}

export interface LinkChanges {
  readonly nodes: ReadonlyMap<string, Reread<ArgNode>>;
  readonly edges: ReadonlyMap<string, Reread<ArgEdge>>;
  /** Actors or sources changed: every node's names are checked again (rare, and cheap). */
  readonly namesChanged: boolean;
  readonly toursChanged: boolean;
}

export type MapLists = Pick<ArgMap, 'nodes' | 'edges' | 'actors' | 'sources' | 'tours'>;

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (ids === undefined) index.set(key, (ids = new Set()));
  ids.add(id);
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

export class Linker {
  readonly #records: Records;
  readonly #shownNodes = new Map<string, ArgNode>();
  readonly #shownEdges = new Map<string, ArgEdge>();
  #actors = new Map<string, Actor>();
  #sources = new Map<string, Source>();
  /** Edge ids by every id their ends name (node ids; for undercuts, edge ids). */
  readonly #edgesByEnd = new Map<string, Set<string>>();
  readonly #edgesByGroup = new Map<string, Set<string>>();
  readonly #problems = new Map<string, readonly DocumentProblem[]>();
  #problemList: readonly DocumentProblem[] | undefined = [];

  constructor(records: Records) {
    this.#records = records;
  }

  /** Lookups of the shown elements, kept up to date: the current map's index, with no rebuilding. */
  get index(): MapIndex {
    return { nodes: this.#shownNodes, edges: this.#shownEdges, actors: this.#actors, sources: this.#sources };
  }

  get problems(): readonly DocumentProblem[] {
    this.#problemList ??= [...this.#problems.values()].flat();
    return this.#problemList;
  }

  /** The map's lists after `changes`, sharing every list and element that did not change. */
  link(changes: LinkChanges, previous: MapLists, toursListed: boolean): MapLists {
    const records = this.#records;
    let actors = previous.actors;
    let sources = previous.sources;
    if (changes.namesChanged) {
      this.#clearProblems('actors');
      this.#clearProblems('sources');
      actors = this.#shownList('actors', records.actors);
      sources = this.#shownList('sources', records.sources);
      this.#actors = new Map(actors.map((actor) => [actor.id, actor]));
      this.#sources = new Map(sources.map((source) => [source.id, source]));
    }

    // Nodes.
    const nodeIds = changes.namesChanged ? new Set([...records.nodes.reads.keys(), ...changes.nodes.keys()]) : changes.nodes.keys();
    const edgesToCheck = new Set<string>();
    const nodeChanges = new ListChanges();
    for (const id of nodeIds) {
      const before = this.#shownNodes.get(id);
      const after = this.#checkNode(id);
      const reread = changes.nodes.get(id);
      const moved = reread?.before !== undefined && reread.after !== undefined && reread.before.order !== reread.after.order;
      if (before === after && !moved) continue;
      nodeChanges.note(id, before !== undefined, after !== undefined, moved);
      if (before === undefined || after === undefined || before.kind !== after.kind) {
        for (const edgeId of this.#edgesByEnd.get(id) ?? []) edgesToCheck.add(edgeId);
        // A node and an edge of one id: the node is shown, the edge is not.
        if (records.edges.reads.has(id)) edgesToCheck.add(id);
      }
    }

    // Edges: keep the indexes, then check non-undercuts (whole groups at once), then undercuts.
    for (const [id, { before, after }] of changes.edges) {
      if (before?.ok) this.#unindexEdge(before.value);
      if (after?.ok) this.#indexEdge(after.value);
      edgesToCheck.add(id);
    }
    const edgeChanges = this.#checkEdges(edgesToCheck, changes.edges);

    const nodes = nodeChanges.apply(previous.nodes, this.#shownNodes, records.nodes);
    const edges = edgeChanges.apply(previous.edges, this.#shownEdges, records.edges);
    const elementsChanged = nodeChanges.membership || edgeChanges.membership;
    const tours = changes.toursChanged || elementsChanged ? this.#tours() : previous.tours ?? [];
    const listTours = toursListed || tours.length > 0;
    return { nodes, edges, actors, sources, ...(listTours ? { tours } : {}) };
  }

  #setProblems(key: string, problems: readonly DocumentProblem[]): void {
    const had = this.#problems.has(key);
    if (problems.length === 0) {
      if (!had) return;
      this.#problems.delete(key);
    } else this.#problems.set(key, problems);
    this.#problemList = undefined;
  }

  #clearProblems(collection: string): void {
    for (const key of this.#problems.keys()) if (key.startsWith(`${collection}\u0000`)) this.#setProblems(key, []);
  }

  #report(collection: string, id: string, message: string | undefined): void {
    this.#setProblems(`${collection}\u0000${id}`, message === undefined ? [] : [{ pointer: childPointer(`/${collection}`, id), message, id }]);
  }

  #shownList<T extends { readonly id: string }>(collection: string, set: RecordSet<T>): T[] {
    const items: T[] = [];
    for (const id of set.sorted.ids) {
      const read = set.reads.get(id)!;
      this.#report(collection, id, read.ok ? undefined : read.problem);
      if (read.ok) items.push(read.value);
    }
    return items;
  }

  #checkNode(id: string): ArgNode | undefined {
    const read = this.#records.nodes.reads.get(id);
    let problem: string | undefined;
    if (read === undefined) problem = undefined;
    else if (!read.ok) problem = read.problem;
    else problem = nodeLinkProblem(read.value, this.#actors, this.#sources);
    this.#report('nodes', id, problem);
    const node = read?.ok === true && problem === undefined ? read.value : undefined;
    if (node === undefined) this.#shownNodes.delete(id);
    else this.#shownNodes.set(id, node);
    return node;
  }

  #indexEdge(edge: ArgEdge): void {
    addTo(this.#edgesByEnd, edge.from, edge.id);
    addTo(this.#edgesByEnd, edge.to, edge.id);
    if (edge.group !== undefined) addTo(this.#edgesByGroup, edge.group, edge.id);
  }

  #unindexEdge(edge: ArgEdge): void {
    removeFrom(this.#edgesByEnd, edge.from, edge.id);
    removeFrom(this.#edgesByEnd, edge.to, edge.id);
    if (edge.group !== undefined) removeFrom(this.#edgesByGroup, edge.group, edge.id);
  }

  #checkEdges(ids: ReadonlySet<string>, changed: ReadonlyMap<string, Reread<ArgEdge>>): ListChanges {
    const edges = this.#records.edges;
    const groups = new Set<string>();
    for (const { before } of changed.values()) if (before?.ok && before.value.group !== undefined) groups.add(before.value.group);
    const plain: string[] = [];
    const undercuts = new Set<string>();
    for (const id of ids) {
      const edge = edges.value(id);
      if (edge?.group !== undefined) groups.add(edge.group);
      else if (edge?.kind === 'undercut') undercuts.add(id);
      else plain.push(id);
    }
    const list = new ListChanges();
    const settle = (id: string, problem: string | undefined): void => {
      const read = edges.reads.get(id);
      const message = read === undefined ? undefined : read.ok ? problem : read.problem;
      this.#report('edges', id, message);
      const before = this.#shownEdges.get(id);
      const after = read?.ok === true && message === undefined ? read.value : undefined;
      const reread = changed.get(id);
      const moved = reread?.before !== undefined && reread.after !== undefined && reread.before.order !== reread.after.order;
      if (before === after && !moved) return;
      if (after === undefined) this.#shownEdges.delete(id);
      else this.#shownEdges.set(id, after);
      list.note(id, before !== undefined, after !== undefined, moved);
      if ((before === undefined || after === undefined || before.kind !== after.kind) && (before ?? after)!.kind !== 'undercut') {
        for (const other of this.#edgesByEnd.get(id) ?? []) if (edges.value(other)?.kind === 'undercut') undercuts.add(other);
      }
    };
    const elements = { nodes: this.#shownNodes, edges: this.#shownEdges };
    for (const id of plain) {
      const edge = edges.value(id);
      settle(id, edge === undefined ? undefined : edgeLinkProblem(edge, elements));
    }
    for (const group of groups) {
      // The group's conclusion is that of its first support in map order.
      const members = [...(this.#edgesByGroup.get(group) ?? [])].sort((a, b) => (edges.reads.get(a)!.order - edges.reads.get(b)!.order) || (a < b ? -1 : 1));
      let first: ArgEdge | undefined;
      for (const id of members) {
        const edge = edges.value(id)!;
        const problem = edgeLinkProblem(edge, elements) ?? groupProblem(edge, first);
        if (problem === undefined && edge.kind === 'support') first ??= edge;
        settle(id, problem);
      }
    }
    for (const id of undercuts) {
      const edge = edges.value(id);
      settle(id, edge === undefined ? undefined : edgeLinkProblem(edge, elements));
    }
    return list;
  }

  /** Tours name only shown elements: a step loses the names of elements that are not. */
  #tours(): Tour[] {
    const present = (id: string): boolean => this.#shownNodes.has(id) || this.#shownEdges.has(id);
    const tours: Tour[] = [];
    this.#clearProblems('tours');
    for (const id of this.#records.tours.sorted.ids) {
      const read = this.#records.tours.reads.get(id)!;
      if (!read.ok) {
        this.#report('tours', id, read.problem);
        continue;
      }
      const tour = read.value;
      const problems: DocumentProblem[] = [];
      let changed = false;
      const steps = tour.steps.map((step, index) => {
        if (step.reveal.every(present) && step.focus.every(present)) return step;
        changed = true;
        for (const missing of [...step.reveal, ...step.focus].filter((name) => !present(name))) {
          problems.push({ pointer: `${childPointer('/tours', id)}/steps/${index}`, message: `step ${index + 1} names a missing node or edge ${quoteForMessage(missing)}`, id });
        }
        return { ...step, reveal: step.reveal.filter(present), focus: step.focus.filter(present) };
      });
      this.#setProblems(`tours\u0000${id}`, problems);
      tours.push(changed ? { ...tour, steps } : tour);
    }
    return tours;
  }
}

/**
 * What a transaction did to one list of the map: elements that appeared, vanished, changed or
 * moved. A few changes patch the previous list rather than rebuild it (an undone delete puts a
 * node back in the middle, found by binary search on the records' order).
 */
class ListChanges {
  readonly #gone = new Set<string>();
  readonly #come = new Set<string>();
  readonly #replaced = new Set<string>();

  note(id: string, wasShown: boolean, isShown: boolean, moved: boolean): void {
    if (wasShown && (!isShown || moved)) this.#gone.add(id);
    if (isShown && (!wasShown || moved)) this.#come.add(id);
    if (wasShown && isShown && !moved) this.#replaced.add(id);
  }

  get membership(): boolean {
    return this.#gone.size > 0 || this.#come.size > 0;
  }

  apply<T extends { readonly id: string }>(previous: readonly T[], shown: ReadonlyMap<string, T>, set: RecordSet<T>): readonly T[] {
    const count = this.#gone.size + this.#come.size + this.#replaced.size;
    if (count === 0) return previous;
    // Many changes (opening a document, a big paste): rebuilding in order is cheaper than patching.
    if (count > 64) return set.sorted.ids.flatMap((id) => shown.get(id) ?? []);
    const items = this.#gone.size > 0 ? previous.filter((item) => !this.#gone.has(item.id)) : [...previous];
    for (const id of this.#replaced) {
      const index = items.findIndex((item) => item.id === id);
      if (index >= 0) items[index] = shown.get(id)!;
    }
    const orderOf = (id: string) => set.reads.get(id)?.order ?? Number.POSITIVE_INFINITY;
    const before = (a: string, b: string) => orderOf(a) < orderOf(b) || (orderOf(a) === orderOf(b) && a < b);
    for (const id of this.#come) {
      let low = 0;
      let high = items.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (before(items[middle]!.id, id)) low = middle + 1;
        else high = middle;
      }
      items.splice(low, 0, shown.get(id)!);
    }
    return items;
  }
}
