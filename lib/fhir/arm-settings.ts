import type { ResourceVersionPolicy } from './resource-version-policy';

/*
 * The FHIR service settings that azurerm 4.55 (and 4.73) cannot set. Any of them makes the service one
 * `azapi_resource` of type `Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31` (the whole service, written
 * by AzAPI alone), moved in state from its `azurerm_healthcare_fhir_service` address.
 */

/** `$import`: bulk-loading NDJSON files from a storage account into the service. */
export interface FhirImportConfiguration {
  /**
   * The name (not id or URL) of the storage account `$import` reads from: 3-24 lowercase letters or digits. The
   * service's managed identity needs Storage Blob Data Contributor on it.
   */
  readonly integrationDataStore: string;
  /**
   * Whether `$import` is enabled.
   * @default true (written by AzAPI)
   */
  readonly enabled?: boolean;
  /**
   * Initial import mode: for loading an empty service; only creates resources, and the service rejects other writes
   * while it is on. `false` is incremental mode: writes go on, and `lastUpdated`/`versionId` of imported resources are
   * kept.
   * @default false (incremental mode; written by AzAPI)
   */
  readonly initialImportMode?: boolean;
}

/** How the service keeps resource history, for all resources and per resource type. */
export interface FhirResourceVersionPolicyOptions {
  /**
   * The policy for every resource type without an override: `ResourceVersionPolicy.NO_VERSION`, `VERSIONED` or
   * `VERSIONED_UPDATE` (or the strings `"no-version"`, `"versioned"`, `"versioned-update"`).
   */
  readonly default: ResourceVersionPolicy | string;
  /**
   * Policies per FHIR resource type, e.g. `{ Observation: ResourceVersionPolicy.NO_VERSION }`; keys are FHIR R4
   * resource types, spelled as FHIR spells them.
   * @default - none: every type follows `default`
   */
  readonly resourceTypeOverrides?: { [resourceType: string]: ResourceVersionPolicy | string };
}

/** What a SMART identity provider's application may do (`SmartDataActions`). */
export enum SmartDataAction {
  /** `GET` requests: read and search. The only action Azure accepts (API version 2024-03-31). */
  READ = 'Read',
}

/** An application registered in a SMART identity provider. */
export interface SmartIdentityProviderApplication {
  /** The application (client) id; tokens' `azp` or `appid` claim must equal it. Unique across all providers. */
  readonly clientId: string;
  /** The audience tokens' `aud` claim must equal. */
  readonly audience: string;
  /** What the application may do: `[SmartDataAction.READ]` (`["Read"]`), the only action Azure accepts. */
  readonly allowedDataActions: (SmartDataAction | string)[];
}

/**
 * An identity provider besides Microsoft Entra ID for SMART on FHIR: OpenID Connect, issuing tokens with `fhirUser`,
 * `azp` or `appid`, and `scp` (SMART on FHIR v1 scopes) claims.
 */
export interface SmartIdentityProvider {
  /** The token authority (issuer) URL, https; `<authority>/.well-known/openid-configuration` must answer. Unique. */
  readonly authority: string;
  /** The provider's applications allowed to call the service: 1-25. */
  readonly applications: SmartIdentityProviderApplication[];
}

/** FHIR implementation guides the service follows. */
export interface FhirImplementationGuides {
  /**
   * US Core "Missing Data": the service accepts US Core resources whose required elements carry the data-absent
   * reason instead of a value.
   * @default false (written by AzAPI)
   */
  readonly usCoreMissingData?: boolean;
}

/**
 * The FHIR settings only AzAPI writes, as one value (what `FhirService` props add, `authentication.smartIdentityProviders`
 * included).
 */
export interface FhirAzapiSettings {
  /**
   * A customer-managed key: the versioned URL of a Key Vault key, `https://{vault}.vault.azure.net/keys/{key}/{version}`.
   * The service's identity needs Key Vault Crypto Service Encryption User on the key; with a system-assigned identity
   * that cannot be granted before the service exists (see the rule's message).
   * @default - Microsoft-managed keys
   */
  readonly encryptionKeyUrl?: string;
  /**
   * `$import` from a storage account.
   * @default - `$import` not configured
   */
  readonly importConfiguration?: FhirImportConfiguration;
  /**
   * The resource version (history) policy.
   * @default - the service's default, `versioned`, for every type
   */
  readonly resourceVersionPolicy?: FhirResourceVersionPolicyOptions;
  /**
   * Identity providers besides Microsoft Entra ID, for SMART on FHIR: at most 2.
   * @default - Microsoft Entra ID only
   */
  readonly smartIdentityProviders?: SmartIdentityProvider[];
  /**
   * Implementation guides.
   * @default - none enabled
   */
  readonly implementationGuides?: FhirImplementationGuides;
}

/** The names of the settings of {@link FhirAzapiSettings} that are set (`[]` when the service can stay azurerm). */
export function azapiSettingsIn(settings: FhirAzapiSettings): string[] {
  const names: string[] = [];
  if (settings.encryptionKeyUrl != null) names.push('encryptionKeyUrl');
  if (settings.importConfiguration != null) names.push('importConfiguration');
  if (settings.resourceVersionPolicy != null) names.push('resourceVersionPolicy');
  // An empty list asks for nothing beyond Entra ID: the service can stay azurerm.
  if (settings.smartIdentityProviders != null && !(Array.isArray(settings.smartIdentityProviders) && settings.smartIdentityProviders.length === 0)) {
    names.push('authentication.smartIdentityProviders');
  }
  if (settings.implementationGuides != null) names.push('implementationGuides');
  return names;
}
