import { AZAPI_RESOURCE_TYPE } from '../../core/kinds';
import type { SynthesizedResource } from './app-model';
import { blockOf, TerraformBlock, TerraformValue } from './terraform-values';

/*
 * A service's primary resource is an azurerm resource (arguments in snake_case) or an `azapi_resource` (the ARM body
 * under `body`, properties under their ARM names). The rules read one value through these accessors, which know both
 * shapes and name the argument path for messages.
 */

/** True for an `azapi_resource`. */
export function isAzapi(resource: SynthesizedResource): boolean {
  return resource.type === AZAPI_RESOURCE_TYPE;
}

/** A value of the synthesized configuration, with the path it was read from (for messages). */
export interface ConfigValue {
  readonly value: TerraformValue;
  /** e.g. `authentication.authority` or `body.properties.authenticationConfiguration.authority`. */
  readonly path: string;
}

/** Follows `path` (keys; blocks as one object or a list of one) from a block. */
function at(block: TerraformValue, path: readonly string[]): TerraformValue {
  let current: TerraformValue = block;
  for (const key of path) {
    const object = blockOf(current);
    if (!object) return undefined;
    current = object[key];
  }
  return current;
}

/** The value at an azurerm argument path, or at an ARM body path for an `azapi_resource`. */
export function configValue(resource: SynthesizedResource, azurermPath: readonly string[], armPath: readonly string[]): ConfigValue {
  if (isAzapi(resource)) return { value: at(resource.config.body, armPath), path: ['body', ...armPath].join('.') };
  return { value: at(resource.config, azurermPath), path: azurermPath.join('.') };
}

/** The `properties` of an `azapi_resource`'s body (undefined for azurerm resources, or when the body is an expression). */
export function armProperties(resource: SynthesizedResource): TerraformBlock | undefined {
  return isAzapi(resource) ? blockOf(at(resource.config.body, ['properties'])) : undefined;
}

/** The reference to the service's workspace: `workspace_id` (azurerm) or `parent_id` (AzAPI). */
export function workspaceReferenceOf(resource: SynthesizedResource): TerraformValue {
  return isAzapi(resource) ? resource.config.parent_id : resource.config.workspace_id;
}
