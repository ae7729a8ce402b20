import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { AzurermBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { FhirService, ManagedIdentityType, Workspace } from '../lib';

/** Where the team keeps Terraform state: one blob per stack, reached with Entra ID (no storage keys in CI). */
function stateIn(stack: TerraformStack, key: string): void {
  new AzurermBackend(stack, {
    resourceGroupName: 'rg-terraform-state',
    storageAccountName: 'sthealthtfstate',
    containerName: 'tfstate',
    key: `health-two-region/${key}.tfstate`,
    useAzureadAuth: true,
  });
}

/** The primary region: the integration identity both regions use, and the primary FHIR service. */
export class PrimaryRegionStack extends TerraformStack {
  public readonly integrationIdentity: UserAssignedIdentity;
  public readonly fhir: FhirService;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    stateIn(this, 'primary');
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-health-eastus2', location: 'eastus2' });
    this.integrationIdentity = new UserAssignedIdentity(this, 'IntegrationIdentity', {
      name: 'id-health-integration',
      location: 'eastus2',
      resourceGroupName: group.name,
    });
    const workspace = new Workspace(this, 'Health', { name: 'healtheastus2', location: 'eastus2', resourceGroupName: group.name });
    this.fhir = workspace.addFhirService('Records', {
      name: 'records',
      identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [this.integrationIdentity.id] },
    });
    new TerraformOutput(this, 'fhir_endpoint', { value: this.fhir.fhirServiceEndpoint, staticId: true });
  }
}

/** The secondary region: its own workspace, reusing the primary stack's identity through a cross-stack reference. */
export class SecondaryRegionStack extends TerraformStack {
  constructor(scope: Construct, id: string, primary: PrimaryRegionStack) {
    super(scope, id);
    stateIn(this, 'secondary');
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-health-westus3', location: 'westus3' });
    const workspace = new Workspace(this, 'Health', { name: 'healthwestus3', location: 'westus3', resourceGroupName: group.name });
    const fhir = workspace.addFhirService('Records', {
      name: 'records',
      identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [primary.integrationIdentity.id] },
      tags: { pairedWith: primary.fhir.fhirServiceName },
    });
    new TerraformOutput(this, 'fhir_endpoint', { value: fhir.fhirServiceEndpoint, staticId: true });
    new TerraformOutput(this, 'primary_fhir_endpoint', { value: primary.fhir.fhirServiceEndpoint, staticId: true });
  }
}
