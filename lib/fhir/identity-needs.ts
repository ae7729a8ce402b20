import { HealthDataRole } from '../access/health-data-role';
import { isUnresolved } from '../core/validation';
import type { FhirAzapiSettings } from './arm-settings';

/** Key Vault Crypto Service Encryption User: what a service identity needs on a customer-managed key (built-in role). */
export const KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = {
  roleName: HealthDataRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.roleName,
  roleDefinitionGuid: HealthDataRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.roleDefinitionGuid,
} as const;

/** A role the FHIR service's own identity must hold elsewhere for a setting to work. */
export interface FhirIdentityRoleNeed {
  /** The setting that needs it, e.g. "importConfiguration". */
  readonly setting: string;
  readonly roleName: string;
  readonly roleDefinitionGuid: string;
  /** What the role is needed on: a storage account name, or a key URL. */
  readonly on: string;
  readonly onKind: 'storage-account-name' | 'key-url';
  /** Why, in one sentence (for messages and the README). */
  readonly why: string;
}

/**
 * The roles the service identity needs for the AzAPI-only settings: Storage Blob Data Contributor on the `$import`
 * account, Key Vault Crypto Service Encryption User on the customer-managed key. (`$export` and ACR needs stay with the
 * azurerm props.) A construct can grant them, as `$export`'s, or document them.
 */
export function fhirIdentityRoleNeeds(settings: FhirAzapiSettings): FhirIdentityRoleNeed[] {
  const needs: FhirIdentityRoleNeed[] = [];
  const store = settings.importConfiguration?.integrationDataStore;
  if (settings.importConfiguration != null && store !== undefined && (isUnresolved(store) || typeof store === 'string')) {
    needs.push({
      setting: 'importConfiguration',
      roleName: HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR.roleName,
      roleDefinitionGuid: HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR.roleDefinitionGuid,
      on: store,
      onKind: 'storage-account-name',
      why: '$import reads the NDJSON files with the service identity; without the role every import job fails with 403.',
    });
  }
  if (settings.encryptionKeyUrl != null) {
    needs.push({
      setting: 'encryptionKeyUrl',
      roleName: KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.roleName,
      roleDefinitionGuid: KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.roleDefinitionGuid,
      on: settings.encryptionKeyUrl,
      onKind: 'key-url',
      why: 'the service wraps and unwraps its data keys with the customer-managed key through its identity; without access the FHIR API answers 500.',
    });
  }
  return needs;
}
