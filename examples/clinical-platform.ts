import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { DeviceMapping, FhirMapping, HealthDataCompliance, HealthDataDiagram, HealthDataRole, ManagedIdentityType, Workspace } from '../lib';

const LOCATION = 'eastus2';

/**
 * A clinical platform in one workspace: FHIR for records and for research, DICOM for imaging, MedTech reading
 * wearables from an event hub into the records service; monitoring, a lock and a private endpoint on the workspace;
 * grants to groups and to the integration engine; the compliance check with one accepted risk. Its diagram is the
 * one in the README (`npm run diagram:example` writes docs/health-data-diagram.svg and .md).
 */
export class ClinicalPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    const clinicians = new TerraformVariable(this, 'clinicians_group_id', { type: 'string' });
    const radiologists = new TerraformVariable(this, 'radiologists_group_id', { type: 'string' });
    const integration = new TerraformVariable(this, 'integration_principal_id', { type: 'string' });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-clinical', location: LOCATION });
    const network = new VirtualNetwork(this, 'Network', {
      name: 'vnet-clinical',
      location: LOCATION,
      resourceGroupName: group.name,
      addressSpace: ['10.30.0.0/16'],
    });
    const subnet = new Subnet(this, 'EndpointSubnet', {
      name: 'snet-endpoints',
      resourceGroupName: group.name,
      virtualNetworkName: network.name,
      addressPrefixes: ['10.30.1.0/24'],
    });
    const logs = new LogAnalyticsWorkspace(this, 'Logs', {
      name: 'log-clinical',
      location: LOCATION,
      resourceGroupName: group.name,
      sku: 'PerGB2018',
      retentionInDays: 365,
    });
    const namespace = new EventhubNamespace(this, 'Devices', {
      name: 'evhns-clinical-devices',
      location: LOCATION,
      resourceGroupName: group.name,
      sku: 'Standard',
    });
    const hub = new Eventhub(this, 'DeviceHub', { name: 'wearables', namespaceId: namespace.id, partitionCount: 4, messageRetention: 1 });
    const reader = new EventhubConsumerGroup(this, 'MedTechReader', {
      name: 'medtech',
      namespaceName: namespace.name,
      eventhubName: hub.name,
      resourceGroupName: group.name,
    });

    const workspace = new Workspace(this, 'Health', {
      name: 'clinical',
      location: LOCATION,
      resourceGroupName: group.name,
      monitoring: { logAnalyticsWorkspaceId: logs.id },
      lock: 'CanNotDelete',
    });
    workspace.addPrivateEndpoint('PrivateLink', { subnetId: subnet.id, virtualNetworkId: network.id });
    const records = workspace.addFhirService('Records', { name: 'records', identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } });
    // No managed identity: the check warns (AHDS-MANAGED-IDENTITY).
    workspace.addFhirService('Research', { name: 'research' });
    const imaging = workspace.addDicomService('Imaging', { name: 'imaging', identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } });
    workspace.addMedTechService('Wearables', {
      name: 'wearables',
      eventHub: { namespace, eventHub: hub, consumerGroup: reader },
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
        fhirService: records,
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

    records.grantDataReader(clinicians.stringValue, { principalType: 'Group' });
    imaging.grantDataOwner(radiologists.stringValue, { principalType: 'Group' });
    workspace.grant(integration.stringValue, HealthDataRole.FHIR_DATA_WRITER, { principalType: 'ServicePrincipal' });

    Aspects.of(this).add(new HealthDataCompliance());
    HealthDataCompliance.suppress(imaging, 'AHDS-CUSTOMER-MANAGED-KEY', 'Microsoft-managed keys accepted by security review SR-2024-117');
  }
}

/** Synthesizes the stack with the SVG turned on and returns its diagram files. */
export function renderClinicalPlatformDiagram(): { svg: string; markdown: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-diagram-example-'));
  try {
    const app = new App({ outdir, skipBackendValidation: true, context: { [HealthDataDiagram.SVG_CONTEXT_KEY]: true } });
    new ClinicalPlatformStack(app, 'clinical-platform');
    app.synth();
    const folder = path.join(outdir, 'stacks', 'clinical-platform');
    return {
      svg: fs.readFileSync(path.join(folder, 'health-data-diagram.svg'), 'utf8'),
      markdown: fs.readFileSync(path.join(folder, 'health-data-diagram.md'), 'utf8'),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Where `npm run diagram:example` writes the README's example. */
export const EXAMPLE_FILES = {
  svg: path.join(__dirname, '..', 'docs', 'health-data-diagram.svg'),
  markdown: path.join(__dirname, '..', 'docs', 'health-data-diagram.md'),
};

if (require.main === module) {
  const { svg, markdown } = renderClinicalPlatformDiagram();
  fs.writeFileSync(EXAMPLE_FILES.svg, svg);
  fs.writeFileSync(EXAMPLE_FILES.markdown, markdown);
  console.log(`wrote ${path.relative(process.cwd(), EXAMPLE_FILES.svg)} and ${path.relative(process.cwd(), EXAMPLE_FILES.markdown)}`);
}
