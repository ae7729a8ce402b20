import { WORKSPACE_FACTS } from '../core/kinds';

/**
 * The private DNS zones of a Health Data Services workspace private endpoint (subresource `healthcareworkspace`), as
 * Azure's "Private endpoint DNS zone values" table lists them for `Microsoft.HealthcareApis/workspaces`: one per
 * host name family the endpoint serves. Azure public cloud; sovereign clouds use other suffixes (pass your zones).
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

export const HEALTH_DATA_PRIVATE_DNS_ZONES: readonly HealthDataPrivateDnsZone[] = [
  { key: 'Workspace', zoneName: 'privatelink.workspace.azurehealthcareapis.com', serves: '{workspace}.workspace.azurehealthcareapis.com' },
  { key: 'Fhir', zoneName: 'privatelink.fhir.azurehealthcareapis.com', serves: '{workspace}-{fhir}.fhir.azurehealthcareapis.com' },
  { key: 'Dicom', zoneName: 'privatelink.dicom.azurehealthcareapis.com', serves: '{workspace}-{dicom}.dicom.azurehealthcareapis.com' },
];
