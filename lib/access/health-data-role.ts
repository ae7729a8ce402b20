/**
 * The Azure built-in roles a Health Data Services deployment assigns: names and role definition GUIDs, in one
 * place (source: Azure built-in roles reference).
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
  public static readonly EVENT_HUBS_DATA_RECEIVER = new HealthDataRole('Azure Event Hubs Data Receiver', 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde', 'eventhub');
  /** What a FHIR service's identity needs on the `$export` storage account, or DICOM's on its Data Lake. */
  public static readonly STORAGE_BLOB_DATA_CONTRIBUTOR = new HealthDataRole('Storage Blob Data Contributor', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', 'storage');

  /** Every role of this table. */
  public static get all(): HealthDataRole[] {
    return Object.values(HealthDataRole).filter((value): value is HealthDataRole => value instanceof HealthDataRole);
  }

  private constructor(
    /** The role's display name, e.g. "FHIR Data Reader". */
    public readonly roleName: string,
    /** The role definition GUID (the same in every subscription and cloud). */
    public readonly roleDefinitionGuid: string,
    /** What kind of resource the role is about. */
    public readonly appliesTo: 'fhir' | 'dicom' | 'eventhub' | 'storage',
  ) {}

  /** The role definition id under a subscription, as `azurerm_role_assignment.role_definition_id` wants it. */
  public roleDefinitionId(subscriptionId: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${this.roleDefinitionGuid}`;
  }

  public toString(): string {
    return this.roleName;
  }
}
