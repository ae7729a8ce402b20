import * as fs from 'fs';
import * as path from 'path';
import { MappingFinding, MappingFindingLevel } from '../../../lib/medtech/mapping';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/medtech');

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** One row of a table of rejected inputs: the finding expected among the document's findings. */
export interface FailingCase {
  readonly name: string;
  readonly document: unknown;
  readonly level: MappingFindingLevel;
  readonly path: string;
  readonly message: string;
}

/** Matches a finding by level, exact path and a fragment of its message. */
export function finding(level: MappingFindingLevel, at: string, fragment: string): MappingFinding {
  return expect.objectContaining({ level, path: at, message: expect.stringContaining(fragment) }) as MappingFinding;
}

export function errorsOf(findings: readonly MappingFinding[]): MappingFinding[] {
  return findings.filter((f) => f.level === 'error');
}

/** A stand-in for a cdktf token and the matching `isUnresolved`. */
export const TOKEN = '${TfToken[TOKEN.7]}';
export const isUnresolved = (value: unknown): boolean => typeof value === 'string' && value.includes('${TfToken[');

/** A device mapping with one template. */
export function deviceDoc(templateType: string, template: unknown): Record<string, unknown> {
  return { templateType: 'CollectionContent', template: [{ templateType, template }] };
}

/** A valid CalculatedContent template; tests override single fields. */
export function calculatedTemplate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    typeName: 'heartrate',
    typeMatchExpression: '$..[?(@heartRate)]',
    deviceIdExpression: '$.matchedToken.deviceId',
    timestampExpression: '$.matchedToken.endDate',
    values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: true }],
    ...overrides,
  };
}

/** A valid JsonPathContent template (expressions relative to the matched token). */
export function jsonPathTemplate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    typeName: 'heartrate',
    typeMatchExpression: '$..[?(@heartrate)]',
    deviceIdExpression: '$.deviceid',
    timestampExpression: '$.measurementdatetime',
    values: [{ valueName: 'hr', valueExpression: '$.heartrate', required: 'true' }],
    ...overrides,
  };
}

/** A valid IotJsonPathContent template. */
export function iotTemplate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    typeName: 'HeartRate',
    typeMatchExpression: '$..[?(@Body.HeartRate)]',
    values: [{ valueName: 'HeartRate', valueExpression: '$.Body.HeartRate', required: true }],
    ...overrides,
  };
}

export const CODES = [{ code: '8867-4', system: 'http://loinc.org', display: 'Heart rate' }];

/** A FHIR mapping with one CodeValueFhir template. */
export function fhirDoc(template: unknown, templateType = 'CodeValueFhir'): Record<string, unknown> {
  return { templateType: 'CollectionFhir', template: [{ templateType, template }] };
}

/** A valid CodeValueFhir template; tests override single fields. */
export function codeValueTemplate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    typeName: 'heartrate',
    codes: CODES,
    value: { valueType: 'Quantity', valueName: 'hr', unit: 'count/min', system: 'http://unitsofmeasure.org', code: '/min' },
    ...overrides,
  };
}
