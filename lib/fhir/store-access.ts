import { Construct } from 'constructs';
import { HealthDataRole } from '../access/health-data-role';
import { principalKey } from '../access/principal-key';
import { grantRole } from '../access/role-grant';
import { STORAGE_ACCOUNT_ID_RULE } from '../core/names';
import type { RoleAssignment } from '../core/platform/azurerm';
import { fail, InputProblems, isUnresolved, required } from '../core/validation';

/** The construct id of the container of the roles a FHIR service's own identity is granted. */
export const IDENTITY_GRANTS_ID = 'IdentityGrants';

/** What a storage account is for, for messages. */
export interface StoreUse {
  /** `$import` or `$export`. */
  readonly operation: '$import' | '$export';
  /** The prop that names the account, e.g. `importConfiguration.integrationDataStore`. */
  readonly prop: string;
  /** The account name the prop gives (undefined: the prop is not set). */
  readonly accountName?: string;
}

/** The service that is granted: its path, and its identity. */
export interface StoreAccessGrantee {
  readonly construct: Construct;
  /** The system-assigned identity's principal id (a token), undefined without one. */
  readonly principalId?: string;
}

/**
 * Grants the FHIR service's system-assigned identity Storage Blob Data Contributor on the storage account `$import`
 * reads from or `$export` writes to (`azurerm_role_assignment`, child `IdentityGrants/StorageBlobDataContributor-<account>`
 * of the service). One assignment per account: the same account for both operations is granted once.
 */
export function grantStoreAccess(grantee: StoreAccessGrantee, use: StoreUse, storageAccountId: string): RoleAssignment {
  const scope = grantee.construct;
  const subject = `FhirService ${use.operation} store access`;
  new InputProblems(scope).check(`${subject} storageAccountId`, storageAccountId, required(STORAGE_ACCOUNT_ID_RULE)).throwIfAny();
  if (use.accountName === undefined) {
    fail(scope, `${subject} needs ${use.prop}: the service has no ${use.operation} store to grant access to. Set ${use.prop} first.`);
  }
  const named = isUnresolved(storageAccountId) ? undefined : storageAccountId.split('/').filter(Boolean).pop();
  if (named !== undefined && !isUnresolved(use.accountName) && named.toLowerCase() !== use.accountName.toLowerCase()) {
    fail(
      scope,
      `${subject} storageAccountId names the account "${named}", but ${use.prop} is "${use.accountName}". Pass the id of the account ${use.operation} uses.`,
    );
  }
  if (grantee.principalId === undefined) {
    fail(
      scope,
      `${subject} needs a system-assigned identity: the library can only grant the identity whose principal id it knows. ` +
        `With a user-assigned identity, assign ${HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR.roleName} (${HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR.roleDefinitionGuid}) on the account to that identity's principal id yourself.`,
    );
  }
  const role = HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR;
  const grants = (scope.node.tryFindChild(IDENTITY_GRANTS_ID) as Construct | undefined) ?? new Construct(scope, IDENTITY_GRANTS_ID);
  const id = `${role.roleName.replace(/[^A-Za-z0-9]/g, '')}-${principalKey(scope, storageAccountId)}`;
  const existing = grants.node.tryFindChild(id);
  if (existing !== undefined) return existing as RoleAssignment;
  return grantRole(grants, id, storageAccountId, grantee.principalId, role, {
    principalType: 'ServicePrincipal',
    description: `FHIR service ${scope.node.path} reads $import and writes $export files with its identity`,
  });
}
