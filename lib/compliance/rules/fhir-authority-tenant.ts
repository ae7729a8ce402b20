import { configValue } from '../model/service-config';
import type { AppModel, SynthesizedResource } from '../model/app-model';
import { blockOf, listOf, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, RuleOutcome, unknown } from '../rule';

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
  description:
    "The FHIR service's authentication authority is the deploying Entra ID tenant (not a multi-tenant authority or another identity provider).",
  fix: 'Leave authentication.authority to its default (the deploying tenant), or set it to https://login.microsoftonline.com/{your tenant id}.',
  appliesTo: [HEALTH_DATA_TYPES.fhir],
  azurePolicy: [],
  hipaa: ['164.312(d)', '164.312(a)(1)'],
  evaluate(fhir, model) {
    return withSmartIdentityProviders(fhir, entraAuthority(fhir, model));
  },
};

/** SMART identity providers are accepted besides the authority: say so, so that the report shows them. */
function withSmartIdentityProviders(fhir: SynthesizedResource, outcome: RuleOutcome): RuleOutcome {
  const { value, path } = configValue(
    fhir,
    ['authentication', 'smart_identity_providers'],
    ['properties', 'authenticationConfiguration', 'smartIdentityProviders'],
  );
  const providers = listOf(value);
  if (providers.length === 0) return outcome;
  const authorities = providers
    .map((provider) => blockOf(provider)?.authority)
    .map((authority) => (typeof authority === 'string' ? authority : show(authority)));
  return { ...outcome, reason: `${outcome.reason}; ${path} also admits tokens of ${authorities.join(', ')} (SMART on FHIR)` };
}

function entraAuthority(fhir: SynthesizedResource, model: AppModel): RuleOutcome {
  const { value: given, path } = configValue(fhir, ['authentication', 'authority'], ['properties', 'authenticationConfiguration', 'authority']);
  const followed = model.valueOf(fhir, given);
  if (followed.state === 'absent') return nonCompliant(`${path} is not set`);
  if (followed.state === 'unknown') {
    const deploying = DEPLOYING_TENANT.exec(followed.expression);
    if (deploying && ENTRA_HOSTS.includes(deploying[1].toLowerCase())) {
      return compliant(`${path} ${show(followed.expression)} is the deploying tenant`);
    }
    return unknown(`${path} is ${followed.expression}, known only when Terraform runs`);
  }
  const authority = followed.value;
  let url: URL;
  try {
    url = new URL(String(authority));
  } catch {
    return nonCompliant(`${path} ${show(authority)} is not a URL`);
  }
  if (url.protocol !== 'https:' || !ENTRA_HOSTS.includes(url.hostname.toLowerCase())) {
    return nonCompliant(`${path} ${show(authority)} is not a Microsoft Entra ID authority (${ENTRA_HOSTS.join(', ')})`);
  }
  const tenant = url.pathname.split('/').filter(Boolean)[0];
  if (tenant === undefined) return nonCompliant(`${path} ${show(authority)} names no tenant`);
  if (MULTI_TENANT.includes(tenant.toLowerCase())) {
    return nonCompliant(`${path} ${show(authority)} accepts tokens from any tenant ("${tenant}")`);
  }
  const providerTenant = model.providerTenantId(fhir.stack);
  if (providerTenant === undefined) {
    return unknown(
      `${path} names tenant "${tenant}"; the deploying tenant is known only when Terraform runs ` +
        '(leave the authority to its default, or set tenant_id on the azurerm provider, to check it at synth)',
    );
  }
  return tenant.toLowerCase() === providerTenant.toLowerCase()
    ? compliant(`${path} names the provider's tenant "${tenant}"`)
    : nonCompliant(`${path} names tenant "${tenant}", but the azurerm provider deploys into tenant "${providerTenant}"`);
}
