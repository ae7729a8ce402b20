import {
  canonicalMappingJson,
  checkDeviceMapping,
  checkFhirMapping,
  checkMappingLinkage,
  DeviceMapping,
  ExpressionLanguage,
  FhirMapping,
  PeriodInterval,
} from '../../../lib/medtech/mapping';
import { readFixture } from './support';

const loinc = (code: string, display: string) => ({ code, system: 'http://loinc.org', display });

const heartRate = DeviceMapping.calculatedContent({
  typeName: 'HeartRate',
  typeMatchExpression: '$..[?(@pulse && @sensorId)]',
  deviceIdExpression: '$.matchedToken.sensorId',
  timestampExpression: '$.matchedToken.takenAt',
  patientIdExpression: '$.Body.subject',
  values: [{ valueName: 'bpm', valueExpression: '$.matchedToken.pulse', required: true }],
});

const heartRateJmesPath = DeviceMapping.calculatedContent({
  typeName: 'HeartRate',
  defaultExpressionLanguage: ExpressionLanguage.JMES_PATH,
  typeMatchExpression: 'Body.samples[?pulse != null]',
  deviceIdExpression: DeviceMapping.jsonPath('$.Body.sensorId'),
  timestampExpression: 'fromUnixTimestampMs(matchedToken.epochMs)',
  patientIdExpression: "insertString(Body.subject, 'patient-', `0`)",
  values: [{ valueName: 'bpm', valueExpression: 'multiply(matchedToken.beatsPerSecond, `60`)', required: true }],
});

const bloodPressure = DeviceMapping.calculatedContent({
  typeName: 'BloodPressure',
  typeMatchExpression: "$.Body.readings[?(@kind == 'bp')]",
  deviceIdExpression: '$.Body.cuff.serial',
  timestampExpression: '$.matchedToken.at',
  correlationIdExpression: '$.Body.sessionId',
  values: [
    { valueName: 'sys', valueExpression: '$.matchedToken.mmHg.sys', required: true },
    { valueName: 'dia', valueExpression: '$.matchedToken.mmHg.dia', required: true },
  ],
});

const mmHg = { unit: 'mmHg', code: 'mm[Hg]', system: 'http://unitsofmeasure.org' };
const vitals = FhirMapping.collection([
  FhirMapping.codeValue({
    typeName: 'HeartRate',
    codes: [loinc('8867-4', 'Heart rate')],
    category: [{ text: 'Vital Signs', codes: [{ code: 'vital-signs', system: 'http://terminology.hl7.org/CodeSystem/observation-category' }] }],
    periodInterval: PeriodInterval.SINGLE,
    value: FhirMapping.quantity({ valueName: 'bpm', unit: 'beats/minute', code: '/min', system: 'http://unitsofmeasure.org' }),
  }),
  FhirMapping.codeValue({
    typeName: 'BloodPressure',
    codes: [loinc('85354-9', 'Blood pressure panel')],
    periodInterval: PeriodInterval.CORRELATION_ID,
    components: [
      FhirMapping.component([loinc('8480-6', 'Systolic blood pressure')], FhirMapping.quantity({ valueName: 'sys', ...mmHg })),
      FhirMapping.component([loinc('8462-4', 'Diastolic blood pressure')], FhirMapping.quantity({ valueName: 'dia', ...mmHg })),
    ],
  }),
]);

describe('builders', () => {
  test.each([
    ['heart-rate.calculated.device-mapping.json', DeviceMapping.collection([heartRate])],
    ['heart-rate.jmespath.device-mapping.json', DeviceMapping.collection([heartRateJmesPath])],
    ['blood-pressure.calculated.device-mapping.json', DeviceMapping.collection([bloodPressure])],
    ['vitals.fhir-mapping.json', vitals],
  ])('build the same document as the fixture %s', (fixture, built) => {
    // The fixture writes `"required": "true"` in one place, as real mappings do; the builder writes the boolean.
    const expected = readFixture(fixture).replace('"required": "true"', '"required": true');
    expect(canonicalMappingJson(built)).toBe(canonicalMappingJson(expected));
  });

  test('built documents pass every check with no findings', () => {
    const device = DeviceMapping.collection([heartRate, bloodPressure]);
    expect(checkDeviceMapping(device)).toEqual([]);
    expect(checkDeviceMapping(DeviceMapping.collection([heartRateJmesPath]))).toEqual([]);
    expect(checkFhirMapping(vitals)).toEqual([]);
    expect(checkMappingLinkage(device, vitals)).toEqual([]);
  });

  test('the legacy template types and the other value types', () => {
    const device = DeviceMapping.collection([
      DeviceMapping.jsonPathContent({
        typeName: 'spo2',
        typeMatchExpression: '$..[?(@spo2)]',
        deviceIdExpression: '$.deviceId',
        timestampExpression: '$.endDate',
        values: [{ valueName: 'spo2', valueExpression: '$.spo2' }],
      }),
      DeviceMapping.iotJsonPathContent({
        typeName: 'note',
        typeMatchExpression: '$..[?(@Body.note)]',
        patientIdExpression: '$.Body.patient',
        values: [{ valueName: 'text', valueExpression: '$.Body.note' }],
      }),
      DeviceMapping.iotCentralJsonPathContent({
        typeName: 'worn',
        typeMatchExpression: '$..[?(@telemetry.worn)]',
        values: [{ valueName: 'worn', valueExpression: '$.telemetry.worn', required: false }],
      }),
    ]);
    const fhir = FhirMapping.collection([
      FhirMapping.codeValue({
        typeName: 'spo2',
        codes: [loinc('59408-5', 'SpO2')],
        periodInterval: PeriodInterval.HOURLY,
        value: FhirMapping.sampledData({ valueName: 'spo2', defaultPeriod: 5000, unit: '%' }),
      }),
      FhirMapping.codeValue({
        typeName: 'note',
        codes: [{ code: 'note' }],
        periodInterval: PeriodInterval.DAILY,
        value: FhirMapping.string({ valueName: 'text' }),
      }),
      FhirMapping.codeValue({
        typeName: 'worn',
        codes: [{ code: 'event' }],
        value: FhirMapping.codeableConcept({ valueName: 'worn', text: 'Worn', codes: [{ code: 'worn' }] }),
      }),
    ]);
    expect([...checkDeviceMapping(device), ...checkFhirMapping(fhir), ...checkMappingLinkage(device, fhir)]).toEqual([]);
  });

  test('return plain JSON: no undefined members, no class instances', () => {
    const template = DeviceMapping.jsonPathContent({
      typeName: 'a',
      typeMatchExpression: '$',
      deviceIdExpression: '$.d',
      timestampExpression: '$.t',
      patientIdExpression: undefined,
    });
    expect(template).toStrictEqual(JSON.parse(JSON.stringify(template)));
    expect(Object.keys(template.template)).not.toContain('values');
    expect(FhirMapping.quantity({ valueName: 'x', unit: undefined })).toStrictEqual({ valueType: 'Quantity', valueName: 'x' });
  });

  test('CalculatedContent always gets a values array, which the service requires', () => {
    expect(
      DeviceMapping.calculatedContent({
        typeName: 'a',
        typeMatchExpression: '$..[?(@a)]',
        deviceIdExpression: '$.Body.d',
        timestampExpression: '$.Body.t',
      }).template.values,
    ).toEqual([]);
  });

  test('enums carry the service values', () => {
    expect([PeriodInterval.SINGLE, PeriodInterval.HOURLY, PeriodInterval.DAILY, PeriodInterval.CORRELATION_ID]).toEqual([0, 60, 1440, -1]);
    expect(DeviceMapping.jmesPath('a')).toEqual({ value: 'a', language: 'JmesPath' });
  });
});
