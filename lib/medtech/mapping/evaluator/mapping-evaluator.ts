/**
 * `MappingEvaluator`: what a device message becomes in a MedTech service, offline. The evaluation code is loaded
 * on first use, so that importing the library stays as cheap as before.
 */
import { HealthDataValidationError } from '../../../core/validation';
import { parseDotNetDateTime, parseJsonNetDate } from './dotnet-datetime';
import type { DeviceMappingDocument, FhirMappingDocument } from '../builders';
import type { NormalizationResult, NormalizedMeasurement, NormalizeOptions, ObservationOptions, ObservationResult } from './evaluation-types';
import type * as NormalizerModule from './normalizer';
import type * as ObservationsModule from './observations';

let normalizer: typeof NormalizerModule | undefined;
let observations: typeof ObservationsModule | undefined;

/**
 * Runs device messages through MedTech mappings the way the service's open-source engine (`microsoft/iomt-fhir`)
 * does: the normalized measurements of the device mapping, and the FHIR R4 Observations of the FHIR destination
 * mapping. Expressions are evaluated in the service's dialects: JSONPath as Json.NET, JMESPath as JmesPath.Net
 * 1.0.205 with MedTech's eight custom functions.
 */
export class MappingEvaluator {
  /**
   * Normalizes one device message with a device mapping (`{"templateType": "CollectionContent", ...}`, an object or
   * JSON text). The message is an Event Hubs event body (an object, or its JSON text) unless `envelope` is false.
   * Never throws for what the service would reject: mapping load errors and the error that stops the message are
   * returned in `errors`. Throws HealthDataValidationError only for malformed options.
   */
  public static normalize(
    deviceMapping: DeviceMappingDocument | { readonly [key: string]: unknown } | string,
    message: unknown,
    options?: NormalizeOptions,
  ): NormalizationResult {
    const subject = 'MappingEvaluator.normalize';
    const given = optionsObject(subject, options);
    const problems: string[] = [];
    if (message === undefined) problems.push('message is missing: give the event body (an object or its JSON text).');
    checkType(problems, 'options.envelope', given.envelope, 'boolean', 'true or false');
    checkRecord(problems, 'options.properties', given.properties);
    checkRecord(problems, 'options.systemProperties', given.systemProperties);
    checkTime(problems, 'options.enqueuedTimeUtc', given.enqueuedTimeUtc);
    fail(subject, problems);
    return (normalizer ??= loadNormalizer()).normalizeMessage(deviceMapping, message, given);
  }

  /**
   * Builds the FHIR R4 Observations the service writes for these measurements (normally the `measurements` of
   * `normalize`, of one or more messages: they count as one batch) with a FHIR destination mapping
   * (`{"templateType": "CollectionFhir", ...}`, an object or JSON text). Grouping by `periodInterval`, the
   * latest-wins rule for equal times, identifiers and ids are the service's. Never throws for what the service
   * would reject; throws HealthDataValidationError for malformed measurements or options.
   */
  public static toObservations(
    fhirMapping: FhirMappingDocument | { readonly [key: string]: unknown } | string,
    measurements: NormalizedMeasurement[],
    options: ObservationOptions,
  ): ObservationResult {
    const subject = 'MappingEvaluator.toObservations';
    const given = optionsObject(subject, options);
    const problems: string[] = [];
    if (!Array.isArray(measurements)) {
      problems.push(
        `measurements ${describe(measurements)} is invalid: an array of normalized measurements (the measurements of MappingEvaluator.normalize).`,
      );
    } else {
      measurements.forEach((measurement, index) => checkMeasurement(problems, `measurements[${index}]`, measurement));
    }
    if (given.identityResolution !== 'Create' && given.identityResolution !== 'Lookup') {
      problems.push(
        `options.identityResolution ${describe(given.identityResolution)} is invalid: "Create" or "Lookup" (the FHIR destination's resolution type).`,
      );
    }
    checkList(problems, 'options.devices', given.devices, ['deviceIdentifier', 'deviceResourceId', 'patientResourceId']);
    checkList(problems, 'options.encounters', given.encounters, ['encounterIdentifier', 'encounterResourceId']);
    checkType(problems, 'options.deviceIdentifierSystem', given.deviceIdentifierSystem, 'string', 'a string');
    checkTime(problems, 'options.issued', given.issued);
    fail(subject, problems);
    return (observations ??= loadObservations()).buildObservations(fhirMapping, measurements, given as ObservationOptions);
  }

  private constructor() {}
}

function loadNormalizer(): typeof NormalizerModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./normalizer') as typeof NormalizerModule;
}

function loadObservations(): typeof ObservationsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./observations') as typeof ObservationsModule;
}

function fail(subject: string, problems: readonly string[]): void {
  if (problems.length > 0) throw new HealthDataValidationError(problems.map((problem) => `[${subject}] ${problem}`));
}

function optionsObject<T extends object>(subject: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail(subject, [`options ${describe(options)} is invalid: an object.`]);
  }
  return options;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function checkType(problems: string[], subject: string, value: unknown, type: 'string' | 'boolean', requirement: string): void {
  if (value !== undefined && typeof value !== type) problems.push(`${subject} ${describe(value)} is invalid: ${requirement}.`);
}

function checkRecord(problems: string[], subject: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    problems.push(`${subject} ${describe(value)} is invalid: an object of property names and values.`);
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function isTime(text: string): boolean {
  if (!ISO_TIME.test(text)) return false;
  try {
    return (parseJsonNetDate(text) ?? parseDotNetDateTime(text)) !== undefined;
  } catch {
    return false;
  }
}

function checkTime(problems: string[], subject: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !isTime(value)) {
    problems.push(`${subject} ${describe(value)} is invalid: an ISO 8601 time such as "2023-03-13T22:46:01.875Z".`);
  }
}

function checkList(problems: string[], subject: string, value: unknown, fields: readonly string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push(`${subject} ${describe(value)} is invalid: an array of {${fields.join(', ')}}.`);
    return;
  }
  value.forEach((item: unknown, index: number) => {
    for (const field of fields) {
      const member = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
      if (typeof member !== 'string' || member.trim() === '')
        problems.push(`${subject}[${index}].${field} ${describe(member)} is invalid: a non-empty string.`);
    }
  });
}

function checkMeasurement(problems: string[], subject: string, measurement: unknown): void {
  if (typeof measurement !== 'object' || measurement === null || Array.isArray(measurement)) {
    problems.push(`${subject} ${describe(measurement)} is invalid: an object {type, occurrenceTimeUtc, deviceId, properties, ...}.`);
    return;
  }
  const record = measurement as Record<string, unknown>;
  for (const field of ['type', 'deviceId']) {
    if (record[field] === undefined) problems.push(`${subject}.${field} is missing: every measurement has a ${field} (a string).`);
    else checkType(problems, `${subject}.${field}`, record[field], 'string', 'a string');
  }
  for (const field of ['patientId', 'encounterId', 'correlationId']) checkType(problems, `${subject}.${field}`, record[field], 'string', 'a string');
  if (record.occurrenceTimeUtc === undefined)
    problems.push(`${subject}.occurrenceTimeUtc is missing: give the time as ISO 8601, e.g. "2023-03-13T22:46:01.875Z".`);
  else checkTime(problems, `${subject}.occurrenceTimeUtc`, record.occurrenceTimeUtc);
  checkTime(problems, `${subject}.ingestionTimeUtc`, record.ingestionTimeUtc);
  const properties = record.properties;
  if (!Array.isArray(properties)) {
    problems.push(`${subject}.properties ${describe(properties)} is invalid: an array of {name, value} (value as text).`);
    return;
  }
  properties.forEach((property: unknown, index: number) => {
    const entry = typeof property === 'object' && property !== null ? (property as Record<string, unknown>) : {};
    if (typeof entry.name !== 'string' || typeof entry.value !== 'string') {
      problems.push(`${subject}.properties[${index}] is invalid: {name, value} with both strings (the service writes every value as text).`);
    }
  });
}
