import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { HealthcareDicomService } from '@cdktf/provider-azurerm/lib/healthcare-dicom-service';
import { HealthcareFhirService } from '@cdktf/provider-azurerm/lib/healthcare-fhir-service';
import { HealthcareWorkspace } from '@cdktf/provider-azurerm/lib/healthcare-workspace';
import type { TerraformStack } from 'cdktf';
import {
  DESTINATION_NAME,
  DEVICE_MAPPING,
  DICOM_NAME,
  eventHubOf,
  Features,
  FHIR_CORS,
  FHIR_MAPPING,
  FHIR_NAME,
  FHIR_TAGS,
  LOCATION,
  LOG_ANALYTICS_WORKSPACE_ID,
  LOG_CATEGORIES,
  MEDTECH_NAME,
  PRINCIPAL_ID,
  RESOURCE_GROUP,
  ROLE_GUIDS,
  STACK_NAME,
  WORKSPACE_TAGS,
  workspaceName,
} from './scenario-spec';

// The optional parts' provider classes are loaded only when the scenario includes them, as a hand-written app
// would import only what it uses.
type MedtechModule = typeof import('@cdktf/provider-azurerm/lib/healthcare-medtech-service');
type DestinationModule = typeof import('@cdktf/provider-azurerm/lib/healthcare-medtech-service-fhir-destination');
type RoleAssignmentModule = typeof import('@cdktf/provider-azurerm/lib/role-assignment');
type DiagnosticSettingModule = typeof import('@cdktf/provider-azurerm/lib/monitor-diagnostic-setting');

/** The provider modules (b) loads for a feature set: the cold-require baseline of the same scenario. */
export function rawProviderModules(features: Features): string[] {
  const modules = ['data-azurerm-client-config', 'healthcare-workspace', 'healthcare-fhir-service', 'healthcare-dicom-service'];
  if (features.medTech) modules.push('healthcare-medtech-service', 'healthcare-medtech-service-fhir-destination');
  if (features.medTech || features.grants) modules.push('role-assignment');
  if (features.monitoring) modules.push('monitor-diagnostic-setting');
  return modules.map((name) => `@cdktf/provider-azurerm/lib/${name}`);
}

const PROTECTED = { preventDestroy: true };

/**
 * (b) The same scenario hand-written with the raw provider classes: what a careful user writes without the
 * library — the same arguments, the same `prevent_destroy`, the same defaults the library fills in (the tenant's
 * authority, the endpoint as audience, the merged tags), but no validation.
 */
export function buildWithRawProvider(stack: TerraformStack, workspaces: number, features: Features): void {
  const clientConfig = new DataAzurermClientConfig(stack, 'ClientConfig', {});
  const roleDefinition = (guid: string): string =>
    `/subscriptions/${clientConfig.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
  const medtech = features.medTech ? (require('@cdktf/provider-azurerm/lib/healthcare-medtech-service') as MedtechModule) : undefined;
  const destination = features.medTech
    ? (require('@cdktf/provider-azurerm/lib/healthcare-medtech-service-fhir-destination') as DestinationModule)
    : undefined;
  const roles = features.medTech || features.grants ? (require('@cdktf/provider-azurerm/lib/role-assignment') as RoleAssignmentModule) : undefined;
  const diagnostics = features.monitoring
    ? (require('@cdktf/provider-azurerm/lib/monitor-diagnostic-setting') as DiagnosticSettingModule)
    : undefined;
  const deviceMappingJson = JSON.stringify(DEVICE_MAPPING);
  const fhirMappingJson = JSON.stringify(FHIR_MAPPING);

  for (let index = 0; index < workspaces; index++) {
    const name = workspaceName(index);
    const workspace = new HealthcareWorkspace(stack, `Workspace${index}`, {
      name,
      location: LOCATION,
      resourceGroupName: RESOURCE_GROUP,
      tags: WORKSPACE_TAGS,
      lifecycle: PROTECTED,
    });
    const fhir = new HealthcareFhirService(stack, `Fhir${index}`, {
      name: FHIR_NAME,
      workspaceId: workspace.id,
      resourceGroupName: RESOURCE_GROUP,
      location: LOCATION,
      kind: 'fhir-R4',
      authentication: {
        authority: `https://login.microsoftonline.com/${clientConfig.tenantId}`,
        audience: `https://${name}-${FHIR_NAME}.fhir.azurehealthcareapis.com`,
      },
      cors: FHIR_CORS,
      identity: { type: 'SystemAssigned' },
      tags: { ...WORKSPACE_TAGS, ...FHIR_TAGS },
      lifecycle: PROTECTED,
    });
    const dicom = new HealthcareDicomService(stack, `Dicom${index}`, {
      name: DICOM_NAME,
      workspaceId: workspace.id,
      location: LOCATION,
      tags: WORKSPACE_TAGS,
      lifecycle: PROTECTED,
    });
    const monitored: Array<{ id: string; categories: string[]; key: string; name: string }> = [
      { id: fhir.id, categories: LOG_CATEGORIES.fhir, key: 'Fhir', name: FHIR_NAME },
      { id: dicom.id, categories: LOG_CATEGORIES.dicom, key: 'Dicom', name: DICOM_NAME },
    ];
    if (features.grants) {
      new roles!.RoleAssignment(stack, `FhirReader${index}`, {
        scope: fhir.id,
        roleDefinitionId: roleDefinition(ROLE_GUIDS.fhirDataReader),
        principalId: PRINCIPAL_ID,
      });
    }
    if (features.medTech) {
      const eventHub = eventHubOf(index);
      const service = new medtech!.HealthcareMedtechService(stack, `MedTech${index}`, {
        name: MEDTECH_NAME,
        workspaceId: workspace.id,
        location: LOCATION,
        eventhubNamespaceName: eventHub.namespaceName,
        eventhubName: eventHub.eventHubName,
        eventhubConsumerGroupName: eventHub.consumerGroupName,
        deviceMappingJson,
        identity: { type: 'SystemAssigned' },
        tags: WORKSPACE_TAGS,
      });
      new roles!.RoleAssignment(stack, `MedTechReceiver${index}`, {
        scope: eventHub.eventHubId,
        roleDefinitionId: roleDefinition(ROLE_GUIDS.eventHubsDataReceiver),
        principalId: service.identity.principalId,
        principalType: 'ServicePrincipal',
        description: `MedTech ${STACK_NAME}/Health${index}/Devices needs Azure Event Hubs Data Receiver`,
      });
      new destination!.HealthcareMedtechServiceFhirDestination(stack, `MedTechDestination${index}`, {
        name: DESTINATION_NAME,
        medtechServiceId: service.id,
        location: LOCATION,
        destinationFhirServiceId: fhir.id,
        destinationIdentityResolutionType: 'Create',
        destinationFhirMappingJson: fhirMappingJson,
      });
      new roles!.RoleAssignment(stack, `MedTechWriter${index}`, {
        scope: fhir.id,
        roleDefinitionId: roleDefinition(ROLE_GUIDS.fhirDataWriter),
        principalId: service.identity.principalId,
        principalType: 'ServicePrincipal',
        description: `MedTech ${STACK_NAME}/Health${index}/Devices needs FHIR Data Writer`,
      });
      monitored.push({ id: service.id, categories: LOG_CATEGORIES.medTech, key: 'MedTech', name: MEDTECH_NAME });
    }
    if (features.monitoring) {
      for (const target of monitored) {
        new diagnostics!.MonitorDiagnosticSetting(stack, `Diagnostics${target.key}${index}`, {
          name: `diag-${target.name}`,
          targetResourceId: target.id,
          logAnalyticsWorkspaceId: LOG_ANALYTICS_WORKSPACE_ID,
          enabledLog: target.categories.map((category) => ({ category })),
          enabledMetric: [{ category: 'AllMetrics' }],
        });
      }
    }
  }
}
