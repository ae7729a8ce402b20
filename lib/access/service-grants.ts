import { Construct, IConstruct } from 'constructs';
import type { IWorkspaceRef } from '../core/boundary';
import type { DataRoleFamily, ServiceKind } from '../core/kinds';
import { RoleAssignment } from '../core/platform/azurerm';
import { fail } from '../core/validation';
import { HealthDataRole } from './health-data-role';
import { principalKey } from './principal-key';
import { checkGrant, GrantOptions, grantRole } from './role-grant';

/** The construct id of the container that holds a construct's role assignments. */
export const GRANTS_ID = 'Grants';

/** The roles a workspace-scope assignment may carry: the data-plane roles of the services a workspace holds, and control-plane roles. */
const WORKSPACE_ROLE_FAMILIES: readonly HealthDataRole['appliesTo'][] = ['fhir', 'dicom', 'control-plane'];

/** The control-plane roles of the table, for messages. */
function controlPlaneRoles(): string {
  return HealthDataRole.all
    .filter((candidate) => candidate.appliesTo === 'control-plane')
    .map((candidate) => candidate.roleName)
    .join(', ');
}

/**
 * Assigns a role to a principal on one service (scope: the service's resource id), as the child
 * `Grants/<Role>-<principal>` of `owner` (the service construct, defined or imported): a data-plane role of the
 * service's kind, or a control-plane role (Owner, Contributor, Reader, ...; any role of
 * `HealthDataRole.fromRoleDefinitionGuid`). Rejects a data role of another kind (a DICOM role on a FHIR service) and
 * every data role on a kind without them (MedTech). Granting the same role to the same principal again returns the
 * existing assignment.
 */
export function grantServiceRole(
  owner: IConstruct,
  kind: ServiceKind,
  scopeId: string,
  principalId: string,
  role: HealthDataRole,
  options: GrantOptions = {},
): RoleAssignment {
  checkRole(owner, role);
  if (role.appliesTo === 'control-plane') return assign(owner, scopeId, principalId, role, options);
  const family: DataRoleFamily | undefined = kind.dataRoles;
  if (family === undefined) {
    fail(
      owner,
      `${kind.label} grant role "${role.roleName}" is invalid: a ${kind.label} has no data-plane roles (Azure has no built-in data role for it), only control-plane roles (${controlPlaneRoles()}). ` +
        'Grant data roles on the FHIR or DICOM service it works with.',
    );
  }
  if (role.appliesTo !== family) {
    const suitable = HealthDataRole.all.filter((candidate) => candidate.appliesTo === family).map((candidate) => candidate.roleName);
    fail(
      owner,
      `${kind.label} grant role "${role.roleName}" is invalid: it is a role for ${describeKind(role.appliesTo)}, not for a ${kind.label}. ` +
        `Use one of: ${suitable.join(', ')}; or a control-plane role (${controlPlaneRoles()}).`,
    );
  }
  return assign(owner, scopeId, principalId, role, options);
}

/**
 * Assigns a role to a principal on the whole workspace (scope: the workspace's resource id), which Azure applies to
 * every service in it, including those created later: a FHIR or DICOM data-plane role, or a control-plane role.
 */
export function grantWorkspaceRole(workspace: IWorkspaceRef, principalId: string, role: HealthDataRole, options: GrantOptions = {}): RoleAssignment {
  checkRole(workspace, role);
  if (!WORKSPACE_ROLE_FAMILIES.includes(role.appliesTo)) {
    fail(
      workspace,
      `Workspace grant role "${role.roleName}" is invalid: it is a role for ${describeKind(role.appliesTo)}; a workspace grant carries a FHIR or DICOM data role ` +
        `(e.g. HealthDataRole.FHIR_DATA_CONTRIBUTOR) or a control-plane role (${controlPlaneRoles()}). Assign "${role.roleName}" on the ${describeKind(role.appliesTo)} itself.`,
    );
  }
  return assign(workspace, workspace.workspaceId, principalId, role, options);
}

function checkRole(owner: IConstruct, role: HealthDataRole): void {
  if (!(role instanceof HealthDataRole)) {
    fail(owner, `grant role ${JSON.stringify(role)} is invalid: a HealthDataRole such as HealthDataRole.FHIR_DATA_READER.`);
  }
}

/** One assignment per (scope, role, principal): construct id `Grants/<RoleName>-<principal>`. */
function assign(owner: IConstruct, scopeId: string, principalId: string, role: HealthDataRole, options: GrantOptions): RoleAssignment {
  checkGrant(owner, principalId, role, options);
  const grants = (owner.node.tryFindChild(GRANTS_ID) as Construct | undefined) ?? new Construct(owner as Construct, GRANTS_ID);
  const id = `${role.roleName.replace(/[^A-Za-z0-9]/g, '')}-${principalKey(owner, principalId)}`;
  const existing = grants.node.tryFindChild(id);
  if (existing instanceof RoleAssignment) {
    if (existing.principalTypeInput !== options.principalType || existing.descriptionInput !== options.description) {
      fail(
        owner,
        `${role.roleName} is already granted to principal ${id.slice(id.indexOf('-') + 1)} here with other options ` +
          `(principalType ${JSON.stringify(existing.principalTypeInput)}, description ${JSON.stringify(existing.descriptionInput)}). Grant it once.`,
      );
    }
    return existing;
  }
  return grantRole(grants, id, scopeId, principalId, role, options);
}

function describeKind(kind: HealthDataRole['appliesTo']): string {
  return {
    fhir: 'FHIR services',
    dicom: 'DICOM services',
    eventhub: 'event hubs',
    storage: 'storage accounts',
    keyvault: 'Key Vault keys',
    'control-plane': 'any resource',
  }[kind];
}
