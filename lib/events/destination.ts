import type { EventgridSystemTopicEventSubscriptionConfig } from '../core/platform/azurerm';
import { HTTPS_URL_RULE, resourceIdRule, STORAGE_ACCOUNT_ID_RULE } from '../core/names';
import { InputProblems, required, ValueRule } from '../core/validation';

/** The endpoint arguments of `azurerm_eventgrid_system_topic_event_subscription` one destination sets. */
export type EventDestinationArguments = Pick<
  EventgridSystemTopicEventSubscriptionConfig,
  | 'eventhubEndpointId'
  | 'serviceBusQueueEndpointId'
  | 'serviceBusTopicEndpointId'
  | 'storageQueueEndpoint'
  | 'webhookEndpoint'
  | 'azureFunctionEndpoint'
>;

/** Options of a storage queue destination. */
export interface StorageQueueDestinationOptions {
  /**
   * How long a delivered event stays in the queue, in seconds; -1 keeps it until it is read.
   * @default - the storage queue default (7 days)
   */
  readonly messageTimeToLiveInSeconds?: number;
}

/** Options of a webhook or Azure Function destination. */
export interface BatchingOptions {
  /**
   * Events per delivered batch, 1-5000.
   * @default 1
   */
  readonly maxEventsPerBatch?: number;
  /**
   * Preferred batch size in kilobytes, 1-1024.
   * @default 64
   */
  readonly preferredBatchSizeInKilobytes?: number;
}

/** Options of a webhook destination. */
export interface WebhookDestinationOptions extends BatchingOptions {
  /**
   * The Microsoft Entra tenant of the application that protects the webhook (Event Grid then sends a bearer token).
   * @default - no Entra ID protection
   */
  readonly activeDirectoryTenantId?: string;
  /**
   * The application id or URI that protects the webhook.
   * @default - no Entra ID protection
   */
  readonly activeDirectoryAppIdOrUri?: string;
}

const EVENT_HUB_ID_RULE = resourceIdRule('event hub', 'Microsoft\\.EventHub/namespaces/[^/]+/eventhubs/[^/]+');
const SERVICE_BUS_QUEUE_ID_RULE = resourceIdRule('Service Bus queue', 'Microsoft\\.ServiceBus/namespaces/[^/]+/queues/[^/]+');
const SERVICE_BUS_TOPIC_ID_RULE = resourceIdRule('Service Bus topic', 'Microsoft\\.ServiceBus/namespaces/[^/]+/topics/[^/]+');
const FUNCTION_ID_RULE = resourceIdRule('Azure Function', 'Microsoft\\.Web/sites/[^/]+/functions/[^/]+');
const QUEUE_NAME_RULE: ValueRule<string> = {
  requirement: "a storage queue name: 3-63 lowercase letters, digits or '-', starting and ending with a letter or digit, no '--'",
  test: (value) => typeof value === 'string' && /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(value),
};
const TTL_RULE: ValueRule<number> = {
  requirement: 'a whole number of seconds above 0, or -1 (until read)',
  test: (value) => typeof value === 'number' && Number.isInteger(value) && (value > 0 || value === -1),
};
function rangeRule(min: number, max: number): ValueRule<number> {
  return {
    requirement: `a whole number from ${min} to ${max}`,
    test: (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
  };
}
const EVENTS_PER_BATCH_RULE = rangeRule(1, 5000);
const BATCH_KB_RULE = rangeRule(1, 1024);

/**
 * Where an event subscription delivers Health Data Services events: an event hub, a storage queue, a Service Bus queue
 * or topic, a webhook, or an Azure Function. Each is one endpoint argument of the azurerm event subscription.
 */
export abstract class EventSubscriptionDestination {
  /** An event hub, by id (`.../Microsoft.EventHub/namespaces/{ns}/eventhubs/{hub}`). */
  public static eventHub(eventHubId: string): EventSubscriptionDestination {
    return new SimpleDestination(
      'eventHub',
      (p, s) => p.check(`${s} event hub id`, eventHubId, required(EVENT_HUB_ID_RULE)),
      () => ({ eventhubEndpointId: eventHubId }),
    );
  }

  /** A storage queue, by the account id and the queue name. */
  public static storageQueue(
    storageAccountId: string,
    queueName: string,
    options: StorageQueueDestinationOptions = {},
  ): EventSubscriptionDestination {
    return new SimpleDestination(
      'storageQueue',
      (p, s) =>
        p
          .check(`${s} storage account id`, storageAccountId, required(STORAGE_ACCOUNT_ID_RULE))
          .check(`${s} queue name`, queueName, required(QUEUE_NAME_RULE))
          .check(`${s} messageTimeToLiveInSeconds`, options?.messageTimeToLiveInSeconds, TTL_RULE),
      () => ({ storageQueueEndpoint: { storageAccountId, queueName, queueMessageTimeToLiveInSeconds: options?.messageTimeToLiveInSeconds } }),
    );
  }

  /** A Service Bus queue, by id. */
  public static serviceBusQueue(queueId: string): EventSubscriptionDestination {
    return new SimpleDestination(
      'serviceBusQueue',
      (p, s) => p.check(`${s} Service Bus queue id`, queueId, required(SERVICE_BUS_QUEUE_ID_RULE)),
      () => ({ serviceBusQueueEndpointId: queueId }),
    );
  }

  /** A Service Bus topic, by id. */
  public static serviceBusTopic(topicId: string): EventSubscriptionDestination {
    return new SimpleDestination(
      'serviceBusTopic',
      (p, s) => p.check(`${s} Service Bus topic id`, topicId, required(SERVICE_BUS_TOPIC_ID_RULE)),
      () => ({ serviceBusTopicEndpointId: topicId }),
    );
  }

  /** An https webhook (Event Grid validates it with a handshake when the subscription is created). */
  public static webhook(url: string, options: WebhookDestinationOptions = {}): EventSubscriptionDestination {
    return new SimpleDestination(
      'webhook',
      (p, s) => {
        p.check(`${s} webhook url`, url, required(HTTPS_URL_RULE))
          .check(`${s} maxEventsPerBatch`, options?.maxEventsPerBatch, EVENTS_PER_BATCH_RULE)
          .check(`${s} preferredBatchSizeInKilobytes`, options?.preferredBatchSizeInKilobytes, BATCH_KB_RULE);
        if ((options?.activeDirectoryTenantId === undefined) !== (options?.activeDirectoryAppIdOrUri === undefined)) {
          p.add(`${s} webhook needs both activeDirectoryTenantId and activeDirectoryAppIdOrUri for Entra ID protection, or neither.`);
        }
      },
      () => ({
        webhookEndpoint: {
          url,
          maxEventsPerBatch: options?.maxEventsPerBatch,
          preferredBatchSizeInKilobytes: options?.preferredBatchSizeInKilobytes,
          activeDirectoryTenantId: options?.activeDirectoryTenantId,
          activeDirectoryAppIdOrUri: options?.activeDirectoryAppIdOrUri,
        },
      }),
    );
  }

  /** An Azure Function, by id (`.../Microsoft.Web/sites/{app}/functions/{function}`). */
  public static azureFunction(functionId: string, options: BatchingOptions = {}): EventSubscriptionDestination {
    return new SimpleDestination(
      'azureFunction',
      (p, s) =>
        p
          .check(`${s} function id`, functionId, required(FUNCTION_ID_RULE))
          .check(`${s} maxEventsPerBatch`, options?.maxEventsPerBatch, EVENTS_PER_BATCH_RULE)
          .check(`${s} preferredBatchSizeInKilobytes`, options?.preferredBatchSizeInKilobytes, BATCH_KB_RULE),
      () => ({
        azureFunctionEndpoint: {
          functionId,
          maxEventsPerBatch: options?.maxEventsPerBatch,
          preferredBatchSizeInKilobytes: options?.preferredBatchSizeInKilobytes,
        },
      }),
    );
  }

  /** `eventHub`, `storageQueue`, `serviceBusQueue`, `serviceBusTopic`, `webhook` or `azureFunction`. */
  public abstract readonly kind: string;

  /** Adds the destination's problems (ids, names, limits); tokens are skipped. */
  public abstract check(problems: InputProblems, subject: string): void;

  /** The endpoint arguments for `azurerm_eventgrid_system_topic_event_subscription`. */
  public abstract toSubscriptionArguments(): EventDestinationArguments;
}

class SimpleDestination extends EventSubscriptionDestination {
  constructor(
    public readonly kind: string,
    private readonly checker: (problems: InputProblems, subject: string) => void,
    private readonly toArguments: () => EventDestinationArguments,
  ) {
    super();
  }

  public check(problems: InputProblems, subject: string): void {
    this.checker(problems, subject);
  }

  public toSubscriptionArguments(): EventDestinationArguments {
    return this.toArguments();
  }
}
