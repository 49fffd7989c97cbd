/**
 * The map a person has open, with the view's choices (language, selection, hover)
 * and what went wrong on the last attempt to open a file. A failed open never
 * touches the map already open.
 *
 * Every way of opening a map (a file, a drop, a paste, the Argdown tab, a map handed over to the
 * presenter window) takes a ticket when it starts; only the newest ticket's map may land, so a
 * slow open that finishes after a later one is dropped rather than replacing the newer map. An
 * open that fails changes nothing, so it overtakes nothing either: an earlier one still under way
 * may still land.
 */
import type { LoadResult } from '../core/load-map.ts';
import type { WritableFile } from './file-access.ts';
import { indexMap, type ArgMap, type Language } from '../core/model.ts';
import type { Problem } from '../core/problems.ts';
import { buildRelationIndex } from '../core/relations.ts';
import { extentsOf, type Extent } from '../layout/node-boxes.ts';
import { measureMap, remeasureMap, type MapMeasures } from './map-reader.ts';

export interface OpenedMap {
  readonly map: ArgMap;
  /** Shown in messages and used to name exports, without its extension. */
  readonly name: string;
  /** The text of each source the map quotes, by source id, when it is at hand. */
  readonly sourceTexts: ReadonlyMap<string, string>;
  /** The argmap JSON file the map was opened from, when the browser lets argmap write it back. */
  readonly file?: WritableFile;
  /** Every node's boxes and every edge's links, when they were worked out as the file was read. */
  readonly measures?: MapMeasures;
  /**
   * The key of the map's document room (autosave, other tabs), for a map made or kept in this
   * browser; a map from a file has the key of its name and content (authoring.svelte.ts).
   */
  readonly roomKey?: string;
}

export interface OpenAttempt {
  readonly fileName: string;
  readonly problems: readonly Problem[];
  readonly opened: boolean;
  /**
   * What was attempted when it was not opening a file: writing one (refused because it would
   * not open again), or following a link that names no such place.
   */
  readonly action?: 'save' | 'link';
}

/**
 * An opened map with its measures, worked out by the reader or by the session; after an edit, with
 * the extents of its nodes too (worked out with the nodes measured again).
 */
type MeasuredMap = OpenedMap & { readonly measures: MapMeasures; readonly extents?: ReadonlyMap<string, Extent> };

function measured(opened: OpenedMap): MeasuredMap {
  return { ...opened, measures: opened.measures ?? measureMap(opened.map) };
}

export class MapSession {
  opened: MeasuredMap;
  language = $state<Language>('zh');
  selectedId = $state.raw<string | undefined>(undefined);
  /** Every selected node (shift-click, lasso), `selectedId` among them; empty when none is. */
  selectedIds = $state.raw<ReadonlySet<string>>(new Set());
  /** The selected edge: an edge is selected alone, never with nodes. */
  selectedEdgeId = $state.raw<string | undefined>(undefined);
  hoveredId = $state.raw<string | undefined>(undefined);
  lastAttempt = $state.raw<OpenAttempt | undefined>(undefined);
  /** What is being read for the newest open still under way, shown until it lands or fails. */
  reading = $state.raw<string | undefined>(undefined);
  #lastTicket = 0;
  /** The opens under way, by ticket, with what each reads (when it says). */
  #underWay = new Map<number, string | undefined>();
  /** The ticket of the map on screen, when it came from an open. */
  #landed = 0;

  readonly map = $derived.by(() => this.opened.map);
  readonly index = $derived(indexMap(this.map));
  readonly relations = $derived(buildRelationIndex(this.map));
  /**
   * The map as the layout sees it: the same object while the nodes, edges and actors are the
   * same arrays, so that editing tours or titles does not lay the map out again.
   */
  readonly graph = $derived.by(() => {
    const { nodes, edges, actors } = this.map;
    const previous = this.#graph;
    if (previous && previous.nodes === nodes && previous.edges === edges && previous.actors === actors) return previous;
    this.#graph = this.map;
    return this.map;
  });
  readonly boxesByLanguage = $derived.by(() => this.opened.measures.boxes);
  /** The links of `map.edges`, by the map's node order. */
  readonly links = $derived.by(() => this.opened.measures.links);
  readonly extents = $derived.by(() => this.opened.extents ?? extentsOf(this.boxesByLanguage));
  readonly boxes = $derived(this.boxesByLanguage[this.language]);
  readonly selectedNode = $derived(this.selectedId === undefined ? undefined : this.index.nodes.get(this.selectedId));

  #graph: ArgMap | undefined;
  /** Counts the files opened: a new file gets a fresh view, an edit of the same map keeps it. */
  generation = $state(0);

  constructor(initial: OpenedMap) {
    this.opened = $state.raw(measured(initial));
  }

  select(id: string | undefined): void {
    this.selectedId = id !== undefined && this.index.nodes.has(id) ? id : undefined;
    this.selectedIds = this.selectedId === undefined ? new Set() : new Set([this.selectedId]);
    this.selectedEdgeId = undefined;
  }

  /** Selects several nodes together; the first stays the one the inspector shows. */
  selectMany(ids: Iterable<string>): void {
    const kept = [...new Set(ids)].filter((id) => this.index.nodes.has(id));
    this.selectedId = kept[0];
    this.selectedIds = new Set(kept);
    this.selectedEdgeId = undefined;
  }

  /** Adds a node to the selection, or takes it out (shift-click). */
  toggleSelected(id: string): void {
    if (!this.index.nodes.has(id)) return;
    const next = new Set(this.selectedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selectedIds = next;
    this.selectedId = next.has(this.selectedId ?? '') ? this.selectedId : next.values().next().value;
    this.selectedEdgeId = undefined;
  }

  selectEdge(id: string | undefined): void {
    this.selectedEdgeId = id !== undefined && this.index.edges.has(id) ? id : undefined;
    this.selectedId = undefined;
    this.selectedIds = new Set();
  }

  /**
   * Starts an open: the ticket its result must show, and (for an open that takes a while) what
   * it reads, to show meanwhile. Any open under way is overtaken.
   */
  takeTicket(reading?: string): number {
    this.#lastTicket += 1;
    this.#underWay.set(this.#lastTicket, reading);
    this.#showReading();
    return this.#lastTicket;
  }

  /** Whether an open with this ticket may still land: no later open has landed or is under way. */
  isNewest(ticket: number): boolean {
    if (ticket <= this.#landed) return false;
    for (const other of this.#underWay.keys()) if (other > ticket) return false;
    return true;
  }

  /** An open that ended without a map to land (a text with errors): it overtakes nothing. */
  release(ticket: number): void {
    this.#underWay.delete(ticket);
    this.#showReading();
  }

  /** The newest open under way says what it reads, until it lands or fails. */
  #showReading(): void {
    const newest = Math.max(0, ...this.#underWay.keys());
    this.reading = this.#underWay.get(newest);
  }

  /** Ends an open: whether it may land, and if so, that its map is the one on screen now. */
  #land(ticket: number, succeeded: boolean): boolean {
    const newest = this.isNewest(ticket);
    this.#underWay.delete(ticket);
    if (newest && succeeded) this.#landed = ticket;
    this.#showReading();
    return newest;
  }

  /**
   * Takes the result of reading a file: a good map replaces the open one, a bad one only reports.
   * With a ticket that a later open has overtaken, nothing happens: false.
   */
  receive(fileName: string, result: LoadResult, file?: WritableFile, measures?: MapMeasures, ticket = this.takeTicket()): boolean {
    if (!this.#land(ticket, result.ok)) return false;
    if (result.ok) {
      this.#show({ map: result.map, name: fileName.replace(/\.[^.]*$/, ''), sourceTexts: new Map(), ...(file ? { file } : {}), ...(measures ? { measures } : {}) });
      this.lastAttempt = { fileName, problems: result.warnings, opened: true };
    } else {
      this.lastAttempt = { fileName, problems: result.problems, opened: false };
    }
    return true;
  }

  /**
   * Opens a map that was not read from a file (a new map, one from an article, one autosave
   * kept); false when a later open has overtaken it.
   */
  open(opened: OpenedMap, ticket = this.takeTicket()): boolean {
    if (!this.#land(ticket, true)) return false;
    this.#show(opened);
    this.lastAttempt = undefined;
    return true;
  }

  #show(opened: OpenedMap): void {
    this.opened = measured(opened);
    this.generation += 1;
    this.selectedId = undefined;
    this.selectedIds = new Set();
    this.selectedEdgeId = undefined;
    this.hoveredId = undefined;
  }

  /**
   * Replaces the open map with an edited version of it (tours, saved layout), keeping the view.
   * An edit that brings in a new map (the Argdown tab) passes its ticket, and is dropped when overtaken.
   */
  edit(map: ArgMap, ticket?: number): void {
    if (ticket !== undefined && !this.#land(ticket, true)) return;
    if (map === this.map) return;
    const sameDrawing = map.nodes === this.map.nodes && map.edges === this.map.edges && map.actors === this.map.actors;
    if (!sameDrawing) {
      const { extents, ...measures } = remeasureMap(map, this.map, this.opened.measures, this.extents);
      this.opened = { ...this.opened, map, measures, extents };
    } else this.opened = { ...this.opened, map };
    // What an edit took away (here or in another tab) leaves the selection.
    if (this.selectedId !== undefined && !this.index.nodes.has(this.selectedId)) this.selectedId = undefined;
    if ([...this.selectedIds].some((id) => !this.index.nodes.has(id))) this.selectedIds = new Set([...this.selectedIds].filter((id) => this.index.nodes.has(id)));
    if (this.selectedEdgeId !== undefined && !this.index.edges.has(this.selectedEdgeId)) this.selectedEdgeId = undefined;
  }

  /** Says why a file was not written: the reader would refuse it. The map stays as it is. */
  refuseSave(fileName: string, problems: readonly Problem[]): void {
    this.lastAttempt = { fileName, problems, opened: true, action: 'save' };
  }

  /** Says why a link could not be followed as it asked; the map stays as it is. */
  refuseLink(link: string, message: string): void {
    this.lastAttempt = { fileName: link, problems: [{ severity: 'error', message }], opened: true, action: 'link' };
  }

  dismissProblems(): void {
    this.lastAttempt = undefined;
  }
}
