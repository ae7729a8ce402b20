/**
 * What each kind of workspace service can send to Azure Monitor (research/azurerm-contract.md §11, Azure Monitor
 * "supported logs" reference). The workspace itself has no categories and gets no diagnostic setting.
 */
export interface DiagnosticCategories {
  /** The log categories of the resource type, every one of which the diagnostic setting enables. */
  readonly logs: readonly string[];
  /** The metric categories (`AllMetrics` for every Health Data Services type). */
  readonly metrics: readonly string[];
  /**
   * The category that carries the service's audit trail: who read or changed which data (FHIR and DICOM
   * `AuditLogs`). MedTech has no audit category; its `DiagnosticLogs` are its only operational record.
   */
  readonly auditTrail: string;
}

/** Per service kind (the construct label), so that a new kind is one row. */
export const DIAGNOSTIC_CATEGORIES: { readonly [kindLabel: string]: DiagnosticCategories } = {
  FhirService: { logs: ['AuditLogs'], metrics: ['AllMetrics'], auditTrail: 'AuditLogs' },
  DicomService: { logs: ['AuditLogs', 'DiagnosticLogs'], metrics: ['AllMetrics'], auditTrail: 'AuditLogs' },
  MedTechService: { logs: ['DiagnosticLogs'], metrics: ['AllMetrics'], auditTrail: 'DiagnosticLogs' },
};

/** The same table keyed by Terraform resource type, for checks that read synthesized configuration. */
export const DIAGNOSTIC_CATEGORIES_BY_RESOURCE_TYPE: { readonly [terraformType: string]: DiagnosticCategories } = {
  azurerm_healthcare_fhir_service: DIAGNOSTIC_CATEGORIES.FhirService,
  azurerm_healthcare_dicom_service: DIAGNOSTIC_CATEGORIES.DicomService,
  azurerm_healthcare_medtech_service: DIAGNOSTIC_CATEGORIES.MedTechService,
};

/** Category groups that include a resource type's audit logs (`allLogs` includes every category). */
export const AUDIT_CATEGORY_GROUPS: readonly string[] = ['audit', 'allLogs'];
