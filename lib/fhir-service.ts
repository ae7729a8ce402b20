import { Construct, IConstruct } from 'constructs';
import { HealthDataRole } from './access/health-data-role';
import type { GrantOptions } from './access/role-grant';
import { grantServiceRole } from './access/service-grants';
import { boundaryOf } from './core/boundary';
import type { IHealthDataService, IWorkspaceRef } from './core/boundary';
import { clientConfigOf } from './core/client-config';
import { cloudValue, loginAuthorityHost } from './core/clouds';
import { checkCors, CorsOptions } from './core/cors';
import { checkIdentity, hasSystemAssigned, ManagedIdentityOptions, ManagedIdentityType } from './core/identity';
import { FHIR_SERVICE_KIND } from './core/kinds';
import type { ServiceKind } from './core/kinds';
import { BOOLEAN_RULE, HTTPS_URL_RULE, NON_EMPTY_RULE, STORAGE_ACCOUNT_NAME_RULE, UUID_RULE } from './core/names';
import { HealthcareFhirService } from './core/platform/azurerm';
import type { HealthcareFhirServiceOciArtifact, HealthcareFhirServiceTimeouts, RoleAssignment } from './core/platform/azurerm';
import { Fn, Token } from './core/platform/cdktf';
import { RemovalPolicy } from './core/removal-policy';
import { HealthDataServiceOptions, ServiceFoundation } from './core/service';
import type { Tags } from './core/tags';
import { checkTimeouts } from './core/timeouts';
import { InputProblems, isUnresolved, objectRule, propsObject, ValueRule } from './core/validation';
import type { AzapiResource } from './core/platform/azapi/resource';
import { azapiSettingsIn } from './fhir/arm-settings';
import type {
  FhirAzapiSettings,
  FhirImplementationGuides,
  FhirImportConfiguration,
  FhirResourceVersionPolicyOptions,
  SmartIdentityProvider,
} from './fhir/arm-settings';
import {
  checkAccessPoliciesWithAzapi,
  checkCustomerManagedKeyIdentity,
  checkFhirAzapiSettings,
  encryptionKeyUrlTokenPrecondition,
} from './fhir/arm-settings-checks';
import { createAzapiFhirService, FhirResourceProvider } from './fhir/azapi-fhir-service';
import { grantStoreAccess } from './fhir/store-access';
import { checkMonitoringOptions, ServiceMonitoringOptions } from './monitoring/monitoring-options';
import { WorkspaceMonitoring } from './monitoring/workspace-monitoring';

/** The FHIR version a FHIR service speaks. Changing it replaces the service. */
export enum FhirVersion {
  R4 = 'fhir-R4',
  STU3 = 'fhir-Stu3',
}

/** How clients authenticate to the FHIR service (Microsoft Entra ID). */
export interface FhirAuthentication {
  /**
   * The token issuer: `https://login.microsoftonline.com/{tenant-id}` (Azure Government: `login.microsoftonline.us`).
   * @default - the tenant of the identity that deploys (`data.azurerm_client_config`), at the Entra ID host of the
   * workspace's cloud
   */
  readonly authority?: string;
  /**
   * The audience tokens must be issued for.
   * @default - the service endpoint, `https://{workspace}-{name}.fhir.azurehealthcareapis.com` (`.us` in Azure Government)
   */
  readonly audience?: string;
  /**
   * Whether the SMART on FHIR proxy is enabled.
   * @default false
   */
  readonly smartProxyEnabled?: boolean;
  /**
   * Identity providers besides Microsoft Entra ID for SMART on FHIR (at most 2, each with 1-25 applications whose only
   * allowed data action is `Read`). Written through AzAPI: setting it makes the service an `azapi_resource`.
   * @default - Microsoft Entra ID only
   */
  readonly smartIdentityProviders?: SmartIdentityProvider[];
}

/** An OCI artifact (e.g. `$convert-data` templates) the FHIR service may pull from a container registry. */
export interface FhirOciArtifact {
  /** The registry's login server, e.g. `myregistry.azurecr.io`. */
  readonly loginServer: string;
  /**
   * The image name.
   * @default - every image of the registry
   */
  readonly imageName?: string;
  /**
   * The image digest.
   * @default - every digest
   */
  readonly digest?: string;
}

/** Options of a FHIR service defined through `workspace.addFhirService()`. */
export interface FhirServiceOptions extends HealthDataServiceOptions, ServiceMonitoringOptions {
  /**
   * The FHIR version. Changing it replaces the service (and its data).
   * @default FhirVersion.R4
   */
  readonly kind?: FhirVersion;
  /**
   * Authentication settings.
   * @default - authority of the deploying tenant, audience = the service endpoint, SMART proxy off
   */
  readonly authentication?: FhirAuthentication;
  /**
   * Cross-origin resource sharing.
   * @default - no CORS (browsers on other origins cannot call the service)
   */
  readonly cors?: CorsOptions;
  /**
   * The service's managed identity: `SystemAssigned` or `UserAssigned`.
   * @default - a system-assigned identity when `configurationExportStorageAccountName`, `containerRegistryLoginServerUrl`
   * or `ociArtifact` needs one, otherwise none
   */
  readonly identity?: ManagedIdentityOptions;
  /**
   * Entra ID object ids given data-plane access through the (legacy) FHIR access policies. Prefer role assignments.
   * @default - none
   */
  readonly accessPolicyObjectIds?: string[];
  /**
   * The name (not id) of the storage account that `$export` writes to. The service's identity needs
   * Storage Blob Data Contributor on it.
   * @default - `$export` not configured
   */
  readonly configurationExportStorageAccountName?: string;
  /**
   * Login servers of Azure Container Registries the service may read templates from (`$convert-data`).
   * @default - none
   */
  readonly containerRegistryLoginServerUrl?: string[];
  /**
   * OCI artifacts the service may pull.
   * @default - none
   */
  readonly ociArtifact?: FhirOciArtifact[];
  /**
   * Whether Terraform may destroy the service and the PHI in it. `RETAIN` sets `lifecycle.prevent_destroy`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Terraform operation timeouts.
   * @default - the provider's: create 90m, read 5m, update 90m, delete 30m (the same for the AzAPI form)
   */
  readonly timeouts?: HealthcareFhirServiceTimeouts;
  /**
   * A customer-managed key for data at rest: the versioned URL of a Key Vault (or Managed HSM) key,
   * `https://{vault}.vault.azure.net/keys/{key}/{version}`. The service's identity needs Key Vault Crypto Service
   * Encryption User on the key when the key is set: use a user-assigned identity granted that role first, or the
   * two-apply flow with a system-assigned identity (`systemAssignedIdentityExists`). Written through AzAPI.
   * @default - Microsoft-managed keys
   */
  readonly encryptionKeyUrl?: string;
  /**
   * `$import` from a storage account (by name). The service's identity needs Storage Blob Data Contributor on it
   * (`grantImportStoreAccess`). Written through AzAPI.
   * @default - `$import` not configured
   */
  readonly importConfiguration?: FhirImportConfiguration;
  /**
   * The resource version (history) policy, for every resource type and per type. Written through AzAPI.
   * @default - the service's default, `versioned`
   */
  readonly resourceVersionPolicy?: FhirResourceVersionPolicyOptions;
  /**
   * FHIR implementation guides the service follows (US Core missing data). Written through AzAPI.
   * @default - none enabled
   */
  readonly implementationGuides?: FhirImplementationGuides;
  /**
   * The second apply of the customer-managed-key flow with a system-assigned identity: you state that the service and
   * its identity exist and that the identity holds Key Vault Crypto Service Encryption User on the key.
   * @default false
   */
  readonly systemAssignedIdentityExists?: boolean;
  /**
   * Which provider writes the service. The settings azurerm cannot write (`encryptionKeyUrl`, `importConfiguration`,
   * `resourceVersionPolicy`, `authentication.smartIdentityProviders`, `implementationGuides`) need AzAPI. A service
   * moved to AzAPI cannot move back (azurerm cannot take over an AzAPI resource): keep `FhirResourceProvider.AZAPI`
   * when you remove the last of those settings.
   * @default - `FhirResourceProvider.AZAPI` when any setting needs it, otherwise `FhirResourceProvider.AZURERM`
   */
  readonly resourceProvider?: FhirResourceProvider;
}

/** Properties of a {@link FhirService}. */
export interface FhirServiceProps extends FhirServiceOptions {
  /**
   * The workspace the service belongs to.
   * @default - the nearest `Workspace` among the construct's ancestors
   */
  readonly workspace?: IWorkspaceRef;
}

/** A FHIR service, defined in this app or imported. */
export interface IFhirService extends IConstruct {
  /**
   * The service's Azure resource id.
   * @attribute
   */
  readonly fhirServiceId: string;
  /**
   * The service's name.
   * @attribute
   */
  readonly fhirServiceName: string;
  /**
   * The service's URL, `https://{workspace}-{name}.fhir.azurehealthcareapis.com` (`.azurehealthcareapis.us` in Azure
   * Government).
   * @attribute
   */
  readonly fhirServiceEndpoint: string;
  /**
   * The FHIR version, when known.
   * @default - unknown for an imported service without `fhirVersion`
   */
  readonly fhirVersion?: FhirVersion;
  /**
   * The workspace of the service, when known.
   * @default - unknown for an imported service without `workspace`
   */
  readonly workspace?: IWorkspaceRef;

  /**
   * Assigns a role to a principal at the service's scope (`azurerm_role_assignment`, construct
   * `Grants/<Role>-<principal>`): a built-in FHIR data-plane role, or a control-plane role (`HealthDataRole.OWNER`,
   * `CONTRIBUTOR`, `READER`, ...). A data role of another kind (a DICOM role) is rejected; granting the same role to
   * the same principal again returns the first assignment.
   */
  grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR Data Reader: read and search FHIR resources. */
  grantDataReader(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR Data Writer: read, write and soft-delete FHIR resources. */
  grantDataWriter(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR Data Contributor: every data-plane operation, including hard delete. */
  grantDataContributor(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR Data Exporter: read and run `$export`. */
  grantDataExporter(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR Data Importer: read and run `$import`. */
  grantDataImporter(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR Data Converter: run `$convert-data`. */
  grantDataConverter(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR SMART User: read and write the data a SMART on FHIR app's scopes allow. */
  grantSmartUser(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants FHIR Data Bulk Operator: run bulk operations on FHIR data. */
  grantDataBulkOperator(principalId: string, options?: GrantOptions): RoleAssignment;
}

/** The attributes of a FHIR service that exists already. */
export interface FhirServiceAttributes {
  /** The resource id, `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.HealthcareApis/workspaces/{w}/fhirServices/{name}`. */
  readonly fhirServiceId: string;
  /**
   * The FHIR version.
   * @default - unknown (MedTech, which needs R4, then trusts the caller)
   */
  readonly fhirVersion?: FhirVersion;
  /**
   * The workspace of the service.
   * @default - unknown
   */
  readonly workspace?: IWorkspaceRef;
}

const FHIR_SERVICE_ID =
  /^\/?subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.HealthcareApis\/workspaces\/([^/]+)\/fhirServices\/([^/]+)$/;

const FHIR_VERSION_RULE: ValueRule<string> = {
  requirement: `one of ${Object.values(FhirVersion)
    .map((v) => `"${v}"`)
    .join(', ')}`,
  test: (value) => (Object.values(FhirVersion) as string[]).includes(value),
  fix: (value) => {
    const match = Object.entries(FhirVersion).find(([, v]) => v.toLowerCase() === String(value).toLowerCase());
    return match ? `Use FhirVersion.${match[0]} ("${match[1]}").` : undefined;
  },
};

const AUTHORITY_RULE: ValueRule<string> = {
  requirement: 'the https URL of an Entra ID tenant, e.g. "https://login.microsoftonline.com/{tenant-id}"',
  test: (value) => HTTPS_URL_RULE.test(value) && new URL(value).pathname.replace(/\//g, '').length > 0,
  fix: HTTPS_URL_RULE.fix,
};

/**
 * What defined and imported FHIR services share: the attributes and the grants (scope: the service), the way AWS CDK
 * shares a table's grants between `Table` and `Table.fromTableAttributes`.
 */
export abstract class FhirServiceBase extends Construct implements IFhirService {
  public abstract readonly fhirServiceId: string;
  public abstract readonly fhirServiceName: string;
  public abstract readonly fhirServiceEndpoint: string;
  public abstract readonly fhirVersion?: FhirVersion;
  public abstract readonly workspace?: IWorkspaceRef;

  public grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment {
    return grantServiceRole(this, FHIR_SERVICE_KIND, this.fhirServiceId, principalId, role, options);
  }

  public grantDataReader(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_DATA_READER, options);
  }

  public grantDataWriter(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_DATA_WRITER, options);
  }

  public grantDataContributor(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_DATA_CONTRIBUTOR, options);
  }

  public grantDataExporter(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_DATA_EXPORTER, options);
  }

  public grantDataImporter(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_DATA_IMPORTER, options);
  }

  public grantDataConverter(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_DATA_CONVERTER, options);
  }

  public grantSmartUser(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_SMART_USER, options);
  }

  public grantDataBulkOperator(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.FHIR_DATA_BULK_OPERATOR, options);
  }
}

/**
 * A FHIR service in a Health Data Services workspace: `azurerm_healthcare_fhir_service`, or, when a setting azurerm
 * cannot write is given, one `azapi_resource` of type `Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31`
 * (the whole service, moved in state from the azurerm address).
 *
 * @stateful
 */
export class FhirService extends FhirServiceBase implements IHealthDataService {
  /** A FHIR service that exists already (e.g. as a MedTech destination, or to grant roles on). */
  public static fromFhirServiceAttributes(scope: Construct, id: string, attrs: FhirServiceAttributes): IFhirService {
    return new ImportedFhirService(scope, id, attrs);
  }

  public readonly serviceKind: ServiceKind = FHIR_SERVICE_KIND;
  public readonly serviceName: string;
  public readonly fhirServiceName: string;
  public readonly fhirServiceEndpoint: string;
  public readonly fhirVersion: FhirVersion;
  public readonly workspace: IWorkspaceRef;
  /**
   * The service's region (the workspace's).
   * @attribute
   */
  public readonly location: string;
  /**
   * The tags on the service: the workspace's merged with the service's own.
   * @default - none
   */
  public readonly tags?: Tags;
  /**
   * The primary resource, child `Resource` (escape hatch for `addOverride`): the `azurerm_healthcare_fhir_service`, or
   * the `azapi_resource` when {@link FhirService.resourceProvider} is AzAPI (its arguments are then `body.properties.*`
   * under their ARM names). Narrow with `instanceof` for the provider's typed properties.
   */
  public readonly resource: HealthcareFhirService | AzapiResource;
  /** Which provider writes the service. */
  public readonly resourceProvider: FhirResourceProvider;
  private readonly systemAssignedIdentity: boolean;
  private readonly importStore?: string;
  private readonly exportStore?: string;
  // Token attributes are made on first use: each cdktf token captures a stack trace, most of a construct's cost.
  private idToken?: string;
  private principalIdToken?: string;

  constructor(scope: Construct, id: string, props: FhirServiceProps) {
    super(scope, id);
    const foundation = new ServiceFoundation(this, props, FHIR_SERVICE_KIND);
    this.workspace = foundation.workspace;
    this.location = foundation.location;
    this.tags = foundation.tags;
    const kind = props.kind ?? FhirVersion.R4;
    const identity = props.identity ?? defaultIdentity(props);
    this.systemAssignedIdentity = hasSystemAssigned(identity);
    const settings = azapiSettingsOf(props);
    checkFhirProps(foundation.problems, props);
    checkAzapiProps(foundation.problems, props, settings, kind);
    foundation.problems.throwIfAny();
    this.resourceProvider =
      props.resourceProvider ?? (azapiSettingsIn(settings).length > 0 ? FhirResourceProvider.AZAPI : FhirResourceProvider.AZURERM);
    if (props.encryptionKeyUrl !== undefined && isUnresolved(props.encryptionKeyUrl))
      foundation.addPrecondition(encryptionKeyUrlTokenPrecondition(this, props.encryptionKeyUrl));
    this.importStore = props.importConfiguration?.integrationDataStore;
    this.exportStore = props.configurationExportStorageAccountName;

    this.serviceName = props.name;
    this.fhirServiceName = props.name;
    this.fhirVersion = kind;
    this.fhirServiceEndpoint = `https://${this.workspace.workspaceName}-${props.name}.${cloudValue(this, this.location, (cloud) => cloud.fhirHostSuffix)}`;
    const authority = props.authentication?.authority ?? `https://${loginAuthorityHost(this, this.location)}/${clientConfigOf(this).tenantId}`;
    const audience = props.authentication?.audience ?? this.fhirServiceEndpoint;
    this.resource =
      this.resourceProvider === FhirResourceProvider.AZAPI
        ? createAzapiFhirService(this, {
            name: props.name,
            workspaceId: this.workspace.workspaceId,
            location: this.location,
            tags: this.tags,
            kind,
            authority,
            audience,
            smartProxyEnabled: props.authentication?.smartProxyEnabled,
            cors: props.cors,
            identity,
            configurationExportStorageAccountName: props.configurationExportStorageAccountName,
            containerRegistryLoginServerUrl: props.containerRegistryLoginServerUrl,
            ociArtifact: props.ociArtifact,
            settings,
            timeouts: props.timeouts,
            lifecycle: foundation.lifecycle(props.removalPolicy),
          })
        : new HealthcareFhirService(this, 'Resource', {
            name: props.name,
            workspaceId: this.workspace.workspaceId,
            resourceGroupName: this.workspace.resourceGroupName,
            location: this.location,
            kind,
            authentication: {
              authority,
              audience,
              smartProxyEnabled: props.authentication?.smartProxyEnabled,
            },
            cors: props.cors && {
              allowedOrigins: props.cors.allowedOrigins,
              allowedHeaders: props.cors.allowedHeaders,
              allowedMethods: props.cors.allowedMethods,
              maxAgeInSeconds: props.cors.maxAgeInSeconds,
              credentialsAllowed: props.cors.allowCredentials,
            },
            identity: identity && { type: identity.type, identityIds: identity.identityIds },
            accessPolicyObjectIds: props.accessPolicyObjectIds,
            configurationExportStorageAccountName: props.configurationExportStorageAccountName,
            containerRegistryLoginServerUrl: props.containerRegistryLoginServerUrl,
            ociArtifact: props.ociArtifact?.map((artifact): HealthcareFhirServiceOciArtifact => ({ ...artifact })),
            tags: this.tags,
            timeouts: props.timeouts,
            lifecycle: foundation.lifecycle(props.removalPolicy),
          });
    WorkspaceMonitoring.configureService(this, props.monitoring);
    foundation.join(this);
  }

  /** The service's Azure resource id (a token). */
  public get fhirServiceId(): string {
    return (this.idToken ??= this.resource.id);
  }

  /**
   * The principal id of the service's system-assigned identity (a token), if it has one.
   * @attribute
   */
  public get identityPrincipalId(): string | undefined {
    if (!this.systemAssignedIdentity) return undefined;
    return (this.principalIdToken ??=
      this.resource instanceof HealthcareFhirService ? this.resource.identity.principalId : this.resource.identityPrincipalId);
  }

  /**
   * Grants the service's system-assigned identity Storage Blob Data Contributor on the `$import` storage account (the
   * account `importConfiguration.integrationDataStore` names), as `$import` needs. Child
   * `IdentityGrants/StorageBlobDataContributor-<account>`; the same account for `$export` is granted once.
   */
  public grantImportStoreAccess(storageAccountId: string): RoleAssignment {
    return grantStoreAccess(
      { construct: this, principalId: this.identityPrincipalId },
      { operation: '$import', prop: 'importConfiguration.integrationDataStore', accountName: this.importStore },
      storageAccountId,
    );
  }

  /**
   * Grants the service's system-assigned identity Storage Blob Data Contributor on the `$export` storage account (the
   * account `configurationExportStorageAccountName` names), as `$export` needs.
   */
  public grantExportStoreAccess(storageAccountId: string): RoleAssignment {
    return grantStoreAccess(
      { construct: this, principalId: this.identityPrincipalId },
      { operation: '$export', prop: 'configurationExportStorageAccountName', accountName: this.exportStore },
      storageAccountId,
    );
  }
}

/** The settings only AzAPI writes, as the props give them. */
function azapiSettingsOf(props: FhirServiceOptions): FhirAzapiSettings {
  return {
    encryptionKeyUrl: props.encryptionKeyUrl,
    importConfiguration: props.importConfiguration,
    resourceVersionPolicy: props.resourceVersionPolicy,
    smartIdentityProviders: props.authentication?.smartIdentityProviders,
    implementationGuides: props.implementationGuides,
  };
}

const RESOURCE_PROVIDER_RULE: ValueRule<string> = {
  requirement: `one of ${Object.values(FhirResourceProvider)
    .map((v) => `"${v}"`)
    .join(', ')}`,
  test: (value) => (Object.values(FhirResourceProvider) as string[]).includes(value),
  fix: (value) => {
    const match = Object.entries(FhirResourceProvider).find(([, v]) => v === String(value).toLowerCase());
    return match ? `Use FhirResourceProvider.${match[0]} ("${match[1]}").` : undefined;
  },
};

function checkAzapiProps(problems: InputProblems, props: FhirServiceOptions, settings: FhirAzapiSettings, kind: string): void {
  checkFhirAzapiSettings(problems, settings, { subject: 'FhirService', kind });
  problems
    .check('FhirService resourceProvider', props.resourceProvider as string | undefined, RESOURCE_PROVIDER_RULE)
    .check('FhirService systemAssignedIdentityExists', props.systemAssignedIdentityExists as unknown, BOOLEAN_RULE);
  const needAzapi = azapiSettingsIn(settings);
  if (props.resourceProvider === FhirResourceProvider.AZURERM && needAzapi.length > 0) {
    problems.add(
      `FhirService resourceProvider "azurerm" cannot write ${needAzapi.join(', ')}: azurerm 4.55 has no argument for ${needAzapi.length > 1 ? 'them' : 'it'}. ` +
        'Drop resourceProvider (the service is then written through AzAPI), or drop the setting.',
    );
  }
  checkAccessPoliciesWithAzapi(problems, 'FhirService', props.accessPolicyObjectIds, settings);
  if (props.resourceProvider === FhirResourceProvider.AZAPI && needAzapi.length === 0 && (props.accessPolicyObjectIds?.length ?? 0) > 0) {
    problems.add(
      'FhirService accessPolicyObjectIds cannot be written through AzAPI: API version 2024-03-31 has no FHIR access policies (removed in 2023-09-06). ' +
        'Grant data-plane roles instead (grantDataReader, grantDataWriter, ...) and drop accessPolicyObjectIds.',
    );
  }
  checkCustomerManagedKeyIdentity(problems, {
    subject: 'FhirService',
    encryptionKeyUrl: props.encryptionKeyUrl,
    identity: props.identity,
    systemAssignedIdentityExists: props.systemAssignedIdentityExists,
  });
}

/** A system-assigned identity when a feature needs one and none was given (doing the right thing beats failing). */
function defaultIdentity(props: FhirServiceOptions): ManagedIdentityOptions | undefined {
  const needsIdentity =
    props.configurationExportStorageAccountName !== undefined ||
    (props.containerRegistryLoginServerUrl?.length ?? 0) > 0 ||
    (props.ociArtifact?.length ?? 0) > 0 ||
    props.importConfiguration !== undefined;
  return needsIdentity ? { type: ManagedIdentityType.SYSTEM_ASSIGNED } : undefined;
}

const OCI_ARTIFACT_OBJECT = objectRule('an object { loginServer, imageName?, digest? }');

function checkFhirProps(problems: InputProblems, props: FhirServiceOptions): void {
  problems
    .check('FhirService kind', props.kind as string | undefined, FHIR_VERSION_RULE)
    .check('FhirService authentication.authority', props.authentication?.authority, AUTHORITY_RULE)
    .check('FhirService authentication.audience', props.authentication?.audience, NON_EMPTY_RULE)
    .checkEach('FhirService accessPolicyObjectIds', props.accessPolicyObjectIds, UUID_RULE)
    .check('FhirService configurationExportStorageAccountName', props.configurationExportStorageAccountName, STORAGE_ACCOUNT_NAME_RULE)
    .checkEach('FhirService containerRegistryLoginServerUrl', props.containerRegistryLoginServerUrl, NON_EMPTY_RULE)
    .check('FhirService authentication.smartProxyEnabled', props.authentication?.smartProxyEnabled as unknown, BOOLEAN_RULE)
    .checkEach<unknown>('FhirService ociArtifact', props.ociArtifact, OCI_ARTIFACT_OBJECT);
  (Array.isArray(props.ociArtifact) ? props.ociArtifact : []).forEach((artifact, index) => {
    if (!OCI_ARTIFACT_OBJECT.test(artifact)) return;
    problems
      .check(`FhirService ociArtifact[${index}].loginServer`, artifact.loginServer, NON_EMPTY_RULE)
      .check(`FhirService ociArtifact[${index}].imageName`, artifact.imageName, NON_EMPTY_RULE)
      .check(`FhirService ociArtifact[${index}].digest`, artifact.digest, NON_EMPTY_RULE);
  });
  checkCors(problems, 'FhirService cors', props.cors, 99999);
  checkMonitoringOptions(problems, 'FhirService monitoring', props.monitoring, [FHIR_SERVICE_KIND]);
  checkTimeouts(problems, 'FhirService timeouts', props.timeouts);
  checkIdentity(problems, 'FhirService identity', props.identity, [ManagedIdentityType.SYSTEM_ASSIGNED, ManagedIdentityType.USER_ASSIGNED]);
}

class ImportedFhirService extends FhirServiceBase {
  public readonly fhirServiceId: string;
  public readonly fhirServiceName: string;
  public readonly fhirServiceEndpoint: string;
  public readonly fhirVersion?: FhirVersion;
  public readonly workspace?: IWorkspaceRef;

  constructor(scope: Construct, id: string, attrs: FhirServiceAttributes) {
    super(scope, id);
    propsObject(this, 'Imported FhirService attributes', attrs, '{ fhirServiceId, fhirVersion?, workspace? }');
    const problems = new InputProblems(this).check('Imported FhirService fhirServiceId', attrs.fhirServiceId, {
      requirement:
        'a FHIR service id of the form /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.HealthcareApis/workspaces/{w}/fhirServices/{name}',
      test: (value) => typeof value === 'string' && FHIR_SERVICE_ID.test(value),
      required: true,
    });
    problems.check('Imported FhirService fhirVersion', attrs.fhirVersion as string | undefined, FHIR_VERSION_RULE);
    problems.throwIfAny();
    const parsed = isUnresolved(attrs.fhirServiceId) ? undefined : FHIR_SERVICE_ID.exec(attrs.fhirServiceId);
    // A token id is taken apart by Terraform: "/subscriptions/{s}/.../workspaces/{w}/fhirServices/{name}".
    const segments = Fn.split('/', attrs.fhirServiceId);
    const workspaceName = parsed?.[1] ?? attrs.workspace?.workspaceName ?? Token.asString(Fn.element(segments, 8));
    this.fhirServiceId = attrs.fhirServiceId;
    this.fhirServiceName = parsed?.[2] ?? Token.asString(Fn.element(segments, 10));
    this.fhirServiceEndpoint = `https://${workspaceName}-${this.fhirServiceName}.${cloudValue(this, attrs.workspace?.location ?? '', (cloud) => cloud.fhirHostSuffix)}`;
    this.fhirVersion = attrs.fhirVersion;
    this.workspace = attrs.workspace;
    // Its grants are inside that workspace's boundary (a lock waits for them).
    if (attrs.workspace !== undefined) boundaryOf(attrs.workspace).addMember(this);
  }
}
