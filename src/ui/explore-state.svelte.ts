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
import type { ArgMap } from '../core/model.ts';

type SearchModule = typeof import('../core/explore/search.ts');

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

  readonly searchIndex: SearchIndex | undefined = $derived.by(() => this.#search?.buildSearchIndex(this.#map()));
  /** The index is built at the first search, not when the module arrives: on a 20,000-node map that takes a few tenths of a second. */
  readonly results: readonly SearchResult[] = $derived.by(() =>
    this.query.trim() !== '' && this.#search && this.searchIndex ? this.#search.search(this.searchIndex, this.query) : [],
  );
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

  async loadSearch(): Promise<void> {
    this.#search = await loadSearch();
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
