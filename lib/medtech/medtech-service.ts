import { Construct } from 'constructs';
import { HealthDataRole } from '../access/health-data-role';
import type { GrantOptions } from '../access/role-grant';
import { grantServiceRole } from '../access/service-grants';
import type { IHealthDataService, IWorkspaceRef } from '../core/boundary';
import { checkIdentity, hasSystemAssigned, ManagedIdentityOptions, ManagedIdentityType } from '../core/identity';
import { MEDTECH_SERVICE_KIND } from '../core/kinds';
import type { ServiceKind } from '../core/kinds';
import { HealthcareMedtechService } from '../core/platform/azurerm';
import type { HealthcareMedtechServiceTimeouts, RoleAssignment } from '../core/platform/azurerm';
import { Annotations, Fn } from '../core/platform/cdktf';
import { normalizeLocation } from '../core/regions';
import { HealthDataServiceOptions, ServiceFoundation } from '../core/service';
import type { Tags } from '../core/tags';
import { NameRegistry } from '../core/service-registry';
import { fail, isUnresolved } from '../core/validation';
import { checkMonitoringOptions, ServiceMonitoringOptions } from '../monitoring/monitoring-options';
import { WorkspaceMonitoring } from '../monitoring/workspace-monitoring';
import { checkTimeouts } from '../core/timeouts';
import { EventHubSource, resolveEventHub, ResolvedEventHub } from './event-hub-source';
import { MedTechFhirDestination, MedTechFhirDestinationOptions } from './fhir-destination';
import { grantToMedTechIdentity } from './identity-grants';
import type { DeviceMappingDocument } from './mapping';
import { deviceMappingFindings, MappingInput, readMapping, reportFindings } from './mapping-input';
import { MEDTECH_DEPRECATION, MEDTECH_REGIONS } from './medtech-regions';
import type { IMedTechService } from './medtech-service-ref';
import { MedTechSampleMessage, registerSampleMessages } from './sample-messages';

export type { IMedTechService };

/** Options of a MedTech service defined through `workspace.addMedTechService()`. */
export interface MedTechServiceOptions extends HealthDataServiceOptions, ServiceMonitoringOptions {
  /**
   * The event hub device messages arrive on: names (short namespace name, event hub, consumer group, and optionally
   * the event hub id for the role assignment), or the provider's `EventhubNamespace`, `Eventhub` and
   * `EventhubConsumerGroup` resources of the same app.
   */
  readonly eventHub: EventHubSource;
  /**
   * The device mapping (`{"templateType": "CollectionContent", "template": [...]}`) as an object, a JSON string, or
   * built with `DeviceMapping`. Checked at synth: structure, expressions, and linkage with the FHIR mapping.
   */
  readonly deviceMapping: MappingInput<DeviceMappingDocument>;
  /**
   * Where normalized measurements go: a FHIR R4 service and the FHIR mapping.
   * @default - no destination (measurements are normalized but not written anywhere)
   */
  readonly destination?: MedTechFhirDestinationOptions;
  /**
   * Device messages the mappings are checked with at every synth: each must produce at least one measurement and,
   * with a destination, every measurement must reach an Observation; otherwise the synth fails with errors that point
   * into the mappings. The measurements and Observations of each sample are written to
   * `<outdir>/stacks/<stack>/medtech-samples/<construct path>.json` (see `MappingEvaluator`).
   * @default - no samples are checked
   */
  readonly sampleMessages?: MedTechSampleMessage[];
  /**
   * The service's managed identity. MedTech supports one: system-assigned, or a single user-assigned identity.
   * @default - a system-assigned identity, which is granted the roles it needs
   */
  readonly identity?: ManagedIdentityOptions;
  /**
   * Terraform operation timeouts.
   * @default - the provider's: create 90m, read 5m, update 90m, delete 90m
   */
  readonly timeouts?: HealthcareMedtechServiceTimeouts;
}

/** Properties of a {@link MedTechService}. */
export interface MedTechServiceProps extends MedTechServiceOptions {
  /**
   * The workspace the service belongs to.
   * @default - the nearest `Workspace` among the construct's ancestors
   */
  readonly workspace?: IWorkspaceRef;
}

/**
 * A MedTech service (`azurerm_healthcare_medtech_service`, with `azurerm_healthcare_medtech_service_fhir_destination`
 * when a destination is given): reads device messages from an event hub, normalizes them with the device mapping
 * and writes FHIR Observations through the FHIR mapping. Assigns the roles its identity needs.
 *
 * Deprecated by Microsoft (3 May 2025; support ends 3 May 2028) and available only in some regions.
 */
export class MedTechService extends Construct implements IMedTechService, IHealthDataService {
  public readonly serviceKind: ServiceKind = MEDTECH_SERVICE_KIND;
  public readonly serviceName: string;
  public readonly medTechServiceName: string;
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
  /** The FHIR destination, when one was given. */
  public readonly destination?: MedTechFhirDestination;
  /** The `azurerm_healthcare_medtech_service` resource (escape hatch for `addOverride`). */
  public readonly resource: HealthcareMedtechService;
  private readonly systemAssignedIdentity: boolean;
  // Token attributes are made on first use: each cdktf token captures a stack trace, most of a construct's cost.
  private idToken?: string;
  private principalIdToken?: string;

  constructor(scope: Construct, id: string, props: MedTechServiceProps) {
    super(scope, id);
    const foundation = new ServiceFoundation(this, props, MEDTECH_SERVICE_KIND);
    this.workspace = foundation.workspace;
    this.location = foundation.location;
    this.tags = foundation.tags;
    const problems = foundation.problems;
    const identity = props.identity ?? { type: ManagedIdentityType.SYSTEM_ASSIGNED };
    this.systemAssignedIdentity = hasSystemAssigned(identity);
    checkIdentity(problems, 'MedTechService identity', props.identity, [ManagedIdentityType.SYSTEM_ASSIGNED, ManagedIdentityType.USER_ASSIGNED]);
    if (props.identity?.identityIds !== undefined && !isUnresolved(props.identity.identityIds) && props.identity.identityIds.length > 1) {
      problems.add(
        `MedTechService identity has ${props.identity.identityIds.length} identityIds; MedTech uses exactly one identity (ManagedIdentityCredentialNotFound otherwise). Keep one.`,
      );
    }
    checkMonitoringOptions(problems, 'MedTechService monitoring', props.monitoring, [MEDTECH_SERVICE_KIND]);
    this.checkRegion(foundation);
    checkTimeouts(problems, 'MedTechService timeouts', props.timeouts);
    const eventHub = resolveEventHub(problems, props.eventHub);
    this.claimConsumerGroup(eventHub);
    const deviceMapping = readMapping(this, problems, props.deviceMapping, 'deviceMapping');
    if (deviceMapping.document !== undefined) reportFindings(this, problems, deviceMappingFindings(deviceMapping));
    problems.throwIfAny();
    Annotations.of(this).addWarning(MEDTECH_DEPRECATION);

    this.serviceName = props.name;
    this.medTechServiceName = props.name;
    this.resource = new HealthcareMedtechService(this, 'Resource', {
      name: props.name,
      workspaceId: this.workspace.workspaceId,
      location: this.location,
      eventhubNamespaceName: eventHub.namespaceName,
      eventhubName: eventHub.eventHubName,
      eventhubConsumerGroupName: eventHub.consumerGroupName,
      deviceMappingJson: deviceMapping.json,
      identity: { type: identity.type, identityIds: identity.identityIds },
      tags: this.tags,
      timeouts: props.timeouts,
      lifecycle: foundation.lifecycle(),
    });
    this.grantEventHubAccess(eventHub);
    if (props.destination !== undefined) {
      this.destination = new MedTechFhirDestination(this, 'FhirDestination', { ...props.destination, medTechService: this, deviceMapping });
    }
    registerSampleMessages(this, props.sampleMessages, { deviceMapping: deviceMapping.document, destination: props.destination });
    WorkspaceMonitoring.configureService(this, props.monitoring);
    foundation.join(this);
  }

  /** The service's Azure resource id (a token). */
  public get medTechServiceId(): string {
    return (this.idToken ??= this.resource.id);
  }

  /**
   * The principal id of the service's system-assigned identity (a token), if it has one.
   * @attribute
   */
  public get identityPrincipalId(): string | undefined {
    if (!this.systemAssignedIdentity) return undefined;
    return (this.principalIdToken ??= this.resource.identity.principalId);
  }

  /**
   * Assigns a control-plane role (`HealthDataRole.OWNER`, `CONTRIBUTOR`, `READER`, ... or a role of
   * `HealthDataRole.fromRoleDefinitionGuid`) to a principal at the MedTech service's scope (`azurerm_role_assignment`,
   * construct `Grants/<Role>-<principal>`). MedTech has no data-plane roles: a FHIR or DICOM data role is rejected
   * (grant it on the FHIR service instead).
   */
  public grant(principalId: string, role: HealthDataRole, options?: GrantOptions): RoleAssignment {
    return grantServiceRole(this, MEDTECH_SERVICE_KIND, this.medTechServiceId, principalId, role, options);
  }

  private grantEventHubAccess(eventHub: ResolvedEventHub): void {
    grantToMedTechIdentity(
      this,
      'EventHubsDataReceiver',
      eventHub.eventHubId,
      HealthDataRole.EVENT_HUBS_DATA_RECEIVER,
      `the event hub "${eventHub.eventHubName}" of namespace "${eventHub.namespaceName}" (scope: the event hub's resource id)`,
    );
  }

  /** Event Hubs hands each partition to one reader of a consumer group: two MedTech services on one group steal each other's messages. */
  private claimConsumerGroup(eventHub: ResolvedEventHub): void {
    if (eventHub.readerKey === undefined) return;
    const earlier = NameRegistry.claim(this.node.root, 'EventHubConsumerGroupReader', eventHub.readerKey, this);
    if (earlier) {
      fail(
        this,
        `MedTechService eventHub consumer group "${eventHub.consumerGroupName}" of event hub "${eventHub.namespaceName}/${eventHub.eventHubName}" is already read by ${earlier}: ` +
          'each reader needs its own consumer group (Event Hubs gives each partition to one reader of a group, so the two would split the messages). Create a consumer group for this service.',
      );
    }
  }

  /** MedTech survives only in some regions; elsewhere Azure rejects the deployment. */
  private checkRegion(foundation: ServiceFoundation): void {
    const location = this.location;
    const rule = `MedTech is only available in ${MEDTECH_REGIONS.join(', ')} (deprecated by Microsoft; other regions were withdrawn)`;
    if (isUnresolved(location)) {
      foundation.addPrecondition({
        condition: Fn.contains([...MEDTECH_REGIONS], Fn.lower(Fn.replace(location, ' ', ''))),
        errorMessage: `[${this.node.path}] MedTechService location is invalid: ${rule}. Put the workspace in one of these regions.`,
      });
    } else if (!MEDTECH_REGIONS.includes(normalizeLocation(location))) {
      foundation.problems.add(
        `MedTechService location "${location}" (the workspace's) is invalid: ${rule}. Put the MedTech service in a workspace in one of these regions.`,
      );
    }
  }
}
