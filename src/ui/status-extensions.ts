/**
 * The open map's extensions under each semantics, for the Status panel: this code loads with the
 * panel, not with the map (the badges and colours need only the grounded labelling).
 */
import { enumerateExtensions, namedExtensions, SEMANTICS, type Semantics } from '../core/semantics/extensions.ts';
import type { MapFramework } from '../core/semantics/framework.ts';

/**
 * Enumeration runs on the page's own thread, so it gets a budget of a few tenths of a second;
 * past it the panel lists what was found and says the list is incomplete.
 */
const UI_LIMITS = { maxExtensions: 1000, maxSteps: 20_000_000 };

export interface ExtensionList {
  readonly semantics: Semantics;
  readonly extensions: readonly (readonly string[])[];
  readonly complete: boolean;
}

/** Worked out once per framework (StatusState.mapFramework, the same object while the map is): the panel can close and open again. */
const listed = new WeakMap<MapFramework, readonly ExtensionList[]>();

export function extensionLists(mapFramework: MapFramework): readonly ExtensionList[] {
  let lists = listed.get(mapFramework);
  if (lists === undefined) {
    const { framework, nodeCount } = mapFramework;
    lists = SEMANTICS.map((semantics) => {
      const enumeration = enumerateExtensions(framework, semantics, UI_LIMITS);
      return { semantics, extensions: namedExtensions(framework, enumeration.extensions, nodeCount), complete: enumeration.complete };
    });
    listed.set(mapFramework, lists);
  }
  return lists;
}
