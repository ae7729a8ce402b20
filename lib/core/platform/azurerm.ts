/**
 * The one door to the azurerm provider classes. Each class is imported from its own module (the package root loads
 * 1,500 resources: 4 s and 420 MB per process), and the CDK Terrain build rewrites these specifiers to
 * `@cdktn/provider-azurerm`, whose bindings of these resources are identical.
 */
export { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
export { EventgridSystemTopic } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic';
export { EventgridSystemTopicEventSubscription } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic-event-subscription';
export type {
  EventgridSystemTopicEventSubscriptionAdvancedFilter,
  EventgridSystemTopicEventSubscriptionConfig,
} from '@cdktf/provider-azurerm/lib/eventgrid-system-topic-event-subscription';
export type { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
export type { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
export type { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
export { HealthcareDicomService } from '@cdktf/provider-azurerm/lib/healthcare-dicom-service';
export type { HealthcareDicomServiceTimeouts } from '@cdktf/provider-azurerm/lib/healthcare-dicom-service';
export { HealthcareFhirService } from '@cdktf/provider-azurerm/lib/healthcare-fhir-service';
export type { HealthcareFhirServiceOciArtifact, HealthcareFhirServiceTimeouts } from '@cdktf/provider-azurerm/lib/healthcare-fhir-service';
export { HealthcareMedtechService } from '@cdktf/provider-azurerm/lib/healthcare-medtech-service';
export type { HealthcareMedtechServiceTimeouts } from '@cdktf/provider-azurerm/lib/healthcare-medtech-service';
export { HealthcareMedtechServiceFhirDestination } from '@cdktf/provider-azurerm/lib/healthcare-medtech-service-fhir-destination';
export type { HealthcareMedtechServiceFhirDestinationTimeouts } from '@cdktf/provider-azurerm/lib/healthcare-medtech-service-fhir-destination';
export { HealthcareWorkspace } from '@cdktf/provider-azurerm/lib/healthcare-workspace';
export type { HealthcareWorkspaceTimeouts } from '@cdktf/provider-azurerm/lib/healthcare-workspace';
export { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
export { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
export { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
export { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
export { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
export type { PrivateEndpointTimeouts } from '@cdktf/provider-azurerm/lib/private-endpoint';
export { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
