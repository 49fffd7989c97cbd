/** The name a person goes by in shared rooms: asked once, kept in this browser. */
import { cleanName } from './peer-state.ts';

const NAME_KEY = 'argmap-presence-name';

export function rememberedName(): string | undefined {
  try {
    return cleanName(globalThis.localStorage?.getItem(NAME_KEY) ?? undefined);
  } catch {
    // Some private modes throw on reading storage.
    return undefined;
  }
}

export function rememberName(name: string): void {
  const cleaned = cleanName(name);
  if (cleaned === undefined) return;
  try {
    globalThis.localStorage?.setItem(NAME_KEY, cleaned);
  } catch {
    // Full or refused: the name holds for this page.
  }
}
