/**
 * Save: the open map goes back to the file it was opened from (the File System Access API, where
 * the browser gives a handle), or to a file the person names (where the browser lets them), or
 * else to a download. `dirty` says whether the map has changes its file does not have yet: the
 * page title and the map's title show • meanwhile, and leaving the page warns, although autosave
 * holds the changes. The file is read back before it is written (checked-save.ts), and the browser
 * writes it whole or not at all (file-access.ts).
 */
import type { ArgMap } from '../core/model.ts';
import { serializeMap } from '../core/serialize.ts';
import { problemsOnReopening } from './checked-save.ts';
import { downloadText } from './download.ts';
import { canChooseSaveFile, chooseSaveFile, writeBack } from './file-access.ts';
import { t } from './i18n-later.ts';
import type { MapSession } from './map-session.svelte.ts';

export class FileSave {
  readonly #session: MapSession;
  /** The map as its file has it, for the map of that generation; undefined map: the file is behind. */
  #written = $state.raw<{ readonly generation: number; readonly map: ArgMap | undefined }>();
  /** What the last save did, for the toolbar's status. */
  status = $state('');

  readonly dirty = $derived.by(() => {
    const written = this.#written;
    return written !== undefined && written.generation === this.#session.generation && written.map !== this.#session.map;
  });

  constructor(session: MapSession) {
    this.#session = session;
    this.#written = { generation: session.generation, map: session.map };
  }

  /** A map has landed: as its file has it, unless this browser knows the file is behind. */
  landed(fileBehind: boolean): void {
    this.#written = { generation: this.#session.generation, map: fileBehind ? undefined : this.#session.map };
    this.status = '';
  }

  /**
   * The map's room has handed back the map it holds: the map landed from that room, so it is the
   * same map, in a new object; it is as far from its file as it was.
   */
  reopened(): void {
    const written = this.#written;
    if (written?.map !== undefined && written.generation === this.#session.generation) this.#written = { generation: written.generation, map: this.#session.map };
  }

  /** Saves the map; true when it was written (to its file or a download). */
  async save(): Promise<boolean> {
    const session = this.#session;
    const map = session.map;
    const generation = session.generation;
    const language = session.language;
    const text = serializeMap(map);
    const fileName = `${session.opened.name}.json`;
    const problems = problemsOnReopening(text);
    if (problems.length > 0) {
      session.refuseSave(fileName, problems);
      return false;
    }
    let file = session.opened.file;
    if (file === undefined && canChooseSaveFile()) {
      file = await chooseSaveFile(fileName);
      // The person cancelled: nothing is written, the map keeps its changes.
      if (file === undefined) return false;
    }
    if (file !== undefined) {
      if (!(await writeBack(file, text))) {
        session.refuseSave(file.name, [{ severity: 'error', message: 'the file could not be written; it was left as it was' }]);
        return false;
      }
      if (session.generation === generation && session.opened.file !== file) session.opened = { ...session.opened, file };
      this.status = t('savedTo', language, { file: file.name });
    } else {
      downloadText(fileName, text, 'application/json');
      this.status = t('downloaded', language, { file: fileName });
    }
    if (session.generation === generation) this.#written = { generation, map };
    return true;
  }
}
