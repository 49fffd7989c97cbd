/**
 * GraphML for Gephi and yEd, from a map's data and its node positions (never the live DOM).
 * Every node carries its kind, both texts, its speaker and its place (`x`, `y`, which Gephi reads
 * as the position); yEd's own `nodegraphics` data adds a box with the label at that place. Every
 * edge carries its kind and group. GraphML edges join nodes only, so an undercut (which attacks
 * another edge) is drawn to the attacked edge's conclusion, with the edge's id in `undercuts`.
 * Every string passes through escapeXml.
 */
import { indexMap, inLanguage, type ArgMap, type Language } from '../core/model.ts';
import type { Position } from '../layout/layout-node.ts';
import { measureNodes } from '../layout/node-boxes.ts';
import { escapeXml, formatNumber } from './xml.ts';

export interface GraphmlOptions {
  /** The language of the `label`, which Gephi and yEd show. */
  readonly language: Language;
}

interface Key {
  readonly id: string;
  readonly for: 'node' | 'edge' | 'graph';
  readonly name: string;
  readonly type: 'string' | 'double';
}

export const GRAPHML_KEYS: readonly Key[] = [
  { id: 'title', for: 'graph', name: 'title', type: 'string' },
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'text_zh', for: 'node', name: 'text_zh', type: 'string' },
  { id: 'text_en', for: 'node', name: 'text_en', type: 'string' },
  { id: 'speaker', for: 'node', name: 'speaker', type: 'string' },
  { id: 'x', for: 'node', name: 'x', type: 'double' },
  { id: 'y', for: 'node', name: 'y', type: 'double' },
  { id: 'edge_kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'group', for: 'edge', name: 'group', type: 'string' },
  { id: 'undercuts', for: 'edge', name: 'undercuts', type: 'string' },
];

const NODE_FILLS = { question: '#E8EEF7', claim: '#FFFFFF', evidence: '#EEF7EE' } as const;

function data(key: string, value: string | undefined): string {
  return value === undefined || value === '' ? '' : `<data key="${key}">${escapeXml(value)}</data>`;
}

export function buildGraphml(map: ArgMap, positions: readonly Position[], options: GraphmlOptions): string {
  const { language } = options;
  const { actors, edges: edgesById } = indexMap(map);
  const placed = new Map(positions.map((position) => [position.id, position]));
  const boxes = measureNodes(map, language);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    ...GRAPHML_KEYS.map((key) => `  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>`),
    '  <key id="graphics" for="node" yfiles.type="nodegraphics"/>',
    `  <graph id="argmap" edgedefault="directed">`,
    `    ${data('title', inLanguage(map.title, language))}`,
  ];
  for (const node of map.nodes) {
    const position = placed.get(node.id) ?? node.position ?? { x: 0, y: 0 };
    const box = boxes.get(node.id);
    const width = box?.width ?? 120;
    const height = box?.height ?? 40;
    const label = inLanguage(node.text, language);
    const actor = node.actor === undefined ? undefined : actors.get(node.actor);
    const graphics =
      `<data key="graphics"><y:ShapeNode><y:Geometry x="${formatNumber(position.x - width / 2)}" y="${formatNumber(position.y - height / 2)}" width="${formatNumber(width)}" height="${formatNumber(height)}"/>` +
      `<y:Fill color="${NODE_FILLS[node.kind]}"/><y:NodeLabel>${escapeXml(label)}</y:NodeLabel>` +
      `<y:Shape type="${node.kind === 'question' ? 'ellipse' : 'roundrectangle'}"/></y:ShapeNode></data>`;
    lines.push(
      `    <node id="${escapeXml(node.id)}">${[
        data('label', label),
        data('kind', node.kind),
        data('text_zh', node.text.zh),
        data('text_en', node.text.en),
        data('speaker', actor === undefined ? undefined : inLanguage(actor.name, language)),
        data('x', formatNumber(position.x)),
        data('y', formatNumber(position.y)),
        graphics,
      ].join('')}</node>`,
    );
  }
  for (const edge of map.edges) {
    const target = edge.kind === 'undercut' ? edgesById.get(edge.to)?.to ?? edge.to : edge.to;
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.from)}" target="${escapeXml(target)}">${[
        data('edge_kind', edge.kind),
        data('group', edge.group),
        data('undercuts', edge.kind === 'undercut' ? edge.to : undefined),
      ].join('')}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
