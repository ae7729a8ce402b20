import type { SynthesizedResource } from '../model/app-model';
import { armProperties, isAzapi } from '../model/service-config';
import { blockOf, isExpression, listOf, TerraformValue } from '../model/terraform-values';

/** The CORS settings of a FHIR or DICOM service as synthesized, for the two CORS rules. */
export interface CorsSettings {
  /** `undefined`: no CORS block; a string: the block or the list is an expression. */
  readonly origins: TerraformValue[] | string | undefined;
  readonly credentials: TerraformValue;
}

/** The ARM names, for a service written through AzAPI (`corsConfiguration { origins, allowCredentials }`). */
const ARM_CORS = 'body.properties.corsConfiguration';

/** FHIR names the credentials flag `credentials_allowed`, DICOM `allow_credentials`. */
const CREDENTIALS_ARGUMENT: { readonly [type: string]: string } = {
  azurerm_healthcare_fhir_service: 'credentials_allowed',
  azurerm_healthcare_dicom_service: 'allow_credentials',
};

export function corsSettings(resource: SynthesizedResource): CorsSettings {
  const cors = isAzapi(resource) ? armProperties(resource)?.corsConfiguration : resource.config.cors;
  if (cors === undefined || cors === null) return { origins: undefined, credentials: undefined };
  if (typeof cors === 'string') return { origins: isExpression(cors) ? cors : undefined, credentials: undefined };
  const block = blockOf(cors);
  if (!block) return { origins: undefined, credentials: undefined };
  const origins = isAzapi(resource) ? block.origins : block.allowed_origins;
  const credentials = isAzapi(resource) ? block.allowCredentials : block[CREDENTIALS_ARGUMENT[resource.type]];
  if (typeof origins === 'string' && isExpression(origins)) return { origins, credentials };
  return { origins: origins === undefined ? undefined : listOf(origins), credentials };
}

/** The CORS credentials argument path for messages. */
export function corsCredentialsArgument(resource: SynthesizedResource): string {
  return isAzapi(resource) ? `${ARM_CORS}.allowCredentials` : `cors.${CREDENTIALS_ARGUMENT[resource.type]}`;
}

/** The CORS origins argument path for messages. */
export function corsOriginsArgument(resource: SynthesizedResource): string {
  return isAzapi(resource) ? `${ARM_CORS}.origins` : 'cors.allowed_origins';
}
