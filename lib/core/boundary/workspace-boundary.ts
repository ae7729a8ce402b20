import type { IConstruct } from 'constructs';
import { TerraformResource, TerraformStack } from '../platform/cdktf';
import { normalizeLocation } from '../regions';
import { fail, isUnresolved } from '../validation';
import type { IHealthDataService, IWorkspaceRef } from './contracts';
import type { IWorkspaceFeature } from './workspace-feature';

const BOUNDARY = Symbol.for('cdktf-azure-health-data-services.WorkspaceBoundary');
const IDENTITIES = Symbol.for('cdktf-azure-health-data-services.workspaceIdentities');

/**
 * The compliance boundary of one workspace: its services, the other constructs that live inside it (private
 * endpoints, grants of imported services), and the workspace-wide features. A feature plugs in with
 * {@link WorkspaceBoundary.feature} (its state lives in the feature object the boundary keeps) and reaches every
 * service through {@link IWorkspaceFeature.applyToService}; {@link WorkspaceBoundary.resourcesInside} lists every
 * provider resource inside the boundary, so that a lock or an ordering rule covers all of them by construction.
 */
export class WorkspaceBoundary {
  /** Makes `workspace` a workspace: services find it among their ancestors, features find its boundary. */
  public static establish(workspace: IWorkspaceRef): WorkspaceBoundary {
    if (WorkspaceBoundary.of(workspace)) throw new Error(`${workspace.node.path} already has a workspace boundary`);
    const boundary = new WorkspaceBoundary(workspace);
    Object.defineProperty(workspace, BOUNDARY, { value: boundary, enumerable: false });
    return boundary;
  }

  /** The boundary of a workspace (defined or imported); undefined for anything else. */
  public static of(candidate: unknown): WorkspaceBoundary | undefined {
    if (typeof candidate !== 'object' || candidate === null) return undefined;
    const boundary = (candidate as { [BOUNDARY]?: unknown })[BOUNDARY];
    return boundary instanceof WorkspaceBoundary ? boundary : undefined;
  }

  /** True for workspaces, defined here or imported. */
  public static isWorkspace(candidate: unknown): candidate is IWorkspaceRef {
    return WorkspaceBoundary.of(candidate) !== undefined;
  }

  private readonly serviceList: IHealthDataService[] = [];
  private readonly memberList: IConstruct[] = [];
  private readonly features = new Map<object, IWorkspaceFeature>();
  private names = new Map<string, IConstruct>();

  private constructor(public readonly workspace: IWorkspaceRef) {}

  /**
   * Records which Azure workspace this is (resource group and name, when literal). Two constructs for the same Azure
   * workspace — imported twice, or defined and imported — share one set of service names, and must agree on the
   * region; a different one fails.
   */
  public identify(): void {
    const { resourceGroupName, workspaceName, location } = this.workspace;
    if ([resourceGroupName, workspaceName].some((value) => typeof value !== 'string' || isUnresolved(value))) return;
    const root = this.workspace.node.root as { [IDENTITIES]?: Map<string, WorkspaceBoundary> };
    if (!root[IDENTITIES]) Object.defineProperty(root, IDENTITIES, { value: new Map<string, WorkspaceBoundary>() });
    const identities = root[IDENTITIES]!;
    const key = `${resourceGroupName}/${workspaceName}`.toLowerCase();
    const earlier = identities.get(key);
    if (!earlier) {
      identities.set(key, this);
      return;
    }
    const earlierLocation = earlier.workspace.location;
    if (!isUnresolved(location) && !isUnresolved(earlierLocation) && normalizeLocation(location) !== normalizeLocation(earlierLocation)) {
      fail(
        this.workspace,
        `Workspace location "${location}" is invalid: this is the Azure workspace "${workspaceName}" of resource group "${resourceGroupName}", which ${earlier.workspace.node.path} ` +
          `places in "${earlierLocation}", and a workspace has one region. Use "${earlierLocation}".`,
      );
    }
    this.names = earlier.names;
  }

  /** The services of the workspace defined so far. */
  public get services(): readonly IHealthDataService[] {
    return this.serviceList;
  }

  /**
   * The feature of a type, created (and applied to every service so far) on first use. Features are keyed by their
   * class, so each exists once per workspace and keeps its own state.
   */
  public feature<T extends IWorkspaceFeature>(type: new (boundary: WorkspaceBoundary) => T): T {
    let feature = this.features.get(type) as T | undefined;
    if (!feature) {
      feature = new type(this);
      this.features.set(type, feature);
      for (const service of [...this.serviceList]) feature.applyToService(service);
    }
    return feature;
  }

  /** The feature of a type if the workspace has it. */
  public findFeature<T extends IWorkspaceFeature>(type: new (boundary: WorkspaceBoundary) => T): T | undefined {
    return this.features.get(type) as T | undefined;
  }

  /** Adds a fully constructed service: every feature reaches it, now and from then on. */
  public addService(service: IHealthDataService): void {
    this.serviceList.push(service);
    for (const feature of [...this.features.values()]) feature.applyToService(service);
  }

  /** Records a construct that lives inside the boundary although it is not under the workspace or a service. */
  public addMember(member: IConstruct): void {
    if (!this.memberList.includes(member)) this.memberList.push(member);
  }

  /**
   * Claims a name of one kind within the workspace (Azure names are unique per type in a workspace and
   * case-insensitive); returns the path of the earlier holder, if any.
   */
  public claimName(kind: string, name: string, claimant: IConstruct): string | undefined {
    const key = `${kind}\u0000${name.toLowerCase()}`;
    const earlier = this.names.get(key);
    if (earlier !== undefined) return earlier.node.path;
    this.names.set(key, claimant);
    return undefined;
  }

  /**
   * Every provider resource inside the boundary, in one stack: under the workspace construct, under each service and
   * under each member. Computed when asked (at synthesis), so resources added at any time are included.
   */
  public resourcesInside(stack: TerraformStack): TerraformResource[] {
    const found = new Set<TerraformResource>();
    for (const root of [this.workspace, ...this.serviceList, ...this.memberList]) {
      if (TerraformStack.of(root) !== stack) continue;
      for (const node of root.node.findAll()) {
        if (TerraformResource.isTerraformResource(node) && TerraformStack.of(node) === stack) found.add(node);
      }
    }
    return [...found];
  }
}
