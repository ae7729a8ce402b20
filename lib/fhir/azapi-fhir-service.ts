import type { Construct } from 'constructs';
import { ensureAzapiProvider } from '../core/platform/azapi/ensure-provider';
import { moveFromAzurerm } from '../core/platform/azapi/moved';
import { AzapiResource } from '../core/platform/azapi/resource';
import type { AzapiTimeouts } from '../core/platform/azapi/common';
import type { TerraformResourceLifecycle } from '../core/platform/cdktf';
import { FHIR_SERVICE_AZURERM_TYPE, fhirServiceAzapiArguments, FhirServiceArmBodyInput } from './arm-body';

/** Which Terraform provider writes a FHIR service. */
export enum FhirResourceProvider {
  /** `azurerm_healthcare_fhir_service` (API version 2022-12-01): every setting azurerm 4.55 has. */
  AZURERM = 'azurerm',
  /**
   * One `azapi_resource` of type `Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31`, the whole service:
   * every setting, including those azurerm cannot write. Moved in state from the azurerm address.
   */
  AZAPI = 'azapi',
}

/** azurerm's own FHIR timeouts (AzAPI's default is 30 minutes for every operation, too short for a FHIR service). */
const AZURERM_FHIR_TIMEOUTS: Required<AzapiTimeouts> = { create: '90m', read: '5m', update: '90m', delete: '30m' };

/** What the AzAPI form of a FHIR service is made of besides its body. */
export interface AzapiFhirServiceInput extends FhirServiceArmBodyInput {
  readonly name: string;
  /** The workspace's resource id (the azurerm workspace's `id`: `parent_id` must equal what the moved id yields). */
  readonly workspaceId: string;
  readonly timeouts?: AzapiTimeouts;
  readonly lifecycle?: TerraformResourceLifecycle;
}

/**
 * The FHIR service as one `azapi_resource` (child `Resource` of `scope`): the complete body, the workspace as
 * `parent_id`, azurerm's timeouts unless given, a `moved` block from the `azurerm_healthcare_fhir_service` the same
 * construct would otherwise have (so that an existing service is moved in state, not replaced; `required_version >=
 * 1.8.0`), and the stack's default `azapi` provider.
 */
export function createAzapiFhirService(scope: Construct, input: AzapiFhirServiceInput): AzapiResource {
  ensureAzapiProvider(scope);
  const args = fhirServiceAzapiArguments(input);
  const resource = new AzapiResource(scope, 'Resource', {
    type: args.type,
    name: input.name,
    parentId: input.workspaceId,
    location: args.location,
    tags: args.tags,
    identity: args.identity,
    body: args.body,
    timeouts: { ...AZURERM_FHIR_TIMEOUTS, ...definedTimeouts(input.timeouts) },
    lifecycle: input.lifecycle,
  });
  moveFromAzurerm(resource, FHIR_SERVICE_AZURERM_TYPE);
  return resource;
}

function definedTimeouts(timeouts: AzapiTimeouts | undefined): AzapiTimeouts {
  if (timeouts === undefined || timeouts === null) return {};
  return Object.fromEntries(Object.entries(timeouts).filter(([, value]) => value !== undefined)) as AzapiTimeouts;
}
