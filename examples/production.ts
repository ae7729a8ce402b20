import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Aspects, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { HealthDataCompliance, HealthDataRole, ManagedIdentityType, Workspace } from '../lib';

const LOCATION = 'northeurope';

/**
 * A production-shaped deployment: the workspace is the boundary. Monitoring, the lock and network isolation are
 * declared once on the workspace and reach every service; access is granted per service and workspace-wide; the
 * compliance check runs at every synth and writes its report next to the stack.
 */
export class ProductionStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    // Who gets access: Entra ID group object ids, given by the pipeline.
    const clinicians = new TerraformVariable(this, 'clinicians_group_id', { type: 'string', description: 'Entra ID group of the clinical app users' });
    const radiologists = new TerraformVariable(this, 'radiologists_group_id', { type: 'string', description: 'Entra ID group of the radiologists' });
    const integration = new TerraformVariable(this, 'integration_principal_id', { type: 'string', description: 'Service principal of the integration engine' });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-health-prod', location: LOCATION });
    const network = new VirtualNetwork(this, 'Network', {
      name: 'vnet-health-prod',
      location: group.location,
      resourceGroupName: group.name,
      addressSpace: ['10.20.0.0/16'],
    });
    const endpoints = new Subnet(this, 'EndpointSubnet', {
      name: 'snet-private-endpoints',
      resourceGroupName: group.name,
      virtualNetworkName: network.name,
      addressPrefixes: ['10.20.1.0/24'],
    });
    const logs = new LogAnalyticsWorkspace(this, 'Logs', {
      name: 'log-health-prod',
      location: group.location,
      resourceGroupName: group.name,
      sku: 'PerGB2018',
      retentionInDays: 365,
    });
    // Where `$export` writes: in the workspace's region (the data-residency rule checks it).
    const exports = new StorageAccount(this, 'ExportAccount', {
      name: 'sthealthprodexport',
      location: group.location,
      resourceGroupName: group.name,
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      publicNetworkAccessEnabled: false,
    });

    const workspace = new Workspace(this, 'Health', {
      name: 'healthprod',
      location: LOCATION,
      resourceGroupName: group.name,
      tags: { environment: 'prod', dataClassification: 'phi' },
      monitoring: { logAnalyticsWorkspaceId: logs.id, logAnalyticsDestinationType: 'Dedicated' },
      lock: 'CanNotDelete',
    });
    workspace.addPrivateEndpoint('PrivateLink', { subnetId: endpoints.id, virtualNetworkId: network.id });

    const fhir = workspace.addFhirService('Records', {
      name: 'records',
      identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED },
      configurationExportStorageAccountName: exports.name,
      cors: {
        allowedOrigins: ['https://clinic.contoso-health.example'],
        allowedHeaders: ['Authorization', 'Content-Type'],
        allowedMethods: ['GET', 'POST', 'PUT'],
        maxAgeInSeconds: 600,
      },
    });
    // `$export` writes with the service's identity.
    new RoleAssignment(this, 'FhirExportAccess', {
      scope: exports.id,
      roleDefinitionName: HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR.roleName,
      principalId: fhir.identityPrincipalId!,
      principalType: 'ServicePrincipal',
    });
    const dicom = workspace.addDicomService('Imaging', {
      name: 'imaging',
      identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED },
    });

    fhir.grantDataReader(clinicians.stringValue, { principalType: 'Group', description: 'Clinical app users read patient records' });
    dicom.grantDataOwner(radiologists.stringValue, { principalType: 'Group', description: 'Radiologists manage studies' });
    workspace.grant(integration.stringValue, HealthDataRole.FHIR_DATA_WRITER, { principalType: 'ServicePrincipal', description: 'Integration engine writes to every FHIR service' });

    Aspects.of(this).add(new HealthDataCompliance());
    HealthDataCompliance.suppress(
      dicom,
      'AHDS-CUSTOMER-MANAGED-KEY',
      'Microsoft-managed keys accepted by security review SR-2024-117 until the Key Vault HSM rollout; tracked in risk register item R-42',
    );

    new TerraformOutput(this, 'fhir_endpoint', { value: fhir.fhirServiceEndpoint, staticId: true });
    new TerraformOutput(this, 'dicom_endpoint', { value: dicom.dicomServiceEndpoint, staticId: true });
  }
}
