import { HealthcareMedtechService, HealthcareMedtechServiceTimeouts } from '@cdktf/provider-azurerm/lib/healthcare-medtech-service';
import { Annotations, Fn } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { HealthDataRole } from '../access/health-data-role';
import { grantRole } from '../access/role-grant';
import { HealthDataService, HealthDataServiceProps } from '../core/health-data-service';
import { checkIdentity, hasSystemAssigned, ManagedIdentityOptions, ManagedIdentityType } from '../core/identity';
import { normalizeLocation } from '../core/regions';
import { checkTimeouts } from '../core/timeouts';
import { isUnresolved } from '../core/validation';
import type { IWorkspace } from '../workspace';
import { EventHubSource, resolveEventHub, ResolvedEventHub } from './event-hub-source';
import { MedTechFhirDestination, MedTechFhirDestinationOptions } from './fhir-destination';
import type { DeviceMappingDocument } from './mapping';
import { deviceMappingFindings, MappingInput, readMapping, reportFindings } from './mapping-input';
import { MEDTECH_DEPRECATION, MEDTECH_REGIONS } from './medtech-regions';

/** Options of a MedTech service defined through `workspace.addMedTechService()`. */
export interface MedTechServiceOptions extends Omit<HealthDataServiceProps, 'workspace'> {
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
  readonly workspace?: IWorkspace;
}

/** A MedTech service, defined in this app. */
export interface IMedTechService extends IConstruct {
  /**
   * The service's Azure resource id.
   * @attribute
   */
  readonly medTechServiceId: string;
  /**
   * The service's name.
   * @attribute
   */
  readonly medTechServiceName: string;
}

const MEDTECH_KIND = {
  label: 'MedTechService',
  idSegment: 'iotConnectors',
  holdsData: false,
  dataDescription: 'the MedTech service (it keeps no device data; the event hub and the FHIR service do)',
};

/**
 * A MedTech service (`azurerm_healthcare_medtech_service`, with `azurerm_healthcare_medtech_service_fhir_destination`
 * when a destination is given): reads device messages from an event hub, normalizes them with the device mapping
 * and writes FHIR Observations through the FHIR mapping. Assigns the roles its identity needs.
 *
 * Deprecated by Microsoft (3 May 2025; support ends 3 May 2028) and available only in some regions.
 */
export class MedTechService extends HealthDataService implements IMedTechService {
  public readonly medTechServiceId: string;
  public readonly medTechServiceName: string;
  /**
   * The principal id of the service's system-assigned identity (a token), if it has one.
   * @attribute
   */
  public readonly identityPrincipalId?: string;
  /** The FHIR destination, when one was given. */
  public readonly destination?: MedTechFhirDestination;
  /** The `azurerm_healthcare_medtech_service` resource (escape hatch for `addOverride`). */
  public readonly resource: HealthcareMedtechService;

  constructor(scope: Construct, id: string, props: MedTechServiceProps) {
    super(scope, id, props, MEDTECH_KIND);
    const identity = props.identity ?? { type: ManagedIdentityType.SYSTEM_ASSIGNED };
    checkIdentity(this.problems, 'MedTechService identity', props.identity, [ManagedIdentityType.SYSTEM_ASSIGNED, ManagedIdentityType.USER_ASSIGNED]);
    if (props.identity?.identityIds !== undefined && !isUnresolved(props.identity.identityIds) && props.identity.identityIds.length > 1) {
      this.problems.add(`MedTechService identity has ${props.identity.identityIds.length} identityIds; MedTech uses exactly one identity (ManagedIdentityCredentialNotFound otherwise). Keep one.`);
    }
    this.checkRegion();
    checkTimeouts(this.problems, 'MedTechService timeouts', props.timeouts);
    const eventHub = resolveEventHub(this.problems, props.eventHub);
    const deviceMapping = readMapping(this, this.problems, props.deviceMapping, 'deviceMapping');
    if (deviceMapping.document !== undefined) reportFindings(this, this.problems, deviceMappingFindings(deviceMapping));
    this.problems.throwIfAny();
    Annotations.of(this).addWarning(MEDTECH_DEPRECATION);

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
      lifecycle: this.lifecycle(),
    });
    this.medTechServiceId = this.resource.id;
    this.identityPrincipalId = hasSystemAssigned(identity) ? this.resource.identity.principalId : undefined;
    this.grantEventHubAccess(eventHub);
    if (props.destination !== undefined) {
      this.destination = new MedTechFhirDestination(this, 'FhirDestination', { ...props.destination, medTechService: this, deviceMapping });
    }
    this.attachToWorkspace();
  }

  /**
   * Assigns a role to the service's system-assigned identity at `scopeId`; with a user-assigned identity, warns
   * which grant to make instead (the library cannot know that identity's principal id).
   * @internal
   */
  public _grantToIdentity(id: string, scopeId: string | undefined, role: HealthDataRole, scopeDescription: string): void {
    if (this.identityPrincipalId !== undefined && scopeId !== undefined) {
      grantRole(this, id, scopeId, this.identityPrincipalId, role, { principalType: 'ServicePrincipal', description: `MedTech ${this.node.path} needs ${role.roleName}` });
      return;
    }
    const who = this.identityPrincipalId !== undefined ? "the service's system-assigned identity (attribute identityPrincipalId)" : 'its user-assigned identity';
    const how = scopeId === undefined && this.identityPrincipalId !== undefined ? ' Pass eventHub.eventHubId (or the provider resources) and the library assigns it.' : '';
    Annotations.of(this).addWarning(
      `MedTechService needs "${role.roleName}" (role definition ${role.roleDefinitionGuid}) on ${scopeDescription}, and the library cannot assign it: grant it to ${who}.${how}`,
    );
  }

  private grantEventHubAccess(eventHub: ResolvedEventHub): void {
    this._grantToIdentity('EventHubsDataReceiver', eventHub.eventHubId, HealthDataRole.EVENT_HUBS_DATA_RECEIVER, `the event hub "${eventHub.eventHubName}" of namespace "${eventHub.namespaceName}" (scope: the event hub's resource id)`);
  }

  /** MedTech survives only in some regions; elsewhere Azure rejects the deployment. */
  private checkRegion(): void {
    const location = this.location;
    const rule = `MedTech is only available in ${MEDTECH_REGIONS.join(', ')} (deprecated by Microsoft; other regions were withdrawn)`;
    if (isUnresolved(location)) {
      this.addPrecondition({
        condition: Fn.contains([...MEDTECH_REGIONS], Fn.lower(Fn.replace(location, ' ', ''))),
        errorMessage: `[${this.node.path}] MedTechService location is invalid: ${rule}. Put the workspace in one of these regions.`,
      });
    } else if (!MEDTECH_REGIONS.includes(normalizeLocation(location))) {
      this.problems.add(`MedTechService location "${location}" (the workspace's) is invalid: ${rule}. Put the MedTech service in a workspace in one of these regions.`);
    }
  }
}
