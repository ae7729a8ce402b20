import type { IConstruct } from 'constructs';
import { describeInput } from './describe';
import { Annotations } from './platform/cdktf';
import { fail, isUnresolved } from './validation';

/**
 * What `terraform destroy` (or a change that replaces the resource) may do to a resource that holds data.
 */
export enum RemovalPolicy {
  /**
   * Sets `lifecycle.prevent_destroy`: any plan that would destroy or replace the resource fails, so protected
   * health information cannot be deleted by accident. Removing the resource from the code still removes it
   * from Terraform's management; it is a plan-time guard, not an orphaning policy.
   */
  RETAIN = 'retain',
  /** Terraform may destroy the resource (and the data in it). */
  DESTROY = 'destroy',
}

/**
 * The `prevent_destroy` part of a resource's lifecycle under a removal policy (default `RETAIN`). Opting a
 * resource that holds protected health information out of the guard is allowed, but said out loud at synth.
 */
export function preventDestroyFor(scope: IConstruct, policy: RemovalPolicy | undefined, whatWouldBeLost: string): { preventDestroy?: boolean } {
  // The one place a token cannot stand: Terraform's lifecycle meta-arguments take no expressions.
  if (isUnresolved(policy)) {
    fail(
      scope,
      'removalPolicy is a value known only at apply, but Terraform decides lifecycle.prevent_destroy before it evaluates anything (the lifecycle block takes no expressions). ' +
        'Give RemovalPolicy.RETAIN or RemovalPolicy.DESTROY in the code.',
    );
  }
  // Anything but the two values would otherwise fall through to DESTROY and drop the guard (e.g. "RETAIN" from JavaScript).
  if (policy !== undefined && policy !== null && !(Object.values(RemovalPolicy) as unknown[]).includes(policy)) {
    const match = Object.entries(RemovalPolicy).find(
      ([key, value]) => typeof policy === 'string' && (key === policy.toUpperCase() || value === policy.toLowerCase()),
    );
    fail(
      scope,
      `removalPolicy ${describeInput(policy)} is invalid: RemovalPolicy.RETAIN ("retain") or RemovalPolicy.DESTROY ("destroy").` +
        (match ? ` Use RemovalPolicy.${match[0]}.` : ' Leave it out to keep the default, RemovalPolicy.RETAIN.'),
    );
  }
  if ((policy ?? RemovalPolicy.RETAIN) === RemovalPolicy.RETAIN) return { preventDestroy: true };
  Annotations.of(scope).addWarning(
    `removalPolicy is RemovalPolicy.DESTROY: terraform destroy, or a change that replaces the resource, deletes ${whatWouldBeLost}. ` +
      'Keep RemovalPolicy.RETAIN for anything that holds protected health information.',
  );
  return {};
}
