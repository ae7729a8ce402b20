/**
 * The JSON tree the MedTech engine evaluates expressions on, modelled on Json.NET's `JToken`: integers and floats
 * are different types (`1` vs `1.0` matters to `divide`), ISO date strings are Date tokens, big integers are
 * BigIntegers, and objects enumerate as `JProperty` tokens (which JSONPath filters and scans visit).
 */
import { DotNetDateTime, formatJsonNetIso, fromJsDate, parseJsonNetDate } from './dotnet-datetime';

export type JTokenType = 'Object' | 'Array' | 'Property' | 'String' | 'Integer' | 'Float' | 'Boolean' | 'Null' | 'Date';

export interface JObject {
  readonly type: 'Object';
  /** In document order; names are case-sensitive, as in Json.NET. */
  readonly properties: ReadonlyMap<string, JToken>;
}

export interface JArray {
  readonly type: 'Array';
  readonly items: readonly JToken[];
}

/** A name/value pair of an object: what enumerating a JObject yields. */
export interface JProperty {
  readonly type: 'Property';
  readonly name: string;
  readonly value: JToken;
}

export type JValue =
  | { readonly type: 'Null' }
  | { readonly type: 'Boolean'; readonly value: boolean }
  | { readonly type: 'String'; readonly value: string }
  /** A .NET long, or a BigInteger outside the long range. */
  | { readonly type: 'Integer'; readonly value: bigint }
  | { readonly type: 'Float'; readonly value: number }
  | { readonly type: 'Date'; readonly value: DotNetDateTime };

export type JToken = JObject | JArray | JProperty | JValue;
export type JContainer = JObject | JArray | JProperty;

/**
 * JmesPath.Net's `JTokens.Null`: the null that expressions produce (a missing member, a function's "no result").
 * Projections drop it by reference, but keep a null that is in the data, so data nulls are separate objects (`jnull`).
 */
export const JNULL: JValue = { type: 'Null' };

/** A null read from JSON: a token of its own, as every Json.NET `JValue` is. */
export function jnull(): JValue {
  return { type: 'Null' };
}
export const JTRUE: JValue = { type: 'Boolean', value: true };
export const JFALSE: JValue = { type: 'Boolean', value: false };

export function jstring(value: string): JValue {
  return { type: 'String', value };
}

export function jinteger(value: bigint | number): JValue {
  return { type: 'Integer', value: typeof value === 'bigint' ? value : BigInt(value) };
}

export function jfloat(value: number): JValue {
  return { type: 'Float', value };
}

export function jboolean(value: boolean): JValue {
  return value ? JTRUE : JFALSE;
}

export function jdate(value: DotNetDateTime): JValue {
  return { type: 'Date', value };
}

export function jarray(items: readonly JToken[]): JArray {
  return { type: 'Array', items };
}

/** An object from entries; a repeated name replaces the earlier value in its place, as Json.NET's reader does. */
export function jobject(entries: Iterable<readonly [string, JToken]>): JObject {
  const properties = new Map<string, JToken>();
  for (const [name, value] of entries) properties.set(name, value);
  return { type: 'Object', properties };
}

export function isValue(token: JToken): token is JValue {
  return token.type !== 'Object' && token.type !== 'Array' && token.type !== 'Property';
}

export function isContainer(token: JToken): token is JContainer {
  return !isValue(token);
}

/** The tokens enumerating a token yields (`foreach (JToken v in t)`): properties of an object, items, a property's value. */
export function childrenOf(token: JToken): readonly JToken[] {
  switch (token.type) {
    case 'Object':
      return [...token.properties].map(([name, value]): JProperty => ({ type: 'Property', name, value }));
    case 'Array':
      return token.items;
    case 'Property':
      return [token.value];
    default:
      return [];
  }
}

/** `DescendantsAndSelf()`: the token, then every descendant in document (pre-)order, properties included. */
export function descendantsAndSelf(token: JToken): JToken[] {
  const result: JToken[] = [];
  const pending: JToken[] = [token];
  while (pending.length > 0) {
    const next = pending.pop()!;
    result.push(next);
    const children = childrenOf(next);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return result;
}

/** The .NET class name of a token, as Json.NET's cast errors print it. */
export function dotNetClassName(token: JToken): string {
  switch (token.type) {
    case 'Object':
      return 'Newtonsoft.Json.Linq.JObject';
    case 'Array':
      return 'Newtonsoft.Json.Linq.JArray';
    case 'Property':
      return 'Newtonsoft.Json.Linq.JProperty';
    default:
      return 'Newtonsoft.Json.Linq.JValue';
  }
}

/** Json.NET's reader limit (`MaxDepth`, 64 since 13.0.1). */
export const MAX_DEPTH = 64;

export class JsonConversionError extends Error {}

/**
 * A JavaScript value as the service would read it from its JSON text: what `JSON.stringify` keeps (no undefined,
 * functions; `toJSON` applied), numbers with a fraction as floats, ISO strings as Date tokens when `readDates`.
 * Throws JsonConversionError on cycles or nesting deeper than Json.NET reads.
 */
export function fromPlain(value: unknown, options: { readonly readDates: boolean }): JToken {
  return convert(value, options.readDates, 0, new Set<object>());
}

function convert(input: unknown, readDates: boolean, depth: number, ancestors: Set<object>): JToken {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'string': {
      const date = readDates ? parseJsonNetDate(value) : undefined;
      return date !== undefined ? jdate(date) : jstring(value);
    }
    case 'number':
      if (!Number.isFinite(value)) return jnull();
      // As in the JSON text JSON.stringify writes: "1e+21" is read as a float, "100" as an integer.
      return Number.isInteger(value) && !String(value).includes('e') ? jinteger(value) : jfloat(value);
    case 'bigint':
      return jinteger(value);
    case 'boolean':
      return jboolean(value);
    case 'object':
      break;
    default:
      return jnull();
  }
  if (value === null) return jnull();
  if (depth >= MAX_DEPTH) throw new JsonConversionError(`The value is nested more than ${MAX_DEPTH} levels deep (Json.NET's MaxDepth).`);
  if (ancestors.has(value)) throw new JsonConversionError('The value refers to itself (a cycle); it cannot be sent as JSON.');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return jarray(
        value.map((item: unknown) =>
          item === undefined || typeof item === 'function' || typeof item === 'symbol' ? jnull() : convert(item, readDates, depth + 1, ancestors),
        ),
      );
    }
    const entries: Array<[string, JToken]> = [];
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      entries.push([key, convert(member, readDates, depth + 1, ancestors)]);
    }
    return jobject(entries);
  } finally {
    ancestors.delete(value);
  }
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** A .NET object given directly (not as JSON text), as `JToken.FromObject` converts it: Date objects become Date tokens. */
export function fromDotNetObject(value: unknown): JToken {
  return convertObject(value, 0, new Set<object>());
}

function convertObject(value: unknown, depth: number, ancestors: Set<object>): JToken {
  if (value instanceof Date) {
    const date = fromJsDate(value);
    return date === undefined ? jnull() : jdate(date);
  }
  if (typeof value !== 'object' || value === null) return convert(value, false, depth, ancestors);
  if (depth >= MAX_DEPTH) throw new JsonConversionError(`The value is nested more than ${MAX_DEPTH} levels deep (Json.NET's MaxDepth).`);
  if (ancestors.has(value)) throw new JsonConversionError('The value refers to itself (a cycle); it cannot be sent as JSON.');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return jarray(value.map((item: unknown) => convertObject(item, depth + 1, ancestors)));
    const entries: Array<[string, JToken]> = [];
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && typeof member !== 'function') entries.push([key, convertObject(member, depth + 1, ancestors)]);
    }
    return jobject(entries);
  } finally {
    ancestors.delete(value);
  }
}

/** A token as plain JSON for reports: Date tokens as their ISO text, big integers as numbers. */
export function toPlain(token: JToken): unknown {
  switch (token.type) {
    case 'Object': {
      const result: Record<string, unknown> = {};
      for (const [name, value] of token.properties) result[name] = toPlain(value);
      return result;
    }
    case 'Array':
      return token.items.map(toPlain);
    case 'Property':
      return { [token.name]: toPlain(token.value) };
    case 'Null':
      return null;
    case 'Integer':
      return Number(token.value);
    case 'Date':
      return formatJsonNetIso(token.value);
    default:
      return token.value;
  }
}
