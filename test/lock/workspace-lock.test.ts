import { DicomService, FhirService, HealthDataRole, LockLevel, Workspace } from '../../lib';
import { BASE_WORKSPACE, LAW_ID, PRINCIPAL, SUBNET_ID, SUBSCRIPTION } from '../boundary-fixtures';
import { errorOf, newStack, synth, synthApp } from '../helpers';

const EVENT_HUB_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-devices/providers/Microsoft.EventHub/namespaces/contoso-devices/eventhubs/telemetry`;
const WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health`;

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

  test('covers MedTech: the service, its FHIR destination and both role assignments it makes for its identity', () => {
    const lock = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, location: 'westus2', lock: 'ReadOnly' });
      const fhir = workspace.addFhirService('Patients', { name: 'patients' });
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech', eventHubId: EVENT_HUB_ID },
        deviceMapping: { templateType: 'CollectionContent', template: [] },
        destination: { fhirService: fhir, identityResolution: 'Create', fhirMapping: { templateType: 'CollectionFhir', template: [] } },
      });
    }).resource(LOCK);
    expect([...lock.depends_on].sort()).toEqual([
      expect.stringMatching(/^azurerm_healthcare_fhir_service\.Health_Patients_/),
      expect.stringMatching(/^azurerm_healthcare_medtech_service\.Health_Devices_/),
      expect.stringMatching(/^azurerm_healthcare_medtech_service_fhir_destination\.Health_Devices_FhirDestination_/),
      expect.stringMatching(/^azurerm_role_assignment\.Health_Devices_EventHubsDataReceiver_/),
      expect.stringMatching(/^azurerm_role_assignment\.Health_Devices_FhirDataWriter_/),
    ]);
  });

  test('covers the grants of an imported FHIR service of the workspace, and not resources of another stack', () => {
    const result = synthApp((app) => {
      const stack = newStack(app);
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock: 'CanNotDelete' });
      FhirService.fromFhirServiceAttributes(stack, 'Existing', { fhirServiceId: `${WORKSPACE_ID}/fhirServices/existing`, workspace }).grantDataReader(
        PRINCIPAL,
      );
      new DicomService(newStack(app, 'other'), 'Images', { name: 'images', workspace });
    });
    expect(result.stack('stack').resource(LOCK).depends_on).toEqual([
      expect.stringMatching(/^azurerm_role_assignment\.Existing_Grants_FHIRDataReader-/),
    ]);
    expect(result.stack('other').resources('azurerm_healthcare_dicom_service')).toHaveLength(1);
  });

  test('ReadOnly locks and warns that Terraform changes inside the workspace then fail', () => {
    const result = synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock: 'ReadOnly' }));
    expect(result.resource(LOCK).lock_level).toBe('ReadOnly');
    expect(result.messages('WARN')).toEqual([
      expect.stringMatching(/Workspace lock is "ReadOnly": Azure then refuses every change inside the workspace.*Use "CanNotDelete"/),
    ]);
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
