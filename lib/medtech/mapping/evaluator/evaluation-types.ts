/** What `MappingEvaluator` takes and returns (plain data: JSON in, JSON out). */

/** One value of a normalized measurement, as the service writes it: always text. */
export interface MeasurementProperty {
  readonly name: string;
  readonly value: string;
}

/**
 * A normalized measurement in the form Azure's docs and Mapping debugger print it: camelCase, absent ids left out,
 * times in UTC (`2023-03-13T22:46:01.875Z`).
 */
export interface NormalizedMeasurement {
  /** The device template's `typeName`: selects the FHIR template. */
  readonly type: string;
  readonly occurrenceTimeUtc: string;
  readonly deviceId: string;
  /** @default - absent when the template has no patientIdExpression or it found nothing */
  readonly patientId?: string;
  /** @default - absent when the template has no encounterIdExpression or it found nothing */
  readonly encounterId?: string;
  /** @default - absent when the template has no correlationIdExpression */
  readonly correlationId?: string;
  /**
   * When the event reached the event hub; the FHIR stage keeps the latest of two measurements with the same time.
   * @default - absent unless `enqueuedTimeUtc` is given; then measurements count as ingested in the order given
   */
  readonly ingestionTimeUtc?: string;
  readonly properties: MeasurementProperty[];
}

/** Something the service would log instead of producing a measurement or an Observation. */
export interface MappingEvaluationError {
  /**
   * Where to look: a path into the mappings (`deviceMapping.template[0].template.deviceIdExpression`,
   * `fhirMapping.template[1].template.value`), `message` for the message itself, or `measurements[3]`.
   */
  readonly path: string;
  /**
   * The exception the service logs (`IncompatibleDataException`, `TemplateExpressionException`,
   * `InvalidTemplateException`, `TemplateNotFoundException`, `InvalidQuantityFhirValueException`, ...). At run
   * time the normalization stage logs them wrapped in `NormalizationDataMappingException`, the FHIR stage in
   * `FhirDataMappingException`.
   */
  readonly errorType: string;
  /** What went wrong, in the service's words where it has them. */
  readonly message: string;
  /**
   * For `toObservations`: the index of the first measurement concerned.
   * @default - not about one measurement
   */
  readonly measurementIndex?: number;
}

export interface NormalizationResult {
  /** In the order the service produces them: template by template, match by match. */
  readonly measurements: NormalizedMeasurement[];
  /**
   * Load errors of the mapping (then nothing is evaluated: the service processes no message until it is fixed), or
   * the error that stopped this message (measurements before it are kept, later templates are not evaluated).
   */
  readonly errors: MappingEvaluationError[];
}

export interface NormalizeOptions {
  /**
   * Whether `message` is an Event Hubs event body, which the service wraps as `{Body, Properties,
   * SystemProperties}` (and adds `matchedToken` for CalculatedContent). `false` evaluates the object exactly as
   * given, as the engine's unit tests do.
   * @default true
   */
  readonly envelope?: boolean;
  /**
   * The event's application properties (`Properties`), e.g. `{"iothub-creation-time-utc": "..."}` for IoT Hub.
   * Values are taken as .NET objects (strings stay strings; `Date` objects become dates). Only with `envelope`.
   * @default {}
   */
  readonly properties?: { readonly [key: string]: unknown };
  /**
   * The event's system properties (`SystemProperties`), e.g. `iothub-connection-device-id` and
   * `iothub-enqueuedtime` for IoT Hub. Only with `envelope`.
   * @default {}
   */
  readonly systemProperties?: { readonly [key: string]: unknown };
  /**
   * When the event was enqueued (ISO 8601); becomes each measurement's `ingestionTimeUtc`.
   * @default - not set
   */
  readonly enqueuedTimeUtc?: string;
}

/** A Device (and its Patient) that already exists in the FHIR service, as Lookup (or Create) would find it. */
export interface FhirDeviceIdentity {
  /** The device id a measurement carries (the Device's identifier value). */
  readonly deviceIdentifier: string;
  /** The Device's resource id (the Observation's `device` reference is `Device/<id>`). */
  readonly deviceResourceId: string;
  /** The resource id of the Patient the Device points to (`subject` is `Patient/<id>`). */
  readonly patientResourceId: string;
}

/** An Encounter that exists in the FHIR service, found by a measurement's encounter id. */
export interface FhirEncounterIdentity {
  readonly encounterIdentifier: string;
  readonly encounterResourceId: string;
}

export interface ObservationOptions {
  /**
   * The FHIR destination's resolution type. `Create`: Devices and Patients not listed in `devices` are created by
   * the service from the measurement's device and patient ids (their resource ids are the service's SHA-256
   * hashes, computed here). `Lookup`: they must exist; those not listed in `devices` get placeholder references,
   * since only the FHIR service knows them.
   */
  readonly identityResolution: 'Create' | 'Lookup';
  /**
   * Devices that exist in the FHIR service.
   * @default - none
   */
  readonly devices?: FhirDeviceIdentity[];
  /**
   * Encounters that exist in the FHIR service.
   * @default - none: a measurement's encounter id gets a placeholder reference
   */
  readonly encounters?: FhirEncounterIdentity[];
  /**
   * The service's default device identifier system (part of the Device resource id it creates).
   * @default - none
   */
  readonly deviceIdentifierSystem?: string;
  /**
   * The Observations' `issued` time (the service writes the time of processing).
   * @default - the current time
   */
  readonly issued?: string;
}

export interface ObservationResult {
  /** FHIR R4 Observation resources (JSON), in the order the service would write them. */
  readonly observations: { readonly [key: string]: unknown }[];
  /** Errors of the FHIR stage: a measurement group with an error writes none of its remaining Observations. */
  readonly errors: MappingEvaluationError[];
}
