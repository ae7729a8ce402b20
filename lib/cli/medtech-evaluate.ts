#!/usr/bin/env node
/**
 * `medtech-evaluate`: runs device messages through MedTech mappings on the command line (`npx
 * cdktf-azure-health-data-services --device-mapping devicemapping.json message.json`). Prints the measurements and
 * Observations as JSON on stdout and each error with its path on stderr; exits 1 when a message fails or produces no
 * measurement, 2 on a usage error.
 */
import * as fs from 'fs';
import { HealthDataValidationError } from '../core/validation';
import type { FhirDeviceIdentity, MappingEvaluationError, NormalizedMeasurement } from '../medtech/mapping/evaluator/evaluation-types';
import { MappingEvaluator } from '../medtech/mapping/evaluator/mapping-evaluator';

const USAGE = `Usage: medtech-evaluate --device-mapping <file> [options] <message file>...

Runs each device message (an Event Hubs event body, JSON; "-" reads stdin) through a MedTech device mapping, as
the service's engine does, and with --fhir-mapping builds the FHIR R4 Observations of all of them (one batch).

Options:
  --device-mapping <file>         the device mapping ({"templateType": "CollectionContent", ...}); required
  --fhir-mapping <file>           the FHIR destination mapping ({"templateType": "CollectionFhir", ...})
  --identity-resolution <type>    Create or Lookup (default Lookup: Devices not listed get placeholder references)
  --devices <file>                JSON array of existing {deviceIdentifier, deviceResourceId, patientResourceId}
  --no-envelope                   each message is the whole event {Body, Properties, SystemProperties}
  --properties <file>             JSON object: the events' application properties (e.g. iothub-creation-time-utc)
  --system-properties <file>      JSON object: the events' system properties (e.g. iothub-connection-device-id)
  --issued <time>                 the Observations' issued time (default: now)
  --help                          this text

Output (stdout): {"messages": [{"file", "measurements", "errors"}], "observations", "errors"}.
Errors (stderr): <message file>: <path in the mappings>: <exception>: <message>.
Exit status: 0 all messages reach measurements (and Observations); 1 otherwise; 2 usage error.`;

class UsageError extends Error {}

interface Arguments {
  readonly deviceMapping: string;
  readonly fhirMapping?: string;
  readonly identityResolution: 'Create' | 'Lookup';
  readonly devices?: string;
  readonly envelope: boolean;
  readonly properties?: string;
  readonly systemProperties?: string;
  readonly issued?: string;
  readonly messages: readonly string[];
}

const VALUE_OPTIONS = ['--device-mapping', '--fhir-mapping', '--identity-resolution', '--devices', '--properties', '--system-properties', '--issued'];

function parseArguments(argv: readonly string[]): Arguments | 'help' {
  const values = new Map<string, string>();
  const messages: string[] = [];
  let envelope = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--no-envelope') {
      envelope = false;
    } else if (VALUE_OPTIONS.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value.`);
      values.set(arg, value);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg}.`);
    } else {
      messages.push(arg);
    }
  }
  const deviceMapping = values.get('--device-mapping');
  if (deviceMapping === undefined) throw new UsageError('--device-mapping is required.');
  if (messages.length === 0) throw new UsageError('Give at least one message file.');
  const resolution = values.get('--identity-resolution') ?? 'Lookup';
  if (resolution !== 'Create' && resolution !== 'Lookup')
    throw new UsageError(`--identity-resolution must be Create or Lookup, not "${resolution}".`);
  return {
    deviceMapping,
    fhirMapping: values.get('--fhir-mapping'),
    identityResolution: resolution,
    devices: values.get('--devices'),
    envelope,
    properties: values.get('--properties'),
    systemProperties: values.get('--system-properties'),
    issued: values.get('--issued'),
    messages,
  };
}

function readFile(file: string): string {
  try {
    const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

function readJsonFile<T>(file: string | undefined, what: string): T | undefined {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(readFile(file)) as T;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file} (${what}) is not valid JSON: ${(error as Error).message}`);
  }
}

export function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  try {
    const parsed = parseArguments(argv);
    if (parsed === 'help') {
      out(USAGE);
      return 0;
    }
    const args = parsed;
    const deviceMapping = readFile(args.deviceMapping);
    const fhirMapping = args.fhirMapping === undefined ? undefined : readFile(args.fhirMapping);
    const properties = readJsonFile<Record<string, unknown>>(args.properties, '--properties');
    const systemProperties = readJsonFile<Record<string, unknown>>(args.systemProperties, '--system-properties');
    const devices = readJsonFile<FhirDeviceIdentity[]>(args.devices, '--devices');

    let failed = false;
    const report = (file: string, error: MappingEvaluationError): void => {
      failed = true;
      err(`${file}: ${error.path}: ${error.errorType}: ${error.message}`);
    };
    const all: NormalizedMeasurement[] = [];
    const origin: string[] = [];
    const messages = args.messages.map((file) => {
      const result = MappingEvaluator.normalize(deviceMapping, readFile(file), { envelope: args.envelope, properties, systemProperties });
      result.errors.forEach((error) => report(file, error));
      if (result.errors.length === 0 && result.measurements.length === 0) {
        failed = true;
        err(`${file}: produces no measurement: no device template's typeMatchExpression matches it, so the service drops it.`);
      }
      for (const measurement of result.measurements) {
        all.push(measurement);
        origin.push(file);
      }
      return { file, measurements: result.measurements, errors: result.errors };
    });
    let observations: { readonly [key: string]: unknown }[] = [];
    let errors: MappingEvaluationError[] = [];
    if (fhirMapping !== undefined) {
      const result = MappingEvaluator.toObservations(fhirMapping, all, { identityResolution: args.identityResolution, devices, issued: args.issued });
      observations = result.observations;
      errors = result.errors;
      for (const error of errors) report(error.measurementIndex === undefined ? args.fhirMapping! : origin[error.measurementIndex], error);
    }
    out(JSON.stringify({ messages, observations, errors }, null, 2));
    return failed ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof HealthDataValidationError) {
      err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  );
}
