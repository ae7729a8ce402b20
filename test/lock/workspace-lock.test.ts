import { DicomService, HealthDataRole, LockLevel, Workspace } from '../../lib';
import { BASE_WORKSPACE, LAW_ID, PRINCIPAL, SUBNET_ID } from '../boundary-fixtures';
import { errorOf, synth } from '../helpers';

const LOCK = 'azurerm_management_lock';

describe('Workspace lock', () => {
  test('puts a CanNotDelete lock on the workspace', () => {
    const result = synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock: 'CanNotDelete' }));
    expect(result.resource(LOCK)).toMatchObject({
      name: 'lock-health',
      scope: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
      lock_level: 'CanNotDelete',
      notes: expect.stringMatching(/Cannot delete the Health Data Services workspace or the services in it/),
    });
    expect(result.annotations).toEqual([]);
  });

  test('is created after everything inside the boundary: services defined later, diagnostic settings, grants and private endpoints', () => {
    const lock = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock: 'CanNotDelete', monitoring: { logAnalyticsWorkspaceId: LAW_ID } });
      workspace.addFhirService('Patients', { name: 'patients' }).grantDataReader(PRINCIPAL);
      new DicomService(stack, 'Images', { name: 'images', workspace });
      workspace.grant(PRINCIPAL, HealthDataRole.DICOM_DATA_READER);
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
    }).resource(LOCK);
    expect([...lock.depends_on].sort()).toEqual([
        expect.stringMatching(/^azurerm_healthcare_dicom_service\.Images_/),
        expect.stringMatching(/^azurerm_healthcare_fhir_service\.Health_Patients_/),
        expect.stringMatching(/^azurerm_monitor_diagnostic_setting\.Health_Patients_DiagnosticSetting_/),
        expect.stringMatching(/^azurerm_monitor_diagnostic_setting\.Images_DiagnosticSetting_/),
        expect.stringMatching(/^azurerm_private_endpoint\.Health_PrivateLink_/),
        expect.stringMatching(/^azurerm_role_assignment\.Health_Grants_DICOMDataReader-/),
        expect.stringMatching(/^azurerm_role_assignment\.Health_Patients_Grants_FHIRDataReader-/),
    ]);
  });

  test('ReadOnly locks and warns that Terraform changes inside the workspace then fail', () => {
    const result = synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock: 'ReadOnly' }));
    expect(result.resource(LOCK).lock_level).toBe('ReadOnly');
    expect(result.messages('WARN')).toEqual([expect.stringMatching(/Workspace lock is "ReadOnly": Azure then refuses every change inside the workspace.*Use "CanNotDelete"/)]);
  });

  test('no lock by default', () => {
    expect(synth((stack) => new Workspace(stack, 'Health', BASE_WORKSPACE)).resources(LOCK)).toEqual([]);
  });

  test('an unknown level fails with the accepted ones and the fix', () => {
    expect(errorOf(() => synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock: 'cannot-delete' as LockLevel })))).toBe(
      '[stack/Health] Workspace lock "cannot-delete" is invalid: one of "CanNotDelete", "ReadOnly". Use "CanNotDelete".',
    );
  });
});
