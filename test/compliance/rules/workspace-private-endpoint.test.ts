import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { ComplianceReport, ComplianceResult, HealthDataCompliance, Workspace } from '../../../lib';
import { BASE_WORKSPACE, LAW_ID, SUBNET_ID, SUBSCRIPTION } from '../../boundary-fixtures';
import { newStack, synthApp } from '../../helpers';
import { runCompliance, WORKSPACE_PATH } from '../helpers';

const RULE = 'AHDS-WORKSPACE-PRIVATE-ENDPOINT';
const monitored = { ...BASE_WORKSPACE, monitoring: { logAnalyticsWorkspaceId: LAW_ID } };

function rawEndpoint(stack: TerraformStack, connectTo: string, subresource = 'healthcareworkspace'): PrivateEndpoint {
  return new PrivateEndpoint(stack, 'RawEndpoint', {
    name: 'pe-raw',
    location: 'eastus',
    resourceGroupName: 'rg-net',
    subnetId: SUBNET_ID,
    privateServiceConnection: { name: 'raw', privateConnectionResourceId: connectTo, subresourceNames: [subresource], isManualConnection: false },
  });
}

describe(RULE, () => {
  test('compliant: workspace.addPrivateEndpoint', () => {
    const run = runCompliance((stack) => new Workspace(stack, 'Health', monitored).addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID }));
    expect(run.finding(RULE, WORKSPACE_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: expect.stringMatching(
        /^Workspace azurerm_private_endpoint\.Health_PrivateLink_[0-9A-F]{8} connects to it \(subresource healthcareworkspace\)$/,
      ),
    });
  });

  test('compliant: a raw endpoint naming the workspace by its literal resource id', () => {
    const run = runCompliance((stack) => {
      new Workspace(stack, 'Health', monitored);
      rawEndpoint(stack, `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health`);
    });
    expect(run.result(RULE, WORKSPACE_PATH)).toBe(ComplianceResult.COMPLIANT);
  });

  test('non-compliant: no private endpoint fails the synth', () => {
    const run = runCompliance((stack) => new Workspace(stack, 'Health', monitored));
    expect(run.finding(RULE, WORKSPACE_PATH).reason).toBe(
      'Workspace has no private endpoint in the app: its FHIR and DICOM services are reachable only over public networks',
    );
    expect(run.error).toMatch(
      /\[stack\/Health\] \[AHDS-WORKSPACE-PRIVATE-ENDPOINT\] .*Azure Policy 64528841-2f92-43f6-a137-d52e5c3dbeac.*Fix: Call workspace\.addPrivateEndpoint/,
    );
  });

  test('non-compliant: an endpoint with another subresource, or to another workspace', () => {
    const run = runCompliance((stack) => {
      const workspace = new Workspace(stack, 'Health', monitored);
      new Workspace(stack, 'Other', { ...monitored, name: 'other' }).addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
      rawEndpoint(stack, workspace.workspaceId, 'fhir');
    });
    expect(run.finding(RULE, WORKSPACE_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'Workspace has no private endpoint with subresource "healthcareworkspace": azurerm_private_endpoint.RawEndpoint (subresource ["fhir"])',
    });
    expect(run.result(RULE, 'stack/Other')).toBe(ComplianceResult.COMPLIANT);
  });

  test('not applicable: an imported workspace has no resource to check', () => {
    const run = runCompliance((stack) =>
      Workspace.fromWorkspaceAttributes(stack, 'Shared', {
        workspaceId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/shared`,
        location: 'eastus',
      }),
    );
    expect(run.report.findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });

  test('unknown: the endpoint targets a token', () => {
    const run = runCompliance((stack) => {
      new Workspace(stack, 'Health', monitored);
      rawEndpoint(stack, new TerraformVariable(stack, 'target', { type: 'string' }).stringValue);
    });
    expect(run.finding(RULE, WORKSPACE_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'Workspace whether azurerm_private_endpoint.RawEndpoint connects to it is known only when Terraform runs',
    });
    expect(run.error).toBeUndefined();
  });

  test('compliant: the endpoint is in another stack (the network team), through the cross-stack reference', () => {
    const result = synthApp((app) => {
      const workspace = new Workspace(newStack(app, 'health'), 'Health', monitored);
      rawEndpoint(newStack(app, 'network'), workspace.workspaceId);
      Aspects.of(app).add(new HealthDataCompliance());
    });
    const report = JSON.parse(result.read('health', 'health-data-compliance.json')) as ComplianceReport;
    expect(report.findings.find((finding) => finding.ruleId === RULE)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'Workspace azurerm_private_endpoint.RawEndpoint connects to it (subresource healthcareworkspace)',
    });
  });
});
