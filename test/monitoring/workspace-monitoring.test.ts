import { TerraformVariable } from 'cdktf';
import { DicomService, FhirService, MonitoringOptions, Workspace } from '../../lib';
import { addMedTech, ARCHIVE_ID, BASE_WORKSPACE, EVENT_HUB_RULE_ID, LAW_ID, OTHER_LAW_ID } from '../boundary-fixtures';
import { Block, errorOf, synth } from '../helpers';

const SETTING = 'azurerm_monitor_diagnostic_setting';
const monitoring: MonitoringOptions = { logAnalyticsWorkspaceId: LAW_ID };

/** The diagnostic setting whose target is the resource at `path` (its construct path, e.g. "stack/Health/Patients"). */
function settingFor(settings: Block[], json: Block, type: string, path: string): Block | undefined {
  const [name] = Object.entries(json.resource[type]).find(([, block]) => (block as Block)['//'].metadata.path === `${path}/Resource`)!;
  return settings.find((setting) => setting.target_resource_id === `\${${type}.${name}.id}`);
}

describe('Workspace monitoring', () => {
  test('gives every service a diagnostic setting with its real log categories and AllMetrics, and none to the workspace', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring });
      workspace.addFhirService('Patients', { name: 'patients' });
      workspace.addDicomService('Images', { name: 'images' });
      addMedTech(workspace);
    });
    const settings = result.resources(SETTING);
    expect(settings).toHaveLength(3);
    const fhir = settingFor(settings, result.json, 'azurerm_healthcare_fhir_service', 'stack/Health/Patients');
    const dicom = settingFor(settings, result.json, 'azurerm_healthcare_dicom_service', 'stack/Health/Images');
    const medtech = settingFor(settings, result.json, 'azurerm_healthcare_medtech_service', 'stack/Health/Devices');
    expect(fhir).toMatchObject({
      name: 'diag-patients',
      log_analytics_workspace_id: LAW_ID,
      enabled_log: [{ category: 'AuditLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(dicom).toMatchObject({
      enabled_log: [{ category: 'AuditLogs' }, { category: 'DiagnosticLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(medtech).toMatchObject({ enabled_log: [{ category: 'DiagnosticLogs' }], enabled_metric: [{ category: 'AllMetrics' }] });
    expect(settings.some((setting) => String(setting.target_resource_id).includes('azurerm_healthcare_workspace'))).toBe(false);
  });

  test('reaches services defined later, including standalone services that name the workspace', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring });
      workspace.addFhirService('First', { name: 'first' });
      new FhirService(stack, 'Standalone', { name: 'standalone', workspace });
      new DicomService(workspace, 'Nested', { name: 'nested' });
    });
    expect(
      result
        .resources(SETTING)
        .map((setting) => setting.name)
        .sort(),
    ).toEqual(['diag-first', 'diag-nested', 'diag-standalone']);
  });

  test('sends to every destination given, with the provider argument names', () => {
    const setting = synth((stack) => {
      new Workspace(stack, 'Health', {
        ...BASE_WORKSPACE,
        monitoring: {
          logAnalyticsWorkspaceId: LAW_ID,
          logAnalyticsDestinationType: 'Dedicated',
          storageAccountId: ARCHIVE_ID,
          eventHubAuthorizationRuleId: EVENT_HUB_RULE_ID,
          eventHubName: 'health-audit',
          name: 'to-soc',
        },
      }).addFhirService('Patients', { name: 'patients' });
    }).resource(SETTING);
    expect(setting).toMatchObject({
      name: 'to-soc',
      log_analytics_workspace_id: LAW_ID,
      log_analytics_destination_type: 'Dedicated',
      storage_account_id: ARCHIVE_ID,
      eventhub_authorization_rule_id: EVENT_HUB_RULE_ID,
      eventhub_name: 'health-audit',
    });
  });

  test("a service's own monitoring replaces the workspace's", () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring });
      workspace.addFhirService('Patients', { name: 'patients' });
      workspace.addDicomService('Images', { name: 'images', monitoring: { logAnalyticsWorkspaceId: OTHER_LAW_ID, storageAccountId: ARCHIVE_ID } });
    });
    const byName = Object.fromEntries(result.resources(SETTING).map((setting) => [setting.name, setting]));
    expect(byName['diag-patients'].log_analytics_workspace_id).toBe(LAW_ID);
    expect(byName['diag-images']).toMatchObject({ log_analytics_workspace_id: OTHER_LAW_ID, storage_account_id: ARCHIVE_ID });
  });

  test('a service opts out with monitoring: false', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring });
      workspace.addFhirService('Patients', { name: 'patients' });
      workspace.addDicomService('Scratch', { name: 'scratch', monitoring: false });
      addMedTech(workspace, 'Devices', { monitoring: false });
    });
    expect(result.resources(SETTING).map((setting) => setting.name)).toEqual(['diag-patients']);
  });

  test('a service monitors itself in a workspace without monitoring, also an imported one', () => {
    const result = synth((stack) => {
      new Workspace(stack, 'Health', BASE_WORKSPACE).addFhirService('Patients', { name: 'patients', monitoring });
      const imported = Workspace.fromWorkspaceAttributes(stack, 'Shared', {
        workspaceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.HealthcareApis/workspaces/shared',
        location: 'eastus',
      });
      imported.addDicomService('Images', { name: 'images', monitoring });
      imported.addFhirService('Unmonitored', { name: 'unmonitored' });
    });
    expect(
      result
        .resources(SETTING)
        .map((setting) => setting.name)
        .sort(),
    ).toEqual(['diag-images', 'diag-patients']);
  });

  test('no monitoring, no diagnostic settings', () => {
    const result = synth((stack) => new Workspace(stack, 'Health', BASE_WORKSPACE).addFhirService('Patients', { name: 'patients' }));
    expect(result.resources(SETTING)).toEqual([]);
  });

  test('keeps the diagnostic setting as the service child "DiagnosticSetting"', () => {
    synth((stack) => {
      const fhir = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring }).addFhirService('Patients', { name: 'patients' });
      expect(fhir.node.tryFindChild('DiagnosticSetting')).toBeDefined();
    });
  });

  test('accepts tokens for the destinations', () => {
    const setting = synth((stack) => {
      const law = new TerraformVariable(stack, 'law', { type: 'string' });
      new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring: { logAnalyticsWorkspaceId: law.stringValue } }).addFhirService('Patients', {
        name: 'patients',
      });
    }).resource(SETTING);
    expect(setting.log_analytics_workspace_id).toBe('${var.law}');
  });

  describe('fails with the construct path, the value, the rule and the fix', () => {
    const cases: Array<[string, MonitoringOptions, RegExp]> = [
      [
        'without a destination',
        { logAnalyticsDestinationType: 'Dedicated' },
        /\[stack\/Health\] Workspace monitoring has no destination: give logAnalyticsWorkspaceId, storageAccountId or eventHubAuthorizationRuleId/,
      ],
      [
        'with a Log Analytics id of the wrong shape',
        { logAnalyticsWorkspaceId: 'law-health' },
        /Workspace monitoring\.logAnalyticsWorkspaceId "law-health" is invalid: a Log Analytics workspace id of the form \/subscriptions\/\{subscription\}/,
      ],
      [
        'with a storage account name instead of its id',
        { storageAccountId: 'starchive' },
        /Workspace monitoring\.storageAccountId "starchive" is invalid: a storage account id/,
      ],
      [
        'with an event hub id instead of an authorization rule id',
        { eventHubAuthorizationRuleId: `${EVENT_HUB_RULE_ID.split('/authorizationRules')[0]}/eventhubs/audit` },
        /eventHubAuthorizationRuleId .* is invalid: an Event Hubs namespace authorization rule id/,
      ],
      [
        'with an event hub name but no authorization rule',
        { logAnalyticsWorkspaceId: LAW_ID, eventHubName: 'audit' },
        /eventHubName is set without eventHubAuthorizationRuleId/,
      ],
      [
        'with a destination type but no Log Analytics workspace',
        { storageAccountId: ARCHIVE_ID, logAnalyticsDestinationType: 'Dedicated' },
        /logAnalyticsDestinationType is set without logAnalyticsWorkspaceId/,
      ],
      [
        'with a misspelt destination type',
        { logAnalyticsWorkspaceId: LAW_ID, logAnalyticsDestinationType: 'dedicated' as 'Dedicated' },
        /logAnalyticsDestinationType "dedicated" is invalid: one of "Dedicated", "AzureDiagnostics"\. Use "Dedicated"\./,
      ],
      [
        'with a setting name Azure rejects',
        { logAnalyticsWorkspaceId: LAW_ID, name: 'audit/fhir' },
        /monitoring\.name "audit\/fhir" is invalid: 1-260 characters.*Use e\.g\. "audit-fhir"/,
      ],
    ];
    test.each(cases)('%s', (_name, options, expected) => {
      expect(errorOf(() => synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring: options })))).toMatch(expected);
    });

    test("on a service's own monitoring, naming the service", () => {
      const message = errorOf(() =>
        synth((stack) =>
          new Workspace(stack, 'Health', BASE_WORKSPACE).addDicomService('Images', { name: 'images', monitoring: { eventHubName: 'audit' } }),
        ),
      );
      expect(message).toMatch(/\[stack\/Health\/Images\] DicomService monitoring has no destination/);
      expect(message).toMatch(/DicomService monitoring\.eventHubName is set without eventHubAuthorizationRuleId/);
    });
  });
});
