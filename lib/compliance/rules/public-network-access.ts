import type { AppModel, SynthesizedResource } from '../model/app-model';
import { workspaceReferenceOf } from '../model/service-config';
import { blockOf, isExpression, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceResult, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, RuleOutcome, unknown } from '../rule';
import { WORKSPACE_PRIVATE_ENDPOINT } from './workspace-private-endpoint';

const WORKSPACE_ARM_TYPE = 'microsoft.healthcareapis/workspaces';

/**
 * Public network access is closed. DICOM: its own `public_network_access_enabled = false`. FHIR: its own property is
 * read-only in the API (computed only in azurerm), so it follows the workspace: the workspace's `publicNetworkAccess`
 * written `Disabled` (an `azapi_update_resource` on the workspace, the library's `publicNetworkAccessEnabled: false`),
 * or else an automatically approved private endpoint on the workspace (Azure then turns public traffic off).
 */
export const PUBLIC_NETWORK_ACCESS: ComplianceRule = {
  id: 'AHDS-PUBLIC-NETWORK-ACCESS',
  level: ComplianceLevel.WARNING,
  description:
    "Public network access is disabled: DICOM public_network_access_enabled = false; FHIR through its workspace (publicNetworkAccess Disabled on the workspace, or the workspace's private endpoint).",
  fix: 'Set publicNetworkAccessEnabled: false on the workspace (it closes the workspace, its FHIR services and, unless they set their own, its DICOM services), or add a private endpoint to the workspace.',
  appliesTo: [HEALTH_DATA_TYPES.dicom, HEALTH_DATA_TYPES.fhir],
  azurePolicy: [],
  hipaa: ['164.312(e)(1)', '164.312(a)(1)'],
  evaluate(resource, model) {
    if (resource.logicalType === HEALTH_DATA_TYPES.fhir) return throughWorkspace(resource, model);
    const value = model.valueOf(resource, resource.config.public_network_access_enabled);
    if (value.state === 'unknown') return unknown(`public_network_access_enabled is ${value.expression}, known only when Terraform runs`);
    if (value.state === 'absent')
      return nonCompliant('public_network_access_enabled is not set: the provider defaults to true (reachable from public networks)');
    if (value.value === false) return compliant('public_network_access_enabled is false');
    return nonCompliant(`public_network_access_enabled is ${show(value.value)}: reachable from public networks`);
  },
};

function throughWorkspace(fhir: SynthesizedResource, model: AppModel): RuleOutcome {
  const workspace = model.referencedResource(fhir, workspaceReferenceOf(fhir));
  if (!workspace || workspace.type !== HEALTH_DATA_TYPES.workspace) {
    return unknown("its workspace is not defined in this app: whether the workspace's public network access is closed is not known at synth");
  }
  const stated: RuleOutcome[] = [];
  for (const update of model.referrers('azapi_update_resource', ['resource_id'], workspace)) {
    const type = update.config.type;
    if (typeof type !== 'string' || type.split('@')[0].toLowerCase() !== WORKSPACE_ARM_TYPE) continue;
    const target = model.refersTo(update, update.config.resource_id, workspace);
    if (target === 'no') continue;
    const access = blockOf(blockOf(update.config.body)?.properties)?.publicNetworkAccess;
    if (target === 'unknown' || isExpression(access) || isExpression(update.config.body)) {
      stated.push(unknown(`whether ${update.address} closes the workspace is known only when Terraform runs`));
    } else if (access === 'Disabled') {
      stated.push(compliant(`follows its workspace, whose publicNetworkAccess ${update.address} sets to "Disabled"`));
    } else if (access !== undefined) {
      stated.push(
        nonCompliant(`follows its workspace, whose publicNetworkAccess ${update.address} sets to ${show(access)}: reachable from public networks`),
      );
    }
  }
  const worst =
    stated.find((o) => o.result === ComplianceResult.NON_COMPLIANT) ?? stated.find((o) => o.result === ComplianceResult.UNKNOWN) ?? stated[0];
  if (worst) return worst;
  const endpoint = WORKSPACE_PRIVATE_ENDPOINT.evaluate(workspace, model);
  if (endpoint.result === ComplianceResult.COMPLIANT)
    return compliant(`follows its workspace: ${endpoint.reason}, and Azure disables public access once that endpoint is approved`);
  if (endpoint.result === ComplianceResult.UNKNOWN) return unknown(`follows its workspace; ${endpoint.reason}`);
  return nonCompliant(
    "follows its workspace, which states no publicNetworkAccess and has no private endpoint: reachable from public networks (the FHIR service's own property is read-only)",
  );
}
