import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { FhirService, FhirServiceOptions, FhirVersion, ManagedIdentityType, RemovalPolicy, Workspace } from '../lib';
import { errorOf, synth } from './helpers';

const FHIR = 'azurerm_healthcare_fhir_service';
const UAI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir';

function workspaceIn(stack: Construct, tags?: Record<string, string>): Workspace {
  return new Workspace(stack, 'Health', { name: 'health', location: 'East US', resourceGroupName: 'rg-health', tags });
}

function fhirWith(options: Partial<FhirServiceOptions>) {
  return synth((stack) => workspaceIn(stack).addFhirService('Patients', { name: 'patients', ...options }));
}

describe('FhirService defaults', () => {
  const result = fhirWith({});
  const fhir = result.resource(FHIR);

  test('is an R4 service in the workspace, its region and its resource group', () => {
    expect(fhir).toMatchObject({
      name: 'patients',
      kind: 'fhir-R4',
      location: 'eastus',
      resource_group_name: 'rg-health',
      workspace_id: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
    });
  });

  test('authenticates against the deploying tenant with the service endpoint as audience', () => {
    expect(fhir.authentication).toEqual({
      authority: 'https://login.microsoftonline.com/${data.azurerm_client_config.HealthDataServicesClientConfig.tenant_id}',
      audience: 'https://health-patients.fhir.azurehealthcareapis.com',
    });
    expect(Object.keys(result.json.data.azurerm_client_config)).toEqual(['HealthDataServicesClientConfig']);
  });

  test('is protected against destroy', () => {
    expect(fhir.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('has no identity, CORS, access policies or export unless asked', () => {
    for (const key of ['identity', 'cors', 'access_policy_object_ids', 'configuration_export_storage_account_name', 'oci_artifact', 'tags']) {
      expect(fhir[key]).toBeUndefined();
    }
  });

  test('exposes its attributes', () => {
    synth((stack) => {
      const service = workspaceIn(stack).addFhirService('Patients', { name: 'patients' });
      expect(service.fhirServiceName).toBe('patients');
      expect(service.fhirServiceEndpoint).toBe('https://health-patients.fhir.azurehealthcareapis.com');
      expect(service.fhirVersion).toBe(FhirVersion.R4);
      expect(service.fhirServiceId).toMatch(/TfToken/);
      expect(service.identityPrincipalId).toBeUndefined();
      expect(service.node.findChild('Resource')).toBe(service.resource);
    });
  });

  test('shares one client config data source among services', () => {
    const twoServices = synth((stack) => {
      const workspace = workspaceIn(stack);
      workspace.addFhirService('A', { name: 'a-fhir' });
      workspace.addFhirService('B', { name: 'b-fhir' });
    });
    expect(Object.keys(twoServices.json.data.azurerm_client_config)).toHaveLength(1);
  });
});

describe('FhirService in Azure Government', () => {
  test('a usgov region gets the Government endpoint, audience and authority', () => {
    const result = synth((stack) => {
      const service = new Workspace(stack, 'Health', { name: 'health', location: 'US Gov Virginia', resourceGroupName: 'rg-health' }).addFhirService(
        'Patients',
        { name: 'patients' },
      );
      expect(service.fhirServiceEndpoint).toBe('https://health-patients.fhir.azurehealthcareapis.us');
    });
    expect(result.resource(FHIR).authentication).toEqual({
      authority: 'https://login.microsoftonline.us/${data.azurerm_client_config.HealthDataServicesClientConfig.tenant_id}',
      audience: 'https://health-patients.fhir.azurehealthcareapis.us',
    });
  });

  test('a China region fails: the service is not offered there', () => {
    expect(
      errorOf(() =>
        synth((stack) =>
          new Workspace(stack, 'Health', { name: 'health', location: 'chinanorth3', resourceGroupName: 'rg' }).addFhirService('Patients', {
            name: 'patients',
          }),
        ),
      ),
    ).toContain('Azure Health Data Services is not offered in Azure China (21Vianet)');
  });
});

describe('FhirService overrides', () => {
  test('STU3 kind', () => {
    expect(fhirWith({ kind: FhirVersion.STU3 }).resource(FHIR).kind).toBe('fhir-Stu3');
  });

  test('authority, audience and SMART proxy', () => {
    const fhir = fhirWith({
      authentication: {
        authority: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47',
        audience: 'https://fhir.contoso.example',
        smartProxyEnabled: true,
      },
    }).resource(FHIR);
    expect(fhir.authentication).toEqual({
      authority: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47',
      audience: 'https://fhir.contoso.example',
      smart_proxy_enabled: true,
    });
  });

  test('CORS maps allowCredentials to the provider credentials_allowed', () => {
    const fhir = fhirWith({
      cors: {
        allowedOrigins: ['https://acctest.com:123', 'http://localhost:3000'],
        allowedHeaders: ['*'],
        allowedMethods: ['GET', 'DELETE', 'PUT'],
        maxAgeInSeconds: 3600,
        allowCredentials: true,
      },
    }).resource(FHIR);
    expect(fhir.cors).toEqual({
      allowed_origins: ['https://acctest.com:123', 'http://localhost:3000'],
      allowed_headers: ['*'],
      allowed_methods: ['GET', 'DELETE', 'PUT'],
      max_age_in_seconds: 3600,
      credentials_allowed: true,
    });
  });

  test('system-assigned identity exposes the principal id', () => {
    synth((stack) => {
      const service = workspaceIn(stack).addFhirService('Patients', { name: 'patients', identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } });
      expect(service.identityPrincipalId).toMatch(/TfToken/);
    });
    expect(fhirWith({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } }).resource(FHIR).identity).toEqual({ type: 'SystemAssigned' });
  });

  test('user-assigned identity', () => {
    expect(fhirWith({ identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI] } }).resource(FHIR).identity).toEqual({
      type: 'UserAssigned',
      identity_ids: [UAI],
    });
  });

  test('export storage, registries and OCI artifacts (with a system identity they need)', () => {
    const fhir = fhirWith({
      accessPolicyObjectIds: ['4dbc6c3e-8b7e-4f2a-9a55-0d1c3a7d2b10'],
      configurationExportStorageAccountName: 'stexport',
      containerRegistryLoginServerUrl: ['contoso.azurecr.io'],
      ociArtifact: [{ loginServer: 'contoso.azurecr.io', imageName: 'templates', digest: 'sha256:abc' }],
    }).resource(FHIR);
    expect(fhir).toMatchObject({
      access_policy_object_ids: ['4dbc6c3e-8b7e-4f2a-9a55-0d1c3a7d2b10'],
      configuration_export_storage_account_name: 'stexport',
      container_registry_login_server_url: ['contoso.azurecr.io'],
      oci_artifact: [{ login_server: 'contoso.azurecr.io', image_name: 'templates', digest: 'sha256:abc' }],
      identity: { type: 'SystemAssigned' },
    });
  });

  test('an explicit identity wins over the implied one', () => {
    expect(
      fhirWith({
        configurationExportStorageAccountName: 'stexport',
        identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAI] },
      }).resource(FHIR).identity.type,
    ).toBe('UserAssigned');
  });

  test('RemovalPolicy.DESTROY drops prevent_destroy and warns that patient records would be deleted', () => {
    const result = fhirWith({ removalPolicy: RemovalPolicy.DESTROY });
    expect(result.resource(FHIR).lifecycle).toBeUndefined();
    expect(result.messages('WARN')).toEqual([
      expect.stringMatching(/deletes the FHIR service and every FHIR resource in it \(patient records: protected health information\)/),
    ]);
  });

  test('timeouts', () => {
    expect(fhirWith({ timeouts: { create: '2h' } }).resource(FHIR).timeouts).toEqual({ create: '2h' });
  });

  test('tags merge over the workspace tags, the service winning per key', () => {
    const result = synth((stack) =>
      workspaceIn(stack, { env: 'prod', owner: 'platform' }).addFhirService('Patients', {
        name: 'patients',
        tags: { owner: 'records-team', app: 'ehr' },
      }),
    );
    expect(result.resource(FHIR).tags).toEqual({ env: 'prod', owner: 'records-team', app: 'ehr' });
  });

  test('the workspace tags alone when the service has none', () => {
    expect(synth((stack) => workspaceIn(stack, { env: 'prod' }).addFhirService('Patients', { name: 'patients' })).resource(FHIR).tags).toEqual({
      env: 'prod',
    });
  });

  test('an explicit location equal to the workspace region (in another spelling) is accepted', () => {
    expect(fhirWith({ location: 'eastus' }).resource(FHIR).location).toBe('eastus');
    expect(fhirWith({ location: 'EAST US' }).resource(FHIR).location).toBe('eastus');
  });
});

describe('FhirService parenting', () => {
  test('attaches to the workspace prop when defined outside it', () => {
    const fhir = synth((stack) => new FhirService(stack, 'Patients', { name: 'patients', workspace: workspaceIn(stack) })).resource(FHIR);
    expect(fhir.workspace_id).toBe('${azurerm_healthcare_workspace.Health_02A586CD.id}');
  });

  test('finds the nearest workspace among its ancestors', () => {
    const fhir = synth((stack) => {
      const group = new Construct(workspaceIn(stack), 'Clinical');
      new FhirService(group, 'Patients', { name: 'patients' });
    }).resource(FHIR);
    expect(fhir.resource_group_name).toBe('rg-health');
  });

  test('accepts the same workspace as ancestor and prop', () => {
    expect(() =>
      synth((stack) => {
        const workspace = workspaceIn(stack);
        new FhirService(workspace, 'Patients', { name: 'patients', workspace });
      }),
    ).not.toThrow();
  });

  test('attaches to an imported workspace, taking its resource group and region', () => {
    const fhir = synth((stack) => {
      const imported = Workspace.fromWorkspaceAttributes(stack, 'Existing', {
        workspaceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.HealthcareApis/workspaces/shared',
        location: 'North Europe',
        tags: { costCenter: '42' },
      });
      imported.addFhirService('Patients', { name: 'patients' });
    }).resource(FHIR);
    expect(fhir).toMatchObject({
      workspace_id:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.HealthcareApis/workspaces/shared',
      resource_group_name: 'rg-shared',
      location: 'northeurope',
      tags: { costCenter: '42' },
    });
    expect(fhir.authentication.audience).toBe('https://shared-patients.fhir.azurehealthcareapis.com');
  });

  test('the same name in two workspaces, and for two service types, is fine', () => {
    const result = synth((stack) => {
      workspaceIn(stack).addFhirService('A', { name: 'records' });
      const other = new Workspace(stack, 'Other', { name: 'other', location: 'eastus', resourceGroupName: 'rg-health' });
      other.addFhirService('A', { name: 'records' });
      other.addDicomService('B', { name: 'records' });
    });
    expect(result.resources(FHIR)).toHaveLength(2);
  });
});

describe('FhirService with tokens', () => {
  test('never rejects token values', () => {
    const result = synth((stack) => {
      const name = new TerraformVariable(stack, 'fhir_name', { type: 'string' });
      const origin = new TerraformVariable(stack, 'origin', { type: 'string' });
      const objectId = new TerraformVariable(stack, 'object_id', { type: 'string' });
      workspaceIn(stack).addFhirService('Patients', {
        name: name.stringValue,
        accessPolicyObjectIds: [objectId.stringValue],
        cors: { allowedOrigins: [origin.stringValue], allowedHeaders: ['*'], allowedMethods: ['GET'] },
        authentication: { authority: `https://login.microsoftonline.com/${objectId.stringValue}` },
      });
    });
    const fhir = result.resource(FHIR);
    expect(fhir.name).toBe('${var.fhir_name}');
    expect(fhir.authentication.audience).toBe('https://health-${var.fhir_name}.fhir.azurehealthcareapis.com');
  });

  test('turns a location that cannot be compared at synth into a plan-time precondition', () => {
    const fhir = synth((stack) => {
      const group = new ResourceGroup(stack, 'Group', { name: 'rg', location: 'eastus' });
      workspaceIn(stack).addFhirService('Patients', { name: 'patients', location: group.location });
    }).resource(FHIR);
    expect(fhir.location).toBe('${azurerm_resource_group.Group.location}');
    expect(fhir.lifecycle.prevent_destroy).toBe(true);
    expect(fhir.lifecycle.precondition).toEqual([
      {
        condition: '${(lower(replace(azurerm_resource_group.Group.location, " ", "")) == lower(replace("eastus", " ", "")))}',
        error_message: expect.stringMatching(/^\[stack\/Health\/Patients\] FhirService location must equal the workspace stack\/Health's location/),
      },
    ]);
  });

  test('inherits a token workspace location without a precondition', () => {
    const fhir = synth((stack) => {
      const group = new ResourceGroup(stack, 'Group', { name: 'rg', location: 'eastus' });
      new Workspace(stack, 'Health', { name: 'health', location: group.location, resourceGroupName: group.name }).addFhirService('Patients', {
        name: 'patients',
      });
    }).resource(FHIR);
    expect(fhir.location).toBe('${azurerm_resource_group.Group.location}');
    expect(fhir.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('FhirService fails', () => {
  const cases: Array<[string, Partial<FhirServiceOptions>, RegExp]> = [
    [
      'with an underscore in the name',
      { name: 'patients_fhir' },
      /\[stack\/Health\/Patients\] FhirService name "patients_fhir" is invalid: 3-24 letters, digits or '-', starting and ending with a letter or digit\. Use e\.g\. "patients-fhir"\./,
    ],
    ['with a name starting with a hyphen', { name: '-patients' }, /FhirService name "-patients" is invalid.*Use e\.g\. "patients"/],
    ['with a name of 2 characters', { name: 'ab' }, /FhirService name "ab" is invalid/],
    ['with a name of 25 characters', { name: 'a'.repeat(25) }, /FhirService name "a{25}" is invalid/],
    ['with an unknown kind', { kind: 'fhir-R5' as FhirVersion }, /FhirService kind "fhir-R5" is invalid: one of "fhir-R4", "fhir-Stu3"/],
    ['with a kind in the wrong case', { kind: 'fhir-r4' as FhirVersion }, /FhirService kind "fhir-r4" is invalid.*Use FhirVersion\.R4/],
    [
      'with a location in another region',
      { location: 'westus' },
      /FhirService location "westus" is invalid: a service is in its workspace stack\/Health's region.*the workspace stack\/Health is in "eastus".*Remove the location to inherit it, or use "eastus"/,
    ],
    ['with an unknown location', { location: 'eastus9' }, /FhirService location "eastus9" is invalid: not a known Azure region/],
    [
      'with an http authority',
      { authentication: { authority: 'http://login.microsoftonline.com/tenant' } },
      /authentication\.authority "http:\/\/login.*" is invalid: the https URL of an Entra ID tenant.*Use "https:\/\/login\.microsoftonline\.com\/tenant"/,
    ],
    [
      'with an authority without tenant',
      { authentication: { authority: 'https://login.microsoftonline.com/' } },
      /authentication\.authority ".*" is invalid/,
    ],
    ['with an empty audience', { authentication: { audience: ' ' } }, /authentication\.audience " " is invalid: a non-empty string/],
    [
      'with an access policy object id that is not a UUID',
      { accessPolicyObjectIds: ['not-a-uuid'] },
      /FhirService accessPolicyObjectIds\[0\] "not-a-uuid" is invalid: a UUID/,
    ],
    [
      'with an export storage account id instead of a name',
      { configurationExportStorageAccountName: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stexport' },
      /configurationExportStorageAccountName ".*" is invalid: a storage account name.*Use e\.g\. "stexport"/,
    ],
    [
      'with an export storage account URL',
      { configurationExportStorageAccountName: 'https://stexport.blob.core.windows.net' },
      /Use e\.g\. "stexport"/,
    ],
    [
      'with an empty registry login server',
      { containerRegistryLoginServerUrl: [''] },
      /containerRegistryLoginServerUrl\[0\] "" is invalid: a non-empty string/,
    ],
    ['with an empty OCI login server', { ociArtifact: [{ loginServer: '' }] }, /ociArtifact\[0\]\.loginServer "" is invalid/],
    ['with an empty OCI digest', { ociArtifact: [{ loginServer: 'a.azurecr.io', digest: '' }] }, /ociArtifact\[0\]\.digest "" is invalid/],
    [
      'with a CORS method outside the list',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['CONNECT' as 'GET'] } },
      /FhirService cors\.allowedMethods\[0\] "CONNECT" is invalid: one of DELETE, GET, HEAD, MERGE, POST, OPTIONS, PUT, PATCH/,
    ],
    [
      'with a lowercase CORS method',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['get' as 'GET'] } },
      /allowedMethods\[0\] "get" is invalid.*Use "GET"/,
    ],
    [
      'with a CORS origin with a path',
      { cors: { allowedOrigins: ['https://app.contoso.com/login'], allowedHeaders: ['*'], allowedMethods: ['GET'] } },
      /allowedOrigins\[0\] "https:\/\/app\.contoso\.com\/login" is invalid: an origin.*Use "https:\/\/app\.contoso\.com"/,
    ],
    [
      'with a CORS origin with a trailing slash',
      { cors: { allowedOrigins: ['https://app.contoso.com/'], allowedHeaders: ['*'], allowedMethods: ['GET'] } },
      /allowedOrigins\[0\] "https:\/\/app\.contoso\.com\/" is invalid/,
    ],
    [
      'with a CORS origin without scheme',
      { cors: { allowedOrigins: ['app.contoso.com'], allowedHeaders: ['*'], allowedMethods: ['GET'] } },
      /allowedOrigins\[0\] "app\.contoso\.com" is invalid/,
    ],
    [
      'with an empty CORS header',
      { cors: { allowedOrigins: ['*'], allowedHeaders: [''], allowedMethods: ['GET'] } },
      /allowedHeaders\[0\] "" is invalid/,
    ],
    [
      'with no CORS origins',
      { cors: { allowedOrigins: [], allowedHeaders: ['*'], allowedMethods: ['GET'] } },
      /cors\.allowedOrigins \[\] is invalid: a list of 1-64 entries/,
    ],
    [
      'with 65 CORS origins',
      {
        cors: { allowedOrigins: Array.from({ length: 65 }, (_, i) => `https://app${i}.contoso.com`), allowedHeaders: ['*'], allowedMethods: ['GET'] },
      },
      /cors\.allowedOrigins .* is invalid: a list of 1-64 entries/,
    ],
    [
      'with 65 CORS headers',
      { cors: { allowedOrigins: ['*'], allowedHeaders: Array.from({ length: 65 }, (_, i) => `x-h${i}`), allowedMethods: ['GET'] } },
      /cors\.allowedHeaders .* is invalid: a list of 1-64/,
    ],
    [
      'with 65 CORS methods',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: Array.from({ length: 65 }, () => 'GET' as const) } },
      /cors\.allowedMethods .* is invalid: a list of 1-64/,
    ],
    [
      'with a CORS max age over 99999',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['GET'], maxAgeInSeconds: 100000 } },
      /cors\.maxAgeInSeconds 100000 is invalid: a whole number of seconds from 0 to 99999/,
    ],
    [
      'with a negative CORS max age',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['GET'], maxAgeInSeconds: -1 } },
      /maxAgeInSeconds -1 is invalid/,
    ],
    [
      'with a fractional CORS max age',
      { cors: { allowedOrigins: ['*'], allowedHeaders: ['*'], allowedMethods: ['GET'], maxAgeInSeconds: 1.5 } },
      /maxAgeInSeconds 1\.5 is invalid/,
    ],
    [
      'with the combined identity type DICOM has',
      { identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED, identityIds: [UAI] } },
      /FhirService identity\.type "SystemAssigned, UserAssigned" is invalid: one of "SystemAssigned", "UserAssigned" for this service/,
    ],
    [
      'with an identity type in the wrong case',
      { identity: { type: 'systemassigned' as ManagedIdentityType } },
      /identity\.type "systemassigned" is invalid.*Use ManagedIdentityType\.SYSTEM_ASSIGNED/,
    ],
    [
      'with identity ids on a system-assigned identity',
      { identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED, identityIds: [UAI] } },
      /identity\.identityIds can only be given with a user-assigned type, but type is "SystemAssigned"/,
    ],
    [
      'with a user-assigned identity without ids',
      { identity: { type: ManagedIdentityType.USER_ASSIGNED } },
      /identity type "UserAssigned" needs at least one identityIds entry/,
    ],
    [
      'with an identity id that is not an identity',
      {
        identity: {
          type: ManagedIdentityType.USER_ASSIGNED,
          identityIds: ['/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st'],
        },
      },
      /identity\.identityIds\[0\] ".*" is invalid: a user-assigned identity id/,
    ],
    ['with more than 50 tags', { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, /FhirService tags has 51 tags/],
    ['with a tag value over 256 characters', { tags: { note: 'x'.repeat(257) } }, /FhirService tags "note" has a value of 257 bytes/],
  ];
  test.each(cases)('%s', (_, override, expected) => {
    expect(errorOf(() => fhirWith(override))).toMatch(expected);
  });

  test('with more than 50 tags of its own, reported once', () => {
    const message = errorOf(() => fhirWith({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }));
    expect(message.match(/has 51 tags/g)).toHaveLength(1);
  });

  test('when its tags and the workspace tags together exceed 50', () => {
    const message = errorOf(() =>
      synth((stack) =>
        workspaceIn(stack, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`w${i}`, 'v']))).addFhirService('Patients', {
          name: 'patients',
          tags: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`s${i}`, 'v'])),
        }),
      ),
    );
    expect(message).toMatch(/FhirService tags \(with the workspace's\) has 60 tags/);
  });

  test('without a workspace', () => {
    expect(errorOf(() => synth((stack) => new FhirService(stack, 'Patients', { name: 'patients' })))).toMatch(
      /\[stack\/Patients\] FhirService has no workspace: define it inside a Workspace \(e\.g\. workspace\.addFhirService\(\.\.\.\)\) or pass the workspace prop/,
    );
  });

  test('with two different workspaces', () => {
    const message = errorOf(() =>
      synth((stack) => {
        const first = workspaceIn(stack);
        const second = new Workspace(stack, 'Second', { name: 'second', location: 'eastus', resourceGroupName: 'rg-health' });
        new FhirService(first, 'Patients', { name: 'patients', workspace: second });
      }),
    );
    expect(message).toMatch(/FhirService belongs to two workspaces: it is defined inside stack\/Health but its workspace prop is stack\/Second/);
  });

  test('when the workspace prop is not a workspace', () => {
    expect(
      errorOf(() =>
        synth(
          (stack, app) => new FhirService(stack, 'Patients', { name: 'patients', workspace: new TerraformStack(app, 'x') as unknown as Workspace }),
        ),
      ),
    ).toMatch(/FhirService workspace is not a Workspace/);
  });

  test('when two FHIR services in one workspace share a name (case-insensitively)', () => {
    const message = errorOf(() =>
      synth((stack) => {
        const workspace = workspaceIn(stack);
        workspace.addFhirService('A', { name: 'records' });
        workspace.addFhirService('B', { name: 'Records' });
      }),
    );
    expect(message).toMatch(/\[stack\/Health\/B\] FhirService name "Records" is already used by stack\/Health\/A in the same workspace/);
  });

  test('when the resource id would exceed 253 characters (and not at exactly 253)', () => {
    const withGroupOf = (length: number) => () =>
      synth((stack) => {
        new Workspace(stack, 'Health', { name: 'a'.repeat(24), location: 'eastus', resourceGroupName: 'r'.repeat(length) }).addFhirService(
          'Patients',
          { name: 'p'.repeat(24) },
        );
      });
    expect(withGroupOf(77)).not.toThrow();
    expect(errorOf(withGroupOf(78))).toMatch(
      /FhirService resource id would be 254 characters; Azure allows at most 253\. Shorten the resource group name/,
    );
  });
});

describe('FhirService.fromFhirServiceAttributes', () => {
  const id =
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/health/fhirServices/patients';

  test('reads name and endpoint from the id', () => {
    synth((stack) => {
      const imported = FhirService.fromFhirServiceAttributes(stack, 'Existing', { fhirServiceId: id, fhirVersion: FhirVersion.R4 });
      expect(imported).toMatchObject({
        fhirServiceId: id,
        fhirServiceName: 'patients',
        fhirServiceEndpoint: 'https://health-patients.fhir.azurehealthcareapis.com',
        fhirVersion: FhirVersion.R4,
      });
    });
  });

  test('derives name and endpoint from a token id with Terraform functions', () => {
    const result = synth((stack) => {
      const variable = new TerraformVariable(stack, 'fhir_id', { type: 'string' });
      const imported = FhirService.fromFhirServiceAttributes(stack, 'Existing', { fhirServiceId: variable.stringValue });
      new TerraformOutput(stack, 'endpoint', { value: imported.fhirServiceEndpoint, staticId: true });
    });
    expect(result.json.output.endpoint.value).toBe(
      'https://${element(split("/", var.fhir_id), 8)}-${element(split("/", var.fhir_id), 10)}.fhir.azurehealthcareapis.com',
    );
  });

  test('fails with an id in the lowercase form the provider rejects', () => {
    expect(
      errorOf(() =>
        synth((stack) => FhirService.fromFhirServiceAttributes(stack, 'Existing', { fhirServiceId: id.replace('fhirServices', 'fhirservices') })),
      ),
    ).toMatch(/Imported FhirService fhirServiceId ".*fhirservices\/patients" is invalid: a FHIR service id of the form/);
  });
});
