import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  DeviceMapping,
  FhirMapping,
  FhirService,
  FhirVersion,
  ManagedIdentityType,
  MedTechFhirDestination,
  MedTechFhirDestinationOptions,
  MedTechService,
  MedTechServiceOptions,
  Workspace,
} from '../../lib';
import { errorOf, synth } from '../helpers';

const MEDTECH = 'azurerm_healthcare_medtech_service';
const DESTINATION = 'azurerm_healthcare_medtech_service_fhir_destination';
const ROLE = 'azurerm_role_assignment';
const UAI =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/medtech';
const HUB_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-devices/providers/Microsoft.EventHub/namespaces/contoso-devices/eventhubs/telemetry';
const EVENTHUB_NAMES = { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' };

const heartRateDevice = DeviceMapping.collection([
  DeviceMapping.calculatedContent({
    typeName: 'heartrate',
    typeMatchExpression: '$..[?(@heartRate)]',
    deviceIdExpression: '$.matchedToken.deviceId',
    patientIdExpression: '$.matchedToken.patientId',
    timestampExpression: '$.matchedToken.endDate',
    values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: true }],
  }),
]);
const heartRateFhir = FhirMapping.collection([
  FhirMapping.codeValue({
    typeName: 'heartrate',
    codes: [{ code: '8867-4', system: 'http://loinc.org', display: 'Heart rate' }],
    value: FhirMapping.quantity({ valueName: 'hr', unit: 'count/min' }),
  }),
]);
const EMPTY_DEVICE = { templateType: 'CollectionContent', template: [] };

function workspaceIn(scope: Construct, location = 'eastus', id = 'Health', name = 'health'): Workspace {
  return new Workspace(scope, id, { name, location, resourceGroupName: 'rg-health', tags: { env: 'test' } });
}

function medtechWith(options: Partial<MedTechServiceOptions>, withFhir: (workspace: Workspace) => Partial<MedTechServiceOptions> = () => ({})) {
  return synth((stack) => {
    const workspace = workspaceIn(stack);
    workspace.addMedTechService('Devices', {
      name: 'devices',
      eventHub: EVENTHUB_NAMES,
      deviceMapping: EMPTY_DEVICE,
      ...withFhir(workspace),
      ...options,
    });
  });
}

/** A destination to the workspace's own R4 FHIR service, with `override` applied to the destination options. */
const destinationWith =
  (override: Partial<MedTechFhirDestinationOptions> = {}) =>
  (workspace: Workspace): Partial<MedTechServiceOptions> => ({
    deviceMapping: heartRateDevice,
    destination: {
      fhirService: workspace.addFhirService('Fhir', { name: 'records' }),
      identityResolution: 'Create',
      fhirMapping: heartRateFhir,
      ...override,
    },
  });
const withDestination = destinationWith();

describe('MedTechService defaults', () => {
  const result = medtechWith({});
  const medtech = result.resource(MEDTECH);

  test('is in the workspace and its region, with a system-assigned identity and the workspace tags', () => {
    expect(medtech).toMatchObject({
      name: 'devices',
      location: 'eastus',
      workspace_id: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
      identity: { type: 'SystemAssigned' },
      tags: { env: 'test' },
      eventhub_namespace_name: 'contoso-devices',
      eventhub_name: 'telemetry',
      eventhub_consumer_group_name: 'medtech',
      device_mapping_json: '{"template":[],"templateType":"CollectionContent"}',
    });
  });

  test('holds no data, so it has no prevent_destroy', () => {
    expect(medtech.lifecycle).toBeUndefined();
  });

  test('warns that Microsoft deprecated MedTech, and that it cannot grant the Event Hubs role without the hub id', () => {
    expect(result.messages('WARN').sort()).toEqual([
      expect.stringMatching(
        /^MedTech is deprecated: Microsoft started its retirement on 3 May 2025 and support for existing instances ends on 3 May 2028/,
      ),
      expect.stringMatching(
        /^MedTechService needs "Azure Event Hubs Data Receiver" \(role definition a638d3c7-ab3a-418d-83e6-5f17a39d4fde\) on the event hub "telemetry" of namespace "contoso-devices".*grant it to the service's system-assigned identity \(attribute identityPrincipalId\)\. Pass eventHub\.eventHubId/,
      ),
    ]);
    expect(result.resources(ROLE)).toHaveLength(0);
  });

  test('exposes its attributes', () => {
    synth((stack) => {
      const service = workspaceIn(stack).addMedTechService('Devices', { name: 'devices', eventHub: EVENTHUB_NAMES, deviceMapping: EMPTY_DEVICE });
      expect(service.medTechServiceName).toBe('devices');
      expect(service.medTechServiceId).toMatch(/TfToken/);
      expect(service.identityPrincipalId).toMatch(/TfToken/);
      expect(service.destination).toBeUndefined();
      expect(service.node.findChild('Resource')).toBe(service.resource);
    });
  });
});

describe('MedTechService mappings in the synthesized JSON', () => {
  test('are canonical: key order and formatting of the input do not change the bytes', () => {
    const reordered = { template: [], templateType: 'CollectionContent' };
    const asString = '{\n  "templateType": "CollectionContent",\n  "template": []\n}\n';
    const bytes = [EMPTY_DEVICE, reordered, asString].map((deviceMapping) => medtechWith({ deviceMapping }).resource(MEDTECH).device_mapping_json);
    expect(new Set(bytes).size).toBe(1);
  });

  test('pass a token (e.g. a file read by Terraform) through unchecked', () => {
    const result = synth((stack) => {
      workspaceIn(stack).addMedTechService('Devices', { name: 'devices', eventHub: EVENTHUB_NAMES, deviceMapping: Fn.file('device-mapping.json') });
    });
    expect(result.resource(MEDTECH).device_mapping_json).toBe('${file("device-mapping.json")}');
  });
});

describe('MedTechService event hub', () => {
  test('with the event hub id, assigns Azure Event Hubs Data Receiver on it to the service identity', () => {
    const result = medtechWith({ eventHub: { ...EVENTHUB_NAMES, eventHubId: HUB_ID } });
    const role = result.resource(ROLE);
    expect(role).toMatchObject({
      scope: HUB_ID,
      principal_type: 'ServicePrincipal',
      principal_id: expect.stringMatching(/^\$\{azurerm_healthcare_medtech_service\.Health_Devices_[0-9A-F]{8}\.identity\[0\]\.principal_id\}$/),
      role_definition_id:
        '/subscriptions/${data.azurerm_client_config.HealthDataServicesClientConfig.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/a638d3c7-ab3a-418d-83e6-5f17a39d4fde',
    });
    expect(result.messages('WARN').filter((m) => m.includes('Event Hubs Data Receiver'))).toEqual([]);
  });

  test('takes the provider resources of the same app, referencing their names and granting on the hub', () => {
    const result = synth((stack) => {
      const group = new ResourceGroup(stack, 'Group', { name: 'rg-devices', location: 'eastus' });
      const namespace = new EventhubNamespace(stack, 'Namespace', {
        name: 'contoso-devices',
        location: 'eastus',
        resourceGroupName: group.name,
        sku: 'Standard',
      });
      const eventHub = new Eventhub(stack, 'Hub', { name: 'telemetry', namespaceId: namespace.id, partitionCount: 2, messageRetention: 1 });
      const consumerGroup = new EventhubConsumerGroup(stack, 'Reader', {
        name: 'medtech',
        namespaceName: namespace.name,
        eventhubName: eventHub.name,
        resourceGroupName: group.name,
      });
      workspaceIn(stack).addMedTechService('Devices', {
        name: 'devices',
        eventHub: { namespace, eventHub, consumerGroup },
        deviceMapping: EMPTY_DEVICE,
      });
    });
    expect(result.resource(MEDTECH)).toMatchObject({
      eventhub_namespace_name: '${azurerm_eventhub_namespace.Namespace.name}',
      eventhub_name: '${azurerm_eventhub.Hub.name}',
      eventhub_consumer_group_name: '${azurerm_eventhub_consumer_group.Reader.name}',
    });
    expect(result.resource(ROLE).scope).toBe('${azurerm_eventhub.Hub.id}');
  });

  test('with a user-assigned identity, warns which grants to make on which scopes', () => {
    const result = medtechWith(
      { eventHub: { ...EVENTHUB_NAMES, eventHubId: HUB_ID }, identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI] } },
      withDestination,
    );
    expect(result.resources(ROLE)).toHaveLength(0);
    expect(result.resource(MEDTECH).identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI] });
    const warnings = result.messages('WARN');
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/needs "Azure Event Hubs Data Receiver" .* grant it to its user-assigned identity/),
        expect.stringMatching(
          /needs "FHIR Data Writer" \(role definition 3f88fce4-5892-4214-ae73-ba5294559913\) on the FHIR service stack\/Health\/Fhir.*grant it to its user-assigned identity/,
        ),
      ]),
    );
  });

  describe('fails', () => {
    const cases: Array<[string, Partial<typeof EVENTHUB_NAMES>, RegExp]> = [
      [
        'with the namespace FQDN',
        { namespaceName: 'contoso-devices.servicebus.windows.net' },
        /eventHub\.namespaceName "contoso-devices\.servicebus\.windows\.net" is invalid: 6-50 letters.*Use the short name "contoso-devices": the provider appends "\.servicebus\.windows\.net" itself/,
      ],
      ['with a namespace of 5 characters', { namespaceName: 'short' }, /eventHub\.namespaceName "short" is invalid/],
      ['with a namespace starting with a digit', { namespaceName: '1devices' }, /eventHub\.namespaceName "1devices" is invalid/],
      ['with a namespace ending with a hyphen', { namespaceName: 'devices-' }, /eventHub\.namespaceName "devices-" is invalid/],
      [
        'with an event hub name with a space',
        { eventHubName: 'device telemetry' },
        /eventHub\.eventHubName "device telemetry" is invalid: 1-256 letters, digits, '\.', '-' or '_'/,
      ],
      ['with an event hub name over 256 characters', { eventHubName: 'h'.repeat(257) }, /eventHub\.eventHubName "h{257}" is invalid/],
      [
        'with the $Default consumer group',
        { consumerGroupName: '$Default' },
        /eventHub\.consumerGroupName "\$Default" is invalid: .*The provider rejects "\$Default", and every reader of an event hub needs its own consumer group anyway.*create one for MedTech/,
      ],
      ['with a consumer group over 50 characters', { consumerGroupName: 'c'.repeat(51) }, /eventHub\.consumerGroupName "c{51}" is invalid: 1-50/],
    ];
    test.each(cases)('%s', (_, override, expected) => {
      expect(errorOf(() => medtechWith({ eventHub: { ...EVENTHUB_NAMES, ...override } }))).toMatch(expected);
    });

    test('without an event hub', () => {
      expect(errorOf(() => medtechWith({ eventHub: undefined as never }))).toMatch(
        /MedTechService eventHub is missing: give \{ namespaceName, eventHubName, consumerGroupName \}/,
      );
    });

    test('with an event hub id of another hub', () => {
      expect(errorOf(() => medtechWith({ eventHub: { ...EVENTHUB_NAMES, eventHubId: HUB_ID.replace('telemetry', 'other') } }))).toMatch(
        /eventHub\.eventHubId names "contoso-devices\/other" but namespaceName\/eventHubName say "contoso-devices\/telemetry"/,
      );
    });

    test('with an event hub id that is not one', () => {
      expect(errorOf(() => medtechWith({ eventHub: { ...EVENTHUB_NAMES, eventHubId: 'telemetry' } }))).toMatch(
        /eventHub\.eventHubId "telemetry" is invalid: an event hub id/,
      );
    });

    test('with a consumer group of another event hub', () => {
      const message = errorOf(() =>
        synth((stack) => {
          const namespace = new EventhubNamespace(stack, 'Namespace', {
            name: 'contoso-devices',
            location: 'eastus',
            resourceGroupName: 'rg',
            sku: 'Standard',
          });
          const eventHub = new Eventhub(stack, 'Hub', {
            name: 'telemetry',
            namespaceName: 'contoso-devices',
            resourceGroupName: 'rg',
            partitionCount: 2,
            messageRetention: 1,
          });
          const consumerGroup = new EventhubConsumerGroup(stack, 'Reader', {
            name: 'medtech',
            namespaceName: 'contoso-devices',
            eventhubName: 'alarms',
            resourceGroupName: 'rg',
          });
          workspaceIn(stack).addMedTechService('Devices', {
            name: 'devices',
            eventHub: { namespace, eventHub, consumerGroup },
            deviceMapping: EMPTY_DEVICE,
          });
        }),
      );
      expect(message).toMatch(/the consumerGroup eventhubName "alarms" differs from the eventHub name "telemetry"/);
    });

    test('with a provider consumer group resource named $Default', () => {
      const message = errorOf(() =>
        synth((stack) => {
          const namespace = new EventhubNamespace(stack, 'Namespace', {
            name: 'contoso-devices',
            location: 'eastus',
            resourceGroupName: 'rg',
            sku: 'Standard',
          });
          const eventHub = new Eventhub(stack, 'Hub', { name: 'telemetry', namespaceId: namespace.id, partitionCount: 2, messageRetention: 1 });
          const consumerGroup = new EventhubConsumerGroup(stack, 'Reader', {
            name: '$Default',
            namespaceName: namespace.name,
            eventhubName: eventHub.name,
            resourceGroupName: 'rg',
          });
          workspaceIn(stack).addMedTechService('Devices', {
            name: 'devices',
            eventHub: { namespace, eventHub, consumerGroup },
            deviceMapping: EMPTY_DEVICE,
          });
        }),
      );
      expect(message).toMatch(/eventHub\.consumerGroup name "\$Default" is invalid/);
    });
  });
});

describe('MedTechService destination', () => {
  const result = medtechWith({ eventHub: { ...EVENTHUB_NAMES, eventHubId: HUB_ID } }, withDestination);

  test('defines the FHIR destination in the MedTech region with the canonical FHIR mapping', () => {
    const destination = result.resource(DESTINATION);
    expect(destination).toMatchObject({
      name: 'fhir-destination',
      location: 'eastus',
      medtech_service_id: expect.stringMatching(/^\$\{azurerm_healthcare_medtech_service\.Health_Devices_[0-9A-F]{8}\.id\}$/),
      destination_fhir_service_id: expect.stringMatching(/^\$\{azurerm_healthcare_fhir_service\.Health_Fhir_[0-9A-F]{8}\.id\}$/),
      destination_identity_resolution_type: 'Create',
    });
    expect(JSON.parse(destination.destination_fhir_mapping_json)).toEqual(JSON.parse(JSON.stringify(heartRateFhir)));
  });

  test('assigns FHIR Data Writer on the FHIR service to the MedTech identity', () => {
    const writer = result.resources(ROLE).find((role) => role.role_definition_id.endsWith('3f88fce4-5892-4214-ae73-ba5294559913'));
    expect(writer).toMatchObject({ scope: result.resource(DESTINATION).destination_fhir_service_id, principal_type: 'ServicePrincipal' });
    expect(result.resources(ROLE)).toHaveLength(2);
  });

  test('only warns about the deprecation when everything is wired', () => {
    expect(result.messages('WARN')).toEqual([expect.stringMatching(/^MedTech is deprecated/)]);
  });

  test('takes a name, Lookup, and an imported R4 FHIR service', () => {
    const lookup = synth((stack) => {
      const fhirService = FhirService.fromFhirServiceAttributes(stack, 'Existing', {
        fhirServiceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health/fhirServices/records',
        fhirVersion: FhirVersion.R4,
      });
      workspaceIn(stack).addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENTHUB_NAMES,
        deviceMapping: heartRateDevice,
        destination: { fhirService, identityResolution: 'Lookup', fhirMapping: JSON.stringify(heartRateFhir), name: 'to-records' },
      });
    }).resource(DESTINATION);
    expect(lookup).toMatchObject({ name: 'to-records', destination_identity_resolution_type: 'Lookup' });
    expect(lookup.destination_fhir_service_id).toMatch(/fhirServices\/records$/);
  });

  test('warns when the FHIR service is in another workspace', () => {
    const warnings = synth((stack) => {
      const other = workspaceIn(stack, 'eastus', 'Other', 'other');
      const fhirService = other.addFhirService('Fhir', { name: 'records' });
      workspaceIn(stack).addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENTHUB_NAMES,
        deviceMapping: heartRateDevice,
        destination: { fhirService, identityResolution: 'Lookup', fhirMapping: heartRateFhir },
      });
    }).messages('WARN');
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /destination\.fhirService stack\/Other\/Fhir is in workspace stack\/Other, not in the MedTech service's workspace stack\/Health.*PHI then leaves the workspace boundary/,
        ),
      ]),
    );
  });

  test('warns with Create when a device template has no patientIdExpression', () => {
    const noPatient = DeviceMapping.collection([
      DeviceMapping.calculatedContent({
        typeName: 'heartrate',
        typeMatchExpression: '$..[?(@heartRate)]',
        deviceIdExpression: '$.matchedToken.deviceId',
        timestampExpression: '$.matchedToken.endDate',
        values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate' }],
      }),
    ]);
    const warnings = medtechWith({}, (workspace) => ({ ...withDestination(workspace), deviceMapping: noPatient })).messages('WARN');
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/deviceMapping\.template\[0\]\.template has no patientIdExpression, and identityResolution is "Create"/),
      ]),
    );
  });

  describe('fails', () => {
    test('with a second destination on the same MedTech service', () => {
      const message = errorOf(() =>
        synth((stack) => {
          const workspace = workspaceIn(stack);
          const fhirService = workspace.addFhirService('Fhir', { name: 'records' });
          const medtech = workspace.addMedTechService('Devices', {
            name: 'devices',
            eventHub: EVENTHUB_NAMES,
            deviceMapping: heartRateDevice,
            destination: { fhirService, identityResolution: 'Lookup', fhirMapping: heartRateFhir },
          });
          new MedTechFhirDestination(medtech, 'Second', {
            medTechService: medtech,
            fhirService,
            identityResolution: 'Lookup',
            fhirMapping: heartRateFhir,
            name: 'second',
          });
        }),
      );
      expect(message).toMatch(
        /\[stack\/Health\/Devices\/Second\] MedTechService stack\/Health\/Devices already has the FHIR destination stack\/Health\/Devices\/FhirDestination: Azure allows one FHIR destination per MedTech service/,
      );
    });

    test('when the destination resource id would exceed 253 characters (the MedTech id itself fits)', () => {
      const message = errorOf(() =>
        synth((stack) => {
          const workspace = new Workspace(stack, 'Health', { name: 'w'.repeat(24), location: 'eastus', resourceGroupName: 'r'.repeat(60) });
          workspace.addMedTechService('Devices', {
            name: 'm'.repeat(24),
            eventHub: EVENTHUB_NAMES,
            deviceMapping: heartRateDevice,
            destination: {
              fhirService: workspace.addFhirService('Fhir', { name: 'records' }),
              identityResolution: 'Lookup',
              fhirMapping: heartRateFhir,
            },
          });
        }),
      );
      expect(message).toMatch(
        /^\[stack\/Health\/Devices\/FhirDestination\] MedTechService destination resource id would be 271 characters; Azure allows at most 253\. Shorten the resource group, MedTech or destination name\.$/,
      );
    });

    test('with a STU3 FHIR service', () => {
      expect(
        errorOf(() =>
          medtechWith({}, (workspace) => ({
            deviceMapping: heartRateDevice,
            destination: {
              fhirService: workspace.addFhirService('Fhir', { name: 'records', kind: FhirVersion.STU3 }),
              identityResolution: 'Create',
              fhirMapping: heartRateFhir,
            },
          })),
        ),
      ).toMatch(/destination\.fhirService stack\/Health\/Fhir is a "fhir-Stu3" service: MedTech writes only to FHIR R4 services/);
    });

    test('with an unknown identity resolution', () => {
      expect(errorOf(() => medtechWith({}, destinationWith({ identityResolution: 'create' as 'Create' })))).toMatch(
        /destination\.identityResolution "create" is invalid: "Create" or "Lookup"\. Use "Create"/,
      );
    });

    test('with an invalid destination name', () => {
      expect(errorOf(() => medtechWith({}, destinationWith({ name: 'to_fhir' })))).toMatch(
        /\[stack\/Health\/Devices\/FhirDestination\] MedTechService destination\.name "to_fhir" is invalid.*Use e\.g\. "to-fhir"/,
      );
    });

    test('without a FHIR service', () => {
      expect(errorOf(() => medtechWith({}, destinationWith({ fhirService: undefined as never })))).toMatch(/destination\.fhirService is missing/);
    });

    test('when a device typeName has no FHIR template', () => {
      const stepsOnly = FhirMapping.collection([
        FhirMapping.codeValue({ typeName: 'steps', codes: [{ code: '55423-8' }], value: FhirMapping.quantity({ valueName: 'steps' }) }),
      ]);
      expect(errorOf(() => medtechWith({}, destinationWith({ fhirMapping: stepsOnly })))).toMatch(
        /\[stack\/Health\/Devices\/FhirDestination\] deviceMapping\.template\[0\]\.template\.typeName: No matching Fhir Template exists for Device Mapping \[heartrate\]\..*Available Fhir Templates: \[steps\]/,
      );
    });

    test('with a FHIR mapping that is not JSON', () => {
      expect(errorOf(() => medtechWith({}, destinationWith({ fhirMapping: '{"templateType": "CollectionFhir", ' })))).toMatch(
        /\[stack\/Health\/Devices\/FhirDestination\] destination\.fhirMapping: .*is not valid JSON: .*\(line 1, column 36\)/,
      );
    });
  });
});

describe('MedTechService fails', () => {
  test('in a region where MedTech is withdrawn', () => {
    expect(
      errorOf(() =>
        synth((stack) =>
          workspaceIn(stack, 'westus3').addMedTechService('Devices', { name: 'devices', eventHub: EVENTHUB_NAMES, deviceMapping: EMPTY_DEVICE }),
        ),
      ),
    ).toMatch(
      /MedTechService location "westus3" \(the workspace's\) is invalid: MedTech is only available in westus2, uksouth, westeurope, eastus, australiaeast, eastus2, centralindia, northeurope/,
    );
  });

  test('with an invalid name', () => {
    expect(errorOf(() => medtechWith({ name: 'my devices' }))).toMatch(/MedTechService name "my devices" is invalid.*Use e\.g\. "my-devices"/);
  });

  test('with the combined identity type', () => {
    expect(errorOf(() => medtechWith({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED, identityIds: [UAI] } }))).toMatch(
      /MedTechService identity\.type "SystemAssigned, UserAssigned" is invalid/,
    );
  });

  test('with two user-assigned identities', () => {
    expect(errorOf(() => medtechWith({ identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI, `${UAI}2`] } }))).toMatch(
      /MedTechService identity has 2 identityIds; MedTech uses exactly one identity/,
    );
  });

  test('without a device mapping', () => {
    expect(errorOf(() => medtechWith({ deviceMapping: undefined as never }))).toMatch(/MedTechService deviceMapping is missing/);
  });

  test('with a device mapping that is not JSON', () => {
    expect(errorOf(() => medtechWith({ deviceMapping: '{"templateType": CollectionContent}' }))).toMatch(
      /\[stack\/Health\/Devices\] deviceMapping: deviceMapping is not valid JSON: Unexpected token 'C'.*\(line 1, column 18\)/,
    );
  });

  test('with a device mapping error, pointing into the document', () => {
    const broken = {
      templateType: 'CollectionContent',
      template: [
        {
          templateType: 'CalculatedContent',
          template: {
            typeName: 'hr',
            typeMatchExpression: '$..[?(@heartRate)]',
            deviceIdExpression: '$.deviceId',
            timestampExpression: '$.matchedToken.endDate',
            values: [],
          },
        },
      ],
    };
    expect(errorOf(() => medtechWith({ deviceMapping: broken }))).toMatch(
      /\[stack\/Health\/Devices\] deviceMapping\.template\[0\]\.template\.deviceIdExpression: CalculatedContent expressions run against \{Body, Properties, SystemProperties, matchedToken\}; "\$\.deviceId" can never match\. Use "\$\.matchedToken\.deviceId"/,
    );
  });

  test('when two MedTech services in one workspace share a name', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          const workspace = workspaceIn(stack);
          workspace.addMedTechService('A', { name: 'devices', eventHub: EVENTHUB_NAMES, deviceMapping: EMPTY_DEVICE });
          workspace.addMedTechService('B', { name: 'devices', eventHub: EVENTHUB_NAMES, deviceMapping: EMPTY_DEVICE });
        }),
      ),
    ).toMatch(/MedTechService name "devices" is already used by stack\/Health\/A/);
  });

  test('without a workspace', () => {
    expect(
      errorOf(() =>
        synth((stack) => new MedTechService(stack, 'Devices', { name: 'devices', eventHub: EVENTHUB_NAMES, deviceMapping: EMPTY_DEVICE })),
      ),
    ).toMatch(/MedTechService has no workspace/);
  });
});

describe('MedTechService with tokens', () => {
  test('checks a token workspace region at plan time', () => {
    const medtech = synth((stack) => {
      const group = new ResourceGroup(stack, 'Group', { name: 'rg', location: 'eastus' });
      new Workspace(stack, 'Health', { name: 'health', location: group.location, resourceGroupName: group.name }).addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENTHUB_NAMES,
        deviceMapping: EMPTY_DEVICE,
      });
    }).resource(MEDTECH);
    expect(medtech.lifecycle.precondition).toEqual([
      {
        condition:
          '${contains(["westus2", "uksouth", "westeurope", "eastus", "australiaeast", "eastus2", "centralindia", "northeurope"], lower(replace(azurerm_resource_group.Group.location, " ", "")))}',
        error_message: expect.stringMatching(/^\[stack\/Health\/Devices\] MedTechService location is invalid: MedTech is only available in/),
      },
    ]);
  });

  test('never rejects token names', () => {
    expect(() =>
      synth((stack: TerraformStack) => {
        const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
        workspaceIn(stack).addMedTechService('Devices', {
          name: v('name'),
          eventHub: { namespaceName: v('ns'), eventHubName: v('hub'), consumerGroupName: v('cg'), eventHubId: v('hub_id') },
          deviceMapping: EMPTY_DEVICE,
        });
      }),
    ).not.toThrow();
  });
});
