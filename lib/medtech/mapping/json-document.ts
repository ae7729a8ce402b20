/** Turning a mapping given as a JSON string or a plain object into a JSON value the checks can walk. */
import { FindingCollector, MappingFinding } from './findings';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a parse treats values unknown until Terraform runs (cdktf tokens): as leaves, never walked into. */
export interface ParseOptions {
  /** @default no value is treated as unresolved */
  readonly isUnresolved?: (value: unknown) => boolean;
}

/**
 * Parses a mapping document. A string is parsed as JSON text (what the azurerm provider sends, so it must be strict
 * JSON); anything else is taken as the already-parsed document. `unresolved` tells whether some value inside the
 * document is unknown until Terraform runs.
 * @param rootPath where findings point, e.g. `deviceMapping` or `destination.fhirMapping`
 */
export function parseMappingDocument(
  input: unknown,
  rootPath: string,
  options: ParseOptions = {},
): { document?: unknown; unresolved?: boolean; findings: MappingFinding[] } {
  if (input === undefined) {
    return {
      findings: [{ level: 'error', path: rootPath, message: `${rootPath} is missing: a mapping document (an object or a JSON string) is required.` }],
    };
  }
  let document: unknown = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { findings: [{ level: 'error', path: rootPath, message: invalidJsonMessage(rootPath, input, reason) }] };
    }
  }
  const shape = measureDocument(document, options.isUnresolved);
  if (shape.tooDeep) {
    return {
      findings: [
        {
          level: 'error',
          path: rootPath,
          message:
            `${rootPath} is nested more than ${MAX_DEPTH} levels deep (or refers to itself): the service's JSON reader (Json.NET) stops at ${MAX_DEPTH} ` +
            '("The reader\'s MaxDepth of 64 has been exceeded"). A mapping nests a handful of levels; check how the document is built.',
        },
      ],
    };
  }
  if (shape.values > MAX_WRITTEN_VALUES) {
    return {
      findings: [
        {
          level: 'error',
          path: rootPath,
          message:
            `${rootPath} would be written out as JSON with more than ${MAX_WRITTEN_VALUES.toLocaleString('en')} values: an object used in several ` +
            'places of the document is written out once per place, so sharing sub-objects multiplies the size (real mappings have hundreds of values). ' +
            'This library refuses documents that large; check how the document is built.',
        },
      ],
    };
  }
  return { document, unresolved: shape.unresolved, findings: [] };
}

/** Json.NET's default `MaxDepth` (since 13.0.1, which the engine uses). */
const MAX_DEPTH = 64;

/**
 * The most values (objects, arrays and scalars, counted as written out) a document may have. Real mapping documents
 * have hundreds; a 5 MB document of 7,000 templates has about 250,000. The bound keeps checking and writing a
 * document proportionate to what the user built even when sub-objects are shared (a 40-level chain of objects that
 * each use the next one twice is written out with 2^40 values).
 */
export const MAX_WRITTEN_VALUES = 1_000_000;

/** What a walk over a document found. */
export interface DocumentShape {
  /** Objects and arrays nest deeper than the walk's depth limit (Json.NET's 64 by default), or refer to themselves. */
  readonly tooDeep: boolean;
  /** Some object or array contains itself. */
  readonly cyclic: boolean;
  /** Values as written out (a shared object counts once per place), capped just above {@link MAX_WRITTEN_VALUES}. */
  readonly values: number;
  /** Some value is unknown until Terraform runs. */
  readonly unresolved: boolean;
}

/**
 * Walks a document once per distinct object (shared sub-objects are measured once and reused), so the work is
 * linear in what the user built, not in the size it has written out. Unresolved values are leaves.
 */
export function measureDocument(root: unknown, isUnresolved: (value: unknown) => boolean = () => false, maxDepth: number = MAX_DEPTH): DocumentShape {
  const measured = new Map<object, { height: number; values: number }>();
  const onPath = new Set<object>();
  const cap = MAX_WRITTEN_VALUES + 1;
  let tooDeep = false;
  let cyclic = false;
  let unresolved = false;
  const leaf = { height: 0, values: 1 };
  // Recursion depth stays at most maxDepth + 1: deeper is reported, not walked.
  const visit = (value: unknown, depth: number): { height: number; values: number } => {
    if (isUnresolved(value)) {
      unresolved = true;
      return leaf;
    }
    if (typeof value !== 'object' || value === null) return leaf;
    const known = measured.get(value);
    if (known !== undefined) {
      if (depth + known.height > maxDepth) tooDeep = true;
      return known;
    }
    if (depth >= maxDepth || onPath.has(value)) {
      tooDeep = true;
      cyclic = cyclic || onPath.has(value);
      return leaf;
    }
    onPath.add(value);
    let height = 0;
    let values = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      const shape = visit(child, depth + 1);
      if (tooDeep) break;
      height = Math.max(height, shape.height);
      values = Math.min(values + shape.values, cap);
    }
    onPath.delete(value);
    const shape = { height: height + 1, values };
    measured.set(value, shape);
    return shape;
  };
  const values = visit(root, 0).values;
  return { tooDeep, cyclic, values, unresolved };
}

/**
 * The document to check, or undefined when there is nothing to check (unresolved, or not JSON: then the reason is
 * already a finding).
 */
export function readDocument(input: unknown, rootPath: string, out: FindingCollector): { document: unknown } | undefined {
  if (out.isUnresolved(input)) return undefined;
  const parsed = parseMappingDocument(input, rootPath, { isUnresolved: (value) => out.isUnresolved(value) });
  for (const finding of parsed.findings) out.findings.push(finding);
  return 'document' in parsed ? { document: parsed.document } : undefined;
}

function invalidJsonMessage(rootPath: string, text: string, reason: string): string {
  return (
    `${rootPath} is not valid JSON: ${reason}${location(text, reason)}. ` +
    'The azurerm provider sends the mapping as JSON and fails at apply on invalid text; fix the JSON syntax.'
  );
}

/** " (line n, column m)" of the first character the JSON parser could not accept. */
function location(text: string, reason: string): string {
  const position = errorPosition(text, reason);
  const before = text.slice(0, position);
  return ` (line ${before.split('\n').length}, column ${position - before.lastIndexOf('\n')})`;
}

function errorPosition(text: string, reason: string): number {
  const stated = positionIn(reason, text.length);
  if (stated !== undefined) return stated;
  // V8 names no position for an unexpected token: find the shortest prefix that fails before its own end.
  let consistent = 0;
  let failing = text.length;
  while (failing - consistent > 1) {
    const middle = (consistent + failing) >> 1;
    if (isConsistentPrefix(text.slice(0, middle))) consistent = middle;
    else failing = middle;
  }
  return failing - 1;
}

/** The position a V8 JSON error names; the end of the text for "Unexpected end of JSON input". */
function positionIn(reason: string, length: number): number | undefined {
  const match = /at position (\d+)/.exec(reason);
  if (match !== null) return Number(match[1]);
  return /end of JSON input/.test(reason) ? length : undefined;
}

/** True when a prefix of a JSON text is valid so far (it parses, or fails only because it ends early). */
function isConsistentPrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const position = positionIn(error instanceof Error ? error.message : String(error), prefix.length);
    return position !== undefined && position >= prefix.length;
  }
}

/** The Json.NET token name of a JSON value, as it appears in Json.NET errors ("Unexpected token: StartObject"). */
export function jsonTokenName(value: unknown): string {
  if (Array.isArray(value)) return 'StartArray';
  if (value === null) return 'Null';
  switch (typeof value) {
    case 'object':
      return 'StartObject';
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return Number.isInteger(value) ? 'Integer' : 'Float';
    default:
      return 'Undefined';
  }
}
