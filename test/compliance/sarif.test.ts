import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import {
  ComplianceLevel,
  ComplianceReport,
  ComplianceRule,
  HealthDataCompliance,
  HealthDataComplianceProps,
  RuleOutcomes,
  Workspace,
} from '../../lib';
import { BASE_WORKSPACE, SUBNET_ID } from '../boundary-fixtures';
import { sarifValidator } from './sarif-schema';

const validate = sarifValidator();
const REPO_ROOT = path.resolve(__dirname, '..', '..');

const fixtures = require('./fixtures/sarif-constructs') as {
  noncompliant: (stack: TerraformStack) => void;
  suppressed: (stack: TerraformStack, reason: string) => void;
  raw: (stack: TerraformStack) => void;
  FILE: string;
};
const { noncompliant } = fixtures;
const FIXTURE = path.relative(REPO_ROOT, fixtures.FILE).split(path.sep).join('/');

/** The 1-based line of the fixture file holding a `// line: <marker>` comment. */
function lineOf(marker: string): number {
  const lines = fs.readFileSync(fixtures.FILE, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`// line: ${marker}`));
  if (index < 0) throw new Error(`no marker ${marker}`);
  return index + 1;
}

interface SarifRun {
  tool: { driver: { name: string; version: string; rules: any[] } };
  results: any[];
  invocations: any[];
  originalUriBaseIds: Record<string, { uri: string }>;
  automationDetails: { id: string };
}

/** Synthesizes a stack with the check through the real `app.synth()` and reads the SARIF log back. */
function sarifOf(
  build: (stack: TerraformStack) => void,
  props: HealthDataComplianceProps = {},
  app: { stackTraces?: boolean } = {},
): { log: any; run: SarifRun; files: string[]; report: ComplianceReport } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-sarif-'));
  try {
    const application = new App({ outdir, skipBackendValidation: true, ...app });
    const stack = new TerraformStack(application, 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack);
    Aspects.of(stack).add(new HealthDataCompliance({ sourceRoot: REPO_ROOT, ...props }));
    try {
      application.synth();
    } catch {
      // error-level findings fail the synth after the reports are written
    }
    const directory = path.join(outdir, 'stacks', 'stack');
    const log = JSON.parse(fs.readFileSync(path.join(directory, 'health-data-compliance.sarif'), 'utf8'));
    const report = JSON.parse(fs.readFileSync(path.join(directory, 'health-data-compliance.json'), 'utf8')) as ComplianceReport;
    return { log, run: log.runs[0], files: fs.readdirSync(directory).sort(), report };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('health-data-compliance.sarif', () => {
  test('is written next to the JSON and CSV reports and is valid against the SARIF 2.1.0 schema', () => {
    const { log, files } = sarifOf(noncompliant);
    expect(files).toEqual(expect.arrayContaining(['health-data-compliance.csv', 'health-data-compliance.json', 'health-data-compliance.sarif']));
    expect(log.version).toBe('2.1.0');
    expect(validate(log)).toEqual([]);
  });

  test('the validator is not a rubber stamp: it rejects a log with a bad level or line', () => {
    const { log } = sarifOf(noncompliant);
    const badLevel = JSON.parse(JSON.stringify(log));
    badLevel.runs[0].results[0].level = 'fatal';
    expect(validate(badLevel).join('\n')).toMatch(/level/);
    const badLine = JSON.parse(JSON.stringify(log));
    badLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(badLine).join('\n')).toMatch(/startLine/);
  });

  test('every rule is described: level, help with the fix, the Azure Policy definitions and the HIPAA controls', () => {
    const { run } = sarifOf(noncompliant);
    expect(run.tool.driver.name).toBe('cdktf-azure-health-data-services');
    expect(run.tool.driver.version).toBe(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(HealthDataCompliance.rules.map((rule) => rule.id));
    for (const rule of HealthDataCompliance.rules) {
      const descriptor = run.tool.driver.rules.find((candidate) => candidate.id === rule.id);
      expect(descriptor.defaultConfiguration.level).toBe(rule.level);
      expect(descriptor.shortDescription.text).toBe(rule.description);
      expect(descriptor.help.text).toContain(`Fix: ${rule.fix}`);
      rule.azurePolicy.forEach((id) =>
        expect(descriptor.help.markdown).toContain(
          `[${id}](https://portal.azure.com/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/%2Fproviders%2FMicrosoft.Authorization%2FpolicyDefinitions%2F${id})`,
        ),
      );
      rule.hipaa.forEach((control) => expect(descriptor.help.text).toContain(control));
      expect(descriptor.properties.hipaa).toEqual(rule.hipaa);
      expect(descriptor.properties.tags).toContain('security');
      expect(Number(descriptor.properties['security-severity'])).toBeGreaterThan(0);
    }
    const audit = run.tool.driver.rules.find((rule) => rule.id === 'AHDS-AUDIT-LOGS');
    expect(audit.help.markdown).toContain('[164.312(b)](https://www.ecfr.gov/current/title-45/section-164.312)');
  });

  test('each non-compliant finding points at the line of the user code that created the construct, relative to the repository root', () => {
    const { run } = sarifOf(noncompliant);
    const result = (ruleId: string, constructPath: string) => {
      const found = run.results.filter((candidate) => candidate.ruleId === ruleId && candidate.properties.constructPath === constructPath);
      expect(found).toHaveLength(1);
      return found[0];
    };
    const cors = result('AHDS-CORS-WILDCARD-ORIGIN', 'stack/Health/Patients');
    expect(cors.level).toBe('error');
    expect(cors.kind).toBe('fail');
    expect(cors.message.text).toContain('cors.allowed_origins ["*"] allows every origin');
    expect(cors.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: FIXTURE, uriBaseId: '%SRCROOT%' },
      region: { startLine: lineOf('fhir'), startColumn: expect.any(Number) },
    });
    expect(cors.locations[0].logicalLocations).toEqual([
      { name: 'Patients', fullyQualifiedName: 'stack/Health/Patients', kind: 'construct' },
      { fullyQualifiedName: expect.stringMatching(/^azurerm_healthcare_fhir_service\.Health_Patients_[0-9A-F]{8}$/), kind: 'resource' },
    ]);
    expect(run.results[run.results.indexOf(cors)].ruleIndex).toBe(run.tool.driver.rules.findIndex((rule) => rule.id === 'AHDS-CORS-WILDCARD-ORIGIN'));
    const endpoint = result('AHDS-WORKSPACE-PRIVATE-ENDPOINT', 'stack/Health');
    expect(endpoint.locations[0].physicalLocation.region.startLine).toBe(lineOf('workspace'));
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${REPO_ROOT}/`);
    // Warnings keep their level; fingerprints tell apart findings at the same line.
    expect(result('AHDS-MANAGED-IDENTITY', 'stack/Health/Patients').level).toBe('warning');
    const fingerprints = run.results.map((entry) => entry.partialFingerprints['healthDataFinding/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  test('only findings to act on or to know of are results: compliant and not-applicable ones stay in the JSON report', () => {
    const { run, report } = sarifOf((stack) => {
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      workspace.addDicomService('Images', { name: 'images' });
    });
    const acted = report.findings.filter((finding) => finding.result === 'non-compliant' || finding.result === 'unknown');
    expect(report.summary.compliant + report.summary.notApplicable).toBeGreaterThan(0);
    expect(run.results.map((result) => `${result.ruleId} ${result.properties.constructPath}`).sort()).toEqual(
      acted.map((finding) => `${finding.ruleId} ${finding.constructPath}`).sort(),
    );
    expect(run.results.some((result) => result.ruleId === 'AHDS-WORKSPACE-PRIVATE-ENDPOINT')).toBe(false);
    expect(run.results.some((result) => result.ruleId === 'AHDS-CUSTOMER-MANAGED-KEY')).toBe(true);
  });

  test('an unknown finding (a token) is a note for review', () => {
    const { run } = sarifOf((stack) => {
      const origin = new TerraformVariable(stack, 'origin', { type: 'string' });
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.addFhirService('Patients', {
        name: 'patients',
        cors: { allowedOrigins: [origin.stringValue], allowedHeaders: ['*'], allowedMethods: ['GET'] },
      });
    });
    const unknown = run.results.find((result) => result.ruleId === 'AHDS-CORS-WILDCARD-ORIGIN');
    expect(unknown).toMatchObject({ kind: 'review', level: 'note', properties: { result: 'unknown' } });
  });

  test('a suppressed finding carries an accepted in-source suppression with the reason and the line of the suppress call', () => {
    const reason = 'Microsoft-managed keys accepted by security review SR-1';
    const { run, log } = sarifOf((stack) => fixtures.suppressed(stack, reason));
    expect(validate(log)).toEqual([]);
    const suppressed = run.results.find((result) => result.ruleId === 'AHDS-CUSTOMER-MANAGED-KEY');
    expect(suppressed.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: reason,
        location: {
          physicalLocation: {
            artifactLocation: { uri: FIXTURE, uriBaseId: '%SRCROOT%' },
            region: { startLine: lineOf('suppress'), startColumn: expect.any(Number) },
          },
          message: { text: 'HealthDataCompliance.suppress on stack/Health/Images' },
        },
      },
    ]);
    expect(run.results.filter((result) => result.ruleId !== 'AHDS-CUSTOMER-MANAGED-KEY').every((result) => result.suppressions === undefined)).toBe(
      true,
    );
  });

  test('a raw provider resource points at its nearest known creation site; without stack traces the entry file, line 1', () => {
    const { run } = sarifOf(fixtures.raw);
    const raw = run.results.find((result) => result.properties.constructPath === 'stack/Health/RawFhir');
    expect(raw.locations[0].physicalLocation.region.startLine).toBe(lineOf('raw-parent'));

    // `new App({ stackTraces: false })` (what Testing.app() does) turns cdktf's stack traces off, and the library's captures with them.
    const untraced = sarifOf(noncompliant, {}, { stackTraces: false });
    expect(validate(untraced.log)).toEqual([]);
    const cors = untraced.run.results.find((result) => result.ruleId === 'AHDS-CORS-WILDCARD-ORIGIN');
    // The result then points at line 1 of the app's entry file (here jest's test file), which GitHub needs to accept the log.
    expect(cors.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/compliance/sarif.test.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1 },
    });
    expect(cors.locations[0].message.text).toBe("The app's entry point: where stack/Health/Patients was created is not known.");
    expect(cors.locations[0].logicalLocations[0].fullyQualifiedName).toBe('stack/Health/Patients');
  });

  test('sourceRoot sets what paths are relative to; a file outside it is an absolute file URI', () => {
    const inside = sarifOf(noncompliant, { sourceRoot: path.join(REPO_ROOT, 'test') });
    expect(inside.run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('compliance/fixtures/sarif-constructs.js');
    const outside = sarifOf(noncompliant, { sourceRoot: path.join(REPO_ROOT, 'lib') });
    expect(outside.run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: `file://${fixtures.FILE}` });
    expect(validate(outside.log)).toEqual([]);
  });

  test("a user's rule appears as a rule, and a rule that throws is a tool execution notification", () => {
    const tagged: ComplianceRule = {
      id: 'ACME-COST-CENTER',
      level: ComplianceLevel.WARNING,
      description: 'Every FHIR service has a cost-center tag.',
      fix: 'Add tags: { "cost-center": "..." }.',
      appliesTo: ['azurerm_healthcare_fhir_service'],
      azurePolicy: [],
      hipaa: [],
      evaluate: (resource) =>
        resource.config.tags && (resource.config.tags as Record<string, string>)['cost-center']
          ? RuleOutcomes.compliant('has a cost-center tag')
          : RuleOutcomes.nonCompliant('has no cost-center tag'),
    };
    const broken: ComplianceRule = {
      ...tagged,
      id: 'ACME-BROKEN',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const { run, log } = sarifOf(noncompliant, { additionalRules: [tagged, broken] });
    expect(validate(log)).toEqual([]);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['ACME-COST-CENTER', 'ACME-BROKEN']));
    expect(run.results.find((result) => result.ruleId === 'ACME-COST-CENTER')).toMatchObject({
      level: 'warning',
      message: { text: expect.stringContaining('has no cost-center tag') },
    });
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        associatedRule: { id: 'ACME-BROKEN', index: run.tool.driver.rules.findIndex((rule) => rule.id === 'ACME-BROKEN') },
        message: { text: 'Rule ACME-BROKEN could not check stack/Health/Patients: Error: boom' },
      }),
    ]);
  });
});
