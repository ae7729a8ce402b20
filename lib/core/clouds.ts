import { Fn, Op, TerraformProvider, TerraformStack, Token } from './platform/cdktf';
import { IConstruct } from 'constructs';
import { describeInput } from './describe';
import { normalizeLocation } from './regions';
import { InputProblems, isUnresolved } from './validation';

/** Where a cloud's Health Data Services live: host names and private DNS zones. */
export interface HealthDataServicesEndpoints {
  /** FHIR services are `https://{workspace}-{fhir}.{fhirHostSuffix}`. */
  readonly fhirHostSuffix: string;
  /** DICOM services are `https://{workspace}-{dicom}.{dicomHostSuffix}`. */
  readonly dicomHostSuffix: string;
  /** Workspaces are `{workspace}.{workspaceHostSuffix}`. */
  readonly workspaceHostSuffix: string;
  /** The private DNS zones of a workspace private endpoint (subresource `healthcareworkspace`). */
  readonly privateDnsZones: HealthDataPrivateDnsZoneNames;
}

/** The three private DNS zone names of a workspace private endpoint, by the host names they serve. */
export interface HealthDataPrivateDnsZoneNames {
  readonly workspace: string;
  readonly fhir: string;
  readonly dicom: string;
}

/** One Azure cloud (a separate instance of Azure, with its own regions and host names). */
export interface AzureCloud {
  /** The azurerm provider's `environment` for this cloud: "public", "usgovernment" or "china". */
  readonly environment: string;
  readonly displayName: string;
  /** Region names (normalized) of this cloud start with one of these; the public cloud is the rest. */
  readonly regionPrefixes: readonly string[];
  /** The Microsoft Entra ID host that issues tokens in this cloud (FHIR `authentication.authority`). */
  readonly loginAuthorityHost: string;
  /** Present when the cloud offers Azure Health Data Services. */
  readonly healthDataServices?: HealthDataServicesEndpoints;
}

/**
 * The clouds, one row each. Sources:
 * - host suffixes and private DNS zones: Microsoft Learn, "Azure Private Endpoint private DNS zone values"
 *   (learn.microsoft.com/azure/private-link/private-endpoint-dns): `Microsoft.HealthcareApis/workspaces`,
 *   subresource `healthcareworkspace`, in the commercial and the Government sections (zone names and the public
 *   DNS zone forwarders, which are the service host suffixes);
 * - authority hosts: Microsoft Learn, "National clouds" (learn.microsoft.com/entra/identity-platform/authentication-national-cloud),
 *   Microsoft Entra authentication endpoints;
 * - availability: Health Data Services is offered in Azure Government (its private-link row in the Government
 *   section above). Azure China (21Vianet) does not offer it: the China section of the same table has no Health
 *   Data Services row, and Microsoft's "Regional availability of services and features" page lists no China region.
 */
export const AZURE_CLOUDS: readonly AzureCloud[] = [
  {
    environment: 'public',
    displayName: 'Azure public cloud',
    regionPrefixes: [],
    loginAuthorityHost: 'login.microsoftonline.com',
    healthDataServices: {
      fhirHostSuffix: 'fhir.azurehealthcareapis.com',
      dicomHostSuffix: 'dicom.azurehealthcareapis.com',
      workspaceHostSuffix: 'workspace.azurehealthcareapis.com',
      privateDnsZones: {
        workspace: 'privatelink.workspace.azurehealthcareapis.com',
        fhir: 'privatelink.fhir.azurehealthcareapis.com',
        dicom: 'privatelink.dicom.azurehealthcareapis.com',
      },
    },
  },
  {
    environment: 'usgovernment',
    displayName: 'Azure Government',
    regionPrefixes: ['usgov', 'usdod'],
    loginAuthorityHost: 'login.microsoftonline.us',
    healthDataServices: {
      fhirHostSuffix: 'fhir.azurehealthcareapis.us',
      dicomHostSuffix: 'dicom.azurehealthcareapis.us',
      workspaceHostSuffix: 'workspace.azurehealthcareapis.us',
      privateDnsZones: {
        workspace: 'privatelink.workspace.azurehealthcareapis.us',
        fhir: 'privatelink.fhir.azurehealthcareapis.us',
        dicom: 'privatelink.dicom.azurehealthcareapis.us',
      },
    },
  },
  {
    environment: 'china',
    displayName: 'Azure China (21Vianet)',
    regionPrefixes: ['china'],
    loginAuthorityHost: 'login.partner.microsoftonline.cn',
  },
];

const PUBLIC_CLOUD = AZURE_CLOUDS[0];
const GOVERNMENT_CLOUD = AZURE_CLOUDS[1];

/** The cloud a (literal) region belongs to: `usgov*` and `usdod*` are Azure Government, `china*` Azure China. */
export function cloudOfRegion(location: string): AzureCloud {
  // The prefix is all that matters; a megabyte of text is not normalized whole.
  const normalized = normalizeLocation(location.slice(0, 100));
  return AZURE_CLOUDS.find((cloud) => cloud.regionPrefixes.some((prefix) => normalized.startsWith(prefix))) ?? PUBLIC_CLOUD;
}

/** The cloud the stack's default azurerm provider (no alias) names in `environment`, if it names one in code. */
export function providerEnvironment(scope: IConstruct): string | undefined {
  const provider = defaultAzurermProvider(scope);
  // Sound: the provider is a TerraformProvider found by its type (azurerm), whose generated class has `environment`;
  // the core module cannot import the azurerm provider class itself without loading it for every app.
  const environment = (provider as unknown as { environment?: unknown } | undefined)?.environment;
  return typeof environment === 'string' && !isUnresolved(environment) ? environment : undefined;
}

const defaultProviders = new WeakMap<TerraformStack, TerraformProvider>();

function defaultAzurermProvider(scope: IConstruct): TerraformProvider | undefined {
  const stack = TerraformStack.of(scope);
  const cached = defaultProviders.get(stack);
  if (cached !== undefined) return cached;
  const found = stack.node.children.find(
    (child): child is TerraformProvider =>
      child instanceof TerraformProvider && child.terraformResourceType === 'azurerm' && child.alias === undefined,
  );
  if (found !== undefined) defaultProviders.set(stack, found);
  return found;
}

/**
 * The cloud of a location when it can be known at synth: the provider's `environment` when the code sets it,
 * otherwise the region's (a literal one). Undefined for a token region without an environment.
 */
export function knownCloud(scope: IConstruct, location: string): AzureCloud | undefined {
  const environment = providerEnvironment(scope)?.toLowerCase();
  const named = AZURE_CLOUDS.find((cloud) => cloud.environment === environment);
  if (named !== undefined) return named;
  return isUnresolved(location) || typeof location !== 'string' ? undefined : cloudOfRegion(location);
}

/**
 * A value that differs by cloud (a host name, a zone name), for a service in `location`: the literal of the known
 * cloud, or, for a token region without an environment, a Terraform expression that picks Azure Government's value
 * for `usgov*`/`usdod*` regions and the public cloud's otherwise.
 */
export function cloudValue(scope: IConstruct, location: string, pick: (endpoints: HealthDataServicesEndpoints, cloud: AzureCloud) => string): string {
  const cloud = knownCloud(scope, location);
  if (cloud !== undefined) return pick(cloud.healthDataServices ?? PUBLIC_CLOUD.healthDataServices!, cloud);
  return Token.asString(
    Fn.conditional(
      inCloud(location, GOVERNMENT_CLOUD),
      pick(GOVERNMENT_CLOUD.healthDataServices!, GOVERNMENT_CLOUD),
      pick(PUBLIC_CLOUD.healthDataServices!, PUBLIC_CLOUD),
    ),
  );
}

/** The Entra ID authority host for a service in `location` (see {@link cloudValue}). */
export function loginAuthorityHost(scope: IConstruct, location: string): string {
  return cloudValue(scope, location, (_, cloud) => cloud.loginAuthorityHost);
}

/**
 * Checks that a workspace's region is in a cloud that offers Health Data Services and agrees with the provider's
 * `environment` when the code sets one; for a token region with an environment, Terraform checks the agreement at
 * plan.
 */
export function checkCloud(scope: IConstruct, problems: InputProblems, subject: string, location: string): void {
  const environment = providerEnvironment(scope);
  const named = environment === undefined ? undefined : AZURE_CLOUDS.find((cloud) => cloud.environment === environment.toLowerCase());
  if (environment !== undefined && named === undefined) {
    problems.add(
      `The stack's azurerm provider environment ${describeInput(environment)} is invalid: one of ${AZURE_CLOUDS.map((cloud) => `"${cloud.environment}"`).join(', ')}. Set a valid environment on the AzurermProvider.`,
    );
    return;
  }
  if (typeof location !== 'string') return;
  if (isUnresolved(location)) {
    if (named !== undefined && named.healthDataServices !== undefined) {
      problems.checkAtPlan(
        inCloud(location, named),
        `${subject} is invalid: the stack's azurerm provider deploys to ${named.displayName} (environment "${named.environment}"), so the region must be one of ${named.displayName}'s. ` +
          'Use a region of that cloud, or set the environment of the cloud you mean.',
      );
    }
  } else {
    const regional = cloudOfRegion(location);
    if (named !== undefined && named !== regional) {
      problems.add(
        `${subject} ${describeInput(location)} is invalid: it is a region of ${regional.displayName}, but the stack's azurerm provider has environment "${named.environment}" (${named.displayName}), where it does not exist. ` +
          `Set environment: "${regional.environment}" on the AzurermProvider, or use a region of ${named.displayName}.`,
      );
      return;
    }
  }
  const cloud = named ?? (isUnresolved(location) ? undefined : cloudOfRegion(location));
  if (cloud !== undefined && cloud.healthDataServices === undefined) {
    problems.add(
      `${subject} ${describeInput(location)} is invalid: Azure Health Data Services is not offered in ${cloud.displayName}: Microsoft lists no region of that cloud for it. ` +
        `Use a region of ${AZURE_CLOUDS.filter((c) => c.healthDataServices !== undefined)
          .map((c) => c.displayName)
          .join(' or ')}.`,
    );
  }
}

/** A Terraform condition: the (token) region is one of the cloud's. */
function inCloud(location: string, cloud: AzureCloud): unknown {
  const normalized = Fn.lower(Fn.replace(location, ' ', ''));
  const sovereign = AZURE_CLOUDS.flatMap((c) => c.regionPrefixes.map((prefix) => Fn.startswith(normalized, prefix)));
  if (cloud.regionPrefixes.length === 0) return Op.not(Fn.anytrue(sovereign));
  return Fn.anytrue(cloud.regionPrefixes.map((prefix) => Fn.startswith(normalized, prefix)));
}
