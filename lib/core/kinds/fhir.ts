import type { ServiceKind } from './service-kind';

/** FHIR services (`Microsoft.HealthcareApis/workspaces/fhirservices`). */
export const FHIR_SERVICE_KIND: ServiceKind = {
  label: 'FhirService',
  idSegment: 'fhirServices',
  terraformType: 'azurerm_healthcare_fhir_service',
  holdsData: true,
  dataDescription: 'the FHIR service and every FHIR resource in it (patient records: protected health information)',
  dataRoles: 'fhir',
  diagnostics: { logs: ['AuditLogs'], metrics: ['AllMetrics'], auditTrail: 'AuditLogs', auditTrailCategoryGroups: ['audit', 'allLogs'] },
  // azurerm_healthcare_fhir_service.public_network_access_enabled is computed only (hashicorp/terraform-provider-azurerm#18549).
  publicNetworkAccess: 'private-endpoint',
  // The settings azurerm cannot write make the service an azapi_resource of this type (lib/fhir/arm-body.ts).
  azapiType: 'Microsoft.HealthcareApis/workspaces/fhirServices',
  publishesEvents: true,
};
