/** The `medtech-evaluate` command on the reference files, run in a subprocess (through ts-node, as from source). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readJson, sample, samplesAvailable, skipNote } from './support';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join('lib', 'cli', 'medtech-evaluate.ts');
const describeCli = samplesAvailable ? describe : describe.skip;

type Json = Record<string, any>;

function run(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("medtech-evaluate is the package's command", () => {
  test('package.json names it as the bin, compiled from lib/cli/medtech-evaluate.ts', () => {
    const pkg = readJson<Json>(path.join(ROOT, 'package.json'));
    expect(pkg.bin).toEqual({ 'medtech-evaluate': 'dist/cli/medtech-evaluate.js' });
    expect(fs.readFileSync(path.join(ROOT, CLI), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describeCli(`medtech-evaluate on the MedTech samples${skipNote(samplesAvailable)}`, () => {
  test('01: measurements and the Observation on stdout, exit 0', () => {
    const folder = '01-heartrate-calculatedcontent';
    const { status, stdout, stderr } = run([
      '--device-mapping',
      sample(folder, 'device-mapping.json'),
      '--fhir-mapping',
      sample(folder, 'fhir-mapping.json'),
      '--issued',
      '2023-04-05T21:02:59Z',
      sample(folder, 'device-message.json'),
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const output = JSON.parse(stdout) as Json;
    expect(output.messages).toEqual([
      { file: sample(folder, 'device-message.json'), measurements: readJson(sample(folder, 'expected-normalized.json')), errors: [] },
    ]);
    expect(output.observations).toHaveLength(1);
    expect(output.observations[0]).toMatchObject({
      resourceType: 'Observation',
      issued: '2023-04-05T21:02:59Z',
      valueQuantity: { value: 78, unit: 'count/min' },
    });
    expect(output.errors).toEqual([]);
  });

  test('05: IoT Hub properties from files, and --no-envelope for a whole event read from stdin', () => {
    const folder = '05-iothub-iotjsonpathcontent-multiple-resources';
    const event = readJson<Json>(sample(folder, 'event-hub-message.json'));
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-cli-'));
    try {
      fs.writeFileSync(path.join(temp, 'properties.json'), JSON.stringify(event.Properties));
      fs.writeFileSync(path.join(temp, 'system.json'), JSON.stringify(event.SystemProperties));
      const expected = readJson(sample(folder, 'expected-normalized.json'));
      const withProperties = run([
        '--device-mapping',
        sample(folder, 'device-mapping.json'),
        '--properties',
        path.join(temp, 'properties.json'),
        '--system-properties',
        path.join(temp, 'system.json'),
        sample(folder, 'device-message.json'),
      ]);
      expect(withProperties.status).toBe(0);
      expect(JSON.parse(withProperties.stdout).messages[0].measurements).toEqual(expected);
      const fromStdin = run(['--device-mapping', sample(folder, 'device-mapping.json'), '--no-envelope', '-'], JSON.stringify(event));
      expect(fromStdin.status).toBe(0);
      expect(JSON.parse(fromStdin.stdout).messages[0]).toEqual({ file: '-', measurements: expected, errors: [] });
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });

  test('07 and 09: errors with their paths on stderr, exit 1', () => {
    const known = run([
      '--device-mapping',
      sample('09-pitfall-calculatedcontent-root-paths', 'device-mapping.json'),
      sample('09-pitfall-calculatedcontent-root-paths', 'device-message.json'),
    ]);
    expect(known.status).toBe(1);
    expect(known.stderr).toContain(
      `${sample('09-pitfall-calculatedcontent-root-paths', 'device-message.json')}: deviceMapping.template[0].template.deviceIdExpression: ` +
        'IncompatibleDataException: Unable to extract required value for [DeviceIdExpression] using $.deviceid',
    );
    const folder = '07-jmespath-custom-functions-conversions';
    const fhir = run([
      '--device-mapping',
      sample(folder, 'device-mapping.json'),
      '--fhir-mapping',
      sample(folder, 'fhir-mapping.json'),
      '--identity-resolution',
      'Create',
      sample(folder, 'device-message-A.json'),
      sample(folder, 'device-message-B.json'),
    ]);
    expect(fhir.status).toBe(1);
    expect(fhir.stderr.trim()).toBe(
      `${sample(folder, 'device-message-B.json')}: fhirMapping.template[1].template.components[0].value: InvalidQuantityFhirValueException: Expected 1 value. Received 3.`,
    );
    expect(JSON.parse(fhir.stdout).observations).toHaveLength(1);
  });

  test('a message no template matches: exit 1; a usage error: exit 2 with the usage', () => {
    const folder = '04-heartrate-and-steps-typename-linkage';
    const nothing = run(['--device-mapping', sample(folder, 'device-mapping.json'), '-'], '{"temperature": 37}');
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain('-: produces no measurement');
    const usage = run(['--fhir-mapping', sample(folder, 'fhir-mapping.from-configuration-md.json'), sample(folder, 'event-hub-message.json')]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--device-mapping is required.');
    expect(usage.stderr).toContain('Usage: medtech-evaluate');
  });
});
