/**
 * Reading the members of a mapping object the way the service's Json.NET deserializer binds them to its C# classes:
 * names match case-insensitively, unknown names are errors where the service sets `MissingMemberHandling.Error`,
 * and numbers or booleans given for a string are converted to text.
 */
import { childPath, describeValue, FindingCollector } from './findings';
import { JsonObject, jsonTokenName } from './json-document';

export interface Member {
  /** The key as written in the document (its case may differ from the field name). */
  readonly key: string;
  readonly value: unknown;
  readonly path: string;
}

/** What to do with a key that is no field of the object's class. */
export type UnknownMemberPolicy =
  /** Json.NET `MissingMemberHandling.Error`: the service rejects the mapping. */
  | { readonly level: 'error'; readonly className: string; readonly owner: string; readonly hint?: (key: string) => string | undefined }
  /** Read with default settings: the service ignores the key, which is most likely a typo. */
  | { readonly level: 'warning'; readonly owner: string }
  | { readonly level: 'ignore' };

/**
 * Binds an object's keys to `fields`; returns the members found, by field name. Keys whose value is `undefined` are
 * absent, as they are from the JSON the provider sends.
 */
export function readMembers(
  object: JsonObject,
  path: string,
  fields: readonly string[],
  unknown: UnknownMemberPolicy,
  out: FindingCollector,
): Map<string, Member> {
  const byLowerName = new Map(fields.map((field) => [field.toLowerCase(), field]));
  const members = new Map<string, Member>();
  for (const key of Object.keys(object)) {
    if (object[key] === undefined) continue;
    const memberPath = childPath(path, key);
    const field = byLowerName.get(key.toLowerCase());
    if (field === undefined) {
      reportUnknown(key, memberPath, fields, unknown, out);
      continue;
    }
    const earlier = members.get(field);
    if (earlier !== undefined) {
      out.warning(
        memberPath,
        `"${key}" sets ${field} a second time (after "${earlier.key}"); names match case-insensitively and the service keeps the last one. Remove one of them.`,
      );
    }
    members.set(field, { key, value: object[key], path: memberPath });
  }
  return members;
}

function reportUnknown(key: string, path: string, fields: readonly string[], unknown: UnknownMemberPolicy, out: FindingCollector): void {
  if (unknown.level === 'ignore') return;
  const suggestion = closestName(key, fields);
  const didYouMean = suggestion !== undefined ? ` Did you mean "${suggestion}"?` : '';
  if (unknown.level === 'warning') {
    out.warning(path, `"${key}" is not a field of ${unknown.owner}; the service ignores it.${didYouMean} Known fields: ${fields.join(', ')}.`);
    return;
  }
  const hint = unknown.hint?.(key);
  out.error(
    path,
    `Could not find member '${key}' on object of type '${unknown.className}'. ` +
      `${hint ?? `${unknown.owner} accepts ${fields.join(', ')}.`}${didYouMean}`,
  );
}

/** The candidate at edit distance 1-2 from `name` (ignoring case), if exactly one is that close. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const near = candidates.filter((candidate) => editDistance(lower, candidate.toLowerCase(), 2) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The C# property name the service uses in its messages: `typeName` → `TypeName`. */
export function servicePropertyName(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** Reports a missing or null required member with Json.NET's texts; returns true when the member has a value. */
export function requirePresent(member: Member | undefined, field: string, parentPath: string, out: FindingCollector, fix: string): member is Member {
  if (member === undefined) {
    out.error(childPath(parentPath, field), `Required property '${servicePropertyName(field)}' not found in JSON. ${fix}`);
    return false;
  }
  if (member.value === null) {
    out.error(member.path, `Required property '${servicePropertyName(field)}' expects a value but got null. ${fix}`);
    return false;
  }
  return true;
}

/**
 * A string member's text. Numbers and booleans are converted as Json.NET does (with a warning); objects and arrays
 * are errors. Returns undefined when there is no usable text (null, unresolved, or wrong type).
 */
export function readString(member: Member, out: FindingCollector): string | undefined {
  const value = member.value;
  if (value === null || out.isUnresolved(value)) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    out.warning(
      member.path,
      `${member.key} is ${describeValue(value)}, not a string; the service reads it as the text "${text}". Write it as a string: "${text}".`,
    );
    return text;
  }
  out.error(
    member.path,
    `${member.key} must be a string, received ${describeValue(value)}. The service rejects it with "Error reading string. Unexpected token: ${jsonTokenName(value)}."`,
  );
  return undefined;
}

/** A boolean member such as `required`: true/false, or the strings "true"/"false" in any case, as Json.NET accepts. */
export function readBoolean(member: Member, out: FindingCollector): boolean | undefined {
  const value = member.value;
  if (out.isUnresolved(value)) return undefined;
  if (typeof value === 'boolean') return value;
  const fix = `Use true or false.`;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === 'false') return text === 'true';
    out.error(
      member.path,
      value === ''
        ? `${member.key} is an empty string; the service rejects it with "Error converting value {null} to type 'System.Boolean'." ${fix}`
        : `${member.key} is ${describeValue(value)}; the service rejects it with "Could not convert string to boolean: ${value}." ${fix}`,
    );
    return undefined;
  }
  if (typeof value === 'number') {
    out.warning(member.path, `${member.key} is the number ${value}; the service reads 0 as false and any other number as true. ${fix}`);
    return value !== 0;
  }
  out.error(member.path, `${member.key} must be true or false, received ${describeValue(value)}. ${fix}`);
  return undefined;
}
