import { HealthDataRole, HealthDataValidationError, Workspace } from '../../lib';
import { addMedTech, BASE_WORKSPACE, PRINCIPAL } from '../boundary-fixtures';
import { Block, errorOf, synth } from '../helpers';

const ROLE = 'azurerm_role_assignment';
const guidOf = (assignment: Block) => String(assignment.role_definition_id).split('/').pop();

describe('control-plane roles', () => {
  test("the table's built-in GUIDs (Microsoft's built-in roles reference)", () => {
    expect(HealthDataRole.all.filter((role) => role.appliesTo === 'control-plane').map((role) => [role.roleName, role.roleDefinitionGuid])).toEqual([
      ['Owner', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'],
      ['Contributor', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
      ['Reader', 'acdd72a7-3385-48ef-bd42-f606fba81ae7'],
      ['User Access Administrator', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'],
      ['Role Based Access Control Administrator', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168'],
      ['Monitoring Reader', '43d0d8ad-25c7-4714-9337-8ba259a9fe05'],
      ['Monitoring Contributor', '749f88d5-cbae-40b8-bcfc-e573ddc772fa'],
    ]);
    expect(HealthDataRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.roleDefinitionGuid).toBe('e147488a-f6f5-4113-8e2d-b22465e65bf6');
    // One table: every GUID once.
    expect(new Set(HealthDataRole.all.map((role) => role.roleDefinitionGuid)).size).toBe(HealthDataRole.all.length);
  });

  test('granted on the workspace, FHIR, DICOM and MedTech (as AVM max grants Owner, Contributor and Reader)', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.grant(PRINCIPAL, HealthDataRole.OWNER, { principalType: 'ServicePrincipal' });
      const fhir = workspace.addFhirService('Patients', { name: 'patients' });
      fhir.grant(PRINCIPAL, HealthDataRole.CONTRIBUTOR);
      fhir.grant(PRINCIPAL, HealthDataRole.FHIR_DATA_CONTRIBUTOR);
      workspace.addDicomService('Images', { name: 'images' }).grant(PRINCIPAL, HealthDataRole.READER);
      const medTech = addMedTech(workspace);
      expect(medTech.grant(PRINCIPAL, HealthDataRole.MONITORING_READER).node.path).toBe(
        'stack/Health/Devices/Grants/MonitoringReader-11111111-2222-3333-4444-555555555555',
      );
    });
    const scopesAndRoles = result.resources(ROLE).map((assignment) => [assignment.scope, guidOf(assignment)]);
    expect(scopesAndRoles).toEqual(
      expect.arrayContaining([
        ['${azurerm_healthcare_workspace.Health_02A586CD.id}', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'],
        ['${azurerm_healthcare_fhir_service.Health_Patients_422B09FF.id}', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
        ['${azurerm_healthcare_fhir_service.Health_Patients_422B09FF.id}', '5a1fc7df-4bf1-4951-a576-89034ee01acd'],
        ['${azurerm_healthcare_dicom_service.Health_Images_7BDF9D1A.id}', 'acdd72a7-3385-48ef-bd42-f606fba81ae7'],
        ['${azurerm_healthcare_medtech_service.Health_Devices_68E70731.id}', '43d0d8ad-25c7-4714-9337-8ba259a9fe05'],
      ]),
    );
  });

  test('any other role by GUID: a custom role is control-plane; a GUID of the table is the table role', () => {
    const custom = HealthDataRole.fromRoleDefinitionGuid('0B1E2D3C-4A5B-4C6D-8E7F-901A2B3C4D5E', ' Healthcare Auditor ');
    expect(custom).toMatchObject({
      roleName: 'Healthcare Auditor',
      roleDefinitionGuid: '0b1e2d3c-4a5b-4c6d-8e7f-901a2b3c4d5e',
      appliesTo: 'control-plane',
    });
    expect(HealthDataRole.fromRoleDefinitionGuid('4c8d0bbc-75d3-4935-991f-5f3c56d81508', 'whatever')).toBe(HealthDataRole.FHIR_DATA_READER);
    const result = synth((stack) =>
      new Workspace(stack, 'Health', BASE_WORKSPACE).addDicomService('Images', { name: 'images' }).grant(PRINCIPAL, custom),
    );
    expect(guidOf(result.resource(ROLE))).toBe('0b1e2d3c-4a5b-4c6d-8e7f-901a2b3c4d5e');
    // The FHIR data role by GUID is still only for FHIR services.
    expect(
      errorOf(() =>
        synth((stack) =>
          new Workspace(stack, 'Health', BASE_WORKSPACE)
            .addDicomService('Images', { name: 'images' })
            .grant(PRINCIPAL, HealthDataRole.fromRoleDefinitionGuid('4c8d0bbc-75d3-4935-991f-5f3c56d81508', 'x')),
        ),
      ),
    ).toMatch(/DicomService grant role "FHIR Data Reader" is invalid: it is a role for FHIR services/);
  });

  test('a bad GUID or name fails with the library error', () => {
    expect(() => HealthDataRole.fromRoleDefinitionGuid('Owner', 'Owner')).toThrow(HealthDataValidationError);
    expect(errorOf(() => HealthDataRole.fromRoleDefinitionGuid('Owner', 'Owner'))).toBe(
      'HealthDataRole.fromRoleDefinitionGuid roleDefinitionGuid "Owner" is invalid: a GUID. Use the last segment of the role definition id, e.g. "acdd72a7-3385-48ef-bd42-f606fba81ae7".',
    );
    expect(errorOf(() => HealthDataRole.fromRoleDefinitionGuid('0b1e2d3c-4a5b-4c6d-8e7f-901a2b3c4d5e', ''))).toMatch(
      /roleName "" is invalid: a non-empty name/,
    );
  });

  test('storage, event hub and key vault roles stay off the workspace and the services', () => {
    expect(
      errorOf(() =>
        synth((stack) => new Workspace(stack, 'Health', BASE_WORKSPACE).grant(PRINCIPAL, HealthDataRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER)),
      ),
    ).toMatch(
      /Workspace grant role "Key Vault Crypto Service Encryption User" is invalid: it is a role for Key Vault keys; a workspace grant carries a FHIR or DICOM data role .* or a control-plane role \(Owner, /,
    );
    expect(
      errorOf(() =>
        synth((stack) => addMedTech(new Workspace(stack, 'Health', BASE_WORKSPACE)).grant(PRINCIPAL, HealthDataRole.EVENT_HUBS_DATA_RECEIVER)),
      ),
    ).toMatch(/MedTechService grant role "Azure Event Hubs Data Receiver" is invalid: a MedTechService has no data-plane roles/);
  });
});
