import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Annotations } from 'cdktf';
import type { HealthDataService } from '../core/health-data-service';
import { resourceIdOf } from '../core/primary-resource';
import { InputProblems } from '../core/validation';
import { lockAfter } from '../lock/workspace-lock';
import type { IWorkspace } from '../workspace';
import { DIAGNOSTIC_CATEGORIES } from './log-categories';
import { checkMonitoringOptions, MonitoringOptions } from './monitoring-options';

/** The construct id of a service's diagnostic setting (construct ids are API: renaming replaces the resource). */
export const DIAGNOSTIC_SETTING_ID = 'DiagnosticSetting';

const workspaceDefaults = new WeakMap<IWorkspace, MonitoringOptions>();
const serviceChoices = new WeakMap<HealthDataService, { readonly name: string; readonly monitoring?: MonitoringOptions | false }>();
const reachedWorkspaces = new WeakSet<IWorkspace>();

/**
 * Monitoring declared once on the workspace: every service of it — those defined so far and each one defined later —
 * gets a diagnostic setting with its kind's log categories and `AllMetrics`, unless the service overrides or opts out.
 */
export function configureWorkspaceMonitoring(workspace: IWorkspace, options: MonitoringOptions | undefined): void {
  if (options === undefined) return;
  const problems = new InputProblems(workspace);
  checkMonitoringOptions(problems, 'Workspace monitoring', options);
  problems.throwIfAny();
  workspaceDefaults.set(workspace, options);
  reach(workspace);
}

/**
 * Records a service's own choice (its `monitoring` prop) before the service attaches to its workspace. The caller
 * has checked the options into the service's problems.
 */
export function declareServiceMonitoring(service: HealthDataService, name: string, monitoring: MonitoringOptions | false | undefined): void {
  serviceChoices.set(service, { name, monitoring });
  if (monitoring) reach(service.workspace);
}

export { checkMonitoringOptions };

/** The diagnostic setting of a service, if it has one. */
export function diagnosticSettingOf(service: HealthDataService): MonitorDiagnosticSetting | undefined {
  const child = service.node.tryFindChild(DIAGNOSTIC_SETTING_ID);
  return child instanceof MonitorDiagnosticSetting ? child : undefined;
}

function reach(workspace: IWorkspace): void {
  if (reachedWorkspaces.has(workspace)) return;
  reachedWorkspaces.add(workspace);
  workspace.forEachService(monitor);
}

function monitor(service: HealthDataService): void {
  if (diagnosticSettingOf(service)) return;
  const choice = serviceChoices.get(service);
  const options = choice?.monitoring === undefined ? workspaceDefaults.get(service.workspace) : choice.monitoring;
  if (!options) return;
  const categories = DIAGNOSTIC_CATEGORIES[service.kind.label];
  if (!categories) {
    Annotations.of(service).addWarning(`${service.kind.label} has no known diagnostic categories; no diagnostic setting was defined for it.`);
    return;
  }
  const setting = new MonitorDiagnosticSetting(service, DIAGNOSTIC_SETTING_ID, {
    name: options.name ?? `diag-${choice?.name ?? service.node.id}`,
    targetResourceId: resourceIdOf(service),
    logAnalyticsWorkspaceId: options.logAnalyticsWorkspaceId,
    logAnalyticsDestinationType: options.logAnalyticsDestinationType,
    storageAccountId: options.storageAccountId,
    eventhubAuthorizationRuleId: options.eventHubAuthorizationRuleId,
    eventhubName: options.eventHubName,
    enabledLog: categories.logs.map((category) => ({ category })),
    enabledMetric: categories.metrics.map((category) => ({ category })),
  });
  lockAfter(service.workspace, setting);
}
