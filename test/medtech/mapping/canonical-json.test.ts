import * as fc from 'fast-check';
import { canonicalMappingJson } from '../../../lib/medtech/mapping';
import { readFixture } from './support';

/** The same JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reverseKeys(item)]),
    );
  }
  return value;
}

describe('canonicalMappingJson', () => {
  test('is compact with keys sorted at every level', () => {
    expect(canonicalMappingJson({ template: [{ b: 1, a: { d: null, c: [true, 'x'] } }], templateType: 'CollectionContent' })).toBe(
      '{"template":[{"a":{"c":[true,"x"],"d":null},"b":1}],"templateType":"CollectionContent"}',
    );
  });

  test('does not depend on key order', () => {
    const document = JSON.parse(readFixture('vitals.fhir-mapping.json')) as unknown;
    expect(canonicalMappingJson(reverseKeys(document))).toBe(canonicalMappingJson(document));
  });

  test('gives the same bytes for the JSON text, the parsed object, and its own output', () => {
    const text = readFixture('heart-rate.jmespath.device-mapping.json');
    const canonical = canonicalMappingJson(text);
    expect(canonicalMappingJson(JSON.parse(text))).toBe(canonical);
    expect(canonicalMappingJson(canonical)).toBe(canonical);
  });

  test('sorts keys by code point like Go, not by JavaScript property order', () => {
    // JavaScript enumerates integer-like keys first and in numeric order; Go sorts the bytes.
    expect(canonicalMappingJson({ b: 1, 10: 2, 9: 3, B: 4 })).toBe('{"10":2,"9":3,"B":4,"b":1}');
    expect(canonicalMappingJson({ '\u{1F600}': 1, '\uFFFD': 2 })).toBe('{"\uFFFD":2,"\u{1F600}":1}');
  });

  test('escapes <, >, &, U+2028 and U+2029 as Go does', () => {
    expect(canonicalMappingJson({ expression: '$..[?(@a<1 && @b>2)]', note: '\u2028\u2029' })).toBe(
      '{"expression":"$..[?(@a\\u003c1 \\u0026\\u0026 @b\\u003e2)]","note":"\\u2028\\u2029"}',
    );
  });

  test('keeps numbers as Go prints float64s, and drops undefined members', () => {
    expect(canonicalMappingJson({ a: 1e21, b: 1e-7, c: 0.1, d: -0, e: undefined, f: [undefined] })).toBe(
      '{"a":1e+21,"b":1e-7,"c":0.1,"d":-0,"f":[null]}',
    );
  });

  test('returns text that is not JSON (such as a token) unchanged', () => {
    expect(canonicalMappingJson('${TfToken[TOKEN.1]}')).toBe('${TfToken[TOKEN.1]}');
  });

  test('is deterministic, key-order independent and lossless for arbitrary JSON documents', () => {
    const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)); // also folds -0 into 0
    const documents = fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()));
    fc.assert(
      fc.property(documents, (value) => {
        const canonical = canonicalMappingJson(value);
        expect(canonicalMappingJson(reverseKeys(value))).toBe(canonical);
        expect(canonicalMappingJson(canonical)).toBe(canonical);
        expect(roundTrip(JSON.parse(canonical))).toEqual(roundTrip(value));
      }),
    );
  });
});
