import { Construct } from 'constructs';
import type { IHealthDataService, IWorkspaceRef } from '../core/boundary';
import { STORAGE_ACCOUNT_ID_RULE } from '../core/names';
import { EventgridSystemTopicEventSubscription } from '../core/platform/azurerm';
import { InputProblems, isUnresolved, objectRule, propsObject, required, ValueRule } from '../core/validation';
import { EventSubscriptionDestination } from './destination';
import { eventServiceKind, HealthDataEventType } from './event-types';
import { checkHealthDataEventFilter, healthDataEventFilter } from './filter';
import { WorkspaceEvents } from './workspace-events';
import { trimCharacters } from '../core/text';

/** How Event Grid formats the events it delivers. */
export enum EventDeliverySchema {
  /** The Event Grid schema (the default). */
  EVENT_GRID = 'EventGridSchema',
  /** CloudEvents 1.0. */
  CLOUD_EVENT_V1_0 = 'CloudEventSchemaV1_0',
}

/** How often and how long Event Grid retries a delivery. */
export interface EventRetryPolicy {
  /** Delivery attempts, 1-30. */
  readonly maxDeliveryAttempts: number;
  /** Minutes an event is retried, 1-1440. */
  readonly eventTimeToLiveInMinutes: number;
}

/** Where events that could not be delivered are kept (a blob container). */
export interface EventDeadLetterDestination {
  /** The storage account's resource id. */
  readonly storageAccountId: string;
  /** The blob container's name. */
  readonly containerName: string;
}

/** Options of an event subscription defined through `workspace.addEventSubscription()`. */
export interface HealthDataEventSubscriptionOptions {
  /** The event types to deliver (`HealthDataEventType`, at least one). */
  readonly events: (HealthDataEventType | string)[];
  /** Where to deliver them: `EventSubscriptionDestination.eventHub(...)`, `.storageQueue(...)`, `.serviceBusQueue(...)`, `.serviceBusTopic(...)`, `.webhook(...)` or `.azureFunction(...)`. */
  readonly destination: EventSubscriptionDestination;
  /**
   * The subscription's name: 3-64 letters, digits or '-'. Changing it replaces the subscription.
   * @default - the construct id in lowercase, other characters as '-'
   */
  readonly name?: string;
  /**
   * Only events of these FHIR and DICOM services of the workspace (filtered on the event subject, which starts with the
   * service's host name).
   * @default - every service of the workspace
   */
  readonly services?: IHealthDataService[];
  /**
   * Only events of these services, by host name (`{workspace}-{service}.fhir.azurehealthcareapis.com`), e.g. for
   * services defined elsewhere. Combined with `services`.
   * @default - no host names besides `services`
   */
  readonly serviceHostNames?: string[];
  /**
   * Only FHIR events about these FHIR R4 resource types (`data.resourceType`); FHIR event types only.
   * @default - every resource type
   */
  readonly fhirResourceTypes?: string[];
  /**
   * The schema of delivered events.
   * @default EventDeliverySchema.EVENT_GRID
   */
  readonly eventDeliverySchema?: EventDeliverySchema;
  /**
   * Retries.
   * @default - Event Grid's: 30 attempts within 1440 minutes
   */
  readonly retryPolicy?: EventRetryPolicy;
  /**
   * Where undeliverable events go.
   * @default - they are dropped
   */
  readonly deadLetter?: EventDeadLetterDestination;
  /**
   * Labels on the subscription.
   * @default - none
   */
  readonly labels?: string[];
  /**
   * The name of the workspace's system topic, when this subscription creates it (the first one does).
   * @default "{workspace name}-events"
   */
  readonly systemTopicName?: string;
}

/** Properties of a {@link HealthDataEventSubscription}. */
export interface HealthDataEventSubscriptionProps extends HealthDataEventSubscriptionOptions {
  /** The workspace whose events are delivered. */
  readonly workspace: IWorkspaceRef;
}

const SUBSCRIPTION_NAME_RULE: ValueRule<string> = {
  requirement: "3-64 letters, digits or '-'",
  test: (value) => typeof value === 'string' && /^[-a-zA-Z0-9]{3,64}$/.test(value),
  fix: (value) => {
    const repaired = trimCharacters(String(value).replace(/[^-a-zA-Z0-9]+/g, '-'), '-').slice(0, 64);
    return repaired.length >= 3 ? `Use e.g. "${repaired}".` : undefined;
  },
};
const SCHEMA_RULE: ValueRule<string> = {
  requirement: `one of ${Object.values(EventDeliverySchema)
    .map((v) => `"${v}"`)
    .join(', ')}`,
  test: (value) => (Object.values(EventDeliverySchema) as string[]).includes(value),
};
function rangeRule(min: number, max: number): ValueRule<number> {
  return {
    requirement: `a whole number from ${min} to ${max}`,
    test: (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
  };
}
const CONTAINER_NAME_RULE: ValueRule<string> = {
  requirement: "a blob container name: 3-63 lowercase letters, digits or '-', starting with a letter or digit, no '--'",
  test: (value) => typeof value === 'string' && /^[a-z0-9](?:[a-z0-9]|-(?!-)){2,62}$/.test(value) && !value.endsWith('-'),
};
const DESTINATION_RULE: ValueRule<unknown> = {
  requirement:
    'an EventSubscriptionDestination (EventSubscriptionDestination.eventHub(...), .storageQueue(...), .serviceBusQueue(...), .serviceBusTopic(...), .webhook(...) or .azureFunction(...))',
  test: (value) => value instanceof EventSubscriptionDestination,
  required: true,
};
const RETRY_OBJECT = objectRule('an object { maxDeliveryAttempts, eventTimeToLiveInMinutes }');
const DEAD_LETTER_OBJECT = objectRule('an object { storageAccountId, containerName }');

/** The host-name label of an event-publishing kind (`{workspace}-{service}.{label}.azurehealthcareapis.com`). */
const HOST_LABEL: { readonly [idSegment: string]: 'fhir' | 'dicom' } = { fhirServices: 'fhir', dicomServices: 'dicom' };

function defaultName(id: string): string {
  return trimCharacters(id.toLowerCase().replace(/[^a-z0-9-]+/g, '-'), '-').slice(0, 64);
}

/**
 * An Event Grid subscription to the events of a Health Data Services workspace
 * (`azurerm_eventgrid_system_topic_event_subscription`, child `Resource`), on the workspace's one system topic: typed
 * event types, a destination, and optional filters per service and per FHIR resource type.
 */
export class HealthDataEventSubscription extends Construct {
  /**
   * The subscription's resource id.
   * @attribute
   */
  public readonly eventSubscriptionId: string;
  /** The subscription's name. */
  public readonly eventSubscriptionName: string;
  /** The `azurerm_eventgrid_system_topic_event_subscription` resource (escape hatch for `addOverride`). */
  public readonly resource: EventgridSystemTopicEventSubscription;

  constructor(scope: Construct, id: string, props: HealthDataEventSubscriptionProps) {
    super(scope, id);
    propsObject(this, 'Event subscription props', props, '{ events, destination, ... }');
    const workspace = props.workspace;
    const name = props.name ?? defaultName(id);
    const problems = new InputProblems(this)
      .check(
        props.name === undefined ? `Event subscription name (from the construct id "${id}")` : 'Event subscription name',
        name,
        required(SUBSCRIPTION_NAME_RULE),
      )
      .check('Event subscription destination', props.destination as unknown, DESTINATION_RULE)
      .check('Event subscription eventDeliverySchema', props.eventDeliverySchema as string | undefined, SCHEMA_RULE)
      .check('Event subscription retryPolicy', props.retryPolicy as unknown, RETRY_OBJECT)
      .check('Event subscription deadLetter', props.deadLetter as unknown, DEAD_LETTER_OBJECT);
    if (props.destination instanceof EventSubscriptionDestination) props.destination.check(problems, 'Event subscription destination');
    if (props.retryPolicy !== undefined && RETRY_OBJECT.test(props.retryPolicy) && !isUnresolved(props.retryPolicy)) {
      problems
        .check('Event subscription retryPolicy.maxDeliveryAttempts', props.retryPolicy.maxDeliveryAttempts, required(rangeRule(1, 30)))
        .check('Event subscription retryPolicy.eventTimeToLiveInMinutes', props.retryPolicy.eventTimeToLiveInMinutes, required(rangeRule(1, 1440)));
    }
    if (props.deadLetter !== undefined && DEAD_LETTER_OBJECT.test(props.deadLetter) && !isUnresolved(props.deadLetter)) {
      problems
        .check('Event subscription deadLetter.storageAccountId', props.deadLetter.storageAccountId, required(STORAGE_ACCOUNT_ID_RULE))
        .check('Event subscription deadLetter.containerName', props.deadLetter.containerName, required(CONTAINER_NAME_RULE));
    }
    const hosts = [...this.hostsOf(problems, workspace, props.services), ...(Array.isArray(props.serviceHostNames) ? props.serviceHostNames : [])];
    const filterInput = {
      eventTypes: props.events,
      serviceHostNames: hosts.length > 0 ? hosts : undefined,
      fhirResourceTypes: props.fhirResourceTypes,
    };
    checkHealthDataEventFilter(problems, 'Event subscription', filterInput);
    checkEventsReachTheFilter(problems, props.events, hosts);
    problems.throwIfAny();

    const events = WorkspaceEvents.of(workspace);
    const topic = events.topic(props.systemTopicName);
    this.eventSubscriptionName = name;
    this.resource = new EventgridSystemTopicEventSubscription(this, 'Resource', {
      name,
      systemTopic: topic.name,
      resourceGroupName: workspace.resourceGroupName,
      ...healthDataEventFilter(filterInput),
      ...props.destination.toSubscriptionArguments(),
      eventDeliverySchema: props.eventDeliverySchema,
      retryPolicy: props.retryPolicy && {
        maxDeliveryAttempts: props.retryPolicy.maxDeliveryAttempts,
        eventTimeToLive: props.retryPolicy.eventTimeToLiveInMinutes,
      },
      storageBlobDeadLetterDestination: props.deadLetter && {
        storageAccountId: props.deadLetter.storageAccountId,
        storageBlobContainerName: props.deadLetter.containerName,
      },
      labels: props.labels,
    });
    this.eventSubscriptionId = this.resource.id;
    events.addSubscription(this.resource, name, this);
  }

  /** The host names of the filter's services: FHIR or DICOM services of this workspace. */
  private hostsOf(problems: InputProblems, workspace: IWorkspaceRef, services: IHealthDataService[] | undefined): string[] {
    if (services === undefined) return [];
    if (!Array.isArray(services)) {
      problems.add('Event subscription services is invalid: a list of FHIR and DICOM services of the workspace.');
      return [];
    }
    const hosts: string[] = [];
    services.forEach((service, index) => {
      const at = `Event subscription services[${index}]`;
      const label = service?.serviceKind !== undefined ? HOST_LABEL[service.serviceKind.idSegment] : undefined;
      if (service?.serviceKind === undefined || typeof service.serviceName !== 'string') {
        problems.add(`${at} is invalid: a FhirService or DicomService defined in this app (for others, give serviceHostNames).`);
      } else if (service.serviceKind.publishesEvents !== true || label === undefined) {
        problems.add(
          `${at} ${service.node.path} is a ${service.serviceKind.label}, which publishes no events: only FHIR and DICOM services do. Remove it from services.`,
        );
      } else if (service.workspace !== workspace) {
        problems.add(
          `${at} ${service.node.path} is in workspace ${service.workspace.node.path}, not in ${workspace.node.path}: a workspace's system topic carries only its own services' events. Subscribe on that workspace.`,
        );
      } else {
        hosts.push(`${workspace.workspaceName}-${service.serviceName}.${label}.azurehealthcareapis.com`);
      }
    });
    return hosts;
  }
}

/** With a service filter, every event type must have a service of its kind in it, or none of those events arrives. */
function checkEventsReachTheFilter(problems: InputProblems, events: readonly string[] | undefined, hosts: readonly string[]): void {
  if (hosts.length === 0 || !Array.isArray(events) || isUnresolved(events) || hosts.some(isUnresolved)) return;
  for (const kind of ['fhir', 'dicom'] as const) {
    const ofKind = events.filter((event) => eventServiceKind(event) === kind);
    if (ofKind.length > 0 && !hosts.some((host) => host.includes(`.${kind}.`))) {
      problems.add(
        `Event subscription events ${JSON.stringify(ofKind)} can never be delivered: the service filter has no ${kind.toUpperCase()} service, and Event Grid drops events whose subject matches none of its host names. ` +
          `Add a ${kind.toUpperCase()} service to services, or remove those event types.`,
      );
    }
  }
}
