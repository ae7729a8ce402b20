import type * as MappingModule from './mapping';
import type { MappingCheckOptions, MappingFinding } from './mapping';
import { isUnresolved } from '../core/validation';

let loaded: typeof MappingModule | undefined;

/**
 * The mapping checks (parsers for JSONPath and JMESPath, the template tables), loaded on first use: an app without
 * MedTech never pays for loading them.
 */
export function mappingChecks(): typeof MappingModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./mapping') as typeof MappingModule);
}

/** Checks a device mapping (`{"templateType": "CollectionContent", ...}`, an object or JSON text). */
export function checkDeviceMapping(document: unknown, rootPath?: string, options?: MappingCheckOptions): MappingFinding[] {
  return mappingChecks().checkDeviceMapping(document, rootPath, withTokens(options));
}

/** Checks a FHIR destination mapping (`{"templateType": "CollectionFhir", ...}`, an object or JSON text). */
export function checkFhirMapping(document: unknown, rootPath?: string, options?: MappingCheckOptions): MappingFinding[] {
  return mappingChecks().checkFhirMapping(document, rootPath, withTokens(options));
}

/** Checks that every device typeName has a FHIR template, as the service matches them, and their values. */
export function checkMappingLinkage(
  deviceDocument: unknown,
  fhirDocument: unknown,
  paths?: { device: string; fhir: string },
  options?: MappingCheckOptions,
): MappingFinding[] {
  return mappingChecks().checkMappingLinkage(deviceDocument, fhirDocument, paths, withTokens(options));
}

/** The document as the azurerm provider stores it: compact, keys sorted; the same document always gives the same bytes. */
export function canonicalMappingJson(document: unknown): string {
  return mappingChecks().canonicalMappingJson(document);
}

/** cdktf tokens are unresolved unless the caller says otherwise: the checks never walk into a token. */
function withTokens(options: MappingCheckOptions | undefined): MappingCheckOptions {
  return { ...options, isUnresolved: options?.isUnresolved ?? isUnresolved };
}
