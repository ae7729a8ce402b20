import type { ServiceKind } from './service-kind';

/** DICOM services (`Microsoft.HealthcareApis/workspaces/dicomservices`). */
export const DICOM_SERVICE_KIND: ServiceKind = {
  label: 'DicomService',
  idSegment: 'dicomServices',
  terraformType: 'azurerm_healthcare_dicom_service',
  holdsData: true,
  dataDescription:
    'the DICOM service and the studies it stores (medical images: protected health information), unless they are kept in your own Data Lake',
  dataRoles: 'dicom',
  diagnostics: {
    logs: ['AuditLogs', 'DiagnosticLogs'],
    metrics: ['AllMetrics'],
    auditTrail: 'AuditLogs',
    auditTrailCategoryGroups: ['audit', 'allLogs'],
  },
  publicNetworkAccess: 'service-switch',
  publishesEvents: true,
};
