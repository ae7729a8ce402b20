import { Construct } from 'constructs';
import { boundaryOf } from '../core/boundary';
import type { IWorkspaceRef } from '../core/boundary';
import { cloudValue } from '../core/clouds';
import { checkLocation } from '../core/location';
import { RESOURCE_GROUP_NAME_RULE, resourceIdRule } from '../core/names';
import { PrivateDnsZone, PrivateDnsZoneVirtualNetworkLink, PrivateEndpoint } from '../core/platform/azurerm';
import type { PrivateEndpointTimeouts } from '../core/platform/azurerm';
import { dependable, Lazy, TerraformStack } from '../core/platform/cdktf';
import { NameRegistry } from '../core/service-registry';
import { trimCharacters } from '../core/text';
import { checkTags, Tags } from '../core/tags';
import { checkTimeouts } from '../core/timeouts';
import { fail, InputProblems, isUnresolved, ValueRule } from '../core/validation';
import { HEALTH_DATA_PRIVATE_LINK_SUBRESOURCE, privateDnsZonesOf } from './private-dns-zones';
import { PublicNetworkAccessPolicy } from './public-network-access';

/** Options of a private endpoint defined through `workspace.addPrivateEndpoint()`. */
export interface WorkspacePrivateEndpointOptions {
  /**
   * The subnet the endpoint's network interface goes in,
   * `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}`.
   */
  readonly subnetId: string;
  /**
   * The private endpoint's name: 1-80 letters, digits, '_', '.' or '-', starting with a letter or digit and ending
   * with a letter, digit or '_'.
   * @default - "pe-{workspace name}"
   */
  readonly name?: string;
  /**
   * The endpoint's region: the region of the subnet's virtual network.
   * @default - the workspace's location
   */
  readonly location?: string;
  /**
   * The resource group of the endpoint (and of the DNS zones it creates).
   * @default - the workspace's resource group
   */
  readonly resourceGroupName?: string;
  /**
   * Private DNS zones that already exist (e.g. in a hub subscription), by resource id; the endpoint registers the
   * workspace's, FHIR and DICOM host names in them through one DNS zone group. Give the zones listed in
   * `HEALTH_DATA_PRIVATE_DNS_ZONES` (public cloud; in Azure Government the `privatelink.*.azurehealthcareapis.us` ones
   * of `AZURE_CLOUDS`). Not with `virtualNetworkId`.
   * @default - the zones are created when `virtualNetworkId` is given; otherwise no DNS zone group (DNS managed
   * elsewhere, e.g. by a landing-zone policy)
   */
  readonly privateDnsZoneIds?: string[];
  /**
   * Create the three private DNS zones of the workspace's cloud (`HEALTH_DATA_PRIVATE_DNS_ZONES` in the public cloud,
   * `privatelink.*.azurehealthcareapis.us` in Azure Government) in the endpoint's resource group and link
   * them to this virtual network, by resource id. Not with `privateDnsZoneIds`.
   * @default - no zones are created
   */
  readonly virtualNetworkId?: string;
  /**
   * The name of the endpoint's private service connection (same rule as the endpoint's name).
   * @default "{endpoint name}-connection"
   */
  readonly privateServiceConnectionName?: string;
  /**
   * The name of the endpoint's DNS zone group (same rule as the endpoint's name). Only with DNS zones
   * (`privateDnsZoneIds` or `virtualNetworkId`).
   * @default "health-data-services"
   */
  readonly privateDnsZoneGroupName?: string;
  /**
   * The name of the endpoint's network interface.
   * @default - Azure's generated name
   */
  readonly customNetworkInterfaceName?: string;
  /**
   * Tags for the endpoint and the zones it creates.
   * @default - the workspace's tags
   */
  readonly tags?: Tags;
  /**
   * Terraform operation timeouts.
   * @default - the provider's
   */
  readonly timeouts?: PrivateEndpointTimeouts;
}

/** Properties of a {@link WorkspacePrivateEndpoint}. */
export interface WorkspacePrivateEndpointProps extends WorkspacePrivateEndpointOptions {
  /** The workspace the endpoint connects to. */
  readonly workspace: IWorkspaceRef;
}

const SUBNET_ID_RULE = resourceIdRule('subnet', 'Microsoft\\.Network/virtualNetworks/[^/]+/subnets/[^/]+');
const VIRTUAL_NETWORK_ID_RULE = resourceIdRule('virtual network', 'Microsoft\\.Network/virtualNetworks/[^/]+');
const PRIVATE_DNS_ZONE_ID_RULE = resourceIdRule('private DNS zone', 'Microsoft\\.Network/privateDnsZones/[^/]+');

/** The provider's `PrivateLinkName` rule. */
const PRIVATE_ENDPOINT_NAME_RULE: ValueRule<string> = {
  requirement: "1-80 letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'",
  test: (value) => typeof value === 'string' && /^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,78}[a-zA-Z0-9_])?$/.test(value),
  fix: (value) => {
    const repaired = trimCharacters(
      String(value)
        .replace(/[^-a-zA-Z0-9_.]+/g, '-')
        .replace(/^[^a-zA-Z0-9]+/, '')
        .slice(0, 80),
      '-.',
      'end',
    );
    return /^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,78}[a-zA-Z0-9_])?$/.test(repaired) ? `Use e.g. "${repaired}".` : undefined;
  },
};

/**
 * A private endpoint for a Health Data Services workspace (`azurerm_private_endpoint`, subresource
 * `healthcareworkspace`). Private Link is configured at the workspace and covers its FHIR and DICOM services. The
 * endpoint registers the workspace's host names in private DNS zones (given, or created and linked to a virtual
 * network), and the workspace's DICOM services close public network access unless they set it themselves.
 *
 * Azure registers DNS records for the services that exist when the endpoint connects. Terraform creates the endpoint
 * after the workspace's services (of the same stack); for a service added after the endpoint was deployed, add its
 * DNS record (or recreate the endpoint's DNS zone group).
 */
export class WorkspacePrivateEndpoint extends Construct {
  /**
   * The endpoint's resource id.
   * @attribute
   */
  public readonly privateEndpointId: string;
  /** The DNS zones the endpoint registers in (given or created); empty without a DNS zone group. */
  public readonly privateDnsZoneIds: string[];
  /** The zones this construct created (empty unless `virtualNetworkId` was given). */
  public readonly privateDnsZones: PrivateDnsZone[];
  /** The `azurerm_private_endpoint` resource (escape hatch for `addOverride`). */
  public readonly resource: PrivateEndpoint;

  constructor(scope: Construct, id: string, props: WorkspacePrivateEndpointProps) {
    super(scope, id);
    const workspace = props.workspace;
    const name = props.name ?? `pe-${workspace.workspaceName}`;
    const resourceGroupName = props.resourceGroupName ?? workspace.resourceGroupName;
    const problems = new InputProblems(this)
      .check('Private endpoint subnetId', props.subnetId, { ...SUBNET_ID_RULE, required: true })
      .check('Private endpoint name', props.name, PRIVATE_ENDPOINT_NAME_RULE)
      .check('Private endpoint privateServiceConnectionName', props.privateServiceConnectionName, PRIVATE_ENDPOINT_NAME_RULE)
      .check('Private endpoint privateDnsZoneGroupName', props.privateDnsZoneGroupName, PRIVATE_ENDPOINT_NAME_RULE)
      .check('Private endpoint resourceGroupName', props.resourceGroupName, { ...RESOURCE_GROUP_NAME_RULE, required: false })
      .check('Private endpoint virtualNetworkId', props.virtualNetworkId, VIRTUAL_NETWORK_ID_RULE)
      .checkEach('Private endpoint privateDnsZoneIds', props.privateDnsZoneIds, PRIVATE_DNS_ZONE_ID_RULE);
    const location = props.location === undefined ? workspace.location : checkLocation(this, problems, 'Private endpoint location', props.location);
    checkTags(problems, 'Private endpoint tags', props.tags);
    checkTimeouts(problems, 'Private endpoint timeouts', props.timeouts);
    if (props.privateDnsZoneIds !== undefined && props.virtualNetworkId !== undefined) {
      problems.add(
        'Private endpoint takes privateDnsZoneIds (use existing zones) or virtualNetworkId (create the zones and link them), not both. Drop one.',
      );
    }
    if (props.privateDnsZoneIds !== undefined && !isUnresolved(props.privateDnsZoneIds) && props.privateDnsZoneIds.length === 0) {
      problems.add(
        'Private endpoint privateDnsZoneIds is empty: give the zones (see HEALTH_DATA_PRIVATE_DNS_ZONES), or leave it out when DNS is managed elsewhere.',
      );
    }
    if (props.privateDnsZoneGroupName !== undefined && props.privateDnsZoneIds === undefined && props.virtualNetworkId === undefined) {
      problems.add(
        'Private endpoint privateDnsZoneGroupName is set without DNS zones: the endpoint has a DNS zone group only with privateDnsZoneIds or virtualNetworkId. Add one, or drop privateDnsZoneGroupName.',
      );
    }
    problems.throwIfAny();
    if (!isUnresolved(name) && !isUnresolved(resourceGroupName)) {
      const earlier = NameRegistry.claim(this.node.root, 'PrivateEndpoint', `${resourceGroupName}/${name}`, this);
      if (earlier) {
        fail(
          this,
          `Private endpoint name "${name}" is already used by ${earlier} in resource group "${resourceGroupName}": Azure would replace one endpoint with the other. ` +
            `Give this one its own name (name: "${name}-2"), or another resourceGroupName.`,
        );
      }
    }

    const tags = props.tags ?? workspace.tags;
    this.privateDnsZones =
      props.virtualNetworkId === undefined ? [] : this.createZones(resourceGroupName, name, props.virtualNetworkId, tags, workspace.location);
    this.privateDnsZoneIds = props.privateDnsZoneIds ?? this.privateDnsZones.map((zone) => zone.id);

    this.resource = new PrivateEndpoint(this, 'Resource', {
      name,
      location,
      resourceGroupName,
      subnetId: props.subnetId,
      customNetworkInterfaceName: props.customNetworkInterfaceName,
      privateServiceConnection: {
        name: props.privateServiceConnectionName ?? `${name}-connection`,
        privateConnectionResourceId: workspace.workspaceId,
        subresourceNames: [HEALTH_DATA_PRIVATE_LINK_SUBRESOURCE],
        isManualConnection: false,
      },
      privateDnsZoneGroup:
        this.privateDnsZoneIds.length > 0
          ? { name: props.privateDnsZoneGroupName ?? 'health-data-services', privateDnsZoneIds: this.privateDnsZoneIds }
          : undefined,
      tags,
      timeouts: props.timeouts,
    });
    this.privateEndpointId = this.resource.id;

    const boundary = boundaryOf(workspace);
    boundary.addMember(this);
    PublicNetworkAccessPolicy.notePrivateEndpoint(workspace);
    // Azure registers the host names of the services that exist when the endpoint connects: create it after them.
    const stack = TerraformStack.of(this);
    this.resource.dependsOn = Lazy.listValue(
      {
        produce: () => boundary.services.filter((service) => TerraformStack.of(service) === stack).map((service) => dependable(service.resource)),
      },
      { omitEmpty: true },
    );
  }

  private createZones(
    resourceGroupName: string,
    endpointName: string,
    virtualNetworkId: string,
    tags: Tags | undefined,
    location: string,
  ): PrivateDnsZone[] {
    // The zones of the workspace's cloud (its region, or the provider's environment).
    const zones = privateDnsZonesOf({
      fhirHostSuffix: cloudValue(this, location, (cloud) => cloud.fhirHostSuffix),
      dicomHostSuffix: cloudValue(this, location, (cloud) => cloud.dicomHostSuffix),
      workspaceHostSuffix: cloudValue(this, location, (cloud) => cloud.workspaceHostSuffix),
      privateDnsZones: {
        workspace: cloudValue(this, location, (cloud) => cloud.privateDnsZones.workspace),
        fhir: cloudValue(this, location, (cloud) => cloud.privateDnsZones.fhir),
        dicom: cloudValue(this, location, (cloud) => cloud.privateDnsZones.dicom),
      },
    });
    return zones.map((spec) => {
      if (!isUnresolved(resourceGroupName) && !isUnresolved(spec.zoneName)) {
        const earlier = NameRegistry.claim(this.node.root, 'PrivateDnsZone', `${resourceGroupName}/${spec.zoneName}`, this);
        if (earlier) {
          fail(
            this,
            `Private endpoint would create the private DNS zone "${spec.zoneName}" in resource group "${resourceGroupName}", which ${earlier} creates already: ` +
              "a zone exists once per resource group. Pass the first endpoint's privateDnsZoneIds to this one instead of virtualNetworkId.",
          );
        }
      }
      const zone = new PrivateDnsZone(this, `${spec.key}Zone`, { name: spec.zoneName, resourceGroupName, tags });
      new PrivateDnsZoneVirtualNetworkLink(this, `${spec.key}ZoneLink`, {
        name: `${endpointName}-link`,
        privateDnsZoneName: zone.name,
        resourceGroupName,
        virtualNetworkId,
        registrationEnabled: false,
        tags,
      });
      return zone;
    });
  }
}
