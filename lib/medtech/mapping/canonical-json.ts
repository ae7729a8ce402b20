/**
 * The bytes the azurerm provider stores for a mapping: its `StateFunc` normalizes JSON with Go's `json.Unmarshal`
 * into `interface{}` and `json.Marshal` back — compact, object keys sorted by their UTF-8 bytes (= code points),
 * and `<`, `>`, `&`, U+2028, U+2029 escaped as `\u003c` etc. The same input always gives the same string.
 */
import { MAX_WRITTEN_VALUES, measureDocument } from './json-document';

/**
 * Canonical JSON of a mapping document. A string is taken as JSON text and normalized; if it is not valid JSON (for
 * example a cdktf token) it is returned unchanged. Throws like `JSON.stringify` on BigInts, and a RangeError on a
 * cyclic document or one written out with more than `MAX_WRITTEN_VALUES` values (shared sub-objects multiply;
 * measured without writing them out).
 */
export function canonicalMappingJson(document: unknown): string {
  if (typeof document === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch {
      return document;
    }
    return goEscape(serializeDocument(parsed));
  }
  return goEscape(serializeDocument(document));
}

function serializeDocument(document: unknown): string {
  // Any depth (as JSON.stringify), but no cycle and no blow-up through shared sub-objects: measured, not written.
  const shape = measureDocument(document, undefined, Number.POSITIVE_INFINITY);
  if (shape.cyclic || shape.values > MAX_WRITTEN_VALUES) {
    throw new RangeError(
      shape.cyclic
        ? 'The mapping document refers to itself; it cannot be written as JSON.'
        : `The mapping document would be written out with more than ${MAX_WRITTEN_VALUES.toLocaleString('en')} values (shared sub-objects are written once per place).`,
    );
  }
  return serialize(document) ?? 'null';
}

/** JSON.stringify's rules (toJSON, undefined and functions dropped from objects, null in arrays) with sorted keys. */
function serialize(value: unknown): string | undefined {
  const json = isWithToJson(value) ? value.toJSON() : value;
  if (json === null) return 'null';
  switch (typeof json) {
    case 'string':
    case 'boolean':
      return JSON.stringify(json);
    case 'number':
      if (Object.is(json, -0)) return '-0'; // Go keeps the sign; JSON.stringify drops it
      return JSON.stringify(json);
    case 'bigint':
      return JSON.stringify(json); // throws, as JSON.stringify does
    case 'object':
      if (Array.isArray(json)) return `[${json.map((item) => serialize(item) ?? 'null').join(',')}]`;
      return serializeObject(json as Record<string, unknown>);
    default:
      return undefined;
  }
}

function serializeObject(object: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(object).sort(compareCodePoints)) {
    const value = serialize(object[key]);
    if (value !== undefined) parts.push(`${JSON.stringify(key)}:${value}`);
  }
  return `{${parts.join(',')}}`;
}

function isWithToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** Orders like Go's byte-wise comparison of UTF-8 strings (JavaScript's default compares UTF-16 code units). */
function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i].codePointAt(0)! - right[i].codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** These characters only occur inside JSON strings, so escaping them in the whole text is safe. */
function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
