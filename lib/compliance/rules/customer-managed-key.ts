import { isExpression, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, notApplicable } from '../rule';

/**
 * Customer-managed keys for data at rest, where the provider can set them: DICOM's `encryption_key_url`. azurerm 4.55
 * has no such argument for FHIR (it needs the AzAPI provider), so FHIR services are reported as not applicable with
 * that explanation.
 */
export const CUSTOMER_MANAGED_KEY: ComplianceRule = {
  id: 'AHDS-CUSTOMER-MANAGED-KEY',
  level: ComplianceLevel.WARNING,
  description: 'Data at rest is encrypted with a customer-managed key where azurerm can set one (DICOM encryption_key_url); FHIR cannot be set through azurerm 4.55.',
  fix: 'Set encryptionKeyUrl on the DICOM service to a Key Vault key its managed identity can wrap and unwrap.',
  appliesTo: [HEALTH_DATA_TYPES.dicom, HEALTH_DATA_TYPES.fhir],
  azurePolicy: ['14961b63-a1eb-4378-8725-7e84ca8db0e6', 'c42dee8c-0202-4a12-bd8e-3e171cbf64dd'],
  hipaa: ['164.312(a)(2)(iv)'],
  evaluate(resource) {
    if (resource.type === HEALTH_DATA_TYPES.fhir) {
      return notApplicable(
        'cannot be configured through azurerm 4.55: azurerm_healthcare_fhir_service has no customer-managed-key argument ' +
          '(Azure Policy c42dee8c audits it; set it with the AzAPI provider if your policy requires it)',
      );
    }
    const key = resource.config.encryption_key_url;
    if (isExpression(key)) return compliant(`encryption_key_url is set (${key})`);
    if (typeof key === 'string' && key.trim() !== '') return compliant(`encryption_key_url is ${show(key)}`);
    return nonCompliant(`encryption_key_url is ${show(key)}: data at rest uses Microsoft-managed keys`);
  },
};
