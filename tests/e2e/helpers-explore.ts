/**
 * Helpers for the explore, status, presentation and tour tests: a `test` that fails on any
 * uncaught exception or console error in any page of its context, the seed's tours read from
 * disk, and small independent implementations of the rules the app follows (neighbourhoods,
 * paths, collapsing, grounded labels, tour steps), written from the documented rules rather
 * than from the app's code, so the tests can disagree with it.
 */
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { loadSeed, revealNode, type Bilingual, type SeedEdge, type SeedMap, type SeedNode } from './helpers.ts';

// ---------------------------------------------------------------------------------------------
// A test that watches every page of its browser context

export interface ContextProblems {
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

export const test = base.extend<{ problems: ContextProblems }>({
  problems: [
    async ({ context }, use) => {
      const problems: ContextProblems = { pageErrors: [], consoleErrors: [] };
      const watch = (page: Page): void => {
        page.on('pageerror', (error) => problems.pageErrors.push(`${page.url()}: ${error.message}\n${error.stack ?? ''}`));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${message.text()} @ ${message.location().url}`);
        });
      };
      for (const page of context.pages()) watch(page);
      context.on('page', watch);
      await use(problems);
      expect(problems.pageErrors, 'uncaught exceptions in the page').toEqual([]);
      expect(problems.consoleErrors, 'console errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

// ---------------------------------------------------------------------------------------------
// The seed, with its tours

export interface SeedCamera {
  x: number;
  y: number;
  zoom: number;
}

export interface SeedStep {
  reveal?: string[];
  focus?: string[];
  camera?: SeedCamera;
  caption: Bilingual;
  notes?: Bilingual;
}

export interface SeedTour {
  id: string;
  title: Bilingual;
  steps: SeedStep[];
}

export interface SeedMapWithTours extends SeedMap {
  tours?: SeedTour[];
}

export interface SavedNode extends SeedNode {
  position?: { x: number; y: number };
}

export function loadSeedWithTours(): SeedMapWithTours {
  return loadSeed() as SeedMapWithTours;
}

export function tourById(map: SeedMapWithTours, id: string): SeedTour {
  const tour = map.tours?.find((candidate) => candidate.id === id);
  if (!tour) throw new Error(`no tour ${id} in the map`);
  return tour;
}

export function nodesOfActor(map: SeedMap, actorId: string): string[] {
  return map.nodes.filter((node) => node.actor === actorId).map((node) => node.id);
}

export function actorName(map: SeedMap, actorId: string, language: 'zh' | 'en' = 'zh'): string {
  const actor = map.actors.find((candidate) => candidate.id === actorId);
  if (!actor) throw new Error(`no actor ${actorId}`);
  return actor.name[language] ?? '';
}

// ---------------------------------------------------------------------------------------------
// The graph rules, written out from the documentation

function edgeIndex(map: SeedMap): Map<string, SeedEdge> {
  return new Map(map.edges.map((edge) => [edge.id, edge]));
}

/**
 * The nodes an edge joins to its author: its `to`, or for an undercut the two ends of the
 * inference it attacks.
 */
function otherEnds(edge: SeedEdge, edges: Map<string, SeedEdge>): string[] {
  if (edge.kind !== 'undercut') return [edge.to];
  const attacked = edges.get(edge.to);
  return attacked && attacked.kind !== 'undercut' ? [attacked.from, attacked.to] : [];
}

/** Undirected adjacency: every pair of nodes one edge joins. */
export function adjacency(map: SeedMap): Map<string, Set<string>> {
  const edges = edgeIndex(map);
  const result = new Map<string, Set<string>>(map.nodes.map((node) => [node.id, new Set<string>()]));
  for (const edge of map.edges) {
    for (const end of otherEnds(edge, edges)) {
      if (end === edge.from) continue;
      result.get(edge.from)?.add(end);
      result.get(end)?.add(edge.from);
    }
  }
  return result;
}

/** Breadth-first distances from a node, walking edges either way. */
export function distancesFrom(map: SeedMap, start: string): Map<string, number> {
  const links = adjacency(map);
  const distance = new Map<string, number>([[start, 0]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const other of links.get(current) ?? []) {
      if (distance.has(other)) continue;
      distance.set(other, distance.get(current)! + 1);
      queue.push(other);
    }
  }
  return distance;
}

export function neighbourhoodNodes(map: SeedMap, centre: string, depth: number): Set<string> {
  return new Set([...distancesFrom(map, centre)].filter(([, distance]) => distance <= depth).map(([id]) => id));
}

/** The nodes an edge "leads to" (its parent): `to`, or for an undercut the attacked inference's conclusion. */
export function parentsOf(map: SeedMap): Map<string, Set<string>> {
  const edges = edgeIndex(map);
  const parents = new Map<string, Set<string>>(map.nodes.map((node) => [node.id, new Set<string>()]));
  for (const edge of map.edges) {
    const parent = edge.kind === 'undercut' ? edges.get(edge.to)?.to : edge.to;
    if (parent !== undefined && parent !== edge.from && parents.has(parent)) parents.get(edge.from)?.add(parent);
  }
  return parents;
}

export function childrenOf(map: SeedMap): Map<string, Set<string>> {
  const children = new Map<string, Set<string>>(map.nodes.map((node) => [node.id, new Set<string>()]));
  for (const [child, parents] of parentsOf(map)) for (const parent of parents) children.get(parent)?.add(child);
  return children;
}

/**
 * What collapsing one node hides: the nodes under it (reached by walking to children) that no
 * root (a question, or a node that leads nowhere) reaches without passing through it.
 */
export function hiddenByCollapsing(map: SeedMap, collapsed: string): Set<string> {
  const parents = parentsOf(map);
  const children = childrenOf(map);
  const roots = map.nodes.filter((node) => node.kind === 'question' || (parents.get(node.id)?.size ?? 0) === 0).map((node) => node.id);
  const walk = (starts: Iterable<string>, stop: string | undefined): Set<string> => {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (id === stop) continue;
      stack.push(...(children.get(id) ?? []));
    }
    return seen;
  };
  const reachable = walk(roots, collapsed);
  const under = walk(children.get(collapsed) ?? [], undefined);
  return new Set([...under].filter((id) => !reachable.has(id)));
}

/**
 * The edges drawn among shown nodes: both ends shown, and for an undercut its author shown and
 * the edge it attacks drawn. `admits` can refuse edges (a hidden relation kind).
 */
export function edgesAmong(map: SeedMap, nodes: ReadonlySet<string>, admits: (edge: SeedEdge) => boolean = () => true): Set<string> {
  const edges = edgeIndex(map);
  const drawn = new Set<string>();
  for (const edge of map.edges) if (edge.kind !== 'undercut' && admits(edge) && nodes.has(edge.from) && nodes.has(edge.to)) drawn.add(edge.id);
  for (const edge of map.edges) {
    if (edge.kind !== 'undercut' || !admits(edge) || !nodes.has(edge.from)) continue;
    const attacked = edges.get(edge.to);
    if (attacked && drawn.has(attacked.id)) drawn.add(edge.id);
  }
  return drawn;
}

// ---------------------------------------------------------------------------------------------
// Grounded labelling (Dung), over the attack edges

export type Label = 'IN' | 'OUT' | 'UNDEC';

/**
 * The grounded labelling of the nodes with their attack edges, under assumptions: an accepted
 * node is IN and a rejected one OUT whatever attacks them. An undercut of a support or answer
 * edge cannot change any node's status (the inference it attacks attacks nothing), so only
 * attack edges count; `groundedLabels` refuses a map with an undercut of an attack edge.
 */
export function groundedLabels(map: SeedMap, assumptions: ReadonlyMap<string, 'accepted' | 'rejected'> = new Map()): Map<string, Label> {
  const edges = edgeIndex(map);
  for (const edge of map.edges) {
    if (edge.kind === 'undercut' && edges.get(edge.to)?.kind === 'attack') throw new Error(`undercut ${edge.id} of an attack: this little labelling does not model it`);
  }
  const attackers = new Map<string, string[]>(map.nodes.map((node) => [node.id, []]));
  for (const edge of map.edges) if (edge.kind === 'attack') attackers.get(edge.to)?.push(edge.from);
  const labels = new Map<string, Label>();
  for (const [id, assumption] of assumptions) labels.set(id, assumption === 'accepted' ? 'IN' : 'OUT');
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of map.nodes) {
      if (labels.has(node.id)) continue;
      const around = attackers.get(node.id) ?? [];
      if (around.every((attacker) => labels.get(attacker) === 'OUT')) labels.set(node.id, 'IN');
      else if (around.some((attacker) => labels.get(attacker) === 'IN')) labels.set(node.id, 'OUT');
      else continue;
      changed = true;
    }
  }
  for (const node of map.nodes) if (!labels.has(node.id)) labels.set(node.id, 'UNDEC');
  return labels;
}

/** Whether the attack edges among nodes form a cycle (then the semantics may differ). */
export function attacksHaveCycle(map: SeedMap): boolean {
  const targets = new Map<string, string[]>();
  for (const edge of map.edges) if (edge.kind === 'attack') targets.set(edge.from, [...(targets.get(edge.from) ?? []), edge.to]);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'open') return true;
    state.set(id, 'open');
    const cyclic = (targets.get(id) ?? []).some(visit);
    state.set(id, 'done');
    return cyclic;
  };
  return map.nodes.some((node) => visit(node.id));
}

// ---------------------------------------------------------------------------------------------
// Tour steps, by the schema's rules

/** The nodes a list of ids stands for: a node itself; an edge, its ends (an undercut, its author and the attacked edge's ends). */
function endsOf(map: SeedMap, ids: Iterable<string>): Set<string> {
  const nodeIds = new Set(map.nodes.map((node) => node.id));
  const edges = edgeIndex(map);
  const result = new Set<string>();
  const visit = (id: string, depth: number): void => {
    if (nodeIds.has(id)) result.add(id);
    else if (depth < 4) {
      const edge = edges.get(id);
      if (edge) {
        visit(edge.from, depth + 1);
        visit(edge.to, depth + 1);
      }
    }
  };
  for (const id of ids) visit(id, 0);
  return result;
}

export interface Shown {
  nodes: Set<string>;
  edges: Set<string>;
}

/** What step `index` (0-based) of a tour shows: everything revealed or focused up to it; edges between shown ends. */
export function stepShown(map: SeedMap, steps: readonly SeedStep[], index: number): Shown {
  const nodes = endsOf(map, steps.slice(0, index + 1).flatMap((step) => [...(step.reveal ?? []), ...(step.focus ?? [])]));
  return { nodes, edges: edgesAmong(map, nodes) };
}

// ---------------------------------------------------------------------------------------------
// Reading and driving the live page

export const MAP_NODES = 'svg.map g[data-node-id]';
/** Every drawn line; one line stands for two attacks both ways and names the second in data-partner-edge-id. */
export const MAP_EDGES = 'svg.map [data-edge-id]';

export async function drawnNodeIds(page: Page): Promise<string[]> {
  return page.locator(MAP_NODES).evaluateAll((groups) => groups.map((group) => group.getAttribute('data-node-id') ?? '').sort());
}

/** The edges drawn, counting both attacks of a two-way line. */
export async function drawnEdgeIds(page: Page): Promise<string[]> {
  return page
    .locator(MAP_EDGES)
    .evaluateAll((lines) => lines.flatMap((line) => [line.getAttribute('data-edge-id') ?? '', ...(line.hasAttribute('data-partner-edge-id') ? [line.getAttribute('data-partner-edge-id') ?? ''] : [])]).sort());
}

export function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** Ids of the drawn nodes at full opacity (not faded). */
export async function litNodeIds(page: Page): Promise<string[]> {
  return page.locator(MAP_NODES).evaluateAll((groups) => groups.filter((group) => group.getAttribute('opacity') === '1').map((group) => group.getAttribute('data-node-id') ?? '').sort());
}

export function mapNode(page: Page, id: string): Locator {
  return page.locator(`svg.map g[data-node-id="${id}"]`);
}

/** Moves the pointer off the map (onto the page header), so no hover lights nodes. */
export async function pointerOffMap(page: Page): Promise<void> {
  await page.mouse.move(4, 4);
}

/** Selects a node from the keyboard: focus it, press Enter. */
export async function selectByKeyboard(page: Page, id: string): Promise<void> {
  await mapNode(page, id).focus();
  await page.keyboard.press('Enter');
  await expect(mapNode(page, id)).toHaveAttribute('aria-pressed', 'true');
}

/** A side-panel tab by its label. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** A group (fieldset) of the explore panel by its legend. */
export function group(page: Page, name: string): Locator {
  return page.getByRole('group', { name, exact: true });
}

/** Clicks a node on the map (panning it into view first) and moves the pointer off the map again. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const point = await revealNode(page, id);
  await page.mouse.click(point.x, point.y);
  await expect(mapNode(page, id)).toHaveAttribute('aria-pressed', 'true');
  await pointerOffMap(page);
}
