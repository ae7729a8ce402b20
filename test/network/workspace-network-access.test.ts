import { TerraformVariable } from 'cdktf';
import { AzapiProvider, Workspace } from '../../lib';
import { BASE_WORKSPACE, SUBNET_ID } from '../boundary-fixtures';
import { errorOf, synth } from '../helpers';

const UPDATE = 'azapi_update_resource';
const WORKSPACE_ID = '${azurerm_healthcare_workspace.Health_02A586CD.id}';

describe("the workspace's own public network access", () => {
  test.each([
    [false, 'Disabled'],
    [true, 'Enabled'],
  ])('publicNetworkAccessEnabled %s writes %s on the workspace through azapi_update_resource (child PublicNetworkAccess)', (enabled, value) => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, publicNetworkAccessEnabled: enabled });
      expect(workspace.node.findChild('PublicNetworkAccess').node.path).toBe('stack/Health/PublicNetworkAccess');
    });
    expect(result.resource(UPDATE)).toEqual({
      '//': expect.anything(),
      type: 'Microsoft.HealthcareApis/workspaces@2024-03-31',
      resource_id: WORKSPACE_ID,
      body: { properties: { publicNetworkAccess: value } },
    });
    expect(result.json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '>= 2.12.0, < 3.0.0' });
    expect(result.json.provider.azapi).toEqual([{}]);
    // No moved block, so no Terraform version floor.
    expect(result.json.terraform.required_version).toBeUndefined();
  });

  test("not stated: nothing is written on the workspace (the default stays Azure's), and no azapi provider is added", () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      workspace.addDicomService('Images', { name: 'images' });
    });
    expect(result.resources(UPDATE)).toEqual([]);
    expect(result.json.provider.azapi).toBeUndefined();
  });

  test('FHIR and DICOM services are created after it; the lock covers it; DICOM still follows the setting', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, publicNetworkAccessEnabled: false, lock: 'CanNotDelete' });
      workspace.addFhirService('Patients', { name: 'patients' });
      const dicom = workspace.addDicomService('Images', { name: 'images' });
      // The user's own depends_on survives next to the library's ordering.
      dicom.resource.dependsOn = ['azurerm_healthcare_fhir_service.Health_Patients_422B09FF'];
    });
    const [update] = Object.keys(result.json.resource[UPDATE]);
    expect(result.resource('azurerm_healthcare_fhir_service').depends_on).toEqual([`${UPDATE}.${update}`]);
    expect(result.resource('azurerm_healthcare_dicom_service')).toMatchObject({
      public_network_access_enabled: false,
      depends_on: ['azurerm_healthcare_fhir_service.Health_Patients_422B09FF', `${UPDATE}.${update}`],
    });
    expect(result.resource('azurerm_management_lock').depends_on).toContain(`${UPDATE}.${update}`);
  });

  test('a token picks Enabled or Disabled at plan time', () => {
    const result = synth((stack) => {
      const open = new TerraformVariable(stack, 'open', { type: 'bool' });
      new Workspace(stack, 'Health', { ...BASE_WORKSPACE, publicNetworkAccessEnabled: open.booleanValue as unknown as boolean });
    });
    expect(result.resource(UPDATE).body).toEqual({ properties: { publicNetworkAccess: '${var.open ? "Enabled" : "Disabled"}' } });
  });

  test("a user's azapi provider is used instead of the automatic one", () => {
    const result = synth((stack) => {
      new AzapiProvider(stack, 'azapi', { environment: 'usgovernment' });
      new Workspace(stack, 'Health', { ...BASE_WORKSPACE, publicNetworkAccessEnabled: false });
    });
    expect(result.json.provider.azapi).toEqual([{ environment: 'usgovernment' }]);
  });

  test('not a boolean fails', () => {
    expect(
      errorOf(() =>
        synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, publicNetworkAccessEnabled: 'false' as unknown as boolean })),
      ),
    ).toMatch(/^\[stack\/Health\] Workspace publicNetworkAccessEnabled "false" is invalid: true or false/);
  });
});
