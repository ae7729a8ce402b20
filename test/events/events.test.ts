import { EventgridSystemTopic } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic';
import { EventgridSystemTopicEventSubscription } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic-event-subscription';
import { TerraformStack, Testing, Token } from 'cdktf';
import { InputProblems } from '../../lib/core/validation';
import { EventSubscriptionDestination } from '../../lib/events/destination';
import { eventServiceKind, HEALTH_DATA_EVENT_TYPES, HEALTH_DATA_SYSTEM_TOPIC_TYPE, HealthDataEventType } from '../../lib/events/event-types';
import { checkHealthDataEventFilter, healthDataEventFilter, HealthDataEventFilterInput, serviceHostName } from '../../lib/events/filter';
import { synth } from '../helpers';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers';
const FHIR_HOST = 'ws1-patients.fhir.azurehealthcareapis.com';
const DICOM_HOST = 'ws1-images.dicom.azurehealthcareapis.com';

function problemsOf(check: (problems: InputProblems) => void): string[] {
  const problems = new InputProblems(new TerraformStack(Testing.app(), 'stack'));
  check(problems);
  return problems.all;
}

describe('event types', () => {
  test('the six Health Data Services event types, as Microsoft spells them, and who publishes each', () => {
    expect(HEALTH_DATA_EVENT_TYPES).toEqual([
      'Microsoft.HealthcareApis.FhirResourceCreated',
      'Microsoft.HealthcareApis.FhirResourceUpdated',
      'Microsoft.HealthcareApis.FhirResourceDeleted',
      'Microsoft.HealthcareApis.DicomImageCreated',
      'Microsoft.HealthcareApis.DicomImageUpdated',
      'Microsoft.HealthcareApis.DicomImageDeleted',
    ]);
    expect(HEALTH_DATA_EVENT_TYPES.map(eventServiceKind)).toEqual(['fhir', 'fhir', 'fhir', 'dicom', 'dicom', 'dicom']);
    expect(eventServiceKind('Microsoft.Storage.BlobCreated')).toBeUndefined();
    expect(HEALTH_DATA_SYSTEM_TOPIC_TYPE).toBe('Microsoft.HealthcareApis.Workspaces');
  });
});

describe('filters', () => {
  test('event types only', () => {
    expect(healthDataEventFilter({ eventTypes: [HealthDataEventType.FHIR_RESOURCE_CREATED] })).toEqual({
      includedEventTypes: ['Microsoft.HealthcareApis.FhirResourceCreated'],
    });
  });

  test('per service: one subject filter whose values are ORed, so FHIR and DICOM services mix', () => {
    expect(
      healthDataEventFilter({
        eventTypes: [HealthDataEventType.FHIR_RESOURCE_UPDATED, HealthDataEventType.DICOM_IMAGE_CREATED],
        serviceHostNames: [FHIR_HOST, DICOM_HOST],
      }),
    ).toEqual({
      includedEventTypes: ['Microsoft.HealthcareApis.FhirResourceUpdated', 'Microsoft.HealthcareApis.DicomImageCreated'],
      advancedFilter: { stringBeginsWith: [{ key: 'subject', values: [`${FHIR_HOST}/`, `${DICOM_HOST}/`] }] },
    });
  });

  test('FHIR resource types through data.resourceType', () => {
    expect(
      healthDataEventFilter({
        eventTypes: [HealthDataEventType.FHIR_RESOURCE_CREATED],
        serviceHostNames: [FHIR_HOST],
        fhirResourceTypes: ['Patient', 'Observation'],
      }).advancedFilter,
    ).toEqual({
      stringBeginsWith: [{ key: 'subject', values: [`${FHIR_HOST}/`] }],
      stringIn: [{ key: 'data.resourceType', values: ['Patient', 'Observation'] }],
    });
  });

  test('a service host name from its endpoint', () => {
    expect(serviceHostName('https://ws1-patients.fhir.azurehealthcareapis.com')).toBe(FHIR_HOST);
  });

  test.each<[string, HealthDataEventFilterInput, RegExp]>([
    ['no event types', { eventTypes: [] }, /eventTypes is missing/],
    [
      'an unknown event type, with the fix for a short name',
      { eventTypes: ['FhirResourceCreated'] },
      /eventTypes\[0\] "FhirResourceCreated" is invalid: a Health Data Services event type.*Use HealthDataEventType\.FHIR_RESOURCE_CREATED/,
    ],
    [
      'an endpoint instead of a host name',
      { eventTypes: [HealthDataEventType.FHIR_RESOURCE_CREATED], serviceHostNames: [`https://${FHIR_HOST}`] },
      new RegExp(`is invalid: a FHIR or DICOM service host name.*Use "${FHIR_HOST.replace(/\./g, '\\.')}"`),
    ],
    [
      'resource types with DICOM events',
      { eventTypes: [HealthDataEventType.DICOM_IMAGE_CREATED], fhirResourceTypes: ['Patient'] },
      /DICOM events do not have: Event Grid would drop every DICOM event/,
    ],
    [
      'a lowercase resource type',
      { eventTypes: [HealthDataEventType.FHIR_RESOURCE_CREATED], fhirResourceTypes: ['patient'] },
      /fhirResourceTypes\[0\] "patient" is invalid/,
    ],
    [
      'more than 25 filter values',
      {
        eventTypes: [HealthDataEventType.FHIR_RESOURCE_CREATED],
        fhirResourceTypes: [
          'Patient',
          'Observation',
          'Encounter',
          'Condition',
          'Procedure',
          'Immunization',
          'MedicationRequest',
          'AllergyIntolerance',
          'DiagnosticReport',
          'DocumentReference',
          'CarePlan',
          'CareTeam',
          'Goal',
          'Device',
          'Location',
          'Organization',
          'Practitioner',
          'PractitionerRole',
          'Provenance',
          'Coverage',
          'Claim',
          'Appointment',
          'Schedule',
          'Slot',
          'Task',
          'Consent',
        ],
      },
      /filters on 26 values .* at most 25 per subscription/,
    ],
    [
      'an event type twice',
      { eventTypes: [HealthDataEventType.FHIR_RESOURCE_CREATED, HealthDataEventType.FHIR_RESOURCE_CREATED] },
      /each event type at most once/,
    ],
  ])('rejects %s', (_name, input, message) => {
    expect(problemsOf((p) => checkHealthDataEventFilter(p, 'EventSubscription', input)).join('\n')).toMatch(message);
  });

  test('valid and token inputs pass', () => {
    expect(
      problemsOf((p) =>
        checkHealthDataEventFilter(p, 'EventSubscription', {
          eventTypes: [...HEALTH_DATA_EVENT_TYPES],
          serviceHostNames: [FHIR_HOST, DICOM_HOST, 'ws1-gov.fhir.azurehealthcareapis.us'],
        }),
      ),
    ).toEqual([]);
    expect(
      problemsOf((p) =>
        checkHealthDataEventFilter(p, 'EventSubscription', {
          eventTypes: Token.asList({ Ref: 't' }),
          serviceHostNames: [Token.asString({ Ref: 'h' })],
        }),
      ),
    ).toEqual([]);
  });
});

describe('destinations', () => {
  test.each<[string, EventSubscriptionDestination, object]>([
    [
      'event hub',
      EventSubscriptionDestination.eventHub(`${RG}/Microsoft.EventHub/namespaces/ns/eventhubs/fhir-events`),
      { eventhubEndpointId: `${RG}/Microsoft.EventHub/namespaces/ns/eventhubs/fhir-events` },
    ],
    [
      'storage queue',
      EventSubscriptionDestination.storageQueue(`${RG}/Microsoft.Storage/storageAccounts/events01`, 'fhir-events', {
        messageTimeToLiveInSeconds: -1,
      }),
      {
        storageQueueEndpoint: {
          storageAccountId: `${RG}/Microsoft.Storage/storageAccounts/events01`,
          queueName: 'fhir-events',
          queueMessageTimeToLiveInSeconds: -1,
        },
      },
    ],
    [
      'Service Bus queue',
      EventSubscriptionDestination.serviceBusQueue(`${RG}/Microsoft.ServiceBus/namespaces/sb/queues/q`),
      { serviceBusQueueEndpointId: `${RG}/Microsoft.ServiceBus/namespaces/sb/queues/q` },
    ],
    [
      'Service Bus topic',
      EventSubscriptionDestination.serviceBusTopic(`${RG}/Microsoft.ServiceBus/namespaces/sb/topics/t`),
      { serviceBusTopicEndpointId: `${RG}/Microsoft.ServiceBus/namespaces/sb/topics/t` },
    ],
    [
      'webhook',
      EventSubscriptionDestination.webhook('https://hooks.contoso.com/fhir', {
        maxEventsPerBatch: 10,
        activeDirectoryTenantId: 't',
        activeDirectoryAppIdOrUri: 'api://hook',
      }),
      {
        webhookEndpoint: {
          url: 'https://hooks.contoso.com/fhir',
          maxEventsPerBatch: 10,
          activeDirectoryTenantId: 't',
          activeDirectoryAppIdOrUri: 'api://hook',
        },
      },
    ],
    [
      'Azure Function',
      EventSubscriptionDestination.azureFunction(`${RG}/Microsoft.Web/sites/app/functions/onFhir`),
      { azureFunctionEndpoint: { functionId: `${RG}/Microsoft.Web/sites/app/functions/onFhir` } },
    ],
  ])('%s: valid, and one endpoint argument of the subscription', (_name, destination, args) => {
    expect(problemsOf((p) => destination.check(p, 'EventSubscription destination'))).toEqual([]);
    expect(destination.toSubscriptionArguments()).toMatchObject(args);
    expect(Object.keys(destination.toSubscriptionArguments())).toHaveLength(1);
  });

  test.each<[string, EventSubscriptionDestination, RegExp]>([
    [
      'an event hub namespace instead of an event hub',
      EventSubscriptionDestination.eventHub(`${RG}/Microsoft.EventHub/namespaces/ns`),
      /event hub id ".*" is invalid: a event hub id of the form/,
    ],
    [
      'a storage account name instead of id',
      EventSubscriptionDestination.storageQueue('events01', 'q1x'),
      /storage account id "events01" is invalid/,
    ],
    [
      'an uppercase queue name',
      EventSubscriptionDestination.storageQueue(`${RG}/Microsoft.Storage/storageAccounts/events01`, 'FhirEvents'),
      /queue name "FhirEvents" is invalid: a storage queue name/,
    ],
    [
      'a zero TTL',
      EventSubscriptionDestination.storageQueue(`${RG}/Microsoft.Storage/storageAccounts/events01`, 'q1x', { messageTimeToLiveInSeconds: 0 }),
      /messageTimeToLiveInSeconds 0 is invalid/,
    ],
    [
      'an http webhook',
      EventSubscriptionDestination.webhook('http://hooks.contoso.com'),
      /webhook url "http:\/\/hooks\.contoso\.com" is invalid: an https URL.*Use "https:\/\/hooks\.contoso\.com"/,
    ],
    [
      'half of the webhook Entra ID protection',
      EventSubscriptionDestination.webhook('https://hooks.contoso.com', { activeDirectoryTenantId: 't' }),
      /needs both activeDirectoryTenantId and activeDirectoryAppIdOrUri/,
    ],
    [
      'a batch of 5001',
      EventSubscriptionDestination.azureFunction(`${RG}/Microsoft.Web/sites/app/functions/f`, { maxEventsPerBatch: 5001 }),
      /maxEventsPerBatch 5001 is invalid: a whole number from 1 to 5000/,
    ],
    [
      'a topic id for a queue',
      EventSubscriptionDestination.serviceBusQueue(`${RG}/Microsoft.ServiceBus/namespaces/sb/topics/t`),
      /Service Bus queue id .* is invalid/,
    ],
  ])('rejects %s', (_name, destination, message) => {
    expect(problemsOf((p) => destination.check(p, 'EventSubscription destination')).join('\n')).toMatch(message);
  });
});

describe('the azurerm resources the phase-2 construct will emit take these arguments', () => {
  test('a system topic on the workspace and a subscription with filter and destination', () => {
    const workspaceId = `${RG}/Microsoft.HealthcareApis/workspaces/ws1`;
    const result = synth((stack) => {
      const topic = new EventgridSystemTopic(stack, 'Topic', {
        name: 'ws1-events',
        resourceGroupName: 'rg',
        location: 'eastus',
        sourceResourceId: workspaceId,
        topicType: HEALTH_DATA_SYSTEM_TOPIC_TYPE,
      });
      new EventgridSystemTopicEventSubscription(stack, 'Subscription', {
        name: 'fhir-to-hub',
        systemTopic: topic.name,
        resourceGroupName: 'rg',
        ...healthDataEventFilter({
          eventTypes: [HealthDataEventType.FHIR_RESOURCE_CREATED],
          serviceHostNames: [FHIR_HOST],
          fhirResourceTypes: ['Patient'],
        }),
        ...EventSubscriptionDestination.eventHub(`${RG}/Microsoft.EventHub/namespaces/ns/eventhubs/h`).toSubscriptionArguments(),
      });
    });
    expect(result.resource('azurerm_eventgrid_system_topic')).toMatchObject({
      topic_type: 'Microsoft.HealthcareApis.Workspaces',
      source_resource_id: workspaceId,
    });
    expect(result.resource('azurerm_eventgrid_system_topic_event_subscription')).toMatchObject({
      included_event_types: ['Microsoft.HealthcareApis.FhirResourceCreated'],
      eventhub_endpoint_id: `${RG}/Microsoft.EventHub/namespaces/ns/eventhubs/h`,
      advanced_filter: {
        string_begins_with: [{ key: 'subject', values: [`${FHIR_HOST}/`] }],
        string_in: [{ key: 'data.resourceType', values: ['Patient'] }],
      },
    });
  });
});
