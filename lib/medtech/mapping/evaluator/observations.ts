/**
 * The FHIR stage for a list of normalized measurements: grouping, identity resolution, the FHIR template of each
 * measurement type, Observation groups and Observations (`R4FhirImportService.ProcessAsync` per measurement group).
 * An error stops its measurement group (its remaining Observations are not written); other groups go on.
 */
import { canonicalMappingJson } from '../canonical-json';
import { DotNetDateTime, parseDotNetDateTime, parseJsonNetDate } from './dotnet-datetime';
import { MappingEvaluationError, NormalizedMeasurement, ObservationOptions, ObservationResult } from './evaluation-types';
import { FhirMappingLoad, LoadedFhirTemplate, loadFhirMapping } from './fhir-template-reader';
import { resolveIdentity } from './identity-resolution';
import { buildObservation } from './observation-builder';
import { groupMeasurements, MeasurementGroup, observationGroups, TimedMeasurement } from './observation-grouping';
import { ServiceError, toEvaluationError } from './service-error';

const loads = new Map<string, FhirMappingLoad>();
const LOAD_CACHE_LIMIT = 200;

function load(fhirMapping: unknown, rootPath: string): FhirMappingLoad {
  let key: string | undefined;
  try {
    key = `${rootPath}\u0000${typeof fhirMapping === 'string' ? fhirMapping : canonicalMappingJson(fhirMapping)}`;
  } catch {
    key = undefined;
  }
  const cached = key === undefined ? undefined : loads.get(key);
  if (cached !== undefined) return cached;
  const result = loadFhirMapping(fhirMapping, rootPath);
  if (key !== undefined) {
    if (loads.size >= LOAD_CACHE_LIMIT) loads.clear();
    loads.set(key, result);
  }
  return result;
}

/** A time written by `normalize` (or any ISO 8601 time; without an offset it counts as UTC). */
export function parseMeasurementTime(text: string): DotNetDateTime {
  const value = parseJsonNetDate(text) ?? parseDotNetDateTime(text);
  return { ticks: value.ticks, kind: 'Utc' };
}

export function buildObservations(
  fhirMapping: unknown,
  measurements: readonly NormalizedMeasurement[],
  options: ObservationOptions,
  rootPath = 'fhirMapping',
): ObservationResult {
  const loaded = load(fhirMapping, rootPath);
  if (!loaded.ok) return { observations: [], errors: [...loaded.errors] };
  const timed: TimedMeasurement[] = measurements.map((measurement, index) => ({
    index,
    type: measurement.type,
    time: parseMeasurementTime(measurement.occurrenceTimeUtc),
    ...(measurement.ingestionTimeUtc !== undefined ? { ingestion: parseMeasurementTime(measurement.ingestionTimeUtc).ticks } : {}),
    deviceId: measurement.deviceId,
    ...(measurement.patientId !== undefined ? { patientId: measurement.patientId } : {}),
    ...(measurement.encounterId !== undefined ? { encounterId: measurement.encounterId } : {}),
    ...(measurement.correlationId !== undefined ? { correlationId: measurement.correlationId } : {}),
    properties: measurement.properties,
  }));
  const issued = options.issued ?? new Date().toISOString();
  const observations: Array<{ [key: string]: unknown }> = [];
  const errors: MappingEvaluationError[] = [];
  for (const group of groupMeasurements(timed)) {
    let at = group.data[0].index;
    try {
      const identity = resolveIdentity(group, options);
      const template = findTemplate(loaded.templates, group, rootPath);
      for (const observationGroup of observationGroups(group, template.periodInterval, template.periodIntervalPath)) {
        at = observationGroup.measurementIndexes[0] ?? at;
        observations.push(buildObservation(template, observationGroup, identity, issued));
      }
    } catch (error) {
      const failure = toEvaluationError(error, rootPath, at);
      errors.push(failure.path === 'measurements' ? { ...failure, path: `measurements[${at}]` } : failure);
    }
  }
  return { observations, errors };
}

function findTemplate(templates: ReadonlyMap<string, LoadedFhirTemplate>, group: MeasurementGroup, rootPath: string): LoadedFhirTemplate {
  if (group.type.trim() === '') {
    throw new ServiceError(
      'ArgumentException',
      "The string can't be left empty, null or consist of only whitespaces. (Parameter 'type') (The measurement has an empty type: give the device template a typeName.)",
      'measurements',
    );
  }
  const template = templates.get(group.type.toLowerCase());
  if (template === undefined) {
    const available = [...templates.values()].map((candidate) => candidate.typeName);
    throw new ServiceError(
      'TemplateNotFoundException',
      `No Fhir Template exists with the type name [${group.type}]. Ensure that all Fhir Template type names match Device Mapping type names (including casing). ` +
        `Available Fhir Templates: [${available.join(' ,')}].`,
      `${rootPath}.template`,
    );
  }
  return template;
}
