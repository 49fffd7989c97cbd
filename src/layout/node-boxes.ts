/** The size and wrapped lines of every node's box, per language, with no DOM. */
import { inLanguage, type Actor, type ArgMap, type ArgNode, type Language } from '../core/model.ts';
import { wrapText } from '../core/text/wrap.ts';
import {
  CAPTION_FONT_SIZE, CAPTION_LINE_HEIGHT, LABEL_FONT_SIZE, LABEL_LINE_HEIGHT,
  NODE_MAX_LINES, NODE_MAX_TEXT_WIDTH, NODE_MIN_WIDTH, NODE_PADDING_X, NODE_PADDING_Y,
} from './appearance.ts';

export interface NodeBox {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
  /** The speaker's name under the label, when the node has an actor. */
  readonly caption?: string;
  /** The whole label, for a tooltip, when the lines were cut short. */
  readonly fullText?: string;
}

/** The box of one node in one language; `actors` names the speakers, by id. */
export function measureNode(node: ArgNode, language: Language, actors: ReadonlyMap<string, Actor>): NodeBox {
  const text = inLanguage(node.text, language);
  const label = wrapText(text, { fontSize: LABEL_FONT_SIZE, maxWidth: NODE_MAX_TEXT_WIDTH, maxLines: NODE_MAX_LINES });
  const actor = node.actor === undefined ? undefined : actors.get(node.actor);
  const captionText = actor === undefined ? undefined : `— ${inLanguage(actor.name, language)}`;
  const caption = captionText === undefined
    ? undefined
    : wrapText(captionText, { fontSize: CAPTION_FONT_SIZE, maxWidth: NODE_MAX_TEXT_WIDTH, maxLines: 1 });
  const textWidth = Math.max(label.width, caption?.width ?? 0);
  return {
    id: node.id,
    width: Math.max(NODE_MIN_WIDTH, Math.ceil(textWidth + 2 * NODE_PADDING_X)),
    height: Math.ceil(label.lines.length * LABEL_LINE_HEIGHT + (caption ? CAPTION_LINE_HEIGHT : 0) + 2 * NODE_PADDING_Y),
    lines: label.lines,
    ...(caption ? { caption: caption.lines[0] } : {}),
    ...(label.truncated ? { fullText: text } : {}),
  };
}

export function measureNodes(map: ArgMap, language: Language): Map<string, NodeBox> {
  const actors = new Map(map.actors.map((actor) => [actor.id, actor]));
  return new Map(map.nodes.map((node) => [node.id, measureNode(node, language, actors)]));
}

export interface Extent {
  readonly width: number;
  readonly height: number;
}

/**
 * width, height of each node named in `ids`, at 2i and 2i + 1 for the i-th id; NaN for a node
 * without a box. Looked up once per map and language, so that per-tick work reads numbers only.
 */
export function nodeSizes(ids: readonly string[], boxes: ReadonlyMap<string, Extent>): Float64Array {
  const sizes = new Float64Array(ids.length * 2).fill(Number.NaN);
  ids.forEach((id, index) => {
    const box = boxes.get(id);
    if (!box) return;
    sizes[2 * index] = box.width;
    sizes[2 * index + 1] = box.height;
  });
  return sizes;
}

/** Every node's box in each language. */
export type BoxesByLanguage = Readonly<Record<Language, ReadonlyMap<string, NodeBox>>>;

export function measureLanguages(map: ArgMap): BoxesByLanguage {
  return { zh: measureNodes(map, 'zh'), en: measureNodes(map, 'en') };
}

/**
 * The space a node takes in the layout: the larger of its boxes in either language,
 * so switching language redraws the labels without moving a single node.
 */
export function extentsOf(boxes: BoxesByLanguage): Map<string, Extent> {
  const extents = new Map<string, Extent>();
  for (const [id, box] of boxes.zh) {
    const other = boxes.en.get(id) ?? box;
    extents.set(id, { width: Math.max(box.width, other.width), height: Math.max(box.height, other.height) });
  }
  return extents;
}

export function layoutExtents(map: ArgMap): Map<string, Extent> {
  return extentsOf(measureLanguages(map));
}
