export * from './workspace';
export * from './fhir-service';
export * from './dicom-service';
export * from './medtech/medtech-service';
export * from './medtech/fhir-destination';
export type { EventHubNames, EventHubResources, EventHubSource } from './medtech/event-hub-source';
export type { MappingInput } from './medtech/mapping-input';
export * from './medtech/mapping/builders';
export { checkDeviceMapping, checkFhirMapping, checkMappingLinkage, canonicalMappingJson } from './medtech/mapping-checks';
export type { MappingFinding, MappingFindingLevel, MappingCheckOptions } from './medtech/mapping';
export { MappingEvaluator } from './medtech/mapping/evaluator/mapping-evaluator';
export type {
  FhirDeviceIdentity, FhirEncounterIdentity, MappingEvaluationError, MeasurementProperty, NormalizationResult, NormalizedMeasurement,
  NormalizeOptions, ObservationOptions, ObservationResult,
} from './medtech/mapping/evaluator/evaluation-types';
export { HealthDataRole } from './access/health-data-role';
export type { GrantOptions, PrincipalType } from './access/role-grant';
export type { MonitoringOptions, LogAnalyticsDestinationType } from './monitoring/monitoring-options';
export { DIAGNOSTIC_CATEGORIES } from './monitoring/log-categories';
export type { DiagnosticCategories } from './monitoring/log-categories';
export type { LockLevel } from './lock/workspace-lock';
export { WorkspacePrivateEndpoint } from './network/workspace-private-endpoint';
export type { WorkspacePrivateEndpointOptions, WorkspacePrivateEndpointProps } from './network/workspace-private-endpoint';
export { HEALTH_DATA_PRIVATE_DNS_ZONES, HEALTH_DATA_PRIVATE_LINK_SUBRESOURCE } from './network/private-dns-zones';
export type { HealthDataPrivateDnsZone } from './network/private-dns-zones';
export { HealthDataCompliance } from './compliance/health-data-compliance';
export type { HealthDataComplianceProps } from './compliance/health-data-compliance';
export { ComplianceLevel, ComplianceResult } from './compliance/rule';
export type { ComplianceRuleInfo } from './compliance/rule';
export type { ComplianceFinding, ComplianceReport, ComplianceSummary } from './compliance/report';
export { HealthDataService } from './core/health-data-service';
export type { HealthDataServiceProps, ServiceKind } from './core/health-data-service';
export type { CorsOptions, CorsMethod } from './core/cors';
export { ManagedIdentityType } from './core/identity';
export type { ManagedIdentityOptions } from './core/identity';
export { RemovalPolicy } from './core/removal-policy';
export type { Tags } from './core/tags';
export { HealthDataValidationError } from './core/validation';
export { ADDITIONAL_LOCATIONS_CONTEXT, normalizeLocation } from './core/regions';
