/**
 * fast-check arbitraries of valid argmap maps, for any test that needs many of them: tricky ids
 * (`__proto__`, slashes, CJK, the longest allowed), both languages or one, actors, quotes,
 * positions, tags, every edge kind (answers to questions, undercuts of edges, linked groups),
 * tours and extensions. Every map they make passes the loader; texts are already clean, so a map
 * reads back equal to itself.
 */
import fc from 'fast-check';
import type { Actor, ArgEdge, ArgMap, ArgNode, Bilingual, EdgeKind, JsonData, NodeKind, Source, Tour, TourStep } from '../../src/core/model.ts';

const TEXT_UNITS = [...'abc xyz 论证图主张证据支持反驳，。？', '\n', '<script>', '&amp;', '"', '🙂', 'é', '\u200b', '  '];
const VISIBLE_UNITS = [...'aZ论图？1', '🙂'];

/** Text with at least one visible character, at most `maxUnits` pieces long. */
export const visibleText = (maxUnits = 8): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...VISIBLE_UNITS), fc.array(fc.constantFrom(...TEXT_UNITS), { maxLength: maxUnits })).map(([first, rest]) => first + rest.join(''));

export const bilingual: fc.Arbitrary<Bilingual> = fc.oneof(
  fc.record({ zh: visibleText(), en: visibleText() }),
  fc.record({ zh: visibleText() }),
  fc.record({ en: visibleText() }),
);

/** Ids a map may use; some of them are what a careless `{}` index would trip over. */
export const elementId: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'n/1~2', '节点', 'x'.repeat(200), ' ') },
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) },
);

const coordinate = fc.integer({ min: -1_000_000, max: 1_000_000 }).chain((whole) =>
  fc.constantFrom(0, 0.5, 0.25).map((fraction) => Math.max(-1_000_000, Math.min(1_000_000, whole + fraction))));

const jsonValue: fc.Arbitrary<JsonData> = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as JsonData);

interface NodePlan {
  readonly kind: NodeKind;
  readonly text: Bilingual;
  readonly actor: number | undefined;
  readonly quote: { readonly source: number; readonly text: string } | undefined;
  readonly position: { readonly x: number; readonly y: number } | undefined;
  readonly tags: readonly string[] | undefined;
  readonly section: string | undefined;
}

interface EdgePlan {
  readonly kind: EdgeKind;
  readonly from: number;
  readonly to: number;
  readonly group: boolean;
  readonly scheme: string | undefined;
}

interface StepPlan {
  readonly reveal: readonly number[];
  readonly focus: readonly number[];
  readonly camera: { readonly x: number; readonly y: number; readonly zoom: number } | undefined;
  readonly caption: Bilingual;
  readonly notes: Bilingual | undefined;
}

const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined });

export interface MapSize {
  readonly maxNodes?: number;
  readonly maxEdges?: number;
  readonly maxTours?: number;
}

export function arbitraryMap({ maxNodes = 10, maxEdges = 14, maxTours = 2 }: MapSize = {}): fc.Arbitrary<ArgMap> {
  const nodePlan: fc.Arbitrary<NodePlan> = fc.record({
    kind: fc.constantFrom<NodeKind>('question', 'claim', 'evidence'),
    text: bilingual,
    actor: optional(fc.nat()),
    quote: optional(fc.record({ source: fc.nat(), text: visibleText(4) })),
    position: optional(fc.record({ x: coordinate, y: coordinate })),
    tags: optional(fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 })),
    section: optional(visibleText(3)),
  });
  const edgePlan: fc.Arbitrary<EdgePlan> = fc.record({
    kind: fc.constantFrom<EdgeKind>('support', 'attack', 'undercut', 'answer', 'rephrase'),
    from: fc.nat(),
    to: fc.nat(),
    group: fc.boolean(),
    scheme: optional(fc.constantFrom('Expert Opinion', 'Analogy')),
  });
  const stepPlan: fc.Arbitrary<StepPlan> = fc.record({
    reveal: fc.array(fc.nat(), { maxLength: 3 }),
    focus: fc.array(fc.nat(), { maxLength: 2 }),
    camera: optional(fc.record({ x: coordinate, y: coordinate, zoom: fc.constantFrom(0.25, 1, 3, 100) })),
    caption: bilingual,
    notes: optional(bilingual),
  });
  return fc.record({
    title: bilingual,
    elementIds: fc.uniqueArray(elementId, { minLength: 1, maxLength: maxNodes + maxEdges }),
    nodeCount: fc.integer({ min: 1, max: maxNodes }),
    nodes: fc.array(nodePlan, { minLength: 1, maxLength: maxNodes }),
    edges: fc.array(edgePlan, { maxLength: maxEdges }),
    actors: fc.uniqueArray(fc.record({ id: elementId, name: bilingual, affiliation: optional(bilingual) }), { selector: (actor) => actor.id, maxLength: 3 }),
    sources: fc.uniqueArray(fc.record({ id: elementId, title: bilingual, url: optional(fc.constantFrom('https://example.org/a', 'http://example.com/b?c=d')) }), { selector: (source) => source.id, maxLength: 2 }),
    tours: optional(fc.uniqueArray(fc.record({ id: elementId, title: bilingual, steps: fc.array(stepPlan, { minLength: 1, maxLength: 3 }) }), { selector: (tour) => tour.id, maxLength: maxTours })),
    extensions: optional(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), jsonValue), { selector: ([namespace]) => namespace, maxLength: 3 })),
  }).map((plan) => {
    const actors: Actor[] = plan.actors.map(({ id, name, affiliation }) => ({ id, name, ...(affiliation ? { affiliation } : {}) }));
    const sources: Source[] = plan.sources.map(({ id, title, url }) => ({ id, title, ...(url ? { url } : {}) }));
    const nodeIds = plan.elementIds.slice(0, Math.min(plan.nodeCount, plan.elementIds.length));
    const nodes: ArgNode[] = nodeIds.map((id, index) => buildNode(id, plan.nodes[index % plan.nodes.length]!, actors, sources));
    const edges = buildEdges(plan.elementIds.slice(nodeIds.length), plan.edges, nodes);
    const elements = [...nodes.map((node) => node.id), ...edges.map((edge) => edge.id)];
    const tours = plan.tours?.map((tour): Tour => ({ id: tour.id, title: tour.title, steps: tour.steps.map((step) => buildStep(step, elements)) }));
    return {
      schemaVersion: 1,
      title: plan.title,
      sources,
      actors,
      nodes,
      edges,
      ...(tours !== undefined ? { tours } : {}),
      ...(plan.extensions !== undefined ? { extensions: new Map(plan.extensions) } : {}),
    };
  });
}

function buildNode(id: string, plan: NodePlan, actors: readonly Actor[], sources: readonly Source[]): ArgNode {
  const actor = plan.actor !== undefined && actors.length > 0 ? actors[plan.actor % actors.length]!.id : undefined;
  const quote = plan.quote !== undefined && sources.length > 0 ? { source: sources[plan.quote.source % sources.length]!.id, text: plan.quote.text } : undefined;
  return {
    id,
    kind: plan.kind,
    text: plan.text,
    ...(actor !== undefined ? { actor } : {}),
    ...(quote !== undefined ? { quote } : {}),
    ...(plan.position !== undefined ? { position: plan.position } : {}),
    ...(plan.tags !== undefined ? { tags: plan.tags } : {}),
    ...(plan.section !== undefined ? { section: plan.section } : {}),
  };
}

/** Each plan becomes the edge of its kind where the map allows one, else a support or attack. */
function buildEdges(ids: readonly string[], plans: readonly EdgePlan[], nodes: readonly ArgNode[]): ArgEdge[] {
  const edges: ArgEdge[] = [];
  const questions = nodes.filter((node) => node.kind === 'question');
  if (nodes.length < 2) return edges;
  ids.forEach((id, index) => {
    const plan = plans[index];
    if (plan === undefined) return;
    const from = nodes[plan.from % nodes.length]!;
    const others = nodes.filter((node) => node !== from);
    const answerable = questions.filter((node) => node !== from);
    const attackable = edges.filter((edge) => edge.kind !== 'undercut');
    let kind = plan.kind;
    if (kind === 'answer' && answerable.length === 0) kind = 'support';
    if (kind === 'undercut' && attackable.length === 0) kind = 'attack';
    const to = kind === 'undercut' ? attackable[plan.to % attackable.length]!.id
      : kind === 'answer' ? answerable[plan.to % answerable.length]!.id
      : others[plan.to % others.length]!.id;
    // A linked argument's edges all support one conclusion, so the group is named after it.
    const group = plan.group && kind === 'support' ? `group-${nodes.findIndex((node) => node.id === to)}` : undefined;
    edges.push({ id, from: from.id, to, kind, ...(group !== undefined ? { group } : {}), ...(plan.scheme !== undefined ? { scheme: plan.scheme } : {}) });
  });
  return edges;
}

function buildStep(plan: StepPlan, elements: readonly string[]): TourStep {
  const pick = (indices: readonly number[]) => (elements.length === 0 ? [] : indices.map((index) => elements[index % elements.length]!));
  return {
    reveal: pick(plan.reveal),
    focus: pick(plan.focus),
    ...(plan.camera !== undefined ? { camera: plan.camera } : {}),
    caption: plan.caption,
    ...(plan.notes !== undefined ? { notes: plan.notes } : {}),
  };
}
