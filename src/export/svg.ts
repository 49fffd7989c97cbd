/**
 * Builds a standalone SVG of a map from its data and node positions (never from the
 * live DOM): inline styles, a title and a legend, the map's JSON in <metadata> so the
 * file can be reopened, and every piece of map text escaped by `escapeXml`.
 */
import { EDGE_KINDS, inLanguage, NODE_KINDS, type ArgMap, type EdgeKind, type Language, type NodeKind } from '../core/model.ts';
import { MUTUAL_ATTACK_LABEL } from '../core/mutual-attacks.ts';
import { serializeMap } from '../core/serialize.ts';
import {
  BACKGROUND_COLOUR, CAPTION_COLOUR, CAPTION_FONT_SIZE, EDGE_APPEARANCE, FONT_FAMILY, NODE_APPEARANCE, TEXT_COLOUR,
} from '../layout/appearance.ts';
import { contentBounds } from '../layout/bounds.ts';
import { edgeSegments } from '../layout/edge-geometry.ts';
import type { Position } from '../layout/layout-node.ts';
import { labelLayout, markerFill, markerPath, MARKER_SIZE, nodeOutline, type Rect } from '../layout/shapes.ts';
import { measureNodes } from '../layout/node-boxes.ts';
import { escapeXml, formatNumber as n } from './xml.ts';

export interface SvgExportOptions {
  readonly language: Language;
  /** Draw only these nodes and edges (a tour step, a filtered view); everything when absent. */
  readonly shown?: { readonly nodes: ReadonlySet<string>; readonly edges: ReadonlySet<string> };
  /** Stress these nodes and edges; the rest of what is drawn fades. */
  readonly focus?: ReadonlySet<string>;
  /** A line under the title, such as a tour step's caption. */
  readonly subtitle?: string;
}

const FADED_OPACITY = 0.3;

const MARGIN = 40;
const HEADER_HEIGHT = 96;
const SUBTITLE_OFFSET = 30;
const LEGEND_ITEM_WIDTH = 118;


function rect(shape: Rect, attributes: string): string {
  return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" rx="${n(shape.rx)}" ${attributes}/>`;
}

function outline(kind: NodeKind, width: number, height: number): string {
  const shape = nodeOutline(kind, width, height);
  const stroke = `stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"`;
  return rect(shape.outer, `fill="${shape.fill}" ${stroke}`) + (shape.inner ? rect(shape.inner, `fill="none" ${stroke}`) : '');
}

function markerDefinitions(): string {
  return EDGE_KINDS.map((kind) => marker(`arrow-${kind}`, kind, 'auto')).join('') + marker('arrow-start-attack', 'attack', 'auto-start-reverse');
}

/** `auto-start-reverse` turns the marker at a line's start to face back along it. */
function marker(id: string, kind: EdgeKind, orient: 'auto' | 'auto-start-reverse'): string {
  const look = EDGE_APPEARANCE[kind];
  return `<marker id="${id}" viewBox="0 0 ${MARKER_SIZE} ${MARKER_SIZE}" refX="${MARKER_SIZE}" refY="${MARKER_SIZE / 2}" markerWidth="${MARKER_SIZE}" markerHeight="${MARKER_SIZE}" markerUnits="userSpaceOnUse" orient="${orient}"><path d="${markerPath(look.marker)}" fill="${markerFill(look)}" stroke="${look.colour}" stroke-width="2"/></marker>`;
}

function styleSheet(language: Language): string {
  return [
    // CJK fonts draw ’ and “ full-width; English text asks for their proportional forms.
    ...(language === 'en' ? ["text{font-variant-east-asian:proportional-width;font-feature-settings:'pwid'}"] : []),
    `svg{font-family:${FONT_FAMILY};background:${BACKGROUND_COLOUR}}`,
    `text{fill:${TEXT_COLOUR};unicode-bidi:plaintext}`,
    `.caption{fill:${CAPTION_COLOUR};font-size:${CAPTION_FONT_SIZE}px}`,
    '.title{font-size:22px;font-weight:700}',
    '.subtitle{font-size:17px}',
    '.legend text{font-size:12.5px}',
  ].join('');
}

function legend(x: number, y: number, language: Language): string {
  const items: string[] = [];
  let offset = 0;
  for (const kind of NODE_KINDS) {
    const look = NODE_APPEARANCE[kind];
    items.push(`<g transform="translate(${n(x + offset)},${n(y)})">${outline(kind, 34, 18)}<text x="24" y="4.5">${escapeXml(inLanguage(look.label, language))}</text></g>`);
    offset += LEGEND_ITEM_WIDTH - 20;
  }
  for (const kind of EDGE_KINDS) {
    const look = EDGE_APPEARANCE[kind];
    items.push(`<g transform="translate(${n(x + offset)},${n(y)})"><line x1="-14" y1="0" x2="22" y2="0" stroke="${look.colour}" stroke-width="${look.width}" stroke-dasharray="${look.dash}" marker-end="url(#arrow-${kind})"/><text x="28" y="4.5">${escapeXml(inLanguage(look.label, language))}</text></g>`);
    offset += LEGEND_ITEM_WIDTH;
  }
  const attack = EDGE_APPEARANCE.attack;
  items.push(`<g class="legend-mutual" transform="translate(${n(x + offset)},${n(y)})"><line x1="-14" y1="0" x2="22" y2="0" stroke="${attack.colour}" stroke-width="${attack.width}" stroke-dasharray="${attack.dash}" marker-start="url(#arrow-start-attack)" marker-end="url(#arrow-attack)"/><text x="28" y="4.5">${escapeXml(inLanguage(MUTUAL_ATTACK_LABEL, language))}</text></g>`);
  return `<g class="legend">${items.join('')}</g>`;
}

export function buildSvg(map: ArgMap, positions: readonly Position[], options: SvgExportOptions): string {
  const { language, shown, focus, subtitle } = options;
  const boxes = measureNodes(map, language);
  const drawnPositions = shown ? positions.filter((position) => shown.nodes.has(position.id)) : positions;
  const positionById = new Map(drawnPositions.map((position) => [position.id, position]));
  const drawnEdges = shown ? map.edges.filter((edge) => shown.edges.has(edge.id)) : map.edges;
  const fade = (id: string) => (focus && !focus.has(id) ? ` opacity="${FADED_OPACITY}"` : '');
  const bounds = contentBounds(drawnPositions, boxes, MARGIN);
  // The edge kinds, and one line for attacks both ways.
  const legendWidth = NODE_KINDS.length * (LEGEND_ITEM_WIDTH - 20) + (EDGE_KINDS.length + 1) * LEGEND_ITEM_WIDTH;
  const width = Math.max(bounds.width, legendWidth + 2 * MARGIN);
  const left = bounds.x - (width - bounds.width) / 2;
  const header = HEADER_HEIGHT + (subtitle === undefined ? 0 : SUBTITLE_OFFSET);
  const top = bounds.y - header;
  const height = bounds.height + header;
  const title = inLanguage(map.title, language);

  const edges = edgeSegments(drawnEdges, positionById, boxes).map((segment) => {
    const look = EDGE_APPEARANCE[segment.kind];
    // One line for two attacks both ways: it names both, and is stressed when either is.
    const partner = segment.partnerId;
    const twoWay = partner === undefined ? '' : ` data-partner-edge-id="${escapeXml(partner)}" marker-start="url(#arrow-start-attack)"`;
    const faded = partner !== undefined && focus?.has(partner) ? '' : fade(segment.id);
    return `<line class="edge edge-${segment.kind}${partner === undefined ? '' : ' edge-mutual'}" data-edge-id="${escapeXml(segment.id)}"${twoWay}${faded} x1="${n(segment.x1)}" y1="${n(segment.y1)}" x2="${n(segment.x2)}" y2="${n(segment.y2)}" stroke="${look.colour}" stroke-width="${look.width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''} marker-end="url(#arrow-${segment.kind})"/>`;
  });

  const nodes = map.nodes.flatMap((node) => {
    const position = positionById.get(node.id);
    const box = boxes.get(node.id);
    if (!position || !box) return [];
    const layout = labelLayout(box);
    const lines = box.lines.map((line, index) => `<tspan x="0" y="${n(layout.firstBaseline + index * layout.lineHeight)}">${escapeXml(line)}</tspan>`).join('');
    const caption = box.caption === undefined ? '' : `<text class="caption" x="0" y="${n(layout.captionBaseline)}" text-anchor="middle">${escapeXml(box.caption)}</text>`;
    const tooltip = `<title>${escapeXml(inLanguage(node.text, language))}</title>`;
    return [`<g class="node node-${node.kind}" data-node-id="${escapeXml(node.id)}"${fade(node.id)} transform="translate(${n(position.x)},${n(position.y)})">${tooltip}${outline(node.kind, box.width, box.height)}<text text-anchor="middle" font-size="${layout.fontSize}">${lines}</text>${caption}</g>`];
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="${n(left)} ${n(top)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="argmap-title">\n`,
    `<title id="argmap-title">${escapeXml(title)}</title>\n`,
    `<metadata id="argmap-data" data-format="argmap+json">${escapeXml(serializeMap(map, 0))}</metadata>\n`,
    `<style>${styleSheet(language)}</style>\n`,
    `<defs>${markerDefinitions()}</defs>\n`,
    `<rect x="${n(left)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" fill="${BACKGROUND_COLOUR}"/>\n`,
    `<text class="title" x="${n(left + MARGIN)}" y="${n(top + MARGIN)}">${escapeXml(title)}</text>\n`,
    subtitle === undefined ? '' : `<text class="subtitle" x="${n(left + MARGIN)}" y="${n(top + MARGIN + SUBTITLE_OFFSET)}">${escapeXml(subtitle)}</text>\n`,
    `${legend(left + MARGIN + 10, top + header - HEADER_HEIGHT + MARGIN + 34, language)}\n`,
    `<g class="edges">${edges.join('\n')}</g>\n`,
    `<g class="nodes">${nodes.join('\n')}</g>\n`,
    '</svg>\n',
  ].join('');
}
