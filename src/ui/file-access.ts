/**
 * Writing a map back to the file it came from, where the browser allows it (the File System
 * Access API, in Chromium). Elsewhere, and for files chosen through a plain file input, argmap
 * downloads a copy instead.
 */

/** The part of a FileSystemFileHandle argmap uses. */
export interface WritableFile {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void>; abort?(): Promise<void> }>;
}

interface FilePickerWindow {
  showOpenFilePicker(options?: { multiple?: boolean; excludeAcceptAllOption?: boolean }): Promise<WritableFile[]>;
  showSaveFilePicker(options?: { suggestedName?: string; types?: { description: string; accept: Record<string, string[]> }[] }): Promise<WritableFile>;
}

/** A spreadsheet's file (half of a CSV pair), which opens with its other half: see spreadsheet-files.ts. */
export function isSpreadsheetFile(file: { readonly name: string }): boolean {
  return /\.csv$/i.test(file.name);
}

export function canPickFiles(): boolean {
  return typeof (window as unknown as Partial<FilePickerWindow>).showOpenFilePicker === 'function';
}

/**
 * The files the person picks, each with a handle to write it back; none when they cancel. Several
 * files are a CSV pair (nodes and edges), chosen together.
 */
export async function pickFiles(): Promise<readonly WritableFile[]> {
  try {
    return await (window as unknown as FilePickerWindow).showOpenFilePicker({ multiple: true });
  } catch {
    return [];
  }
}

export function canChooseSaveFile(): boolean {
  return typeof (window as unknown as Partial<FilePickerWindow>).showSaveFilePicker === 'function';
}

/** A new argmap JSON file the person names, to write to and write back to; none when they cancel. */
export async function chooseSaveFile(suggestedName: string): Promise<WritableFile | undefined> {
  try {
    return await (window as unknown as FilePickerWindow).showSaveFilePicker({ suggestedName, types: [{ description: 'argmap JSON', accept: { 'application/json': ['.json'] } }] });
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` over the file; false when the browser or the person refused. The browser writes
 * into a copy that replaces the file only when closed, so a failed write is aborted and leaves
 * the file as it was: never half written.
 */
export async function writeBack(handle: WritableFile, text: string): Promise<boolean> {
  let writable: Awaited<ReturnType<WritableFile['createWritable']>> | undefined;
  try {
    writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
    return true;
  } catch {
    await writable?.abort?.().catch(() => undefined);
    return false;
  }
}
