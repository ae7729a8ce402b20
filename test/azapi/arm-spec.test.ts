/**
 * Every AzAPI body the library builds is a request the ARM specification of Microsoft.HealthcareApis 2024-03-31
 * accepts, checked with ajv (JSON Schema draft-04) against the specification read at test time (see arm-spec.ts for
 * how OpenAPI definitions become strict request schemas). Skipped only when the reference folder is absent.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { TerraformStack, Testing } from 'cdktf';
import { AzapiResource } from '../../lib/core/platform/azapi/resource';
import { AzapiUpdateResource } from '../../lib/core/platform/azapi/update-resource';
import { ensureAzapiProvider } from '../../lib/core/platform/azapi/ensure-provider';
import { ManagedIdentityType, ManagedIdentityOptions } from '../../lib/core/identity';
import { CorsOptions } from '../../lib/core/cors';
import { InputProblems } from '../../lib/core/validation';
import { FhirAzapiSettings, SmartDataAction } from '../../lib/fhir/arm-settings';
import { checkFhirAzapiSettings } from '../../lib/fhir/arm-settings-checks';
import { armIdentity, buildFhirServiceArmBody, fhirServiceAzapiArguments, FhirServiceArmBodyInput } from '../../lib/fhir/arm-body';
import { FHIR_R4_RESOURCE_TYPES } from '../../lib/core/fhir-r4-resource-types';
import { RESOURCE_VERSION_POLICIES } from '../../lib/fhir/resource-version-policy';
import { workspaceNetworkAccessUpdate, workspacePublicNetworkAccessBody } from '../../lib/network/workspace-network-access-update';
import { Block, synth, synthApp } from '../helpers';
import { buildExamples } from '../../examples/main';
import { FhirResourceProvider, FhirServiceOptions, ResourceVersionPolicy, Workspace } from '../../lib';
import { ArmSpec, loadArmSpec, SPEC_AVAILABLE, SPEC_DIR } from './arm-spec';

const describeSpec = SPEC_AVAILABLE ? describe : describe.skip;
if (!SPEC_AVAILABLE) console.warn(`ARM specification tests SKIPPED: ${SPEC_DIR} not found; set AHDS_REFERENCE_DIR to the shared reference folder`);

const WORKSPACE_EXCEPTION = 'Workspace.properties.publicNetworkAccess';
const AUTHORITY = 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47';
const AUDIENCE = 'https://ws1-patients.fhir.azurehealthcareapis.com';
const UAMI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir';
const KEY = 'https://contoso-kv.vault.azure.net/keys/fhir-cmk/0123456789abcdef0123456789abcdef';
const minimal: FhirServiceArmBodyInput = { location: 'eastus', kind: 'fhir-R4', authority: AUTHORITY, audience: AUDIENCE, settings: {} };
const everything: FhirServiceArmBodyInput = {
  ...minimal,
  tags: { env: 'prod', 'data-classification': 'phi' },
  identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] },
  smartProxyEnabled: true,
  cors: {
    allowedOrigins: ['https://app.contoso.com', 'http://localhost:3000'],
    allowedHeaders: ['*'],
    allowedMethods: ['GET', 'POST', 'OPTIONS'],
    maxAgeInSeconds: 99999,
    allowCredentials: true,
  },
  configurationExportStorageAccountName: 'exportstore01',
  containerRegistryLoginServerUrl: ['contoso.azurecr.io'],
  ociArtifact: [{ loginServer: 'contoso.azurecr.io', imageName: 'templates', digest: 'sha256:0123' }],
  settings: {
    encryptionKeyUrl: KEY,
    importConfiguration: { integrationDataStore: 'importstore01', enabled: true, initialImportMode: true },
    resourceVersionPolicy: { default: 'versioned-update', resourceTypeOverrides: { Patient: 'versioned', Observation: 'no-version' } },
    smartIdentityProviders: [
      {
        authority: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/v2.0',
        applications: Array.from({ length: 25 }, (_, i) => ({
          clientId: `app-${i}`,
          audience: `api://app-${i}`,
          allowedDataActions: [SmartDataAction.READ],
        })),
      },
      {
        authority: 'https://idp.example.org/realms/fhir',
        applications: [{ clientId: 'portal', audience: 'fhir-api', allowedDataActions: ['Read'] }],
      },
    ],
    implementationGuides: { usCoreMissingData: true },
  },
};

describeSpec('the ARM specification 2024-03-31, as request schemas', () => {
  let spec: ArmSpec;
  beforeAll(() => {
    spec = loadArmSpec([WORKSPACE_EXCEPTION]);
  });
  const fhirProblems = (body: unknown) => spec.validator('FhirService').problems(body);
  const workspaceProblems = (body: unknown) => spec.validator('Workspace').problems(body);

  test('the relative $refs to common-types resolve (v1 types.json and privatelinks.json)', () => {
    spec.validator('FhirService');
    spec.validator('Workspace');
    expect(spec.resolvedDefinitions).toContain('resource-management_v1_types:systemData');
    expect(spec.resolvedDefinitions).toContain('resource-management_v1_privatelinks:PrivateEndpointConnection');
  });

  describe('the validator is strict (negative controls)', () => {
    test.each<[string, (body: { [key: string]: any }) => void, RegExp]>([
      [
        'a property the spec does not define',
        (b) => (b.properties.resourceVersionPolicy = { default: 'versioned' }),
        /\/properties has a property the specification does not define: resourceVersionPolicy/,
      ],
      [
        'a misspelled nested property',
        (b) => (b.properties.corsConfiguration.allowedOrigins = ['*']),
        /\/properties\/corsConfiguration has a property the specification does not define: allowedOrigins/,
      ],
      ['a read-only property', (b) => (b.properties.provisioningState = 'Succeeded'), /\/properties\/provisioningState is read-only/],
      [
        'read-only FHIR publicNetworkAccess',
        (b) => (b.properties.publicNetworkAccess = 'Disabled'),
        /\/properties\/publicNetworkAccess is read-only/,
      ],
      [
        'read-only identity principalId',
        (b) => (b.identity = { type: 'SystemAssigned', principalId: '00000000-0000-0000-0000-000000000000' }),
        /\/identity\/principalId is read-only/,
      ],
      ['an unknown kind', (b) => (b.kind = 'fhir-R5'), /\/kind must be equal to one of the allowed values/],
      [
        'an unknown version policy',
        (b) => (b.properties.resourceVersionPolicyConfiguration = { default: 'version-update' }),
        /resourceVersionPolicyConfiguration\/default must be equal to one of the allowed values/,
      ],
      [
        'an unknown override policy',
        (b) => (b.properties.resourceVersionPolicyConfiguration = { default: 'versioned', resourceTypeOverrides: { Patient: 'none' } }),
        /resourceTypeOverrides\/Patient must be equal to one of the allowed values/,
      ],
      [
        'Write as a SMART data action',
        (b) =>
          (b.properties.authenticationConfiguration.smartIdentityProviders = [
            { authority: 'https://a', applications: [{ clientId: 'c', audience: 'a', allowedDataActions: ['Write'] }] },
          ]),
        /allowedDataActions\/0 must be equal to one of the allowed values: \["Read"\]/,
      ],
      [
        'CORS max age over 99999',
        (b) => (b.properties.corsConfiguration = { origins: [], headers: [], methods: [], maxAge: 100000 }),
        /maxAge must be <= 99999/,
      ],
      [
        'an origin with a path',
        (b) => (b.properties.corsConfiguration = { origins: ['https://a.example/path'], headers: [], methods: [] }),
        /origins\/0 must match pattern/,
      ],
      ['an identity without type', (b) => (b.identity = { userAssignedIdentities: {} }), /\/identity must have required property 'type'/],
      [
        'a boolean as a string',
        (b) => (b.properties.importConfiguration = { integrationDataStore: 'x', enabled: 'true' }),
        /importConfiguration\/enabled must be boolean/,
      ],
      ['a JSON string body', () => undefined, /^$/],
    ])('rejects %s', (name, mutate, message) => {
      if (name === 'a JSON string body') {
        expect(fhirProblems(JSON.stringify(buildFhirServiceArmBody(minimal))).join('\n')).toMatch(/\(body\) must be object/);
        return;
      }
      const body = JSON.parse(JSON.stringify(buildFhirServiceArmBody(minimal)));
      mutate(body);
      expect(fhirProblems(body).join('\n')).toMatch(message);
    });
  });

  describe('FHIR service bodies', () => {
    test.each<[string, FhirServiceArmBodyInput]>([
      ['minimal', minimal],
      ['everything', everything],
      ['STU3', { ...minimal, kind: 'fhir-Stu3' }],
      ['system-assigned identity', { ...minimal, identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } }],
      [
        'CORS at the limits',
        {
          ...minimal,
          cors: {
            allowedOrigins: ['*'],
            allowedHeaders: ['Content-Type'],
            allowedMethods: ['DELETE', 'GET', 'HEAD', 'MERGE', 'POST', 'OPTIONS', 'PUT', 'PATCH'],
            maxAgeInSeconds: 0,
          },
        },
      ],
      [
        'export and ACR only',
        {
          ...minimal,
          configurationExportStorageAccountName: 'exportstore01',
          containerRegistryLoginServerUrl: ['a.azurecr.io', 'b.azurecr.io'],
          ociArtifact: [{ loginServer: 'a.azurecr.io' }],
        },
      ],
      [
        'customer-managed key only',
        { ...minimal, identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] }, settings: { encryptionKeyUrl: KEY } },
      ],
      ['import, initial mode', { ...minimal, settings: { importConfiguration: { integrationDataStore: 'importstore01', initialImportMode: true } } }],
      ['import disabled', { ...minimal, settings: { importConfiguration: { integrationDataStore: 'importstore01', enabled: false } } }],
      ['US Core missing data off', { ...minimal, settings: { implementationGuides: { usCoreMissingData: false } } }],
      [
        'one SMART identity provider',
        {
          ...minimal,
          settings: {
            smartIdentityProviders: [
              { authority: 'https://idp.example.org', applications: [{ clientId: 'c', audience: 'a', allowedDataActions: ['Read'] }] },
            ],
          },
        },
      ],
      ['tags', { ...minimal, tags: { 'cost-center': '1234' } }],
    ])('%s', (_name, input) => {
      expect(fhirProblems(buildFhirServiceArmBody(input))).toEqual([]);
    });

    test.each(RESOURCE_VERSION_POLICIES)('version policy %s as default and for every R4 resource type', (policy) => {
      const body = buildFhirServiceArmBody({
        ...minimal,
        settings: {
          resourceVersionPolicy: { default: policy, resourceTypeOverrides: Object.fromEntries(FHIR_R4_RESOURCE_TYPES.map((t) => [t, policy])) },
        },
      });
      expect(fhirProblems(body)).toEqual([]);
    });

    test('the builder writes every writable FHIR property of the specification (publicNetworkAccess is read-only here)', () => {
      const raw = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, 'healthcare-apis.json'), 'utf8'));
      const writable = Object.entries(
        raw.definitions.FhirServiceProperties.properties as { [name: string]: { readOnly?: boolean; $ref?: string; items?: unknown } },
      )
        .filter(([, schema]) => schema.readOnly !== true && !(schema.$ref && raw.definitions[schema.$ref.split('/').pop()!]?.readOnly === true))
        .map(([name]) => name)
        .sort();
      expect(Object.keys(buildFhirServiceArmBody(everything).properties as object).sort()).toEqual(writable);
    });

    test('any settings the library accepts give a body the specification accepts (property-based)', () => {
      const identity = fc.constantFrom<ManagedIdentityOptions | undefined>(
        undefined,
        { type: ManagedIdentityType.SYSTEM_ASSIGNED },
        { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] },
      );
      const cors = fc.option(
        fc.record<CorsOptions>(
          {
            allowedOrigins: fc.array(fc.constantFrom('*', 'https://a.example', 'http://localhost:8080', 'https://a/b'), {
              minLength: 1,
              maxLength: 3,
            }),
            allowedHeaders: fc.array(fc.constantFrom('*', 'Authorization'), { minLength: 1, maxLength: 2 }),
            allowedMethods: fc.array(fc.constantFrom('GET', 'POST', 'PATCH'), { minLength: 1, maxLength: 3 }),
            maxAgeInSeconds: fc.option(fc.integer({ min: -1, max: 100001 }), { nil: undefined }),
            allowCredentials: fc.option(fc.boolean(), { nil: undefined }),
          },
          { requiredKeys: ['allowedOrigins', 'allowedHeaders', 'allowedMethods'] },
        ),
        { nil: undefined },
      );
      const policy = fc.constantFrom('no-version', 'versioned', 'versioned-update', 'version-update', 'NoVersion');
      const settings = fc.record<FhirAzapiSettings>(
        {
          encryptionKeyUrl: fc.option(
            fc.constantFrom(
              KEY,
              'https://contoso-kv.vault.azure.net/keys/k',
              'https://hsm.managedhsm.azure.net/keys/k/0123456789abcdef0123456789abcdef',
            ),
            { nil: undefined },
          ),
          importConfiguration: fc.option(
            fc.record(
              {
                integrationDataStore: fc.constantFrom('importstore01', 'Import_Store'),
                enabled: fc.option(fc.boolean(), { nil: undefined }),
                initialImportMode: fc.option(fc.boolean(), { nil: undefined }),
              },
              { requiredKeys: ['integrationDataStore'] },
            ),
            { nil: undefined },
          ),
          resourceVersionPolicy: fc.option(
            fc.record(
              {
                default: policy,
                resourceTypeOverrides: fc.option(fc.dictionary(fc.constantFrom('Patient', 'Observation', 'patient', 'Foo'), policy, { maxKeys: 3 }), {
                  nil: undefined,
                }),
              },
              { requiredKeys: ['default'] },
            ),
            { nil: undefined },
          ),
          smartIdentityProviders: fc.option(
            fc.array(
              fc.record({
                authority: fc.constantFrom(
                  'https://idp1.example.org',
                  'https://idp2.example.org',
                  'https://idp4.example.org/v2.0',
                  'http://idp3.example.org',
                ),
                applications: fc.array(
                  fc.record({
                    clientId: fc.constantFrom(...'abcdefghijklmnopqrst'.split('')),
                    audience: fc.constantFrom('x', 'api://y', 'x', ''),
                    allowedDataActions: fc.constantFrom(['Read'], ['Read'], ['Read'], ['Write'], [], ['Read', 'Read']),
                  }),
                  { minLength: 0, maxLength: 2 },
                ),
              }),
              { maxLength: 3 },
            ),
            { nil: undefined },
          ),
          implementationGuides: fc.option(fc.record({ usCoreMissingData: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] }), {
            nil: undefined,
          }),
        },
        { requiredKeys: [] },
      );
      const scope = new TerraformStack(Testing.app(), 'property');
      let accepted = 0;
      fc.assert(
        fc.property(identity, cors, settings, fc.boolean(), (id, c, s, stu3) => {
          const input: FhirServiceArmBodyInput = { ...minimal, kind: stu3 ? 'fhir-Stu3' : 'fhir-R4', identity: id, cors: c, settings: s };
          const problems = new InputProblems(scope);
          checkFhirAzapiSettings(problems, s, { subject: 'FhirService', kind: input.kind });
          // CORS is checked by the existing core rule; reuse its limits here through the spec itself for rejected values.
          const corsValid =
            c === undefined ||
            (c.allowedOrigins.every((o) => o !== 'https://a/b') &&
              (c.maxAgeInSeconds === undefined || (c.maxAgeInSeconds >= 0 && c.maxAgeInSeconds <= 99999)));
          if (!problems.isEmpty || !corsValid) return;
          accepted += 1;
          expect(fhirProblems(buildFhirServiceArmBody(input))).toEqual([]);
        }),
        { numRuns: 1500, seed: 20261127 },
      );
      // The run must exercise the accepting side, not only rejections.
      expect(accepted).toBeGreaterThan(100);
    });

    test('what an azapi_resource built from the arguments synthesizes is, merged as AzAPI merges it, a valid request', () => {
      const result = synth((stack) => {
        ensureAzapiProvider(stack);
        const args = fhirServiceAzapiArguments(everything);
        new AzapiResource(stack, 'Resource', {
          type: args.type,
          name: 'patients',
          parentId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/ws1',
          location: args.location,
          tags: args.tags,
          identity: args.identity,
          body: args.body,
        });
      });
      const resource = result.resource('azapi_resource');
      const [identity] = resource.identity;
      const sent = {
        ...resource.body,
        location: resource.location,
        tags: resource.tags,
        identity: armIdentity({ type: identity.type, identityIds: identity.identity_ids }),
      };
      expect(sent).toEqual(buildFhirServiceArmBody(everything));
      expect(fhirProblems(sent)).toEqual([]);
    });
  });

  describe('workspace public network access', () => {
    test.each([false, true])('publicNetworkAccessEnabled %s gives a valid workspace update body', (enabled) => {
      const body = workspacePublicNetworkAccessBody(enabled);
      expect(body).toEqual({ properties: { publicNetworkAccess: enabled ? 'Enabled' : 'Disabled' } });
      expect(workspaceProblems(body)).toEqual([]);
    });

    test('the exception is deliberate: without it the read-only marking of this API version rejects the body', () => {
      expect(loadArmSpec().validator('Workspace').problems(workspacePublicNetworkAccessBody(false))).toEqual([
        '/properties/publicNetworkAccess is read-only and must not be sent',
      ]);
      expect(workspaceProblems({ properties: { publicNetworkAccess: 'Closed' } }).join()).toMatch(
        /must be equal to one of the allowed values: \["Enabled","Disabled"\]/,
      );
      expect(workspaceProblems({ properties: { provisioningState: 'Succeeded' } }).join()).toMatch(/read-only/);
    });

    test('the synthesized azapi_update_resource carries that body for the workspace id', () => {
      const workspaceId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/ws1';
      const result = synth((stack) => {
        ensureAzapiProvider(stack);
        new AzapiUpdateResource(stack, 'PublicNetworkAccess', workspaceNetworkAccessUpdate(workspaceId, false));
      });
      const update = result.resource('azapi_update_resource');
      expect(update).toMatchObject({ type: 'Microsoft.HealthcareApis/workspaces@2024-03-31', resource_id: workspaceId });
      expect(workspaceProblems(update.body)).toEqual([]);
    });
  });

  describe('the bodies the constructs synthesize (read from cdk.tf.json)', () => {
    /** What AzAPI sends for a synthesized azapi_resource: its body with location, tags and identity merged in. */
    const sentBody = (resource: Block) => {
      const identity = resource.identity?.[0];
      return {
        ...resource.body,
        location: resource.location,
        ...(resource.tags !== undefined ? { tags: resource.tags } : {}),
        ...(identity !== undefined ? { identity: armIdentity({ type: identity.type, identityIds: identity.identity_ids }) } : {}),
      };
    };
    const synthesizedFhir = (options: Partial<FhirServiceOptions>, tags?: Record<string, string>) =>
      synth((stack) =>
        new Workspace(stack, 'Health', { name: 'health', location: 'East US', resourceGroupName: 'rg', tags }).addFhirService('Patients', {
          name: 'patients',
          ...options,
        }),
      ).resource('azapi_resource');

    test.each<[string, Partial<FhirServiceOptions>]>([
      [
        'customer-managed key, user-assigned identity',
        { encryptionKeyUrl: KEY, identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] } },
      ],
      ['$import (system-assigned identity defaulted)', { importConfiguration: { integrationDataStore: 'importstore01', initialImportMode: true } }],
      [
        'versioning with overrides',
        {
          resourceVersionPolicy: {
            default: ResourceVersionPolicy.VERSIONED_UPDATE,
            resourceTypeOverrides: { Observation: ResourceVersionPolicy.NO_VERSION },
          },
        },
      ],
      [
        'SMART identity providers',
        { authentication: { smartProxyEnabled: true, smartIdentityProviders: everything.settings.smartIdentityProviders } },
      ],
      ['US Core missing data', { implementationGuides: { usCoreMissingData: true } }],
      ['AzAPI without any AzAPI setting', { resourceProvider: FhirResourceProvider.AZAPI }],
      [
        'every setting with CORS, export, ACR and OCI, STU3',
        {
          kind: 'fhir-Stu3' as FhirServiceOptions['kind'],
          identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] },
          encryptionKeyUrl: KEY,
          importConfiguration: { integrationDataStore: 'importstore01', enabled: false },
          resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: { Patient: 'versioned-update' } },
          implementationGuides: {},
          cors: {
            allowedOrigins: ['https://app.contoso.com'],
            allowedHeaders: ['Authorization'],
            allowedMethods: ['GET', 'PATCH'],
            maxAgeInSeconds: 99999,
            allowCredentials: true,
          },
          configurationExportStorageAccountName: 'exportstore01',
          containerRegistryLoginServerUrl: ['contoso.azurecr.io'],
          ociArtifact: [{ loginServer: 'contoso.azurecr.io', digest: 'sha256:0123' }],
        },
      ],
    ])('FhirService with %s', (_name, options) => {
      const resource = synthesizedFhir(options, { env: 'prod' });
      expect(resource.type).toBe('Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31');
      expect(fhirProblems(sentBody(resource))).toEqual([]);
    });

    test.each([false, true])('the workspace update for publicNetworkAccessEnabled %s', (enabled) => {
      const update = synth(
        (stack) =>
          new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg', publicNetworkAccessEnabled: enabled }),
      ).resource('azapi_update_resource');
      expect(update.type).toBe('Microsoft.HealthcareApis/workspaces@2024-03-31');
      expect(workspaceProblems(update.body)).toEqual([]);
    });

    test('every AzAPI body of every example stack', () => {
      const run = synthApp((app) => buildExamples(app));
      let checked = 0;
      for (const name of run.stackNames) {
        const stack = run.stack(name);
        for (const resource of stack.resources('azapi_resource')) {
          expect(resource.type).toBe('Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31');
          expect({ stack: name, problems: fhirProblems(sentBody(resource)) }).toEqual({ stack: name, problems: [] });
          checked += 1;
        }
        for (const update of stack.resources('azapi_update_resource')) {
          expect({ stack: name, problems: workspaceProblems(update.body) }).toEqual({ stack: name, problems: [] });
          checked += 1;
        }
      }
      // The production example (FHIR service and workspace update) and the SMART on FHIR example carry AzAPI resources.
      expect(checked).toBeGreaterThanOrEqual(3);
      expect(run.stack('production').resources('azapi_resource')).toHaveLength(1);
      expect(run.stack('production').resources('azapi_update_resource')).toHaveLength(1);
      expect(run.stack('smart-on-fhir').resources('azapi_resource')).toHaveLength(1);
    });
  });
});
