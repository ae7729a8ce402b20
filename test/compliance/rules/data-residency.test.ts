import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ComplianceResult, ManagedIdentityType } from '../../../lib';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-DATA-RESIDENCY';
const UAI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/dicom';

function account(stack: TerraformStack, location: string, name = 'sthealthexport'): StorageAccount {
  return new StorageAccount(stack, name, {
    name,
    location,
    resourceGroupName: 'rg-health',
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    isHnsEnabled: true,
  });
}

describe(RULE, () => {
  test("compliant: the $export account is in the workspace's region, also when its location comes from a resource group", () => {
    const run = runCompliance((stack) => {
      const group = new ResourceGroup(stack, 'Group', { name: 'rg-exports', location: 'East US' });
      const exports = new StorageAccount(stack, 'Exports', {
        name: 'stexports',
        location: group.location,
        resourceGroupName: group.name,
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
      });
      compliantWorkspace(stack).addFhirService('Patients', {
        name: 'patients',
        identity: SYSTEM_IDENTITY,
        configurationExportStorageAccountName: exports.name,
      });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'FhirService configuration_export_storage_account_name → azurerm_storage_account.Exports is in "East US", the workspace\'s region',
    });
  });

  test('compliant: DICOM external storage named by literal name and id', () => {
    const run = runCompliance((stack) => {
      account(stack, 'eastus', 'stdicomlake');
      const workspace = compliantWorkspace(stack);
      workspace.addDicomService('Images', {
        name: 'images',
        ...DICOM_KEY,
        identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI] },
        storage: {
          storageAccountId:
            '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-health/providers/Microsoft.Storage/storageAccounts/stdicomlake',
          fileSystemName: 'dicom',
        },
      });
      workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, configurationExportStorageAccountName: 'stdicomlake' });
    });
    expect(run.result(RULE, DICOM_PATH)).toBe(ComplianceResult.COMPLIANT);
    expect(run.result(RULE, FHIR_PATH)).toBe(ComplianceResult.COMPLIANT);
  });

  test("non-compliant: PHI leaves the workspace's region, which fails the synth", () => {
    const run = runCompliance((stack) => {
      const lake = account(stack, 'westeurope', 'stdicomlake');
      compliantWorkspace(stack).addDicomService('Images', {
        name: 'images',
        ...DICOM_KEY,
        identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI] },
        storage: { storageAccountId: lake.id, fileSystemName: 'dicom' },
      });
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason:
        'DicomService storage.storage_account_id → azurerm_storage_account.stdicomlake is in "westeurope", outside the workspace\'s region "eastus": PHI would leave the region',
    });
    expect(run.error).toContain('[stack/Health/Images] [AHDS-DATA-RESIDENCY]');
  });

  test('not applicable: no $export account, storage managed by the service, or an account outside the app', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY });
      workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY });
      workspace.addFhirService('Exporter', { name: 'exporter', identity: SYSTEM_IDENTITY, configurationExportStorageAccountName: 'stelsewhere' });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NOT_APPLICABLE,
      reason: 'FhirService has no $export or $import storage account',
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.NOT_APPLICABLE,
      reason: 'DicomService keeps its data in storage managed by the service',
    });
    expect(run.finding(RULE, 'stack/Health/Exporter')).toMatchObject({
      result: ComplianceResult.NOT_APPLICABLE,
      reason: 'FhirService configuration_export_storage_account_name "stelsewhere" names a storage account that is not defined in this app',
    });
  });

  test("unknown: the account's location, or the account name, is a token", () => {
    const run = runCompliance((stack) => {
      const region = new TerraformVariable(stack, 'region', { type: 'string' });
      const exports = account(stack, region.stringValue);
      const workspace = compliantWorkspace(stack);
      workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, configurationExportStorageAccountName: exports.name });
      workspace.addFhirService('Named', {
        name: 'named',
        identity: SYSTEM_IDENTITY,
        configurationExportStorageAccountName: new TerraformVariable(stack, 'account', { type: 'string' }).stringValue,
      });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'FhirService the location of azurerm_storage_account.sthealthexport or of the workspace is known only when Terraform runs',
    });
    expect(run.finding(RULE, 'stack/Health/Named')).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'FhirService configuration_export_storage_account_name is ${var.account}, known only when Terraform runs',
    });
  });
});
