import { blockOf, isExpression, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, unknown } from '../rule';

/**
 * The service has a managed identity, so that it reaches other resources (export storage, Data Lake, Key Vault keys,
 * event hubs, container registries) with Entra ID instead of secrets.
 */
export const MANAGED_IDENTITY: ComplianceRule = {
  id: 'AHDS-MANAGED-IDENTITY',
  level: ComplianceLevel.WARNING,
  description: 'The service has a managed identity (identity block), so that it reaches other resources without secrets.',
  fix: 'Set identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } (or a user-assigned identity) on the service.',
  appliesTo: [HEALTH_DATA_TYPES.fhir, HEALTH_DATA_TYPES.dicom, HEALTH_DATA_TYPES.medtech],
  azurePolicy: [],
  hipaa: ['164.312(d)', '164.312(a)(2)(i)'],
  evaluate(service) {
    const identity = service.config.identity;
    if (isExpression(identity)) return unknown(`identity is ${identity}, known only when Terraform runs`);
    const block = blockOf(identity);
    if (!block) return nonCompliant('has no managed identity');
    if (isExpression(block.type)) return unknown(`identity.type is ${block.type}, known only when Terraform runs`);
    if (typeof block.type !== 'string' || block.type.trim() === '') return nonCompliant(`identity.type is ${show(block.type)}`);
    return compliant(`identity type ${show(block.type)}`);
  },
};
