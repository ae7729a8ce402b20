import type { ServiceKind } from './service-kind';

/** MedTech services (`Microsoft.HealthcareApis/workspaces/iotconnectors`). */
export const MEDTECH_SERVICE_KIND: ServiceKind = {
  label: 'MedTechService',
  idSegment: 'iotConnectors',
  terraformType: 'azurerm_healthcare_medtech_service',
  holdsData: false,
  dataDescription: 'the MedTech service (it keeps no device data; the event hub and the FHIR service do)',
  // DiagnosticLogs is an operational log: no Microsoft source puts it in the `audit` category group, so only allLogs counts.
  diagnostics: { logs: ['DiagnosticLogs'], metrics: ['AllMetrics'], auditTrail: 'DiagnosticLogs', auditTrailCategoryGroups: ['allLogs'] },
  publicNetworkAccess: 'none',
};
