import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { TerraformVariable } from 'cdktf';
import { ComplianceResult, Workspace } from '../../../lib';
import { addMedTech, BASE_WORKSPACE, LAW_ID, SUBNET_ID } from '../../boundary-fixtures';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-AUDIT-LOGS';

function unmonitoredWorkspace(stack: Parameters<typeof compliantWorkspace>[0]): Workspace {
  const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
  workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
  return workspace;
}

describe(RULE, () => {
  test("compliant: the workspace's monitoring sends each service's audit trail (MedTech: DiagnosticLogs)", () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY });
      workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY });
      addMedTech(workspace);
    });
    expect(run.finding(RULE, FHIR_PATH).reason).toMatch(
      /^FhirService azurerm_monitor_diagnostic_setting\.Health_Patients_DiagnosticSetting_[0-9A-F]{8} sends its AuditLogs$/,
    );
    expect(run.result(RULE, DICOM_PATH)).toBe(ComplianceResult.COMPLIANT);
    expect(run.finding(RULE, 'stack/Health/Devices').reason).toMatch(/sends its DiagnosticLogs$/);
  });

  test('compliant: a raw diagnostic setting with the audit category group', () => {
    const run = runCompliance((stack) => {
      const fhir = unmonitoredWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY });
      new MonitorDiagnosticSetting(stack, 'Audit', {
        name: 'audit',
        targetResourceId: fhir.fhirServiceId,
        logAnalyticsWorkspaceId: LAW_ID,
        enabledLog: [{ categoryGroup: 'audit' }],
      });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'FhirService azurerm_monitor_diagnostic_setting.Audit sends its AuditLogs (category group "audit")',
    });
  });

  test('non-compliant: no diagnostic setting fails the synth', () => {
    const run = runCompliance((stack) => unmonitoredWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'FhirService has no diagnostic setting: its AuditLogs are not kept anywhere',
    });
    expect(run.error).toMatch(/\[stack\/Health\/Patients\] \[AHDS-AUDIT-LOGS\] .*HIPAA 164\.312\(b\)/);
  });

  test('non-compliant: a diagnostic setting without the audit category; a service that opted out', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      const dicom = workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY, monitoring: false });
      new MonitorDiagnosticSetting(stack, 'MetricsOnly', {
        name: 'metrics',
        targetResourceId: dicom.dicomServiceId,
        logAnalyticsWorkspaceId: LAW_ID,
        enabledLog: [{ category: 'DiagnosticLogs' }],
      });
      workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, monitoring: false });
    });
    expect(run.finding(RULE, DICOM_PATH).reason).toBe(
      'DicomService has diagnostic settings (azurerm_monitor_diagnostic_setting.MetricsOnly) but none enables the AuditLogs category',
    );
    expect(run.result(RULE, FHIR_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
  });

  test('not applicable: the workspace has no log categories, so it is not checked', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack));
    expect(run.report.findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });

  test('unknown: a diagnostic setting targets a token', () => {
    const run = runCompliance((stack) => {
      unmonitoredWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY });
      const target = new TerraformVariable(stack, 'target', { type: 'string' });
      new MonitorDiagnosticSetting(stack, 'Somewhere', {
        name: 'audit',
        targetResourceId: target.stringValue,
        logAnalyticsWorkspaceId: LAW_ID,
        enabledLog: [{ category: 'AuditLogs' }],
      });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'FhirService whether azurerm_monitor_diagnostic_setting.Somewhere sends its AuditLogs is known only when Terraform runs',
    });
  });
});

test('AHDS-AUDIT-LOGS: categories known only at plan time (a dynamic block) are unknown, not missing', () => {
  const run = runCompliance((stack) => {
    const categories = new TerraformVariable(stack, 'categories', { type: 'list(string)' });
    compliantWorkspace(stack).addFhirService('Patients', {
      name: 'patients',
      identity: SYSTEM_IDENTITY,
      monitoring: { logAnalyticsWorkspaceId: LAW_ID, logCategories: categories.listValue },
    });
  });
  expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
    result: ComplianceResult.UNKNOWN,
    reason: expect.stringMatching(
      /^FhirService whether azurerm_monitor_diagnostic_setting\.Health_Patients_DiagnosticSetting_[0-9A-F]{8} sends its AuditLogs is known only when Terraform runs$/,
    ),
  });
});
