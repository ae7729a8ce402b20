import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { fail } from './validation';

/**
 * The provider resource a construct keeps as its child `Resource` (every construct of this library does, see
 * DESIGN §2): the thing workspace-wide settings point role assignments, diagnostic settings and locks at.
 */
export function primaryResourceOf(construct: IConstruct): TerraformResource {
  const child = construct.node.tryFindChild('Resource');
  if (!TerraformResource.isTerraformResource(child)) {
    fail(construct, `has no provider resource as its child "Resource"; workspace-wide settings can only reach it once it is constructed.`);
  }
  return child;
}

/** The Azure resource id of a construct's primary resource (a token until Terraform runs). */
export function resourceIdOf(construct: IConstruct): string {
  return primaryResourceOf(construct).getStringAttribute('id');
}

/** True when both constructs are in the same stack (Terraform `depends_on` cannot cross stacks). */
export function sameStack(a: IConstruct, b: IConstruct): boolean {
  return TerraformStack.of(a) === TerraformStack.of(b);
}
