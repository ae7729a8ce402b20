import { boundaryOf, WorkspaceBoundary } from '../core/boundary';
import type { IHealthDataService, IWorkspaceFeature, IWorkspaceRef } from '../core/boundary';
import { ensureAzapiProvider } from '../core/platform/azapi/ensure-provider';
import { AzapiUpdateResource } from '../core/platform/azapi/update-resource';
import { dependable, Fn, Lazy, TerraformStack } from '../core/platform/cdktf';
import { addLateDependencies } from '../core/late-dependencies';
import { isUnresolved } from '../core/validation';
import type { IResolvable } from '../core/platform/cdktf';
import { workspaceNetworkAccessUpdate } from './workspace-network-access-update';

/** The construct id of the workspace's public-network-access update (construct ids are API). */
export const WORKSPACE_NETWORK_ACCESS_ID = 'PublicNetworkAccess';

/** A service whose public network access has a switch of its own (kind fact `publicNetworkAccess: 'service-switch'`). */
export interface IPublicNetworkSwitch {
  /** Whether the service set its own value (its prop, or an escape-hatch assignment); that value wins. */
  readonly hasOwnPublicNetworkAccess: boolean;
  /** Makes the service's switch follow a value that the workspace decides at synthesis. */
  followPublicNetworkAccess(value: IResolvable): void;
}

function hasSwitch(service: IHealthDataService): service is IHealthDataService & IPublicNetworkSwitch {
  return (
    service.serviceKind.publicNetworkAccess === 'service-switch' &&
    typeof (service as Partial<IPublicNetworkSwitch>).followPublicNetworkAccess === 'function'
  );
}

/**
 * Public network access of a workspace's services that have a switch (DICOM): the workspace's explicit
 * `publicNetworkAccessEnabled`, otherwise `false` once the workspace has a private endpoint, otherwise the provider's
 * default. A service that sets its own value keeps it. Reaches services defined before and after.
 */
export class PublicNetworkAccessPolicy implements IWorkspaceFeature {
  /**
   * The workspace's explicit setting; without one nothing follows the workspace until it gets a private endpoint. A
   * stated value (true or false) is also written on the workspace itself, which azurerm cannot do: an
   * `azapi_update_resource` (child `PublicNetworkAccess`) sets `properties.publicNetworkAccess` of
   * `Microsoft.HealthcareApis/workspaces@2024-03-31`; FHIR services follow the workspace. `true` is written as
   * `Enabled` rather than left out, because removing the update resource would change nothing in Azure.
   */
  public static configureWorkspace(workspace: IWorkspaceRef, explicit: boolean | undefined): void {
    if (explicit === undefined) return;
    boundaryOf(workspace).feature(PublicNetworkAccessPolicy).explicit = explicit;
    ensureAzapiProvider(workspace);
    const update = workspaceNetworkAccessUpdate(workspace.workspaceId, explicit === true);
    // A value known only at plan time picks the ARM value there.
    const body = isUnresolved(explicit) ? { properties: { publicNetworkAccess: Fn.conditional(explicit, 'Enabled', 'Disabled') } } : update.body;
    const feature = boundaryOf(workspace).feature(PublicNetworkAccessPolicy);
    feature.workspaceUpdate = new AzapiUpdateResource(workspace, WORKSPACE_NETWORK_ACCESS_ID, { ...update, body });
    // Services defined before the setting (rare: it is a workspace prop) get the ordering too.
    boundaryOf(workspace).services.forEach((service) => feature.orderAfterUpdate(service));
  }

  /** Records that the workspace has a private endpoint (services that follow the workspace then close public access). */
  public static notePrivateEndpoint(workspace: IWorkspaceRef): void {
    boundaryOf(workspace).feature(PublicNetworkAccessPolicy).hasPrivateEndpoint = true;
  }

  /** What a following service's switch resolves to (undefined: leave it to the provider's default). */
  public static of(workspace: IWorkspaceRef): boolean | undefined {
    return boundaryOf(workspace).findFeature(PublicNetworkAccessPolicy)?.value;
  }

  private explicit?: boolean;
  private hasPrivateEndpoint = false;
  private workspaceUpdate?: AzapiUpdateResource;
  private readonly ordered = new Set<IHealthDataService>();

  constructor(_boundary: WorkspaceBoundary) {}

  /**
   * Services with a data plane are created after the workspace's own setting is written (a FHIR service then never
   * exists in a workspace that is still open, and ARM does not see the workspace and its service change at once).
   */
  private orderAfterUpdate(service: IHealthDataService): void {
    const update = this.workspaceUpdate;
    if (
      !update ||
      service.serviceKind.publicNetworkAccess === 'none' ||
      this.ordered.has(service) ||
      TerraformStack.of(service) !== TerraformStack.of(update)
    )
      return;
    this.ordered.add(service);
    addLateDependencies(service.resource, () => [dependable(update)]);
  }

  /** The switch value services follow. */
  public get value(): boolean | undefined {
    return this.explicit ?? (this.hasPrivateEndpoint ? false : undefined);
  }

  public applyToService(service: IHealthDataService): void {
    this.orderAfterUpdate(service);
    if (!hasSwitch(service) || service.hasOwnPublicNetworkAccess) return;
    service.followPublicNetworkAccess(Lazy.anyValue({ produce: () => this.value }));
  }
}
