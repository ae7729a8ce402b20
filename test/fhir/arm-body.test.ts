import { Token } from 'cdktf';
import { ManagedIdentityType } from '../../lib/core/identity';
import { SmartDataAction } from '../../lib/fhir/arm-settings';
import {
  armIdentity,
  buildFhirServiceArmBody,
  FHIR_SERVICE_AZAPI_TYPE,
  fhirServiceAzapiArguments,
  FhirServiceArmBodyInput,
} from '../../lib/fhir/arm-body';
import { ResourceVersionPolicy } from '../../lib/fhir/resource-version-policy';

const AUTHORITY = 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47';
const AUDIENCE = 'https://ws1-patients.fhir.azurehealthcareapis.com';
const UAMI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir';
const KEY = 'https://contoso-kv.vault.azure.net/keys/fhir-cmk/0123456789abcdef0123456789abcdef';

const minimal: FhirServiceArmBodyInput = { location: 'eastus', kind: 'fhir-R4', authority: AUTHORITY, audience: AUDIENCE, settings: {} };

describe('the ARM body sends what azurerm 4.55 sends for the same arguments', () => {
  test('minimal: authentication always, empty CORS, empty ACR configuration, no identity, no export', () => {
    // healthcare_fhir_service_resource.go: expandFhirAuthentication (smartProxyEnabled false), expandFhirCorsConfiguration
    // with no block (empty lists, allowCredentials false), acrConfiguration always set.
    expect(buildFhirServiceArmBody(minimal)).toEqual({
      location: 'eastus',
      kind: 'fhir-R4',
      properties: {
        authenticationConfiguration: { authority: AUTHORITY, audience: AUDIENCE, smartProxyEnabled: false },
        corsConfiguration: { origins: [], headers: [], methods: [], allowCredentials: false },
        acrConfiguration: {},
      },
    });
  });

  test('CORS without max age or credentials: maxAge 0 and allowCredentials false, as the provider sends them', () => {
    const body = buildFhirServiceArmBody({
      ...minimal,
      cors: { allowedOrigins: ['https://app.contoso.com'], allowedHeaders: ['*'], allowedMethods: ['GET', 'POST'] },
    });
    expect((body.properties as { corsConfiguration: unknown }).corsConfiguration).toEqual({
      origins: ['https://app.contoso.com'],
      headers: ['*'],
      methods: ['GET', 'POST'],
      maxAge: 0,
      allowCredentials: false,
    });
  });

  test('CORS with every field', () => {
    const body = buildFhirServiceArmBody({
      ...minimal,
      cors: { allowedOrigins: ['*'], allowedHeaders: ['Authorization'], allowedMethods: ['GET'], maxAgeInSeconds: 3600, allowCredentials: true },
    });
    expect((body.properties as { corsConfiguration: unknown }).corsConfiguration).toEqual({
      origins: ['*'],
      headers: ['Authorization'],
      methods: ['GET'],
      maxAge: 3600,
      allowCredentials: true,
    });
  });

  test('ACR: login servers and OCI artifacts only when given; image name and digest only when given', () => {
    const body = buildFhirServiceArmBody({
      ...minimal,
      containerRegistryLoginServerUrl: ['contoso.azurecr.io'],
      ociArtifact: [{ loginServer: 'contoso.azurecr.io' }, { loginServer: 'contoso.azurecr.io', imageName: 'templates', digest: 'sha256:0123' }],
    });
    expect((body.properties as { acrConfiguration: unknown }).acrConfiguration).toEqual({
      loginServers: ['contoso.azurecr.io'],
      ociArtifacts: [{ loginServer: 'contoso.azurecr.io' }, { loginServer: 'contoso.azurecr.io', imageName: 'templates', digest: 'sha256:0123' }],
    });
    expect(
      (buildFhirServiceArmBody({ ...minimal, containerRegistryLoginServerUrl: [] }).properties as { acrConfiguration: unknown }).acrConfiguration,
    ).toEqual({});
  });

  test('export: the account name, only when given; smart proxy as given', () => {
    const body = buildFhirServiceArmBody({ ...minimal, smartProxyEnabled: true, configurationExportStorageAccountName: 'exportstore01' });
    expect(body.properties).toMatchObject({
      exportConfiguration: { storageAccountName: 'exportstore01' },
      authenticationConfiguration: { smartProxyEnabled: true },
    });
  });

  test('location is sent normalized, as azurerm does (location.Normalize); a token is left alone', () => {
    expect(buildFhirServiceArmBody({ ...minimal, location: 'East US 2' }).location).toBe('eastus2');
    const token = Token.asString({ Ref: 'loc' });
    expect(buildFhirServiceArmBody({ ...minimal, location: token }).location).toBe(token);
  });

  test('identity: system-assigned; user-assigned ids become userAssignedIdentities keys with {} values', () => {
    expect(buildFhirServiceArmBody({ ...minimal, identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } }).identity).toEqual({
      type: 'SystemAssigned',
    });
    expect(buildFhirServiceArmBody({ ...minimal, identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] } }).identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: { [UAMI]: {} },
    });
    expect(armIdentity({ type: 'UserAssigned', identityIds: [] })).toEqual({ type: 'UserAssigned' });
  });

  test('tags only when there are some', () => {
    expect(buildFhirServiceArmBody({ ...minimal, tags: {} }).tags).toBeUndefined();
    expect(buildFhirServiceArmBody({ ...minimal, tags: { env: 'prod' } }).tags).toEqual({ env: 'prod' });
  });
});

describe('the settings only AzAPI writes reach the body under their ARM names', () => {
  const everything: FhirServiceArmBodyInput = {
    ...minimal,
    identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] },
    settings: {
      encryptionKeyUrl: KEY,
      importConfiguration: { integrationDataStore: 'importstore01' },
      resourceVersionPolicy: { default: ResourceVersionPolicy.VERSIONED, resourceTypeOverrides: { Observation: ResourceVersionPolicy.NO_VERSION } },
      smartIdentityProviders: [
        {
          authority: 'https://idp.example.org/realms/fhir',
          applications: [{ clientId: 'portal', audience: 'fhir-api', allowedDataActions: [SmartDataAction.READ] }],
        },
      ],
      implementationGuides: { usCoreMissingData: true },
    },
  };

  test('every one, with the defaults of the optional fields written out', () => {
    expect(buildFhirServiceArmBody(everything).properties).toEqual({
      authenticationConfiguration: {
        authority: AUTHORITY,
        audience: AUDIENCE,
        smartProxyEnabled: false,
        smartIdentityProviders: [
          {
            authority: 'https://idp.example.org/realms/fhir',
            applications: [{ clientId: 'portal', audience: 'fhir-api', allowedDataActions: ['Read'] }],
          },
        ],
      },
      corsConfiguration: { origins: [], headers: [], methods: [], allowCredentials: false },
      acrConfiguration: {},
      importConfiguration: { integrationDataStore: 'importstore01', initialImportMode: false, enabled: true },
      resourceVersionPolicyConfiguration: { default: 'versioned', resourceTypeOverrides: { Observation: 'no-version' } },
      implementationGuidesConfiguration: { usCoreMissingData: true },
      encryption: { customerManagedKeyEncryption: { keyEncryptionKeyUrl: KEY } },
    });
  });

  test('import and implementation guides as given', () => {
    const body = buildFhirServiceArmBody({
      ...minimal,
      settings: { importConfiguration: { integrationDataStore: 'importstore01', enabled: false, initialImportMode: true }, implementationGuides: {} },
    });
    expect(body.properties).toMatchObject({
      importConfiguration: { integrationDataStore: 'importstore01', initialImportMode: true, enabled: false },
      implementationGuidesConfiguration: { usCoreMissingData: false },
    });
  });

  test('a version policy without overrides sends no overrides; an empty identity-provider list sends none', () => {
    const body = buildFhirServiceArmBody({
      ...minimal,
      settings: { resourceVersionPolicy: { default: 'versioned-update' }, smartIdentityProviders: [] },
    });
    expect(body.properties).toMatchObject({ resourceVersionPolicyConfiguration: { default: 'versioned-update' } });
    expect((body.properties as { resourceVersionPolicyConfiguration: object }).resourceVersionPolicyConfiguration).not.toHaveProperty(
      'resourceTypeOverrides',
    );
    expect((body.properties as { authenticationConfiguration: object }).authenticationConfiguration).not.toHaveProperty('smartIdentityProviders');
  });

  test('the azapi_resource arguments: location, tags and identity as arguments, kind and properties as body; merged as AzAPI merges them, they are the ARM body', () => {
    const args = fhirServiceAzapiArguments({ ...everything, tags: { env: 'prod' }, location: 'East US' });
    expect(args.type).toBe(FHIR_SERVICE_AZAPI_TYPE);
    expect(args.location).toBe('eastus');
    expect(args.tags).toEqual({ env: 'prod' });
    expect(args.identity).toEqual({ type: 'UserAssigned', identityIds: [UAMI] });
    expect(Object.keys(args.body).sort()).toEqual(['kind', 'properties']);
    // AzAPI's expandBody: location, tags and identity (ExpandIdentity) are added to the body before the PUT.
    const merged = { ...args.body, location: args.location, tags: args.tags, identity: armIdentity(args.identity!) };
    expect(merged).toEqual(buildFhirServiceArmBody({ ...everything, tags: { env: 'prod' }, location: 'East US' }));
  });
});
