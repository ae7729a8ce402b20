import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { DeviceMapping, FhirMapping, FhirVersion, Workspace } from '../lib';

const LOCATION = 'eastus2';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

/**
 * Remote patient monitoring: wearables send heart rate and blood pressure to an event hub; MedTech normalizes the
 * messages and writes FHIR Observations into the FHIR R4 service of the same workspace. The library assigns
 * MedTech's identity "Azure Event Hubs Data Receiver" on the hub and "FHIR Data Writer" on the FHIR service.
 *
 * Device message body: `{ "deviceId": "...", "patientId": "...", "measuredAt": "...", "heartRate": 78 }` or with
 * `"systolic"` and `"diastolic"`.
 */
export class RemoteMonitoringStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-remote-monitoring', location: LOCATION });
    const namespace = new EventhubNamespace(this, 'DeviceNamespace', {
      name: 'evhns-rpm-devices',
      location: LOCATION,
      resourceGroupName: group.name,
      sku: 'Standard',
      minimumTlsVersion: '1.2',
    });
    const hub = new Eventhub(this, 'DeviceHub', { name: 'device-telemetry', namespaceId: namespace.id, partitionCount: 4, messageRetention: 1 });
    const consumerGroup = new EventhubConsumerGroup(this, 'MedTechReader', {
      name: 'medtech',
      namespaceName: namespace.name,
      eventhubName: hub.name,
      resourceGroupName: group.name,
    });

    const workspace = new Workspace(this, 'Health', {
      name: 'rpmhealth',
      location: LOCATION,
      resourceGroupName: group.name,
      tags: { workload: 'remote-monitoring' },
    });
    const fhir = workspace.addFhirService('Observations', { name: 'observations', kind: FhirVersion.R4 });

    const deviceMapping = DeviceMapping.collection([
      DeviceMapping.calculatedContent({
        typeName: 'heartrate',
        typeMatchExpression: '$..[?(@heartRate)]',
        deviceIdExpression: '$.matchedToken.deviceId',
        patientIdExpression: '$.matchedToken.patientId',
        timestampExpression: '$.matchedToken.measuredAt',
        values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: true }],
      }),
      DeviceMapping.calculatedContent({
        typeName: 'bloodpressure',
        typeMatchExpression: '$..[?(@systolic && @diastolic)]',
        deviceIdExpression: '$.matchedToken.deviceId',
        patientIdExpression: '$.matchedToken.patientId',
        timestampExpression: '$.matchedToken.measuredAt',
        values: [
          { valueName: 'systolic', valueExpression: '$.matchedToken.systolic', required: true },
          { valueName: 'diastolic', valueExpression: '$.matchedToken.diastolic', required: true },
        ],
      }),
    ]);
    const fhirMapping = FhirMapping.collection([
      FhirMapping.codeValue({
        typeName: 'heartrate',
        codes: [{ code: '8867-4', system: LOINC, display: 'Heart rate' }],
        value: FhirMapping.quantity({ valueName: 'hr', unit: 'count/min', code: '/min', system: UCUM }),
      }),
      FhirMapping.codeValue({
        typeName: 'bloodpressure',
        codes: [{ code: '85354-9', system: LOINC, display: 'Blood pressure panel' }],
        components: [
          FhirMapping.component(
            [{ code: '8480-6', system: LOINC, display: 'Systolic blood pressure' }],
            FhirMapping.quantity({ valueName: 'systolic', unit: 'mm[Hg]', code: 'mm[Hg]', system: UCUM }),
          ),
          FhirMapping.component(
            [{ code: '8462-4', system: LOINC, display: 'Diastolic blood pressure' }],
            FhirMapping.quantity({ valueName: 'diastolic', unit: 'mm[Hg]', code: 'mm[Hg]', system: UCUM }),
          ),
        ],
      }),
    ]);

    const medtech = workspace.addMedTechService('Wearables', {
      name: 'wearables',
      eventHub: { namespace, eventHub: hub, consumerGroup },
      deviceMapping,
      destination: { fhirService: fhir, identityResolution: 'Create', fhirMapping },
    });

    new TerraformOutput(this, 'fhir_endpoint', { value: fhir.fhirServiceEndpoint, staticId: true });
    new TerraformOutput(this, 'medtech_principal_id', { value: medtech.identityPrincipalId, staticId: true });
  }
}
