import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, Testing, TerraformStack } from 'cdktf';
import {
  AppModel,
  ComplianceLevel,
  ComplianceResult,
  ComplianceRule,
  HealthDataCompliance,
  HealthDataValidationError,
  RuleOutcome,
  RuleOutcomes,
  SynthesizedResource,
  Workspace,
} from '../../lib';
import { BASE_WORKSPACE } from '../boundary-fixtures';
import { errorOf } from '../helpers';
import { compliantWorkspace, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from './helpers';

/** A rule written the way jsii languages can write one: a class with an evaluate method. */
class CostCenterTag implements ComplianceRule {
  public readonly id = 'ACME-COST-CENTER';
  public readonly level = ComplianceLevel.ERROR;
  public readonly description = 'Every FHIR and DICOM service has a cost-center tag.';
  public readonly fix = 'Add tags: { "cost-center": "<code>" } to the service or its workspace.';
  public readonly appliesTo = ['azurerm_healthcare_fhir_service', 'azurerm_healthcare_dicom_service'];
  public readonly azurePolicy: string[] = [];
  public readonly hipaa: string[] = [];
  public evaluate(resource: SynthesizedResource, model: AppModel): RuleOutcome {
    const tags = resource.config.tags;
    if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return RuleOutcomes.nonCompliant('has no tags');
    const value = model.valueOf(resource, tags['cost-center']);
    if (value.state === 'unknown') return RuleOutcomes.unknown(`tags["cost-center"] is ${value.expression}`);
    return value.state === 'known'
      ? RuleOutcomes.compliant(`tags["cost-center"] is ${JSON.stringify(value.value)}`)
      : RuleOutcomes.nonCompliant('has no cost-center tag');
  }
}

/** A rule on a type outside the pack's: storage accounts of the app. */
const STORAGE_TLS: ComplianceRule = {
  id: 'ACME-STORAGE-TLS',
  level: ComplianceLevel.WARNING,
  description: 'Storage accounts require TLS 1.2.',
  fix: 'Set minTlsVersion: "TLS1_2".',
  appliesTo: ['azurerm_storage_account'],
  azurePolicy: ['fe83a0eb-a853-422d-aac2-1bffd182c5d0'],
  hipaa: ['164.312(e)(1)'],
  evaluate: (resource) =>
    resource.config.min_tls_version === 'TLS1_2'
      ? RuleOutcomes.compliant('min_tls_version is "TLS1_2"')
      : RuleOutcomes.nonCompliant(`min_tls_version is ${JSON.stringify(resource.config.min_tls_version ?? 'not set')}`),
};

describe("users' own compliance rules (additionalRules)", () => {
  test('a class-based rule joins the report, its errors fail the synth and its warnings print', () => {
    const run = runCompliance(
      (stack) => {
        const workspace = compliantWorkspace(stack);
        workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, tags: { 'cost-center': 'CC-42' } });
        workspace.addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY });
        new StorageAccount(stack, 'Exports', {
          name: 'stexports',
          location: 'eastus',
          resourceGroupName: 'rg',
          accountTier: 'Standard',
          accountReplicationType: 'LRS',
        });
      },
      { additionalRules: [new CostCenterTag(), STORAGE_TLS] },
    );
    expect(run.report.rules.map((rule) => rule.id).slice(-2)).toEqual(['ACME-COST-CENTER', 'ACME-STORAGE-TLS']);
    expect(run.finding('ACME-COST-CENTER', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'FhirService tags["cost-center"] is "CC-42"',
    });
    expect(run.finding('ACME-COST-CENTER', 'stack/Health/Images')).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      level: ComplianceLevel.ERROR,
    });
    expect(run.error).toMatch(
      /\[stack\/Health\/Images\] \[ACME-COST-CENTER\] DicomService has no tags\. Rule: Every FHIR and DICOM service has a cost-center tag\. Fix: Add tags/,
    );
    expect(run.finding('ACME-STORAGE-TLS', 'stack/Exports')).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'azurerm_storage_account min_tls_version is "not set"',
    });
  });

  test("a user's rule can be suppressed like the pack's once a check knows it", () => {
    const check = new HealthDataCompliance({ additionalRules: [new CostCenterTag()] });
    void check;
    const run = runCompliance(
      (stack) => {
        const workspace = compliantWorkspace(stack);
        const fhir = workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY });
        HealthDataCompliance.suppress(fhir, 'ACME-COST-CENTER', 'Billed centrally through the platform subscription');
      },
      { additionalRules: [new CostCenterTag()] },
    );
    expect(run.error).toBeUndefined();
    expect(run.finding('ACME-COST-CENTER', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      suppressed: true,
      suppressionReason: 'Billed centrally through the platform subscription',
    });
  });

  test('a rule that throws is a visible warning on the resource, and unknown with the error in the report', () => {
    const throwing: ComplianceRule = {
      ...STORAGE_TLS,
      id: 'ACME-THROWS',
      appliesTo: ['azurerm_healthcare_fhir_service'],
      evaluate: () => {
        throw new TypeError('tags is undefined');
      },
    };
    const wrongShape = {
      ...STORAGE_TLS,
      id: 'ACME-WRONG-SHAPE',
      appliesTo: ['azurerm_healthcare_fhir_service'],
      evaluate: () => 'compliant',
    } as unknown as ComplianceRule;
    const run = runCompliance(
      (stack) => {
        compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY });
      },
      { additionalRules: [throwing, wrongShape] },
    );
    expect(run.error).toBeUndefined();
    const warnings = run.annotations
      .filter((annotation) => annotation.level === '@cdktf/warn')
      .map((annotation) => `${annotation.constructPath}: ${annotation.message}`);
    expect(warnings).toContain(
      `${FHIR_PATH}: [ACME-THROWS] FhirService could not be checked: the rule threw TypeError: tags is undefined. The rule is at fault, not the resource: fix the rule (or remove it from additionalRules).`,
    );
    expect(warnings.find((warning) => warning.includes('[ACME-WRONG-SHAPE]'))).toContain(
      'the rule returned "compliant" instead of { result: one of compliant, non-compliant, not-applicable, unknown, reason: a string }',
    );
    expect(run.finding('ACME-THROWS', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      error: 'TypeError: tags is undefined',
      reason: 'FhirService could not be checked: rule ACME-THROWS threw TypeError: tags is undefined',
    });
    expect(run.report.summary.unknown).toBe(2);
    // Not an info: nothing about these rules is only "unknown".
    expect(run.annotations.filter((annotation) => annotation.level === '@cdktf/info' && annotation.message.includes('ACME-'))).toEqual([]);
  });

  test('check(stack) returns the report without annotations or files', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new Workspace(stack, 'Health', BASE_WORKSPACE).addFhirService('Patients', { name: 'patients' });
    const report = new HealthDataCompliance({ additionalRules: [new CostCenterTag()] }).check(stack);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.findings.some((finding) => finding.ruleId === 'ACME-COST-CENTER' && finding.result === ComplianceResult.NON_COMPLIANT)).toBe(true);
    expect(
      stack.node
        .findAll()
        .flatMap((node) => node.node.metadata)
        .filter((entry) => entry.type.startsWith('@cdktf/')),
    ).toEqual([]);
    expect(errorOf(() => new HealthDataCompliance().check({} as TerraformStack))).toBe(
      '[HealthDataCompliance] check(stack) [object Object] is invalid: a TerraformStack.',
    );
  });

  test.each<[string, unknown, RegExp]>([
    ['not a list', new CostCenterTag(), /^\[HealthDataCompliance\] additionalRules \{.* is invalid: a list of rules/],
    ['null entry', [null], /^\[HealthDataCompliance\] additionalRules\[0\] null is invalid: an object with id, level/],
    [
      'bad id',
      [{ ...STORAGE_TLS, id: 'no spaces allowed' }],
      /additionalRules\[0\]\.id "no spaces allowed" is invalid: 2-64 letters, digits, '-', '_' or '\.', starting with a letter or digit\. Use e\.g\. "ACME-FHIR-TAGS"\.$/,
    ],
    [
      'an id of the pack',
      [{ ...STORAGE_TLS, id: 'ahds-audit-logs' }],
      /additionalRules\[0\]\.id "ahds-audit-logs" is invalid: it is the id of the pack's rule AHDS-AUDIT-LOGS\. Give your rule its own id/,
    ],
    ['a duplicate id', [STORAGE_TLS, STORAGE_TLS], /additionalRules\[1\]\.id "ACME-STORAGE-TLS" is invalid: additionalRules\[0\] has the same id\./],
    ['bad level', [{ ...STORAGE_TLS, level: 'fatal' }], /additionalRules\[0\]\.level "fatal" is invalid: one of "error", "warning"/],
    [
      'no types',
      [{ ...STORAGE_TLS, appliesTo: [] }],
      /additionalRules\[0\]\.appliesTo \[\] is invalid: a non-empty list of Terraform resource types/,
    ],
    [
      'no evaluate',
      [{ ...STORAGE_TLS, evaluate: undefined }],
      /additionalRules\[0\]\.evaluate not set is invalid: a method evaluate\(resource, model\)/,
    ],
    [
      'no references',
      [{ ...STORAGE_TLS, hipaa: undefined }],
      /additionalRules\[0\]\.hipaa not set is invalid: a list of non-empty strings \(may be empty: \[\]\)\./,
    ],
  ])('an invalid rule fails with HealthDataValidationError (%s)', (_, rules, message) => {
    let thrown: unknown;
    try {
      new HealthDataCompliance({ additionalRules: rules as ComplianceRule[] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HealthDataValidationError);
    expect((thrown as Error).message).toMatch(message);
  });

  test('every problem of the rules is reported at once', () => {
    const message = errorOf(() => new HealthDataCompliance({ additionalRules: [{ id: 'x' } as unknown as ComplianceRule] }));
    expect(message.split('\n').length).toBeGreaterThanOrEqual(7);
  });

  test('suppress of an unknown rule id says how to make a rule of your own known', () => {
    const stack = new TerraformStack(new App(), 'stack');
    expect(errorOf(() => HealthDataCompliance.suppress(stack, 'ACME-NEVER-REGISTERED', 'a reason that is long enough'))).toMatch(
      /is invalid: one of AHDS-CORS-WILDCARD-ORIGIN, .*\. For a rule of your own, construct new HealthDataCompliance\(\{ additionalRules \}\) with it before calling suppress\.$/,
    );
  });
});
