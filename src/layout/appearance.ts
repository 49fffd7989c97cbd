/**
 * How the map looks, shared by the live Svelte view and the SVG export so both draw
 * the same picture. Colours are Okabe–Ito (safe for colour-blind readers) and every
 * relation also differs in line style and arrowhead, so colour is never the only cue.
 */
import type { Bilingual, EdgeKind, NodeKind } from '../core/model.ts';

/** Sans-serif stack that renders simplified Chinese on Linux, macOS and Windows. */
export const FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

export const LABEL_FONT_SIZE = 14;
export const LABEL_LINE_HEIGHT = 19;
export const CAPTION_FONT_SIZE = 11.5;
export const CAPTION_LINE_HEIGHT = 16;
export const NODE_PADDING_X = 12;
export const NODE_PADDING_Y = 10;
export const NODE_MAX_TEXT_WIDTH = 196;
export const NODE_MIN_WIDTH = 96;
export const NODE_MAX_LINES = 6;

export type MarkerShape = 'triangle' | 'tee' | 'chevron' | 'diamond';

export interface EdgeAppearance {
  readonly colour: string;
  /** SVG stroke-dasharray, or '' for a solid line. */
  readonly dash: string;
  readonly width: number;
  readonly marker: MarkerShape;
  readonly label: Bilingual;
}

export const EDGE_APPEARANCE: Readonly<Record<EdgeKind, EdgeAppearance>> = {
  support: { colour: '#009E73', dash: '', width: 2.2, marker: 'triangle', label: { zh: '支持', en: 'supports' } },
  attack: { colour: '#D55E00', dash: '9 5', width: 2.2, marker: 'tee', label: { zh: '反驳', en: 'attacks' } },
  undercut: { colour: '#CC79A7', dash: '2 4', width: 2.2, marker: 'tee', label: { zh: '削弱推论', en: 'undercuts' } },
  answer: { colour: '#6B6B6B', dash: '', width: 1.4, marker: 'chevron', label: { zh: '回应问题', en: 'answers' } },
  rephrase: { colour: '#0072B2', dash: '12 4 2 4', width: 1.6, marker: 'diamond', label: { zh: '转述', en: 'rephrases' } },
};

export interface NodeAppearance {
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  /** Corner radius; a question is drawn as a pill. */
  readonly cornerRadius: number | 'pill';
  /** Evidence boxes have a double border (a second inset outline). */
  readonly inset: boolean;
  readonly label: Bilingual;
}

export const NODE_APPEARANCE: Readonly<Record<NodeKind, NodeAppearance>> = {
  question: { fill: '#E8F1FA', stroke: '#0072B2', strokeWidth: 2.5, cornerRadius: 'pill', inset: false, label: { zh: '问题', en: 'Question' } },
  claim: { fill: '#FFFFFF', stroke: '#3A3A3A', strokeWidth: 1.5, cornerRadius: 6, inset: false, label: { zh: '主张', en: 'Claim' } },
  evidence: { fill: '#FFF8E1', stroke: '#8A6D00', strokeWidth: 1.5, cornerRadius: 0, inset: true, label: { zh: '证据', en: 'Evidence' } },
};

export const TEXT_COLOUR = '#1A1A1A';
export const CAPTION_COLOUR = '#4A4A4A';
export const BACKGROUND_COLOUR = '#FAFAF7';
