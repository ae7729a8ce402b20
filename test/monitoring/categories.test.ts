import { TerraformVariable } from 'cdktf';
import { MonitoringOptions, Workspace } from '../../lib';
import { addMedTech, BASE_WORKSPACE, LAW_ID } from '../boundary-fixtures';
import { errorOf, synth } from '../helpers';

const SETTING = 'azurerm_monitor_diagnostic_setting';

function settingsOf(workspaceMonitoring: MonitoringOptions, build?: (workspace: Workspace) => void) {
  const result = synth((stack) => {
    const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring: workspaceMonitoring });
    if (build) build(workspace);
    else {
      workspace.addFhirService('Patients', { name: 'patients' });
      workspace.addDicomService('Images', { name: 'images' });
    }
  });
  const byService = new Map(result.resources(SETTING).map((setting) => [String(setting.name), setting]));
  return (name: string) => byService.get(name)!;
}

describe('diagnostic categories and the setting name', () => {
  test('metrics only: logCategories [] sends AllMetrics and no logs', () => {
    const setting = settingsOf({ logAnalyticsWorkspaceId: LAW_ID, logCategories: [] });
    expect(setting('diag-patients').enabled_log).toBeUndefined();
    expect(setting('diag-patients').enabled_metric).toEqual([{ category: 'AllMetrics' }]);
  });

  test("logs only: metricCategories [] sends the kind's logs and no metrics", () => {
    const setting = settingsOf({ logAnalyticsWorkspaceId: LAW_ID, metricCategories: [] });
    expect(setting('diag-images').enabled_log).toEqual([{ category: 'AuditLogs' }, { category: 'DiagnosticLogs' }]);
    expect(setting('diag-images').enabled_metric).toBeUndefined();
  });

  test('chosen categories on the workspace: each service gets those its kind has', () => {
    const setting = settingsOf({ logAnalyticsWorkspaceId: LAW_ID, logCategories: ['AuditLogs'] });
    expect(setting('diag-patients').enabled_log).toEqual([{ category: 'AuditLogs' }]);
    expect(setting('diag-images').enabled_log).toEqual([{ category: 'AuditLogs' }]);
  });

  test.each(['audit', 'allLogs'] as const)('category group %s instead of categories', (group) => {
    const setting = settingsOf({ logAnalyticsWorkspaceId: LAW_ID, logCategoryGroups: [group] });
    expect(setting('diag-patients').enabled_log).toEqual([{ category_group: group }]);
    expect(setting('diag-images').enabled_log).toEqual([{ category_group: group }]);
    expect(setting('diag-images').enabled_metric).toEqual([{ category: 'AllMetrics' }]);
  });

  test("the setting's name, on the workspace and per service", () => {
    const setting = settingsOf({ logAnalyticsWorkspaceId: LAW_ID, name: 'to-sentinel' }, (workspace) => {
      workspace.addFhirService('Patients', { name: 'patients' });
      workspace.addDicomService('Images', {
        name: 'images',
        monitoring: { logAnalyticsWorkspaceId: LAW_ID, name: 'imaging-audit', logCategories: ['AuditLogs'], metricCategories: [] },
      });
    });
    expect(setting('to-sentinel').target_resource_id).toMatch(/azurerm_healthcare_fhir_service/);
    expect(setting('imaging-audit')).toMatchObject({ enabled_log: [{ category: 'AuditLogs' }] });
    expect(setting('imaging-audit').enabled_metric).toBeUndefined();
  });

  test.each<[string, MonitoringOptions, RegExp]>([
    [
      'an unknown category',
      { logAnalyticsWorkspaceId: LAW_ID, logCategories: ['Audit'] },
      /Workspace monitoring\.logCategories\[0\] "Audit" is invalid: a log category: one of "AuditLogs", "DiagnosticLogs"/,
    ],
    [
      'a wrongly spelled group',
      { logAnalyticsWorkspaceId: LAW_ID, logCategoryGroups: ['alllogs' as 'allLogs'] },
      /Workspace monitoring\.logCategoryGroups\[0\] "alllogs" is invalid: a category group: one of "audit", "allLogs"\. Use "allLogs"\./,
    ],
    [
      'categories and groups together',
      { logAnalyticsWorkspaceId: LAW_ID, logCategories: ['AuditLogs'], logCategoryGroups: ['audit'] },
      /takes logCategories or logCategoryGroups, not both/,
    ],
    [
      'nothing at all',
      { logAnalyticsWorkspaceId: LAW_ID, logCategories: [], metricCategories: [] },
      /Workspace monitoring enables no log and no metric category: Azure Monitor needs at least one/,
    ],
    [
      'an unknown metric category',
      { logAnalyticsWorkspaceId: LAW_ID, metricCategories: ['Metrics'] },
      /Workspace monitoring\.metricCategories\[0\] "Metrics" is invalid: a metric category: one of "AllMetrics"/,
    ],
  ])('%s fails on the workspace', (_name, monitoring, expected) => {
    expect(errorOf(() => synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring })))).toMatch(expected);
  });

  test("a service's own options are checked against its kind's categories", () => {
    expect(
      errorOf(() =>
        synth((stack) =>
          new Workspace(stack, 'Health', BASE_WORKSPACE).addFhirService('Patients', {
            name: 'patients',
            monitoring: { logAnalyticsWorkspaceId: LAW_ID, logCategories: ['DiagnosticLogs'] },
          }),
        ),
      ),
    ).toMatch(
      /^\[stack\/Health\/Patients\] FhirService monitoring\.logCategories\[0\] "DiagnosticLogs" is invalid: a log category of a FhirService: one of "AuditLogs"/,
    );
  });

  test('workspace categories that leave a service with nothing fail at that service', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          const workspace = new Workspace(stack, 'Health', {
            ...BASE_WORKSPACE,
            monitoring: { logAnalyticsWorkspaceId: LAW_ID, logCategories: ['AuditLogs'], metricCategories: [] },
          });
          workspace.addFhirService('Patients', { name: 'patients' });
          addMedTech(workspace);
        }),
      ),
    ).toMatch(
      /^\[stack\/Health\/Devices\] MedTechService would get a diagnostic setting from the workspace's monitoring that enables none of its categories .*Give the service monitoring of its own, or monitoring: false\./,
    );
  });
});

test('token category lists are not rejected', () => {
  const result = synth((stack) => {
    const categories = new TerraformVariable(stack, 'categories', { type: 'list(string)' });
    new Workspace(stack, 'Health', {
      ...BASE_WORKSPACE,
      monitoring: { logAnalyticsWorkspaceId: LAW_ID, metricCategories: categories.listValue },
    }).addFhirService('Patients', { name: 'patients' });
  });
  const setting = result.resource(SETTING);
  expect(setting.enabled_log).toEqual([{ category: 'AuditLogs' }]);
  // Known only at plan time: one dynamic block per category of the list.
  expect(setting.enabled_metric).toBeUndefined();
  expect(setting.dynamic).toEqual({
    enabled_metric: { for_each: '${toset(var.categories)}', iterator: 'each', content: { category: '${each.value}' } },
  });
});

test('token log categories and groups become dynamic blocks too', () => {
  const result = synth((stack) => {
    const groups = new TerraformVariable(stack, 'groups', { type: 'list(string)' });
    new Workspace(stack, 'Health', {
      ...BASE_WORKSPACE,
      monitoring: { logAnalyticsWorkspaceId: LAW_ID, logCategoryGroups: groups.listValue as ('audit' | 'allLogs')[] },
    }).addFhirService('Patients', { name: 'patients' });
  });
  const setting = result.resource(SETTING);
  expect(setting.dynamic.enabled_log).toEqual({ for_each: '${toset(var.groups)}', iterator: 'each', content: { category_group: '${each.value}' } });
  expect(setting.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
});
