// The type of the generated module beside this file (scripts/generate-schema-validator.ts writes it).
import type { ErrorObject } from 'ajv/dist/2020.js';

/** A standalone validator of one definition of graph-data/argmap.schema.json; it stops at the first error. */
export interface RecordValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const node: RecordValidator;
export declare const edge: RecordValidator;
export declare const actor: RecordValidator;
export declare const source: RecordValidator;
export declare const tour: RecordValidator;
export declare const bilingual: RecordValidator;
