// The type of the generated module beside this file (scripts/generate-schema-validator.ts writes it).
import type { ErrorObject } from 'ajv/dist/2020.js';

/** Ajv's standalone validator of graph-data/argmap.schema.json; `errors` holds the last call's errors. */
declare const validate: { (data: unknown): boolean; errors?: ErrorObject[] | null };
export default validate;
