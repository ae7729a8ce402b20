import { blockOf, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, unknown } from '../rule';

/** Microsoft Entra ID authority hosts (public, US Government, China clouds). */
const ENTRA_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'];
/** Authorities that accept tokens of any tenant (or personal accounts). */
const MULTI_TENANT = ['common', 'organizations', 'consumers'];
const DEPLOYING_TENANT = /^https:\/\/([^/]+)\/\$\{data\.azurerm_client_config\.[\w-]+\.tenant_id\}\/?$/;

/**
 * FHIR clients authenticate against the organization's own Entra ID tenant: the one that deploys (the library's
 * default authority, `data.azurerm_client_config.tenant_id`) or the literal tenant id the azurerm provider is
 * configured with. Multi-tenant authorities and other identity providers are findings.
 */
export const FHIR_AUTHORITY_TENANT: ComplianceRule = {
  id: 'AHDS-FHIR-AUTHORITY-TENANT',
  level: ComplianceLevel.ERROR,
  description: "The FHIR service's authentication authority is the deploying Entra ID tenant (not a multi-tenant authority or another identity provider).",
  fix: 'Leave authentication.authority to its default (the deploying tenant), or set it to https://login.microsoftonline.com/{your tenant id}.',
  appliesTo: [HEALTH_DATA_TYPES.fhir],
  azurePolicy: [],
  hipaa: ['164.312(d)', '164.312(a)(1)'],
  evaluate(fhir, model) {
    const authentication = blockOf(fhir.config.authentication);
    const given = authentication?.authority;
    const followed = model.valueOf(fhir, given);
    if (followed.state === 'absent') return nonCompliant('authentication.authority is not set');
    if (followed.state === 'unknown') {
      const deploying = DEPLOYING_TENANT.exec(followed.expression);
      if (deploying && ENTRA_HOSTS.includes(deploying[1].toLowerCase())) {
        return compliant(`authentication.authority ${show(followed.expression)} is the deploying tenant`);
      }
      return unknown(`authentication.authority is ${followed.expression}, known only when Terraform runs`);
    }
    const authority = followed.value;
    let url: URL;
    try {
      url = new URL(String(authority));
    } catch {
      return nonCompliant(`authentication.authority ${show(authority)} is not a URL`);
    }
    if (url.protocol !== 'https:' || !ENTRA_HOSTS.includes(url.hostname.toLowerCase())) {
      return nonCompliant(`authentication.authority ${show(authority)} is not a Microsoft Entra ID authority (${ENTRA_HOSTS.join(', ')})`);
    }
    const tenant = url.pathname.split('/').filter(Boolean)[0];
    if (tenant === undefined) return nonCompliant(`authentication.authority ${show(authority)} names no tenant`);
    if (MULTI_TENANT.includes(tenant.toLowerCase())) {
      return nonCompliant(`authentication.authority ${show(authority)} accepts tokens from any tenant ("${tenant}")`);
    }
    const providerTenant = model.providerTenantId(fhir.stack);
    if (providerTenant === undefined) {
      return unknown(
        `authentication.authority names tenant "${tenant}"; the deploying tenant is known only when Terraform runs ` +
          '(leave the authority to its default, or set tenant_id on the azurerm provider, to check it at synth)',
      );
    }
    return tenant.toLowerCase() === providerTenant.toLowerCase()
      ? compliant(`authentication.authority names the provider's tenant "${tenant}"`)
      : nonCompliant(`authentication.authority names tenant "${tenant}", but the azurerm provider deploys into tenant "${providerTenant}"`);
  },
};
