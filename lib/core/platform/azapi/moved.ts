import { TerraformResource } from '../cdktf';
import { fail, isUnresolved } from '../../validation';
import { requireTerraformVersion } from './terraform-version';
import { TERRAFORM_CROSS_TYPE_MOVE_VERSION } from './versions';

/** Options of {@link moveFromAzurerm}. */
export interface MoveFromAzurermOptions {
  /**
   * The logical id (the part after the type in the Terraform address) the azurerm resource had.
   * @default - the target's own logical id: the one an azurerm resource at the same construct path had
   */
  readonly fromLogicalId?: string;
}

const AZURERM_TYPE = /^azurerm_[a-z0-9_]+$/;
const LOGICAL_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Adds `moved { from = <azurermType>.<logical id>, to = azapi_resource.<logical id> }` to an AzAPI resource, so that
 * an existing azurerm resource at that address becomes the AzAPI resource in state instead of being destroyed and
 * created again. Without such a resource in state Terraform ignores the block. Also raises the stack's
 * `required_version` to `>= 1.8.0` (cross-type moves). Returns the `from` address.
 */
export function moveFromAzurerm(target: TerraformResource, azurermType: string, options: MoveFromAzurermOptions = {}): string {
  if (typeof azurermType !== 'string' || !AZURERM_TYPE.test(azurermType)) {
    fail(target, `moved-from type ${JSON.stringify(azurermType)} is invalid: an azurerm resource type such as "azurerm_healthcare_fhir_service".`);
  }
  const logicalId = options.fromLogicalId ?? target.friendlyUniqueId;
  if (isUnresolved(logicalId) || typeof logicalId !== 'string' || !LOGICAL_ID.test(logicalId)) {
    fail(
      target,
      `moved-from logical id ${JSON.stringify(logicalId)} is invalid: a Terraform resource name (letters, digits, '_' or '-', not starting with a digit), known at synth.`,
    );
  }
  const from = `${azurermType}.${logicalId}`;
  target.moveFromId(from);
  requireTerraformVersion(
    target,
    TERRAFORM_CROSS_TYPE_MOVE_VERSION,
    `${from} moves to ${target.terraformResourceType}: a moved block between resource types`,
  );
  return from;
}
