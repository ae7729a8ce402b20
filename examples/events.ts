import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ServicebusNamespace } from '@cdktf/provider-azurerm/lib/servicebus-namespace';
import { ServicebusTopic } from '@cdktf/provider-azurerm/lib/servicebus-topic';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageQueue } from '@cdktf/provider-azurerm/lib/storage-queue';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { EventDeliverySchema, EventSubscriptionDestination, HealthDataEventType, Workspace } from '../lib';

/**
 * Health Data Services events: the workspace publishes FHIR resource and DICOM image events through one Event Grid
 * system topic (created with the first subscription), and each subscription picks event types, services and FHIR
 * resource types, and a destination. Terraform destroys the services before the subscriptions and the subscriptions
 * before the workspace, as Microsoft documents.
 */
export class EventsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-health-events', location: 'eastus2' });
    const bus = new ServicebusNamespace(this, 'Bus', {
      name: 'sb-health-events',
      location: group.location,
      resourceGroupName: group.name,
      sku: 'Standard',
      minimumTlsVersion: '1.2',
    });
    const records = new ServicebusTopic(this, 'RecordTopic', { name: 'fhir-records', namespaceId: bus.id });
    const storage = new StorageAccount(this, 'EventStorage', {
      name: 'sthealthevents',
      location: group.location,
      resourceGroupName: group.name,
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
    });
    const images = new StorageQueue(this, 'ImageQueue', { name: 'dicom-images', storageAccountId: storage.id });
    const deadLetters = new StorageContainer(this, 'DeadLetters', {
      name: 'event-dead-letters',
      storageAccountId: storage.id,
      containerAccessType: 'private',
    });

    const workspace = new Workspace(this, 'Health', {
      name: 'healthevents',
      location: 'eastus2',
      resourceGroupName: group.name,
      tags: { environment: 'prod' },
    });
    const fhir = workspace.addFhirService('Records', { name: 'records' });
    const dicom = workspace.addDicomService('Imaging', { name: 'imaging' });

    // Every change to patient records, in CloudEvents format, to a Service Bus topic the integration engine reads.
    workspace.addEventSubscription('RecordChanges', {
      events: [HealthDataEventType.FHIR_RESOURCE_CREATED, HealthDataEventType.FHIR_RESOURCE_UPDATED, HealthDataEventType.FHIR_RESOURCE_DELETED],
      services: [fhir],
      destination: EventSubscriptionDestination.serviceBusTopic(records.id),
      eventDeliverySchema: EventDeliverySchema.CLOUD_EVENT_V1_0,
      retryPolicy: { maxDeliveryAttempts: 10, eventTimeToLiveInMinutes: 1440 },
      deadLetter: { storageAccountId: storage.id, containerName: deadLetters.name },
    });
    // New patients and encounters only, to an https webhook of the admissions system.
    workspace.addEventSubscription('Admissions', {
      events: [HealthDataEventType.FHIR_RESOURCE_CREATED],
      services: [fhir],
      fhirResourceTypes: ['Patient', 'Encounter'],
      destination: EventSubscriptionDestination.webhook('https://admissions.contoso-health.example/api/fhir-events', { maxEventsPerBatch: 10 }),
    });
    // Stored images, for the indexing job: a storage queue that keeps messages until they are read.
    workspace.addEventSubscription('ImageArrivals', {
      events: [HealthDataEventType.DICOM_IMAGE_CREATED],
      services: [dicom],
      destination: EventSubscriptionDestination.storageQueue(storage.id, images.name, { messageTimeToLiveInSeconds: -1 }),
    });
  }
}
