import type { Construct } from 'constructs';
import { boundaryOf, findWorkspace } from '../boundary';
import type { IHealthDataService, IWorkspaceRef } from '../boundary';
import type { ServiceKind } from '../kinds';
import { inheritLocation } from '../location';
import { checkResourceIdLength, SERVICE_NAME_RULE } from '../names';
import type { Precondition, TerraformResourceLifecycle } from '../platform/cdktf';
import { preventDestroyFor, RemovalPolicy } from '../removal-policy';
import { ensureStackHook } from '../synthesis/stack-hook';
import { checkTagCount, checkTags, mergeTags, Tags } from '../tags';
import { fail, InputProblems, isUnresolved, propsObject, required } from '../validation';

const REQUIRED_SERVICE_NAME_RULE = required(SERVICE_NAME_RULE);

/** Options every workspace service has, whether it is defined through the workspace or with a `workspace` prop. */
export interface HealthDataServiceOptions {
  /**
   * The service name: 3-24 letters, digits or '-', starting and ending with a letter or digit; unique per
   * service type within the workspace. Changing it replaces the service.
   */
  readonly name: string;
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
}

/** Properties every workspace service has. */
export interface HealthDataServiceProps extends HealthDataServiceOptions {
  /**
   * The workspace the service belongs to.
   * @default - the nearest `Workspace` among the construct's ancestors
   */
  readonly workspace?: IWorkspaceRef;
}

/**
 * What every service defined in this app (FHIR, DICOM, MedTech) does the same way, as a part the service holds:
 * finds the workspace, puts the service in its region, merges tags, checks the name and its uniqueness, turns the
 * removal policy and the plan-time checks into the resource's `lifecycle`, and finally joins the workspace boundary.
 * A part rather than a base class, so that a service's own base (shared with its imported form, e.g. the grants
 * of `FhirServiceBase`) stays free.
 */
export class ServiceFoundation {
  /** The workspace the service belongs to. */
  public readonly workspace: IWorkspaceRef;
  /** The service's region (the workspace's). */
  public readonly location: string;
  /** The workspace's tags merged with the service's own. */
  public readonly tags?: Tags;
  /** Problems of the input; the service adds its own checks, then calls `throwIfAny()`. */
  public readonly problems: InputProblems;
  private readonly preconditions: Precondition[] = [];
  private retained = false;

  constructor(
    private readonly service: Construct,
    props: HealthDataServiceProps,
    public readonly kind: ServiceKind,
  ) {
    propsObject(service, `${kind.label} props`, props, '{ name, ... }');
    this.workspace = findWorkspace(service, kind.label, props.workspace);
    this.problems = new InputProblems(service).check(`${kind.label} name`, props.name, REQUIRED_SERVICE_NAME_RULE);
    const placed = inheritLocation(service, this.problems, `${kind.label} location`, props.location, {
      location: this.workspace.location,
      description: `workspace ${this.workspace.node.path}`,
    });
    this.location = placed.location;
    if (placed.precondition) this.preconditions.push(placed.precondition);
    checkTags(this.problems, `${kind.label} tags`, props.tags);
    this.tags = mergeTags(this.workspace.tags, props.tags);
    // The workspace's tags were checked by the workspace; together with the service's they may exceed the count.
    if (props.tags !== undefined && this.workspace.tags !== undefined)
      checkTagCount(this.problems, `${kind.label} tags (with the workspace's)`, this.tags);
    const { resourceGroupName, workspaceName } = this.workspace;
    checkResourceIdLength(
      this.problems,
      kind.label,
      resourceGroupName,
      workspaceName,
      [kind.idSegment, props.name],
      `Shorten the resource group name "${resourceGroupName}" or the service name.`,
    );
    this.claimName(props.name);
    ensureStackHook(service);
  }

  /** Adds a check that `terraform plan` runs before it creates or changes the resource. */
  public addPrecondition(precondition: Precondition): void {
    this.preconditions.push(precondition);
  }

  /**
   * The resource's lifecycle: `prevent_destroy` under the removal policy (for services that hold data), and the
   * plan-time checks.
   */
  public lifecycle(removalPolicy?: RemovalPolicy): TerraformResourceLifecycle | undefined {
    const protection = this.kind.holdsData ? preventDestroyFor(this.service, removalPolicy, this.kind.dataDescription) : {};
    this.retained = protection.preventDestroy === true;
    const lifecycle: TerraformResourceLifecycle = {
      ...protection,
      ...(this.preconditions.length + this.problems.preconditions.length > 0
        ? { precondition: [...this.preconditions, ...this.problems.preconditions] }
        : {}),
    };
    return Object.keys(lifecycle).length > 0 ? lifecycle : undefined;
  }

  /** The service calls this last in its constructor: from then on workspace-wide settings reach it. */
  public join(service: IHealthDataService): void {
    if (this.retained) ensureStackHook(service).protect(service.resource, this.kind.label);
    boundaryOf(this.workspace).addService(service);
  }

  private claimName(name: string): void {
    if (isUnresolved(name) || typeof name !== 'string') return;
    const earlier = boundaryOf(this.workspace).claimName(this.kind.label, name, this.service);
    if (earlier) {
      fail(
        this.service,
        `${this.kind.label} name "${name}" is already used by ${earlier} in the same workspace: names are unique per service type within a workspace. Give one of them another name.`,
      );
    }
  }
}
