/**
 * Every expected output in ../shared/reference/medtech-samples (Microsoft's documentation and samples, plus outputs
 * derived from the open-source engine, see that folder's README) reproduced by the evaluator.
 */
import { createHash } from 'crypto';
import { MappingEvaluator, NormalizedMeasurement } from '../../../lib';
import { readJson, readText, sample, samplesAvailable, skipNote } from './support';

const describeSamples = samplesAvailable ? describe : describe.skip;
if (!samplesAvailable) console.warn(`MedTech sample evaluation tests${skipNote(false)}`);

type Json = Record<string, any>;
const SERVICE_SYSTEM = 'https://azure.microsoft.com/en-us/services/iomt-fhir-connector/';

function normalized(mapping: string, message: string, envelope = true, options: Json = {}): NormalizedMeasurement[] {
  const result = MappingEvaluator.normalize(readText(sample(mapping)), readText(sample(message)), { envelope, ...options });
  expect(result.errors).toEqual([]);
  return result.measurements;
}

describeSamples(`the MedTech samples' expected outputs${skipNote(samplesAvailable)}`, () => {
  describe('01 heart rate, CalculatedContent', () => {
    const expected = readJson(sample('01-heartrate-calculatedcontent/expected-normalized.json'));

    test.each([
      ['JSONPath mapping, the device message wrapped as the service wraps it', 'device-mapping.json', 'device-message.json', true],
      ['JSONPath mapping, the event as given', 'device-mapping.json', 'event-hub-message.json', false],
      ['JMESPath variant from the docs, device message', 'device-mapping.jmespath-variant.json', 'device-message.json', true],
      ['JMESPath variant from the docs, the event as given', 'device-mapping.jmespath-variant.json', 'event-hub-message.json', false],
    ])('normalized: %s', (_name, mapping, message, envelope) => {
      expect(normalized(`01-heartrate-calculatedcontent/${mapping}`, `01-heartrate-calculatedcontent/${message}`, envelope)).toEqual(expected);
    });

    const measurements = (): NormalizedMeasurement[] =>
      normalized('01-heartrate-calculatedcontent/device-mapping.json', '01-heartrate-calculatedcontent/device-message.json');
    const issued = '2023-04-05T21:02:59.1650841+00:00';
    const identity = { deviceIdentifier: 'device01', deviceResourceId: 'device-resource-1', patientResourceId: 'patient-resource-1' };

    test('Observation: the FHIR JSON derived from the engine (placeholders filled with the given Device and Patient)', () => {
      const result = MappingEvaluator.toObservations(readText(sample('01-heartrate-calculatedcontent/fhir-mapping.json')), measurements(), {
        identityResolution: 'Lookup',
        devices: [identity],
        issued,
      });
      expect(result.errors).toEqual([]);
      const expected = readJson<Json>(sample('01-heartrate-calculatedcontent/expected-observation.derived-fhir.json'));
      const identifierValue = expected.identifier[0].value
        .replace('<patientResourceId>', identity.patientResourceId)
        .replace('<deviceResourceId>', identity.deviceResourceId);
      const filled = JSON.parse(
        JSON.stringify(expected)
          .replace(/<patientResourceId>/g, identity.patientResourceId)
          .replace(/<deviceResourceId>/g, identity.deviceResourceId)
          .replace('<processing time>', issued)
          .replace(/"<sha256hex\([^"]*\)>"/, JSON.stringify(createHash('sha256').update(`${SERVICE_SYSTEM}_${identifierValue}`).digest('hex'))),
      );
      expect(result.observations).toEqual([filled]);
    });

    test('Observation: every element the docs print (code, effective period, value) is in the evaluated one', () => {
      const [observation] = MappingEvaluator.toObservations(readText(sample('01-heartrate-calculatedcontent/fhir-mapping.json')), measurements(), {
        identityResolution: 'Lookup',
      }).observations as Json[];
      // The docs print Firely's object model: every primitive wrapped in {value}.
      const [printed] = readJson<Json[]>(sample('01-heartrate-calculatedcontent/expected-observation.as-printed-in-docs.json'));
      const unwrap = (node: any): any =>
        Array.isArray(node)
          ? node.map(unwrap)
          : node !== null && typeof node === 'object'
            ? Object.keys(node).length === 1 && 'value' in node && typeof node.value !== 'object'
              ? node.value
              : Object.fromEntries(Object.entries(node).map(([key, value]) => [key, unwrap(value)]))
            : node;
      const docs = unwrap(printed);
      // The docs show the template's coding only; the engine appends its own (research notes §7).
      expect(observation.code.coding[0]).toEqual(docs.code.coding[0]);
      expect(observation.code.text).toBe(docs.code.text);
      expect(observation.effectivePeriod).toEqual(docs.effective);
      expect(observation.valueQuantity).toEqual(docs.value);
    });
  });

  test('02 blood pressure: two values in one measurement', () => {
    expect(
      normalized('02-bloodpressure-calculatedcontent/device-mapping.json', '02-bloodpressure-calculatedcontent/event-hub-message.json', false),
    ).toEqual(readJson(sample('02-bloodpressure-calculatedcontent/expected-normalized.json')));
  });

  test.each([
    ['a: an array body gives one measurement per element', 'a.device-mapping.json', 'a.event-hub-message.array.json', 'a.expected-normalized.json'],
    [
      'b: two matches, the device id from the parent scope',
      'b.device-mapping.json',
      'b.event-hub-message.parent-scope.json',
      'b.expected-normalized.json',
    ],
  ])('03 %s', (_name, mapping, message, expected) => {
    const folder = '03-array-and-parent-scope-calculatedcontent';
    expect(normalized(`${folder}/${mapping}`, `${folder}/${message}`, false)).toEqual(readJson(sample(`${folder}/${expected}`)));
  });

  describe('04 heart rate and steps, typeName linkage', () => {
    const folder = '04-heartrate-and-steps-typename-linkage';
    const measurements = (): NormalizedMeasurement[] => normalized(`${folder}/device-mapping.json`, `${folder}/event-hub-message.json`, false);

    test('normalized: one message, two templates, two types', () => {
      expect(measurements()).toEqual(readJson(sample(`${folder}/expected-normalized.json`)));
    });

    test('the expected findings: "heartrate" finds "heartRate" (case-insensitive), "stepcount" has no FHIR template', () => {
      const findings = readJson<Json[]>(sample(`${folder}/expected-validator-findings.json`));
      const result = MappingEvaluator.toObservations(readText(sample(`${folder}/fhir-mapping.from-configuration-md.json`)), measurements(), {
        identityResolution: 'Lookup',
      });
      expect(result.observations).toHaveLength(1);
      expect((result.observations[0] as Json).code.text).toBe(findings[0].deviceTypeName);
      expect((result.observations[0] as Json).valueSampledData.data.startsWith('E ')).toBe(true);
      expect(result.errors).toEqual([
        expect.objectContaining({
          errorType: 'TemplateNotFoundException',
          message: expect.stringContaining(findings[2].message),
          measurementIndex: 1,
        }),
      ]);
    });
  });

  describe('05 IoT Hub, IotJsonPathContent', () => {
    const folder = '05-iothub-iotjsonpathcontent-multiple-resources';
    const expected = readJson(sample(`${folder}/expected-normalized.json`));

    test('normalized: the event as routed by IoT Hub', () => {
      expect(normalized(`${folder}/device-mapping.json`, `${folder}/event-hub-message.json`, false)).toEqual(expected);
    });

    test('normalized: the device message with the IoT Hub properties given as options', () => {
      const event = readJson<Json>(sample(`${folder}/event-hub-message.json`));
      expect(
        normalized(`${folder}/device-mapping.json`, `${folder}/device-message.json`, true, {
          properties: event.Properties,
          systemProperties: event.SystemProperties,
        }),
      ).toEqual(expected);
    });
  });

  describe('06 IoT Central, IotCentralJsonPathContent', () => {
    const folder = '06-iotcentral-iotcentraljsonpathcontent';

    test('a: three exports, three templates: the counts and the first measurement of each type', () => {
      const summary = readJson<Json>(sample(`${folder}/a.expected-normalized.summary.json`));
      const measurements = normalized(`${folder}/a.device-mapping.json`, `${folder}/a.event-hub-message.three-exports.json`, false);
      expect(measurements).toHaveLength(summary.measurementCount);
      const counts: Record<string, number> = {};
      for (const measurement of measurements) counts[measurement.type] = (counts[measurement.type] ?? 0) + 1;
      expect(counts).toEqual(summary.countByType);
      for (const [type, first] of Object.entries(summary.first)) expect(measurements.find((m) => m.type === type)).toEqual(first);
    });

    test.each([
      ['the export as sent', 'b.device-message.iot-central-export.json', true],
      ['the event as given', 'b.event-hub-message.json', false],
    ])("b: the docs' two templates, %s", (_name, message, envelope) => {
      expect(normalized(`${folder}/b.device-mapping.json`, `${folder}/${message}`, envelope)).toEqual(
        readJson(sample(`${folder}/b.expected-normalized.json`)),
      );
    });
  });

  describe('07 JMESPath custom functions', () => {
    const folder = '07-jmespath-custom-functions-conversions';

    test.each([
      ['A', 'device-message-A.json'],
      ['B', 'device-message-B.json'],
    ])('normalized: device %s (15-digit doubles, as the sample prints them)', (device, message) => {
      expect(normalized(`${folder}/device-mapping.json`, `${folder}/${message}`)).toEqual(
        readJson(sample(`${folder}/expected-normalized-${device}.json`)),
      );
    });

    test('Observations: device A fits an hourly Quantity; device B\'s three readings in one hour fail as the README says ("Expected 1 value. Received 3.")', () => {
      const fhirMapping = readText(sample(`${folder}/fhir-mapping.json`));
      const a = MappingEvaluator.toObservations(fhirMapping, normalized(`${folder}/device-mapping.json`, `${folder}/device-message-A.json`), {
        identityResolution: 'Create',
      });
      expect(a.errors).toEqual([]);
      expect((a.observations[0] as Json).component.map((c: Json) => [c.code.text, c.valueQuantity.value])).toEqual([
        ['heightInMeters', 1.8288],
        ['distanceInMeters', 1000.0463616],
      ]);
      const b = MappingEvaluator.toObservations(fhirMapping, normalized(`${folder}/device-mapping.json`, `${folder}/device-message-B.json`), {
        identityResolution: 'Create',
      });
      expect(b.observations).toEqual([]);
      expect(b.errors).toEqual([
        expect.objectContaining({
          errorType: 'InvalidQuantityFhirValueException',
          message: 'Expected 1 value. Received 3.',
          path: 'fhirMapping.template[1].template.components[0].value',
        }),
      ]);
    });
  });

  describe('08 SpO2 as hourly SampledData', () => {
    const folder = '08-spo2-sampleddata-hourly';
    const measurements = (): NormalizedMeasurement[] =>
      ['device-message-1.constructed.json', 'device-message-2.constructed.json'].flatMap((message) =>
        normalized(`${folder}/device-mapping.json`, `${folder}/${message}`),
      );

    test('normalized: two messages', () => {
      expect(measurements()).toEqual(readJson(sample(`${folder}/expected-normalized.derived.json`)));
    });

    test('Observation: one hour, 720 slots of 5 s, the two readings in the first two', () => {
      const expected = readJson<Json>(sample(`${folder}/expected-observation-value.derived.json`));
      const result = MappingEvaluator.toObservations(readText(sample(`${folder}/fhir-mapping.json`)), measurements(), {
        identityResolution: 'Lookup',
      });
      expect(result.errors).toEqual([]);
      const [observation] = result.observations as Json[];
      expect(observation.valueSampledData).toEqual(expected.valueSampledData);
      expect(observation.valueSampledData.data.split(' ')).toHaveLength(720);
      expect(observation.effectivePeriod).toEqual(expected.effectivePeriod);
      expect(observation.identifier[0].value.endsWith(`.${expected.identifierValueSuffix}`)).toBe(true);
    });
  });

  test('09 known-bad: root paths in CalculatedContent find nothing; the first template fails, no measurement', () => {
    const folder = '09-pitfall-calculatedcontent-root-paths';
    const expected = readJson<Json>(sample(`${folder}/expected-outcome.json`));
    const result = MappingEvaluator.normalize(readText(sample(`${folder}/device-mapping.json`)), readText(sample(`${folder}/device-message.json`)));
    expect(result.measurements).toHaveLength(expected.predictedByOssEngine.measurements);
    expect(result.errors.map((error) => `${error.errorType}: ${error.message}`)).toEqual([expected.predictedByOssEngine.firstError]);
    expect(result.errors[0].path).toBe('deviceMapping.template[0].template.deviceIdExpression');
  });

  describe('10 the same timestamp twice in one batch', () => {
    const folder = '10-same-timestamp-latest-wins';
    const measurements = (): NormalizedMeasurement[] =>
      ['device-message-1.json', 'device-message-2.json'].flatMap((message) => normalized(`${folder}/device-mapping.json`, `${folder}/${message}`));

    test('normalized: both messages', () => {
      expect(measurements()).toEqual(readJson(sample(`${folder}/expected-normalized.derived.json`)));
    });

    test('persisted: only the later message (systolic 113, diastolic 58) reaches the Observation', () => {
      expect(readJson<Json>(sample(`${folder}/expected-persisted.json`)).persistedMeasurement).toMatch(
        /device-message-2 \(systolic 113, diastolic 58\)/,
      );
      const result = MappingEvaluator.toObservations(readText(sample(`${folder}/fhir-mapping.json`)), measurements(), {
        identityResolution: 'Create',
      });
      expect(result.errors).toEqual([]);
      expect(result.observations).toHaveLength(1);
      const components = Object.fromEntries(
        (result.observations[0] as Json).component.map((c: Json) => [c.code.text, c.valueSampledData.data.split(' ')[0]]),
      );
      expect(components).toEqual({ diastolic: '58', systolic: '113' });
      // Create: the service makes the Patient and Device with hashed ids.
      const hash = (value: string): string => createHash('sha256').update(`_${value}`).digest('hex');
      expect((result.observations[0] as Json).subject).toEqual({ reference: `Patient/${hash('testpatient1')}` });
      expect((result.observations[0] as Json).device).toEqual({ reference: `Device/${hash('testdevice1')}` });
    });
  });
});
