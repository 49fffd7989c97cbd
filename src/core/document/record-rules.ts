/**
 * The file format's rules for one record at a time: each element of the document is checked
 * against its definition in graph-data/argmap.schema.json (so the limits are the schema's, never
 * a copy of them) and against the text rules the loader applies. Used both to refuse an edit
 * before it is written and to judge records that arrive from elsewhere.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import schema from '../../../graph-data/argmap.schema.json' with { type: 'json' };
import { LANGUAGES, type Bilingual } from '../model.ts';
import { isBlank } from '../validate/sanitize.ts';
// Precompiled (scripts/generate-schema-validator.ts): Ajv compiling at run time needs `new Function`, which the CSP forbids.
import * as validators from '../validate/record-validators.generated.js';

export type Definition = 'node' | 'edge' | 'actor' | 'source' | 'tour' | 'bilingual';

/** The schema's own limits, named where an edit reports them. */
export const LIMITS = {
  text: schema.$defs.text.maxLength,
  id: schema.$defs.id.maxLength,
  tours: schema.properties.tours.maxItems,
  steps: schema.$defs.tour.properties.steps.maxItems,
  nodes: schema.properties.nodes.maxItems,
  edges: schema.properties.edges.maxItems,
  actors: schema.properties.actors.maxItems,
  coordinate: schema.$defs.point.properties.x.maximum,
} as const;

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '' : `${error.instancePath}: `;
  const limit = error.params['limit'];
  switch (error.keyword) {
    case 'maxLength':
      return `${where}is longer than the limit of ${String(limit)} characters`;
    case 'maxItems':
      return `${where}has more items than the limit of ${String(limit)}`;
    case 'minLength':
      return `${where}must not be empty`;
    case 'additionalProperties':
      return `${where}unknown property ${JSON.stringify(String(error.params['additionalProperty']))}`;
    default:
      return `${where}${error.message ?? `fails the schema rule ${error.keyword}`}`;
  }
}

/** The first way `value` breaks the schema's definition, or undefined when it keeps it. */
export function schemaProblem(definition: Definition, value: unknown): string | undefined {
  const validate = validators[definition];
  if (validate(value)) return undefined;
  const error = validate.errors?.[0];
  return error === undefined ? 'does not fit the map format' : describe(error);
}

/** A label needs visible text in at least one language; a blank language counts as absent. */
export function hasVisibleText(text: Bilingual): boolean {
  return LANGUAGES.some((language) => text[language] !== undefined && !isBlank(text[language]));
}

/** The label without its blank languages, as the loader keeps it. */
export function withoutBlankLanguages(text: Bilingual): Bilingual {
  return {
    ...(text.zh !== undefined && !isBlank(text.zh) ? { zh: text.zh } : {}),
    ...(text.en !== undefined && !isBlank(text.en) ? { en: text.en } : {}),
  };
}
