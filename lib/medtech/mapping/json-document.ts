/** Turning a mapping given as a JSON string or a plain object into a JSON value the checks can walk. */
import { FindingCollector, MappingFinding } from './findings';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a mapping document. A string is parsed as JSON text (what the azurerm provider sends, so it must be strict
 * JSON); anything else is taken as the already-parsed document.
 * @param rootPath where findings point, e.g. `deviceMapping` or `destination.fhirMapping`
 */
export function parseMappingDocument(input: unknown, rootPath: string): { document?: unknown; findings: MappingFinding[] } {
  if (input === undefined) {
    return { findings: [{ level: 'error', path: rootPath, message: `${rootPath} is missing: a mapping document (an object or a JSON string) is required.` }] };
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
  if (exceedsDepth(document, MAX_DEPTH)) {
    return {
      findings: [{
        level: 'error',
        path: rootPath,
        message: `${rootPath} is nested more than ${MAX_DEPTH} levels deep (or refers to itself): the service's JSON reader (Json.NET) stops at ${MAX_DEPTH} ` +
          '("The reader\'s MaxDepth of 64 has been exceeded"). A mapping nests a handful of levels; check how the document is built.',
      }],
    };
  }
  return { document, findings: [] };
}

/** Json.NET's default `MaxDepth` (since 13.0.1, which the engine uses). */
const MAX_DEPTH = 64;

/** True when objects and arrays nest deeper than `limit` (walked without recursion; a cycle counts as too deep). */
function exceedsDepth(root: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[root, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * The document to check, or undefined when there is nothing to check (unresolved, or not JSON: then the reason is
 * already a finding).
 */
export function readDocument(input: unknown, rootPath: string, out: FindingCollector): { document: unknown } | undefined {
  if (out.isUnresolved(input)) return undefined;
  const parsed = parseMappingDocument(input, rootPath);
  for (const finding of parsed.findings) out.findings.push(finding);
  return 'document' in parsed ? { document: parsed.document } : undefined;
}

function invalidJsonMessage(rootPath: string, text: string, reason: string): string {
  return `${rootPath} is not valid JSON: ${reason}${location(text, reason)}. ` +
    'The azurerm provider sends the mapping as JSON and fails at apply on invalid text; fix the JSON syntax.';
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
    case 'object': return 'StartObject';
    case 'string': return 'String';
    case 'boolean': return 'Boolean';
    case 'number': return Number.isInteger(value) ? 'Integer' : 'Float';
    default: return 'Undefined';
  }
}
