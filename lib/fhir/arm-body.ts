import type { AzapiBody, AzapiResourceIdentity } from '../core/platform/azapi/common';
import type { CorsOptions } from '../core/cors';
import type { ManagedIdentityOptions } from '../core/identity';
import { normalizeLocation } from '../core/regions';
import { isUnresolved } from '../core/validation';
import type { FhirAzapiSettings } from './arm-settings';

/**
 * The AzAPI type of a FHIR service: the newest stable API version, the first with every setting below. Spelled
 * `fhirServices` as in azurerm's ids: AzAPI builds a child's id from the type's last segment as written
 * (`{parent_id}/fhirServices/{name}`, `internal/services/parse/resource.go`) and matches types case-insensitively, and
 * azurerm checks FHIR ids case-sensitively (`fhirservices.ValidateFhirServiceID`, e.g. a MedTech destination's
 * `destination_fhir_service_id`), as `FhirService.fromFhirServiceAttributes` does.
 */
export const FHIR_SERVICE_AZAPI_TYPE = 'Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31';
/** The azurerm type an AzAPI FHIR service is moved from. */
export const FHIR_SERVICE_AZURERM_TYPE = 'azurerm_healthcare_fhir_service';

/** An OCI artifact entry, as the FHIR service props give it. */
export interface FhirOciArtifactInput {
  readonly loginServer: string;
  readonly imageName?: string;
  readonly digest?: string;
}

/**
 * Everything the body of a FHIR service is made of, with the construct's defaults already applied (authority and
 * audience resolved, the identity a feature needs added). `accessPolicyObjectIds` has no place here: API version
 * 2024-03-31 has no access policies (`checkAccessPoliciesWithAzapi` rejects them).
 */
export interface FhirServiceArmBodyInput {
  readonly location: string;
  readonly tags?: { [key: string]: string };
  /** `fhir-R4` or `fhir-Stu3`. */
  readonly kind: string;
  readonly authority: string;
  readonly audience: string;
  readonly smartProxyEnabled?: boolean;
  readonly cors?: CorsOptions;
  readonly identity?: ManagedIdentityOptions;
  readonly configurationExportStorageAccountName?: string;
  readonly containerRegistryLoginServerUrl?: string[];
  readonly ociArtifact?: FhirOciArtifactInput[];
  /** The settings only AzAPI writes. */
  readonly settings: FhirAzapiSettings;
}

/**
 * The `properties` of the body, mapped from the azurerm arguments the way azurerm 4.55's create/update does
 * (`healthcare_fhir_service_resource.go`), so that a service moved from azurerm is sent what azurerm sent:
 * - `authenticationConfiguration` always, `smartProxyEnabled` as a boolean (false when not given);
 * - `corsConfiguration` always: without `cors` empty lists and `allowCredentials: false`; with `cors`,
 *   `allowCredentials` false and `maxAge` 0 when not given;
 * - `acrConfiguration` always (`{}` without registries), `loginServers` / `ociArtifacts` only when non-empty, OCI
 *   `imageName` / `digest` only when given;
 * - `exportConfiguration` only with a storage account.
 * The AzAPI-only settings appear only when given (the service's defaults otherwise).
 */
export function fhirServiceArmProperties(input: FhirServiceArmBodyInput): AzapiBody {
  const properties: AzapiBody = {
    authenticationConfiguration: authenticationConfiguration(input),
    corsConfiguration: corsConfiguration(input.cors),
    acrConfiguration: acrConfiguration(input),
  };
  if (input.configurationExportStorageAccountName !== undefined) {
    properties.exportConfiguration = { storageAccountName: input.configurationExportStorageAccountName };
  }
  const s = input.settings;
  if (s.importConfiguration != null) {
    properties.importConfiguration = {
      integrationDataStore: s.importConfiguration.integrationDataStore,
      initialImportMode: s.importConfiguration.initialImportMode ?? false,
      enabled: s.importConfiguration.enabled ?? true,
    };
  }
  if (s.resourceVersionPolicy != null) {
    properties.resourceVersionPolicyConfiguration = {
      default: s.resourceVersionPolicy.default,
      ...(s.resourceVersionPolicy.resourceTypeOverrides !== undefined
        ? { resourceTypeOverrides: { ...s.resourceVersionPolicy.resourceTypeOverrides } }
        : {}),
    };
  }
  if (s.implementationGuides != null) {
    properties.implementationGuidesConfiguration = { usCoreMissingData: s.implementationGuides.usCoreMissingData ?? false };
  }
  if (s.encryptionKeyUrl != null) {
    properties.encryption = { customerManagedKeyEncryption: { keyEncryptionKeyUrl: s.encryptionKeyUrl } };
  }
  return properties;
}

function authenticationConfiguration(input: FhirServiceArmBodyInput): AzapiBody {
  const providers = input.settings.smartIdentityProviders;
  return {
    authority: input.authority,
    audience: input.audience,
    smartProxyEnabled: input.smartProxyEnabled ?? false,
    ...(providers != null && (isUnresolved(providers) || providers.length > 0)
      ? {
          smartIdentityProviders: isUnresolved(providers)
            ? providers
            : providers.map((provider) => ({
                authority: provider.authority,
                applications: provider.applications.map((application) => ({
                  clientId: application.clientId,
                  audience: application.audience,
                  allowedDataActions: [...application.allowedDataActions],
                })),
              })),
        }
      : {}),
  };
}

function corsConfiguration(cors: CorsOptions | undefined): AzapiBody {
  if (cors === undefined) return { origins: [], headers: [], methods: [], allowCredentials: false };
  return {
    origins: cors.allowedOrigins,
    headers: cors.allowedHeaders,
    methods: cors.allowedMethods,
    maxAge: cors.maxAgeInSeconds ?? 0,
    allowCredentials: cors.allowCredentials ?? false,
  };
}

function acrConfiguration(input: FhirServiceArmBodyInput): AzapiBody {
  const acr: AzapiBody = {};
  const servers = input.containerRegistryLoginServerUrl;
  if (servers !== undefined && (isUnresolved(servers) || servers.length > 0)) acr.loginServers = servers;
  const artifacts = input.ociArtifact;
  if (artifacts !== undefined && artifacts.length > 0) {
    acr.ociArtifacts = artifacts.map((artifact) => ({
      loginServer: artifact.loginServer,
      ...(artifact.imageName ? { imageName: artifact.imageName } : {}),
      ...(artifact.digest ? { digest: artifact.digest } : {}),
    }));
  }
  return acr;
}

/** Azure compares locations normalized; azurerm sends them normalized too. */
function armLocation(location: string): string {
  return isUnresolved(location) ? location : normalizeLocation(location);
}

function nonEmptyTags(tags: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (tags === undefined) return undefined;
  return isUnresolved(tags) || Object.keys(tags).length > 0 ? tags : undefined;
}

/** What an `azapi_resource` for the FHIR service takes: `location`, `tags` and `identity` as arguments, the rest as `body`. */
export interface FhirServiceAzapiArguments {
  readonly type: string;
  readonly location: string;
  readonly tags?: { [key: string]: string };
  readonly identity?: AzapiResourceIdentity;
  readonly body: AzapiBody;
}

/**
 * The `azapi_resource` arguments of a FHIR service: one owner of the whole service. Location, tags and identity are
 * arguments (AzAPI compares the location normalized and exposes the identity's principal id); the body holds `kind` and
 * every property.
 */
export function fhirServiceAzapiArguments(input: FhirServiceArmBodyInput): FhirServiceAzapiArguments {
  const tags = nonEmptyTags(input.tags);
  return {
    type: FHIR_SERVICE_AZAPI_TYPE,
    location: armLocation(input.location),
    ...(tags !== undefined ? { tags } : {}),
    ...(input.identity !== undefined
      ? { identity: { type: input.identity.type, ...(input.identity.identityIds !== undefined ? { identityIds: input.identity.identityIds } : {}) } }
      : {}),
    body: { kind: input.kind, properties: fhirServiceArmProperties(input) },
  };
}

/**
 * The complete ARM request body of the FHIR service (`PUT .../fhirservices/{name}?api-version=2024-03-31`): the body
 * merged with `location`, `tags` and `identity` the way AzAPI merges them before sending (identity ids become
 * `userAssignedIdentities` keys with `{}` values).
 */
export function buildFhirServiceArmBody(input: FhirServiceArmBodyInput): AzapiBody {
  const args = fhirServiceAzapiArguments(input);
  const body: AzapiBody = { ...args.body, location: args.location };
  if (args.tags !== undefined) body.tags = args.tags;
  if (args.identity !== undefined) body.identity = armIdentity(args.identity);
  return body;
}

/** AzAPI's `identity` expansion: `{ type, userAssignedIdentities: { <id>: {} } }`. */
export function armIdentity(identity: AzapiResourceIdentity): AzapiBody {
  const ids = identity.identityIds;
  if (ids === undefined || (Array.isArray(ids) && !isUnresolved(ids) && ids.length === 0)) return { type: identity.type };
  return { type: identity.type, userAssignedIdentities: Object.fromEntries(ids.map((id) => [id, {}])) };
}
