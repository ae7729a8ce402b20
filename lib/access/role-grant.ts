import type { Construct, IConstruct } from 'constructs';
import { RoleAssignment } from '../core/platform/azurerm';
import { clientConfigOf } from '../core/client-config';
import { UUID_RULE } from '../core/names';
import { InputProblems } from '../core/validation';
import { HealthDataRole } from './health-data-role';

/** The kind of principal a role is assigned to; giving it avoids a replication-delay failure for new principals. */
export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal';

/** Who gets a role. */
export interface GrantOptions {
  /**
   * The principal's type.
   * @default - Azure looks it up (may fail for a principal created moments before)
   */
  readonly principalType?: PrincipalType;
  /**
   * A description of why the principal has the role, stored on the assignment.
   * @default - none
   */
  readonly description?: string;
}

/** Checks a grant's principal id (a UUID unless it is a token) and principal type; throws with the construct path. */
export function checkGrant(scope: IConstruct, principalId: string, role: HealthDataRole, options: GrantOptions = {}): void {
  new InputProblems(scope)
    .check(`${role.roleName} grant principalId`, principalId, UUID_RULE)
    .check(`${role.roleName} grant principalType`, options.principalType as string | undefined, {
      requirement: 'one of "User", "Group", "ServicePrincipal"',
      test: (value) => ['User', 'Group', 'ServicePrincipal'].includes(value),
    })
    .throwIfAny();
}

/**
 * Assigns a built-in role to a principal at a scope (`azurerm_role_assignment`), as construct `id` under `owner`.
 * The principal id must be a UUID unless it is a token.
 */
export function grantRole(
  owner: Construct,
  id: string,
  scopeId: string,
  principalId: string,
  role: HealthDataRole,
  options: GrantOptions = {},
): RoleAssignment {
  checkGrant(owner, principalId, role, options);
  return new RoleAssignment(owner, id, {
    scope: scopeId,
    roleDefinitionId: role.roleDefinitionId(clientConfigOf(owner).subscriptionId),
    principalId,
    principalType: options.principalType,
    description: options.description,
  });
}
