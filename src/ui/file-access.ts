/**
 * Writing a map back to the file it came from, where the browser allows it (the File System
 * Access API, in Chromium). Elsewhere, and for files chosen through a plain file input, argmap
 * downloads a copy instead.
 */

/** The part of a FileSystemFileHandle argmap uses. */
export interface WritableFile {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

interface FilePickerWindow {
  showOpenFilePicker(options?: { multiple?: boolean; excludeAcceptAllOption?: boolean }): Promise<WritableFile[]>;
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

/** Writes `text` over the file; false when the browser or the person refused. */
export async function writeBack(handle: WritableFile, text: string): Promise<boolean> {
  try {
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
    return true;
  } catch {
    return false;
  }
}
