/**
 * Where the workspace-wide diagnostic settings of a kind of service come from (Azure Monitor's "supported logs"
 * reference; research/azurerm-contract.md §11).
 */
export interface DiagnosticCategories {
  /** The log categories of the resource type, every one of which the diagnostic setting enables. */
  readonly logs: string[];
  /** The metric categories (`AllMetrics` for every Health Data Services type). */
  readonly metrics: string[];
  /**
   * The category that carries the service's audit trail: who read or changed which data (FHIR and DICOM
   * `AuditLogs`). MedTech has no audit category; its `DiagnosticLogs` are its only operational record.
   */
  readonly auditTrail: string;
  /**
   * The Azure Monitor category groups that include `auditTrail` (a diagnostic setting that enables one of them sends
   * the audit trail). `allLogs` includes every category; `audit` includes the categories Azure marks as audit.
   */
  readonly auditTrailCategoryGroups: readonly string[];
}

/** Azure Monitor category groups that include a resource type's audit logs (`allLogs` includes every category). */
export const AUDIT_CATEGORY_GROUPS: readonly string[] = ['audit', 'allLogs'];

/**
 * How a kind of service is closed to public networks.
 * - `service-switch`: the service's own argument (DICOM `public_network_access_enabled`), which follows the
 *   workspace's setting unless the service sets it.
 * - `private-endpoint`: only through the workspace's private endpoint (FHIR: the argument is computed only in azurerm).
 * - `none`: the service has no inbound data plane (MedTech reads from an event hub).
 */
export type PublicNetworkAccessControl = 'service-switch' | 'private-endpoint' | 'none';

/** Which built-in data-plane roles a kind of service takes (`HealthDataRole.appliesTo`). */
export type DataRoleFamily = 'fhir' | 'dicom';

/**
 * Everything that differs between the kinds of workspace service, as data, in one place per kind: the base service,
 * the features (grants, monitoring, network, compliance) and the messages read these facts instead of keeping
 * tables of their own.
 */
export interface ServiceKind {
  /** The construct class name used in messages, e.g. "FhirService". */
  readonly label: string;
  /** The resource type segment in the Azure resource id, e.g. "fhirServices". */
  readonly idSegment: string;
  /** The Terraform resource type of the service's primary resource, e.g. `azurerm_healthcare_fhir_service`. */
  readonly terraformType: string;
  /** Whether the service stores data (protected by the removal policy) or only moves it. */
  readonly holdsData: boolean;
  /** What `terraform destroy` would delete with the service, for the removal-policy warning. */
  readonly dataDescription: string;
  /** The family of built-in data-plane roles that can be granted on the service; absent: none exist. */
  readonly dataRoles?: DataRoleFamily;
  /** The categories a diagnostic setting of the service enables. */
  readonly diagnostics: DiagnosticCategories;
  /** How the service is closed to public networks. */
  readonly publicNetworkAccess: PublicNetworkAccessControl;
  /**
   * The ARM resource type (without API version) when the service's primary resource can also be an `azapi_resource`
   * of that type, e.g. `Microsoft.HealthcareApis/workspaces/fhirServices`.
   * @default - always the azurerm resource
   */
  readonly azapiType?: string;
  /**
   * Whether the service publishes Event Grid events through its workspace's system topic (FHIR and DICOM do).
   * @default false
   */
  readonly publishesEvents?: boolean;
}
