import type { SynthesizedResource } from '../model/app-model';
import { configValue, isAzapi } from '../model/service-config';
import { isExpression, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, RuleOutcome } from '../rule';

/**
 * Customer-managed keys for data at rest: DICOM's `encryption_key_url` (azurerm), FHIR's
 * `encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl` (ARM, written through AzAPI: azurerm 4.55 has no such
 * argument, so an `azurerm_healthcare_fhir_service` always uses Microsoft-managed keys).
 */
export const CUSTOMER_MANAGED_KEY: ComplianceRule = {
  id: 'AHDS-CUSTOMER-MANAGED-KEY',
  level: ComplianceLevel.WARNING,
  description:
    'Data at rest is encrypted with a customer-managed key (DICOM encryption_key_url; FHIR encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl, written through AzAPI).',
  fix: 'Set encryptionKeyUrl on the DICOM or FHIR service to a Key Vault key its managed identity can wrap and unwrap (a FHIR service is then written through AzAPI).',
  appliesTo: [HEALTH_DATA_TYPES.dicom, HEALTH_DATA_TYPES.fhir],
  azurePolicy: ['14961b63-a1eb-4378-8725-7e84ca8db0e6', 'c42dee8c-0202-4a12-bd8e-3e171cbf64dd'],
  hipaa: ['164.312(a)(2)(iv)'],
  evaluate(resource) {
    if (resource.logicalType === HEALTH_DATA_TYPES.fhir && !isAzapi(resource)) {
      return nonCompliant(
        'is an azurerm_healthcare_fhir_service, which cannot hold a customer-managed key (azurerm 4.55 has no argument for it): data at rest uses Microsoft-managed keys',
      );
    }
    return keyOutcome(resource);
  },
};

function keyOutcome(resource: SynthesizedResource): RuleOutcome {
  const { value: key, path } = configValue(
    resource,
    ['encryption_key_url'],
    ['properties', 'encryption', 'customerManagedKeyEncryption', 'keyEncryptionKeyUrl'],
  );
  if (isExpression(key)) return compliant(`${path} is set (${key})`);
  if (typeof key === 'string' && key.trim() !== '') return compliant(`${path} is ${show(key)}`);
  return nonCompliant(`${path} is ${show(key)}: data at rest uses Microsoft-managed keys`);
}
