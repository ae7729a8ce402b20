/**
 * A consumer's app, as a cdktf user writes it. The consumer test installs the packed library into a fresh folder
 * outside the project and writes this file there with the imports of the core under test: for cdktn, `cdktf` →
 * `cdktn`, `@cdktf/provider-azurerm` → `@cdktn/provider-azurerm` and the library's own package name (the migration
 * the README describes). Not part of the project's own type check; the consumer test checks it strictly there.
 */
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { App, Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DeviceMapping, FhirMapping, FhirVersion, HealthDataCompliance, ManagedIdentityType, Workspace } from 'cdktf-azure-health-data-services';

const LOCATION = 'westeurope';

class ClinicStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    const group = new ResourceGroup(this, 'Group', { name: 'rg-clinic', location: LOCATION });
    const logs = new LogAnalyticsWorkspace(this, 'Logs', { name: 'log-clinic', location: LOCATION, resourceGroupName: group.name, sku: 'PerGB2018' });
    const namespace = new EventhubNamespace(this, 'Devices', {
      name: 'evhns-clinic',
      location: LOCATION,
      resourceGroupName: group.name,
      sku: 'Standard',
    });
    const hub = new Eventhub(this, 'Telemetry', { name: 'telemetry', namespaceId: namespace.id, partitionCount: 2, messageRetention: 1 });
    const consumerGroup = new EventhubConsumerGroup(this, 'Reader', {
      name: 'medtech',
      namespaceName: namespace.name,
      eventhubName: hub.name,
      resourceGroupName: group.name,
    });

    const workspace = new Workspace(this, 'Health', {
      name: 'clinichealth',
      location: LOCATION,
      resourceGroupName: group.name,
      monitoring: { logAnalyticsWorkspaceId: logs.id },
    });
    const network = new VirtualNetwork(this, 'Network', {
      name: 'vnet-clinic',
      location: LOCATION,
      resourceGroupName: group.name,
      addressSpace: ['10.30.0.0/16'],
    });
    const subnet = new Subnet(this, 'Endpoints', {
      name: 'snet-endpoints',
      resourceGroupName: group.name,
      virtualNetworkName: network.name,
      addressPrefixes: ['10.30.1.0/24'],
    });
    workspace.addPrivateEndpoint('PrivateLink', { subnetId: subnet.id, virtualNetworkId: network.id });
    const fhir = workspace.addFhirService('Records', {
      name: 'records',
      kind: FhirVersion.R4,
      identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED },
    });
    const dicom = workspace.addDicomService('Imaging', { name: 'imaging', identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } });
    workspace.addMedTechService('Vitals', {
      name: 'vitals',
      eventHub: { namespace, eventHub: hub, consumerGroup },
      deviceMapping: DeviceMapping.collection([
        DeviceMapping.calculatedContent({
          typeName: 'heartrate',
          typeMatchExpression: '$..[?(@heartRate)]',
          deviceIdExpression: '$.matchedToken.deviceId',
          patientIdExpression: '$.matchedToken.patientId',
          timestampExpression: '$.matchedToken.measuredAt',
          values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: true }],
        }),
      ]),
      destination: {
        fhirService: fhir,
        identityResolution: 'Create',
        fhirMapping: FhirMapping.collection([
          FhirMapping.codeValue({
            typeName: 'heartrate',
            codes: [{ code: '8867-4', system: 'http://loinc.org', display: 'Heart rate' }],
            value: FhirMapping.quantity({ valueName: 'hr', unit: 'count/min', code: '/min', system: 'http://unitsofmeasure.org' }),
          }),
        ]),
      },
    });

    Aspects.of(this).add(new HealthDataCompliance());
    new TerraformOutput(this, 'fhir_endpoint', { value: fhir.fhirServiceEndpoint, staticId: true });
    new TerraformOutput(this, 'dicom_endpoint', { value: dicom.dicomServiceEndpoint, staticId: true });
  }
}

const app = new App();
new ClinicStack(app, 'clinic');
app.synth();
