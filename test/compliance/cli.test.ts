import * as fs from 'fs';
import * as path from 'path';
import { cdktfSynth, ROOT } from '../cli-support';
import { sarifValidator } from './sarif-schema';
import { ComplianceReport } from '../../lib';

describe('the compliance check under cdktf synth (the real CLI)', () => {
  test('the production example passes, and its report lands next to cdk.tf.json with the suppression and its reason', () => {
    const { status, output, outdir } = cdktfSynth();
    try {
      expect(status).toBe(0);
      expect(output).not.toMatch(/AHDS-/);
      const stack = path.join(outdir, 'stacks', 'production');
      expect(fs.readdirSync(stack).sort()).toEqual([
        'cdk.tf.json',
        'health-data-compliance.csv',
        'health-data-compliance.json',
        'health-data-compliance.sarif',
        'health-data-diagram.md',
      ]);
      const report = JSON.parse(fs.readFileSync(path.join(stack, 'health-data-compliance.json'), 'utf8')) as ComplianceReport;
      expect(report.summary).toMatchObject({ errors: 0, warnings: 0, unknown: 0, suppressed: 1 });
      expect(report.findings.filter((finding) => finding.suppressed)).toEqual([
        expect.objectContaining({
          ruleId: 'AHDS-CUSTOMER-MANAGED-KEY',
          constructPath: 'production/Health/Imaging',
          suppressionReason: expect.stringMatching(/^Microsoft-managed keys accepted by security review/),
        }),
      ]);
      expect(fs.readFileSync(path.join(stack, 'health-data-compliance.csv'), 'utf8')).toMatch(
        /AHDS-CUSTOMER-MANAGED-KEY,warning,.*,production\/Health\/Imaging,non-compliant,yes,Microsoft-managed keys accepted/,
      );
      // The SARIF log points at the lines of examples/production.ts (ts-node maps the stack to the TypeScript source).
      const sarif = JSON.parse(fs.readFileSync(path.join(stack, 'health-data-compliance.sarif'), 'utf8'));
      expect(sarifValidator()(sarif)).toEqual([]);
      const source = fs.readFileSync(path.join(ROOT, 'examples', 'production.ts'), 'utf8').split('\n');
      const lineOf = (text: string): number => source.findIndex((line) => line.includes(text)) + 1;
      const [result] = sarif.runs[0].results;
      expect(sarif.runs[0].results).toHaveLength(1);
      expect(result).toMatchObject({
        ruleId: 'AHDS-CUSTOMER-MANAGED-KEY',
        level: 'warning',
        properties: { constructPath: 'production/Health/Imaging' },
      });
      expect(result.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: 'examples/production.ts', uriBaseId: '%SRCROOT%' },
        region: { startLine: lineOf("addDicomService('Imaging'"), startColumn: expect.any(Number) },
      });
      expect(result.suppressions[0]).toMatchObject({ status: 'accepted', justification: expect.stringMatching(/^Microsoft-managed keys accepted/) });
      expect(result.suppressions[0].location.physicalLocation.region.startLine).toBe(lineOf('HealthDataCompliance.suppress('));
      // Stacks without the aspect get no report, but their diagram (without compliance colours).
      expect(fs.readdirSync(path.join(outdir, 'stacks', 'quickstart')).sort()).toEqual(['cdk.tf.json', 'health-data-diagram.md']);
      expect(fs.readFileSync(path.join(outdir, 'stacks', 'quickstart', 'health-data-diagram.md'), 'utf8')).toContain(
        'The compliance check did not run on this stack',
      );
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('error findings make cdktf synth exit non-zero and print the path, the value, the rule and the fix', () => {
    const { status, output, outdir } = cdktfSynth({ app: 'npx ts-node --transpile-only test/compliance/fixtures/noncompliant-app.ts' });
    try {
      expect(status).not.toBe(0);
      expect(output).toContain('[AHDS-CORS-WILDCARD-ORIGIN] FhirService cors.allowed_origins ["*"] allows every origin.');
      expect(output).toMatch(/clinic\/Health\/Patients/);
      expect(output).toContain('Fix: List the exact origins of the apps that call the service');
      expect(output).toContain('[AHDS-WORKSPACE-PRIVATE-ENDPOINT]');
      const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'clinic', 'health-data-compliance.json'), 'utf8')) as ComplianceReport;
      expect(report.summary.errors).toBe(3);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
