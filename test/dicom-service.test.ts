import { TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { DicomService, DicomServiceOptions, ManagedIdentityType, RemovalPolicy, Workspace } from '../lib';
import { errorOf, synth } from './helpers';

const DICOM = 'azurerm_healthcare_dicom_service';
const UAI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/dicom';
const STORAGE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stlake';

function workspaceIn(stack: Construct, tags?: Record<string, string>): Workspace {
  return new Workspace(stack, 'Health', { name: 'health', location: 'uksouth', resourceGroupName: 'rg-health', tags });
}

function dicomWith(options: Partial<DicomServiceOptions>) {
  return synth((stack) => workspaceIn(stack).addDicomService('Images', { name: 'images', ...options }));
}

describe('DicomService defaults', () => {
  const dicom = dicomWith({}).resource(DICOM);

  test('is in the workspace and its region, without a resource group argument', () => {
    expect(dicom).toMatchObject({ name: 'images', location: 'uksouth', workspace_id: '${azurerm_healthcare_workspace.Health_02A586CD.id}' });
    expect(dicom.resource_group_name).toBeUndefined();
  });

  test('is protected against destroy', () => {
    expect(dicom.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('leaves partitions, storage, CMK, CORS, identity and public access to Azure', () => {
    for (const key of ['data_partitions_enabled', 'storage', 'encryption_key_url', 'cors', 'identity', 'public_network_access_enabled', 'tags']) {
      expect(dicom[key]).toBeUndefined();
    }
  });

  test('exposes the provider service_url as its endpoint', () => {
    const result = synth((stack) => {
      const service = workspaceIn(stack).addDicomService('Images', { name: 'images' });
      new TerraformOutput(stack, 'endpoint', { value: service.dicomServiceEndpoint, staticId: true });
      expect(service.dicomServiceName).toBe('images');
      expect(service.node.findChild('Resource')).toBe(service.resource);
      expect(service.identityPrincipalId).toBeUndefined();
    });
    expect(result.json.output.endpoint.value).toMatch(/^\$\{azurerm_healthcare_dicom_service\.Health_Images_[0-9A-F]{8}\.service_url\}$/);
  });
});

describe('DicomService overrides', () => {
  test('data partitions, external storage with a user-assigned identity, CMK, public access off', () => {
    const result = dicomWith({
      dataPartitionsEnabled: true,
      storage: { storageAccountId: STORAGE, fileSystemName: 'dicom-images' },
      identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI] },
      encryptionKeyUrl: 'https://kv-health.vault.azure.net/keys/dicom/0123456789abcdef',
      publicNetworkAccessEnabled: false,
    });
    expect(result.resource(DICOM)).toMatchObject({
      data_partitions_enabled: true,
      storage: { storage_account_id: STORAGE, file_system_name: 'dicom-images' },
      identity: { type: 'UserAssigned', identity_ids: [UAI] },
      encryption_key_url: 'https://kv-health.vault.azure.net/keys/dicom/0123456789abcdef',
      public_network_access_enabled: false,
    });
    expect(result.messages('WARN')).toEqual([]);
  });

  test('the combined identity type', () => {
    expect(dicomWith({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED, identityIds: [UAI] } }).resource(DICOM).identity).toEqual(
      { type: 'SystemAssigned, UserAssigned', identity_ids: [UAI] },
    );
  });

  test('CORS maps allowCredentials to allow_credentials and accepts a max age of 99998', () => {
    expect(
      dicomWith({
        cors: {
          allowedOrigins: ['http://www.example.com'],
          allowedHeaders: ['*'],
          allowedMethods: ['GET'],
          maxAgeInSeconds: 99998,
          allowCredentials: true,
        },
      }).resource(DICOM).cors,
    ).toEqual({
      allowed_origins: ['http://www.example.com'],
      allowed_headers: ['*'],
      allowed_methods: ['GET'],
      max_age_in_seconds: 99998,
      allow_credentials: true,
    });
  });

  test('RemovalPolicy.DESTROY (with a warning naming the images), tags and timeouts', () => {
    const result = synth((stack) =>
      workspaceIn(stack, { env: 'prod' }).addDicomService('Images', {
        name: 'images',
        removalPolicy: RemovalPolicy.DESTROY,
        tags: { archive: 'true' },
        timeouts: { delete: '1h' },
      }),
    );
    const dicom = result.resource(DICOM);
    expect(result.messages('WARN')).toEqual([
      expect.stringMatching(/deletes the DICOM service and the studies it stores \(medical images: protected health information\)/),
    ]);
    expect(dicom.lifecycle).toBeUndefined();
    expect(dicom.tags).toEqual({ env: 'prod', archive: 'true' });
    expect(dicom.timeouts).toEqual({ delete: '1h' });
  });

  test('system-assigned identity exposes the principal id', () => {
    synth((stack) => {
      const service = workspaceIn(stack).addDicomService('Images', { name: 'images', identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } });
      expect(service.identityPrincipalId).toMatch(/TfToken/);
    });
  });

  test('a service outside the workspace with the workspace prop', () => {
    expect(synth((stack) => new DicomService(stack, 'Images', { name: 'images', workspace: workspaceIn(stack) })).resource(DICOM).location).toBe(
      'uksouth',
    );
  });

  test('token values are never rejected', () => {
    expect(() =>
      synth((stack) => {
        const key = new TerraformVariable(stack, 'key_url', { type: 'string' });
        const account = new TerraformVariable(stack, 'account_id', { type: 'string' });
        workspaceIn(stack).addDicomService('Images', {
          name: 'images',
          encryptionKeyUrl: key.stringValue,
          storage: { storageAccountId: account.stringValue, fileSystemName: 'images' },
          identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [new TerraformVariable(stack, 'uai', { type: 'string' }).stringValue] },
        });
      }),
    ).not.toThrow();
  });
});

describe('DicomService warns', () => {
  test('when external storage has no user-assigned identity', () => {
    expect(dicomWith({ storage: { storageAccountId: STORAGE, fileSystemName: 'images' } }).messages('WARN')).toEqual([
      expect.stringMatching(/storage \(external Data Lake\) is used through a user-assigned identity/),
    ]);
  });

  test('when a customer-managed key has no identity to reach it', () => {
    expect(dicomWith({ encryptionKeyUrl: 'https://kv.vault.azure.net/keys/k/1' }).messages('WARN')).toEqual([
      expect.stringMatching(/encryptionKeyUrl needs a managed identity/),
    ]);
  });
});

describe('DicomService fails', () => {
  const cases: Array<[string, Partial<DicomServiceOptions>, RegExp]> = [
    [
      'with a dot in the name',
      { name: 'dicom.images' },
      /\[stack\/Health\/Images\] DicomService name "dicom\.images" is invalid.*Use e\.g\. "dicom-images"/,
    ],
    ['with a name ending in a hyphen', { name: 'images-' }, /DicomService name "images-" is invalid/],
    ['in another region', { location: 'ukwest' }, /DicomService location "ukwest" is invalid: a service is in its workspace stack\/Health's region/],
    [
      'with an http key URL',
      { encryptionKeyUrl: 'http://kv.vault.azure.net/keys/k' },
      /DicomService encryptionKeyUrl "http:\/\/kv\.vault\.azure\.net\/keys\/k" is invalid: an https URL with a host\. Use "https:\/\/kv\.vault\.azure\.net\/keys\/k"/,
    ],
    ['with a key name instead of a URL', { encryptionKeyUrl: 'dicom-key' }, /encryptionKeyUrl "dicom-key" is invalid/],
    [
      'with a storage account name instead of id',
      { storage: { storageAccountId: 'stlake', fileSystemName: 'images' } },
      /storage\.storageAccountId "stlake" is invalid: a storage account id of the form \/subscriptions\/\{subscription\}\/resourceGroups\/\{group\}\/providers\/Microsoft\.Storage\/storageAccounts\/\{name\}/,
    ],
    [
      'with a storage account id in the wrong case',
      { storage: { storageAccountId: STORAGE.replace('resourceGroups', 'resourcegroups'), fileSystemName: 'images' } },
      /storage\.storageAccountId/,
    ],
    [
      'with an uppercase file system name',
      { storage: { storageAccountId: STORAGE, fileSystemName: 'Images' } },
      /storage\.fileSystemName "Images" is invalid: 3-63 lowercase letters/,
    ],
    [
      'with a file system name with two hyphens in a row',
      { storage: { storageAccountId: STORAGE, fileSystemName: 'dicom--images' } },
      /fileSystemName "dicom--images" is invalid/,
    ],
    [
      'with a CORS max age of 99999',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['GET'], maxAgeInSeconds: 99999 } },
      /DicomService cors\.maxAgeInSeconds 99999 is invalid: a whole number of seconds from 0 to 99998/,
    ],
    [
      'with a CORS origin with a path',
      { cors: { allowedOrigins: ['https://pacs.example.org/viewer'], allowedHeaders: ['*'], allowedMethods: ['GET'] } },
      /DicomService cors\.allowedOrigins\[0\]/,
    ],
    [
      'with an unknown CORS method',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['TRACE' as 'GET'] } },
      /DicomService cors\.allowedMethods\[0\] "TRACE" is invalid/,
    ],
    [
      'with an unknown identity type',
      { identity: { type: 'None' as ManagedIdentityType } },
      /DicomService identity\.type "None" is invalid: one of "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned"/,
    ],
    [
      'with the combined type spelt without a space',
      { identity: { type: 'SystemAssigned,UserAssigned' as ManagedIdentityType, identityIds: [UAI] } },
      /Use ManagedIdentityType\.SYSTEM_ASSIGNED_USER_ASSIGNED/,
    ],
    [
      'with a combined identity without ids',
      { identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED } },
      /identity type "SystemAssigned, UserAssigned" needs at least one identityIds entry/,
    ],
    ['with a tag key over 512 characters', { tags: { ['k'.repeat(600)]: 'v' } }, /DicomService tags key "k+\.\.\." is 600 bytes/],
  ];
  test.each(cases)('%s', (_, override, expected) => {
    expect(errorOf(() => dicomWith(override))).toMatch(expected);
  });

  test('when two DICOM services in one workspace share a name', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          const workspace = workspaceIn(stack);
          workspace.addDicomService('A', { name: 'images' });
          workspace.addDicomService('B', { name: 'images' });
        }),
      ),
    ).toMatch(/DicomService name "images" is already used by stack\/Health\/A/);
  });

  test('without a workspace', () => {
    expect(errorOf(() => synth((stack) => new DicomService(stack, 'Images', { name: 'images' })))).toMatch(/DicomService has no workspace/);
  });
});
