import { TerraformVariable } from 'cdktf';
import { ComplianceResult, HealthDataCompliance, Workspace } from '../../../lib';
import { BASE_WORKSPACE, LAW_ID } from '../../boundary-fixtures';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_KEY, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-PUBLIC-NETWORK-ACCESS';

describe(RULE, () => {
  test("compliant: DICOM follows the workspace's private endpoint", () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', ...DICOM_KEY }));
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'DicomService public_network_access_enabled is false',
    });
  });

  test('non-compliant (warning): DICOM left public, by default or explicitly', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY, publicNetworkAccessEnabled: true });
      const open = new Workspace(stack, 'Public', { ...BASE_WORKSPACE, name: 'public', monitoring: { logAnalyticsWorkspaceId: LAW_ID } });
      open.addDicomService('Images', { name: 'images', ...DICOM_KEY });
      HealthDataCompliance.suppress(open, 'AHDS-WORKSPACE-PRIVATE-ENDPOINT', 'teaching workspace with synthetic data only');
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'DicomService public_network_access_enabled is true: reachable from public networks',
    });
    expect(run.finding(RULE, 'stack/Public/Images')).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'DicomService public_network_access_enabled is not set: the provider defaults to true (reachable from public networks)',
    });
    expect(run.annotations.filter((annotation) => annotation.message.startsWith(`[${RULE}]`)).map((annotation) => annotation.level)).toEqual([
      '@cdktf/warn',
      '@cdktf/warn',
    ]);
  });

  test.each([
    ['azurerm', { identity: SYSTEM_IDENTITY }, 'azurerm_healthcare_fhir_service'],
    ['AzAPI', FHIR_KEY, 'azapi_resource'],
  ])('FHIR (%s) follows the workspace: compliant through its private endpoint', (_form, options, resourceType) => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', ...options }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      resourceType,
      reason: expect.stringMatching(
        /^FhirService follows its workspace: azurerm_private_endpoint\.Health_PrivateLink_[0-9A-F]{8} connects to it \(subresource healthcareworkspace\), and Azure disables public access once that endpoint is approved$/,
      ),
    });
  });

  test.each([
    ['azurerm', { identity: SYSTEM_IDENTITY }],
    ['AzAPI', FHIR_KEY],
  ])(
    "FHIR (%s): compliant when the workspace's publicNetworkAccess is written Disabled, non-compliant when Enabled or when nothing closes it",
    (_form, options) => {
      const run = runCompliance((stack) => {
        const closed = new Workspace(stack, 'Health', {
          ...BASE_WORKSPACE,
          monitoring: { logAnalyticsWorkspaceId: LAW_ID },
          publicNetworkAccessEnabled: false,
        });
        closed.addFhirService('Patients', { name: 'patients', ...options });
        const open = new Workspace(stack, 'Open', {
          ...BASE_WORKSPACE,
          name: 'open',
          monitoring: { logAnalyticsWorkspaceId: LAW_ID },
          publicNetworkAccessEnabled: true,
        });
        open.addPrivateEndpoint('PrivateLink', {
          subnetId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
        });
        open.addFhirService('Patients', { name: 'patients', ...options });
        const bare = new Workspace(stack, 'Bare', { ...BASE_WORKSPACE, name: 'bare', monitoring: { logAnalyticsWorkspaceId: LAW_ID } });
        bare.addFhirService('Patients', { name: 'patients', ...options });
        for (const workspace of [closed, bare])
          HealthDataCompliance.suppress(workspace, 'AHDS-WORKSPACE-PRIVATE-ENDPOINT', 'network isolation tested elsewhere');
      });
      expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
        result: ComplianceResult.COMPLIANT,
        reason: expect.stringMatching(
          /^FhirService follows its workspace, whose publicNetworkAccess azapi_update_resource\.Health_PublicNetworkAccess_[0-9A-F]{8} sets to "Disabled"$/,
        ),
      });
      // Stated open wins over the private endpoint: Enabled is what the workspace is told.
      expect(run.finding(RULE, 'stack/Open/Patients')).toMatchObject({
        result: ComplianceResult.NON_COMPLIANT,
        reason: expect.stringMatching(/sets to "Enabled": reachable from public networks$/),
      });
      expect(run.finding(RULE, 'stack/Bare/Patients')).toMatchObject({
        result: ComplianceResult.NON_COMPLIANT,
        reason:
          "FhirService follows its workspace, which states no publicNetworkAccess and has no private endpoint: reachable from public networks (the FHIR service's own property is read-only)",
      });
    },
  );

  test('FHIR: unknown when the workspace setting is a token', () => {
    const run = runCompliance((stack) => {
      const open = new TerraformVariable(stack, 'public', { type: 'bool' });
      const workspace = new Workspace(stack, 'Health', {
        ...BASE_WORKSPACE,
        monitoring: { logAnalyticsWorkspaceId: LAW_ID },
        publicNetworkAccessEnabled: open.booleanValue as unknown as boolean,
      });
      workspace.addFhirService('Patients', { name: 'patients', ...FHIR_KEY });
      HealthDataCompliance.suppress(workspace, 'AHDS-WORKSPACE-PRIVATE-ENDPOINT', 'network isolation tested elsewhere');
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: expect.stringMatching(
        /^FhirService whether azapi_update_resource\.Health_PublicNetworkAccess_[0-9A-F]{8} closes the workspace is known only when Terraform runs$/,
      ),
    });
  });

  test('unknown: the setting is a token', () => {
    const run = runCompliance((stack) => {
      const open = new TerraformVariable(stack, 'public', { type: 'bool' });
      compliantWorkspace(stack).addDicomService('Images', {
        name: 'images',
        ...DICOM_KEY,
        publicNetworkAccessEnabled: open.booleanValue as unknown as boolean,
      });
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'DicomService public_network_access_enabled is ${var.public}, known only when Terraform runs',
    });
  });
});
