/**
 * The evaluator never crashes: on arbitrary messages, mappings, expressions and measurements it returns results
 * and errors (the service's exceptions, never an "EvaluatorError" of its own), and the only thing it throws is the
 * library's validation error for malformed options.
 */
import * as fc from 'fast-check';
import {
  HealthDataValidationError,
  MappingEvaluationError,
  MappingEvaluator,
  NormalizationResult,
  NormalizedMeasurement,
  ObservationResult,
} from '../../../lib';
import { calculatedTemplate, codeValueTemplate, deviceDoc, fhirDoc, iotTemplate, jsonPathTemplate } from '../mapping/support';

const RUNS = { numRuns: 250 };

const json = fc.jsonValue({ maxDepth: 5 });
const FIELDS = [
  'heartRate',
  'heartrate',
  'deviceId',
  'deviceid',
  'device',
  'endDate',
  'date',
  'data',
  'Body',
  'HeartRate',
  'systolic',
  'diastolic',
  'telemetry',
  'matchedToken',
  'x',
];
const leaf = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '2023-03-13T22:46:01.875Z',
    '2023-03-13T22:46:01',
    '2023-03-13T22:46:01+02:00',
    '03/13/2023 22:46:01',
    '9999-12-31T23:59:59Z',
    '0001-01-01T00:00:00Z',
    '2023-02-30T00:00:00Z',
  ),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);
const shapedMessage: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 6 }),
  ),
})).value;
const messages = fc.oneof(
  json,
  shapedMessage,
  fc.string({ maxLength: 80 }),
  shapedMessage.map((message) => JSON.stringify(message, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)) ?? 'null'),
);

const JSONPATH_ALPHABET = '$.@[]?()*&|=!<>\'":,- 0123456789abcdefxyzHR_{}'.split('');
const JMESPATH_ALPHABET = '@.[]?()*&|=!<>\'"`:,- 0123456789abcdefxyzHR_{}'.split('');
const expression = (alphabet: string[]): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 30 });
const jmesCalls = fc
  .tuple(
    fc.constantFrom(
      'add',
      'subtract',
      'multiply',
      'divide',
      'pow',
      'to_number',
      'length',
      'abs',
      'sort',
      'max',
      'sum',
      'to_string',
      'merge',
      'keys',
      'sort_by',
      'max_by',
      'map',
      'contains',
      'starts_with',
      'fromUnixTimestamp',
      'fromUnixTimestampMs',
      'insertString',
      'join',
      'reverse',
      'not_null',
      'type',
      'avg',
      'floor',
    ),
    fc.array(
      fc.constantFrom(
        'matchedToken.x',
        'matchedToken',
        '`1`',
        '`1.5`',
        "'a'",
        '`[1,2]`',
        '`{"a":1}`',
        '&x',
        '@',
        'Body',
        '`null`',
        '`9223372036854775807`',
        '`-1`',
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([name, args]) => `${name}(${args.join(', ')})`);

/** Templates of every type, with random expressions put into random fields. */
const mappings: fc.Arbitrary<unknown> = fc.oneof(
  json,
  fc
    .tuple(
      fc.constantFrom(
        ['CalculatedContent', calculatedTemplate()],
        ['JsonPathContent', jsonPathTemplate()],
        ['IotJsonPathContent', iotTemplate()],
        ['IotCentralJsonPathContent', iotTemplate()],
      ),
      fc.constantFrom('typeMatchExpression', 'deviceIdExpression', 'timestampExpression', 'patientIdExpression', 'correlationIdExpression', 'values'),
      fc.oneof(
        expression(JSONPATH_ALPHABET),
        expression(JMESPATH_ALPHABET).map((value) => ({ value, language: 'JmesPath' })),
        jmesCalls.map((value) => ({ value, language: 'JmesPath' })),
        json,
      ),
    )
    .map(([[type, template], field, value]) =>
      deviceDoc(type as string, {
        ...(template as object),
        [field]: field === 'values' ? [{ valueName: 'v', valueExpression: value, required: true }] : value,
      }),
    ),
);

function wellFormedError(error: MappingEvaluationError): boolean {
  return (
    typeof error.path === 'string' &&
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    typeof error.errorType === 'string' &&
    error.errorType !== 'EvaluatorError'
  );
}

function wellFormedNormalization(result: NormalizationResult): boolean {
  return (
    Array.isArray(result.measurements) &&
    result.errors.every(wellFormedError) &&
    result.measurements.every(
      (m) =>
        typeof m.type === 'string' &&
        typeof m.deviceId === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/.test(m.occurrenceTimeUtc) &&
        m.properties.every((p) => typeof p.name === 'string' && typeof p.value === 'string'),
    )
  );
}

function wellFormedObservations(result: ObservationResult): boolean {
  return (
    Array.isArray(result.observations) &&
    result.errors.every(wellFormedError) &&
    result.observations.every((o) => o.resourceType === 'Observation' && typeof o.id === 'string')
  );
}

describe('the evaluator never crashes', () => {
  test('normalize: arbitrary messages through templates of every type', () => {
    const fixed = [
      deviceDoc('CalculatedContent', calculatedTemplate()),
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({
          typeMatchExpression: { value: 'Body.data[*]', language: 'JmesPath' },
          values: [{ valueName: 'v', valueExpression: { value: 'multiply(matchedToken.x, `2`)', language: 'JmesPath' }, required: true }],
        }),
      ),
      deviceDoc('JsonPathContent', jsonPathTemplate()),
      deviceDoc('IotJsonPathContent', iotTemplate()),
      deviceDoc('IotCentralJsonPathContent', iotTemplate({ typeMatchExpression: '$..[?(@telemetry)]' })),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fixed), messages, fc.boolean(), (mapping, message, envelope) =>
        wellFormedNormalization(MappingEvaluator.normalize(mapping, message, { envelope })),
      ),
      RUNS,
    );
  });

  test('normalize: arbitrary mappings and expressions (JSONPath, JMESPath, the MedTech functions) on arbitrary messages', () => {
    fc.assert(
      fc.property(mappings, messages, (mapping, message) =>
        wellFormedNormalization(MappingEvaluator.normalize(mapping as Record<string, unknown>, message)),
      ),
      { numRuns: 400 },
    );
  });

  test('toObservations: arbitrary measurements through every value type and period', () => {
    const templates = [
      codeValueTemplate(),
      codeValueTemplate({ periodInterval: 60, value: { valueType: 'SampledData', valueName: 'hr', defaultPeriod: 1000, unit: 'x' } }),
      codeValueTemplate({ periodInterval: -1, value: { valueType: 'String', valueName: 'hr' } }),
      codeValueTemplate({
        periodInterval: 1440,
        value: undefined,
        components: [{ codes: [], value: { valueType: 'CodeableConcept', valueName: 'hr', codes: [] } }],
      }),
    ];
    const measurements = fc.array(
      fc.record(
        {
          type: fc.constantFrom('heartrate', 'HeartRate', 'other', ''),
          occurrenceTimeUtc: fc
            .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          deviceId: fc.constantFrom('d1', 'd2', ''),
          properties: fc.array(
            fc.record({
              name: fc.constantFrom('hr', 'x'),
              value: fc.oneof(fc.string({ maxLength: 8 }), fc.double().map(String), fc.integer().map(String)),
            }),
            { maxLength: 3 },
          ),
          patientId: fc.option(fc.constantFrom('p1', ' '), { nil: undefined }),
          correlationId: fc.option(fc.constantFrom('c1', ''), { nil: undefined }),
        },
        { requiredKeys: ['type', 'occurrenceTimeUtc', 'deviceId', 'properties'] },
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        measurements,
        fc.constantFrom('Create', 'Lookup') as fc.Arbitrary<'Create' | 'Lookup'>,
        (template, list, identityResolution) =>
          wellFormedObservations(MappingEvaluator.toObservations(fhirDoc(template), list as NormalizedMeasurement[], { identityResolution })),
      ),
      RUNS,
    );
  });

  test('toObservations: arbitrary FHIR mappings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          json,
          fc
            .dictionary(fc.constantFrom('typeName', 'codes', 'value', 'components', 'periodInterval', 'category'), json, { maxKeys: 6 })
            .map((template) => fhirDoc(template)),
        ),
        (mapping) =>
          wellFormedObservations(
            MappingEvaluator.toObservations(
              mapping as Record<string, unknown>,
              [
                {
                  type: 'heartrate',
                  occurrenceTimeUtc: '2024-01-01T00:00:00Z',
                  deviceId: 'd',
                  patientId: 'p',
                  properties: [{ name: 'hr', value: '1' }],
                },
              ],
              { identityResolution: 'Create' },
            ),
          ),
      ),
      RUNS,
    );
  });

  test("options of any shape: a result or the library's validation error, nothing else", () => {
    const anything = fc.oneof(
      json,
      fc.dictionary(
        fc.constantFrom(
          'envelope',
          'properties',
          'systemProperties',
          'enqueuedTimeUtc',
          'identityResolution',
          'devices',
          'encounters',
          'issued',
          'deviceIdentifierSystem',
        ),
        json,
        { maxKeys: 4 },
      ),
    );
    fc.assert(
      fc.property(anything, anything, (normalizeOptions, observationOptions) => {
        for (const call of [
          () => MappingEvaluator.normalize(deviceDoc('CalculatedContent', calculatedTemplate()), { heartRate: 1 }, normalizeOptions as never),
          () => MappingEvaluator.toObservations(fhirDoc(codeValueTemplate()), observationOptions as never, normalizeOptions as never),
        ]) {
          try {
            call();
          } catch (error) {
            if (!(error instanceof HealthDataValidationError)) throw error;
          }
        }
      }),
      RUNS,
    );
  });
});
