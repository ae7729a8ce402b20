import * as fs from 'fs';
import * as path from 'path';
import { HealthcareFhirService } from '@cdktf/provider-azurerm/lib/healthcare-fhir-service';
import { HealthcareWorkspace } from '@cdktf/provider-azurerm/lib/healthcare-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { ComplianceLevel, ComplianceResult, HealthDataCompliance, Workspace } from '../../lib';
import { BASE_WORKSPACE, SUBNET_ID } from '../boundary-fixtures';
import { errorOf, synthApp } from '../helpers';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_KEY, FHIR_PATH, runCompliance, SYSTEM_IDENTITY, WORKSPACE_PATH } from './helpers';

const RULE_IDS = [
  'AHDS-CORS-WILDCARD-ORIGIN',
  'AHDS-CORS-WILDCARD-CREDENTIALS',
  'AHDS-CUSTOMER-MANAGED-KEY',
  'AHDS-WORKSPACE-PRIVATE-ENDPOINT',
  'AHDS-PUBLIC-NETWORK-ACCESS',
  'AHDS-AUDIT-LOGS',
  'AHDS-MANAGED-IDENTITY',
  'AHDS-DELETION-PROTECTION',
  'AHDS-FHIR-AUTHORITY-TENANT',
  'AHDS-DATA-RESIDENCY',
];

/** A compliant FHIR and DICOM pair in a compliant workspace (the FHIR service, with its key, is an azapi_resource). */
function compliantServices(stack: TerraformStack): Workspace {
  const workspace = compliantWorkspace(stack);
  workspace.addFhirService('Patients', { name: 'patients', ...FHIR_KEY });
  workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY });
  return workspace;
}

const synthAllowingFailure = (build: (app: App) => void) => synthApp(build, { allowFailure: true });

describe('HealthDataCompliance', () => {
  describe('the rule pack', () => {
    test('has the documented rules, each with a level, what it checks, a fix, the types it applies to and its controls', () => {
      const rules = HealthDataCompliance.rules;
      expect(rules.map((rule) => rule.id)).toEqual(RULE_IDS);
      for (const rule of rules) {
        expect(Object.values(ComplianceLevel)).toContain(rule.level);
        expect(rule.description.length).toBeGreaterThan(20);
        expect(rule.fix.length).toBeGreaterThan(10);
        expect(rule.appliesTo.length).toBeGreaterThan(0);
        rule.appliesTo.forEach((type) =>
          expect(type).toMatch(/^(azurerm_healthcare_(workspace|fhir_service|dicom_service|medtech_service)|azapi_resource)$/),
        );
        // A FHIR service can be written through AzAPI: every FHIR rule looks at azapi_resource too.
        expect(rule.appliesTo.includes('azapi_resource')).toBe(rule.appliesTo.includes('azurerm_healthcare_fhir_service'));
        rule.hipaa.forEach((control) => expect(control).toMatch(/^164\.3\d\d\([a-e]\)/));
        rule.azurePolicy.forEach((id) => expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
      }
      expect(rules.filter((rule) => rule.level === ComplianceLevel.ERROR).map((rule) => rule.id)).toEqual([
        'AHDS-CORS-WILDCARD-ORIGIN',
        'AHDS-CORS-WILDCARD-CREDENTIALS',
        'AHDS-WORKSPACE-PRIVATE-ENDPOINT',
        'AHDS-AUDIT-LOGS',
        'AHDS-FHIR-AUTHORITY-TENANT',
        'AHDS-DATA-RESIDENCY',
      ]);
    });

    test('hands out copies: changing them does not change the pack', () => {
      (HealthDataCompliance.rules[0].appliesTo as string[]).push('azurerm_storage_account');
      expect(HealthDataCompliance.rules[0].appliesTo).not.toContain('azurerm_storage_account');
    });

    test('is documented in the README table, with each rule level', () => {
      const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
      for (const rule of HealthDataCompliance.rules) {
        expect(readme).toMatch(new RegExp(`\\| \`${rule.id}\` \\| ${rule.level === ComplianceLevel.ERROR ? 'Error' : 'Warning'} \\|`));
      }
    });
  });

  describe('at synth', () => {
    test('a compliant stack synthesizes without annotations, and the report lists every rule for every resource', () => {
      const run = runCompliance(compliantServices);
      expect(run.error).toBeUndefined();
      expect(run.annotations).toEqual([]);
      const expected = HealthDataCompliance.rules.flatMap((rule) =>
        [WORKSPACE_PATH, DICOM_PATH, FHIR_PATH]
          .filter((constructPath) =>
            rule.appliesTo.includes(
              {
                [WORKSPACE_PATH]: 'azurerm_healthcare_workspace',
                [DICOM_PATH]: 'azurerm_healthcare_dicom_service',
                [FHIR_PATH]: 'azurerm_healthcare_fhir_service',
              }[constructPath]!,
            ),
          )
          .map((constructPath) => [rule.id, constructPath]),
      );
      expect(run.report.findings.map((finding) => [finding.ruleId, finding.constructPath])).toEqual(expected);
      expect(
        run.report.findings.every((finding) => finding.result === ComplianceResult.COMPLIANT || finding.result === ComplianceResult.NOT_APPLICABLE),
      ).toBe(true);
      expect(run.report).toMatchObject({ format: 'health-data-compliance/1', stack: 'stack', rules: HealthDataCompliance.rules });
      expect(run.report.summary).toEqual({
        compliant: run.report.findings.filter((finding) => finding.result === ComplianceResult.COMPLIANT).length,
        nonCompliant: 0,
        notApplicable: run.report.findings.filter((finding) => finding.result === ComplianceResult.NOT_APPLICABLE).length,
        unknown: 0,
        suppressed: 0,
        errors: 0,
        warnings: 0,
      });
    });

    test('error findings fail the real app.synth() and cdk.tf.json is not written; the report is', () => {
      const result = synthAllowingFailure((app) => {
        const stack = new TerraformStack(app, 'prod');
        new AzurermProvider(stack, 'azurerm', { features: [{}] });
        new Workspace(stack, 'Health', BASE_WORKSPACE).addFhirService('Patients', { name: 'patients' });
        Aspects.of(app).add(new HealthDataCompliance());
      });
      expect(result.error).toMatch(/^Encountered Annotations with level "ERROR":\n\[prod\/Health\] \[AHDS-WORKSPACE-PRIVATE-ENDPOINT\]/);
      expect(result.error).toMatch(/\[prod\/Health\/Patients\] \[AHDS-AUDIT-LOGS\] FhirService has no diagnostic setting/);
      expect(result.files('prod')).toEqual([
        'health-data-compliance.csv',
        'health-data-compliance.json',
        'health-data-compliance.sarif',
        'health-data-diagram.md',
      ]);
      // Warnings: no managed identity, no customer-managed key, public network access (no private endpoint).
      const report = JSON.parse(result.read('prod', 'health-data-compliance.json'));
      expect(report.summary).toMatchObject({ errors: 2, warnings: 3 });
      expect(
        report.findings
          .filter((f: { result: string; level: string }) => f.result === 'non-compliant' && f.level === 'warning')
          .map((f: { ruleId: string }) => f.ruleId),
      ).toEqual(['AHDS-CUSTOMER-MANAGED-KEY', 'AHDS-PUBLIC-NETWORK-ACCESS', 'AHDS-MANAGED-IDENTITY']);
    });

    test('warnings are printed (manifest annotations) without failing; unknowns are infos', () => {
      const run = runCompliance((stack) => {
        const workspace = compliantWorkspace(stack);
        workspace.addFhirService('Patients', { name: 'patients' });
      });
      expect(run.error).toBeUndefined();
      expect(run.annotations).toEqual([
        expect.objectContaining({ constructPath: FHIR_PATH, level: '@cdktf/warn', message: expect.stringMatching(/^\[AHDS-CUSTOMER-MANAGED-KEY\]/) }),
        expect.objectContaining({ constructPath: FHIR_PATH, level: '@cdktf/warn', message: expect.stringMatching(/^\[AHDS-MANAGED-IDENTITY\]/) }),
      ]);
    });

    test('the aspect on the App checks every stack with the library constructs; one on a stack also checks raw provider resources', () => {
      const result = synthAllowingFailure((app) => {
        const library = new TerraformStack(app, 'library');
        new AzurermProvider(library, 'azurerm', { features: [{}] });
        compliantServices(library);
        // Synthesized before "raw", whose error stops the synth.
        const empty = new TerraformStack(app, 'empty');
        new AzurermProvider(empty, 'azurerm', { features: [{}] });
        const raw = new TerraformStack(app, 'raw');
        new AzurermProvider(raw, 'azurerm', { features: [{}] });
        const workspace = new HealthcareWorkspace(raw, 'Workspace', { name: 'raw', location: 'eastus', resourceGroupName: 'rg' });
        new HealthcareFhirService(raw, 'Fhir', {
          name: 'raw',
          location: 'eastus',
          resourceGroupName: 'rg',
          workspaceId: workspace.id,
          authentication: { authority: 'https://login.microsoftonline.com/common', audience: 'https://raw-raw.fhir.azurehealthcareapis.com' },
        });
        HealthDataCompliance.suppress(raw, 'AHDS-WORKSPACE-PRIVATE-ENDPOINT', 'raw sandbox without network isolation');
        HealthDataCompliance.suppress(raw, 'AHDS-AUDIT-LOGS', 'raw sandbox without audit log retention');
        Aspects.of(app).add(new HealthDataCompliance());
        Aspects.of(raw).add(new HealthDataCompliance());
      });
      expect(result.files('library')).toContain('health-data-compliance.json');
      // No report for a stack without library constructs; and the synth failed, so no stack keeps its configuration.
      expect(result.files('empty')).toEqual([]);
      expect(result.files('library')).not.toContain('cdk.tf.json');
      const raw = JSON.parse(result.read('raw', 'health-data-compliance.json'));
      expect(raw.findings.find((finding: { ruleId: string }) => finding.ruleId === 'AHDS-FHIR-AUTHORITY-TENANT')).toMatchObject({
        constructPath: 'raw/Fhir',
        result: ComplianceResult.NON_COMPLIANT,
      });
      expect(result.error).toMatch(
        /\[raw\/Fhir\] \[AHDS-FHIR-AUTHORITY-TENANT\] FhirService authentication\.authority "https:\/\/login\.microsoftonline\.com\/common" accepts tokens from any tenant/,
      );
    });

    test('reports: false writes no report files but still fails on errors; the report stays available in code', () => {
      const check = new HealthDataCompliance({ reports: false });
      const result = synthAllowingFailure((app) => {
        const stack = new TerraformStack(app, 'prod');
        new AzurermProvider(stack, 'azurerm', { features: [{}] });
        new Workspace(stack, 'Health', BASE_WORKSPACE);
        Aspects.of(stack).add(check);
      });
      // No report, JSON, CSV or SARIF; the stack's diagram is not a report (its own context key turns it off).
      expect(result.files('prod')).toEqual(['health-data-diagram.md']);
      expect(result.error).toMatch(/AHDS-WORKSPACE-PRIVATE-ENDPOINT/);
      expect(check.reportFor('prod')?.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ruleId: 'AHDS-WORKSPACE-PRIVATE-ENDPOINT',
            constructPath: 'prod/Health',
            result: ComplianceResult.NON_COMPLIANT,
          }),
        ]),
      );
      expect(check.reportFor('other')).toBeUndefined();
    });
  });

  describe('the report', () => {
    test('is also CSV, one line per finding, quoted where needed', () => {
      const run = runCompliance(compliantServices);
      const lines = run.csv.trimEnd().split('\n');
      expect(lines[0]).toBe('Rule ID,Level,Resource,Construct Path,Result,Suppressed,Suppression Reason,Reason');
      expect(lines).toHaveLength(run.report.findings.length + 1);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^AHDS-MANAGED-IDENTITY,warning,azapi_resource\.Health_Patients_[0-9A-F]{8},stack\/Health\/Patients,compliant,no,,"FhirService identity type ""UserAssigned"""$/,
        ),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^AHDS-MANAGED-IDENTITY,warning,azurerm_healthcare_dicom_service\.Health_Images_[0-9A-F]{8},stack\/Health\/Images,compliant,no,,"DicomService identity type ""SystemAssigned"""$/,
        ),
      );
    });
  });

  describe('suppressions', () => {
    test('a suppressed finding stays in the report with its reason, and neither fails nor warns', () => {
      const run = runCompliance((stack) => {
        const workspace = new Workspace(stack, 'Health', {
          ...BASE_WORKSPACE,
          monitoring: { logAnalyticsWorkspaceId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law' },
        });
        workspace.addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY, publicNetworkAccessEnabled: false });
        HealthDataCompliance.suppress(workspace, 'AHDS-WORKSPACE-PRIVATE-ENDPOINT', '  Network isolation by the hub firewall (ADR-17)  ');
        HealthDataCompliance.suppress(workspace, 'AHDS-CUSTOMER-MANAGED-KEY', 'Microsoft-managed keys approved by security review SR-142');
      });
      expect(run.error).toBeUndefined();
      expect(run.annotations).toEqual([]);
      expect(run.finding('AHDS-WORKSPACE-PRIVATE-ENDPOINT', WORKSPACE_PATH)).toMatchObject({
        result: ComplianceResult.NON_COMPLIANT,
        suppressed: true,
        suppressionReason: 'Network isolation by the hub firewall (ADR-17)',
        suppressedAt: WORKSPACE_PATH,
      });
      // A suppression on the workspace covers the services in it.
      expect(run.finding('AHDS-CUSTOMER-MANAGED-KEY', DICOM_PATH)).toMatchObject({
        result: ComplianceResult.NON_COMPLIANT,
        suppressed: true,
        suppressedAt: WORKSPACE_PATH,
      });
      expect(run.report.summary).toMatchObject({ nonCompliant: 2, suppressed: 2, errors: 0, warnings: 0 });
      expect(run.csv).toContain(',non-compliant,yes,Microsoft-managed keys approved by security review SR-142,');
    });

    test('the nearest suppression wins, and suppressions cover only their own rule', () => {
      const run = runCompliance((stack) => {
        const workspace = compliantWorkspace(stack);
        const dicom = workspace.addDicomService('Images', { name: 'images' });
        HealthDataCompliance.suppress(stack, 'AHDS-CUSTOMER-MANAGED-KEY', 'stack-wide: no customer-managed keys in this environment');
        HealthDataCompliance.suppress(dicom, 'AHDS-CUSTOMER-MANAGED-KEY', 'imaging keys come with the HSM rollout (R-42)');
      });
      expect(run.finding('AHDS-CUSTOMER-MANAGED-KEY', DICOM_PATH)).toMatchObject({
        suppressionReason: 'imaging keys come with the HSM rollout (R-42)',
        suppressedAt: DICOM_PATH,
      });
      expect(run.finding('AHDS-MANAGED-IDENTITY', DICOM_PATH)).toMatchObject({ result: ComplianceResult.NON_COMPLIANT, suppressed: false });
    });

    test('a suppression accepts findings, not compliant results: a stack-wide one marks only what it accepts', () => {
      const run = runCompliance((stack) => {
        const workspace = compliantWorkspace(stack);
        workspace.addFhirService('Patients', { name: 'patients', ...FHIR_KEY });
        workspace.addDicomService('Images', { name: 'images', encryptionKeyUrl: DICOM_KEY.encryptionKeyUrl });
        HealthDataCompliance.suppress(stack, 'AHDS-MANAGED-IDENTITY', 'identities are assigned by the platform team later');
      });
      expect(run.report.findings.filter((finding) => finding.suppressed).map((finding) => [finding.ruleId, finding.constructPath])).toEqual([
        ['AHDS-MANAGED-IDENTITY', DICOM_PATH],
      ]);
      expect(run.finding('AHDS-MANAGED-IDENTITY', FHIR_PATH)).toMatchObject({ result: ComplianceResult.COMPLIANT, suppressed: false });
      expect(run.annotations.filter((annotation) => annotation.message.startsWith('[AHDS-'))).toEqual([]);
    });

    test('a reason shorter than 10 characters fails, naming the construct and the rule', () => {
      expect(errorOf(() => HealthDataCompliance.suppress(new App(), 'AHDS-AUDIT-LOGS', 'ok    '))).toMatch(
        /^\[\] HealthDataCompliance\.suppress reason "ok {4}" for AHDS-AUDIT-LOGS is invalid: at least 10 characters saying why the risk is accepted\./,
      );
      const app = new App();
      const stack = new TerraformStack(app, 'stack');
      expect(errorOf(() => HealthDataCompliance.suppress(stack, 'AHDS-AUDIT-LOGS', undefined as unknown as string))).toMatch(
        /^\[stack\] HealthDataCompliance\.suppress reason undefined/,
      );
    });

    test('an unknown rule id fails with the known ids and the nearest spelling', () => {
      const stack = new TerraformStack(new App(), 'stack');
      const message = errorOf(() => HealthDataCompliance.suppress(stack, 'ahds-audit-logs', 'we really do not need audit logs here'));
      expect(message).toMatch(
        /^\[stack\] HealthDataCompliance\.suppress rule id "ahds-audit-logs" is invalid: one of AHDS-CORS-WILDCARD-ORIGIN, .*AHDS-DATA-RESIDENCY\. Use "AHDS-AUDIT-LOGS"\.$/,
      );
    });
  });

  test('the aspect sees the final configuration: a wildcard set through addOverride after construction', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      const dicom = workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY });
      dicom.resource.addOverride('cors', { allowed_origins: ['*'], allowed_headers: ['*'], allowed_methods: ['GET'], allow_credentials: true });
    });
    expect(run.result('AHDS-CORS-WILDCARD-ORIGIN', DICOM_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
    expect(run.result('AHDS-CORS-WILDCARD-CREDENTIALS', DICOM_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
  });

  test('runs under Testing.fullSynth too (cdktf synthesis step), writing the report into its output folder', () => {
    const stack = new TerraformStack(Testing.app(), 'unit');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    compliantServices(stack);
    Aspects.of(stack).add(new HealthDataCompliance());
    const outdir = Testing.fullSynth(stack);
    try {
      const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'unit', 'health-data-compliance.json'), 'utf8'));
      expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('an aspect on a construct inside a stack checks that stack', () => {
    const run = runCompliance(
      (stack) => {
        const workspace = compliantServices(stack);
        Aspects.of(workspace).add(new HealthDataCompliance());
      },
      { aspectOn: 'app' },
    );
    expect(run.report.findings.length).toBeGreaterThan(0);
    expect(run.annotations).toEqual([]);
  });

  test('works with a private endpoint added to an imported workspace', () => {
    const run = runCompliance((stack) => {
      const workspace = Workspace.fromWorkspaceAttributes(stack, 'Shared', {
        workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/shared',
        location: 'eastus',
      });
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      workspace.addDicomService('Images', {
        name: 'images',
        ...DICOM_KEY,
        monitoring: { storageAccountId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/starchive' },
      });
    });
    expect(run.result('AHDS-PUBLIC-NETWORK-ACCESS', 'stack/Shared/Images')).toBe(ComplianceResult.COMPLIANT);
    expect(run.error).toBeUndefined();
  });
});
