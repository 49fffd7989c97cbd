/** Writes a validated map back to argmap JSON, field by field, in a stable order. */
import type { ArgMap, Bilingual, Tour } from './model.ts';

export const SCHEMA_REFERENCE = './argmap.schema.json';

function bilingual(text: Bilingual): Bilingual {
  return { ...(text.zh !== undefined ? { zh: text.zh } : {}), ...(text.en !== undefined ? { en: text.en } : {}) };
}

export function mapToJsonValue(map: ArgMap): unknown {
  return {
    $schema: SCHEMA_REFERENCE,
    schemaVersion: map.schemaVersion,
    title: bilingual(map.title),
    sources: map.sources.map((source) => ({
      id: source.id,
      title: bilingual(source.title),
      ...(source.file !== undefined ? { file: source.file } : {}),
      ...(source.url !== undefined ? { url: source.url } : {}),
    })),
    actors: map.actors.map((actor) => ({
      id: actor.id,
      name: bilingual(actor.name),
      ...(actor.affiliation ? { affiliation: bilingual(actor.affiliation) } : {}),
    })),
    nodes: map.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      text: bilingual(node.text),
      ...(node.actor !== undefined ? { actor: node.actor } : {}),
      ...(node.quote ? { quote: { source: node.quote.source, text: node.quote.text } } : {}),
      ...(node.position ? { position: { x: node.position.x, y: node.position.y } } : {}),
      ...(node.tags ? { tags: [...node.tags] } : {}),
      ...(node.section !== undefined ? { section: node.section } : {}),
    })),
    edges: map.edges.map((edge) => ({
      id: edge.id,
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      ...(edge.group !== undefined ? { group: edge.group } : {}),
      ...(edge.scheme !== undefined ? { scheme: edge.scheme } : {}),
    })),
    ...(map.tours ? { tours: map.tours.map(tourToJson) } : {}),
    ...(map.extensions ? { extensions: Object.fromEntries(map.extensions) } : {}),
  };
}

function tourToJson(tour: Tour): unknown {
  return {
    id: tour.id,
    title: bilingual(tour.title),
    steps: tour.steps.map((step) => ({
      ...(step.reveal.length > 0 ? { reveal: [...step.reveal] } : {}),
      ...(step.focus.length > 0 ? { focus: [...step.focus] } : {}),
      ...(step.camera ? { camera: { x: step.camera.x, y: step.camera.y, zoom: step.camera.zoom } } : {}),
      caption: bilingual(step.caption),
      ...(step.notes ? { notes: bilingual(step.notes) } : {}),
    })),
  };
}

export function serializeMap(map: ArgMap, indent = 2): string {
  return `${JSON.stringify(mapToJsonValue(map), null, indent)}\n`;
}
