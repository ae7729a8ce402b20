import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { resourceIdOf } from '../core/primary-resource';
import { fail } from '../core/validation';
import type { HealthDataService } from '../core/health-data-service';
import { lockAfter } from '../lock/workspace-lock';
import type { IWorkspace } from '../workspace';
import { HealthDataRole } from './health-data-role';
import { principalKey } from './principal-key';
import { checkGrant, GrantOptions, grantRole } from './role-grant';

/** The construct id of the container that holds a construct's role assignments. */
export const GRANTS_ID = 'Grants';

/** Which built-in data-plane roles apply to which kind of service (by construct label). */
const ROLE_KINDS_BY_SERVICE: { readonly [kindLabel: string]: HealthDataRole['appliesTo'] } = {
  FhirService: 'fhir',
  DicomService: 'dicom',
};

/** The roles a workspace-scope assignment may carry: the data-plane roles of the services a workspace holds. */
const WORKSPACE_ROLE_KINDS: readonly HealthDataRole['appliesTo'][] = ['fhir', 'dicom'];

/**
 * Assigns a built-in data-plane role to a principal on one service (scope: the service's resource id). Rejects a role
 * of another kind of service (a DICOM role on a FHIR service). Granting the same role to the same principal again
 * returns the existing assignment.
 */
export function grantServiceRole(service: HealthDataService, principalId: string, role: HealthDataRole, options: GrantOptions = {}): RoleAssignment {
  const kind = ROLE_KINDS_BY_SERVICE[service.kind.label];
  checkRole(service, role);
  if (kind === undefined) {
    fail(service, `${service.kind.label} has no data-plane roles to grant: Azure has no built-in data role for it. Grant roles on the FHIR or DICOM service it works with.`);
  }
  if (role.appliesTo !== kind) {
    const suitable = HealthDataRole.all.filter((candidate) => candidate.appliesTo === kind).map((candidate) => candidate.roleName);
    fail(service, `${service.kind.label} grant role "${role.roleName}" is invalid: it is a role for ${describeKind(role.appliesTo)}, not for a ${service.kind.label}. ` +
        `Use one of: ${suitable.join(', ')}.`,
    );
  }
  const assignment = assign(service, resourceIdOf(service), principalId, role, options);
  lockAfter(service.workspace, assignment);
  return assignment;
}

/**
 * Assigns a built-in data-plane role to a principal on the whole workspace (scope: the workspace's resource id), which
 * Azure applies to every FHIR or DICOM service in it, including those created later.
 */
export function grantWorkspaceRole(workspace: IWorkspace, principalId: string, role: HealthDataRole, options: GrantOptions = {}): RoleAssignment {
  checkRole(workspace, role);
  if (!WORKSPACE_ROLE_KINDS.includes(role.appliesTo)) {
    fail(workspace, `Workspace grant role "${role.roleName}" is invalid: it is a role for ${describeKind(role.appliesTo)}; a workspace grant carries a FHIR or DICOM data role ` +
        `(e.g. HealthDataRole.FHIR_DATA_CONTRIBUTOR). Assign "${role.roleName}" on the ${describeKind(role.appliesTo)} itself.`,
    );
  }
  const assignment = assign(workspace, workspace.workspaceId, principalId, role, options);
  lockAfter(workspace, assignment);
  return assignment;
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
      fail(owner, `${role.roleName} is already granted to principal ${id.slice(id.indexOf('-') + 1)} here with other options ` +
          `(principalType ${JSON.stringify(existing.principalTypeInput)}, description ${JSON.stringify(existing.descriptionInput)}). Grant it once.`,
      );
    }
    return existing;
  }
  return grantRole(grants, id, scopeId, principalId, role, options);
}

function describeKind(kind: HealthDataRole['appliesTo']): string {
  return { fhir: 'FHIR services', dicom: 'DICOM services', eventhub: 'event hubs', storage: 'storage accounts' }[kind];
}
