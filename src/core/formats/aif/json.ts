/** JSON helpers for AIF: parsed objects are read through own members only and never merged into state. */

import { jsonTypeOf, type JsonObject, type JsonValue } from '../../json/parse-json.ts';
import { quoteForMessage } from '../../problems.ts';

/** An own member of a parsed object; never one inherited from Object.prototype. */
export function member(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A fresh object; keys are defined, never assigned, so a key `__proto__` stays an ordinary key. */
export function objectOf(entries: Iterable<readonly [string, JsonValue]>): JsonObject {
  const object: Record<string, JsonValue> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  return object;
}

/** A copy of an object with one member's value replaced, in the same key order. */
export function withMember(object: JsonObject, key: string, value: JsonValue): JsonObject {
  return objectOf(Object.keys(object).map((name) => [name, name === key ? value : object[name]!] as const));
}

/** Structural equality of JSON values written in the same key order (as serialize.ts writes). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An AIF id read as text: a non-empty string, or a whole number JavaScript holds exactly. */
export function readId(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
}

export function describeValue(value: JsonValue): string {
  if (typeof value === 'string') return `the string ${quoteForMessage(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return jsonTypeOf(value);
}

export function isCanonicalInteger(id: string): boolean {
  return /^(?:0|-?[1-9][0-9]*)$/.test(id) && Number.isSafeInteger(Number(id));
}

/** Ids go back out as numbers in files whose ids were numbers, where they can. */
export function writeId(id: string, numeric: boolean): JsonValue {
  return numeric && isCanonicalInteger(id) ? Number(id) : id;
}

