/** The words of the editing controls, in both languages. */
import type { Language } from '../core/model.ts';
import type { Description } from '../core/document/index.ts';

const TEXT = {
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  nothingToUndo: { zh: '没有可撤销的操作', en: 'Nothing to undo' },
  nothingToRedo: { zh: '没有可重做的操作', en: 'Nothing to redo' },
  addClaim: { zh: '添加主张', en: 'Add claim' },
  newClaim: { zh: '新主张', en: 'New claim' },
  editing: { zh: '编辑', en: 'Editing' },
  autosaveOn: { zh: '已自动保存在此浏览器', en: 'Autosaved in this browser' },
  autosaveStarting: { zh: '正在打开自动保存…', en: 'Opening autosave…' },
  autosaveOff: { zh: '自动保存已关闭（{reason}）：修改只在内存中，请用“另存为”保存。', en: 'Autosave is off ({reason}): changes are only in memory; use Save as to keep them.' },
  autosaveFull: { zh: '浏览器存储已满，自动保存已停止：修改只在内存中，请用“另存为”保存。', en: 'Browser storage is full, so autosave stopped: changes are only in memory; use Save as to keep them.' },
  restored: { zh: '已恢复此浏览器中自动保存的修改', en: 'Restored the changes autosaved in this browser' },
  redoDropped: { zh: '（{count} 步重做已丢弃）', en: ' ({count} redo steps dropped)' },
} as const;

export type AuthoringTextKey = keyof typeof TEXT;

export function authoringText(key: AuthoringTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** What the aria-live region says after an edit: "已添加主张", "已连接：支持", "Done: add a claim". */
export function doneText(description: Description, language: Language): string {
  return language === 'zh' ? `已${description.zh}` : `Done: ${description.en}`;
}

export function undoneText(description: Description, language: Language, redo: boolean): string {
  if (language === 'zh') return `已${redo ? '重做' : '撤销'}：${description.zh}`;
  return `${redo ? 'Redone' : 'Undone'}: ${description.en}`;
}
