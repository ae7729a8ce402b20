import { DICOM_SERVICE_KIND } from './dicom';
import { FHIR_SERVICE_KIND } from './fhir';
import { MEDTECH_SERVICE_KIND } from './medtech';
import type { ServiceKind } from './service-kind';

export { DICOM_SERVICE_KIND, FHIR_SERVICE_KIND, MEDTECH_SERVICE_KIND };
export { AUDIT_CATEGORY_GROUPS } from './service-kind';
export type { DataRoleFamily, DiagnosticCategories, PublicNetworkAccessControl, ServiceKind } from './service-kind';
export { WORKSPACE_FACTS } from './workspace';

/** Every kind of workspace service. A new kind is a file in this folder and one entry here. */
export const SERVICE_KINDS: readonly ServiceKind[] = [FHIR_SERVICE_KIND, DICOM_SERVICE_KIND, MEDTECH_SERVICE_KIND];

/** The kind whose primary resource has this Terraform type (for checks that read synthesized configuration). */
export function serviceKindOfTerraformType(terraformType: string): ServiceKind | undefined {
  return SERVICE_KINDS.find((kind) => kind.terraformType === terraformType);
}

/**
 * The kind of an `azapi_resource` from its `type` (`<ARM type>@<api version>`, compared case-insensitively as ARM and
 * AzAPI compare types), for kinds whose primary resource can be one.
 */
export function serviceKindOfAzapiType(azapiType: string): ServiceKind | undefined {
  if (typeof azapiType !== 'string') return undefined;
  const armType = azapiType.split('@')[0].toLowerCase();
  return SERVICE_KINDS.find((kind) => kind.azapiType !== undefined && kind.azapiType.toLowerCase() === armType);
}

/** The Terraform type of every AzAPI resource; which service it is, its `type` argument says. */
export const AZAPI_RESOURCE_TYPE = 'azapi_resource';

/**
 * The Terraform type a resource stands for in the library's terms: an `azapi_resource` whose `type` is a kind's
 * `azapiType` stands for that kind's `terraformType` (e.g. `azurerm_healthcare_fhir_service`); any other resource for
 * its own type.
 */
export function logicalTerraformType(terraformType: string, azapiType: unknown): string {
  if (terraformType !== AZAPI_RESOURCE_TYPE || typeof azapiType !== 'string') return terraformType;
  return serviceKindOfAzapiType(azapiType)?.terraformType ?? terraformType;
}
