import { HealthcareDicomService, HealthcareDicomServiceTimeouts } from '@cdktf/provider-azurerm/lib/healthcare-dicom-service';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { HealthDataRole } from './access/health-data-role';
import type { GrantOptions } from './access/role-grant';
import { checkCors, CorsOptions } from './core/cors';
import { HealthDataService, HealthDataServiceProps } from './core/health-data-service';
import { checkIdentity, hasSystemAssigned, hasUserAssigned, ManagedIdentityOptions, ManagedIdentityType } from './core/identity';
import { BOOLEAN_RULE, FILE_SYSTEM_NAME_RULE, HTTPS_URL_RULE, STORAGE_ACCOUNT_ID_RULE } from './core/names';
import { RemovalPolicy } from './core/removal-policy';
import { checkTimeouts } from './core/timeouts';
import { InputProblems, isUnresolved, objectRule, required } from './core/validation';
import type { IWorkspace } from './workspace';

/** External storage for DICOM data: an Azure Data Lake Storage Gen2 file system you own. */
export interface DicomStorage {
  /** The storage account's resource id; the account must have a hierarchical namespace (`is_hns_enabled = true`). */
  readonly storageAccountId: string;
  /** The Data Lake file system (container) to keep the data in. */
  readonly fileSystemName: string;
}

/** Options of a DICOM service defined through `workspace.addDicomService()`. */
export interface DicomServiceOptions extends Omit<HealthDataServiceProps, 'workspace'> {
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
  readonly workspace?: IWorkspace;
}

const DICOM_SERVICE_KIND = {
  label: 'DicomService',
  idSegment: 'dicomServices',
  holdsData: true,
  dataDescription: 'the DICOM service and the studies it stores (medical images: protected health information), unless they are kept in your own Data Lake',
};

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
}

/**
 * A DICOM service (`azurerm_healthcare_dicom_service`) in a Health Data Services workspace.
 *
 * @stateful
 */
export class DicomService extends HealthDataService implements IDicomService {
  public readonly dicomServiceName: string;
  /** The `azurerm_healthcare_dicom_service` resource (escape hatch for `addOverride`). */
  public readonly resource: HealthcareDicomService;
  private readonly systemAssignedIdentity: boolean;
  // Token attributes are made on first use: each cdktf token captures a stack trace, most of a construct's cost.
  private idToken?: string;
  private endpointToken?: string;
  private principalIdToken?: string;

  constructor(scope: Construct, id: string, props: DicomServiceProps) {
    super(scope, id, props, DICOM_SERVICE_KIND);
    this.systemAssignedIdentity = hasSystemAssigned(props.identity);
    checkDicomProps(this.problems, props);
    this.problems.throwIfAny();
    warnAboutIdentityNeeds(this, props);

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
      lifecycle: this.lifecycle(props.removalPolicy),
    });
    this.attachToWorkspace();
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

  /** Grants DICOM Data Owner: read, write and delete DICOM data. Scope: this service (`azurerm_role_assignment`). */
  public grantDataOwner(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.DICOM_DATA_OWNER, options);
  }

  /** Grants DICOM Data Reader: read DICOM data. Scope: this service (`azurerm_role_assignment`). */
  public grantDataReader(principalId: string, options?: GrantOptions): RoleAssignment {
    return this.grant(principalId, HealthDataRole.DICOM_DATA_READER, options);
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
