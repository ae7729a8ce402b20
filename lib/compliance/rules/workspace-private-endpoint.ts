import { WORKSPACE_FACTS } from '../../core/kinds';
import { blockOf, isExpression, listOf } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, unknown } from '../rule';

/**
 * Private Link is configured on the workspace and covers its FHIR and DICOM services: some `azurerm_private_endpoint`
 * of the app connects to the workspace with the `healthcareworkspace` subresource.
 */
export const WORKSPACE_PRIVATE_ENDPOINT: ComplianceRule = {
  id: 'AHDS-WORKSPACE-PRIVATE-ENDPOINT',
  level: ComplianceLevel.ERROR,
  description: 'The workspace has a private endpoint (subresource healthcareworkspace) defined in the app.',
  fix: 'Call workspace.addPrivateEndpoint(id, { subnetId, ... }).',
  appliesTo: [HEALTH_DATA_TYPES.workspace],
  azurePolicy: ['64528841-2f92-43f6-a137-d52e5c3dbeac'],
  hipaa: ['164.312(e)(1)', '164.312(a)(1)'],
  evaluate(workspace, model) {
    const undecided: string[] = [];
    const misdirected: string[] = [];
    for (const endpoint of model.referrers('azurerm_private_endpoint', ['private_service_connection', 'private_connection_resource_id'], workspace)) {
      for (const value of listOf(endpoint.config.private_service_connection)) {
        const connection = blockOf(value);
        if (!connection) continue;
        const target = model.refersTo(endpoint, connection.private_connection_resource_id, workspace);
        if (target === 'no') continue;
        const subresources = listOf(connection.subresource_names);
        const manual = connection.is_manual_connection;
        if (target === 'unknown' || subresources.some(isExpression) || isExpression(manual)) {
          undecided.push(endpoint.address);
        } else if (!subresources.some((name) => typeof name === 'string' && name.toLowerCase() === WORKSPACE_FACTS.privateLinkSubresource)) {
          misdirected.push(`${endpoint.address} (subresource ${JSON.stringify(subresources)})`);
        } else if (manual === true) {
          undecided.push(`${endpoint.address} (manual connection: compliant once approved)`);
        } else {
          return compliant(`${endpoint.address} connects to it (subresource ${WORKSPACE_FACTS.privateLinkSubresource})`);
        }
      }
    }
    if (undecided.length > 0) return unknown(`whether ${undecided.join(', ')} connects to it is known only when Terraform runs`);
    if (misdirected.length > 0)
      return nonCompliant(`has no private endpoint with subresource "${WORKSPACE_FACTS.privateLinkSubresource}": ${misdirected.join(', ')}`);
    return nonCompliant('has no private endpoint in the app: its FHIR and DICOM services are reachable only over public networks');
  },
};
