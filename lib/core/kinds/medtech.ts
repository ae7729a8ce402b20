import type { ServiceKind } from './service-kind';

/** MedTech services (`Microsoft.HealthcareApis/workspaces/iotconnectors`). */
export const MEDTECH_SERVICE_KIND: ServiceKind = {
  label: 'MedTechService',
  idSegment: 'iotConnectors',
  terraformType: 'azurerm_healthcare_medtech_service',
  holdsData: false,
  dataDescription: 'the MedTech service (it keeps no device data; the event hub and the FHIR service do)',
  diagnostics: { logs: ['DiagnosticLogs'], metrics: ['AllMetrics'], auditTrail: 'DiagnosticLogs' },
  publicNetworkAccess: 'none',
};
