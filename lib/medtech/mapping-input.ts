import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { InputProblems, isUnresolved } from '../core/validation';
import { canonicalMappingJson, MappingFinding, parseMappingDocument } from './mapping';

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
 * Reads a mapping given as an object or a JSON string. A token is passed through unchecked (it is known only when
 * Terraform runs); anything else must parse.
 */
export function readMapping(scope: IConstruct, problems: InputProblems, input: unknown, rootPath: string): ParsedMapping {
  if (typeof input === 'string' && isUnresolved(input)) return { json: input };
  if (input === undefined || input === null) {
    problems.add(`MedTechService ${rootPath} is missing: give the mapping document as an object or a JSON string.`);
    return { json: '' };
  }
  const { document, findings } = parseMappingDocument(input, rootPath);
  reportFindings(scope, problems, findings);
  return document === undefined ? { json: '' } : { document, json: canonicalMappingJson(document) };
}

/** Mapping errors fail the synth (through `problems`); warnings are printed at synth. */
export function reportFindings(scope: IConstruct, problems: InputProblems, findings: readonly MappingFinding[]): void {
  for (const finding of findings) {
    if (finding.level === 'error') problems.add(`${finding.path}: ${finding.message}`);
    else Annotations.of(scope).addWarning(`${finding.path}: ${finding.message}`);
  }
}
