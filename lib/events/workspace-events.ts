import { boundaryOf, WorkspaceBoundary } from '../core/boundary';
import type { IHealthDataService, IWorkspaceFeature, IWorkspaceRef } from '../core/boundary';
import { addLateDependencies } from '../core/late-dependencies';
import { EventgridSystemTopic } from '../core/platform/azurerm';
import { dependable, TerraformStack } from '../core/platform/cdktf';
import type { TerraformResource } from '../core/platform/cdktf';
import type { IConstruct } from 'constructs';
import { fail, InputProblems, isUnresolved, ValueRule } from '../core/validation';
import { HEALTH_DATA_SYSTEM_TOPIC_TYPE } from './event-types';

/** The construct id of a workspace's Event Grid system topic, under the workspace (construct ids are API). */
export const SYSTEM_TOPIC_ID = 'EventGridTopic';

/** The provider's system topic name rule: 3-128 letters, digits or '-'. */
export const SYSTEM_TOPIC_NAME_RULE: ValueRule<string> = {
  requirement: "3-128 letters, digits or '-'",
  test: (value) => typeof value === 'string' && /^[-a-zA-Z0-9]{3,128}$/.test(value),
};

/**
 * The events of a workspace: its one Event Grid system topic (`azurerm_eventgrid_system_topic`, type
 * `Microsoft.HealthcareApis.Workspaces`, child `EventGridTopic` of the workspace) and the subscriptions on it.
 * Created with the first subscription, however many follow. Every FHIR and DICOM service of the workspace (in the same
 * stack) depends on the subscriptions, so that `terraform destroy` removes the services, then the subscriptions, then
 * the workspace: the order Microsoft documents for deleting a workspace with events. The topic and subscriptions are
 * under the workspace, inside its boundary: a lock waits for them.
 */
export class WorkspaceEvents implements IWorkspaceFeature {
  /** The events feature of a workspace (created on first use). */
  public static of(workspace: IWorkspaceRef): WorkspaceEvents {
    return boundaryOf(workspace).feature(WorkspaceEvents);
  }

  private systemTopic?: EventgridSystemTopic;
  private readonly subscriptions: TerraformResource[] = [];
  private readonly ordered = new Set<IHealthDataService>();

  constructor(private readonly boundary: WorkspaceBoundary) {}

  /** The workspace's system topic, created on first use (`name` only then; a different name later fails). */
  public topic(name: string | undefined): EventgridSystemTopic {
    const workspace = this.boundary.workspace;
    if (this.systemTopic) {
      if (name !== undefined && this.systemTopic.nameInput !== name) {
        fail(
          workspace,
          `Event subscription systemTopicName "${name}" differs from the workspace's system topic "${this.systemTopic.nameInput}": a workspace has one system topic for all its subscriptions. Drop systemTopicName or give the same name.`,
        );
      }
      return this.systemTopic;
    }
    new InputProblems(workspace).check('Event subscription systemTopicName', name, SYSTEM_TOPIC_NAME_RULE).throwIfAny();
    this.systemTopic = new EventgridSystemTopic(workspace, SYSTEM_TOPIC_ID, {
      name: name ?? `${workspace.workspaceName}-events`,
      location: workspace.location,
      resourceGroupName: workspace.resourceGroupName,
      sourceResourceId: workspace.workspaceId,
      topicType: HEALTH_DATA_SYSTEM_TOPIC_TYPE,
      tags: workspace.tags,
    });
    return this.systemTopic;
  }

  /** Records a subscription's resource: the workspace's event-publishing services then depend on it. Names are unique per topic. */
  public addSubscription(subscription: TerraformResource, name: string, claimant: IConstruct): void {
    if (!isUnresolved(name)) {
      const earlier = this.boundary.claimName('EventSubscription', name, claimant);
      if (earlier)
        fail(
          claimant,
          `Event subscription name "${name}" is already used by ${earlier} on the same system topic: names are unique per topic. Give one of them another name.`,
        );
    }
    this.subscriptions.push(subscription);
  }

  public applyToService(service: IHealthDataService): void {
    if (service.serviceKind.publishesEvents !== true || this.ordered.has(service)) return;
    this.ordered.add(service);
    const stack = TerraformStack.of(service);
    addLateDependencies(service.resource, () =>
      this.subscriptions.filter((subscription) => TerraformStack.of(subscription) === stack).map((subscription) => dependable(subscription)),
    );
  }
}
