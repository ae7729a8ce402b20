import { boundaryOf, WorkspaceBoundary } from '../core/boundary';
import type { IHealthDataService, IWorkspaceFeature, IWorkspaceRef } from '../core/boundary';
import { MonitorDiagnosticSetting } from '../core/platform/azurerm';
import { TerraformIterator } from '../core/platform/cdktf';
import type { IResolvable } from '../core/platform/cdktf';
import { fail, InputProblems, isUnresolved } from '../core/validation';
import { checkMonitoringOptions, enabledCategories, EnabledCategories, enablesNothing, MonitoringOptions } from './monitoring-options';

/** The construct id of a service's diagnostic setting (construct ids are API: renaming replaces the resource). */
export const DIAGNOSTIC_SETTING_ID = 'DiagnosticSetting';

/**
 * Monitoring of a workspace's services: one `azurerm_monitor_diagnostic_setting` per service, with its kind's log
 * categories and metrics, for the services defined before and after. The workspace's `monitoring` is the default; a
 * service's own `monitoring` replaces it, `false` opts the service out.
 */
export class WorkspaceMonitoring implements IWorkspaceFeature {
  /** Monitoring declared once on the workspace, for every service of it. */
  public static configureWorkspace(workspace: IWorkspaceRef, options: MonitoringOptions | undefined): void {
    if (options === undefined) return;
    const problems = new InputProblems(workspace);
    checkMonitoringOptions(problems, 'Workspace monitoring', options);
    problems.throwIfAny();
    boundaryOf(workspace).feature(WorkspaceMonitoring).workspaceDefault = options;
  }

  /**
   * Records a service's own choice (its `monitoring` prop, checked by the service) before the service joins its
   * workspace. Own destinations switch the feature on for the workspace; an opt-out only matters where it is on.
   */
  public static configureService(service: IHealthDataService, monitoring: MonitoringOptions | false | undefined): void {
    if (monitoring === undefined) return;
    const boundary = boundaryOf(service.workspace);
    const feature = monitoring === false ? boundary.findFeature(WorkspaceMonitoring) : boundary.feature(WorkspaceMonitoring);
    feature?.serviceChoices.set(service, monitoring);
  }

  private workspaceDefault?: MonitoringOptions;
  private readonly serviceChoices = new Map<IHealthDataService, MonitoringOptions | false>();

  constructor(_boundary: WorkspaceBoundary) {}

  public applyToService(service: IHealthDataService): void {
    if (service.node.tryFindChild(DIAGNOSTIC_SETTING_ID)) return;
    const choice = this.serviceChoices.get(service);
    const options = choice === undefined ? this.workspaceDefault : choice;
    if (!options) return;
    const categories = enabledCategories(options, service.serviceKind);
    if (enablesNothing(categories)) {
      fail(
        service,
        `${service.serviceKind.label} would get a diagnostic setting from the workspace's monitoring that enables none of its categories (logs ${JSON.stringify(service.serviceKind.diagnostics.logs)}, metrics ${JSON.stringify(service.serviceKind.diagnostics.metrics)}): Azure Monitor needs at least one. ` +
          'Give the service monitoring of its own, or monitoring: false.',
      );
    }
    new MonitorDiagnosticSetting(service, DIAGNOSTIC_SETTING_ID, {
      name: options.name ?? `diag-${service.serviceName}`,
      targetResourceId: service.resource.getStringAttribute('id'),
      logAnalyticsWorkspaceId: options.logAnalyticsWorkspaceId,
      logAnalyticsDestinationType: options.logAnalyticsDestinationType,
      storageAccountId: options.storageAccountId,
      eventhubAuthorizationRuleId: options.eventHubAuthorizationRuleId,
      eventhubName: options.eventHubName,
      enabledLog: logBlocks(categories),
      enabledMetric: isUnresolved(categories.metrics)
        ? blocksOf(categories.metrics, 'category')
        : orUndefined(categories.metrics.map((category) => ({ category }))),
    });
  }
}

/** `enabled_log` blocks: one per category and per group; a list known only at plan time becomes a dynamic block. */
function logBlocks(categories: EnabledCategories): Array<{ category?: string; categoryGroup?: string }> | IResolvable | undefined {
  if (isUnresolved(categories.logs)) return blocksOf(categories.logs, 'category');
  if (isUnresolved(categories.logGroups)) return blocksOf(categories.logGroups, 'categoryGroup');
  return orUndefined([...categories.logs.map((category) => ({ category })), ...categories.logGroups.map((categoryGroup) => ({ categoryGroup }))]);
}

function blocksOf(list: string[], key: 'category' | 'categoryGroup'): IResolvable {
  const iterator = TerraformIterator.fromList(list);
  return iterator.dynamic({ [key === 'category' ? 'category' : 'category_group']: iterator.value });
}

function orUndefined<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
