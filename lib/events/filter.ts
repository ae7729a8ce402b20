import type { EventgridSystemTopicEventSubscriptionAdvancedFilter } from '../core/platform/azurerm';
import { InputProblems, isUnresolved, ValueRule } from '../core/validation';
import { FHIR_R4_RESOURCE_TYPES } from '../core/fhir-r4-resource-types';
import { eventServiceKind, HEALTH_DATA_EVENT_TYPES, HealthDataEventType } from './event-types';
import { trimCharacters } from '../core/text';

/**
 * What an event subscription delivers. Event Grid filters, as Microsoft documents them (event-grid/event-filtering.md):
 * `included_event_types`; advanced filters whose values are ORed within a filter and whose filters are ANDed; keys
 * `subject` or `data.<field>`; string comparisons case-insensitive; at most 25 advanced filters and 25 values across
 * them per subscription; 512 characters per value. A filter whose key an event lacks does not match it.
 */
export interface HealthDataEventFilterInput {
  /** The event types to deliver (at least one). */
  readonly eventTypes: (HealthDataEventType | string)[];
  /**
   * Only events of these services: their host names, `{workspace}-{service}.fhir.azurehealthcareapis.com` or
   * `...dicom...` (the service endpoint without `https://`). Every event's subject starts with its service's host name.
   * @default - every service of the workspace
   */
  readonly serviceHostNames?: string[];
  /**
   * Only FHIR events about these resource types (`data.resourceType`), FHIR event types only.
   * @default - every resource type
   */
  readonly fhirResourceTypes?: string[];
}

/** The filter arguments of `azurerm_eventgrid_system_topic_event_subscription`. */
export interface HealthDataEventFilterArguments {
  readonly includedEventTypes: string[];
  readonly advancedFilter?: EventgridSystemTopicEventSubscriptionAdvancedFilter;
}

/** Event Grid's limits for advanced filters (per subscription). */
export const MAX_ADVANCED_FILTER_VALUES = 25;
export const MAX_ADVANCED_FILTER_VALUE_LENGTH = 512;

const EVENT_TYPE_RULE: ValueRule<string> = {
  requirement: `a Health Data Services event type: ${HEALTH_DATA_EVENT_TYPES.join(', ')}`,
  test: (value) => eventServiceKind(value) !== undefined,
  fix: (value) => {
    const match = HEALTH_DATA_EVENT_TYPES.find(
      (type) => typeof value === 'string' && (type.toLowerCase() === value.toLowerCase() || type.toLowerCase().endsWith(`.${value.toLowerCase()}`)),
    );
    return match ? `Use HealthDataEventType.${Object.entries(HealthDataEventType).find(([, v]) => v === match)![0]} ("${match}").` : undefined;
  },
};

const HOST_NAME_RULE: ValueRule<string> = {
  requirement:
    'a FHIR or DICOM service host name, "{workspace}-{service}.fhir.azurehealthcareapis.com" (or .dicom., or .us in Azure Government), without https://',
  test: (value) =>
    typeof value === 'string' && /^[a-z0-9]{3,24}-[0-9a-zA-Z][-0-9a-zA-Z]{1,22}[0-9a-zA-Z]\.(fhir|dicom)\.azurehealthcareapis\.(com|us)$/.test(value),
  fix: (value) => (typeof value === 'string' && value.startsWith('https://') ? `Use "${trimCharacters(value.slice(8), '/', 'end')}".` : undefined),
};

const RESOURCE_TYPE_RULE: ValueRule<string> = {
  requirement: 'a FHIR R4 resource type, e.g. "Patient"',
  test: (value) => FHIR_R4_RESOURCE_TYPES.includes(value),
};

/** The host name of a service endpoint (`https://ws-fhir.fhir.azurehealthcareapis.com` → `ws-fhir.fhir.azurehealthcareapis.com`). */
export function serviceHostName(endpoint: string): string {
  return trimCharacters(endpoint.replace(/^https:\/\//, ''), '/', 'end');
}

/** Checks a filter: event types known, hosts well-formed, FHIR resource types only with FHIR events, Event Grid limits. */
export function checkHealthDataEventFilter(problems: InputProblems, subject: string, input: HealthDataEventFilterInput): void {
  const types = input.eventTypes;
  if (types === undefined || (Array.isArray(types) && !isUnresolved(types) && types.length === 0)) {
    problems.add(`${subject} eventTypes is missing: give at least one HealthDataEventType.`);
  }
  problems
    .checkEach<string>(`${subject} eventTypes`, types, EVENT_TYPE_RULE)
    .checkEach(`${subject} serviceHostNames`, input.serviceHostNames, HOST_NAME_RULE)
    .checkEach(`${subject} fhirResourceTypes`, input.fhirResourceTypes, RESOURCE_TYPE_RULE);
  const resourceTypes = input.fhirResourceTypes ?? [];
  if (resourceTypes.length > 0 && Array.isArray(types) && !isUnresolved(types) && types.some((type) => eventServiceKind(type) === 'dicom')) {
    problems.add(
      `${subject} fhirResourceTypes filters on data.resourceType, which DICOM events do not have: Event Grid would drop every DICOM event. Put DICOM event types in a subscription of their own.`,
    );
  }
  const hosts = input.serviceHostNames ?? [];
  const values =
    (Array.isArray(hosts) && !isUnresolved(hosts) ? hosts.length : 0) +
    (Array.isArray(resourceTypes) && !isUnresolved(resourceTypes) ? resourceTypes.length : 0);
  if (values > MAX_ADVANCED_FILTER_VALUES) {
    problems.add(
      `${subject} filters on ${values} values (service host names and FHIR resource types); Event Grid allows at most ${MAX_ADVANCED_FILTER_VALUES} per subscription. Split it into several subscriptions.`,
    );
  }
  if (Array.isArray(types) && !isUnresolved(types) && new Set(types).size !== types.length) {
    problems.add(`${subject} eventTypes ${JSON.stringify(types)} is invalid: each event type at most once.`);
  }
}

/**
 * The subscription's filter arguments: the event types, and advanced filters for services (`subject` begins with
 * `<host>/`, one filter whose values are ORed, so FHIR and DICOM services can be mixed) and FHIR resource types
 * (`data.resourceType` in the list).
 */
export function healthDataEventFilter(input: HealthDataEventFilterInput): HealthDataEventFilterArguments {
  const hosts = input.serviceHostNames ?? [];
  const resourceTypes = input.fhirResourceTypes ?? [];
  const stringBeginsWith = hosts.length > 0 ? [{ key: 'subject', values: hosts.map((host) => `${host}/`) }] : undefined;
  const stringIn = resourceTypes.length > 0 ? [{ key: 'data.resourceType', values: [...resourceTypes] }] : undefined;
  const advancedFilter =
    stringBeginsWith || stringIn ? { ...(stringBeginsWith ? { stringBeginsWith } : {}), ...(stringIn ? { stringIn } : {}) } : undefined;
  return { includedEventTypes: [...input.eventTypes], ...(advancedFilter ? { advancedFilter } : {}) };
}
