/** Stage: the top level must be a JSON object, and not a file of another argument format. */

import { isJsonObject, jsonTypeOf, type JsonObject, type JsonValue } from '../json/parse-json.ts';
import { sniffParsed } from '../json/sniff.ts';
import type { ProblemCollector } from '../problems.ts';

export function requireMapObject(value: JsonValue, problems: ProblemCollector): JsonObject | undefined {
  const lookalike = sniffParsed(value);
  if (lookalike !== undefined) problems.error(lookalike);
  else if (!isJsonObject(value)) problems.error(`the top level must be an object holding the map, not ${jsonTypeOf(value)}`, { pointer: '' });
  else return value;
  return undefined;
}
