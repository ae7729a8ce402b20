import { TerraformVariable } from 'cdktf';
import { ComplianceResult, HealthDataCompliance, Workspace } from '../../../lib';
import { BASE_WORKSPACE, LAW_ID } from '../../boundary-fixtures';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-PUBLIC-NETWORK-ACCESS';

describe(RULE, () => {
  test("compliant: DICOM follows the workspace's private endpoint", () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', ...DICOM_KEY }));
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({ result: ComplianceResult.COMPLIANT, reason: 'DicomService public_network_access_enabled is false' });
  });

  test('non-compliant (warning): DICOM left public, by default or explicitly', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY, publicNetworkAccessEnabled: true });
      const open = new Workspace(stack, 'Public', { ...BASE_WORKSPACE, name: 'public', monitoring: { logAnalyticsWorkspaceId: LAW_ID } });
      open.addDicomService('Images', { name: 'images', ...DICOM_KEY });
      HealthDataCompliance.suppress(open, 'AHDS-WORKSPACE-PRIVATE-ENDPOINT', 'teaching workspace with synthetic data only');
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({ result: ComplianceResult.NON_COMPLIANT, reason: 'DicomService public_network_access_enabled is true: reachable from public networks' });
    expect(run.finding(RULE, 'stack/Public/Images')).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'DicomService public_network_access_enabled is not set: the provider defaults to true (reachable from public networks)',
    });
    expect(run.annotations.filter((annotation) => annotation.message.startsWith(`[${RULE}]`)).map((annotation) => annotation.level)).toEqual(['@cdktf/warn', '@cdktf/warn']);
  });

  test('not applicable on FHIR, saying that azurerm 4.55 cannot set it', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NOT_APPLICABLE,
      reason: expect.stringContaining('public_network_access_enabled is computed only on azurerm_healthcare_fhir_service'),
    });
  });

  test('unknown: the setting is a token', () => {
    const run = runCompliance((stack) => {
      const open = new TerraformVariable(stack, 'public', { type: 'bool' });
      compliantWorkspace(stack).addDicomService('Images', { name: 'images', ...DICOM_KEY, publicNetworkAccessEnabled: open.booleanValue as unknown as boolean });
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({ result: ComplianceResult.UNKNOWN, reason: 'DicomService public_network_access_enabled is ${var.public}, known only when Terraform runs' });
  });
});
