import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageDataLakeGen2Filesystem } from '@cdktf/provider-azurerm/lib/storage-data-lake-gen2-filesystem';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { dependable, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { FhirVersion, ManagedIdentityType, Workspace } from '../lib';

const LOCATION = 'westeurope';

/**
 * An imaging platform: a workspace with a FHIR R4 service for the clinical record and a DICOM service that keeps
 * its images in the hospital's own Data Lake, partitioned per site, reached through a user-assigned identity.
 */
export class ImagingPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-imaging-platform', location: LOCATION });
    const identity = new UserAssignedIdentity(this, 'DicomIdentity', {
      name: 'id-imaging-dicom',
      location: LOCATION,
      resourceGroupName: group.name,
    });
    const lake = new StorageAccount(this, 'ImageLake', {
      name: 'stimaginglake',
      location: LOCATION,
      resourceGroupName: group.name,
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      accountKind: 'StorageV2',
      isHnsEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
    });
    const images = new StorageDataLakeGen2Filesystem(this, 'Images', { name: 'dicom-images', storageAccountId: lake.id });
    // The DICOM service reaches the lake through the identity (Storage Blob Data Contributor).
    const lakeAccess = new RoleAssignment(this, 'DicomLakeAccess', {
      scope: lake.id,
      roleDefinitionName: 'Storage Blob Data Contributor',
      principalId: identity.principalId,
      principalType: 'ServicePrincipal',
    });

    const workspace = new Workspace(this, 'Imaging', {
      name: 'imagingplatform',
      location: LOCATION,
      resourceGroupName: group.name,
      tags: { workload: 'imaging', dataClassification: 'phi' },
    });
    const fhir = workspace.addFhirService('Clinical', {
      name: 'clinical',
      kind: FhirVersion.R4,
      identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED },
      cors: {
        allowedOrigins: ['https://viewer.contoso-health.example'],
        allowedHeaders: ['Authorization', 'Content-Type'],
        allowedMethods: ['GET', 'POST', 'PUT'],
        maxAgeInSeconds: 600,
      },
    });
    const dicom = workspace.addDicomService('Images', {
      name: 'images',
      dataPartitionsEnabled: true,
      storage: { storageAccountId: lake.id, fileSystemName: images.name },
      identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [identity.id] },
      publicNetworkAccessEnabled: true,
      tags: { workload: 'imaging-archive' },
    });
    // Create the service only once its identity can reach the lake.
    dicom.resource.dependsOn = [dependable(lakeAccess)];

    new TerraformOutput(this, 'fhir_endpoint', { value: fhir.fhirServiceEndpoint, staticId: true });
    new TerraformOutput(this, 'dicom_endpoint', { value: dicom.dicomServiceEndpoint, staticId: true });
  }
}
