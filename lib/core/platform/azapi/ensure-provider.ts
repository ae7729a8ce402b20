import { TerraformProvider, TerraformStack } from '../cdktf';
import { IConstruct } from 'constructs';
import { AzapiProvider } from './provider';

const AUTOMATIC_ID = 'HealthDataServicesAzapiProvider';

/** The `azapi` provider the library adds on its own; it steps aside at synth when the user configured one. */
class AutomaticAzapiProvider extends AzapiProvider {
  public toTerraform(): { [key: string]: unknown } {
    return userDefaultAzapiProvider(TerraformStack.of(this)) ? {} : super.toTerraform();
  }

  public toHclTerraform(): { [key: string]: unknown } {
    return userDefaultAzapiProvider(TerraformStack.of(this)) ? {} : super.toHclTerraform();
  }
}

/** An `azapi` provider without alias that the user defined (this library's class or their own generated binding). */
function userDefaultAzapiProvider(stack: TerraformStack): TerraformProvider | undefined {
  return stack.node
    .findAll()
    .find(
      (c): c is TerraformProvider =>
        TerraformProvider.isTerraformProvider(c) &&
        c.terraformResourceType === 'azapi' &&
        c.alias === undefined &&
        !(c instanceof AutomaticAzapiProvider),
    );
}

/**
 * The default `azapi` provider of the scope's stack, added when the library first needs it (with
 * `required_providers.azapi = { source = "azure/azapi", version = ">= 2.12.0, < 3.0.0" }`). A default (un-aliased)
 * `azapi` provider the user defines, before or after, wins: the automatic one then synthesizes nothing, and the user's
 * provider (and its version constraint) is the stack's. Aliased user providers do not count: resources without a
 * `provider` use the default configuration.
 */
export function ensureAzapiProvider(scope: IConstruct): TerraformProvider {
  const stack = TerraformStack.of(scope);
  const automatic = stack.node.tryFindChild(AUTOMATIC_ID);
  if (automatic instanceof AutomaticAzapiProvider) return automatic;
  return userDefaultAzapiProvider(stack) ?? new AutomaticAzapiProvider(stack, AUTOMATIC_ID);
}
