import { show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, notApplicable, unknown } from '../rule';

/**
 * Public network access closed where azurerm can close it (DICOM). FHIR's `public_network_access_enabled` is computed
 * only in azurerm 4.55 (hashicorp/terraform-provider-azurerm#18549): FHIR services are reported as not applicable,
 * and the workspace's private endpoint is what isolates them.
 */
export const PUBLIC_NETWORK_ACCESS: ComplianceRule = {
  id: 'AHDS-PUBLIC-NETWORK-ACCESS',
  level: ComplianceLevel.WARNING,
  description: 'Public network access is disabled where azurerm can set it (DICOM public_network_access_enabled = false); FHIR cannot be set through azurerm 4.55.',
  fix: 'Add a private endpoint to the workspace (DICOM services then follow it), or set publicNetworkAccessEnabled: false on the workspace or the DICOM service.',
  appliesTo: [HEALTH_DATA_TYPES.dicom, HEALTH_DATA_TYPES.fhir],
  azurePolicy: [],
  hipaa: ['164.312(e)(1)', '164.312(a)(1)'],
  evaluate(resource, model) {
    if (resource.type === HEALTH_DATA_TYPES.fhir) {
      return notApplicable(
        'cannot be configured through azurerm 4.55: public_network_access_enabled is computed only on azurerm_healthcare_fhir_service; ' +
          "isolate it with the workspace's private endpoint",
      );
    }
    const value = model.valueOf(resource, resource.config.public_network_access_enabled);
    if (value.state === 'unknown') return unknown(`public_network_access_enabled is ${value.expression}, known only when Terraform runs`);
    if (value.state === 'absent') return nonCompliant('public_network_access_enabled is not set: the provider defaults to true (reachable from public networks)');
    if (value.value === false) return compliant('public_network_access_enabled is false');
    return nonCompliant(`public_network_access_enabled is ${show(value.value)}: reachable from public networks`);
  },
};
