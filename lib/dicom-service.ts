import { Construct, IConstruct } from 'constructs';
import { HealthDataRole } from './access/health-data-role';
import type { GrantOptions } from './access/role-grant';
import { grantServiceRole } from './access/service-grants';
import { boundaryOf } from './core/boundary';
import type { IHealthDataService, IWorkspaceRef } from './core/boundary';
import { checkCors, CorsOptions } from './core/cors';
import { checkIdentity, hasSystemAssigned, hasUserAssigned, ManagedIdentityOptions, ManagedIdentityType } from './core/identity';
import { DICOM_SERVICE_KIND } from './core/kinds';
import type { ServiceKind } from './core/kinds';
import { BOOLEAN_RULE, FILE_SYSTEM_NAME_RULE, HTTPS_URL_RULE, STORAGE_ACCOUNT_ID_RULE } from './core/names';
import { HealthcareDicomService } from './core/platform/azurerm';
import type { HealthcareDicomServiceTimeouts, RoleAssignment } from './core/platform/azurerm';
import { Annotations, Fn, Token } from './core/platform/cdktf';
import type { IResolvable } from './core/platform/cdktf';
import { RemovalPolicy } from './core/removal-policy';
import { HealthDataServiceOptions, ServiceFoundation } from './core/service';
import type { Tags } from './core/tags';
import { InputProblems, isUnresolved, objectRule, propsObject, required } from './core/validation';
import { checkMonitoringOptions, ServiceMonitoringOptions } from './monitoring/monitoring-options';
import { WorkspaceMonitoring } from './monitoring/workspace-monitoring';
import type { IPublicNetworkSwitch } from './network/public-network-access';
import { checkTimeouts } from './core/timeouts';

/** External storage for DICOM data: an Azure Data Lake Storage Gen2 file system you own. */
export interface DicomStorage {
  /** The storage account's resource id; the account must have a hierarchical namespace (`is_hns_enabled = true`). */
  readonly storageAccountId: string;
  /** The Data Lake file system (container) to keep the data in. */
  readonly fileSystemName: string;
}

/** Options of a DICOM service defined through `workspace.addDicomService()`. */
export interface DicomServiceOptions extends HealthDataServiceOptions, ServiceMonitoringOptions {
  /**
   * Cross-origin resource sharing.
   * @default - no CORS
   */
  readonly cors?: CorsOptions;
  /**
   * The service's managed identity: `SystemAssigned`, `UserAssigned` or both.
   * @default - none
   */
  readonly identity?: ManagedIdentityOptions;
  /**
   * Whether the service supports data partitions. Can only be set at creation: changing it replaces the service.
   * @default false
   */
  readonly dataPartitionsEnabled?: boolean;
  /**
   * A Key Vault key URL for customer-managed-key encryption; the service's identity needs wrap/unwrap on it.
   * @default - Microsoft-managed keys
   */
  readonly encryptionKeyUrl?: string;
  /**
   * Keep the data in your own Data Lake Storage Gen2 account. Can only be set at creation: changing it replaces the
   * service. Needs a user-assigned identity with Storage Blob Data Contributor on the account.
   * @default - storage managed by the service
   */
  readonly storage?: DicomStorage;
  /**
   * Whether the service is reachable from public networks.
   * @default - the workspace's `publicNetworkAccessEnabled`; false once the workspace has a private endpoint;
   * otherwise the provider's default (true)
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Whether Terraform may destroy the service and the PHI in it. `RETAIN` sets `lifecycle.prevent_destroy`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Terraform operation timeouts.
   * @default - the provider's: create 90m, read 5m, update 90m, delete 30m
   */
  readonly timeouts?: HealthcareDicomServiceTimeouts;
}

/** Properties of a {@link DicomService}. */
export interface DicomServiceProps extends DicomServiceOptions {
  /**
   * The workspace the service belongs to.
   * @default - the nearest `Workspace` among the construct's ancestors
   */
  readonly workspace?: IWorkspaceRef;
}

/** A DICOM service, defined in this app or imported. */
export interface IDicomService extends IConstruct {
  /**
   * The service's Azure resource id.
   * @attribute
   */
  readonly dicomServiceId: string;
  /**
   * The service's name.
   * @attribute
   */
  readonly dicomServiceName: string;
  /**
   * The service's URL (the provider's `service_url`).
   * @attribute
   */
  readonly dicomServiceEndpoint: string;
  /**
   * The workspace of the service, when known.
   * @default - unknown for an imported service without `workspace`
   */
  readonly workspace?: IWorkspaceRef;

  /**
   * Assigns a role to a principal at the service's scope (`azurerm_role_assignment`, construct
   * `Grants/<Role>-<principal>`): a built-in DICOM data-plane role, or a control-plane role (`HealthDataRole.OWNER`,
   * `CONTRIBUTOR`, `READER`, ...). A data role of another kind (a FHIR role) is rejected; granting the same role to the
   * same principal again returns the first assignment.
   */
  grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment;
  /** Grants DICOM Data Owner: read, write and delete DICOM data. */
  grantDataOwner(principalId: string, options?: GrantOptions): RoleAssignment;
  /** Grants DICOM Data Reader: read DICOM data. */
  grantDataReader(principalId: string, options?: GrantOptions): RoleAssignment;
}

/** The attributes of a DICOM service that exists already. */
export interface DicomServiceAttributes {
  /** The resource id, `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.HealthcareApis/workspaces/{w}/dicomServices/{name}`. */
  readonly dicomServiceId: string;
  /**
   * The service's URL.
   * @default - `https://{workspace}-{name}.dicom.azurehealthcareapis.com`, from the id
   */
  readonly dicomServiceEndpoint?: string;
  /**
   * The workspace of the service.
   * @default - unknown
   */
  readonly workspace?: IWorkspaceRef;
}

const DICOM_SERVICE_ID =
  /^\/?subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.HealthcareApis\/workspaces\/([^/]+)\/dicomServices\/([^/]+)$/;

/** What defined and imported DICOM services share: the attributes and the grants (scope: the service). */
export abstract class DicomServiceBase extends Construct implements IDicomService {
  public abstract readonly dicomServiceId: string;
  public abstract readonly dicomServiceName: string;
  public abstract readonly dicomServiceEndpoint: string;
  public abstract readonly workspace?: IWorkspaceRef;

  public grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment {
    return grantServiceRole(this, DICOM_SERVICE_KIND, this.dicomServiceId, principalId, role, options);
  }

  public grantDataOwner(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.DICOM_DATA_OWNER, options);
  }

  public grantDataReader(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.DICOM_DATA_READER, options);
  }
}

/**
 * A DICOM service (`azurerm_healthcare_dicom_service`) in a Health Data Services workspace.
 *
 * @stateful
 */
export class DicomService extends DicomServiceBase implements IHealthDataService, IPublicNetworkSwitch {
  /** A DICOM service that exists already (e.g. to grant roles on). */
  public static fromDicomServiceAttributes(scope: Construct, id: string, attrs: DicomServiceAttributes): IDicomService {
    return new ImportedDicomService(scope, id, attrs);
  }

  public readonly serviceKind: ServiceKind = DICOM_SERVICE_KIND;
  public readonly serviceName: string;
  public readonly dicomServiceName: string;
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
  /** The `azurerm_healthcare_dicom_service` resource (escape hatch for `addOverride`). */
  public readonly resource: HealthcareDicomService;
  private readonly systemAssignedIdentity: boolean;
  // Token attributes are made on first use: each cdktf token captures a stack trace, most of a construct's cost.
  private idToken?: string;
  private endpointToken?: string;
  private principalIdToken?: string;

  constructor(scope: Construct, id: string, props: DicomServiceProps) {
    super(scope, id);
    const foundation = new ServiceFoundation(this, props, DICOM_SERVICE_KIND);
    this.workspace = foundation.workspace;
    this.location = foundation.location;
    this.tags = foundation.tags;
    this.systemAssignedIdentity = hasSystemAssigned(props.identity);
    checkDicomProps(foundation.problems, props);
    foundation.problems.throwIfAny();
    warnAboutIdentityNeeds(this, props);

    this.serviceName = props.name;
    this.dicomServiceName = props.name;
    this.resource = new HealthcareDicomService(this, 'Resource', {
      name: props.name,
      workspaceId: this.workspace.workspaceId,
      location: this.location,
      cors: props.cors && {
        allowedOrigins: props.cors.allowedOrigins,
        allowedHeaders: props.cors.allowedHeaders,
        allowedMethods: props.cors.allowedMethods,
        maxAgeInSeconds: props.cors.maxAgeInSeconds,
        allowCredentials: props.cors.allowCredentials,
      },
      identity: props.identity && { type: props.identity.type, identityIds: props.identity.identityIds },
      dataPartitionsEnabled: props.dataPartitionsEnabled,
      encryptionKeyUrl: props.encryptionKeyUrl,
      storage: props.storage && { storageAccountId: props.storage.storageAccountId, fileSystemName: props.storage.fileSystemName },
      publicNetworkAccessEnabled: props.publicNetworkAccessEnabled,
      tags: this.tags,
      timeouts: props.timeouts,
      lifecycle: foundation.lifecycle(props.removalPolicy),
    });
    WorkspaceMonitoring.configureService(this, props.monitoring);
    foundation.join(this);
  }

  /** The service's Azure resource id (a token). */
  public get dicomServiceId(): string {
    return (this.idToken ??= this.resource.id);
  }

  /** The service's URL, the provider's `service_url` (a token). */
  public get dicomServiceEndpoint(): string {
    return (this.endpointToken ??= this.resource.serviceUrl);
  }

  /**
   * The principal id of the service's system-assigned identity (a token), if it has one.
   * @attribute
   */
  public get identityPrincipalId(): string | undefined {
    if (!this.systemAssignedIdentity) return undefined;
    return (this.principalIdToken ??= this.resource.identity.principalId);
  }

  /** Whether the service's public network access was set (the prop, or an escape-hatch assignment before it joined). */
  public get hasOwnPublicNetworkAccess(): boolean {
    return this.resource.publicNetworkAccessEnabledInput !== undefined;
  }

  /** Makes `public_network_access_enabled` follow the workspace's network policy (decided at synthesis). */
  public followPublicNetworkAccess(value: IResolvable): void {
    this.resource.publicNetworkAccessEnabled = value;
  }
}

const STORAGE_OBJECT = objectRule('an object { storageAccountId, fileSystemName }');

function checkDicomProps(problems: InputProblems, props: DicomServiceOptions): void {
  const storage = props.storage;
  if (storage !== undefined && STORAGE_OBJECT.test(storage) && !isUnresolved(storage)) {
    problems
      .check('DicomService storage.storageAccountId', storage.storageAccountId, required(STORAGE_ACCOUNT_ID_RULE))
      .check('DicomService storage.fileSystemName', storage.fileSystemName, required(FILE_SYSTEM_NAME_RULE));
  }
  problems
    .check('DicomService encryptionKeyUrl', props.encryptionKeyUrl, HTTPS_URL_RULE)
    .check('DicomService storage', storage as unknown, STORAGE_OBJECT)
    .check('DicomService dataPartitionsEnabled', props.dataPartitionsEnabled as unknown, BOOLEAN_RULE)
    .check('DicomService publicNetworkAccessEnabled', props.publicNetworkAccessEnabled as unknown, BOOLEAN_RULE);
  checkCors(problems, 'DicomService cors', props.cors, 99998);
  checkMonitoringOptions(problems, 'DicomService monitoring', props.monitoring, [DICOM_SERVICE_KIND]);
  checkTimeouts(problems, 'DicomService timeouts', props.timeouts);
  checkIdentity(problems, 'DicomService identity', props.identity, [
    ManagedIdentityType.SYSTEM_ASSIGNED,
    ManagedIdentityType.USER_ASSIGNED,
    ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED,
  ]);
}

/** Azure accepts these at deploy but the service then cannot reach the storage or the key. */
function warnAboutIdentityNeeds(scope: IConstruct, props: DicomServiceOptions): void {
  if (props.storage !== undefined && !isUnresolved(props.storage) && !hasUserAssigned(props.identity)) {
    Annotations.of(scope).addWarning(
      'DicomService storage (external Data Lake) is used through a user-assigned identity with Storage Blob Data Contributor on the storage account; ' +
        'set identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [...] }.',
    );
  }
  if (props.encryptionKeyUrl !== undefined && props.identity === undefined) {
    Annotations.of(scope).addWarning(
      'DicomService encryptionKeyUrl needs a managed identity that can wrap and unwrap the key; set identity and grant it access to the key.',
    );
  }
}

class ImportedDicomService extends DicomServiceBase {
  public readonly dicomServiceId: string;
  public readonly dicomServiceName: string;
  public readonly dicomServiceEndpoint: string;
  public readonly workspace?: IWorkspaceRef;

  constructor(scope: Construct, id: string, attrs: DicomServiceAttributes) {
    super(scope, id);
    propsObject(this, 'Imported DicomService attributes', attrs, '{ dicomServiceId, dicomServiceEndpoint?, workspace? }');
    new InputProblems(this)
      .check('Imported DicomService dicomServiceId', attrs.dicomServiceId, {
        requirement:
          'a DICOM service id of the form /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.HealthcareApis/workspaces/{w}/dicomServices/{name}',
        test: (value) => typeof value === 'string' && DICOM_SERVICE_ID.test(value),
        required: true,
      })
      .check('Imported DicomService dicomServiceEndpoint', attrs.dicomServiceEndpoint, HTTPS_URL_RULE)
      .throwIfAny();
    const parsed = isUnresolved(attrs.dicomServiceId) ? undefined : DICOM_SERVICE_ID.exec(attrs.dicomServiceId);
    // A token id is taken apart by Terraform: "/subscriptions/{s}/.../workspaces/{w}/dicomServices/{name}".
    const segments = Fn.split('/', attrs.dicomServiceId);
    const workspaceName = parsed?.[1] ?? attrs.workspace?.workspaceName ?? Token.asString(Fn.element(segments, 8));
    this.dicomServiceId = attrs.dicomServiceId;
    this.dicomServiceName = parsed?.[2] ?? Token.asString(Fn.element(segments, 10));
    this.dicomServiceEndpoint = attrs.dicomServiceEndpoint ?? `https://${workspaceName}-${this.dicomServiceName}.dicom.azurehealthcareapis.com`;
    this.workspace = attrs.workspace;
    // Its grants are inside that workspace's boundary (a lock waits for them).
    if (attrs.workspace !== undefined) boundaryOf(attrs.workspace).addMember(this);
  }
}
