/**
 * FhirService with the settings azurerm cannot write: each prop's default, override, bad value and token; the
 * azurerm/AzAPI switch and its moved block; every workspace-wide feature against an AzAPI-backed service.
 */
import { HealthcareFhirService } from '@cdktf/provider-azurerm/lib/healthcare-fhir-service';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzapiProvider,
  AzapiResource,
  FhirResourceProvider,
  FhirService,
  FhirServiceOptions,
  HealthDataRole,
  ManagedIdentityType,
  RemovalPolicy,
  ResourceVersionPolicy,
  SmartDataAction,
  Workspace,
} from '../../lib';
import { addMedTech, LAW_ID, PRINCIPAL, SUBNET_ID } from '../boundary-fixtures';
import { errorOf, newStack, synth, SynthResult } from '../helpers';

const AZAPI = 'azapi_resource';
const AZURERM = 'azurerm_healthcare_fhir_service';
const KEY = 'https://kv-health.vault.azure.net/keys/fhir-cmk/0123456789abcdef0123456789abcdef';
const UAI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir';
const USER_IDENTITY = { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI] };
const STORE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stimport';
const SMART = {
  authority: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/v2.0',
  applications: [{ clientId: 'patient-app', audience: 'fhir-api', allowedDataActions: [SmartDataAction.READ] }],
};

function workspaceIn(scope: Construct, extra: { lock?: 'CanNotDelete'; tags?: Record<string, string> } = {}): Workspace {
  return new Workspace(scope, 'Health', { name: 'health', location: 'East US', resourceGroupName: 'rg-health', ...extra });
}

function fhirWith(options: Partial<FhirServiceOptions>): SynthResult {
  return synth((stack) => workspaceIn(stack).addFhirService('Patients', { name: 'patients', ...options }));
}

const properties = (result: SynthResult) => result.resource(AZAPI).body.properties;

/** One example of each setting that needs AzAPI. */
const EACH_SETTING: Array<[string, Partial<FhirServiceOptions>]> = [
  ['encryptionKeyUrl', { encryptionKeyUrl: KEY, identity: USER_IDENTITY }],
  ['importConfiguration', { importConfiguration: { integrationDataStore: 'stimport' } }],
  ['resourceVersionPolicy', { resourceVersionPolicy: { default: ResourceVersionPolicy.NO_VERSION } }],
  ['authentication.smartIdentityProviders', { authentication: { smartIdentityProviders: [SMART] } }],
  ['implementationGuides', { implementationGuides: { usCoreMissingData: true } }],
];

describe('the azurerm/AzAPI switch', () => {
  test('without any AzAPI setting the service stays azurerm: no azapi resource, provider, moved block or required_version', () => {
    const result = fhirWith({ authentication: { smartIdentityProviders: [] } });
    expect(result.resources(AZURERM)).toHaveLength(1);
    expect(result.resources(AZAPI)).toHaveLength(0);
    expect(result.json.provider.azapi).toBeUndefined();
    expect(result.json.moved).toBeUndefined();
    expect(result.json.terraform.required_version).toBeUndefined();
    expect(result.json.terraform.required_providers.azapi).toBeUndefined();
  });

  test.each(EACH_SETTING)(
    '%s makes the whole service one azapi_resource of fhirServices@2024-03-31 with the workspace as parent',
    (_name, options) => {
      const result = fhirWith(options);
      expect(result.resources(AZURERM)).toHaveLength(0);
      expect(result.resource(AZAPI)).toMatchObject({
        type: 'Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31',
        name: 'patients',
        parent_id: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
        location: 'eastus',
        lifecycle: { prevent_destroy: true },
        timeouts: { create: '90m', read: '5m', update: '90m', delete: '30m' },
      });
      expect(result.resource(AZAPI).body.kind).toBe('fhir-R4');
    },
  );

  test('the moved block comes from the exact address the azurerm service had at the same construct path', () => {
    const azurerm = fhirWith({});
    const [azurermAddress] = Object.keys(azurerm.json.resource[AZURERM]);
    const azapi = fhirWith({ implementationGuides: { usCoreMissingData: true } });
    const [azapiAddress] = Object.keys(azapi.json.resource[AZAPI]);
    expect(azapiAddress).toBe(azurermAddress);
    expect(azapi.json.moved).toEqual([{ from: `${AZURERM}.${azurermAddress}`, to: `${AZAPI}.${azapiAddress}` }]);
  });

  test('the stack requires Terraform >= 1.8.0 (cross-type moves) and AzAPI >= 2.12.0, < 3.0.0 (moves from azurerm work)', () => {
    const result = fhirWith({ resourceVersionPolicy: { default: 'versioned' } });
    expect(result.json.terraform.required_version).toBe('>= 1.8.0');
    expect(result.json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '>= 2.12.0, < 3.0.0' });
    expect(result.json.provider.azapi).toEqual([{}]);
  });

  test("a user's own default azapi provider wins over the automatic one", () => {
    const result = synth((stack) => {
      new AzapiProvider(stack, 'azapi', { useOidc: true });
      workspaceIn(stack).addFhirService('Patients', { name: 'patients', resourceVersionPolicy: { default: 'versioned' } });
    });
    expect(result.json.provider.azapi).toEqual([{ use_oidc: true }]);
  });

  test('resourceProvider: AZAPI keeps a service on AzAPI without any AzAPI setting (moves are one-way)', () => {
    const result = fhirWith({ resourceProvider: FhirResourceProvider.AZAPI });
    expect(result.resource(AZAPI).body.properties).toEqual({
      authenticationConfiguration: {
        authority: 'https://login.microsoftonline.com/${data.azurerm_client_config.HealthDataServicesClientConfig.tenant_id}',
        audience: 'https://health-patients.fhir.azurehealthcareapis.com',
        smartProxyEnabled: false,
      },
      corsConfiguration: { origins: [], headers: [], methods: [], allowCredentials: false },
      acrConfiguration: {},
    });
    expect(result.json.moved).toHaveLength(1);
  });

  test('resourceProvider: AZURERM is the default without settings, and cannot write AzAPI settings', () => {
    expect(fhirWith({ resourceProvider: FhirResourceProvider.AZURERM }).resources(AZURERM)).toHaveLength(1);
    expect(
      errorOf(() =>
        fhirWith({ resourceProvider: FhirResourceProvider.AZURERM, resourceVersionPolicy: { default: 'versioned' }, implementationGuides: {} }),
      ),
    ).toBe(
      '[stack/Health/Patients] FhirService resourceProvider "azurerm" cannot write resourceVersionPolicy, implementationGuides: azurerm 4.55 has no argument for them. ' +
        'Drop resourceProvider (the service is then written through AzAPI), or drop the setting.',
    );
    expect(errorOf(() => fhirWith({ resourceProvider: 'AzAPI' as FhirResourceProvider }))).toMatch(
      /FhirService resourceProvider "AzAPI" is invalid: one of "azurerm", "azapi"\. Use FhirResourceProvider\.AZAPI \("azapi"\)\./,
    );
  });

  test('.resource is the AzapiResource, child Resource, and addOverride works on it', () => {
    const result = synth((stack) => {
      const fhir = workspaceIn(stack).addFhirService('Patients', { name: 'patients', implementationGuides: { usCoreMissingData: true } });
      expect(fhir.resource).toBeInstanceOf(AzapiResource);
      expect(fhir.resource).not.toBeInstanceOf(HealthcareFhirService);
      expect(fhir.node.findChild('Resource')).toBe(fhir.resource);
      expect(fhir.resourceProvider).toBe(FhirResourceProvider.AZAPI);
      fhir.resource.addOverride('body.properties.implementationGuidesConfiguration.usCoreMissingData', false);
    });
    expect(properties(result).implementationGuidesConfiguration).toEqual({ usCoreMissingData: false });
  });

  test('attributes: the id is the azapi_resource id, the principal id its identity, the endpoint unchanged', () => {
    const result = synth((stack) => {
      const fhir = workspaceIn(stack).addFhirService('Patients', { name: 'patients', importConfiguration: { integrationDataStore: 'stimport' } });
      new TerraformOutput(stack, 'id', { value: fhir.fhirServiceId, staticId: true });
      new TerraformOutput(stack, 'principal', { value: fhir.identityPrincipalId, staticId: true });
      expect(fhir.fhirServiceEndpoint).toBe('https://health-patients.fhir.azurehealthcareapis.com');
    });
    expect(result.json.output.id.value).toBe('${azapi_resource.Health_Patients_422B09FF.id}');
    expect(result.json.output.principal.value).toBe('${azapi_resource.Health_Patients_422B09FF.identity[0].principal_id}');
  });

  test('the azurerm settings travel in the body under their ARM names; tags and a user identity are arguments', () => {
    const result = synth((stack) =>
      workspaceIn(stack, { tags: { env: 'prod' } }).addFhirService('Patients', {
        name: 'patients',
        kind: undefined,
        identity: USER_IDENTITY,
        encryptionKeyUrl: KEY,
        tags: { app: 'ehr' },
        authentication: { audience: 'https://fhir.contoso.example', smartProxyEnabled: true },
        cors: {
          allowedOrigins: ['https://app.contoso.example'],
          allowedHeaders: ['Authorization'],
          allowedMethods: ['GET'],
          maxAgeInSeconds: 600,
          allowCredentials: false,
        },
        configurationExportStorageAccountName: 'stexport',
        containerRegistryLoginServerUrl: ['contoso.azurecr.io'],
        ociArtifact: [{ loginServer: 'contoso.azurecr.io', imageName: 'templates' }],
        timeouts: { create: '2h' },
      }),
    );
    const resource = result.resource(AZAPI);
    expect(resource.tags).toEqual({ env: 'prod', app: 'ehr' });
    expect(resource.identity).toEqual([{ type: 'UserAssigned', identity_ids: [UAI] }]);
    expect(resource.timeouts).toEqual({ create: '2h', read: '5m', update: '90m', delete: '30m' });
    expect(resource.body.properties).toMatchObject({
      authenticationConfiguration: { audience: 'https://fhir.contoso.example', smartProxyEnabled: true },
      corsConfiguration: {
        origins: ['https://app.contoso.example'],
        headers: ['Authorization'],
        methods: ['GET'],
        maxAge: 600,
        allowCredentials: false,
      },
      exportConfiguration: { storageAccountName: 'stexport' },
      acrConfiguration: { loginServers: ['contoso.azurecr.io'], ociArtifacts: [{ loginServer: 'contoso.azurecr.io', imageName: 'templates' }] },
      encryption: { customerManagedKeyEncryption: { keyEncryptionKeyUrl: KEY } },
    });
  });
});

describe('each setting: default, override, bad value, token', () => {
  test('importConfiguration: enabled and incremental by default; overrides; a system-assigned identity is defaulted', () => {
    const defaults = fhirWith({ importConfiguration: { integrationDataStore: 'stimport' } });
    expect(properties(defaults).importConfiguration).toEqual({ integrationDataStore: 'stimport', enabled: true, initialImportMode: false });
    expect(defaults.resource(AZAPI).identity).toEqual([{ type: 'SystemAssigned' }]);
    expect(
      properties(fhirWith({ importConfiguration: { integrationDataStore: 'stimport', enabled: false, initialImportMode: true } }))
        .importConfiguration,
    ).toEqual({
      integrationDataStore: 'stimport',
      enabled: false,
      initialImportMode: true,
    });
    expect(fhirWith({ importConfiguration: { integrationDataStore: 'stimport' }, identity: USER_IDENTITY }).resource(AZAPI).identity).toEqual([
      { type: 'UserAssigned', identity_ids: [UAI] },
    ]);
  });

  test('importConfiguration: bad values', () => {
    expect(errorOf(() => fhirWith({ importConfiguration: { integrationDataStore: 'Import_Store' } }))).toMatch(
      /FhirService importConfiguration\.integrationDataStore "Import_Store" is invalid/,
    );
    expect(errorOf(() => fhirWith({ importConfiguration: { integrationDataStore: 'stimport', enabled: 'yes' as unknown as boolean } }))).toMatch(
      /FhirService importConfiguration\.enabled "yes" is invalid/,
    );
    expect(errorOf(() => fhirWith({ importConfiguration: {} as { integrationDataStore: string } }))).toMatch(
      /FhirService importConfiguration\.integrationDataStore is missing/,
    );
  });

  test('resourceVersionPolicy: default and overrides per R4 type; plain strings; bad policy and type', () => {
    expect(
      properties(
        fhirWith({
          resourceVersionPolicy: { default: ResourceVersionPolicy.VERSIONED_UPDATE, resourceTypeOverrides: { Observation: 'no-version' } },
        }),
      ).resourceVersionPolicyConfiguration,
    ).toEqual({
      default: 'versioned-update',
      resourceTypeOverrides: { Observation: 'no-version' },
    });
    expect(errorOf(() => fhirWith({ resourceVersionPolicy: { default: 'version-update' } }))).toMatch(
      /FhirService resourceVersionPolicy\.default "version-update" is invalid: one of "no-version", "versioned", "versioned-update"/,
    );
    expect(errorOf(() => fhirWith({ resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: { patient: 'versioned' } } }))).toMatch(
      /resourceTypeOverrides key "patient" is invalid: a FHIR R4 resource type.*Use "Patient"/,
    );
  });

  test('authentication.smartIdentityProviders: written into authenticationConfiguration; limits', () => {
    expect(properties(fhirWith({ authentication: { smartIdentityProviders: [SMART] } })).authenticationConfiguration.smartIdentityProviders).toEqual([
      { authority: SMART.authority, applications: [{ clientId: 'patient-app', audience: 'fhir-api', allowedDataActions: ['Read'] }] },
    ]);
    const three = [1, 2, 3].map((n) => ({
      ...SMART,
      authority: `https://idp${n}.example.org`,
      applications: [{ ...SMART.applications[0], clientId: `app-${n}` }],
    }));
    expect(errorOf(() => fhirWith({ authentication: { smartIdentityProviders: three } }))).toMatch(
      /FhirService authentication\.smartIdentityProviders .* is invalid: 0-2 identity providers/,
    );
    expect(
      errorOf(() =>
        fhirWith({
          authentication: { smartIdentityProviders: [{ ...SMART, applications: [{ ...SMART.applications[0], allowedDataActions: ['Write'] }] }] },
        }),
      ),
    ).toMatch(/smartIdentityProviders\[0\]\.applications\[0\]\.allowedDataActions\[0\] "Write" is invalid: one of "Read"/);
  });

  test('implementationGuides: usCoreMissingData false by default, true when asked; not a boolean fails', () => {
    expect(properties(fhirWith({ implementationGuides: {} })).implementationGuidesConfiguration).toEqual({ usCoreMissingData: false });
    expect(properties(fhirWith({ implementationGuides: { usCoreMissingData: true } })).implementationGuidesConfiguration).toEqual({
      usCoreMissingData: true,
    });
    expect(errorOf(() => fhirWith({ implementationGuides: { usCoreMissingData: 1 as unknown as boolean } }))).toMatch(
      /implementationGuides\.usCoreMissingData 1 is invalid/,
    );
  });

  test('encryptionKeyUrl: a versioned key URL with a user-assigned identity; versionless and http keys fail with the fix', () => {
    expect(properties(fhirWith({ encryptionKeyUrl: KEY, identity: USER_IDENTITY })).encryption).toEqual({
      customerManagedKeyEncryption: { keyEncryptionKeyUrl: KEY },
    });
    expect(errorOf(() => fhirWith({ encryptionKeyUrl: 'https://kv-health.vault.azure.net/keys/fhir-cmk', identity: USER_IDENTITY }))).toMatch(
      /Use the key's versioned identifier/,
    );
    expect(errorOf(() => fhirWith({ encryptionKeyUrl: KEY.replace('https', 'http'), identity: USER_IDENTITY }))).toMatch(/Use "https:\/\/kv-health/);
  });

  test('encryptionKeyUrl with a system-assigned identity fails at synth with both ways out; the second apply is stated', () => {
    expect(errorOf(() => fhirWith({ encryptionKeyUrl: KEY, identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } }))).toBe(
      '[stack/Health/Patients] FhirService encryptionKeyUrl cannot be set in the same apply as a system-assigned identity: that identity does not exist before the service, so it cannot hold Key Vault Crypto Service Encryption User on the key when the key is set. ' +
        'Either use a user-assigned identity granted that role first (key and service then deploy together), or deploy the service without encryptionKeyUrl, grant the role to its identityPrincipalId, and add encryptionKeyUrl in a second apply together with systemAssignedIdentityExists: true.',
    );
    expect(errorOf(() => fhirWith({ encryptionKeyUrl: KEY }))).toMatch(/FhirService encryptionKeyUrl needs a managed identity/);
    // Import defaults a system-assigned identity, but the key rule reads the identity the user gave: none.
    expect(errorOf(() => fhirWith({ encryptionKeyUrl: KEY, importConfiguration: { integrationDataStore: 'stimport' } }))).toMatch(
      /encryptionKeyUrl needs a managed identity/,
    );
    const second = fhirWith({ encryptionKeyUrl: KEY, identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED }, systemAssignedIdentityExists: true });
    expect(properties(second).encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl).toBe(KEY);
    expect(errorOf(() => fhirWith({ systemAssignedIdentityExists: 'yes' as unknown as boolean }))).toMatch(
      /systemAssignedIdentityExists "yes" is invalid/,
    );
  });

  test('tokens are never rejected; a token key URL becomes a plan-time precondition with the same rule', () => {
    const result = synth((stack) => {
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      const store = new TerraformVariable(stack, 'store', { type: 'string' });
      const policy = new TerraformVariable(stack, 'policy', { type: 'string' });
      workspaceIn(stack).addFhirService('Patients', {
        name: 'patients',
        identity: USER_IDENTITY,
        encryptionKeyUrl: key.stringValue,
        importConfiguration: { integrationDataStore: store.stringValue },
        resourceVersionPolicy: { default: policy.stringValue },
      });
    });
    const resource = result.resource(AZAPI);
    expect(resource.body.properties.encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl).toBe('${var.key}');
    expect(resource.body.properties.importConfiguration.integrationDataStore).toBe('${var.store}');
    expect(resource.body.properties.resourceVersionPolicyConfiguration.default).toBe('${var.policy}');
    expect(resource.lifecycle.precondition).toEqual([
      {
        condition:
          '${can(regex("^https://[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]\\\\.(vault|managedhsm)\\\\.(azure\\\\.net|usgovcloudapi\\\\.net|azure\\\\.cn)/keys/[a-zA-Z0-9-]{1,127}/[0-9a-fA-F]{32}$", var.key))}',
        error_message: expect.stringMatching(
          /^\[stack\/Health\/Patients\] FhirService encryptionKeyUrl is invalid: the versioned URL of a Key Vault/,
        ),
      },
    ]);
  });

  test('the precondition regex (as Terraform will read it) agrees with the synth-time rule', () => {
    const result = synth((stack) =>
      workspaceIn(stack).addFhirService('Patients', {
        name: 'patients',
        identity: USER_IDENTITY,
        encryptionKeyUrl: new TerraformVariable(stack, 'key', { type: 'string' }).stringValue,
      }),
    );
    const condition: string = result.resource(AZAPI).lifecycle.precondition[0].condition;
    // The HCL string literal "\\." is the regex \. .
    const pattern = new RegExp(/regex\("(.*)", var\.key\)/.exec(condition)![1].replace(/\\\\/g, '\\'));
    for (const [url, ok] of [
      [KEY, true],
      ['https://kv-health.vault.azure.net/keys/fhir-cmk', false],
      ['https://hsm1.managedhsm.azure.cn/keys/k/0123456789abcdef0123456789abcdef', true],
      [`${KEY}x`, false],
    ] as const) {
      expect(pattern.test(url)).toBe(ok);
    }
  });

  test('accessPolicyObjectIds cannot be written through AzAPI (no access policies at 2024-03-31)', () => {
    expect(errorOf(() => fhirWith({ accessPolicyObjectIds: [PRINCIPAL], resourceVersionPolicy: { default: 'versioned' } }))).toMatch(
      /FhirService accessPolicyObjectIds cannot be combined with resourceVersionPolicy: .*Grant data-plane roles instead/,
    );
    expect(errorOf(() => fhirWith({ accessPolicyObjectIds: [PRINCIPAL], resourceProvider: FhirResourceProvider.AZAPI }))).toMatch(
      /FhirService accessPolicyObjectIds cannot be written through AzAPI/,
    );
  });
});

describe('the identity grants $import and $export need', () => {
  test('grantImportStoreAccess assigns Storage Blob Data Contributor on the account to the system-assigned identity', () => {
    const result = synth((stack) => {
      const fhir = workspaceIn(stack).addFhirService('Patients', { name: 'patients', importConfiguration: { integrationDataStore: 'stimport' } });
      const assignment = fhir.grantImportStoreAccess(STORE_ID);
      expect(assignment.node.path).toBe(
        'stack/Health/Patients/IdentityGrants/StorageBlobDataContributor-subscriptions_00000000-0000-0000-0000-000000000000_resourcegroups_rg_providers_microsoft.storage_storageaccounts_stimport',
      );
    });
    expect(result.resource('azurerm_role_assignment')).toMatchObject({
      scope: STORE_ID,
      principal_id: '${azapi_resource.Health_Patients_422B09FF.identity[0].principal_id}',
      principal_type: 'ServicePrincipal',
      role_definition_id:
        '/subscriptions/${data.azurerm_client_config.HealthDataServicesClientConfig.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    });
  });

  test('one assignment when $import and $export use the same account (a storage account of the app, by reference)', () => {
    const result = synth((stack) => {
      const account = new StorageAccount(stack, 'Store', {
        name: 'stdata',
        location: 'eastus',
        resourceGroupName: 'rg',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
      });
      const fhir = workspaceIn(stack).addFhirService('Patients', {
        name: 'patients',
        importConfiguration: { integrationDataStore: account.name },
        configurationExportStorageAccountName: account.name,
      });
      expect(fhir.grantImportStoreAccess(account.id)).toBe(fhir.grantExportStoreAccess(account.id));
    });
    expect(result.resources('azurerm_role_assignment')).toHaveLength(1);
  });

  test('grantExportStoreAccess works for an azurerm service too', () => {
    const result = synth((stack) =>
      workspaceIn(stack)
        .addFhirService('Patients', { name: 'patients', configurationExportStorageAccountName: 'stexport' })
        .grantExportStoreAccess(STORE_ID.replace('stimport', 'stexport')),
    );
    expect(result.resource('azurerm_role_assignment').principal_id).toBe(
      '${azurerm_healthcare_fhir_service.Health_Patients_422B09FF.identity[0].principal_id}',
    );
  });

  test('refuses without the store, with a user-assigned identity, or for another account', () => {
    const inStack = (options: Partial<FhirServiceOptions>, grant: (fhir: FhirService) => unknown) =>
      errorOf(() => synth((stack) => grant(workspaceIn(stack).addFhirService('Patients', { name: 'patients', ...options }))));
    expect(inStack({}, (fhir) => fhir.grantImportStoreAccess(STORE_ID))).toBe(
      '[stack/Health/Patients] FhirService $import store access needs importConfiguration.integrationDataStore: the service has no $import store to grant access to. Set importConfiguration.integrationDataStore first.',
    );
    expect(
      inStack({ importConfiguration: { integrationDataStore: 'stimport' }, identity: USER_IDENTITY }, (fhir) =>
        fhir.grantImportStoreAccess(STORE_ID),
      ),
    ).toMatch(
      /needs a system-assigned identity: .*assign Storage Blob Data Contributor \(ba92f5b4-2d11-453d-a403-e96b0029c9fe\) on the account to that identity's principal id yourself/,
    );
    expect(inStack({ importConfiguration: { integrationDataStore: 'stother' } }, (fhir) => fhir.grantImportStoreAccess(STORE_ID))).toBe(
      '[stack/Health/Patients] FhirService $import store access storageAccountId names the account "stimport", but importConfiguration.integrationDataStore is "stother". Pass the id of the account $import uses.',
    );
    expect(inStack({ importConfiguration: { integrationDataStore: 'stimport' } }, (fhir) => fhir.grantImportStoreAccess('stimport'))).toMatch(
      /FhirService \$import store access storageAccountId "stimport" is invalid/,
    );
  });
});

describe('every workspace-wide feature with an AzAPI FHIR service', () => {
  const AZAPI_ADDRESS = 'azapi_resource.Health_Patients_422B09FF';
  const azapiFhir = (workspace: Workspace) =>
    workspace.addFhirService('Patients', {
      name: 'patients',
      resourceVersionPolicy: { default: 'versioned' },
      identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED },
    });

  test('grants: data roles and control-plane roles at the service scope', () => {
    const result = synth((stack) => {
      const fhir = azapiFhir(workspaceIn(stack));
      fhir.grantDataReader(PRINCIPAL);
      fhir.grant(PRINCIPAL, HealthDataRole.CONTRIBUTOR);
    });
    const roles = result.resources('azurerm_role_assignment').map((role) => [role.scope, role.role_definition_id.split('/').pop()]);
    expect(roles).toHaveLength(2);
    expect(roles).toEqual(
      expect.arrayContaining([
        [`\${${AZAPI_ADDRESS}.id}`, '4c8d0bbc-75d3-4935-991f-5f3c56d81508'],
        [`\${${AZAPI_ADDRESS}.id}`, 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
      ]),
    );
  });

  test("diagnostic settings target the azapi_resource's id with the FHIR categories", () => {
    const result = synth((stack) =>
      azapiFhir(
        new Workspace(stack, 'Health', {
          name: 'health',
          location: 'East US',
          resourceGroupName: 'rg-health',
          monitoring: { logAnalyticsWorkspaceId: LAW_ID },
        }),
      ),
    );
    expect(result.resource('azurerm_monitor_diagnostic_setting')).toMatchObject({
      target_resource_id: `\${${AZAPI_ADDRESS}.id}`,
      enabled_log: [{ category: 'AuditLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('MedTech writes to it: destination id and FHIR Data Writer on the azapi_resource', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg-health' });
      const fhir = azapiFhir(workspace);
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' },
        deviceMapping: { templateType: 'CollectionContent', template: [] },
        destination: { fhirService: fhir, identityResolution: 'Create', fhirMapping: { templateType: 'CollectionFhir', template: [] } },
      });
    });
    expect(result.resource('azurerm_healthcare_medtech_service_fhir_destination').destination_fhir_service_id).toBe(`\${${AZAPI_ADDRESS}.id}`);
    expect(
      result.resources('azurerm_role_assignment').find((role) => role.role_definition_id.endsWith('3f88fce4-5892-4214-ae73-ba5294559913'))?.scope,
    ).toBe(`\${${AZAPI_ADDRESS}.id}`);
  });

  test('the private endpoint is created after it and the lock after everything, the service too', () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack, { lock: 'CanNotDelete' });
      azapiFhir(workspace).grantDataReader(PRINCIPAL);
      workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
    });
    expect(result.resource('azurerm_private_endpoint').depends_on).toEqual([AZAPI_ADDRESS]);
    expect(result.resource('azurerm_management_lock').depends_on).toEqual(
      expect.arrayContaining([
        AZAPI_ADDRESS,
        expect.stringMatching(/^azurerm_role_assignment\./),
        expect.stringMatching(/^azurerm_private_endpoint\./),
      ]),
    );
  });

  test('removal policy: DESTROY drops prevent_destroy (and warns); a location token becomes a precondition on the azapi_resource', () => {
    const destroy = fhirWith({ resourceVersionPolicy: { default: 'versioned' }, removalPolicy: RemovalPolicy.DESTROY });
    expect(destroy.resource(AZAPI).lifecycle).toBeUndefined();
    expect(destroy.messages('WARN')).toEqual([expect.stringMatching(/deletes the FHIR service and every FHIR resource in it/)]);
    const token = synth((stack) => {
      const location = new TerraformVariable(stack, 'location', { type: 'string' });
      new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' }).addFhirService('Patients', {
        name: 'patients',
        location: location.stringValue,
        resourceVersionPolicy: { default: 'versioned' },
      });
    });
    expect(token.resource(AZAPI).lifecycle.precondition).toHaveLength(1);
    expect(token.resource(AZAPI).lifecycle.prevent_destroy).toBe(true);
  });

  test('the workspace network setting and event subscriptions order it, next to an azurerm DICOM service', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', {
        name: 'health',
        location: 'eastus',
        resourceGroupName: 'rg',
        publicNetworkAccessEnabled: false,
      });
      azapiFhir(workspace);
      addMedTech(workspace);
    });
    expect(result.resource(AZAPI).depends_on).toEqual(['azapi_update_resource.Health_PublicNetworkAccess_4B8BC0CC']);
    // MedTech has no inbound data plane: not ordered after the workspace's network setting.
    expect(result.resource('azurerm_healthcare_medtech_service').depends_on).toBeUndefined();
  });

  test('defined outside the workspace with the workspace prop, and in a workspace of another stack', () => {
    const result = synth((stack, app) => {
      const other = newStack(app, 'other');
      const workspace = workspaceIn(other);
      new FhirService(stack, 'Patients', { name: 'patients', workspace, implementationGuides: { usCoreMissingData: true } });
    });
    expect(result.resource(AZAPI).parent_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-other\.outputs\./);
    expect(result.json.moved).toEqual([{ from: `${AZURERM}.Patients_5DBC2CF4`, to: `${AZAPI}.Patients_5DBC2CF4` }]);
  });
});
