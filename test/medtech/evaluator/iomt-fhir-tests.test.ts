/**
 * The normalization (and validator) cases of microsoft/iomt-fhir's unit tests whose mappings or messages are data
 * files, run on the files in ../shared/reference/iomt-fhir-tests at test time. What each case must produce was read
 * from the engine's tests (CalculatedFunctionContentTemplateDocumentationTests, NormalizationTests,
 * IotJsonPathContentTemplateTests, IotCentralJsonPathContentTemplateTests, MappingValidatorTests); the expectations
 * here are written out independently.
 */
import { MappingEvaluator, NormalizationResult, NormalizedMeasurement } from '../../../lib';
import { collectionOf, iomt, iomtTestsAvailable, readJson, readText, sample, samplesAvailable, skipNote } from './support';

const describeTests = iomtTestsAvailable ? describe : describe.skip;
if (!iomtTestsAvailable) console.warn(`iomt-fhir test-data evaluation tests${skipNote(false)}`);

type Json = Record<string, any>;

/** [deviceId, time to the second, ...[name, value] pairs] — what the engine's tests assert of each measurement. */
type Expected = [string, string, ...Array<[string, string]>];

function summary(measurements: readonly NormalizedMeasurement[]): Expected[] {
  return measurements.map((m) => [m.deviceId, m.occurrenceTimeUtc.slice(0, 19), ...m.properties.map((p): [string, string] => [p.name, p.value])]);
}

function normalize(mapping: unknown, message: unknown, envelope = false): NormalizationResult {
  return MappingEvaluator.normalize(mapping as string, message, { envelope });
}

describeTests(`microsoft/iomt-fhir test data${skipNote(iomtTestsAvailable)}`, () => {
  describe('the CalculatedContent documentation examples (templates and payloads are data files)', () => {
    const doc = (name: string): string => iomt('template-unittests', `data_Documentation_CalculatedFunction_${name}.json`);

    test.each<[string, string, string, Expected[]]>([
      ['heart rate', 'HeartRate_Template', 'HeartRate_Payload', [['device123', '2019-02-01T22:46:01', ['hr', '78']]]],
      [
        'blood pressure',
        'BloodPressure_Template',
        'BloodPressure_Payload',
        [['device123', '2019-02-01T22:46:01', ['systolic', '123'], ['diastolic', '87']]],
      ],
      [
        'two types from one message',
        'MultipleMeasurements_Template',
        'MultipleMeasurements_Payload',
        [
          ['device123', '2019-02-01T22:46:01', ['hr', '78']],
          ['device123', '2019-02-01T22:46:01', ['steps', '2']],
        ],
      ],
      [
        'three measurements from an array body',
        'HeartRate_Template',
        'MultipleMeasurements_FromArray_Payload',
        [
          ['device123', '2019-02-01T20:46:01', ['hr', '78']],
          ['device123', '2019-02-01T21:46:01', ['hr', '81']],
          ['device123', '2019-02-01T22:46:01', ['hr', '72']],
        ],
      ],
      [
        'two matches, the device id from the parent scope',
        'MultipleMatches_Template',
        'MultipleMatches_Payload',
        [
          ['device123', '2021-07-13T17:29:01', ['systolic', '120'], ['diastolic', '80']],
          ['device123', '2021-07-13T17:28:01', ['systolic', '122'], ['diastolic', '82']],
        ],
      ],
    ])('%s', (_name, template, payload, expected) => {
      const result = normalize(readText(doc(template)), readText(doc(payload)));
      expect(result.errors).toEqual([]);
      expect(summary(result.measurements)).toEqual(expected);
    });

    test('transforming data: inches converted with multiply(to_number(...), `0.0254`), meters taken as they are', () => {
      const result = normalize(readText(doc('TransformData_Template')), readText(doc('TransformData_Payload')));
      expect(result.errors).toEqual([]);
      expect(result.measurements.map((m) => [m.type, m.deviceId, m.occurrenceTimeUtc.slice(0, 19)])).toEqual([
        ['heightInMeters', 'device123', '2019-02-01T22:46:01'],
        ['heightInMeters', 'device123', '2019-02-01T23:46:01'],
      ]);
      expect(Number(result.measurements[0].properties[0].value)).toBeCloseTo(1.9812, 4);
      expect(result.measurements[1].properties).toEqual([{ name: 'height', value: '1.9304' }]);
    });
  });

  describe('NormalizationTests: heart rate and steps templates (JSONPath and JMESPath files) on plain messages', () => {
    const date = new Date('2024-05-06T07:08:09.123Z');
    const files = ['data_CollectionContentTemplateHrAndSteps.json', 'data_CollectionContentTemplateHrAndStepsJmesPath.json'];
    const cases: Array<[string, Record<string, unknown>, Array<[string, string, string]>]> = [
      ['neither value: nothing', { hrv: '5', device: 'abc', date }, []],
      [
        'heart rate and steps: two measurements',
        { heartrate: '60', steps: '2', device: 'abc', date },
        [
          ['heartrate', 'hr', '60'],
          ['steps', 'steps', '2'],
        ],
      ],
      ['heart rate only', { heartrate: '60', hrv: '5', device: 'abc', date }, [['heartrate', 'hr', '60']]],
      ['steps only', { hrv: '5', steps: '2', device: 'abc', date }, [['steps', 'steps', '2']]],
    ];
    test.each(files.flatMap((file) => cases.map(([name, message, expected]) => [file, name, message, expected] as const)))(
      '%s, %s',
      (file, _name, message, expected) => {
        const result = normalize(readText(iomt('template-unittests', file)), message);
        expect(result.errors).toEqual([]);
        expect(result.measurements.map((m) => [m.type, ...m.properties.map((p) => [p.name, p.value]).flat()])).toEqual(expected);
        for (const m of result.measurements) {
          expect(m.deviceId).toBe('abc');
          expect(m.occurrenceTimeUtc).toBe('2024-05-06T07:08:09.123Z');
        }
      },
    );

    test('three IoT Central templates on three exports: six measurements, two of each type', () => {
      const result = normalize(
        readText(iomt('template-unittests', 'data_CollectionContentTemplateMultipleIotCentralJsonPath.json')),
        readText(iomt('template-unittests', 'data_IotCentralPayloadExampleMultipleMessages.json')),
      );
      expect(result.errors).toEqual([]);
      expect(result.measurements).toHaveLength(6);
      const first = (type: string): NormalizedMeasurement => result.measurements.find((m) => m.type === type)!;
      for (const type of ['heartrate', 'bloodpressure', 'respiratoryrate'])
        expect(result.measurements.filter((m) => m.type === type)).toHaveLength(2);
      expect(first('heartrate').properties).toEqual([{ name: 'hr', value: '75' }]);
      expect(first('bloodpressure').properties).toEqual([
        { name: 'systolic', value: '62' },
        { name: 'diastolic', value: '30' },
      ]);
      expect(first('respiratoryrate').properties).toEqual([{ name: 'respiratoryrate', value: '15' }]);
    });
  });

  describe('IotJsonPathContent on IoT Hub events (the template file data_IotJsonPathContentTemplateValid.json)', () => {
    const mapping = (): Record<string, unknown> => collectionOf(iomt('template-unittests', 'data_IotJsonPathContentTemplateValid.json'));

    test('device id and time come from the IoT Hub properties', () => {
      const event = readJson<Json>(iomt('template-unittests', 'data_IotHubPayloadExample.json'));
      const result = normalize(mapping(), readText(iomt('template-unittests', 'data_IotHubPayloadExample.json')));
      expect(result.errors).toEqual([]);
      expect(result.measurements).toEqual([
        {
          type: 'heartrate',
          occurrenceTimeUtc: event.Properties['iothub-creation-time-utc'],
          deviceId: event.SystemProperties['iothub-connection-device-id'],
          properties: [{ name: 'hr', value: '203' }],
        },
      ]);
    });

    test('without iothub-creation-time-utc, the enqueued time is used', () => {
      const event = readJson<Json>(iomt('template-unittests', 'data_IotHubPayloadExampleMissingCreateTime.json'));
      const result = normalize(mapping(), readText(iomt('template-unittests', 'data_IotHubPayloadExampleMissingCreateTime.json')));
      expect(result.errors).toEqual([]);
      expect(result.measurements.map((m) => [m.occurrenceTimeUtc, m.deviceId])).toEqual([
        [event.SystemProperties['iothub-enqueuedtime'], 'ev-d795-1d04-55ae'],
      ]);
    });
  });

  (samplesAvailable ? test : test.skip)(
    "IotCentralJsonPathContent: the blood-pressure template (06 b of the samples, the same as the engine test's) on the IoT Central export",
    () => {
      const [, bloodPressure] = readJson<Json>(sample('06-iotcentral-iotcentraljsonpathcontent/b.device-mapping.json')).template;
      const exported = readJson<Json>(iomt('template-unittests', 'data_IotCentralPayloadExample.json'));
      const result = normalize(
        { templateType: 'CollectionContent', template: [bloodPressure] },
        readText(iomt('template-unittests', 'data_IotCentralPayloadExample.json')),
      );
      expect(result.errors).toEqual([]);
      expect(result.measurements).toEqual([
        {
          type: 'bloodPressure',
          occurrenceTimeUtc: exported.enqueuedTime,
          deviceId: exported.deviceId,
          properties: [
            { name: 'bp_diastolic', value: '7' },
            { name: 'bp_systolic', value: '71' },
          ],
        },
      ]);
    },
  );

  describe('MappingValidator cases (device and FHIR mappings are data files)', () => {
    const device = (): string => readText(iomt('validation-unittests', 'data_CollectionContentTemplateHrAndBloodPressureValid.json'));
    const fhir = (name: string): string => readText(iomt('validation-unittests', name));
    const date = new Date('2024-05-06T07:08:09Z');
    const reading = (diastolic = '80'): Record<string, unknown> => ({
      systolic: '60',
      diastolic,
      device: 'abc',
      date,
      session: 'abcdefg',
      patient: 'patient123',
    });

    test('a blood-pressure reading: one measurement with the patient id, an Observation with both components', () => {
      const normalized = normalize(device(), reading());
      expect(normalized.errors).toEqual([]);
      expect(normalized.measurements).toEqual([
        {
          type: 'bloodpressure',
          occurrenceTimeUtc: '2024-05-06T07:08:09Z',
          deviceId: 'abc',
          patientId: 'patient123',
          properties: [
            { name: 'systolic', value: '60' },
            { name: 'diastolic', value: '80' },
          ],
        },
      ]);
      const result = MappingEvaluator.toObservations(fhir('data_CollectionFhirTemplateValid.json'), normalized.measurements, {
        identityResolution: 'Create',
      });
      expect(result.errors).toEqual([]);
      const [observation] = result.observations as Json[];
      expect(observation.code.text).toBe('bloodpressure');
      expect(observation.component.map((c: Json) => c.code.text)).toEqual(['diastolic', 'systolic']);
      expect(observation.component[0].valueSampledData.data.split(' ')).toContain('80');
      expect(observation.component[1].valueSampledData.data.split(' ')).toContain('60');
    });

    test('a FHIR mapping without the blood-pressure type: the measurement is made, no Observation, "No Fhir Template exists"', () => {
      const normalized = normalize(device(), reading());
      expect(normalized.measurements).toHaveLength(1);
      const result = MappingEvaluator.toObservations(fhir('data_CollectionFhirTemplateMissingTypeInvalid.json'), normalized.measurements, {
        identityResolution: 'Create',
      });
      expect(result.observations).toEqual([]);
      expect(result.errors).toEqual([
        expect.objectContaining({
          errorType: 'TemplateNotFoundException',
          message: expect.stringContaining('No Fhir Template exists with the type name [bloodpressure]'),
        }),
      ]);
    });

    test.each(['80', '180'])('a component whose valueName matches nothing is left out (diastolic %s only)', (diastolic) => {
      const normalized = normalize(device(), reading(diastolic));
      const result = MappingEvaluator.toObservations(fhir('data_CollectionFhirTemplateIncorrectValueNameInvalid.json'), normalized.measurements, {
        identityResolution: 'Create',
      });
      expect(result.errors).toEqual([]);
      const [observation] = result.observations as Json[];
      expect(observation.code.text).toBe('bloodpressure');
      expect(observation.component.map((c: Json) => c.code.text)).toEqual(['diastolic']);
      expect(observation.component[0].valueSampledData.data.split(' ')).toContain(diastolic);
    });

    test("device data without any type's values: no measurement and no error", () => {
      expect(normalize(device(), { device: 'abc', date, session: 'abcdefg', patient: 'patient123' })).toEqual({ measurements: [], errors: [] });
    });

    test.each([
      [
        'no device id',
        { systolic: '60', diastolic: '80', date, session: 'abcdefg', patient: 'patient123' },
        'Unable to extract required value for [DeviceIdExpression] using $.device',
      ],
      [
        'no time',
        { systolic: '60', diastolic: '80', device: 'abc6', session: 'abcdefg', patient: 'patient123' },
        'Unable to extract required value for [TimestampExpression] using $.date',
      ],
    ])('%s: the required-value error', (_name, message, error) => {
      const result = normalize(device(), message);
      expect(result.measurements).toEqual([]);
      expect(result.errors).toEqual([expect.objectContaining({ errorType: 'IncompatibleDataException', message: error })]);
    });
  });
});
