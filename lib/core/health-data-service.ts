import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Precondition, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import type { HealthDataRole } from '../access/health-data-role';
import type { GrantOptions } from '../access/role-grant';
import { grantServiceRole } from '../access/service-grants';
import { ensureSynthesisHook } from '../compliance/synthesis-hook';
import { checkMonitoringOptions, declareServiceMonitoring } from '../monitoring/service-monitoring';
import type { MonitoringOptions } from '../monitoring/monitoring-options';
import type { IWorkspace } from '../workspace';
import { inheritLocation } from './location';
import { checkResourceIdLength, SERVICE_NAME_RULE } from './names';
import { preventDestroyFor, RemovalPolicy } from './removal-policy';
import { NameRegistry } from './service-registry';
import { checkTagCount, checkTags, mergeTags, Tags } from './tags';
import { fail, InputProblems, isUnresolved, propsObject, required } from './validation';
import { findWorkspace } from './workspace-lookup';

const REQUIRED_SERVICE_NAME_RULE = required(SERVICE_NAME_RULE);

/** What differs between the kinds of workspace service, as data. */
export interface ServiceKind {
  /** The construct class name used in messages, e.g. "FhirService". */
  readonly label: string;
  /** The resource type segment in the Azure resource id, e.g. "fhirServices". */
  readonly idSegment: string;
  /** Whether the service stores data (protected by the removal policy) or only moves it. */
  readonly holdsData: boolean;
  /** What `terraform destroy` would delete with the service, for the removal-policy warning. */
  readonly dataDescription: string;
}

/** Properties every workspace service has. */
export interface HealthDataServiceProps {
  /**
   * The service name: 3-24 letters, digits or '-', starting and ending with a letter or digit; unique per
   * service type within the workspace. Changing it replaces the service.
   */
  readonly name: string;
  /**
   * The workspace the service belongs to.
   * @default - the nearest `Workspace` among the construct's ancestors
   */
  readonly workspace?: IWorkspace;
  /**
   * The service's region. A service is always in its workspace's region; give it only to state that intent.
   * @default - the workspace's location
   */
  readonly location?: string;
  /**
   * Tags for the service, merged over the workspace's (the service's value wins per key).
   * @default - the workspace's tags
   */
  readonly tags?: Tags;
  /**
   * Where the service sends its logs and metrics: its own destinations (replacing the workspace's `monitoring`), or
   * `false` to define no diagnostic setting for it.
   * @default - the workspace's `monitoring`, if it has one
   */
  readonly monitoring?: MonitoringOptions | false;
}

/**
 * The base of every service that lives in a workspace (FHIR, DICOM, MedTech): finds the workspace, puts the
 * service in its region, merges tags, checks the name and its uniqueness, and turns the removal policy and the
 * plan-time checks into the resource's `lifecycle`.
 */
export abstract class HealthDataService extends Construct {
  /** The workspace this service belongs to. */
  public readonly workspace: IWorkspace;
  /**
   * The service's region (the workspace's).
   * @attribute
   */
  public readonly location: string;
  /** What kind of service this is. */
  public readonly kind: ServiceKind;
  /** The tags on the service: the workspace's merged with the service's own. */
  public readonly tags?: Tags;
  /** Problems of the input; subclasses add their own checks, then call `throwIfAny()`. */
  protected readonly problems: InputProblems;
  private readonly preconditions: Precondition[] = [];

  protected constructor(scope: Construct, id: string, props: HealthDataServiceProps, kind: ServiceKind) {
    super(scope, id);
    this.kind = kind;
    propsObject(this, `${kind.label} props`, props, '{ name, ... }');
    this.workspace = findWorkspace(this, kind.label, props.workspace);
    this.problems = new InputProblems(this).check(`${kind.label} name`, props.name, REQUIRED_SERVICE_NAME_RULE);
    const placed = inheritLocation(this, this.problems, `${kind.label} location`, props.location, {
      location: this.workspace.location,
      description: `workspace ${this.workspace.node.path}`,
    });
    this.location = placed.location;
    if (placed.precondition) this.preconditions.push(placed.precondition);
    checkTags(this.problems, `${kind.label} tags`, props.tags);
    this.tags = mergeTags(this.workspace.tags, props.tags);
    // The workspace's tags were checked by the workspace; together with the service's they may exceed the count.
    if (props.tags !== undefined && this.workspace.tags !== undefined) checkTagCount(this.problems, `${kind.label} tags (with the workspace's)`, this.tags);
    const { resourceGroupName, workspaceName } = this.workspace;
    checkResourceIdLength(this.problems, kind.label, resourceGroupName, workspaceName, [kind.idSegment, props.name], `Shorten the resource group name "${resourceGroupName}" or the service name.`);
    this.claimName(props.name);
    checkMonitoringOptions(this.problems, `${kind.label} monitoring`, props.monitoring);
    declareServiceMonitoring(this, props.name, props.monitoring);
    ensureSynthesisHook(this);
  }

  /**
   * Assigns a built-in data-plane role of this kind of service to a principal at the service's scope
   * (`azurerm_role_assignment`, construct `Grants/<Role>-<principal>`). A role of another kind (a DICOM role on a FHIR
   * service) is rejected; granting the same role to the same principal again returns the first assignment.
   */
  public grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment {
    return grantServiceRole(this, principalId, role, options);
  }

  /** Adds a check that `terraform plan` runs before it creates or changes the resource. */
  protected addPrecondition(precondition: Precondition): void {
    this.preconditions.push(precondition);
  }

  /**
   * The resource's lifecycle: `prevent_destroy` under the removal policy (for services that hold data), and the
   * plan-time checks.
   */
  protected lifecycle(removalPolicy?: RemovalPolicy): TerraformResourceLifecycle | undefined {
    const lifecycle: TerraformResourceLifecycle = {
      ...(this.kind.holdsData ? preventDestroyFor(this, removalPolicy, this.kind.dataDescription) : {}),
      ...(this.preconditions.length + this.problems.preconditions.length > 0 ? { precondition: [...this.preconditions, ...this.problems.preconditions] } : {}),
    };
    return Object.keys(lifecycle).length > 0 ? lifecycle : undefined;
  }

  /** Subclasses call this last in their constructor: from then on workspace-wide settings reach the service. */
  protected attachToWorkspace(): void {
    (this.workspace as unknown as { _attachService(service: HealthDataService): void })._attachService(this);
  }

  private claimName(name: string): void {
    if (isUnresolved(name) || typeof name !== 'string') return;
    const earlier = NameRegistry.claim(this.workspace, this.kind.label, name, this);
    if (earlier) {
      fail(this, `${this.kind.label} name "${name}" is already used by ${earlier} in the same workspace: names are unique per service type within a workspace. Give one of them another name.`);
    }
  }
}
