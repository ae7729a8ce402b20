import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformVariable } from 'cdktf';
import { ComplianceResult, RemovalPolicy, Workspace } from '../../../lib';
import { addMedTech, BASE_WORKSPACE, LAW_ID, SUBNET_ID } from '../../boundary-fixtures';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY, WORKSPACE_PATH } from '../helpers';

const RULE = 'AHDS-DELETION-PROTECTION';
const monitoring = { logAnalyticsWorkspaceId: LAW_ID };

describe(RULE, () => {
  test('compliant: RemovalPolicy.RETAIN (the default) sets prevent_destroy', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, WORKSPACE_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'Workspace lifecycle.prevent_destroy is true',
    });
    expect(run.result(RULE, FHIR_PATH)).toBe(ComplianceResult.COMPLIANT);
  });

  test("compliant: RemovalPolicy.DESTROY under the workspace's lock, or a lock on the resource group", () => {
    const run = runCompliance((stack) => {
      const locked = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring, lock: 'CanNotDelete', removalPolicy: RemovalPolicy.DESTROY });
      locked.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      locked.addDicomService('Images', { name: 'images', ...DICOM_KEY, removalPolicy: RemovalPolicy.DESTROY });
      const group = new ResourceGroup(stack, 'Group', { name: 'rg-other', location: 'eastus' });
      new ManagementLock(stack, 'GroupLock', { name: 'rg-lock', scope: group.id, lockLevel: 'ReadOnly' });
      const inGroup = new Workspace(stack, 'Grouped', {
        name: 'grouped',
        location: 'eastus',
        resourceGroupName: group.name,
        monitoring,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      inGroup.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
    });
    expect(run.finding(RULE, WORKSPACE_PATH).reason).toMatch(
      /^Workspace azurerm_management_lock\.Health_Lock_[0-9A-F]{8} \(CanNotDelete\) covers it$/,
    );
    expect(run.finding(RULE, DICOM_PATH).reason).toMatch(
      /^DicomService azurerm_management_lock\.Health_Lock_[0-9A-F]{8} \(CanNotDelete\) covers it$/,
    );
    expect(run.finding(RULE, 'stack/Grouped')).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'Workspace azurerm_management_lock.GroupLock (ReadOnly) covers it',
    });
  });

  test('non-compliant (warning): RemovalPolicy.DESTROY without a lock', () => {
    const run = runCompliance((stack) =>
      compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, removalPolicy: RemovalPolicy.DESTROY }),
    );
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'FhirService lifecycle.prevent_destroy is not set and no management lock covers it: terraform destroy deletes it',
    });
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ constructPath: FHIR_PATH, level: '@cdktf/warn', message: expect.stringContaining('[AHDS-DELETION-PROTECTION]') }),
    );
  });

  test('non-compliant: prevent_destroy removed through the escape hatch', () => {
    const run = runCompliance((stack) =>
      compliantWorkspace(stack)
        .addDicomService('Images', { name: 'images', ...DICOM_KEY })
        .resource.addOverride('lifecycle.prevent_destroy', false),
    );
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: expect.stringMatching(/^DicomService lifecycle\.prevent_destroy is false/),
    });
  });

  test('not applicable: MedTech keeps no data, so it is not checked', () => {
    const run = runCompliance((stack) => addMedTech(compliantWorkspace(stack)));
    expect(run.report.findings.some((finding) => finding.ruleId === RULE && finding.constructPath === 'stack/Health/Devices')).toBe(false);
  });

  test('unknown: a lock whose scope is a token might cover it', () => {
    const run = runCompliance((stack) => {
      compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, removalPolicy: RemovalPolicy.DESTROY });
      new ManagementLock(stack, 'SomeLock', {
        name: 'lock',
        scope: new TerraformVariable(stack, 'scope', { type: 'string' }).stringValue,
        lockLevel: 'CanNotDelete',
      });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'FhirService whether azurerm_management_lock.SomeLock protects it is known only when Terraform runs',
    });
  });
});
