import * as cdktf from '../cdktf';
import { Construct } from 'constructs';
import { hclAttributes } from './hcl';
import { AZAPI_PROVIDER_SOURCE, AZAPI_VERSION_CONSTRAINT } from './versions';

/** Custom Azure endpoints (`endpoint` of the `azapi` provider), for clouds the `environment` names do not cover. */
export interface AzapiProviderEndpoint {
  /**
   * The Microsoft Entra login endpoint, e.g. `https://login.microsoftonline.com/`.
   * @default - the environment's
   */
  readonly activeDirectoryAuthorityHost?: string;
  /**
   * The audience of Azure Resource Manager tokens, e.g. `https://management.core.windows.net/`.
   * @default - the environment's
   */
  readonly resourceManagerAudience?: string;
  /**
   * The Azure Resource Manager endpoint, e.g. `https://management.azure.com/`.
   * @default - the environment's
   */
  readonly resourceManagerEndpoint?: string;
}

/**
 * Arguments of the `azapi` provider (Azure/azapi 2.x). Every authentication argument can also come from the
 * environment (`ARM_CLIENT_ID`, `ARM_TENANT_ID`, `ARM_USE_OIDC`, ...), exactly as with `azurerm`.
 */
export interface AzapiProviderConfig {
  /**
   * Alias of this provider configuration, for a second subscription or tenant; resources choose it with `provider`.
   * @default - the default `azapi` configuration
   */
  readonly alias?: string;
  /**
   * The subscription to deploy into.
   * @default - `ARM_SUBSCRIPTION_ID`, else the Azure CLI's default subscription
   */
  readonly subscriptionId?: string;
  /**
   * The Microsoft Entra tenant.
   * @default - `ARM_TENANT_ID`, else the Azure CLI's
   */
  readonly tenantId?: string;
  /**
   * Additional tenants for cross-tenant scenarios.
   * @default - none
   */
  readonly auxiliaryTenantIds?: string[];
  /**
   * The cloud: `public`, `usgovernment` or `china`.
   * @default "public" (or `ARM_ENVIRONMENT`)
   */
  readonly environment?: string;
  /**
   * Custom endpoints (at most one entry).
   * @default - the environment's endpoints
   */
  readonly endpoint?: AzapiProviderEndpoint[];
  /**
   * The client (application) id of the service principal or managed identity.
   * @default - `ARM_CLIENT_ID`
   */
  readonly clientId?: string;
  /**
   * A file holding the client id.
   * @default - none
   */
  readonly clientIdFilePath?: string;
  /**
   * A client secret (prefer OIDC or a managed identity).
   * @default - `ARM_CLIENT_SECRET`
   */
  readonly clientSecret?: string;
  /**
   * A file holding the client secret.
   * @default - none
   */
  readonly clientSecretFilePath?: string;
  /**
   * A base64-encoded PKCS#12 client certificate.
   * @default - none
   */
  readonly clientCertificate?: string;
  /**
   * The client certificate's password.
   * @default - none
   */
  readonly clientCertificatePassword?: string;
  /**
   * The path of the client certificate.
   * @default - none
   */
  readonly clientCertificatePath?: string;
  /**
   * Authenticate with the Azure CLI.
   * @default true
   */
  readonly useCli?: boolean;
  /**
   * Authenticate with a managed identity.
   * @default false
   */
  readonly useMsi?: boolean;
  /**
   * Authenticate with OpenID Connect (workload identity federation, e.g. GitHub Actions).
   * @default false
   */
  readonly useOidc?: boolean;
  /**
   * Authenticate with AKS workload identity.
   * @default false
   */
  readonly useAksWorkloadIdentity?: boolean;
  /**
   * The bearer token for the OIDC token request.
   * @default - `ARM_OIDC_REQUEST_TOKEN` / `ACTIONS_ID_TOKEN_REQUEST_TOKEN`
   */
  readonly oidcRequestToken?: string;
  /**
   * The URL of the OIDC token request.
   * @default - `ARM_OIDC_REQUEST_URL` / `ACTIONS_ID_TOKEN_REQUEST_URL`
   */
  readonly oidcRequestUrl?: string;
  /**
   * An OIDC ID token.
   * @default - `ARM_OIDC_TOKEN`
   */
  readonly oidcToken?: string;
  /**
   * A file holding an OIDC ID token.
   * @default - `ARM_OIDC_TOKEN_FILE_PATH`
   */
  readonly oidcTokenFilePath?: string;
  /**
   * The Azure Pipelines service connection id for OIDC.
   * @default - `ARM_OIDC_AZURE_SERVICE_CONNECTION_ID`
   */
  readonly oidcAzureServiceConnectionId?: string;
  /**
   * Skip registering resource providers.
   * @default false
   */
  readonly skipProviderRegistration?: boolean;
  /**
   * A partner id for usage attribution.
   * @default - none
   */
  readonly partnerId?: string;
  /**
   * Do not send the Terraform partner id.
   * @default false
   */
  readonly disableTerraformPartnerId?: boolean;
  /**
   * Do not send the `x-ms-correlation-request-id` header.
   * @default false
   */
  readonly disableCorrelationRequestId?: boolean;
  /**
   * A fixed `x-ms-correlation-request-id`.
   * @default - a new UUID per request
   */
  readonly customCorrelationRequestId?: string;
  /**
   * Skip Microsoft Entra instance discovery.
   * @default false
   */
  readonly disableInstanceDiscovery?: boolean;
  /**
   * Do not export read-only properties into `output` when a resource has no `response_export_values`.
   * @default false
   */
  readonly disableDefaultOutput?: boolean;
  /**
   * Validate new resources with ARM preflight at plan time.
   * @default false
   */
  readonly enablePreflight?: boolean;
  /**
   * Suppress updates whose body still matches Azure after an api-version change.
   * @default true
   */
  readonly ignoreNoOpChanges?: boolean;
  /**
   * Keep the casing of resource ids already in state.
   * @default false
   */
  readonly preserveResourceIdCasing?: boolean;
  /**
   * Acquire an Azure Policy token for every write request.
   * @default false
   */
  readonly alwaysAcquirePolicyToken?: boolean;
  /**
   * Location of resources that set none.
   * @default - none
   */
  readonly defaultLocation?: string;
  /**
   * Name of resources that set none.
   * @default - none
   */
  readonly defaultName?: string;
  /**
   * Tags of resources that set none.
   * @default - none
   */
  readonly defaultTags?: { [key: string]: string };
}

/**
 * The `azapi` provider (Azure/azapi 2.x), written by hand in the shape of the generated cdktf providers: AzAPI has no
 * prebuilt cdktf package. `required_providers` gets `azure/azapi` with {@link AZAPI_VERSION_CONSTRAINT}.
 */
export class AzapiProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = 'azapi';

  private readonly config: AzapiProviderConfig;
  private _alias?: string;

  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: {
        providerName: 'azapi',
        // No exact providerVersion: cdktf would pin required_providers to it; the constraint is what users need.
        providerVersionConstraint: AZAPI_VERSION_CONSTRAINT,
      },
      terraformProviderSource: AZAPI_PROVIDER_SOURCE,
    });
    this.config = { ...config };
    this._alias = config.alias;
  }

  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  /** The subscription id given to the provider (not what Terraform resolves from the environment). */
  public get subscriptionIdInput(): string | undefined {
    return this.config.subscriptionId;
  }

  /** The tenant id given to the provider. */
  public get tenantIdInput(): string | undefined {
    return this.config.tenantId;
  }

  /** The environment given to the provider. */
  public get environmentInput(): string | undefined {
    return this.config.environment;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    const str = cdktf.stringToTerraform;
    const bool = cdktf.booleanToTerraform;
    return {
      always_acquire_policy_token: bool(c.alwaysAcquirePolicyToken),
      auxiliary_tenant_ids: cdktf.listMapper(str, false)(c.auxiliaryTenantIds),
      client_certificate: str(c.clientCertificate),
      client_certificate_password: str(c.clientCertificatePassword),
      client_certificate_path: str(c.clientCertificatePath),
      client_id: str(c.clientId),
      client_id_file_path: str(c.clientIdFilePath),
      client_secret: str(c.clientSecret),
      client_secret_file_path: str(c.clientSecretFilePath),
      custom_correlation_request_id: str(c.customCorrelationRequestId),
      default_location: str(c.defaultLocation),
      default_name: str(c.defaultName),
      default_tags: keepKeys(cdktf.hashMapper(str)(c.defaultTags)),
      disable_correlation_request_id: bool(c.disableCorrelationRequestId),
      disable_default_output: bool(c.disableDefaultOutput),
      disable_instance_discovery: bool(c.disableInstanceDiscovery),
      disable_terraform_partner_id: bool(c.disableTerraformPartnerId),
      enable_preflight: bool(c.enablePreflight),
      endpoint: cdktf.listMapper(endpointToTerraform, true)(c.endpoint),
      environment: str(c.environment),
      ignore_no_op_changes: bool(c.ignoreNoOpChanges),
      oidc_azure_service_connection_id: str(c.oidcAzureServiceConnectionId),
      oidc_request_token: str(c.oidcRequestToken),
      oidc_request_url: str(c.oidcRequestUrl),
      oidc_token: str(c.oidcToken),
      oidc_token_file_path: str(c.oidcTokenFilePath),
      partner_id: str(c.partnerId),
      preserve_resource_id_casing: bool(c.preserveResourceIdCasing),
      skip_provider_registration: bool(c.skipProviderRegistration),
      subscription_id: str(c.subscriptionId),
      tenant_id: str(c.tenantId),
      use_aks_workload_identity: bool(c.useAksWorkloadIdentity),
      use_cli: bool(c.useCli),
      use_msi: bool(c.useMsi),
      use_oidc: bool(c.useOidc),
      alias: str(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclAttributes(this.synthesizeAttributes(), { auxiliary_tenant_ids: 'list', default_tags: 'map', endpoint: 'block-list' });
  }
}

function endpointToTerraform(endpoint: AzapiProviderEndpoint | cdktf.IResolvable): unknown {
  if (!cdktf.canInspect(endpoint) || cdktf.Tokenization.isResolvable(endpoint)) return endpoint;
  const e = endpoint as AzapiProviderEndpoint;
  return {
    active_directory_authority_host: cdktf.stringToTerraform(e.activeDirectoryAuthorityHost),
    resource_manager_audience: cdktf.stringToTerraform(e.resourceManagerAudience),
    resource_manager_endpoint: cdktf.stringToTerraform(e.resourceManagerEndpoint),
  };
}

/**
 * cdktf snake-cases every key of a provider's attributes, map keys included; a lazy value is passed through untouched,
 * so user-chosen keys (tag names) survive.
 */
function keepKeys(value: unknown): unknown {
  if (value === undefined || cdktf.Tokenization.isResolvable(value)) return value;
  return cdktf.Lazy.anyValue({ produce: () => value });
}
