/** How measurements become FHIR R4 Observations: grouping, value types, identities and the FHIR stage's errors. */
import { createHash } from 'crypto';
import { DeviceMapping, FhirMapping, HealthDataValidationError, MappingEvaluator, NormalizedMeasurement, ObservationOptions } from '../../../lib';
import { codeValueTemplate, fhirDoc } from '../mapping/support';

type Json = Record<string, any>;
const SYSTEM = 'https://azure.microsoft.com/en-us/services/iomt-fhir-connector/';
const LOOKUP: ObservationOptions = {
  identityResolution: 'Lookup',
  devices: [{ deviceIdentifier: 'd1', deviceResourceId: 'dev', patientResourceId: 'pat' }],
  issued: '2024-01-01T00:00:00Z',
};

function measurement(time: string, values: Record<string, string>, extra: Partial<NormalizedMeasurement> = {}): NormalizedMeasurement {
  return {
    type: 'heartrate',
    occurrenceTimeUtc: time,
    deviceId: 'd1',
    properties: Object.entries(values).map(([name, value]) => ({ name, value })),
    ...extra,
  };
}

function observe(template: Record<string, unknown>, measurements: NormalizedMeasurement[], options: ObservationOptions = LOOKUP) {
  return MappingEvaluator.toObservations(fhirDoc(template), measurements, options);
}

const sampled = (periodInterval: number, defaultPeriod = 60000): Record<string, unknown> =>
  codeValueTemplate({ periodInterval, value: { valueType: 'SampledData', valueName: 'hr', defaultPeriod, unit: 'count/min' } });

describe('grouping by periodInterval', () => {
  const readings = [
    measurement('2024-01-01T10:00:30Z', { hr: '60' }),
    measurement('2024-01-01T10:59:00Z', { hr: '61' }),
    measurement('2024-01-01T11:02:00Z', { hr: '62' }),
  ];

  test('0: one Observation per time', () => {
    const result = observe(codeValueTemplate(), readings.slice(0, 2));
    expect(result.observations.map((o: Json) => [o.effectivePeriod.start, o.valueQuantity.value])).toEqual([
      ['2024-01-01T10:00:30.0000000Z', 60],
      ['2024-01-01T10:59:00.0000000Z', 61],
    ]);
  });

  test("60: hourly boundaries, SampledData slots from the hour's start", () => {
    const result = observe(sampled(60), readings);
    expect(result.errors).toEqual([]);
    expect(result.observations.map((o: Json) => [o.effectivePeriod, o.identifier[0].value.split('.').slice(-2).join('.')])).toEqual([
      [{ start: '2024-01-01T10:00:00.0000000Z', end: '2024-01-01T10:59:59.9999999Z' }, '20240101100000Z.20240101105959Z'],
      [{ start: '2024-01-01T11:00:00.0000000Z', end: '2024-01-01T11:59:59.9999999Z' }, '20240101110000Z.20240101115959Z'],
    ]);
    const first = (result.observations[0] as Json).valueSampledData.data.split(' ');
    expect(first).toHaveLength(60);
    expect([first[0], first[59], first[1]]).toEqual(['60', '61', 'E']);
  });

  test('1440: one Observation per day', () => {
    expect(observe(sampled(1440, 3600000), readings).observations).toHaveLength(1);
  });

  test('-1: one Observation per correlation id, from the first to the last time; none without a correlation id', () => {
    const correlated = readings.map((m) => ({ ...m, correlationId: 'session-1' }));
    const [observation] = observe(sampled(-1, 1000), correlated).observations as Json[];
    expect(observation.effectivePeriod).toEqual({ start: '2024-01-01T10:00:30.0000000Z', end: '2024-01-01T11:02:00.0000000Z' });
    expect(observation.identifier[0].value.endsWith('.heartrate.session-1')).toBe(true);
    expect(observe(sampled(-1, 1000), readings).errors).toEqual([
      expect.objectContaining({ errorType: 'CorrelationIdNotDefinedException', path: 'measurements[0]' }),
    ]);
  });

  test('an unsupported periodInterval fails the FHIR stage for that type', () => {
    expect(observe(codeValueTemplate({ periodInterval: 30 }), readings).errors).toEqual([
      expect.objectContaining({
        errorType: 'NotSupportedException',
        message: 'ObservationPeriodInterval 30 is not supported.',
        path: 'fhirMapping.template[0].template.periodInterval',
      }),
    ]);
  });

  test('same device, type and time: the later measurement wins (or the later ingestion time)', () => {
    const twice = [measurement('2024-01-01T10:00:00Z', { hr: '60' }), measurement('2024-01-01T10:00:00Z', { hr: '70' })];
    expect((observe(codeValueTemplate(), twice).observations as Json[]).map((o) => o.valueQuantity.value)).toEqual([70]);
    const ingested = [
      measurement('2024-01-01T10:00:00Z', { hr: '60' }, { ingestionTimeUtc: '2024-01-01T10:00:05Z' }),
      measurement('2024-01-01T10:00:00Z', { hr: '70' }, { ingestionTimeUtc: '2024-01-01T10:00:01Z' }),
    ];
    expect((observe(codeValueTemplate(), ingested).observations as Json[]).map((o) => o.valueQuantity.value)).toEqual([60]);
  });

  test('different devices or patients are different groups', () => {
    const result = observe(codeValueTemplate(), [
      measurement('2024-01-01T10:00:00Z', { hr: '60' }),
      measurement('2024-01-01T10:00:00Z', { hr: '61' }, { deviceId: 'd2' }),
    ]);
    expect(result.observations).toHaveLength(2);
  });
});

describe('value types', () => {
  const one = [measurement('2024-01-01T10:00:00Z', { hr: '60', note: 'resting' })];

  test('Quantity: a C# decimal, exactly one value', () => {
    expect((observe(codeValueTemplate(), one).observations[0] as Json).valueQuantity).toEqual({
      value: 60,
      unit: 'count/min',
      system: 'http://unitsofmeasure.org',
      code: '/min',
    });
    expect(observe(codeValueTemplate(), [measurement('2024-01-01T10:00:00Z', { hr: '1E-05' })]).errors).toEqual([
      expect.objectContaining({ errorType: 'InvalidQuantityFhirValueException', message: 'Error encountered processing value: 1E-05.' }),
    ]);
    expect(
      observe(codeValueTemplate({ periodInterval: 60 }), [
        measurement('2024-01-01T10:00:00Z', { hr: '60' }),
        measurement('2024-01-01T10:01:00Z', { hr: '61' }),
      ]).errors,
    ).toEqual([expect.objectContaining({ message: 'Expected 1 value. Received 2.' })]);
  });

  test('String and CodeableConcept', () => {
    const text = observe(codeValueTemplate({ value: { valueType: 'String', valueName: 'note' } }), one).observations[0] as Json;
    expect(text.valueString).toBe('resting');
    const concept = observe(
      codeValueTemplate({ value: { valueType: 'CodeableConcept', valueName: 'note', text: 'Resting', codes: [{ code: 'r', system: 's' }] } }),
      one,
    ).observations[0] as Json;
    expect(concept.valueCodeableConcept).toEqual({ coding: [{ system: 's', code: 'r' }], text: 'Resting' });
  });

  test('components get the service coding of their value name; a value without data is left out', () => {
    const template = codeValueTemplate({
      value: undefined,
      components: [
        { codes: [{ code: 'c1' }], value: { valueType: 'Quantity', valueName: 'hr' } },
        { codes: [{ code: 'c2' }], value: { valueType: 'Quantity', valueName: 'absent' } },
      ],
    });
    const [observation] = observe(template, one).observations as Json[];
    expect(observation.component).toEqual([
      { code: { coding: [{ code: 'c1' }, { system: SYSTEM, code: 'hr', display: 'hr' }], text: 'hr' }, valueQuantity: { value: 60 } },
    ]);
    expect(observation).not.toHaveProperty('valueQuantity');
  });

  test('category, and the Observation code with the service coding', () => {
    const [observation] = observe(
      codeValueTemplate({
        category: [{ text: 'vital', codes: [{ code: 'vital-signs', system: 'http://terminology.hl7.org/CodeSystem/observation-category' }] }],
      }),
      one,
    ).observations as Json[];
    expect(observation.category).toEqual([
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }], text: 'vital' },
    ]);
    expect(observation.code.coding[1]).toEqual({ system: SYSTEM, code: 'heartrate', display: 'heartrate' });
  });

  test('failures the service meets only when building: a component without value, SampledData without defaultPeriod', () => {
    expect(observe(codeValueTemplate({ value: undefined, components: [{ codes: [] }] }), one).errors).toEqual([
      expect.objectContaining({ errorType: 'NullReferenceException', path: 'fhirMapping.template[0].template.components[0]' }),
    ]);
    expect(observe(codeValueTemplate({ value: { valueType: 'SampledData', valueName: 'hr' } }), one).errors).toEqual([
      expect.objectContaining({ errorType: 'ArgumentNullException' }),
    ]);
  });
});

describe('identities', () => {
  const one = [measurement('2024-01-01T10:00:00Z', { hr: '60' }, { patientId: 'patient-7', encounterId: 'visit-1' })];
  const hash = (value: string): string => createHash('sha256').update(value).digest('hex');

  test('Lookup with a known Device; the Encounter as a placeholder unless given', () => {
    const [observation] = observe(codeValueTemplate(), one).observations as Json[];
    expect([observation.subject, observation.device, observation.encounter]).toEqual([
      { reference: 'Patient/pat' },
      { reference: 'Device/dev' },
      { reference: 'Encounter/{Encounter?identifier=visit-1}' },
    ]);
    const identifier = observation.identifier[0];
    expect(identifier).toEqual({ system: SYSTEM, value: 'pat.dev.heartrate.20240101100000Z.20240101100000Z' });
    expect(observation.id).toBe(hash(`${SYSTEM}_${identifier.value}`));
    const [withEncounter] = observe(codeValueTemplate(), one, {
      ...LOOKUP,
      encounters: [{ encounterIdentifier: 'visit-1', encounterResourceId: 'enc' }],
    }).observations as Json[];
    expect(withEncounter.encounter).toEqual({ reference: 'Encounter/enc' });
  });

  test('Lookup with an unknown Device: placeholders, since only the FHIR service knows them', () => {
    const [observation] = observe(codeValueTemplate(), one, { identityResolution: 'Lookup' }).observations as Json[];
    expect(observation.device).toEqual({ reference: 'Device/{Device?identifier=d1}' });
    expect(observation.subject).toEqual({ reference: 'Patient/{Patient of Device?identifier=d1}' });
  });

  test('Create: the Patient and Device the service creates, with its hashed ids; no patient id fails', () => {
    const [observation] = observe(codeValueTemplate(), one, { identityResolution: 'Create', deviceIdentifierSystem: 'urn:devices' })
      .observations as Json[];
    expect(observation.subject).toEqual({ reference: `Patient/${hash('_patient-7')}` });
    expect(observation.device).toEqual({ reference: `Device/${hash('urn:devices_d1')}` });
    expect(observation).not.toHaveProperty('encounter');
    expect(observe(codeValueTemplate(), [measurement('2024-01-01T10:00:00Z', { hr: '60' })], { identityResolution: 'Create' }).errors).toEqual([
      expect.objectContaining({ errorType: 'ResourceIdentityNotDefinedException', path: 'measurements[0]', measurementIndex: 0 }),
    ]);
  });
});

describe('the FHIR mapping and the inputs', () => {
  test('a FHIR mapping that does not load: no Observation, its errors', () => {
    const result = MappingEvaluator.toObservations(
      { templateType: 'CollectionFhir', template: [{ templateType: 'CodeValueFhir', template: { typeName: 'x' } }] },
      [],
      LOOKUP,
    );
    expect(result).toEqual({
      observations: [],
      errors: [
        expect.objectContaining({
          errorType: 'InvalidTemplateException',
          message: expect.stringContaining("Required property 'Codes' not found in JSON."),
        }),
      ],
    });
    expect(MappingEvaluator.toObservations(fhirDoc(codeValueTemplate()), [], LOOKUP)).toEqual({ observations: [], errors: [] });
  });

  test('mappings built with DeviceMapping and FhirMapping evaluate like their JSON', () => {
    const device = DeviceMapping.collection([
      DeviceMapping.calculatedContent({
        typeName: 'heartrate',
        typeMatchExpression: '$..[?(@heartRate)]',
        deviceIdExpression: '$.matchedToken.deviceId',
        timestampExpression: '$.matchedToken.endDate',
        values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: true }],
      }),
    ]);
    const fhir = FhirMapping.collection([
      FhirMapping.codeValue({
        typeName: 'heartrate',
        codes: [{ code: '8867-4', system: 'http://loinc.org' }],
        value: FhirMapping.quantity({ valueName: 'hr', unit: 'count/min' }),
      }),
    ]);
    const { measurements, errors } = MappingEvaluator.normalize(device, { heartRate: 61, deviceId: 'd1', endDate: '2024-01-01T10:00:00Z' });
    expect(errors).toEqual([]);
    expect((MappingEvaluator.toObservations(fhir, measurements, LOOKUP).observations[0] as Json).valueQuantity).toEqual({
      value: 61,
      unit: 'count/min',
    });
  });

  test("the type name lookup ignores case, as the service's does", () => {
    expect(observe(codeValueTemplate({ typeName: 'HeartRate' }), [measurement('2024-01-01T10:00:00Z', { hr: '60' })]).observations).toHaveLength(1);
  });

  test("malformed measurements and options fail with the library's error, naming each problem", () => {
    const check =
      (measurements: unknown, options: unknown): (() => void) =>
      () =>
        MappingEvaluator.toObservations(fhirDoc(codeValueTemplate()), measurements as NormalizedMeasurement[], options as ObservationOptions);
    expect(check([{ type: 'x' }], LOOKUP)).toThrow(HealthDataValidationError);
    expect(check([{ type: 'x' }], LOOKUP)).toThrow(/measurements\[0\]\.deviceId is missing[\s\S]*measurements\[0\]\.occurrenceTimeUtc is missing/);
    expect(check([], { identityResolution: 'create' })).toThrow(/options\.identityResolution "create" is invalid: "Create" or "Lookup"/);
    expect(check('nope', LOOKUP)).toThrow(/measurements "nope" is invalid/);
    expect(check([measurement('2024-02-30T10:00:00Z', { hr: '1' })], LOOKUP)).toThrow(/occurrenceTimeUtc "2024-02-30T10:00:00Z" is invalid/);
  });
});
