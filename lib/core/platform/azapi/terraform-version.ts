import { TerraformElement, TerraformStack } from '../cdktf';
import { IConstruct } from 'constructs';
import { fail } from '../../validation';

const ID = 'HealthDataServicesTerraformVersion';
const VERSION = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/;

function parse(version: string): [number, number, number] | undefined {
  const match = VERSION.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * `terraform { required_version = ">= x.y.z" }` for the highest minimum any feature of the stack asked for. A
 * `stack.addOverride("terraform.required_version", ...)` of the user's is merged after this element and wins.
 */
class TerraformVersionRequirement extends TerraformElement {
  private minimum: [number, number, number] = [0, 0, 0];
  private readonly reasons = new Map<string, string>();

  public require(version: [number, number, number], text: string, reason: string): void {
    if (compare(version, this.minimum) > 0) this.minimum = version;
    this.reasons.set(text, reason);
  }

  /** The constraint written to `required_version`. */
  public get constraint(): string {
    return `>= ${this.minimum.join('.')}`;
  }

  /** Why each minimum was asked for (for reports and messages). */
  public get why(): ReadonlyMap<string, string> {
    return this.reasons;
  }

  public toTerraform(): { [key: string]: unknown } {
    return { terraform: { required_version: this.constraint } };
  }

  public toHclTerraform(): { [key: string]: unknown } {
    return this.toTerraform();
  }
}

/**
 * Makes the stack's `terraform.required_version` at least `minimum` (`"x.y.z"`), e.g. `1.8.0` for a `moved` block
 * between resource types. Returns the constraint the stack now carries.
 */
export function requireTerraformVersion(scope: IConstruct, minimum: string, reason: string): string {
  const version = parse(minimum);
  if (!version) fail(scope, `required Terraform version ${JSON.stringify(minimum)} is invalid: a version "x.y.z". Use e.g. "1.8.0".`);
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(ID);
  const requirement = existing instanceof TerraformVersionRequirement ? existing : new TerraformVersionRequirement(stack, ID);
  requirement.require(version, minimum, reason);
  return requirement.constraint;
}
