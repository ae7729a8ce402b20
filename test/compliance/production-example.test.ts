import { buildExamples } from '../../examples/main';
import { ComplianceReport, ComplianceResult, HealthDataRole } from '../../lib';
import { Block, synthApp } from '../helpers';

/** Synthesizes the examples app with the real app.synth() and reads the production stack and its report. */
function production() {
  const result = synthApp((app) => buildExamples(app));
  return { stack: result.stack('production'), report: JSON.parse(result.read('production', 'health-data-compliance.json')) as ComplianceReport };
}

describe('the production example', () => {
  const { stack, report } = production();

  test('passes the compliance check clean, with one suppression and its reason', () => {
    expect(stack.annotations).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, unknown: 0, suppressed: 1 });
    expect(report.findings.filter((finding) => finding.result === ComplianceResult.NON_COMPLIANT)).toEqual([
      expect.objectContaining({
        ruleId: 'AHDS-CUSTOMER-MANAGED-KEY',
        constructPath: 'production/Health/Imaging',
        suppressed: true,
        suppressionReason: expect.stringContaining('SR-2024-117'),
      }),
    ]);
    expect(
      report.findings.find((finding) => finding.ruleId === 'AHDS-DATA-RESIDENCY' && finding.constructPath === 'production/Health/Records')?.result,
    ).toBe(ComplianceResult.COMPLIANT);
  });

  test('monitors both services into the Log Analytics workspace, resource-specific tables', () => {
    expect(
      stack
        .resources('azurerm_monitor_diagnostic_setting')
        .map((setting) => [setting.name, setting.log_analytics_workspace_id, setting.log_analytics_destination_type]),
    ).toEqual([
      ['diag-imaging', '${azurerm_log_analytics_workspace.Logs.id}', 'Dedicated'],
      ['diag-records', '${azurerm_log_analytics_workspace.Logs.id}', 'Dedicated'],
    ]);
  });

  test('locks the workspace, isolates it behind a private endpoint with its DNS zones, and closes DICOM public access', () => {
    expect(stack.resource('azurerm_management_lock')).toMatchObject({
      name: 'lock-healthprod-phi',
      lock_level: 'CanNotDelete',
      notes: 'PHI: deleting the workspace or a service needs change board approval.',
      scope: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
    });
    expect(stack.resource('azapi_update_resource')).toMatchObject({
      resource_id: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
      body: { properties: { publicNetworkAccess: 'Disabled' } },
    });
    expect(stack.resource('azurerm_private_endpoint')).toMatchObject({
      subnet_id: '${azurerm_subnet.EndpointSubnet.id}',
      private_service_connection: { subresource_names: ['healthcareworkspace'] },
    });
    expect(stack.resources('azurerm_private_dns_zone')).toHaveLength(3);
    expect(stack.resource('azurerm_healthcare_dicom_service').public_network_access_enabled).toBe(false);
  });

  test('grants per service and workspace-wide, to principals given as variables', () => {
    const grants = stack.resources('azurerm_role_assignment').filter((grant: Block) => grant.role_definition_id !== undefined);
    const byRole = Object.fromEntries(
      grants.map((grant: Block) => [String(grant.role_definition_id).split('/').pop(), [grant.scope, grant.principal_id, grant.principal_type]]),
    );
    expect(byRole[HealthDataRole.FHIR_DATA_READER.roleDefinitionGuid]).toEqual([
      expect.stringMatching(/^\$\{azapi_resource\./),
      '${var.clinicians_group_id}',
      'Group',
    ]);
    expect(byRole[HealthDataRole.DICOM_DATA_OWNER.roleDefinitionGuid]).toEqual([
      expect.stringMatching(/^\$\{azurerm_healthcare_dicom_service\./),
      '${var.radiologists_group_id}',
      'Group',
    ]);
    expect(byRole[HealthDataRole.FHIR_DATA_WRITER.roleDefinitionGuid]).toEqual([
      '${azurerm_healthcare_workspace.Health_02A586CD.id}',
      '${var.integration_principal_id}',
      'ServicePrincipal',
    ]);
  });

  test('the FHIR service is one azapi_resource with the customer-managed key, versioning and $import, moved from its azurerm address', () => {
    const fhir = stack.resource('azapi_resource');
    expect(fhir).toMatchObject({
      type: 'Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31',
      identity: [{ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.FhirIdentity.id}'] }],
      lifecycle: { prevent_destroy: true },
    });
    expect(fhir.body.properties).toMatchObject({
      encryption: { customerManagedKeyEncryption: { keyEncryptionKeyUrl: '${azurerm_key_vault_key.FhirKey.id}' } },
      resourceVersionPolicyConfiguration: { default: 'versioned', resourceTypeOverrides: { Observation: 'no-version' } },
      importConfiguration: { integrationDataStore: '${azurerm_storage_account.ImportAccount.name}', enabled: true, initialImportMode: false },
      exportConfiguration: { storageAccountName: '${azurerm_storage_account.ExportAccount.name}' },
    });
    // The key is known only at plan time: its URL rule runs there.
    expect(fhir.lifecycle.precondition).toHaveLength(1);
    expect(stack.json.moved).toEqual([
      { from: 'azurerm_healthcare_fhir_service.Health_Records_F371237D', to: 'azapi_resource.Health_Records_F371237D' },
    ]);
    expect(stack.json.terraform.required_version).toBe('>= 1.8.0');
  });

  test("the identity holds the key and store roles before the service exists; the service waits for the workspace's network setting and the event subscription", () => {
    const access = stack
      .resources('azurerm_role_assignment')
      .filter((grant: Block) => grant.principal_id === '${azurerm_user_assigned_identity.FhirIdentity.principal_id}');
    expect(access.map((grant: Block) => [grant.scope, grant.role_definition_name])).toEqual(
      expect.arrayContaining([
        ['${azurerm_key_vault_key.FhirKey.resource_id}', 'Key Vault Crypto Service Encryption User'],
        ['${azurerm_storage_account.ExportAccount.id}', 'Storage Blob Data Contributor'],
        ['${azurerm_storage_account.ImportAccount.id}', 'Storage Blob Data Contributor'],
      ]),
    );
    expect(stack.resource('azapi_resource').depends_on).toEqual([
      'azurerm_role_assignment.FhirKeyAccess',
      'azurerm_role_assignment.FhirExportAccess',
      'azurerm_role_assignment.FhirImportAccess',
      'azapi_update_resource.Health_PublicNetworkAccess_4B8BC0CC',
      'azurerm_eventgrid_system_topic_event_subscription.Health_RecordEvents_95795878',
    ]);
  });

  test("record changes go to an event hub through the workspace's system topic", () => {
    expect(stack.resource('azurerm_eventgrid_system_topic')).toMatchObject({
      name: 'healthprod-events',
      topic_type: 'Microsoft.HealthcareApis.Workspaces',
    });
    expect(stack.resource('azurerm_eventgrid_system_topic_event_subscription')).toMatchObject({
      eventhub_endpoint_id: '${azurerm_eventhub.RecordChanges.id}',
      included_event_types: [
        'Microsoft.HealthcareApis.FhirResourceCreated',
        'Microsoft.HealthcareApis.FhirResourceUpdated',
        'Microsoft.HealthcareApis.FhirResourceDeleted',
      ],
      advanced_filter: { string_begins_with: [{ key: 'subject', values: ['healthprod-records.fhir.azurehealthcareapis.com/'] }] },
    });
  });
});
