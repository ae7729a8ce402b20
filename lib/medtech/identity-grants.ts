import { Construct } from 'constructs';
import type { HealthDataRole } from '../access/health-data-role';
import { grantRole } from '../access/role-grant';
import { Annotations } from '../core/platform/cdktf';
import type { IMedTechService } from './medtech-service-ref';

/**
 * Assigns a role that MedTech needs to its system-assigned identity at `scopeId` (construct `id` under the service);
 * with a user-assigned identity, or without a scope, warns which grant to make instead (the library cannot know that
 * identity's principal id, or the scope).
 */
export function grantToMedTechIdentity(
  medTech: IMedTechService,
  id: string,
  scopeId: string | undefined,
  role: HealthDataRole,
  scopeDescription: string,
): void {
  const principalId = medTech.identityPrincipalId;
  if (principalId !== undefined && scopeId !== undefined) {
    grantRole(medTech as Construct, id, scopeId, principalId, role, {
      principalType: 'ServicePrincipal',
      description: `MedTech ${medTech.node.path} needs ${role.roleName}`,
    });
    return;
  }
  const who = principalId !== undefined ? "the service's system-assigned identity (attribute identityPrincipalId)" : 'its user-assigned identity';
  const how =
    scopeId === undefined && principalId !== undefined ? ' Pass eventHub.eventHubId (or the provider resources) and the library assigns it.' : '';
  Annotations.of(medTech).addWarning(
    `MedTechService needs "${role.roleName}" (role definition ${role.roleDefinitionGuid}) on ${scopeDescription}, and the library cannot assign it: grant it to ${who}.${how}`,
  );
}
