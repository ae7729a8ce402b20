/**
 * The benchmark scenario as data, shared by the two builders (our constructs in scenario-constructs.ts, the raw
 * provider classes in scenario-raw.ts) so that both describe the same infrastructure: N workspaces, each with a
 * FHIR service and a DICOM service, and — when the built library has them — a MedTech service with its FHIR
 * destination and role assignments, a data-reader grant on the FHIR service, and diagnostic settings.
 */

/** Which optional parts the built library offers (detected at run time by the probe, see worker.ts). */
export interface Features {
  /** `MedTechService` is exported and `workspace.addMedTechService()` exists. */
  readonly medTech: boolean;
  /** `Workspace` takes `monitoring` and it produces `azurerm_monitor_diagnostic_setting` per service. */
  readonly monitoring: boolean;
  /** `FhirService.grantDataReader()` exists. */
  readonly grants: boolean;
}

export const NO_FEATURES: Features = { medTech: false, monitoring: false, grants: false };

export const STACK_NAME = 'bench';
export const LOCATION = 'eastus';
export const RESOURCE_GROUP = 'rg-bench-health';
export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const PRINCIPAL_ID = '11111111-2222-3333-4444-555555555555';
export const LOG_ANALYTICS_WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-bench-logs/providers/Microsoft.OperationalInsights/workspaces/law-bench`;

export const WORKSPACE_TAGS = { costCenter: 'cc-1234', environment: 'bench' };
export const FHIR_TAGS = { tier: 'clinical' };

export function workspaceName(index: number): string {
  return `hds${String(index).padStart(5, '0')}`;
}

export const FHIR_NAME = 'records';
export const DICOM_NAME = 'images';
export const MEDTECH_NAME = 'devices';
export const DESTINATION_NAME = 'fhir-destination';

export const FHIR_CORS = {
  allowedOrigins: ['https://portal.contoso-health.example'],
  allowedHeaders: ['Authorization', 'Content-Type'],
  allowedMethods: ['GET', 'POST', 'PUT'] as Array<'GET' | 'POST' | 'PUT'>,
  maxAgeInSeconds: 600,
};

export function eventHubOf(index: number): { namespaceName: string; eventHubName: string; consumerGroupName: string; eventHubId: string } {
  const namespaceName = `evhns-bench-${index}`;
  return {
    namespaceName,
    eventHubName: 'devices',
    consumerGroupName: 'medtech',
    eventHubId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-bench-events/providers/Microsoft.EventHub/namespaces/${namespaceName}/eventhubs/devices`,
  };
}

// Keys in code-point order, so that JSON.stringify gives the provider's normalized bytes (what the library emits).
export const DEVICE_MAPPING = {
  template: [
    {
      template: {
        deviceIdExpression: '$.matchedToken.deviceId',
        patientIdExpression: '$.matchedToken.patientId',
        timestampExpression: '$.matchedToken.endDate',
        typeMatchExpression: '$..[?(@heartRate)]',
        typeName: 'heartrate',
        values: [{ required: true, valueExpression: '$.matchedToken.heartRate', valueName: 'hr' }],
      },
      templateType: 'CalculatedContent',
    },
  ],
  templateType: 'CollectionContent',
};

export const FHIR_MAPPING = {
  template: [
    {
      template: {
        codes: [{ code: '8867-4', display: 'Heart rate', system: 'http://loinc.org' }],
        typeName: 'heartrate',
        value: { code: 'count/min', system: 'http://unitsofmeasure.org', unit: 'count/min', valueName: 'hr', valueType: 'Quantity' },
      },
      templateType: 'CodeValueFhir',
    },
  ],
  templateType: 'CollectionFhir',
};

/** Built-in role definition GUIDs (the library keeps them in lib/access/health-data-role.ts). */
export const ROLE_GUIDS = {
  fhirDataReader: '4c8d0bbc-75d3-4935-991f-5f3c56d81508',
  fhirDataWriter: '3f88fce4-5892-4214-ae73-ba5294559913',
  eventHubsDataReceiver: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde',
};

/** Diagnostic log categories per service type (Azure's, DESIGN.md §3). */
export const LOG_CATEGORIES = {
  fhir: ['AuditLogs'],
  dicom: ['AuditLogs', 'DiagnosticLogs'],
  medTech: ['DiagnosticLogs'],
};

/** How many services (FHIR, DICOM, MedTech) one workspace of the scenario has. */
export function servicesPerWorkspace(features: Features): number {
  return features.medTech ? 3 : 2;
}

/** What the scenario includes, in words, for the report. */
export function describeScenario(features: Features): string {
  const parts = ['a FHIR R4 service (CORS, system-assigned identity, tags)', 'a DICOM service'];
  if (features.medTech)
    parts.push('a MedTech service with its FHIR destination and its two role assignments (Event Hubs Data Receiver, FHIR Data Writer)');
  if (features.grants) parts.push('a FHIR Data Reader grant');
  if (features.monitoring) parts.push('a diagnostic setting per service');
  return parts.join(', ');
}
