import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Aspects, dependable, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import {
  EventSubscriptionDestination,
  HealthDataCompliance,
  HealthDataEventType,
  HealthDataRole,
  ManagedIdentityType,
  ResourceVersionPolicy,
  Workspace,
} from '../lib';

const LOCATION = 'northeurope';

/**
 * A production-shaped deployment: the workspace is the boundary. Monitoring, the lock and network isolation are
 * declared once on the workspace and reach every service; access is granted per service and workspace-wide; the
 * compliance check runs at every synth and writes its report next to the stack.
 *
 * The FHIR service uses settings azurerm cannot write (a customer-managed key, a versioning policy, `$import`), so
 * the library writes it as one `azapi_resource`; resource changes are delivered to an event hub through the
 * workspace's Event Grid system topic.
 */
export class ProductionStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    // Who gets access: Entra ID group object ids, given by the pipeline.
    const clinicians = new TerraformVariable(this, 'clinicians_group_id', {
      type: 'string',
      description: 'Entra ID group of the clinical app users',
    });
    const radiologists = new TerraformVariable(this, 'radiologists_group_id', { type: 'string', description: 'Entra ID group of the radiologists' });
    const integration = new TerraformVariable(this, 'integration_principal_id', {
      type: 'string',
      description: 'Service principal of the integration engine',
    });

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

    // Where `$import` reads NDJSON files from: also in the workspace's region.
    const imports = new StorageAccount(this, 'ImportAccount', {
      name: 'sthealthprodimport',
      location: group.location,
      resourceGroupName: group.name,
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      publicNetworkAccessEnabled: false,
    });

    // The customer-managed key: an RBAC vault with purge protection, an RSA key, and a user-assigned identity that
    // holds Key Vault Crypto Service Encryption User on the key before the FHIR service exists (a system-assigned
    // identity could not: it exists only after the service).
    const deployer = new DataAzurermClientConfig(this, 'Deployer');
    const vault = new KeyVault(this, 'KeyVault', {
      name: 'kv-health-prod',
      location: group.location,
      resourceGroupName: group.name,
      tenantId: deployer.tenantId,
      skuName: 'premium',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: 90,
      publicNetworkAccessEnabled: false,
    });
    const keyAdmin = new RoleAssignment(this, 'DeployerKeyAccess', {
      scope: vault.id,
      roleDefinitionName: 'Key Vault Crypto Officer',
      principalId: deployer.objectId,
    });
    const key = new KeyVaultKey(this, 'FhirKey', {
      name: 'fhir-cmk',
      keyVaultId: vault.id,
      keyType: 'RSA',
      keySize: 3072,
      keyOpts: ['wrapKey', 'unwrapKey'],
      dependsOn: [keyAdmin],
    });
    const fhirIdentity = new UserAssignedIdentity(this, 'FhirIdentity', {
      name: 'id-health-records',
      location: group.location,
      resourceGroupName: group.name,
    });
    const serviceAccess = [
      new RoleAssignment(this, 'FhirKeyAccess', {
        scope: key.resourceId,
        roleDefinitionName: HealthDataRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.roleName,
        principalId: fhirIdentity.principalId,
        principalType: 'ServicePrincipal',
      }),
      // `$export` writes and `$import` reads with the service's identity.
      new RoleAssignment(this, 'FhirExportAccess', {
        scope: exports.id,
        roleDefinitionName: HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR.roleName,
        principalId: fhirIdentity.principalId,
        principalType: 'ServicePrincipal',
      }),
      new RoleAssignment(this, 'FhirImportAccess', {
        scope: imports.id,
        roleDefinitionName: HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR.roleName,
        principalId: fhirIdentity.principalId,
        principalType: 'ServicePrincipal',
      }),
    ];

    const workspace = new Workspace(this, 'Health', {
      name: 'healthprod',
      location: LOCATION,
      resourceGroupName: group.name,
      tags: { environment: 'prod', dataClassification: 'phi' },
      monitoring: { logAnalyticsWorkspaceId: logs.id, logAnalyticsDestinationType: 'Dedicated' },
      lock: { level: 'CanNotDelete', name: 'lock-healthprod-phi', notes: 'PHI: deleting the workspace or a service needs change board approval.' },
      // Closes the workspace itself (FHIR follows it) and its DICOM services.
      publicNetworkAccessEnabled: false,
    });
    workspace.addPrivateEndpoint('PrivateLink', { subnetId: endpoints.id, virtualNetworkId: network.id });

    const fhir = workspace.addFhirService('Records', {
      name: 'records',
      identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [fhirIdentity.id] },
      encryptionKeyUrl: key.id,
      resourceVersionPolicy: { default: ResourceVersionPolicy.VERSIONED, resourceTypeOverrides: { Observation: ResourceVersionPolicy.NO_VERSION } },
      importConfiguration: { integrationDataStore: imports.name },
      configurationExportStorageAccountName: exports.name,
      cors: {
        allowedOrigins: ['https://clinic.contoso-health.example'],
        allowedHeaders: ['Authorization', 'Content-Type'],
        allowedMethods: ['GET', 'POST', 'PUT'],
        maxAgeInSeconds: 600,
      },
    });
    // The identity can use the key (and the stores) before the service is created.
    fhir.resource.dependsOn = serviceAccess.map((access) => dependable(access));
    const dicom = workspace.addDicomService('Imaging', {
      name: 'imaging',
      identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED },
    });

    fhir.grantDataReader(clinicians.stringValue, { principalType: 'Group', description: 'Clinical app users read patient records' });
    dicom.grantDataOwner(radiologists.stringValue, { principalType: 'Group', description: 'Radiologists manage studies' });
    workspace.grant(integration.stringValue, HealthDataRole.FHIR_DATA_WRITER, {
      principalType: 'ServicePrincipal',
      description: 'Integration engine writes to every FHIR service',
    });

    // Every change to a patient record, delivered to an event hub (the workspace's one system topic).
    const eventNamespace = new EventhubNamespace(this, 'EventNamespace', {
      name: 'evhns-health-prod',
      location: group.location,
      resourceGroupName: group.name,
      sku: 'Standard',
      minimumTlsVersion: '1.2',
      publicNetworkAccessEnabled: false,
    });
    const changes = new Eventhub(this, 'RecordChanges', {
      name: 'fhir-changes',
      namespaceId: eventNamespace.id,
      partitionCount: 4,
      messageRetention: 7,
    });
    workspace.addEventSubscription('RecordEvents', {
      events: [HealthDataEventType.FHIR_RESOURCE_CREATED, HealthDataEventType.FHIR_RESOURCE_UPDATED, HealthDataEventType.FHIR_RESOURCE_DELETED],
      services: [fhir],
      destination: EventSubscriptionDestination.eventHub(changes.id),
    });

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
