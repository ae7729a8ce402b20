import { AUDIT_CATEGORY_GROUPS, SERVICE_KINDS } from '../core/kinds';
import type { ServiceKind } from '../core/kinds';
import { resourceIdRule, STORAGE_ACCOUNT_ID_RULE } from '../core/names';
import { InputProblems, isUnresolved, ValueRule } from '../core/validation';

/**
 * An Azure Monitor category group: `allLogs` (every log category of the resource type) or `audit` (the categories
 * Azure marks as audit: FHIR and DICOM `AuditLogs`).
 */
export type LogCategoryGroup = 'audit' | 'allLogs';

/** Where a Log Analytics workspace writes the logs of a resource. */
export type LogAnalyticsDestinationType = 'Dedicated' | 'AzureDiagnostics';

/**
 * Where the services of a workspace send their logs and metrics (`azurerm_monitor_diagnostic_setting`). Give at
 * least one destination: a Log Analytics workspace, a storage account or an Event Hub.
 */
export interface MonitoringOptions {
  /**
   * The Log Analytics workspace's resource id,
   * `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{name}`.
   * @default - no Log Analytics destination (then give `storageAccountId` or `eventHubAuthorizationRuleId`)
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * How Log Analytics stores the logs: `Dedicated` (resource-specific tables such as `AHDSDicomAuditLogs`) or
   * `AzureDiagnostics` (the legacy shared table). Only with `logAnalyticsWorkspaceId`.
   * @default - Azure's default for the resource type
   */
  readonly logAnalyticsDestinationType?: LogAnalyticsDestinationType;
  /**
   * A storage account to archive the logs in (long-term retention of the audit trail), by resource id.
   * @default - no archive
   */
  readonly storageAccountId?: string;
  /**
   * An Event Hubs namespace authorization rule to stream the logs through (e.g. to a SIEM),
   * `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.EventHub/namespaces/{ns}/authorizationRules/{rule}`.
   * @default - no streaming
   */
  readonly eventHubAuthorizationRuleId?: string;
  /**
   * The event hub to stream to. Only with `eventHubAuthorizationRuleId`.
   * @default - Azure creates one event hub per log category
   */
  readonly eventHubName?: string;
  /**
   * The diagnostic setting's name (unique per service).
   * @default - "diag-{service name}"
   */
  readonly name?: string;
  /**
   * The log categories to enable, e.g. `["AuditLogs"]`; `[]` sends no logs (metrics only). On the workspace, each
   * service gets those its kind has (FHIR `AuditLogs`; DICOM `AuditLogs`, `DiagnosticLogs`; MedTech `DiagnosticLogs`).
   * Not with `logCategoryGroups`.
   * @default - every log category of the service's kind (unless `logCategoryGroups` is given)
   */
  readonly logCategories?: string[];
  /**
   * Category groups to enable instead of single categories: `["allLogs"]` or `["audit"]` (Azure then adds categories
   * it introduces later). `audit` covers FHIR and DICOM `AuditLogs`; for MedTech use `allLogs`. Not with
   * `logCategories`.
   * @default - none: single categories
   */
  readonly logCategoryGroups?: LogCategoryGroup[];
  /**
   * The metric categories to enable: `["AllMetrics"]`, or `[]` for logs only.
   * @default ["AllMetrics"]
   */
  readonly metricCategories?: string[];
}

/** The monitoring option of a service: its own destinations, or `false` to opt out of the workspace's. */
export interface ServiceMonitoringOptions {
  /**
   * Where the service sends its logs and metrics: its own destinations (replacing the workspace's `monitoring`), or
   * `false` to define no diagnostic setting for it.
   * @default - the workspace's `monitoring`, if it has one
   */
  readonly monitoring?: MonitoringOptions | false;
}

const LOG_ANALYTICS_WORKSPACE_ID_RULE = resourceIdRule('Log Analytics workspace', 'Microsoft\\.OperationalInsights/workspaces/[^/]+');
const EVENT_HUB_AUTHORIZATION_RULE_ID_RULE = anRule(
  resourceIdRule('Event Hubs namespace authorization rule', 'Microsoft\\.EventHub/namespaces/[^/]+/authorizationRules/[^/]+'),
);

/** "a Event Hubs ..." reads "an Event Hubs ...". */
function anRule(rule: ValueRule<string>): ValueRule<string> {
  return { ...rule, requirement: rule.requirement.replace(/^a /, 'an ') };
}

const EVENT_HUB_NAME_RULE: ValueRule<string> = {
  requirement: "1-256 letters, digits, '-', '.' or '_', starting and ending with a letter or digit",
  test: (value) => typeof value === 'string' && /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,254}[a-zA-Z0-9])?$/.test(value),
};

/** The provider's diagnostic-setting name rule (`monitor/validate.MonitorDiagnosticSettingName`). */
const DIAGNOSTIC_SETTING_NAME_RULE: ValueRule<string> = {
  requirement: '1-260 characters, none of < > * % & : \\ ? + /',
  test: (value) => typeof value === 'string' && /^[^<>*%&:\\?+/]{1,260}$/.test(value),
  fix: (value) => {
    const repaired = String(value)
      .replace(/[<>*%&:\\?+/]+/g, '-')
      .slice(0, 260);
    return repaired.length > 0 ? `Use e.g. "${repaired}".` : undefined;
  },
};

const DESTINATION_TYPES: readonly string[] = ['Dedicated', 'AzureDiagnostics'];

const DESTINATION_TYPE_RULE: ValueRule<string> = {
  requirement: 'one of "Dedicated", "AzureDiagnostics"',
  test: (value) => DESTINATION_TYPES.includes(value),
  fix: (value) => {
    const match = DESTINATION_TYPES.find((type) => type.toLowerCase() === String(value).toLowerCase());
    return match ? `Use "${match}".` : undefined;
  },
};

function listRule(what: string, allowed: readonly string[]): ValueRule<string> {
  return {
    requirement: `${what}: one of ${allowed.map((value) => `"${value}"`).join(', ')}`,
    test: (value) => allowed.includes(value),
    fix: (value) => {
      const match = allowed.find((candidate) => candidate.toLowerCase() === String(value).replace(/\s+/g, '').toLowerCase());
      return match ? `Use "${match}".` : undefined;
    },
  };
}

const CATEGORY_GROUP_RULE = listRule('a category group', AUDIT_CATEGORY_GROUPS);

/** The categories a diagnostic setting of a service of `kind` enables under `options` (the kind's own where not chosen). */
export interface EnabledCategories {
  readonly logs: string[];
  readonly logGroups: string[];
  readonly metrics: string[];
}

/** True when a diagnostic setting would enable nothing (Azure rejects it); a list known only at plan time counts as something. */
export function enablesNothing(enabled: EnabledCategories): boolean {
  const lists = [enabled.logs, enabled.logGroups, enabled.metrics];
  return !lists.some(isUnresolved) && lists.every((list) => list.length === 0);
}

/** Keeps the categories a kind has; a list known only at plan time is kept whole (Azure checks it). */
function ofKind(list: string[], own: readonly string[]): string[] {
  return isUnresolved(list) ? list : list.filter((category) => own.includes(category));
}

/** What a service of `kind` enables: the chosen categories it has (all of its kind's where not chosen), the groups. */
export function enabledCategories(options: MonitoringOptions, kind: ServiceKind): EnabledCategories {
  const own = kind.diagnostics;
  const groups: string[] = options.logCategoryGroups ?? [];
  const logs = options.logCategories ?? (isUnresolved(groups) || groups.length > 0 ? [] : own.logs);
  return {
    logs: ofKind(logs, own.logs),
    logGroups: isUnresolved(groups) ? groups : [...groups],
    metrics: ofKind(options.metricCategories ?? own.metrics, own.metrics),
  };
}

/**
 * Adds the problems of a monitoring configuration (the provider's rules, checked before deployment). `kinds`: the
 * kinds of service it applies to (a service's own kind; every kind for a workspace's), whose categories it may name.
 */
export function checkMonitoringOptions(
  problems: InputProblems,
  subject: string,
  options: MonitoringOptions | false | undefined,
  kinds: readonly ServiceKind[] = SERVICE_KINDS,
): void {
  if (options === undefined || options === false || isUnresolved(options)) return;
  if (typeof options !== 'object' || options === null) {
    problems.add(`${subject} ${JSON.stringify(options)} is invalid: an object with at least one destination, or false to switch monitoring off.`);
    return;
  }
  problems
    .check(`${subject}.logAnalyticsWorkspaceId`, options.logAnalyticsWorkspaceId, LOG_ANALYTICS_WORKSPACE_ID_RULE)
    .check(`${subject}.logAnalyticsDestinationType`, options.logAnalyticsDestinationType as string | undefined, DESTINATION_TYPE_RULE)
    .check(`${subject}.storageAccountId`, options.storageAccountId, STORAGE_ACCOUNT_ID_RULE)
    .check(`${subject}.eventHubAuthorizationRuleId`, options.eventHubAuthorizationRuleId, EVENT_HUB_AUTHORIZATION_RULE_ID_RULE)
    .check(`${subject}.eventHubName`, options.eventHubName, EVENT_HUB_NAME_RULE)
    .check(`${subject}.name`, options.name, DIAGNOSTIC_SETTING_NAME_RULE);
  const logNames = [...new Set(kinds.flatMap((kind) => kind.diagnostics.logs))];
  const metricNames = [...new Set(kinds.flatMap((kind) => kind.diagnostics.metrics))];
  const of = kinds.length === 1 ? ` of a ${kinds[0].label}` : '';
  problems
    .checkEach(`${subject}.logCategories`, options.logCategories, listRule(`a log category${of}`, logNames))
    .checkEach(`${subject}.logCategoryGroups`, options.logCategoryGroups as string[] | undefined, CATEGORY_GROUP_RULE)
    .checkEach(`${subject}.metricCategories`, options.metricCategories, listRule(`a metric category${of}`, metricNames));
  if (
    options.logCategories !== undefined &&
    options.logCategoryGroups !== undefined &&
    !isUnresolved(options.logCategories) &&
    !isUnresolved(options.logCategoryGroups) &&
    options.logCategories.length > 0 &&
    options.logCategoryGroups.length > 0
  ) {
    problems.add(`${subject} takes logCategories or logCategoryGroups, not both: a group already includes its categories. Drop one.`);
  }
  const listsKnown = [options.logCategories, options.logCategoryGroups, options.metricCategories].every(
    (list) => list === undefined || (Array.isArray(list) && !isUnresolved(list)),
  );
  if (listsKnown && kinds.every((kind) => enablesNothing(enabledCategories(options, kind)))) {
    problems.add(
      `${subject} enables no log and no metric category${of}: Azure Monitor needs at least one. Give a category, or pass false to switch monitoring off.`,
    );
  }
  const destinations = [options.logAnalyticsWorkspaceId, options.storageAccountId, options.eventHubAuthorizationRuleId];
  if (destinations.every((destination) => destination === undefined)) {
    problems.add(
      `${subject} has no destination: give logAnalyticsWorkspaceId, storageAccountId or eventHubAuthorizationRuleId (Azure Monitor needs at least one), or pass false to switch monitoring off.`,
    );
  }
  if (options.logAnalyticsDestinationType !== undefined && options.logAnalyticsWorkspaceId === undefined) {
    problems.add(
      `${subject}.logAnalyticsDestinationType is set without logAnalyticsWorkspaceId: it only applies to a Log Analytics destination. Add logAnalyticsWorkspaceId or drop it.`,
    );
  }
  if (options.eventHubName !== undefined && options.eventHubAuthorizationRuleId === undefined) {
    problems.add(
      `${subject}.eventHubName is set without eventHubAuthorizationRuleId: the event hub is reached through the namespace's authorization rule. Add eventHubAuthorizationRuleId or drop eventHubName.`,
    );
  }
}
