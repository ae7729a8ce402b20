import type { IConstruct } from 'constructs';
import { Annotations, Fn } from '../core/platform/cdktf';
import { InputProblems, isUnresolved } from '../core/validation';
import type { MappingFinding } from './mapping';
import { mappingChecks } from './mapping-checks';

/** A mapping as a plain object (the JSON document) or as a JSON string. */
export type MappingInput<TDocument> = TDocument | { readonly [key: string]: unknown } | string;

/** A parsed mapping: the document (when it could be read) and its JSON for the provider. */
export interface ParsedMapping {
  /** The parsed document; undefined when the input is a token or does not parse. */
  readonly document?: unknown;
  /** What goes into the provider argument: stable bytes for the same document, or the token as it is. */
  readonly json: string;
}

/**
 * Results computed once per document: fleets pass one mapping to hundreds of MedTech services. Keyed by the canonical
 * JSON (or the JSON text given), never by object identity, so a document changed between two services is checked
 * again.
 */
const memo = new Map<string, unknown>();
const MEMO_LIMIT = 2000;

function once<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * Reads a mapping given as an object or a JSON string. A token is passed through unchecked (it is known only when
 * Terraform runs); anything else must parse.
 */
export function readMapping(scope: IConstruct, problems: InputProblems, input: unknown, rootPath: string): ParsedMapping {
  // A whole-document token: a string token goes as it is, an object token (a variable of type any) as JSON text.
  if (isUnresolved(input)) return { json: typeof input === 'string' ? input : Fn.jsonencode(input) };
  if (input === undefined || input === null) {
    problems.add(`MedTechService ${rootPath} is missing: give the mapping document as an object or a JSON string.`);
    return { json: '' };
  }
  const checks = mappingChecks();
  const parsed =
    typeof input === 'string'
      ? once(`parse\u0000${rootPath}\u0000${input}`, () => checks.parseMappingDocument(input, rootPath))
      : checks.parseMappingDocument(input, rootPath, { isUnresolved });
  reportFindings(scope, problems, parsed.findings);
  if (parsed.document === undefined) return { json: '' };
  // Tokens inside the document (e.g. `required: variable.booleanValue`): Terraform writes the JSON at plan time.
  return { document: parsed.document, json: parsed.unresolved ? Fn.jsonencode(parsed.document) : checks.canonicalMappingJson(parsed.document) };
}

/** The findings of the device mapping checks, once per document. */
export function deviceMappingFindings(mapping: ParsedMapping): readonly MappingFinding[] {
  return once(`device\u0000${mapping.json}`, () => mappingChecks().checkDeviceMapping(mapping.document, 'deviceMapping', { isUnresolved }));
}

/** The findings of the FHIR mapping checks and, with a device mapping, of their linkage, once per pair. */
export function fhirMappingFindings(fhir: ParsedMapping, device: ParsedMapping | undefined): readonly MappingFinding[] {
  const checks = mappingChecks();
  const own = once(`fhir\u0000${fhir.json}`, () => checks.checkFhirMapping(fhir.document, 'destination.fhirMapping', { isUnresolved }));
  if (device?.document === undefined) return own;
  const linkage = once(`linkage\u0000${device.json}\u0000${fhir.json}`, () =>
    checks.checkMappingLinkage(device.document, fhir.document, { device: 'deviceMapping', fhir: 'destination.fhirMapping' }, { isUnresolved }),
  );
  return [...own, ...linkage];
}

/** Mapping errors fail the synth (through `problems`); warnings are printed at synth. */
export function reportFindings(scope: IConstruct, problems: InputProblems, findings: readonly MappingFinding[]): void {
  for (const finding of findings) {
    if (finding.level === 'error') problems.add(`${finding.path}: ${finding.message}`);
    else Annotations.of(scope).addWarning(`${finding.path}: ${finding.message}`);
  }
}
