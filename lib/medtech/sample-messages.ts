/**
 * `MedTechService.sampleMessages`: device messages run through the service's mappings at every synth. Each must
 * produce a measurement, and every measurement must reach an Observation; what they become is written next to the
 * stack's output (`medtech-samples/<construct path>.json`) for review in pull requests.
 */
import * as fs from 'fs';
import * as path from 'path';
// cdktf's custom-synthesis hook: what TerraformAsset uses to write files next to a stack during synthesis.
import type { IConstruct } from 'constructs';
import { Annotations, Token } from '../core/platform/cdktf';
import type { TerraformStack } from '../core/platform/cdktf';
import { StackHook } from '../core/synthesis/stack-hook';
import { InputProblems } from '../core/validation';
import type { MappingEvaluationError, NormalizedMeasurement } from './mapping/evaluator/evaluation-types';
import type * as EvaluatorModule from './mapping/evaluator/mapping-evaluator';

/** A device message that the mappings are checked with at every synth. */
export interface MedTechSampleMessage {
  /**
   * A name for messages and the report.
   * @default "sample <n>" (counted from 1)
   */
  readonly name?: string;
  /** The Event Hubs event body the device sends: a JSON object (or array), or its JSON text. */
  readonly body: unknown;
  /**
   * The event's application properties, e.g. `iothub-creation-time-utc` for messages routed by IoT Hub.
   * @default {}
   */
  readonly properties?: { readonly [key: string]: unknown };
  /**
   * The event's system properties, e.g. `iothub-connection-device-id` and `iothub-enqueuedtime` for IoT Hub.
   * @default {}
   */
  readonly systemProperties?: { readonly [key: string]: unknown };
  /**
   * Whether `body` is wrapped as the service wraps events (`{Body, Properties, SystemProperties}`). Set false to give
   * the whole event instead.
   * @default true
   */
  readonly envelope?: boolean;
}

/** What the samples are checked against: the MedTech service's mappings as given to it. */
export interface SampleMappings {
  /** The device mapping document; undefined when it is a token (then nothing can be checked). */
  readonly deviceMapping: unknown;
  readonly destination?: { readonly fhirMapping: unknown; readonly identityResolution: string };
}

export const SAMPLE_REPORT_FORMAT = 'cdktf-azure-health-data-services/medtech-samples@1';

let evaluator: typeof EvaluatorModule | undefined;

/** Checks the prop's shape now; runs the samples when the stack is synthesized. */
export function registerSampleMessages(scope: IConstruct, samples: readonly MedTechSampleMessage[] | undefined, mappings: SampleMappings): void {
  if (samples === undefined) return;
  validateSamples(scope, samples);
  StackHook.of(scope).addParticipant({ synthesizeStack: (stack, directory) => runSamples(scope, samples, mappings, stack, directory) });
}

function validateSamples(scope: IConstruct, samples: unknown): void {
  const problems = new InputProblems(scope);
  if (Token.isUnresolved(samples) || !Array.isArray(samples)) {
    problems.add(
      'MedTechService sampleMessages is invalid: an array of {body, name?, properties?, systemProperties?, envelope?} known at synth (the messages are evaluated then).',
    );
    problems.throwIfAny();
    return;
  }
  samples.forEach((sample: unknown, index: number) => {
    const subject = `MedTechService sampleMessages[${index}]`;
    if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) {
      problems.add(`${subject} is invalid: an object {body, name?, properties?, systemProperties?, envelope?}.`);
      return;
    }
    const entry = sample as Record<string, unknown>;
    if (entry.body === undefined) problems.add(`${subject}.body is missing: give the event body the device sends (an object or its JSON text).`);
    if (entry.name !== undefined && typeof entry.name !== 'string') problems.add(`${subject}.name is invalid: a string.`);
    if (entry.envelope !== undefined && typeof entry.envelope !== 'boolean') problems.add(`${subject}.envelope is invalid: true or false.`);
    for (const field of ['properties', 'systemProperties']) {
      const value = entry[field];
      if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))
        problems.add(`${subject}.${field} is invalid: an object of names and values.`);
    }
  });
  problems.throwIfAny();
}

interface SampleOutcome {
  readonly name: string;
  readonly measurements: NormalizedMeasurement[];
  readonly observations: { readonly [key: string]: unknown }[];
  readonly errors: MappingEvaluationError[];
}

function runSamples(
  scope: IConstruct,
  samples: readonly MedTechSampleMessage[],
  mappings: SampleMappings,
  stack: TerraformStack,
  stackDirectory: string,
): void {
  const directory = path.join(stackDirectory, 'medtech-samples');
  const relativePath = scope.node.scopes
    .slice(stack.node.scopes.length)
    .map((node) => node.node.id)
    .join('.');
  const file = path.join(directory, `${relativePath || scope.node.id}.json`);
  const unresolved = mappings.deviceMapping === undefined || [mappings.deviceMapping, mappings.destination?.fhirMapping].some(containsToken);
  const destination = mappings.destination;

  let outcomes: SampleOutcome[] = [];
  if (unresolved) {
    Annotations.of(scope).addWarning('MedTechService sampleMessages were not checked: a mapping is only known at deploy (it contains a token).');
  } else {
    outcomes = samples.map((sample, index) => evaluateSample(sample, index, mappings));
    outcomes.forEach((outcome, index) => report(scope, outcome, index));
  }
  fs.mkdirSync(directory, { recursive: true });
  const document = {
    format: SAMPLE_REPORT_FORMAT,
    service: scope.node.path,
    checked: !unresolved,
    identityResolution: destination?.identityResolution ?? null,
    samples: outcomes,
  };
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}

function evaluateSample(sample: MedTechSampleMessage, index: number, mappings: SampleMappings): SampleOutcome {
  const { MappingEvaluator } = (evaluator ??= loadEvaluator());
  const name = sample.name ?? `sample ${index + 1}`;
  const normalized = MappingEvaluator.normalize(mappings.deviceMapping as string, sample.body, {
    envelope: sample.envelope,
    properties: sample.properties,
    systemProperties: sample.systemProperties,
  });
  const destination = mappings.destination;
  if (destination === undefined || normalized.measurements.length === 0)
    return { name, measurements: normalized.measurements, observations: [], errors: normalized.errors };
  const fhir = MappingEvaluator.toObservations(destination.fhirMapping as string, normalized.measurements, {
    identityResolution: destination.identityResolution === 'Create' ? 'Create' : 'Lookup',
    issued: latestTime(normalized.measurements),
  });
  const errors = [
    ...normalized.errors,
    ...fhir.errors.map((error) => ({ ...error, path: error.path.replace(/^fhirMapping/, 'destination.fhirMapping') })),
  ];
  return { name, measurements: normalized.measurements, observations: fhir.observations, errors };
}

/** The latest measurement time, as the Observations' `issued`: the report is then the same at every synth. */
function latestTime(measurements: readonly NormalizedMeasurement[]): string {
  return measurements.reduce(
    (latest, m) => (Date.parse(m.occurrenceTimeUtc) > Date.parse(latest) ? m.occurrenceTimeUtc : latest),
    measurements[0].occurrenceTimeUtc,
  );
}

function report(scope: IConstruct, outcome: SampleOutcome, index: number): void {
  const subject = `MedTechService sampleMessages[${index}] (${JSON.stringify(outcome.name)})`;
  for (const error of outcome.errors) {
    const measurement = error.measurementIndex === undefined ? '' : ` (measurement ${error.measurementIndex + 1} of ${outcome.measurements.length})`;
    const stage = error.path.startsWith('destination.') || error.measurementIndex !== undefined ? 'does not reach an Observation' : 'fails';
    Annotations.of(scope).addError(`${subject} ${stage}${measurement}: ${error.path}: ${error.errorType}: ${error.message}`);
  }
  if (outcome.errors.length === 0 && outcome.measurements.length === 0) {
    Annotations.of(scope).addError(
      `${subject} produces no measurement: no device template's typeMatchExpression matches it, so the service drops it. ` +
        'Fix the typeMatchExpression of the template meant to match it, or the sample.',
    );
  }
}

/** True when a mapping holds a cdktf token anywhere (it is then only known when Terraform runs). */
function containsToken(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return Token.isUnresolved(value);
  try {
    return Token.isUnresolved(JSON.stringify(value) ?? '');
  } catch {
    return false;
  }
}

function loadEvaluator(): typeof EvaluatorModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./mapping/evaluator/mapping-evaluator') as typeof EvaluatorModule;
}
