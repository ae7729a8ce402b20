/**
 * The events Azure Health Data Services publishes to Event Grid (source: Microsoft Learn, "Azure Health Data Services
 * as an Event Grid source", event-grid/event-schema-azure-health-data-services.md). The publisher is the workspace:
 * one Event Grid system topic of type {@link HEALTH_DATA_SYSTEM_TOPIC_TYPE} per workspace carries the events of all
 * its FHIR and DICOM services.
 */
export enum HealthDataEventType {
  /** A FHIR resource was created (`data`: resourceType, resourceFhirAccount, resourceFhirId, resourceVersionId). */
  FHIR_RESOURCE_CREATED = 'Microsoft.HealthcareApis.FhirResourceCreated',
  /** A FHIR resource was updated. */
  FHIR_RESOURCE_UPDATED = 'Microsoft.HealthcareApis.FhirResourceUpdated',
  /** A FHIR resource was soft-deleted. */
  FHIR_RESOURCE_DELETED = 'Microsoft.HealthcareApis.FhirResourceDeleted',
  /** A DICOM image (instance) was stored (`data`: study/series/SOP instance UIDs, serviceHostName, sequenceNumber). */
  DICOM_IMAGE_CREATED = 'Microsoft.HealthcareApis.DicomImageCreated',
  /** A DICOM image was updated (`data` also has partitionName). */
  DICOM_IMAGE_UPDATED = 'Microsoft.HealthcareApis.DicomImageUpdated',
  /** A DICOM image was deleted. */
  DICOM_IMAGE_DELETED = 'Microsoft.HealthcareApis.DicomImageDeleted',
}

/** Every event type, FHIR first. */
export const HEALTH_DATA_EVENT_TYPES: readonly HealthDataEventType[] = Object.values(HealthDataEventType);

/** The Event Grid system topic type of a Health Data Services workspace (`azurerm_eventgrid_system_topic.topic_type`). */
export const HEALTH_DATA_SYSTEM_TOPIC_TYPE = 'Microsoft.HealthcareApis.Workspaces';

/** Which service kind publishes an event type. */
export function eventServiceKind(eventType: HealthDataEventType | string): 'fhir' | 'dicom' | undefined {
  if (typeof eventType !== 'string') return undefined;
  if (/^Microsoft\.HealthcareApis\.FhirResource(Created|Updated|Deleted)$/.test(eventType)) return 'fhir';
  if (/^Microsoft\.HealthcareApis\.DicomImage(Created|Updated|Deleted)$/.test(eventType)) return 'dicom';
  return undefined;
}
