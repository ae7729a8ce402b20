import type { IConstruct } from 'constructs';
import { DataAzurermClientConfig } from './platform/azurerm';
import { TerraformStack } from './platform/cdktf';

const ID = 'HealthDataServicesClientConfig';

/** The deploying identity (`data.azurerm_client_config`), one per stack, defined on first use. */
export function clientConfigOf(scope: IConstruct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(ID);
  return existing instanceof DataAzurermClientConfig ? existing : new DataAzurermClientConfig(stack, ID, {});
}
