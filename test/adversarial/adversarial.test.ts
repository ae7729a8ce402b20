import { TerraformStack } from 'cdktf';
import { HealthDataValidationError } from '../../lib';
import { synth } from '../helpers';
import { BadInput, CORE_CORPUS, MEDTECH_CORPUS } from './corpus';

/** The error the real `app.synth()` of the bad app throws (fails the test when it synthesizes). */
function synthError(build: (stack: TerraformStack) => void): Error {
  try {
    synth(build);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the synth succeeded, but the input is invalid and must fail it');
}

/**
 * Fails unless the error is ours: a HealthDataValidationError whose every problem names the construct path first
 * (`[stack/Health/Patients] ...`) and contains the expected fragment — not a TypeError, RangeError or any other
 * crash from inside the library.
 */
function expectOurError(entry: BadInput): void {
  const error = synthError(entry.build);
  if (!(error instanceof HealthDataValidationError)) {
    throw new Error(`expected a HealthDataValidationError, got ${error.name}: ${error.message}\n${error.stack ?? ''}`);
  }
  expect(error.problems.length).toBeGreaterThan(0);
  for (const problem of error.problems) expect(problem).toMatch(/^\[stack(\/[^\]/]+)*\] \S/);
  expect(error.message).toContain(entry.expected);
}

const titled = (entries: readonly BadInput[]): Array<[string, BadInput]> => entries.map((entry) => [`${entry.prop}: ${entry.input}`, entry]);

describe('adversarial corpus: every bad input fails the real app.synth() with our message', () => {
  test('has at least 80 core entries and covers every validated prop', () => {
    expect(CORE_CORPUS.length).toBeGreaterThanOrEqual(80);
    const props = new Set(CORE_CORPUS.map((entry) => entry.prop));
    for (const prop of [
      'Workspace name',
      'Workspace location',
      'Workspace resourceGroupName',
      'Workspace tags',
      'Workspace removalPolicy',
      'FhirService name',
      'FhirService location',
      'FhirService kind',
      'FhirService authentication.authority',
      'FhirService authentication.audience',
      'FhirService cors.allowedOrigins',
      'FhirService cors.allowedMethods',
      'FhirService cors.allowedHeaders',
      'FhirService cors.maxAgeInSeconds',
      'FhirService identity.type',
      'FhirService identity.identityIds',
      'FhirService accessPolicyObjectIds',
      'FhirService configurationExportStorageAccountName',
      'FhirService containerRegistryLoginServerUrl',
      'FhirService ociArtifact',
      'FhirService tags',
      'FhirService resource id',
      'FhirService workspace',
      'DicomService name',
      'DicomService location',
      'DicomService encryptionKeyUrl',
      'DicomService storage.storageAccountId',
      'DicomService storage.fileSystemName',
      'DicomService cors.maxAgeInSeconds',
      'DicomService identity.type',
      'DicomService tags',
      'Imported workspace workspaceId',
      'Imported workspace location',
      'Imported FhirService fhirServiceId',
      'Imported FhirService fhirVersion',
    ]) {
      expect(props).toContain(prop);
    }
  });

  describe('Workspace, FhirService, DicomService, imported workspace and FHIR service', () => {
    test.each(titled(CORE_CORPUS))('%s', (_title, entry) => expectOurError(entry));
  });

  describe('MedTechService, its Event Hub and its mappings', () => {
    test.each(titled(MEDTECH_CORPUS))('%s', (_title, entry) => expectOurError(entry));
  });
});
