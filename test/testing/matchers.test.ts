import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Aspects, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ComplianceLevel, ComplianceRule, HealthDataCompliance, HealthDataValidationError, RuleOutcomes, Workspace } from '../../lib';
import { healthDataMatchers, setupHealthDataMatchers } from '../../lib/testing';
import { BASE_WORKSPACE, LAW_ID, SUBNET_ID } from '../boundary-fixtures';
import { DICOM_KEY, SYSTEM_IDENTITY } from '../compliance/helpers';

setupHealthDataMatchers();

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** A workspace that passes every error-level rule; the DICOM service lacks a customer-managed key (a warning). */
function compliantStack(): { stack: TerraformStack; workspace: Workspace } {
  const stack = newStack();
  const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring: { logAnalyticsWorkspaceId: LAW_ID } });
  workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
  const fhir = workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY });
  // An azurerm FHIR service cannot hold a customer-managed key (a warning since the AzAPI path can): accepted here.
  HealthDataCompliance.suppress(fhir, 'AHDS-CUSTOMER-MANAGED-KEY', 'Microsoft-managed keys approved for this test stack');
  return { stack, workspace };
}

/** The message a failing `expect(...)` throws. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

describe('toPassHealthDataCompliance', () => {
  test('a compliant stack passes; .not fails and says why', () => {
    const { stack } = compliantStack();
    expect(stack).toPassHealthDataCompliance();
    expect(failureOf(() => expect(stack).not.toPassHealthDataCompliance())).toMatch(
      /expected stack stack not to pass the compliance check, but it passes \(\d+ findings: \d+ compliant, 1 non-compliant \(1 suppressed\)/,
    );
  });

  test('a non-compliant stack fails, listing each failing finding with its rule, level and construct path', () => {
    const stack = newStack();
    new Workspace(stack, 'Health', BASE_WORKSPACE).addFhirService('Patients', {
      name: 'patients',
      cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['GET'] },
    });
    expect(stack).not.toPassHealthDataCompliance();
    const message = failureOf(() => expect(stack).toPassHealthDataCompliance());
    expect(message).toContain('expected stack stack to pass the compliance check, but 3 findings fail it:');
    expect(message).toContain(
      '[AHDS-CORS-WILDCARD-ORIGIN] (error) stack/Health/Patients: FhirService cors.allowed_origins ["*"] allows every origin',
    );
    expect(message).toContain('[AHDS-WORKSPACE-PRIVATE-ENDPOINT] (error) stack/Health:');
    expect(message).not.toContain('AHDS-MANAGED-IDENTITY');
  });

  test('allowWarnings: false fails on warnings too; a suppression accepts them', () => {
    const { stack, workspace } = compliantStack();
    const dicom = workspace.addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY });
    expect(stack).toPassHealthDataCompliance();
    expect(failureOf(() => expect(stack).toPassHealthDataCompliance({ allowWarnings: false }))).toContain(
      '[AHDS-CUSTOMER-MANAGED-KEY] (warning) stack/Health/Images',
    );
    HealthDataCompliance.suppress(dicom, 'AHDS-CUSTOMER-MANAGED-KEY', 'Microsoft-managed keys accepted by review SR-9');
    expect(stack).toPassHealthDataCompliance({ allowWarnings: false });
  });

  test("uses the stack's own check with its additionalRules, or the one given", () => {
    const owner: ComplianceRule = {
      id: 'ACME-OWNER-TAG',
      level: ComplianceLevel.ERROR,
      description: 'Every FHIR service names its owner.',
      fix: 'Add tags: { owner: "<team>" }.',
      appliesTo: ['azurerm_healthcare_fhir_service'],
      azurePolicy: [],
      hipaa: [],
      evaluate: (resource) =>
        (resource.config.tags as Record<string, string> | undefined)?.owner
          ? RuleOutcomes.compliant('has an owner')
          : RuleOutcomes.nonCompliant('has no owner tag'),
    };
    const { stack } = compliantStack();
    expect(stack).toPassHealthDataCompliance();
    expect(failureOf(() => expect(stack).toPassHealthDataCompliance({ check: new HealthDataCompliance({ additionalRules: [owner] }) }))).toContain(
      '[ACME-OWNER-TAG] (error) stack/Health/Patients: FhirService has no owner tag',
    );
    Aspects.of(stack).add(new HealthDataCompliance({ additionalRules: [owner] }));
    expect(stack).not.toPassHealthDataCompliance();
  });

  test('sees changes other aspects and escape hatches make (it runs the aspects through Testing.synth)', () => {
    const { stack, workspace } = compliantStack();
    workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY });
    expect(stack).toPassHealthDataCompliance();
    (workspace.node.findChild('Images').node.findChild('Resource') as unknown as { addOverride(path: string, value: unknown): void }).addOverride(
      'cors',
      {
        allowed_origins: ['*'],
        allowed_headers: ['*'],
        allowed_methods: ['GET'],
      },
    );
    expect(failureOf(() => expect(stack).toPassHealthDataCompliance())).toContain('[AHDS-CORS-WILDCARD-ORIGIN] (error) stack/Health/Images');
  });

  test('fails clearly on something that is not a stack', () => {
    const { workspace } = compliantStack();
    expect(() => expect(workspace).toPassHealthDataCompliance()).toThrow(HealthDataValidationError);
    expect(() => expect(workspace).toPassHealthDataCompliance()).toThrow(
      '[toPassHealthDataCompliance] received Workspace is invalid: a TerraformStack. Use expect(stack).toPassHealthDataCompliance().',
    );
    expect(() => expect(compliantStack().stack).toPassHealthDataCompliance({ check: {} as HealthDataCompliance })).toThrow(
      'options.check Object is invalid: a HealthDataCompliance.',
    );
  });
});

describe('toBeInWorkspaceRegion', () => {
  test('a service inherits its workspace region; an override to another region fails with both regions', () => {
    const { workspace } = compliantStack();
    const fhir = workspace.addFhirService('Records', { name: 'records' });
    const dicom = workspace.addDicomService('Images', { name: 'images' });
    expect(fhir).toBeInWorkspaceRegion(workspace);
    expect(dicom).toBeInWorkspaceRegion(workspace);
    dicom.resource.addOverride('location', 'westus');
    expect(dicom).not.toBeInWorkspaceRegion(workspace);
    expect(failureOf(() => expect(dicom).toBeInWorkspaceRegion(workspace))).toBe(
      'expected stack/Health/Images to be in the region of workspace stack/Health: the service is in "westus", the workspace in "eastus".',
    );
  });

  test('regions are compared as Azure does, and references are followed', () => {
    const stack = newStack();
    const group = new ResourceGroup(stack, 'Group', { name: 'rg-health', location: 'East US 2' });
    const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, location: 'eastus2', resourceGroupName: group.name });
    const fhir = workspace.addFhirService('Records', { name: 'records' });
    expect(fhir).toBeInWorkspaceRegion(workspace);
    fhir.resource.addOverride('location', group.location);
    expect(fhir).toBeInWorkspaceRegion(workspace);
    const other = new Workspace(stack, 'Other', { ...BASE_WORKSPACE, name: 'other', location: 'westeurope' });
    expect(fhir).not.toBeInWorkspaceRegion(other);
  });

  test('an imported workspace with a token location: the same expression passes', () => {
    const stack = newStack();
    const region = new TerraformVariable(stack, 'region', { type: 'string' });
    const imported = Workspace.fromWorkspaceAttributes(stack, 'Existing', {
      workspaceId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/existing',
      location: region.stringValue,
    });
    const fhir = imported.addFhirService('Records', { name: 'records' });
    expect(fhir).toBeInWorkspaceRegion(imported);
    fhir.resource.addOverride('location', 'eastus');
    expect(failureOf(() => expect(fhir).toBeInWorkspaceRegion(imported))).toBe(
      'expected stack/Existing/Records to be in the region of workspace stack/Existing: the service is in "eastus", the workspace in ${var.region} (known only when Terraform runs).',
    );
  });

  test('fails clearly on something that is not a service or a workspace', () => {
    const { stack, workspace } = compliantStack();
    expect(() => expect(stack).toBeInWorkspaceRegion(workspace)).toThrow(
      '[toBeInWorkspaceRegion] received TerraformStack is invalid: a FhirService, DicomService or MedTechService.',
    );
    const fhir = workspace.addFhirService('Records', { name: 'records' });
    expect(() => expect(fhir).toBeInWorkspaceRegion(stack as unknown as Workspace)).toThrow(HealthDataValidationError);
  });
});

describe('setupHealthDataMatchers', () => {
  test('registers both matchers, and says where to call it when jest is absent', () => {
    expect(Object.keys(healthDataMatchers).sort()).toEqual(['toBeInWorkspaceRegion', 'toPassHealthDataCompliance']);
    const global = globalThis as { expect?: unknown };
    const saved = global.expect;
    global.expect = undefined;
    try {
      let message = '';
      try {
        setupHealthDataMatchers();
      } catch (error) {
        message = (error as Error).message;
      }
      if (!message.startsWith("[setupHealthDataMatchers] jest's global expect is invalid: not found.")) throw new Error(`unexpected: ${message}`);
    } finally {
      global.expect = saved;
    }
  });
});
