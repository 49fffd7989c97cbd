/**
 * Stage: the format version, checked before the schema. A newer version is refused outright,
 * since its new fields would only show up as a list of confusing schema errors. A missing
 * version is read as version 1 with a warning (hostile-inputs #16: "missing version → migrate
 * from v1"): version 1 is the only format there has been, so such a file can only mean it.
 */

import { CURRENT_SCHEMA_VERSION } from '../model.ts';
import { jsonTypeOf, type JsonObject } from '../json/parse-json.ts';
import { quoteForMessage, type ProblemCollector } from '../problems.ts';

const POINTER = '/schemaVersion';

export function migrateVersion(root: JsonObject, problems: ProblemCollector): JsonObject {
  if (!Object.hasOwn(root, 'schemaVersion')) {
    problems.warning(`schemaVersion is missing; reading the map as version ${CURRENT_SCHEMA_VERSION}`, { pointer: POINTER });
    // The parsed tree belongs to this load alone, so migrating may complete it in place.
    Object.defineProperty(root, 'schemaVersion', { value: CURRENT_SCHEMA_VERSION, writable: true, enumerable: true, configurable: true });
    return root;
  }
  const version = root['schemaVersion'] ?? null;
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION) {
    problems.error(`schemaVersion ${version} is newer than this argmap understands (${CURRENT_SCHEMA_VERSION})`, { pointer: POINTER });
  } else if (version !== CURRENT_SCHEMA_VERSION) {
    const found = typeof version === 'number' ? String(version) : typeof version === 'string' ? quoteForMessage(version) : jsonTypeOf(version);
    problems.error(`schemaVersion must be ${CURRENT_SCHEMA_VERSION}, not ${found}`, { pointer: POINTER });
  }
  return root;
}
