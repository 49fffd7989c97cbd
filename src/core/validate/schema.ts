/**
 * Stage: the JSON Schema of the file format (graph-data/argmap.schema.json), checked by Ajv's
 * standalone validator, generated ahead of time (scripts/generate-schema-validator.ts): compiling
 * at run time would need `new Function`, which the page's CSP forbids.
 * Every ajv error becomes a Problem with a JSON Pointer to the exact field (for a missing or an
 * unknown property, the property itself) and a message a map author can act on.
 */

import type { ErrorObject } from 'ajv/dist/2020.js';
import { childPointer, lastSegment } from '../json/pointer.ts';
import { jsonTypeOf, type JsonObject, type JsonValue } from '../json/parse-json.ts';
import type { ArgEdge, ArgMap, ArgNode, Tour, TourStep } from '../model.ts';
import { quoteForMessage, type ProblemCollector } from '../problems.ts';
import validate from './schema-validator.generated.js';

/**
 * A document the schema accepts: the model's shape (plus `$schema`), but with its text not yet
 * sanitized and its references not yet checked; optional lists may be absent.
 */
export type NodeDocument = ArgNode;
export type EdgeDocument = ArgEdge;
export type StepDocument = Omit<TourStep, 'reveal' | 'focus'> & { readonly reveal?: readonly string[]; readonly focus?: readonly string[] };
export type TourDocument = Omit<Tour, 'steps'> & { readonly steps: readonly StepDocument[] };
export type MapDocument = Omit<ArgMap, 'tours' | 'extensions'> & {
  readonly $schema?: string;
  readonly tours?: readonly TourDocument[];
  readonly extensions?: JsonObject;
};

/** What the generated validator establishes when it returns true. */
const isMapDocument = validate as (data: unknown) => data is MapDocument;

export function validateSchema(root: JsonObject, problems: ProblemCollector): MapDocument | undefined {
  if (isMapDocument(root)) return root;
  const reported = new Set<string>();
  for (const error of validate.errors ?? []) {
    const { pointer, message } = describeError(error);
    // allErrors can report one fault through several paths; say it once.
    const key = `${pointer}\u0000${message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    problems.error(message, { pointer });
  }
  return undefined;
}

function stringParam(error: ErrorObject, name: string): string {
  const value: unknown = error.params[name];
  return typeof value === 'string' ? value : '';
}

function numberParam(error: ErrorObject, name: string): number {
  const value: unknown = error.params[name];
  return typeof value === 'number' ? value : Number.NaN;
}

/** The property names the failing object schema allows. */
function allowedProperties(error: ErrorObject): string[] {
  const properties: unknown = error.parentSchema?.['properties'];
  return properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
}

function describeError(error: ErrorObject): { pointer: string; message: string } {
  const pointer = error.instancePath;
  const data = error.data as JsonValue;
  switch (error.keyword) {
    case 'required': {
      const property = stringParam(error, 'missingProperty');
      return { pointer: childPointer(pointer, property), message: `missing required property ${quoteForMessage(property)}` };
    }
    case 'additionalProperties': {
      const property = stringParam(error, 'additionalProperty');
      return {
        pointer: childPointer(pointer, property),
        message: `unknown property ${quoteForMessage(property)}; allowed: ${allowedProperties(error).join(', ')}`,
      };
    }
    case 'enum': {
      const allowed: unknown = error.params['allowedValues'];
      const values = Array.isArray(allowed) ? allowed.map(String).join(', ') : '';
      const found = typeof data === 'string' ? quoteForMessage(data) : jsonTypeOf(data);
      return { pointer, message: `${lastSegment(pointer)} must be one of ${values}, not ${found}` };
    }
    case 'type': {
      // Numeric ids lose precision (9007199254740993 reads as …992) and 1 would clash with "1".
      if (error.schemaPath === '#/$defs/id/type') return { pointer, message: `ids must be strings, not ${jsonTypeOf(data)}` };
      return { pointer, message: `must be ${stringParam(error, 'type')}, not ${jsonTypeOf(data)}` };
    }
    case 'minLength':
      return { pointer, message: 'must not be empty' };
    case 'maxLength':
      return { pointer, message: `is longer than the limit of ${numberParam(error, 'limit')} characters` };
    case 'maxItems':
      return { pointer, message: `has ${Array.isArray(data) ? data.length : '?'} items; the limit is ${numberParam(error, 'limit')}` };
    case 'minProperties':
      return { pointer, message: `must have at least one of ${allowedProperties(error).join(', ')}` };
    default:
      return { pointer, message: error.message ?? `fails the schema rule ${error.keyword}` };
  }
}
