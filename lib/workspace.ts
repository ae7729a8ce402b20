import { Construct } from 'constructs';
import type { HealthDataRole } from './access/health-data-role';
import type { GrantOptions } from './access/role-grant';
import { grantWorkspaceRole } from './access/service-grants';
import { WorkspaceBoundary } from './core/boundary';
import type { IHealthDataService, IWorkspaceRef } from './core/boundary';
import { checkCloud } from './core/clouds';
import { checkLocation } from './core/location';
import { BOOLEAN_RULE, parseWorkspaceId, RESOURCE_GROUP_NAME_RULE, WORKSPACE_ID_RULE, WORKSPACE_NAME_RULE } from './core/names';
import { HealthcareWorkspace } from './core/platform/azurerm';
import type { HealthcareWorkspaceTimeouts, RoleAssignment } from './core/platform/azurerm';
import { preventDestroyFor, RemovalPolicy } from './core/removal-policy';
import { NameRegistry } from './core/service-registry';
import { ensureStackHook } from './core/synthesis/stack-hook';
import { checkTags, Tags } from './core/tags';
import { checkTimeouts } from './core/timeouts';
import { fail, InputProblems, isUnresolved, propsObject, required } from './core/validation';
import { ensureDiagramHook } from './diagram/diagram-hook';
import { DicomService, DicomServiceOptions } from './dicom-service';
import { HealthDataEventSubscription, HealthDataEventSubscriptionOptions } from './events/event-subscription';
import { FhirService, FhirServiceOptions } from './fhir-service';
import { LockLevel, WorkspaceLock, WorkspaceLockOptions } from './lock/workspace-lock';
import { MedTechService, MedTechServiceOptions } from './medtech/medtech-service';
import type { MonitoringOptions } from './monitoring/monitoring-options';
import { WorkspaceMonitoring } from './monitoring/workspace-monitoring';
import { PublicNetworkAccessPolicy } from './network/public-network-access';
import { WorkspacePrivateEndpoint, WorkspacePrivateEndpointOptions } from './network/workspace-private-endpoint';

const REQUIRED_WORKSPACE_NAME_RULE = required(WORKSPACE_NAME_RULE);
const REQUIRED_RESOURCE_GROUP_NAME_RULE = required(RESOURCE_GROUP_NAME_RULE);

/**
 * A Health Data Services workspace, defined in this app or imported: its attributes, the factories of its services
 * and the workspace-wide settings that can be added to an existing workspace too.
 */
export interface IWorkspace extends IWorkspaceRef {
  /** Defines a FHIR service in this workspace. */
  addFhirService(id: string, options: FhirServiceOptions): FhirService;
  /** Defines a DICOM service in this workspace. */
  addDicomService(id: string, options: DicomServiceOptions): DicomService;
  /** Defines a MedTech service in this workspace. */
  addMedTechService(id: string, options: MedTechServiceOptions): MedTechService;
  /**
   * Assigns a role to a principal at the workspace's scope: a FHIR or DICOM data-plane role (Azure applies it to every
   * service of that kind in the workspace, including services created later), or a control-plane role
   * (`HealthDataRole.OWNER`, `CONTRIBUTOR`, `READER`, ...) on the workspace and everything in it.
   */
  grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment;
  /**
   * Defines a private endpoint for the workspace (subresource `healthcareworkspace`), which covers its FHIR and DICOM
   * services; the workspace's DICOM services then close public network access unless they set it themselves.
   */
  addPrivateEndpoint(id: string, options: WorkspacePrivateEndpointOptions): WorkspacePrivateEndpoint;
  /**
   * Subscribes to the workspace's events (FHIR resources created, updated, deleted; DICOM images created, updated,
   * deleted) through the workspace's one Event Grid system topic, created with the first subscription. The workspace's
   * FHIR and DICOM services depend on the subscriptions, so that a destroy removes services, then subscriptions, then
   * the workspace, as Microsoft documents.
   */
  addEventSubscription(id: string, options: HealthDataEventSubscriptionOptions): HealthDataEventSubscription;
  /**
   * Calls `callback` for every service of this workspace: those defined so far, and each one defined later.
   */
  forEachService(callback: (service: IHealthDataService) => void): void;
}

/** Shared by workspaces defined here and imported ones: the factories and the list of child services. */
abstract class WorkspaceBase extends Construct implements IWorkspace {
  public abstract readonly workspaceId: string;
  public abstract readonly workspaceName: string;
  public abstract readonly location: string;
  public abstract readonly resourceGroupName: string;
  public abstract readonly tags?: Tags;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    WorkspaceBoundary.establish(this);
    ensureStackHook(this);
    ensureDiagramHook(this);
  }

  public grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment {
    return grantWorkspaceRole(this, principalId, role, options);
  }

  public addPrivateEndpoint(id: string, options: WorkspacePrivateEndpointOptions): WorkspacePrivateEndpoint {
    return new WorkspacePrivateEndpoint(this, id, { ...options, workspace: this });
  }

  public addEventSubscription(id: string, options: HealthDataEventSubscriptionOptions): HealthDataEventSubscription {
    return new HealthDataEventSubscription(this, id, { ...options, workspace: this });
  }

  public addFhirService(id: string, options: FhirServiceOptions): FhirService {
    return new FhirService(this, id, options);
  }

  public addDicomService(id: string, options: DicomServiceOptions): DicomService {
    return new DicomService(this, id, options);
  }

  public addMedTechService(id: string, options: MedTechServiceOptions): MedTechService {
    return new MedTechService(this, id, options);
  }

  public forEachService(callback: (service: IHealthDataService) => void): void {
    WorkspaceBoundary.of(this)!.feature(CallbackFeature).callbacks.push(callback);
    WorkspaceBoundary.of(this)!.services.forEach(callback);
  }
}

/** `forEachService` as a feature: its callbacks reach the services defined after them. */
class CallbackFeature {
  public readonly callbacks: Array<(service: IHealthDataService) => void> = [];
  constructor(_boundary: WorkspaceBoundary) {}
  public applyToService(service: IHealthDataService): void {
    this.callbacks.forEach((callback) => callback(service));
  }
}

/** Properties of a {@link Workspace}. */
export interface WorkspaceProps {
  /**
   * The workspace name: 3-24 lowercase letters or digits, unique within the app. Part of every service's URL
   * (`https://{workspace}-{service}.fhir.azurehealthcareapis.com`). Changing it replaces the workspace and every
   * service in it.
   */
  readonly name: string;
  /**
   * The Azure region, e.g. "eastus" or "East US". Fixed at creation: changing it replaces the workspace and
   * everything in it. Every service of the workspace inherits it.
   */
  readonly location: string;
  /** The resource group the workspace (and its FHIR services) live in. Changing it replaces the workspace. */
  readonly resourceGroupName: string;
  /**
   * Tags for the workspace; every service in it inherits them (a service's own tags win per key).
   * @default - no tags
   */
  readonly tags?: Tags;
  /**
   * Whether Terraform may destroy the workspace. `RETAIN` sets `lifecycle.prevent_destroy`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Terraform operation timeouts.
   * @default - the provider's: create 30m, read 5m, update 30m, delete 30m
   */
  readonly timeouts?: HealthcareWorkspaceTimeouts;
  /**
   * Where every service of the workspace sends its logs and metrics: one `azurerm_monitor_diagnostic_setting` per
   * service, with its kind's log categories and `AllMetrics`, for the services defined now and later. A service's own
   * `monitoring` replaces it (`false` opts out). The workspace itself has no diagnostic categories.
   * @default - no monitoring
   */
  readonly monitoring?: MonitoringOptions;
  /**
   * A management lock on the workspace, which Azure applies to every service in it: a level (`"CanNotDelete"`,
   * `"ReadOnly"`), or `{ level, name?, notes? }` to name the lock and say why.
   * @default - no lock
   */
  readonly lock?: LockLevel | WorkspaceLockOptions;
  /**
   * Whether the workspace and its services are reachable from public networks. A stated value is written twice:
   * - on the workspace itself, through an `azapi_update_resource` (child `PublicNetworkAccess`,
   *   `Microsoft.HealthcareApis/workspaces@2024-03-31` `properties.publicNetworkAccess` `Enabled` / `Disabled`; azurerm
   *   cannot set it, and its workspace update only patches tags, so the two do not fight). FHIR services follow the
   *   workspace: their own property is read-only in the API, azurerm's argument computed only;
   * - on each DICOM service's `public_network_access_enabled` (a DICOM service's own `publicNetworkAccessEnabled` wins).
   * An approved private endpoint (`addPrivateEndpoint`) also turns public access off. `true` is written as `Enabled`:
   * removing the setting later leaves Azure as it was.
   * @default - not written on the workspace; DICOM services: false once the workspace has a private endpoint, otherwise
   * the provider's default (true)
   */
  readonly publicNetworkAccessEnabled?: boolean;
}

/** The attributes of a workspace that exists already (defined elsewhere or in another stack). */
export interface WorkspaceAttributes {
  /** The workspace's resource id, `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.HealthcareApis/workspaces/{name}`. */
  readonly workspaceId: string;
  /** The workspace's region. */
  readonly location: string;
  /**
   * The workspace's name.
   * @default - read from `workspaceId` (required when the id is a token)
   */
  readonly workspaceName?: string;
  /**
   * The workspace's resource group.
   * @default - read from `workspaceId` (required when the id is a token)
   */
  readonly resourceGroupName?: string;
  /**
   * Tags that services attached to this workspace inherit.
   * @default - none
   */
  readonly tags?: Tags;
}

/**
 * An Azure Health Data Services workspace (`azurerm_healthcare_workspace`): the region, the resource group and
 * the compliance boundary of its FHIR, DICOM and MedTech services.
 *
 * @stateful
 */
export class Workspace extends WorkspaceBase {
  /** True for workspaces defined with {@link Workspace} and imported with {@link Workspace.fromWorkspaceAttributes}. */
  public static isWorkspace(x: unknown): x is IWorkspace {
    return WorkspaceBoundary.isWorkspace(x);
  }

  /** A workspace that exists already; no resource is defined, services attach to it. */
  public static fromWorkspaceAttributes(scope: Construct, id: string, attrs: WorkspaceAttributes): IWorkspace {
    return new ImportedWorkspace(scope, id, attrs);
  }

  public readonly workspaceName: string;
  public readonly location: string;
  public readonly resourceGroupName: string;
  public readonly tags?: Tags;
  /** The `azurerm_healthcare_workspace` resource (escape hatch for `addOverride`). */
  public readonly resource: HealthcareWorkspace;
  // Token attributes are made on first use: each cdktf token captures a stack trace.
  private idToken?: string;

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    super(scope, id);
    propsObject(this, 'Workspace props', props, '{ name, location, resourceGroupName, ... }');
    const problems = new InputProblems(this)
      .check('Workspace name', props.name, REQUIRED_WORKSPACE_NAME_RULE)
      .check('Workspace resourceGroupName', props.resourceGroupName, REQUIRED_RESOURCE_GROUP_NAME_RULE)
      .check('Workspace publicNetworkAccessEnabled', props.publicNetworkAccessEnabled as unknown, BOOLEAN_RULE);
    const location = checkLocation(this, problems, 'Workspace location', props.location);
    checkCloud(this, problems, 'Workspace location', props.location);
    checkTags(problems, 'Workspace tags', props.tags);
    checkTimeouts(problems, 'Workspace timeouts', props.timeouts);
    problems.check('Workspace publicNetworkAccessEnabled', props.publicNetworkAccessEnabled as unknown, BOOLEAN_RULE);
    problems.throwIfAny();

    if (!isUnresolved(props.name)) {
      const earlier = NameRegistry.claim(this.node.root, 'Workspace', props.name, this);
      if (earlier) {
        fail(this, `Workspace name "${props.name}" is already used by ${earlier}: workspace names must be unique. Give one of them another name.`);
      }
    }

    this.resource = new HealthcareWorkspace(this, 'Resource', {
      name: props.name,
      location,
      resourceGroupName: props.resourceGroupName,
      tags: props.tags,
      timeouts: props.timeouts,
      lifecycle: orUndefined({
        ...preventDestroyFor(
          this,
          props.removalPolicy,
          'the workspace; Azure refuses while services are in it, so a destroy plan deletes every FHIR, DICOM and MedTech service of the workspace first',
        ),
        ...(problems.preconditions.length > 0 ? { precondition: [...problems.preconditions] } : {}),
      }),
    });
    if (this.resource.lifecycle?.preventDestroy === true) ensureStackHook(this).protect(this.resource, 'Workspace');
    this.workspaceName = props.name;
    this.location = location;
    this.resourceGroupName = props.resourceGroupName;
    this.tags = props.tags;
    WorkspaceBoundary.of(this)!.identify();
    PublicNetworkAccessPolicy.configureWorkspace(this, props.publicNetworkAccessEnabled);
    WorkspaceMonitoring.configureWorkspace(this, props.monitoring);
    if (props.lock !== undefined) WorkspaceLock.lock(this, props.lock);
  }

  /** The workspace's Azure resource id (a token). */
  public get workspaceId(): string {
    return (this.idToken ??= this.resource.id);
  }
}

function orUndefined<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

class ImportedWorkspace extends WorkspaceBase {
  public readonly workspaceId: string;
  public readonly workspaceName: string;
  public readonly location: string;
  public readonly resourceGroupName: string;
  public readonly tags?: Tags;

  constructor(scope: Construct, id: string, attrs: WorkspaceAttributes) {
    super(scope, id);
    propsObject(this, 'Imported workspace attributes', attrs, '{ workspaceId, location, workspaceName?, resourceGroupName?, tags? }');
    const problems = new InputProblems(this).check('Imported workspace workspaceId', attrs.workspaceId, WORKSPACE_ID_RULE);
    const location = checkLocation(this, problems, 'Imported workspace location', attrs.location);
    checkCloud(this, problems, 'Imported workspace location', attrs.location);
    const parsed = isUnresolved(attrs.workspaceId) ? undefined : parseWorkspaceId(attrs.workspaceId);
    const workspaceName = attrs.workspaceName ?? parsed?.workspaceName;
    const resourceGroupName = attrs.resourceGroupName ?? parsed?.resourceGroupName;
    if (workspaceName === undefined || resourceGroupName === undefined) {
      problems.add('Imported workspace needs workspaceName and resourceGroupName when workspaceId is a token: pass them in the attributes.');
    }
    for (const [label, given, fromId] of [
      ['workspaceName', attrs.workspaceName, parsed?.workspaceName],
      ['resourceGroupName', attrs.resourceGroupName, parsed?.resourceGroupName],
    ] as const) {
      if (given !== undefined && fromId !== undefined && !isUnresolved(given) && given !== fromId) {
        problems.add(
          `Imported workspace ${label} "${given}" does not match workspaceId, which says "${fromId}". Pass the id of the workspace you mean, or drop ${label}.`,
        );
      }
    }
    problems.check('Imported workspace workspaceName', workspaceName, WORKSPACE_NAME_RULE);
    problems.check('Imported workspace resourceGroupName', resourceGroupName, RESOURCE_GROUP_NAME_RULE);
    checkTags(problems, 'Imported workspace tags', attrs.tags);
    problems.throwIfAny();
    this.workspaceId = attrs.workspaceId;
    this.workspaceName = workspaceName!;
    this.resourceGroupName = resourceGroupName!;
    this.location = location;
    this.tags = attrs.tags;
    WorkspaceBoundary.of(this)!.identify();
  }
}
