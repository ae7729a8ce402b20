/**
 * Every rule of the pack against a FHIR service written through AzAPI (one azapi_resource): the rules read the ARM
 * body (body.properties.*) and the azapi_resource's arguments, and reach the same verdicts as for azurerm.
 */
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { AzapiResource, ComplianceResult, HealthDataCompliance, HealthDataRole, RemovalPolicy, Workspace } from '../../lib';
import { addMedTech, BASE_WORKSPACE, LAW_ID, SUBNET_ID } from '../boundary-fixtures';
import { compliantWorkspace, FHIR_KEY, FHIR_PATH, runCompliance, WORKSPACE_PATH } from './helpers';

const SMART_PROVIDER = {
  authority: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/v2.0',
  applications: [{ clientId: 'patient-app', audience: 'fhir-api', allowedDataActions: ['Read'] }],
};

describe('the rule pack on an AzAPI FHIR service', () => {
  test('a compliant AzAPI FHIR service: every FHIR rule is compliant or not applicable, each finding names azapi_resource', () => {
    const run = runCompliance((stack) => {
      const fhir = compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', ...FHIR_KEY });
      expect(fhir.resource).toBeInstanceOf(AzapiResource);
    });
    expect(run.error).toBeUndefined();
    expect(run.annotations).toEqual([]);
    const findings = run.report.findings.filter((finding) => finding.constructPath === FHIR_PATH);
    expect(findings.map((finding) => finding.ruleId)).toEqual(
      HealthDataCompliance.rules.filter((rule) => rule.appliesTo.includes('azapi_resource')).map((rule) => rule.id),
    );
    expect(new Set(findings.map((finding) => finding.resourceType))).toEqual(new Set(['azapi_resource']));
    expect(findings.map((finding) => [finding.ruleId, finding.result])).toEqual([
      ['AHDS-CORS-WILDCARD-ORIGIN', ComplianceResult.NOT_APPLICABLE],
      ['AHDS-CORS-WILDCARD-CREDENTIALS', ComplianceResult.NOT_APPLICABLE],
      ['AHDS-CUSTOMER-MANAGED-KEY', ComplianceResult.COMPLIANT],
      ['AHDS-PUBLIC-NETWORK-ACCESS', ComplianceResult.COMPLIANT],
      ['AHDS-AUDIT-LOGS', ComplianceResult.COMPLIANT],
      ['AHDS-MANAGED-IDENTITY', ComplianceResult.COMPLIANT],
      ['AHDS-DELETION-PROTECTION', ComplianceResult.COMPLIANT],
      ['AHDS-FHIR-AUTHORITY-TENANT', ComplianceResult.COMPLIANT],
      ['AHDS-DATA-RESIDENCY', ComplianceResult.NOT_APPLICABLE],
    ]);
    expect(run.finding('AHDS-AUDIT-LOGS', FHIR_PATH).reason).toMatch(
      /^FhirService azurerm_monitor_diagnostic_setting\.Health_Patients_DiagnosticSetting_[0-9A-F]{8} sends its AuditLogs$/,
    );
    expect(run.finding('AHDS-MANAGED-IDENTITY', FHIR_PATH).reason).toBe('FhirService identity type "UserAssigned"');
    expect(run.finding('AHDS-FHIR-AUTHORITY-TENANT', FHIR_PATH).reason).toMatch(
      /^FhirService body\.properties\.authenticationConfiguration\.authority "https:\/\/login\.microsoftonline\.com\/\$\{data\.azurerm_client_config\.\w+\.tenant_id\}" is the deploying tenant$/,
    );
  });

  test('CORS: a wildcard origin with credentials in corsConfiguration fails both CORS rules, naming the ARM paths', () => {
    const run = runCompliance((stack) =>
      compliantWorkspace(stack).addFhirService('Patients', {
        name: 'patients',
        ...FHIR_KEY,
        cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['GET'], allowCredentials: true },
      }),
    );
    expect(run.finding('AHDS-CORS-WILDCARD-ORIGIN', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'FhirService body.properties.corsConfiguration.origins ["*"] allows every origin',
    });
    expect(run.finding('AHDS-CORS-WILDCARD-CREDENTIALS', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason:
        'FhirService body.properties.corsConfiguration.origins ["*"] with body.properties.corsConfiguration.allowCredentials true lets every origin send credentials',
    });
    expect(run.error).toContain('[stack/Health/Patients] [AHDS-CORS-WILDCARD-ORIGIN]');
  });

  test('audit logs: no diagnostic setting fails; a category group counts by the kind facts (FHIR audit, MedTech only allLogs)', () => {
    const run = runCompliance((stack) => {
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      workspace.addFhirService('Patients', { name: 'patients', ...FHIR_KEY });
      const grouped = workspace.addFhirService('Grouped', {
        name: 'grouped',
        ...FHIR_KEY,
        monitoring: { logAnalyticsWorkspaceId: LAW_ID, logCategoryGroups: ['audit'] },
      });
      expect(grouped.resource).toBeInstanceOf(AzapiResource);
      const devices = addMedTech(workspace, 'Devices', { monitoring: false });
      new MonitorDiagnosticSetting(stack, 'DeviceAudit', {
        name: 'audit',
        targetResourceId: devices.medTechServiceId,
        logAnalyticsWorkspaceId: LAW_ID,
        enabledLog: [{ categoryGroup: 'audit' }],
      });
      const all = addMedTech(workspace, 'AllDevices', { monitoring: false });
      new MonitorDiagnosticSetting(stack, 'DeviceAll', {
        name: 'all',
        targetResourceId: all.medTechServiceId,
        logAnalyticsWorkspaceId: LAW_ID,
        enabledLog: [{ categoryGroup: 'allLogs' }],
      });
    });
    expect(run.finding('AHDS-AUDIT-LOGS', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      resourceType: 'azapi_resource',
      reason: 'FhirService has no diagnostic setting: its AuditLogs are not kept anywhere',
    });
    expect(run.finding('AHDS-AUDIT-LOGS', 'stack/Health/Grouped')).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: expect.stringMatching(
        /^FhirService azurerm_monitor_diagnostic_setting\.Health_Grouped_DiagnosticSetting_[0-9A-F]{8} sends its AuditLogs \(category group "audit"\)$/,
      ),
    });
    expect(run.finding('AHDS-AUDIT-LOGS', 'stack/Health/Devices')).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: expect.stringContaining('category group "audit": Microsoft does not document that it includes a MedTechService\'s DiagnosticLogs'),
    });
    expect(run.finding('AHDS-AUDIT-LOGS', 'stack/Health/AllDevices')).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'MedTechService azurerm_monitor_diagnostic_setting.DeviceAll sends its DiagnosticLogs (category group "allLogs")',
    });
  });

  test('deletion protection: RemovalPolicy.DESTROY removes prevent_destroy from the azapi_resource; the workspace lock still covers it', () => {
    const run = runCompliance((stack) => {
      compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', ...FHIR_KEY, removalPolicy: RemovalPolicy.DESTROY });
      const locked = new Workspace(stack, 'Locked', {
        ...BASE_WORKSPACE,
        name: 'locked',
        monitoring: { logAnalyticsWorkspaceId: LAW_ID },
        lock: { level: 'CanNotDelete', name: 'keep-phi' },
      });
      locked.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      locked.addFhirService('Patients', { name: 'patients', ...FHIR_KEY, removalPolicy: RemovalPolicy.DESTROY });
    });
    expect(run.finding('AHDS-DELETION-PROTECTION', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'FhirService lifecycle.prevent_destroy is not set and no management lock covers it: terraform destroy deletes it',
    });
    expect(run.finding('AHDS-DELETION-PROTECTION', 'stack/Locked/Patients').reason).toMatch(
      /^FhirService azurerm_management_lock\.Locked_Lock_[0-9A-F]{8} \(CanNotDelete\) covers it$/,
    );
    expect(run.result('AHDS-DELETION-PROTECTION', WORKSPACE_PATH)).toBe(ComplianceResult.COMPLIANT);
  });

  test('authority: a multi-tenant authority fails; SMART identity providers are named in the finding', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      workspace.addFhirService('Patients', { name: 'patients', ...FHIR_KEY, authentication: { smartIdentityProviders: [SMART_PROVIDER] } });
      workspace.addFhirService('Common', { name: 'common', ...FHIR_KEY, authentication: { authority: 'https://login.microsoftonline.com/common' } });
    });
    expect(run.finding('AHDS-FHIR-AUTHORITY-TENANT', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: expect.stringMatching(
        /is the deploying tenant; body\.properties\.authenticationConfiguration\.smartIdentityProviders also admits tokens of https:\/\/contoso\.b2clogin\.com\/contoso\.onmicrosoft\.com\/b2c_1_signin\/v2\.0 \(SMART on FHIR\)$/,
      ),
    });
    expect(run.finding('AHDS-FHIR-AUTHORITY-TENANT', 'stack/Health/Common')).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason:
        'FhirService body.properties.authenticationConfiguration.authority "https://login.microsoftonline.com/common" accepts tokens from any tenant ("common")',
    });
  });

  test('data residency: the $import store and the $export account are checked, the worse one decides', () => {
    const run = runCompliance((stack) => {
      const account = (name: string, location: string) =>
        new StorageAccount(stack, name, { name, location, resourceGroupName: 'rg-health', accountTier: 'Standard', accountReplicationType: 'LRS' });
      const near = account('stnearexport', 'eastus');
      const far = account('stfarimport', 'westeurope');
      const fhir = compliantWorkspace(stack).addFhirService('Patients', {
        name: 'patients',
        ...FHIR_KEY,
        configurationExportStorageAccountName: near.name,
        importConfiguration: { integrationDataStore: far.name },
      });
      fhir.grant('11111111-2222-3333-4444-555555555555', HealthDataRole.READER);
    });
    expect(run.finding('AHDS-DATA-RESIDENCY', FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason:
        'FhirService body.properties.importConfiguration.integrationDataStore → azurerm_storage_account.stfarimport is in "westeurope", outside the workspace\'s region "eastus": PHI would leave the region',
    });
  });
});
