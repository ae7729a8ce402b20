/**
 * The Terraform and AzAPI versions the library's AzAPI resources need, in one place. Sources and reasoning:
 * docs/azapi.md ("Versions").
 */

/** The registry source of the AzAPI provider (`required_providers.azapi.source`). */
export const AZAPI_PROVIDER_SOURCE = 'azure/azapi';

/**
 * The oldest AzAPI release the library supports: the first one whose `moved` support from `azurerm_*` works with the
 * resource-identity schema that 2.8.0 added (2.8.0-2.11.x fail a move with `attributes "id" and "type" are required`,
 * Azure/terraform-provider-azapi#1173, fixed in 2.12.0 by #1175). 2.12.0 also has every argument the bindings write.
 */
export const AZAPI_MINIMUM_VERSION = '2.12.0';

/** `required_providers.azapi.version`: any 2.x from the minimum on (3.0 may break the 2.x schema). */
export const AZAPI_VERSION_CONSTRAINT = `>= ${AZAPI_MINIMUM_VERSION}, < 3.0.0`;

/**
 * The oldest Terraform that can run a `moved` block between resources of different types (here
 * `azurerm_healthcare_fhir_service` → `azapi_resource`): 1.8.0 added the provider `MoveResourceState` protocol.
 */
export const TERRAFORM_CROSS_TYPE_MOVE_VERSION = '1.8.0';
