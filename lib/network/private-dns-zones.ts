import { WORKSPACE_FACTS } from '../core/kinds';
import { AZURE_CLOUDS, HealthDataServicesEndpoints } from '../core/clouds';

/**
 * The private DNS zones of a Health Data Services workspace private endpoint (subresource `healthcareworkspace`), as
 * Azure's "Private endpoint DNS zone values" table lists them for `Microsoft.HealthcareApis/workspaces`: one per
 * host name family the endpoint serves. `HEALTH_DATA_PRIVATE_DNS_ZONES` are the public cloud's; a private endpoint
 * creates the zones of its workspace's cloud (Azure Government: `privatelink.*.azurehealthcareapis.us`, see
 * `lib/core/clouds.ts`).
 */
export interface HealthDataPrivateDnsZone {
  /** A readable key, part of the construct ids of the zones the library creates. */
  readonly key: string;
  /** The zone name. */
  readonly zoneName: string;
  /** The public host names the zone answers for privately. */
  readonly serves: string;
}

/** The private-link subresource (group id) of a Health Data Services workspace. */
export const HEALTH_DATA_PRIVATE_LINK_SUBRESOURCE: string = WORKSPACE_FACTS.privateLinkSubresource;

export const HEALTH_DATA_PRIVATE_DNS_ZONES: readonly HealthDataPrivateDnsZone[] = privateDnsZonesOf(AZURE_CLOUDS[0].healthDataServices!);

/** The three zones for a cloud's host names (values may be Terraform expressions for a token region). */
export function privateDnsZonesOf(endpoints: HealthDataServicesEndpoints): HealthDataPrivateDnsZone[] {
  return [
    { key: 'Workspace', zoneName: endpoints.privateDnsZones.workspace, serves: `{workspace}.${endpoints.workspaceHostSuffix}` },
    { key: 'Fhir', zoneName: endpoints.privateDnsZones.fhir, serves: `{workspace}-{fhir}.${endpoints.fhirHostSuffix}` },
    { key: 'Dicom', zoneName: endpoints.privateDnsZones.dicom, serves: `{workspace}-{dicom}.${endpoints.dicomHostSuffix}` },
  ];
}
