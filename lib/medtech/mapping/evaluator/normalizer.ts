/**
 * The normalization stage for one event: the event as the service builds it (`EventMessageJObjectConverter`), then
 * every template in order (`CollectionContentTemplate`), stopping at the first error as
 * `NormalizationEventConsumerService` does (the measurements produced before it are kept).
 */
import { canonicalMappingJson } from '../canonical-json';
import { DeviceMappingLoad, loadDeviceMapping } from './device-template-reader';
import { formatMeasurementTime, parseDotNetDateTime } from './dotnet-datetime';
import { MappingEvaluationError, NormalizationResult, NormalizedMeasurement, NormalizeOptions } from './evaluation-types';
import { readJsonText } from './json-text';
import { fromDotNetObject, fromPlain, jnull, jobject, JsonConversionError, JToken } from './json-token';
import { ExtractedMeasurement, extractMeasurements } from './measurement-extractor';
import { toEvaluationError } from './service-error';

const loads = new Map<string, DeviceMappingLoad>();
const LOAD_CACHE_LIMIT = 200;

/** Loads a mapping once per distinct document (fleets and sample checks evaluate the same mapping many times). */
function load(deviceMapping: unknown, rootPath: string): DeviceMappingLoad {
  let key: string | undefined;
  try {
    key = `${rootPath}\u0000${typeof deviceMapping === 'string' ? deviceMapping : canonicalMappingJson(deviceMapping)}`;
  } catch {
    key = undefined; // not serializable (a cycle, a BigInt): loading reports it
  }
  const cached = key === undefined ? undefined : loads.get(key);
  if (cached !== undefined) return cached;
  const result = loadDeviceMapping(deviceMapping, rootPath);
  if (key !== undefined) {
    if (loads.size >= LOAD_CACHE_LIMIT) loads.clear();
    loads.set(key, result);
  }
  return result;
}

export function normalizeMessage(
  deviceMapping: unknown,
  message: unknown,
  options: NormalizeOptions,
  rootPath = 'deviceMapping',
): NormalizationResult {
  const loaded = load(deviceMapping, rootPath);
  if (!loaded.ok) return { measurements: [], errors: [...loaded.errors] };
  const event = readEvent(message, options);
  if ('error' in event) return { measurements: [], errors: [event.error] };

  const ingestion = options.enqueuedTimeUtc === undefined ? undefined : formatMeasurementTime(parseDotNetDateTime(options.enqueuedTimeUtc));
  const measurements: NormalizedMeasurement[] = [];
  const errors: MappingEvaluationError[] = [];
  for (const template of loaded.templates) {
    try {
      extractMeasurements(template, event.token, (measurement) => measurements.push(present(measurement, ingestion)));
    } catch (error) {
      errors.push(toEvaluationError(error, template.path));
      break;
    }
  }
  return { measurements, errors };
}

function readEvent(message: unknown, options: NormalizeOptions): { token: JToken } | { error: MappingEvaluationError } {
  const invalid = (detail: string): { error: MappingEvaluationError } => ({
    error: {
      path: 'message',
      errorType: 'InvalidDataFormatException',
      message: `Invalid event message. Cannot be parsed into a JSON object. ${detail}`,
    },
  });
  const envelope = options.envelope !== false;
  let body: JToken;
  if (typeof message === 'string') {
    if (envelope && message.length === 0) {
      body = jnull();
    } else {
      const parsed = readJsonText(message, { readDates: true, allowTrailingText: envelope });
      if (!parsed.ok) return invalid(parsed.message);
      body = parsed.token;
    }
  } else {
    try {
      body = fromPlain(message, { readDates: true });
    } catch (error) {
      if (error instanceof JsonConversionError) return invalid(error.message);
      throw error;
    }
  }
  if (!envelope) return { token: body };
  try {
    return {
      token: jobject([
        ['Body', body],
        ['Properties', fromDotNetObject(options.properties ?? {})],
        ['SystemProperties', fromDotNetObject(options.systemProperties ?? {})],
      ]),
    };
  } catch (error) {
    if (error instanceof JsonConversionError) return { error: { path: 'options', errorType: 'InvalidDataFormatException', message: error.message } };
    throw error;
  }
}

function present(measurement: ExtractedMeasurement, ingestionTimeUtc: string | undefined): NormalizedMeasurement {
  return {
    type: measurement.type,
    occurrenceTimeUtc: formatMeasurementTime(measurement.occurrenceTime),
    deviceId: measurement.deviceId,
    ...(measurement.patientId !== null ? { patientId: measurement.patientId } : {}),
    ...(measurement.encounterId !== null ? { encounterId: measurement.encounterId } : {}),
    ...(measurement.correlationId !== null ? { correlationId: measurement.correlationId } : {}),
    ...(ingestionTimeUtc !== undefined ? { ingestionTimeUtc } : {}),
    properties: measurement.properties.map((property) => ({ name: property.name, value: property.value })),
  };
}
