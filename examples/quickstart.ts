import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { Workspace } from '../lib';

/** The smallest useful deployment: a resource group, a workspace and one FHIR R4 service. */
export class QuickstartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-health-quickstart', location: 'eastus' });
    const workspace = new Workspace(this, 'Health', {
      name: 'healthquickstart',
      location: 'eastus',
      resourceGroupName: group.name,
      tags: { environment: 'dev' },
    });
    const fhir = workspace.addFhirService('Patients', { name: 'patients' });

    new TerraformOutput(this, 'fhir_endpoint', { value: fhir.fhirServiceEndpoint, staticId: true });
  }
}
