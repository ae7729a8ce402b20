import { TerraformStack } from 'cdktf';
import { HealthDataValidationError } from '../../lib';
import { synth } from '../helpers';
import { AZAPI_CORPUS } from './azapi-corpus';
import type { BadInput } from './corpus';

function synthError(build: (stack: TerraformStack) => void): Error {
  try {
    synth(build);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the synth succeeded, but the input is invalid and must fail it');
}

/** Our error (never a TypeError from inside the library), every problem naming the construct path first. */
function expectOurError(entry: BadInput): void {
  const error = synthError(entry.build);
  if (!(error instanceof HealthDataValidationError))
    throw new Error(`expected a HealthDataValidationError, got ${error.name}: ${error.message}\n${error.stack ?? ''}`);
  for (const problem of error.problems) expect(problem).toMatch(/^\[stack(\/[^\]/]+)*\] \S/);
  expect(error.message).toContain(entry.expected);
}

describe('adversarial corpus of the AzAPI settings, events, lock, endpoint and monitoring options', () => {
  test.each(AZAPI_CORPUS.map((entry): [string, BadInput] => [`${entry.prop}: ${entry.input}`, entry]))('%s', (_title, entry) =>
    expectOurError(entry),
  );
});
