import * as fs from 'fs';
import * as path from 'path';
import { CLI, cdktfSynth } from './cli-support';
import { CORE_VERSIONS } from './core-under-test';
import { readStack } from './helpers';

describe(`${CLI} synth (the real CLI)`, () => {
  test('synthesizes every example stack of the root app into cdk.tf.json files', () => {
    const { status, output, outdir } = cdktfSynth();
    try {
      expect(status).toBe(0);
      for (const stack of ['quickstart', 'imaging-platform', 'two-region-primary', 'two-region-secondary', 'remote-monitoring']) {
        const synthesized = readStack(outdir, stack);
        expect(synthesized.resources('azurerm_healthcare_workspace')).toHaveLength(1);
        expect(synthesized.resources('azurerm_healthcare_fhir_service').length).toBeGreaterThanOrEqual(1);
        // The app ran on the core under test, and pins that core's azurerm.
        expect(synthesized.json['//'].metadata.version).toBe(CORE_VERSIONS.core);
        expect(synthesized.json.terraform.required_providers.azurerm.version).toBe(CORE_VERSIONS.azurerm);
      }
      expect(output).toMatch(/Generated Terraform code for the stacks/);
      // Synth-time warnings reach the user in the CLI output.
      expect(output).toContain('WARN [remote-monitoring/Health/Wearables]: MedTech is deprecated: Microsoft started its retirement on 3 May 2025');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('exits non-zero with the construct path, the value, the rule and the fix on a broken app', () => {
    const { status, output, outdir } = cdktfSynth({ app: 'npx ts-node --transpile-only test/fixtures/broken-app.ts' });
    try {
      expect(status).not.toBe(0);
      expect(output).toContain(
        `[broken/Health/Patients] FhirService name "patients_fhir" is invalid: 3-24 letters, digits or '-', starting and ending with a letter or digit. Use e.g. "patients-fhir".`,
      );
      expect(fs.existsSync(path.join(outdir, 'stacks', 'broken', 'cdk.tf.json'))).toBe(false);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
