import { TerraformVariable } from 'cdktf';
import { Workspace } from '../../lib';
import { BASE_WORKSPACE, SUBNET_ID, VNET_ID, ZONE_IDS } from '../boundary-fixtures';
import { errorOf, synth } from '../helpers';

const ENDPOINT = 'azurerm_private_endpoint';

describe("the private endpoint's connection and DNS zone group names", () => {
  test('defaults: "{endpoint}-connection" and "health-data-services"', () => {
    const endpoint = synth((stack) =>
      new Workspace(stack, 'Health', BASE_WORKSPACE).addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID, privateDnsZoneIds: ZONE_IDS }),
    ).resource(ENDPOINT);
    expect(endpoint.private_service_connection.name).toBe('pe-health-connection');
    expect(endpoint.private_dns_zone_group.name).toBe('health-data-services');
  });

  test('given names, with existing zones and with created zones', () => {
    const existing = synth((stack) =>
      new Workspace(stack, 'Health', BASE_WORKSPACE).addPrivateEndpoint('PrivateLink', {
        subnetId: SUBNET_ID,
        privateDnsZoneIds: ZONE_IDS,
        privateServiceConnectionName: 'psc-health',
        privateDnsZoneGroupName: 'default',
      }),
    ).resource(ENDPOINT);
    expect(existing.private_service_connection.name).toBe('psc-health');
    expect(existing.private_dns_zone_group).toEqual({ name: 'default', private_dns_zone_ids: ZONE_IDS });
    const created = synth((stack) =>
      new Workspace(stack, 'Health', BASE_WORKSPACE).addPrivateEndpoint('PrivateLink', {
        subnetId: SUBNET_ID,
        virtualNetworkId: VNET_ID,
        privateDnsZoneGroupName: 'zones',
      }),
    ).resource(ENDPOINT);
    expect(created.private_dns_zone_group.name).toBe('zones');
  });

  test('bad names fail with a fix; a zone group name without zones fails', () => {
    const add = (options: object) =>
      errorOf(() =>
        synth((stack) =>
          new Workspace(stack, 'Health', BASE_WORKSPACE).addPrivateEndpoint('PrivateLink', {
            subnetId: SUBNET_ID,
            privateDnsZoneIds: ZONE_IDS,
            ...options,
          }),
        ),
      );
    expect(add({ privateServiceConnectionName: 'psc health' })).toMatch(
      /Private endpoint privateServiceConnectionName "psc health" is invalid: 1-80 letters.*Use e\.g\. "psc-health"\./,
    );
    expect(add({ privateDnsZoneGroupName: '-zones' })).toMatch(/Private endpoint privateDnsZoneGroupName "-zones" is invalid/);
    expect(
      errorOf(() =>
        synth((stack) =>
          new Workspace(stack, 'Health', BASE_WORKSPACE).addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID, privateDnsZoneGroupName: 'zones' }),
        ),
      ),
    ).toMatch(/Private endpoint privateDnsZoneGroupName is set without DNS zones/);
  });
});

test('token names are not rejected', () => {
  const endpoint = synth((stack) => {
    const name = new TerraformVariable(stack, 'psc', { type: 'string' });
    new Workspace(stack, 'Health', BASE_WORKSPACE).addPrivateEndpoint('PrivateLink', {
      subnetId: SUBNET_ID,
      privateDnsZoneIds: ZONE_IDS,
      privateServiceConnectionName: name.stringValue,
      privateDnsZoneGroupName: name.stringValue,
    });
  }).resource(ENDPOINT);
  expect(endpoint.private_service_connection.name).toBe('${var.psc}');
  expect(endpoint.private_dns_zone_group.name).toBe('${var.psc}');
});
