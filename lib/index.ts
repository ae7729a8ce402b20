export * from './workspace';
export * from './fhir-service';
export * from './dicom-service';
export * from './medtech/medtech-service';
export type { IMedTechService } from './medtech/medtech-service-ref';
export * from './medtech/fhir-destination';
export type { EventHubNames, EventHubResources, EventHubSource } from './medtech/event-hub-source';
export type { MappingInput } from './medtech/mapping-input';
export * from './medtech/mapping/builders';
export { checkDeviceMapping, checkFhirMapping, checkMappingLinkage, canonicalMappingJson } from './medtech/mapping-checks';
export type { MappingFinding, MappingFindingLevel, MappingCheckOptions } from './medtech/mapping';
export { MappingEvaluator } from './medtech/mapping/evaluator/mapping-evaluator';
export type { MedTechSampleMessage } from './medtech/sample-messages';
export type {
  FhirDeviceIdentity,
  FhirEncounterIdentity,
  MappingEvaluationError,
  MeasurementProperty,
  NormalizationResult,
  NormalizedMeasurement,
  NormalizeOptions,
  ObservationOptions,
  ObservationResult,
} from './medtech/mapping/evaluator/evaluation-types';
export { HealthDataRole } from './access/health-data-role';
export type { RoleTarget } from './access/health-data-role';
export type { GrantOptions, PrincipalType } from './access/role-grant';
export type { MonitoringOptions, LogAnalyticsDestinationType, LogCategoryGroup, ServiceMonitoringOptions } from './monitoring/monitoring-options';
export { DIAGNOSTIC_CATEGORIES } from './monitoring/log-categories';
export type { DiagnosticCategories } from './monitoring/log-categories';
export type { LockLevel, WorkspaceLockOptions } from './lock/workspace-lock';
export { WorkspacePrivateEndpoint } from './network/workspace-private-endpoint';
export type { WorkspacePrivateEndpointOptions, WorkspacePrivateEndpointProps } from './network/workspace-private-endpoint';
export { HEALTH_DATA_PRIVATE_DNS_ZONES, HEALTH_DATA_PRIVATE_LINK_SUBRESOURCE } from './network/private-dns-zones';
export type { HealthDataPrivateDnsZone } from './network/private-dns-zones';
export { HealthDataCompliance } from './compliance/health-data-compliance';
export type { HealthDataComplianceProps } from './compliance/health-data-compliance';
export { ComplianceLevel, ComplianceResult } from './compliance/rule';
export type { ComplianceRule, ComplianceRuleInfo, RuleOutcome } from './compliance/rule';
export { RuleOutcomes } from './compliance/rule-outcomes';
export type { AppModel, Knowledge, SynthesizedResource, Tri } from './compliance/model/app-model';
export type { TerraformBlock, TerraformValue } from './compliance/model/terraform-values';
export type { ComplianceFinding, ComplianceReport, ComplianceSummary } from './compliance/report';
export type { IHealthDataService, IWorkspaceRef } from './core/boundary';
export type { HealthDataServiceOptions, HealthDataServiceProps } from './core/service';
export type { DataRoleFamily, PublicNetworkAccessControl, ServiceKind } from './core/kinds';
export { HealthDataDiagram } from './diagram/diagram-context';
export type { CorsOptions, CorsMethod } from './core/cors';
export { ManagedIdentityType } from './core/identity';
export type { ManagedIdentityOptions } from './core/identity';
export { RemovalPolicy } from './core/removal-policy';
export type { Tags } from './core/tags';
export { HealthDataValidationError } from './core/validation';
export { ADDITIONAL_LOCATIONS_CONTEXT, normalizeLocation } from './core/regions';
export { AzapiProvider } from './core/platform/azapi/provider';
export type { AzapiProviderConfig, AzapiProviderEndpoint } from './core/platform/azapi/provider';
export { AzapiResource } from './core/platform/azapi/resource';
export type { AzapiResourceConfig } from './core/platform/azapi/resource';
export { AzapiUpdateResource } from './core/platform/azapi/update-resource';
export type { AzapiUpdateResourceConfig } from './core/platform/azapi/update-resource';
export type { AzapiBody, AzapiResourceIdentity, AzapiRetry, AzapiTimeouts } from './core/platform/azapi/common';
export { ensureAzapiProvider } from './core/platform/azapi/ensure-provider';
export {
  AZAPI_MINIMUM_VERSION,
  AZAPI_PROVIDER_SOURCE,
  AZAPI_VERSION_CONSTRAINT,
  TERRAFORM_CROSS_TYPE_MOVE_VERSION,
} from './core/platform/azapi/versions';
export { ResourceVersionPolicy } from './fhir/resource-version-policy';
export { FhirResourceProvider } from './fhir/azapi-fhir-service';
export { SmartDataAction } from './fhir/arm-settings';
export type {
  FhirAzapiSettings,
  FhirImplementationGuides,
  FhirImportConfiguration,
  FhirResourceVersionPolicyOptions,
  SmartIdentityProvider,
  SmartIdentityProviderApplication,
} from './fhir/arm-settings';
export { FHIR_R4_RESOURCE_TYPES } from './core/fhir-r4-resource-types';
export { HealthDataEventType, HEALTH_DATA_SYSTEM_TOPIC_TYPE } from './events/event-types';
export { EventSubscriptionDestination } from './events/destination';
export type { BatchingOptions, StorageQueueDestinationOptions, WebhookDestinationOptions } from './events/destination';
export { AZURE_CLOUDS, cloudOfRegion } from './core/clouds';
export type { AzureCloud, HealthDataServicesEndpoints, HealthDataPrivateDnsZoneNames } from './core/clouds';
export { EventDeliverySchema, HealthDataEventSubscription } from './events/event-subscription';
export type {
  EventDeadLetterDestination,
  EventRetryPolicy,
  HealthDataEventSubscriptionOptions,
  HealthDataEventSubscriptionProps,
} from './events/event-subscription';
