import type { AzapiBody } from '../core/platform/azapi/common';

/**
 * The workspace's own public network access, which azurerm 4.55 cannot set (`azurerm_healthcare_workspace` has no
 * argument, and its update PATCHes tags only, so an `azapi_update_resource` on the same workspace does not fight it).
 */
export const WORKSPACE_AZAPI_TYPE = 'Microsoft.HealthcareApis/workspaces@2024-03-31';

/** `Enabled` or `Disabled`, the values of ARM `ResourcePublicNetworkAccess`. */
export type PublicNetworkAccessValue = 'Enabled' | 'Disabled';

/** The body of the workspace update: `{ properties: { publicNetworkAccess } }`, merged by AzAPI into the workspace. */
export function workspacePublicNetworkAccessBody(enabled: boolean): AzapiBody {
  const value: PublicNetworkAccessValue = enabled ? 'Enabled' : 'Disabled';
  return { properties: { publicNetworkAccess: value } };
}

/** The `azapi_update_resource` arguments for a workspace id (a token is fine). */
export interface WorkspaceNetworkAccessUpdateArguments {
  readonly type: string;
  readonly resourceId: string;
  readonly body: AzapiBody;
}

/**
 * The arguments of the update. Emit it whenever the workspace states `publicNetworkAccessEnabled` (true or false),
 * not only for false: deleting an `azapi_update_resource` changes nothing in Azure, so going back to `true` must be
 * written as `Enabled`, or the workspace stays closed.
 */
export function workspaceNetworkAccessUpdate(workspaceId: string, enabled: boolean): WorkspaceNetworkAccessUpdateArguments {
  return { type: WORKSPACE_AZAPI_TYPE, resourceId: workspaceId, body: workspacePublicNetworkAccessBody(enabled) };
}
