/** `MedTechService.sampleMessages`: checked at every synth (the real `app.synth()`), reported next to the stack. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { HealthDataValidationError, MedTechSampleMessage, Workspace } from '../../../lib';
import { readStack } from '../../helpers';
import { calculatedTemplate, codeValueTemplate, deviceDoc, fhirDoc } from '../mapping/support';

type Json = Record<string, any>;

const DEVICE = deviceDoc('CalculatedContent', calculatedTemplate({ patientIdExpression: '$.matchedToken.patientId' }));
const FHIR = fhirDoc(codeValueTemplate());
const HEART_RATE = { heartRate: 78, endDate: '2023-03-13T22:46:01.875Z', deviceId: 'device01', patientId: 'patient01' };

interface Options {
  readonly sampleMessages?: MedTechSampleMessage[];
  readonly deviceMapping?: unknown;
  readonly fhirMapping?: unknown;
  readonly identityResolution?: 'Create' | 'Lookup';
  readonly destination?: boolean;
}

/** Synthesizes a workspace with one MedTech service; returns the error (if any), the annotations and the sample report. */
function synthesize(options: Options): { error?: string; report?: Json; warnings: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-samples-'));
  try {
    const app = new App({ outdir, skipBackendValidation: true });
    const stack = new TerraformStack(app, 'clinic');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
    const records = workspace.addFhirService('Records', { name: 'records' });
    const mapping = options.deviceMapping ?? DEVICE;
    workspace.addMedTechService('Devices', {
      name: 'devices',
      eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' },
      deviceMapping: typeof mapping === 'function' ? (mapping as (s: TerraformStack) => string)(stack) : (mapping as Record<string, unknown>),
      ...(options.destination === false
        ? {}
        : {
            destination: {
              fhirService: records,
              identityResolution: options.identityResolution ?? 'Create',
              fhirMapping: (options.fhirMapping ?? FHIR) as Record<string, unknown>,
            },
          }),
      sampleMessages: options.sampleMessages,
    });
    let error: string | undefined;
    try {
      app.synth();
    } catch (e) {
      error = (e as Error).message;
    }
    const reportFile = path.join(outdir, 'stacks', 'clinic', 'medtech-samples', 'Health.Devices.json');
    const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Json) : undefined;
    const warnings = error === undefined ? readStack(outdir, 'clinic').messages('WARN') : [];
    return { error, report, warnings };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('MedTechService sampleMessages', () => {
  test('a sample that reaches an Observation: the synth passes and the report holds its measurements and Observations', () => {
    const { error, report } = synthesize({ sampleMessages: [{ name: 'heart rate', body: HEART_RATE }] });
    expect(error).toBeUndefined();
    expect(report).toMatchObject({
      format: 'cdktf-azure-health-data-services/medtech-samples@1',
      service: 'clinic/Health/Devices',
      checked: true,
      identityResolution: 'Create',
    });
    const [sample] = report!.samples;
    expect(sample.name).toBe('heart rate');
    expect(sample.errors).toEqual([]);
    expect(sample.measurements).toEqual([
      {
        type: 'heartrate',
        occurrenceTimeUtc: '2023-03-13T22:46:01.875Z',
        deviceId: 'device01',
        patientId: 'patient01',
        properties: [{ name: 'hr', value: '78' }],
      },
    ]);
    expect(sample.observations).toHaveLength(1);
    expect(sample.observations[0]).toMatchObject({ resourceType: 'Observation', issued: '2023-03-13T22:46:01.875Z', valueQuantity: { value: 78 } });
  });

  test('the report is the same at every synth', () => {
    const first = synthesize({ sampleMessages: [{ body: HEART_RATE }] }).report;
    expect(synthesize({ sampleMessages: [{ body: HEART_RATE }] }).report).toEqual(first);
  });

  test('a message that yields no measurement fails the synth', () => {
    const { error, report } = synthesize({ sampleMessages: [{ body: HEART_RATE }, { name: 'steps', body: { steps: 12, deviceId: 'device01' } }] });
    expect(error).toContain(
      'MedTechService sampleMessages[1] ("steps") produces no measurement: no device template\'s typeMatchExpression matches it',
    );
    expect(error).toContain('clinic/Health/Devices');
    expect(report!.samples[1]).toMatchObject({ name: 'steps', measurements: [], errors: [] });
  });

  test('an extraction error fails the synth with the path into the device mapping', () => {
    const { error } = synthesize({ sampleMessages: [{ body: { ...HEART_RATE, endDate: 'yesterday' } }] });
    expect(error).toContain(
      'MedTechService sampleMessages[0] ("sample 1") fails: deviceMapping.template[0].template.timestampExpression: IncompatibleDataException: Unable to extract required value for [TimestampExpression]',
    );
  });

  test('a measurement that reaches no Observation fails the synth: a Quantity that is not a number', () => {
    const { error, report } = synthesize({ sampleMessages: [{ body: HEART_RATE }, { name: 'text', body: { ...HEART_RATE, heartRate: 'high' } }] });
    expect(error).toContain(
      'sampleMessages[1] ("text") does not reach an Observation (measurement 1 of 1): destination.fhirMapping.template[0].template.value: ' +
        'InvalidQuantityFhirValueException: Error encountered processing value: high.',
    );
    expect(error).not.toContain('sampleMessages[0]');
    expect(report!.samples[1].measurements).toHaveLength(1);
  });

  test('identity resolution Create without a patient id fails the synth (the service cannot create the Patient)', () => {
    const { error } = synthesize({ sampleMessages: [{ body: { ...HEART_RATE, patientId: undefined } }] });
    expect(error).toContain('ResourceIdentityNotDefinedException');
    expect(synthesize({ identityResolution: 'Lookup', sampleMessages: [{ body: { ...HEART_RATE, patientId: undefined } }] }).error).toBeUndefined();
  });

  test('without a destination only normalization is checked', () => {
    const { error, report } = synthesize({ destination: false, sampleMessages: [{ body: HEART_RATE }] });
    expect(error).toBeUndefined();
    expect(report!.identityResolution).toBeNull();
    expect(report!.samples[0].observations).toEqual([]);
  });

  test('IoT Hub samples carry their properties; a whole event can be given with envelope: false', () => {
    const iot = deviceDoc('IotJsonPathContent', {
      typeName: 'heartrate',
      typeMatchExpression: '$..[?(@Body.heartRate)]',
      patientIdExpression: '$.Body.patientId',
      values: [{ valueName: 'hr', valueExpression: '$.Body.heartRate', required: true }],
    });
    const systemProperties = { 'iothub-connection-device-id': 'hub-device', 'iothub-enqueuedtime': '2023-07-25T19:33:13.087Z' };
    const { error, report } = synthesize({
      deviceMapping: iot,
      sampleMessages: [
        { body: { heartRate: 70, patientId: 'p' }, systemProperties },
        { body: { Body: { heartRate: 71, patientId: 'p' }, Properties: {}, SystemProperties: systemProperties }, envelope: false },
      ],
    });
    expect(error).toBeUndefined();
    expect(report!.samples.map((s: Json) => s.measurements[0].deviceId)).toEqual(['hub-device', 'hub-device']);
  });

  test('a mapping known only at deploy is not checked (a warning)', () => {
    const { error, report, warnings } = synthesize({
      deviceMapping: (stack: TerraformStack) => new TerraformVariable(stack, 'mapping', { type: 'string' }).stringValue,
      sampleMessages: [{ body: HEART_RATE }],
    });
    expect(error).toBeUndefined();
    expect(report!.checked).toBe(false);
    expect(warnings).toContain('MedTechService sampleMessages were not checked: a mapping is only known at deploy (it contains a token).');
  });

  test("a malformed prop fails at construction with the library's error", () => {
    expect(() => synthesize({ sampleMessages: [{ name: 'x' } as unknown as MedTechSampleMessage] })).toThrow(HealthDataValidationError);
    expect(() => synthesize({ sampleMessages: [{ name: 'x' } as unknown as MedTechSampleMessage] })).toThrow(/sampleMessages\[0\]\.body is missing/);
    expect(() => synthesize({ sampleMessages: 'nope' as unknown as MedTechSampleMessage[] })).toThrow(/sampleMessages is invalid/);
  });
});
