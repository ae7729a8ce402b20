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
      expect.objectContaining({ ruleId: 'AHDS-CUSTOMER-MANAGED-KEY', constructPath: 'production/Health/Imaging', suppressed: true, suppressionReason: expect.stringContaining('SR-2024-117') }),
    ]);
    expect(report.findings.find((finding) => finding.ruleId === 'AHDS-DATA-RESIDENCY' && finding.constructPath === 'production/Health/Records')?.result).toBe(ComplianceResult.COMPLIANT);
  });

  test('monitors both services into the Log Analytics workspace, resource-specific tables', () => {
    expect(stack.resources('azurerm_monitor_diagnostic_setting').map((setting) => [setting.name, setting.log_analytics_workspace_id, setting.log_analytics_destination_type])).toEqual([
      ['diag-imaging', '${azurerm_log_analytics_workspace.Logs.id}', 'Dedicated'],
      ['diag-records', '${azurerm_log_analytics_workspace.Logs.id}', 'Dedicated'],
    ]);
  });

  test('locks the workspace, isolates it behind a private endpoint with its DNS zones, and closes DICOM public access', () => {
    expect(stack.resource('azurerm_management_lock')).toMatchObject({ lock_level: 'CanNotDelete', scope: '${azurerm_healthcare_workspace.Health_02A586CD.id}' });
    expect(stack.resource('azurerm_private_endpoint')).toMatchObject({ subnet_id: '${azurerm_subnet.EndpointSubnet.id}', private_service_connection: { subresource_names: ['healthcareworkspace'] } });
    expect(stack.resources('azurerm_private_dns_zone')).toHaveLength(3);
    expect(stack.resource('azurerm_healthcare_dicom_service').public_network_access_enabled).toBe(false);
  });

  test('grants per service and workspace-wide, to principals given as variables', () => {
    const grants = stack.resources('azurerm_role_assignment').filter((grant: Block) => grant.role_definition_id !== undefined);
    const byRole = Object.fromEntries(grants.map((grant: Block) => [String(grant.role_definition_id).split('/').pop(), [grant.scope, grant.principal_id, grant.principal_type]]));
    expect(byRole[HealthDataRole.FHIR_DATA_READER.roleDefinitionGuid]).toEqual([expect.stringMatching(/^\$\{azurerm_healthcare_fhir_service\./), '${var.clinicians_group_id}', 'Group']);
    expect(byRole[HealthDataRole.DICOM_DATA_OWNER.roleDefinitionGuid]).toEqual([expect.stringMatching(/^\$\{azurerm_healthcare_dicom_service\./), '${var.radiologists_group_id}', 'Group']);
    expect(byRole[HealthDataRole.FHIR_DATA_WRITER.roleDefinitionGuid]).toEqual(['${azurerm_healthcare_workspace.Health_02A586CD.id}', '${var.integration_principal_id}', 'ServicePrincipal']);
  });
});
