/** The interface's own words, in both of the map's languages. */
import type { Language } from '../core/model.ts';

const MESSAGES = {
  appName: { zh: 'argmap 论证地图', en: 'argmap' },
  openMap: { zh: '打开地图…', en: 'Open map…' },
  exportSvg: { zh: '导出 SVG', en: 'Export SVG' },
  fitToScreen: { zh: '适应屏幕', en: 'Fit to screen' },
  language: { zh: '语言', en: 'Language' },
  legend: { zh: '图例', en: 'Legend' },
  map: { zh: '论证地图', en: 'Argument map' },
  inspector: { zh: '详情', en: 'Inspector' },
  close: { zh: '关闭', en: 'Close' },
  kind: { zh: '类型', en: 'Kind' },
  actor: { zh: '发言者', en: 'Speaker' },
  noActor: { zh: '（文章叙述）', en: '(the article itself)' },
  quote: { zh: '原文引语', en: 'Quote' },
  inContext: { zh: '上下文', en: 'In context' },
  relations: { zh: '关系', en: 'Relations' },
  noRelations: { zh: '没有关系', en: 'No relations' },
  pinned: { zh: '已固定（双击释放）', en: 'Pinned (double-click to release)' },
  problemsTitle: { zh: '无法打开该文件，当前地图保持不变', en: 'The file could not be opened; the map you had stays open' },
  warningsTitle: { zh: '已打开，但做了以下修复', en: 'Opened, with these repairs' },
  dismiss: { zh: '知道了', en: 'Dismiss' },
  dropHint: { zh: '松开以打开地图', en: 'Drop to open the map' },
  renderFailed: { zh: '地图无法显示。', en: 'The map could not be drawn.' },
  tryAgain: { zh: '重试', en: 'Try again' },
  mapSummary: { zh: '{nodes} 个节点，{edges} 条关系', en: '{nodes} nodes, {edges} relations' },
  hint: { zh: '滚轮缩放 · 拖动背景平移 · 拖动节点固定 · 双击释放 · 点击查看详情', en: 'Wheel to zoom · drag the background to pan · drag a node to pin it · double-click to release · click for details' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, language: Language, values: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Relation phrases read from the inspected node's point of view. */
export const RELATION_PHRASES = {
  outgoing: {
    support: { zh: '支持', en: 'supports' },
    attack: { zh: '反驳', en: 'attacks' },
    undercut: { zh: '削弱推论', en: 'undercuts' },
    answer: { zh: '回应问题', en: 'answers' },
    rephrase: { zh: '转述', en: 'rephrases' },
  },
  incoming: {
    support: { zh: '得到支持：', en: 'supported by' },
    attack: { zh: '受到反驳：', en: 'attacked by' },
    undercut: { zh: '推论被削弱：', en: 'undercut by' },
    answer: { zh: '回答：', en: 'answered by' },
    rephrase: { zh: '被转述：', en: 'rephrased by' },
  },
} as const;
