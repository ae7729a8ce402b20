export type { MappingCheckOptions, MappingFinding, MappingFindingLevel } from './findings';
export { parseMappingDocument } from './json-document';
export { checkDeviceMapping } from './device-mapping-check';
export { checkFhirMapping } from './fhir-mapping-check';
export { checkMappingLinkage } from './linkage-check';
export { canonicalMappingJson } from './canonical-json';
export * from './builders';
