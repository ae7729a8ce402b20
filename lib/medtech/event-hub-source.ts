import type { Eventhub, EventhubConsumerGroup, EventhubNamespace } from '../core/platform/azurerm';
import { InputProblems, isUnresolved, ValueRule } from '../core/validation';

/** The event hub MedTech reads device messages from, by name (as the provider wants them). */
export interface EventHubNames {
  /** The Event Hubs namespace's short name (`contoso-devices`, not `contoso-devices.servicebus.windows.net`). */
  readonly namespaceName: string;
  /** The event hub's name. */
  readonly eventHubName: string;
  /** A consumer group of the event hub that only this MedTech service reads with (not `$Default`). */
  readonly consumerGroupName: string;
  /**
   * The event hub's resource id, the scope of the `Azure Event Hubs Data Receiver` role MedTech needs.
   * @default - unknown: the role is not assigned and a synth warning says which grant to make
   */
  readonly eventHubId?: string;
}

/** The event hub MedTech reads device messages from, as provider resources of the same app. */
export interface EventHubResources {
  /** The Event Hubs namespace. */
  readonly namespace: EventhubNamespace;
  /** The event hub. */
  readonly eventHub: Eventhub;
  /** A consumer group of the event hub that only this MedTech service reads with. */
  readonly consumerGroup: EventhubConsumerGroup;
}

/** Where MedTech reads device messages: names, or the provider's resources. */
export type EventHubSource = EventHubNames | EventHubResources;

/** What the MedTech resource and its role assignment need from the source. */
export interface ResolvedEventHub {
  readonly namespaceName: string;
  readonly eventHubName: string;
  readonly consumerGroupName: string;
  /** The scope for `Azure Event Hubs Data Receiver`, when known. */
  readonly eventHubId?: string;
  /** `namespace/hub/consumer group` in lowercase when all three names are literals: who reads with that group. */
  readonly readerKey?: string;
}

function readerKey(namespace: string | undefined, hub: string | undefined, group: string | undefined): string | undefined {
  const names = [namespace, hub, group];
  return names.every((name) => typeof name === 'string' && !isUnresolved(name)) ? names.join('/').toLowerCase() : undefined;
}

const NAMESPACE_RULE: ValueRule<string> = {
  requirement: "6-50 letters, digits or '-', starting with a letter and ending with a letter or digit (the namespace's short name)",
  test: (value) => typeof value === 'string' && /^[a-zA-Z][-a-zA-Z0-9]{4,48}[a-zA-Z0-9]$/.test(value),
  fix: (value) =>
    typeof value === 'string' && value.includes('.')
      ? `Use the short name "${value.replace(/^[a-z]+:\/\//i, '').split('.')[0]}": the provider appends ".servicebus.windows.net" itself.`
      : undefined,
};

const EVENT_HUB_RULE: ValueRule<string> = {
  requirement: "1-256 letters, digits, '.', '-' or '_', starting and ending with a letter or digit",
  test: (value) => typeof value === 'string' && /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,254}[a-zA-Z0-9])?$/.test(value),
};

const CONSUMER_GROUP_RULE: ValueRule<string> = {
  requirement: "1-50 letters, digits, '.', '-' or '_', starting and ending with a letter or digit",
  test: (value) => typeof value === 'string' && /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,48}[a-zA-Z0-9])?$/.test(value),
  fix: (value) =>
    value === '$Default'
      ? 'The provider rejects "$Default", and every reader of an event hub needs its own consumer group anyway (a shared one shows up as InvalidEventHubException): ' +
        'create one for MedTech (azurerm_eventhub_consumer_group, e.g. "medtech") and use its name.'
      : undefined,
};

function isResources(source: EventHubSource): source is EventHubResources {
  return typeof source === 'object' && source !== null && 'eventHub' in source && 'consumerGroup' in source;
}

/** Checks the event hub source and returns the names and the role scope MedTech needs. */
export function resolveEventHub(problems: InputProblems, source: EventHubSource | undefined): ResolvedEventHub {
  if (source === undefined || source === null || typeof source !== 'object') {
    problems.add(
      'MedTechService eventHub is missing: give { namespaceName, eventHubName, consumerGroupName } or { namespace, eventHub, consumerGroup } (the provider resources).',
    );
    return { namespaceName: '', eventHubName: '', consumerGroupName: '' };
  }
  if (isResources(source)) {
    // The inputs are the literal names (when known); the references carry Terraform's ordering.
    problems
      .check('MedTechService eventHub.namespace name', source.namespace.nameInput, NAMESPACE_RULE)
      .check('MedTechService eventHub.eventHub name', source.eventHub.nameInput, EVENT_HUB_RULE)
      .check('MedTechService eventHub.consumerGroup name', source.consumerGroup.nameInput, CONSUMER_GROUP_RULE);
    checkSameHub(problems, source);
    return {
      namespaceName: source.namespace.name,
      eventHubName: source.eventHub.name,
      consumerGroupName: source.consumerGroup.name,
      eventHubId: source.eventHub.id,
      readerKey: readerKey(source.namespace.nameInput, source.eventHub.nameInput, source.consumerGroup.nameInput),
    };
  }
  problems
    .check('MedTechService eventHub.namespaceName', source.namespaceName, NAMESPACE_RULE)
    .check('MedTechService eventHub.eventHubName', source.eventHubName, EVENT_HUB_RULE)
    .check('MedTechService eventHub.consumerGroupName', source.consumerGroupName, CONSUMER_GROUP_RULE);
  if (source.eventHubId !== undefined && !isUnresolved(source.eventHubId)) {
    problems.check('MedTechService eventHub.eventHubId', source.eventHubId, {
      requirement:
        'an event hub id of the form /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.EventHub/namespaces/{namespace}/eventhubs/{name}',
      test: (value) =>
        /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.EventHub\/namespaces\/[^/]+\/eventhubs\/[^/]+$/i.test(value),
    });
    const match = /\/namespaces\/([^/]+)\/eventhubs\/([^/]+)$/i.exec(source.eventHubId);
    if (
      match &&
      !isUnresolved(source.namespaceName) &&
      !isUnresolved(source.eventHubName) &&
      (match[1].toLowerCase() !== String(source.namespaceName).toLowerCase() || match[2].toLowerCase() !== String(source.eventHubName).toLowerCase())
    ) {
      problems.add(
        `MedTechService eventHub.eventHubId names "${match[1]}/${match[2]}" but namespaceName/eventHubName say "${source.namespaceName}/${source.eventHubName}": the role would be granted on another hub. Use the id of the hub MedTech reads.`,
      );
    }
  }
  return { ...source, readerKey: readerKey(source.namespaceName, source.eventHubName, source.consumerGroupName) };
}

/** The consumer group must belong to the event hub, and the event hub to the namespace (when the names are literal). */
function checkSameHub(problems: InputProblems, source: EventHubResources): void {
  const pairs: Array<[string, string | undefined, string, string | undefined]> = [
    ['consumerGroup eventhubName', source.consumerGroup.eventhubNameInput, 'eventHub name', source.eventHub.nameInput],
    ['consumerGroup namespaceName', source.consumerGroup.namespaceNameInput, 'namespace name', source.namespace.nameInput],
    ['eventHub namespaceName', source.eventHub.namespaceNameInput, 'namespace name', source.namespace.nameInput],
  ];
  for (const [leftLabel, left, rightLabel, right] of pairs) {
    if (left !== undefined && right !== undefined && !isUnresolved(left) && !isUnresolved(right) && left !== right) {
      problems.add(
        `MedTechService eventHub: the ${leftLabel} "${left}" differs from the ${rightLabel} "${right}": MedTech would read from a consumer group of another hub. Pass resources that belong together.`,
      );
    }
  }
}
