/** What the editing bar announces after an edit, undo or redo, from the edit's description. */
import type { Language } from '../core/model.ts';
import type { Description } from '../core/document/index.ts';

/** What the aria-live region says after an edit: "已添加主张", "已连接：支持", "Done: add a claim". */
export function doneText(description: Description, language: Language): string {
  return language === 'zh' ? `已${description.zh}` : `Done: ${description.en}`;
}

export function undoneText(description: Description, language: Language, redo: boolean): string {
  if (language === 'zh') return `已${redo ? '重做' : '撤销'}：${description.zh}`;
  return `${redo ? 'Redone' : 'Undone'}: ${description.en}`;
}
