import { HealthDataValidationError } from '../core/validation';

/**
 * What a role is about: the data plane of FHIR or DICOM services, an event hub, a storage account, a Key Vault key, or
 * the control plane of any resource (`control-plane`: Owner, Contributor, Reader, ...).
 */
export type RoleTarget = 'fhir' | 'dicom' | 'eventhub' | 'storage' | 'keyvault' | 'control-plane';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The Azure built-in roles a Health Data Services deployment assigns: names and role definition GUIDs, in one
 * place (source: Microsoft's Azure built-in roles reference, MicrosoftDocs/azure-docs
 * `articles/role-based-access-control/built-in-roles/*.md`). Control-plane roles can be granted on the workspace and
 * on every service; data roles only on the services they are for.
 */
export class HealthDataRole {
  public static readonly FHIR_DATA_READER = new HealthDataRole('FHIR Data Reader', '4c8d0bbc-75d3-4935-991f-5f3c56d81508', 'fhir');
  public static readonly FHIR_DATA_WRITER = new HealthDataRole('FHIR Data Writer', '3f88fce4-5892-4214-ae73-ba5294559913', 'fhir');
  public static readonly FHIR_DATA_CONTRIBUTOR = new HealthDataRole('FHIR Data Contributor', '5a1fc7df-4bf1-4951-a576-89034ee01acd', 'fhir');
  public static readonly FHIR_DATA_EXPORTER = new HealthDataRole('FHIR Data Exporter', '3db33094-8700-4567-8da5-1501d4e7e843', 'fhir');
  public static readonly FHIR_DATA_IMPORTER = new HealthDataRole('FHIR Data Importer', '4465e953-8ced-4406-a58e-0f6e3f3b530b', 'fhir');
  public static readonly FHIR_DATA_CONVERTER = new HealthDataRole('FHIR Data Converter', 'a1705bd2-3a8f-45a5-8683-466fcfd5cc24', 'fhir');
  public static readonly FHIR_SMART_USER = new HealthDataRole('FHIR SMART User', '4ba50f17-9666-485c-a643-ff00808643f0', 'fhir');
  public static readonly FHIR_DATA_BULK_OPERATOR = new HealthDataRole('FHIR Data Bulk Operator', '804db8d3-32c7-4ad4-a975-3f6f90d5f5f5', 'fhir');
  public static readonly DICOM_DATA_OWNER = new HealthDataRole('DICOM Data Owner', '58a3b984-7adf-4c20-983a-32417c86fbc8', 'dicom');
  public static readonly DICOM_DATA_READER = new HealthDataRole('DICOM Data Reader', 'e89c7a3c-2f64-4fa1-a847-3e4c9ba4283a', 'dicom');
  /** What MedTech needs on the event hub it reads device messages from. */
  public static readonly EVENT_HUBS_DATA_RECEIVER = new HealthDataRole(
    'Azure Event Hubs Data Receiver',
    'a638d3c7-ab3a-418d-83e6-5f17a39d4fde',
    'eventhub',
  );
  /** What a FHIR service's identity needs on the `$export` storage account, or DICOM's on its Data Lake. */
  public static readonly STORAGE_BLOB_DATA_CONTRIBUTOR = new HealthDataRole(
    'Storage Blob Data Contributor',
    'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    'storage',
  );
  /** What a FHIR (or DICOM) service's identity needs on a customer-managed key in a vault with Azure RBAC. */
  public static readonly KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = new HealthDataRole(
    'Key Vault Crypto Service Encryption User',
    'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    'keyvault',
  );
  /** Control plane: manage everything, including role assignments (built-in-roles/privileged.md). */
  public static readonly OWNER = new HealthDataRole('Owner', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'control-plane');
  /** Control plane: manage everything but role assignments (built-in-roles/privileged.md). No data access. */
  public static readonly CONTRIBUTOR = new HealthDataRole('Contributor', 'b24988ac-6180-42a0-ab88-20f7382dd24c', 'control-plane');
  /** Control plane: read the resource's configuration (built-in-roles/general.md). No data access. */
  public static readonly READER = new HealthDataRole('Reader', 'acdd72a7-3385-48ef-bd42-f606fba81ae7', 'control-plane');
  /** Control plane: manage role assignments (built-in-roles/privileged.md). */
  public static readonly USER_ACCESS_ADMINISTRATOR = new HealthDataRole(
    'User Access Administrator',
    '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
    'control-plane',
  );
  /** Control plane: assign roles through Azure RBAC only (built-in-roles/privileged.md). */
  public static readonly ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR = new HealthDataRole(
    'Role Based Access Control Administrator',
    'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
    'control-plane',
  );
  /** Control plane: read monitoring data and settings (built-in-roles/monitor.md). */
  public static readonly MONITORING_READER = new HealthDataRole('Monitoring Reader', '43d0d8ad-25c7-4714-9337-8ba259a9fe05', 'control-plane');
  /** Control plane: read monitoring data and edit monitoring settings (built-in-roles/monitor.md). */
  public static readonly MONITORING_CONTRIBUTOR = new HealthDataRole(
    'Monitoring Contributor',
    '749f88d5-cbae-40b8-bcfc-e573ddc772fa',
    'control-plane',
  );

  /** Every role of this table. */
  public static get all(): HealthDataRole[] {
    return Object.values(HealthDataRole).filter((value): value is HealthDataRole => value instanceof HealthDataRole);
  }

  /**
   * Any other Azure role, built-in or custom, by its role definition GUID: a control-plane role that can be granted on
   * the workspace and on every service. A GUID of this table returns the table's role (so a FHIR data role by GUID is
   * still only granted on FHIR services).
   *
   * @param roleDefinitionGuid the role definition's GUID (the last segment of its id)
   * @param roleName a name for construct ids and messages, e.g. "Healthcare Auditor"
   */
  public static fromRoleDefinitionGuid(roleDefinitionGuid: string, roleName: string): HealthDataRole {
    if (typeof roleDefinitionGuid !== 'string' || !GUID.test(roleDefinitionGuid)) {
      throw new HealthDataValidationError([
        `HealthDataRole.fromRoleDefinitionGuid roleDefinitionGuid ${JSON.stringify(roleDefinitionGuid)} is invalid: a GUID. Use the last segment of the role definition id, e.g. "acdd72a7-3385-48ef-bd42-f606fba81ae7".`,
      ]);
    }
    if (typeof roleName !== 'string' || roleName.trim() === '' || roleName.length > 256) {
      throw new HealthDataValidationError([
        `HealthDataRole.fromRoleDefinitionGuid roleName ${JSON.stringify(roleName)} is invalid: a non-empty name of at most 256 characters. Use the role's display name, e.g. "Healthcare Auditor".`,
      ]);
    }
    const known = HealthDataRole.all.find((role) => role.roleDefinitionGuid === roleDefinitionGuid.toLowerCase());
    return known ?? new HealthDataRole(roleName.trim(), roleDefinitionGuid.toLowerCase(), 'control-plane');
  }

  private constructor(
    /** The role's display name, e.g. "FHIR Data Reader". */
    public readonly roleName: string,
    /** The role definition GUID (the same in every subscription and cloud). */
    public readonly roleDefinitionGuid: string,
    /** What the role is about: a kind of data plane, or any resource's control plane. */
    public readonly appliesTo: RoleTarget,
  ) {}

  /** The role definition id under a subscription, as `azurerm_role_assignment.role_definition_id` wants it. */
  public roleDefinitionId(subscriptionId: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${this.roleDefinitionGuid}`;
  }

  public toString(): string {
    return this.roleName;
  }
}
