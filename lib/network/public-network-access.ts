import { IResolvable, Lazy } from 'cdktf';
import type { HealthDataService } from '../core/health-data-service';
import { primaryResourceOf } from '../core/primary-resource';
import type { IWorkspace } from '../workspace';

/**
 * Which kinds of service take a public-network switch through azurerm 4.55, and the resource argument that holds it.
 * FHIR is absent on purpose: `azurerm_healthcare_fhir_service.public_network_access_enabled` is computed only (the
 * provider cannot set it; hashicorp/terraform-provider-azurerm#18549), so a FHIR service is isolated by the
 * workspace's private endpoint alone. MedTech has no such setting.
 */
const PUBLIC_ACCESS_SWITCHES: { readonly [kindLabel: string]: string } = {
  DicomService: 'publicNetworkAccessEnabled',
};

interface NetworkPolicy {
  /** The workspace's explicit `publicNetworkAccessEnabled`, if given. */
  explicit?: boolean;
  /** Whether `addPrivateEndpoint` was called on the workspace. */
  hasPrivateEndpoint: boolean;
}

const policies = new WeakMap<IWorkspace, NetworkPolicy>();

/**
 * Makes the public-network switch of every service of the workspace that has one (DICOM) follow the workspace:
 * its explicit `publicNetworkAccessEnabled`, otherwise `false` once the workspace has a private endpoint, otherwise the
 * provider's default. A service that sets its own value keeps it. Reaches services defined before and after.
 */
export function configurePublicNetworkAccess(workspace: IWorkspace, explicit: boolean | undefined): void {
  // Without a setting nothing follows the workspace until it gets a private endpoint (no lazy value per service).
  if (explicit === undefined) return;
  policyOf(workspace).explicit = explicit;
}

/** Records that the workspace has a private endpoint (services that follow the workspace then close public access). */
export function notePrivateEndpoint(workspace: IWorkspace): void {
  policyOf(workspace).hasPrivateEndpoint = true;
}

/** What a following service's switch resolves to (undefined: leave it to the provider's default). */
export function workspacePublicNetworkAccess(workspace: IWorkspace): boolean | undefined {
  const policy = policies.get(workspace);
  if (!policy) return undefined;
  return policy.explicit ?? (policy.hasPrivateEndpoint ? false : undefined);
}

function policyOf(workspace: IWorkspace): NetworkPolicy {
  let policy = policies.get(workspace);
  if (!policy) {
    policy = { hasPrivateEndpoint: false };
    policies.set(workspace, policy);
    workspace.forEachService((service) => follow(workspace, service));
  }
  return policy;
}

type Switchable = { [attribute: string]: unknown };

function follow(workspace: IWorkspace, service: HealthDataService): void {
  const attribute = PUBLIC_ACCESS_SWITCHES[service.kind.label];
  if (attribute === undefined) return;
  const resource = primaryResourceOf(service) as unknown as Switchable;
  // The service's own value (its prop, or an earlier escape-hatch assignment) wins.
  if (resource[`${attribute}Input`] !== undefined) return;
  resource[attribute] = Lazy.anyValue({ produce: () => workspacePublicNetworkAccess(workspace) }) as IResolvable;
}
