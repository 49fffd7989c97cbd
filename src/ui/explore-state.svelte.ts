/**
 * What a person exploring the map has asked for: a search, filters, how far the focus
 * reaches around the selection, a path between two nodes, collapsed branches. Everything
 * here selects what is drawn or stressed; nothing moves a node.
 */
import { collapsedHidden } from '../core/explore/collapse.ts';
import { edgesAmong } from '../core/explore/elements.ts';
import { SHOW_EVERYTHING, visibleElements, type ViewFilter } from '../core/explore/filters.ts';
import { clampFocusDepth, neighbourhood, pathBetween } from '../core/explore/focus.ts';
import type { SearchIndex, SearchResult } from '../core/explore/search.ts';
import type { Actor, ArgMap, ArgNode } from '../core/model.ts';

type SearchModule = typeof import('../core/explore/search.ts');

/**
 * Building the search index runs in slices this long (a node with a very long text may overrun
 * it), each in a task of its own: the page answers keystrokes and draws frames in between.
 */
const INDEX_SLICE_MS = 8;

/** What an index is built from: a tour edit or a new title keeps it, new nodes or actors do not. */
interface IndexSource {
  readonly nodes: readonly ArgNode[];
  readonly actors: readonly Actor[];
}

/** pinyin-pro's dictionary is most of the search module: it loads after the map is on screen. */
let searchModule: Promise<SearchModule> | undefined;
function loadSearch(): Promise<SearchModule> {
  searchModule ??= import('../core/explore/search.ts');
  return searchModule;
}

export class ExploreState {
  query = $state('');
  filter = $state.raw<ViewFilter>(SHOW_EVERYTHING);
  focusDepth = $state(1);
  /** The first end of a "path between": the second is the next node selected. */
  pathStart = $state.raw<string | undefined>(undefined);
  pathEnd = $state.raw<string | undefined>(undefined);
  collapsed = $state.raw<ReadonlySet<string>>(new Set());

  readonly #map: () => ArgMap;
  readonly #selected: () => string | undefined;
  #search = $state.raw<SearchModule | undefined>(undefined);

  #built = $state.raw<(IndexSource & { readonly index: SearchIndex }) | undefined>(undefined);
  #building: IndexSource | undefined;

  /** The index of the map as it is, once built; undefined while it is being built. */
  readonly searchIndex: SearchIndex | undefined = $derived.by(() => {
    const { nodes, actors } = this.#map();
    const built = this.#built;
    return built && built.nodes === nodes && built.actors === actors ? built.index : undefined;
  });
  /**
   * The index is built at the first search, not when the module arrives, and in slices: over
   * long texts it took seconds, which froze the page at the first keystroke.
   */
  readonly results: readonly SearchResult[] = $derived.by(() => {
    const search = this.#search;
    if (this.query.trim() === '' || !search) return [];
    const index = this.searchIndex;
    if (index) return search.search(index, this.query);
    // Started after this reading of the state, never inside it.
    queueMicrotask(() => this.#buildIndex(search));
    return [];
  });
  readonly matches: ReadonlySet<string> | undefined = $derived(this.query.trim() === '' ? undefined : new Set(this.results.map((result) => result.nodeId)));

  readonly collapse = $derived.by(() => collapsedHidden(this.#map(), this.collapsed));
  /** Whether the filters or collapsed branches hide anything; when not, `shown` is the whole map. */
  readonly hidesAnything = $derived(
    this.collapsed.size > 0 || this.filter.hiddenActors.size > 0 || this.filter.hiddenNodeKinds.size > 0 || this.filter.hiddenEdgeKinds.size > 0,
  );
  /** What the filters and collapsed branches leave on the map. */
  readonly shown = $derived.by(() => {
    const map = this.#map();
    const filtered = visibleElements(map, this.filter);
    if (this.collapse.hidden.size === 0) return filtered;
    const nodes = new Set([...filtered.nodes].filter((id) => !this.collapse.hidden.has(id)));
    return { nodes, edges: edgesAmong(map, nodes, (edge) => filtered.edges.has(edge.id)) };
  });
  readonly path = $derived.by(() =>
    this.pathStart !== undefined && this.pathEnd !== undefined ? pathBetween(this.#map(), this.pathStart, this.pathEnd) : undefined,
  );
  /** A path outranks the focus around the selection. */
  readonly stressed: ReadonlySet<string> | undefined = $derived.by(() => {
    if (this.path) return new Set([...this.path.nodes, ...this.path.edges]);
    const selected = this.#selected();
    if (selected === undefined) return undefined;
    const around = neighbourhood(this.#map(), selected, this.focusDepth);
    return new Set([...around.nodes, ...around.edges]);
  });

  constructor(map: () => ArgMap, selected: () => string | undefined) {
    this.#map = map;
    this.#selected = selected;
  }

  /** Whether the search code has arrived (the index may still be being built). */
  get searchLoaded(): boolean {
    return this.#search !== undefined;
  }

  async loadSearch(): Promise<void> {
    this.#search = await loadSearch();
  }

  /** Builds the index of the map as it is now, a slice per task; a newer map's build supersedes it. */
  #buildIndex(search: SearchModule): void {
    const map = this.#map();
    const source: IndexSource = { nodes: map.nodes, actors: map.actors };
    const building = this.#building;
    if (building && building.nodes === source.nodes && building.actors === source.actors) return;
    if (this.#built && this.#built.nodes === source.nodes && this.#built.actors === source.actors) return;
    this.#building = source;
    const steps = search.searchIndexInSteps(map);
    const slice = (): void => {
      if (this.#building !== source) return;
      const deadline = performance.now() + INDEX_SLICE_MS;
      let step = steps.next();
      while (!step.done && performance.now() < deadline) step = steps.next();
      if (!step.done) {
        setTimeout(slice);
        return;
      }
      this.#building = undefined;
      this.#built = { ...source, index: step.value };
    };
    slice();
  }

  setFocusDepth(depth: number): void {
    this.focusDepth = clampFocusDepth(depth);
  }

  toggle<K extends keyof ViewFilter>(key: K, value: string): void {
    const next = new Set(this.filter[key]);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    this.filter = { ...this.filter, [key]: next };
  }

  toggleCollapsed(nodeId: string): void {
    const next = new Set(this.collapsed);
    if (next.has(nodeId)) next.delete(nodeId);
    else next.add(nodeId);
    this.collapsed = next;
  }

  startPath(nodeId: string): void {
    this.pathStart = nodeId;
    this.pathEnd = undefined;
  }

  /** Called with each new selection: the first one after "path from here" ends the path. */
  selectionChanged(nodeId: string | undefined): void {
    if (this.pathStart !== undefined && this.pathEnd === undefined && nodeId !== undefined && nodeId !== this.pathStart) this.pathEnd = nodeId;
  }

  clearPath(): void {
    this.pathStart = undefined;
    this.pathEnd = undefined;
  }

  /** Esc: back to the plain map. */
  clear(): void {
    this.query = '';
    this.clearPath();
  }

  reset(): void {
    this.clear();
    this.filter = SHOW_EVERYTHING;
    this.collapsed = new Set();
    this.focusDepth = 1;
  }
}
