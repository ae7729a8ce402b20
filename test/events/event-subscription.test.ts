import { TerraformVariable } from 'cdktf';
import { EventDeliverySchema, EventSubscriptionDestination, HealthDataEventSubscriptionOptions, HealthDataEventType, Workspace } from '../../lib';
import { addMedTech, BASE_WORKSPACE } from '../boundary-fixtures';
import { errorOf, synth } from '../helpers';

const TOPIC = 'azurerm_eventgrid_system_topic';
const SUBSCRIPTION = 'azurerm_eventgrid_system_topic_event_subscription';
const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-events/providers';
const HUB = `${RG}/Microsoft.EventHub/namespaces/health-events/eventhubs/changes`;
const QUEUE_ACCOUNT = `${RG}/Microsoft.Storage/storageAccounts/stevents`;
const SB_QUEUE = `${RG}/Microsoft.ServiceBus/namespaces/health-bus/queues/fhir`;
const SB_TOPIC = `${RG}/Microsoft.ServiceBus/namespaces/health-bus/topics/dicom`;
const FHIR_EVENTS = [HealthDataEventType.FHIR_RESOURCE_CREATED, HealthDataEventType.FHIR_RESOURCE_UPDATED, HealthDataEventType.FHIR_RESOURCE_DELETED];
const DICOM_EVENTS = [HealthDataEventType.DICOM_IMAGE_CREATED, HealthDataEventType.DICOM_IMAGE_DELETED];

function workspaceIn(stack: Parameters<Parameters<typeof synth>[0]>[0], extra: object = {}): Workspace {
  return new Workspace(stack, 'Health', { ...BASE_WORKSPACE, tags: { env: 'prod' }, ...extra });
}

describe('workspace.addEventSubscription', () => {
  test("one system topic on the workspace however many subscriptions, in the workspace's region and resource group", () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack);
      workspace.addEventSubscription('FhirChanges', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) });
      workspace.addEventSubscription('Images', {
        events: DICOM_EVENTS,
        destination: EventSubscriptionDestination.storageQueue(QUEUE_ACCOUNT, 'dicom-images', { messageTimeToLiveInSeconds: -1 }),
      });
    });
    expect(result.resource(TOPIC)).toMatchObject({
      name: 'health-events',
      topic_type: 'Microsoft.HealthcareApis.Workspaces',
      source_resource_id: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
      location: 'eastus',
      resource_group_name: 'rg-health',
      tags: { env: 'prod' },
    });
    const [topicAddress] = Object.keys(result.json.resource[TOPIC]);
    const subscriptions = result.resources(SUBSCRIPTION);
    expect(subscriptions.map((subscription) => subscription.system_topic)).toEqual([
      `\${${TOPIC}.${topicAddress}.name}`,
      `\${${TOPIC}.${topicAddress}.name}`,
    ]);
    expect(subscriptions[0]).toMatchObject({
      name: 'fhirchanges',
      resource_group_name: 'rg-health',
      included_event_types: FHIR_EVENTS,
      eventhub_endpoint_id: HUB,
    });
    expect(subscriptions[1]).toMatchObject({
      name: 'images',
      storage_queue_endpoint: { storage_account_id: QUEUE_ACCOUNT, queue_name: 'dicom-images', queue_message_time_to_live_in_seconds: -1 },
    });
  });

  test.each([
    ['a Service Bus queue', EventSubscriptionDestination.serviceBusQueue(SB_QUEUE), { service_bus_queue_endpoint_id: SB_QUEUE }],
    ['a Service Bus topic', EventSubscriptionDestination.serviceBusTopic(SB_TOPIC), { service_bus_topic_endpoint_id: SB_TOPIC }],
    [
      'a webhook',
      EventSubscriptionDestination.webhook('https://hooks.contoso.example/fhir', { maxEventsPerBatch: 10 }),
      { webhook_endpoint: { url: 'https://hooks.contoso.example/fhir', max_events_per_batch: 10 } },
    ],
  ])('delivers to %s', (_name, destination, expected) => {
    const result = synth((stack) => workspaceIn(stack).addEventSubscription('Changes', { events: FHIR_EVENTS, destination }));
    expect(result.resource(SUBSCRIPTION)).toMatchObject(expected);
  });

  test('filters per service (subject begins with the host name) and per FHIR resource type; delivery options', () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack);
      const fhir = workspace.addFhirService('Patients', { name: 'patients' });
      const dicom = workspace.addDicomService('Images', { name: 'images' });
      workspace.addEventSubscription('Both', {
        name: 'records-and-images',
        events: [HealthDataEventType.FHIR_RESOURCE_CREATED, HealthDataEventType.DICOM_IMAGE_CREATED],
        services: [fhir, dicom],
        destination: EventSubscriptionDestination.eventHub(HUB),
      });
      workspace.addEventSubscription('PatientChanges', {
        events: [HealthDataEventType.FHIR_RESOURCE_UPDATED],
        services: [fhir],
        fhirResourceTypes: ['Patient', 'Observation'],
        destination: EventSubscriptionDestination.eventHub(HUB),
        eventDeliverySchema: EventDeliverySchema.CLOUD_EVENT_V1_0,
        retryPolicy: { maxDeliveryAttempts: 10, eventTimeToLiveInMinutes: 120 },
        deadLetter: { storageAccountId: QUEUE_ACCOUNT, containerName: 'dead-letters' },
        labels: ['phi'],
      });
    });
    const [both, patients] = result.resources(SUBSCRIPTION);
    expect(both.advanced_filter).toEqual({
      string_begins_with: [
        { key: 'subject', values: ['health-patients.fhir.azurehealthcareapis.com/', 'health-images.dicom.azurehealthcareapis.com/'] },
      ],
    });
    expect(patients).toMatchObject({
      advanced_filter: {
        string_begins_with: [{ key: 'subject', values: ['health-patients.fhir.azurehealthcareapis.com/'] }],
        string_in: [{ key: 'data.resourceType', values: ['Patient', 'Observation'] }],
      },
      event_delivery_schema: 'CloudEventSchemaV1_0',
      retry_policy: { max_delivery_attempts: 10, event_time_to_live: 120 },
      storage_blob_dead_letter_destination: { storage_account_id: QUEUE_ACCOUNT, storage_blob_container_name: 'dead-letters' },
      labels: ['phi'],
    });
  });

  test('destroy order as Microsoft documents it: FHIR and DICOM services (defined before or after) depend on the subscriptions; MedTech does not', () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack);
      workspace.addFhirService('Patients', { name: 'patients', resourceVersionPolicy: { default: 'versioned' } });
      workspace.addEventSubscription('FhirEvents', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) });
      const dicom = workspace.addDicomService('Images', { name: 'images' });
      dicom.resource.dependsOn = ['azapi_resource.Health_Patients_422B09FF'];
      workspace.addEventSubscription('DicomEvents', { events: DICOM_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) });
      addMedTech(workspace);
    });
    const addresses = Object.keys(result.json.resource[SUBSCRIPTION]).map((id) => `${SUBSCRIPTION}.${id}`);
    expect(addresses).toHaveLength(2);
    expect([...result.resource('azapi_resource').depends_on].sort()).toEqual([...addresses].sort());
    const dicomDependsOn: string[] = result.resource('azurerm_healthcare_dicom_service').depends_on;
    expect(dicomDependsOn[0]).toBe('azapi_resource.Health_Patients_422B09FF');
    expect(dicomDependsOn.slice(1).sort()).toEqual([...addresses].sort());
    expect(result.resource('azurerm_healthcare_medtech_service').depends_on).toBeUndefined();
    // The subscriptions wait only for the topic (and so the workspace), never for a service: no cycle.
    expect(result.resources(SUBSCRIPTION).map((subscription) => subscription.depends_on)).toEqual([undefined, undefined]);
  });

  test('the lock covers the topic and the subscriptions', () => {
    const result = synth((stack) =>
      workspaceIn(stack, { lock: 'CanNotDelete' }).addEventSubscription('Changes', {
        events: FHIR_EVENTS,
        destination: EventSubscriptionDestination.eventHub(HUB),
      }),
    );
    expect(result.resource('azurerm_management_lock').depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^azurerm_eventgrid_system_topic\./),
        expect.stringMatching(/^azurerm_eventgrid_system_topic_event_subscription\./),
      ]),
    );
  });

  test('on an imported workspace too, and the topic name can be chosen once', () => {
    const result = synth((stack) => {
      const imported = Workspace.fromWorkspaceAttributes(stack, 'Existing', {
        workspaceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.HealthcareApis/workspaces/shared',
        location: 'westeurope',
      });
      imported.addEventSubscription('Changes', {
        events: FHIR_EVENTS,
        destination: EventSubscriptionDestination.eventHub(HUB),
        systemTopicName: 'evgt-shared',
      });
      imported.addEventSubscription('More', {
        events: FHIR_EVENTS,
        destination: EventSubscriptionDestination.eventHub(HUB),
        systemTopicName: 'evgt-shared',
      });
    });
    expect(result.resource(TOPIC)).toMatchObject({ name: 'evgt-shared', resource_group_name: 'rg-shared', location: 'westeurope' });
  });

  test('token hosts and destinations are not rejected', () => {
    const hub = (stack: Parameters<Parameters<typeof synth>[0]>[0]) => new TerraformVariable(stack, 'hub', { type: 'string' }).stringValue;
    expect(() =>
      synth((stack) =>
        workspaceIn(stack).addEventSubscription('Changes', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(hub(stack)) }),
      ),
    ).not.toThrow();
  });

  test.each<[string, (workspace: Workspace) => unknown, RegExp]>([
    [
      'no events',
      (w) => w.addEventSubscription('X', { events: [], destination: EventSubscriptionDestination.eventHub(HUB) }),
      /\[stack\/Health\/X\] Event subscription eventTypes is missing/,
    ],
    [
      'an unknown event type',
      (w) => w.addEventSubscription('X', { events: ['FhirResourceCreated'], destination: EventSubscriptionDestination.eventHub(HUB) }),
      /Use HealthDataEventType\.FHIR_RESOURCE_CREATED/,
    ],
    [
      'no destination',
      (w) => w.addEventSubscription('X', { events: FHIR_EVENTS } as HealthDataEventSubscriptionOptions),
      /Event subscription destination is missing: give an EventSubscriptionDestination/,
    ],
    [
      'a bad event hub id',
      (w) => w.addEventSubscription('X', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub('hub') }),
      /Event subscription destination event hub id "hub" is invalid/,
    ],
    [
      'a name from an id that is too short',
      (w) => w.addEventSubscription('X', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) }),
      /Event subscription name \(from the construct id "X"\) "x" is invalid: 3-64 letters, digits or '-'/,
    ],
    [
      'a bad name',
      (w) =>
        w.addEventSubscription('Changes', { name: 'fhir changes', events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) }),
      /Event subscription name "fhir changes" is invalid: .*Use e\.g\. "fhir-changes"/,
    ],
    [
      'retries out of range',
      (w) =>
        w.addEventSubscription('Changes', {
          events: FHIR_EVENTS,
          destination: EventSubscriptionDestination.eventHub(HUB),
          retryPolicy: { maxDeliveryAttempts: 31, eventTimeToLiveInMinutes: 0 },
        }),
      /retryPolicy\.maxDeliveryAttempts 31 is invalid: a whole number from 1 to 30[\s\S]*retryPolicy\.eventTimeToLiveInMinutes 0 is invalid: a whole number from 1 to 1440/,
    ],
    [
      'a bad dead-letter container',
      (w) =>
        w.addEventSubscription('Changes', {
          events: FHIR_EVENTS,
          destination: EventSubscriptionDestination.eventHub(HUB),
          deadLetter: { storageAccountId: QUEUE_ACCOUNT, containerName: 'Dead_Letters' },
        }),
      /deadLetter\.containerName "Dead_Letters" is invalid/,
    ],
    [
      'a bad schema',
      (w) =>
        w.addEventSubscription('Changes', {
          events: FHIR_EVENTS,
          destination: EventSubscriptionDestination.eventHub(HUB),
          eventDeliverySchema: 'CloudEvents' as EventDeliverySchema,
        }),
      /eventDeliverySchema "CloudEvents" is invalid: one of "EventGridSchema", "CloudEventSchemaV1_0"/,
    ],
    [
      'a MedTech service in the filter',
      (w) =>
        w.addEventSubscription('Changes', {
          events: FHIR_EVENTS,
          services: [addMedTech(w)],
          destination: EventSubscriptionDestination.eventHub(HUB),
        }),
      /services\[0\] stack\/Health\/Devices is a MedTechService, which publishes no events/,
    ],
    [
      'a service of another workspace',
      (w) =>
        w.addEventSubscription('Changes', {
          events: FHIR_EVENTS,
          services: [new Workspace(w.node.scope!, 'Other', { ...BASE_WORKSPACE, name: 'other' }).addFhirService('Patients', { name: 'patients' })],
          destination: EventSubscriptionDestination.eventHub(HUB),
        }),
      /services\[0\] stack\/Other\/Patients is in workspace stack\/Other, not in stack\/Health/,
    ],
    [
      'DICOM events with only FHIR services in the filter',
      (w) =>
        w.addEventSubscription('Changes', {
          events: [...FHIR_EVENTS, ...DICOM_EVENTS],
          services: [w.addFhirService('Patients', { name: 'patients' })],
          destination: EventSubscriptionDestination.eventHub(HUB),
        }),
      /Event subscription events \["Microsoft\.HealthcareApis\.DicomImageCreated","Microsoft\.HealthcareApis\.DicomImageDeleted"\] can never be delivered: the service filter has no DICOM service/,
    ],
    [
      'two subscriptions with one name',
      (w) => {
        w.addEventSubscription('Changes', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) });
        w.addEventSubscription('Other', { name: 'changes', events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) });
      },
      /Event subscription name "changes" is already used by stack\/Health\/Changes on the same system topic/,
    ],
    [
      'a second topic name',
      (w) => {
        w.addEventSubscription('Changes', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB) });
        w.addEventSubscription('Other', {
          events: FHIR_EVENTS,
          destination: EventSubscriptionDestination.eventHub(HUB),
          systemTopicName: 'other-topic',
        });
      },
      /systemTopicName "other-topic" differs from the workspace's system topic "health-events": a workspace has one system topic/,
    ],
    [
      'a bad topic name',
      (w) =>
        w.addEventSubscription('Changes', { events: FHIR_EVENTS, destination: EventSubscriptionDestination.eventHub(HUB), systemTopicName: 'a b' }),
      /Event subscription systemTopicName "a b" is invalid: 3-128 letters, digits or '-'/,
    ],
  ])('%s fails with the fix', (_name, build, expected) => {
    expect(errorOf(() => synth((stack) => build(workspaceIn(stack))))).toMatch(expected);
  });
});
