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
