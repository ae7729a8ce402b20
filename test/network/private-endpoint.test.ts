import { TerraformStack, TerraformVariable } from 'cdktf';
import { HEALTH_DATA_PRIVATE_DNS_ZONES, Workspace, WorkspacePrivateEndpointOptions } from '../../lib';
import { BASE_WORKSPACE, SUBNET_ID, VNET_ID, ZONE_IDS } from '../boundary-fixtures';
import { errorOf, synth } from '../helpers';

const ENDPOINT = 'azurerm_private_endpoint';
const ZONE = 'azurerm_private_dns_zone';
const LINK = 'azurerm_private_dns_zone_virtual_network_link';
const DICOM = 'azurerm_healthcare_dicom_service';
const FHIR = 'azurerm_healthcare_fhir_service';

function withEndpoint(
  options: Partial<WorkspacePrivateEndpointOptions>,
  build: (workspace: Workspace, stack: TerraformStack) => void = () => undefined,
) {
  return synth((stack) => {
    const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
    workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID, ...options });
    build(workspace, stack);
  });
}

describe('workspace.addPrivateEndpoint', () => {
  test('connects a private endpoint to the workspace with the healthcareworkspace subresource', () => {
    const endpoint = withEndpoint({}).resource(ENDPOINT);
    expect(endpoint).toMatchObject({
      name: 'pe-health',
      location: 'eastus',
      resource_group_name: 'rg-health',
      subnet_id: SUBNET_ID,
      private_service_connection: {
        name: 'pe-health-connection',
        private_connection_resource_id: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
        subresource_names: ['healthcareworkspace'],
        is_manual_connection: false,
      },
    });
    expect(endpoint.private_dns_zone_group).toBeUndefined();
  });

  test('creates the workspace, FHIR and DICOM private DNS zones, links them to the network and registers in them', () => {
    const result = withEndpoint({ virtualNetworkId: VNET_ID });
    const zoneNames = result
      .resources(ZONE)
      .map((zone) => zone.name)
      .sort();
    expect(zoneNames).toEqual(HEALTH_DATA_PRIVATE_DNS_ZONES.map((zone) => zone.zoneName).sort());
    expect(zoneNames).toEqual([
      'privatelink.dicom.azurehealthcareapis.com',
      'privatelink.fhir.azurehealthcareapis.com',
      'privatelink.workspace.azurehealthcareapis.com',
    ]);
    expect(result.resources(LINK)).toHaveLength(3);
    result
      .resources(LINK)
      .forEach((link) => expect(link).toMatchObject({ virtual_network_id: VNET_ID, registration_enabled: false, resource_group_name: 'rg-health' }));
    const group = result.resource(ENDPOINT).private_dns_zone_group;
    expect(group.name).toBe('health-data-services');
    expect([...group.private_dns_zone_ids].sort()).toEqual(
      Object.keys(result.json.resource[ZONE])
        .map((name) => `\${azurerm_private_dns_zone.${name}.id}`)
        .sort(),
    );
    // Each link links one of the created zones.
    expect(
      result
        .resources(LINK)
        .map((link) => link.private_dns_zone_name)
        .sort(),
    ).toEqual(
      Object.keys(result.json.resource[ZONE])
        .map((name) => `\${azurerm_private_dns_zone.${name}.name}`)
        .sort(),
    );
  });

  test('creates the Government zones for a workspace in Azure Government', () => {
    const result = synth((stack) => {
      new Workspace(stack, 'Health', { ...BASE_WORKSPACE, location: 'usgovvirginia' }).addPrivateEndpoint('PrivateLink', {
        subnetId: SUBNET_ID,
        virtualNetworkId: VNET_ID,
      });
    });
    expect(
      result
        .resources(ZONE)
        .map((zone) => zone.name)
        .sort(),
    ).toEqual([
      'privatelink.dicom.azurehealthcareapis.us',
      'privatelink.fhir.azurehealthcareapis.us',
      'privatelink.workspace.azurehealthcareapis.us',
    ]);
    expect(result.resources(LINK)).toHaveLength(3);
  });

  test('uses given zones instead of creating them', () => {
    const result = withEndpoint({ privateDnsZoneIds: ZONE_IDS, name: 'pe-health-hub', location: 'East US', resourceGroupName: 'rg-net' });
    expect(result.resources(ZONE)).toEqual([]);
    expect(result.resource(ENDPOINT)).toMatchObject({
      name: 'pe-health-hub',
      location: 'eastus',
      resource_group_name: 'rg-net',
      private_dns_zone_group: { name: 'health-data-services', private_dns_zone_ids: ZONE_IDS },
    });
  });

  test('is created after the services of the workspace, defined before or after it, so that their host names are registered', () => {
    const endpoint = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.addFhirService('Patients', { name: 'patients' });
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      workspace.addDicomService('Images', { name: 'images' });
    }).resource(ENDPOINT);
    expect(endpoint.depends_on).toEqual([
      expect.stringMatching(/^azurerm_healthcare_fhir_service\.Health_Patients_/),
      expect.stringMatching(/^azurerm_healthcare_dicom_service\.Health_Images_/),
    ]);
  });

  test('a second endpoint that would create the same zones fails, pointing at privateDnsZoneIds', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
          workspace.addPrivateEndpoint('Primary', { subnetId: SUBNET_ID, virtualNetworkId: VNET_ID });
          workspace.addPrivateEndpoint('Secondary', { subnetId: SUBNET_ID, virtualNetworkId: VNET_ID, name: 'pe-health-2' });
        }),
      ),
    ).toMatch(
      /\[stack\/Health\/Secondary\] Private endpoint would create the private DNS zone "privatelink\.workspace\.azurehealthcareapis\.com" in resource group "rg-health", which stack\/Health\/Primary creates already.*Pass the first endpoint's privateDnsZoneIds/,
    );
  });

  test('accepts tokens for the subnet and the zones', () => {
    const endpoint = synth((stack) => {
      const subnet = new TerraformVariable(stack, 'subnet', { type: 'string' });
      const zones = new TerraformVariable(stack, 'zones', { type: 'list(string)' });
      new Workspace(stack, 'Health', BASE_WORKSPACE).addPrivateEndpoint('PrivateLink', {
        subnetId: subnet.stringValue,
        privateDnsZoneIds: zones.listValue,
      });
    }).resource(ENDPOINT);
    expect(endpoint.subnet_id).toBe('${var.subnet}');
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toBe('${var.zones}');
  });

  describe('fails with the path, the value, the rule and the fix', () => {
    const cases: Array<[string, Partial<WorkspacePrivateEndpointOptions>, RegExp]> = [
      [
        'with a virtual network id as subnet',
        { subnetId: VNET_ID },
        /\[stack\/Health\/PrivateLink\] Private endpoint subnetId ".*vnet-health" is invalid: a subnet id of the form/,
      ],
      [
        'with zones and a network to create zones in',
        { virtualNetworkId: VNET_ID, privateDnsZoneIds: ZONE_IDS },
        /takes privateDnsZoneIds \(use existing zones\) or virtualNetworkId \(create the zones and link them\), not both/,
      ],
      ['with an empty zone list', { privateDnsZoneIds: [] }, /privateDnsZoneIds is empty/],
      [
        'with a zone name instead of its id',
        { privateDnsZoneIds: ['privatelink.fhir.azurehealthcareapis.com'] },
        /privateDnsZoneIds\[0\] "privatelink\.fhir\.azurehealthcareapis\.com" is invalid: a private DNS zone id/,
      ],
      ['with a name Azure rejects', { name: 'pe health' }, /Private endpoint name "pe health" is invalid: 1-80 letters.*Use e\.g\. "pe-health"/],
      ['with an unknown region', { location: 'eastus9' }, /Private endpoint location "eastus9" is invalid: not a known Azure region/],
    ];
    test.each(cases)('%s', (_name, options, expected) => {
      expect(errorOf(() => withEndpoint(options))).toMatch(expected);
    });
  });
});

describe('public network access follows the workspace', () => {
  test('DICOM services defined before and after the private endpoint close public access', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.addDicomService('Before', { name: 'before' });
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      workspace.addDicomService('After', { name: 'after' });
    });
    expect(Object.fromEntries(result.resources(DICOM).map((dicom) => [dicom.name, dicom.public_network_access_enabled]))).toEqual({
      before: false,
      after: false,
    });
  });

  test("a DICOM service's own setting wins", () => {
    const dicom = withEndpoint({}, (workspace) => workspace.addDicomService('Viewer', { name: 'viewer', publicNetworkAccessEnabled: true })).resource(
      DICOM,
    );
    expect(dicom.public_network_access_enabled).toBe(true);
  });

  test("the workspace's explicit setting wins over the private endpoint", () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, publicNetworkAccessEnabled: true });
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      workspace.addDicomService('Images', { name: 'images' });
    });
    expect(result.resource(DICOM).public_network_access_enabled).toBe(true);
  });

  test('the workspace can close public access without a private endpoint', () => {
    const dicom = synth((stack) =>
      new Workspace(stack, 'Health', { ...BASE_WORKSPACE, publicNetworkAccessEnabled: false }).addDicomService('Images', { name: 'images' }),
    ).resource(DICOM);
    expect(dicom.public_network_access_enabled).toBe(false);
  });

  test("without a setting or a private endpoint the provider's default applies (the argument is left out)", () => {
    const dicom = synth((stack) => new Workspace(stack, 'Health', BASE_WORKSPACE).addDicomService('Images', { name: 'images' })).resource(DICOM);
    expect('public_network_access_enabled' in dicom).toBe(false);
  });

  test('FHIR services get no public-network argument: azurerm 4.55 cannot set it', () => {
    const fhir = withEndpoint({}, (workspace) => workspace.addFhirService('Patients', { name: 'patients' })).resource(FHIR);
    expect('public_network_access_enabled' in fhir).toBe(false);
  });

  test('works for imported workspaces', () => {
    const dicom = synth((stack) => {
      const workspace = Workspace.fromWorkspaceAttributes(stack, 'Shared', {
        workspaceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.HealthcareApis/workspaces/shared',
        location: 'eastus',
      });
      workspace.addDicomService('Images', { name: 'images' });
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
    }).resource(DICOM);
    expect(dicom.public_network_access_enabled).toBe(false);
  });
});
