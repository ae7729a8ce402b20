import { HealthcareFhirService } from '@cdktf/provider-azurerm/lib/healthcare-fhir-service';
import { App, TerraformStack, Testing } from 'cdktf';
import { AzapiProvider } from '../../lib/core/platform/azapi/provider';
import { AzapiResource } from '../../lib/core/platform/azapi/resource';
import { AzapiUpdateResource } from '../../lib/core/platform/azapi/update-resource';
import { ensureAzapiProvider } from '../../lib/core/platform/azapi/ensure-provider';
import { moveFromAzurerm } from '../../lib/core/platform/azapi/moved';
import { requireTerraformVersion } from '../../lib/core/platform/azapi/terraform-version';
import { AZAPI_VERSION_CONSTRAINT, TERRAFORM_CROSS_TYPE_MOVE_VERSION } from '../../lib/core/platform/azapi/versions';
import { HealthDataValidationError } from '../../lib/core/validation';
import { synth } from '../helpers';

const WORKSPACE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/ws';
const FHIR_TYPE = 'Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31';

/** synth() with the library's automatic azapi provider in the stack (cdktf refuses resources without a provider). */
function synthAzapi(build: (stack: TerraformStack) => void) {
  return synth((stack) => {
    ensureAzapiProvider(stack);
    build(stack);
  });
}

function errorOf(build: () => void): HealthDataValidationError {
  try {
    build();
  } catch (error) {
    if (error instanceof HealthDataValidationError) return error;
    throw error;
  }
  throw new Error('expected a HealthDataValidationError');
}

describe('AzapiProvider', () => {
  test('synthesizes the provider block with snake_case arguments, and required_providers with source and constraint', () => {
    const result = synth((stack) => {
      new AzapiProvider(stack, 'azapi', {
        subscriptionId: '11111111-1111-1111-1111-111111111111',
        tenantId: '22222222-2222-2222-2222-222222222222',
        environment: 'usgovernment',
        useOidc: true,
        useCli: false,
        auxiliaryTenantIds: ['33333333-3333-3333-3333-333333333333'],
        endpoint: [{ resourceManagerEndpoint: 'https://management.usgovcloudapi.net/' }],
        defaultTags: { CostCenter: 'cardiology', 'hipaa-scope': 'phi' },
      });
    });
    expect(result.json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: AZAPI_VERSION_CONSTRAINT });
    expect(result.json.provider.azapi).toEqual([
      {
        subscription_id: '11111111-1111-1111-1111-111111111111',
        tenant_id: '22222222-2222-2222-2222-222222222222',
        environment: 'usgovernment',
        use_oidc: true,
        use_cli: false,
        auxiliary_tenant_ids: ['33333333-3333-3333-3333-333333333333'],
        endpoint: [{ resource_manager_endpoint: 'https://management.usgovcloudapi.net/' }],
        // Tag names are the user's: not snake-cased like argument names.
        default_tags: { CostCenter: 'cardiology', 'hipaa-scope': 'phi' },
      },
    ]);
  });

  test('an alias synthesizes once, and resources reach the aliased configuration through provider', () => {
    const result = synth((stack) => {
      const second = new AzapiProvider(stack, 'second', { alias: 'second', subscriptionId: '44444444-4444-4444-4444-444444444444' });
      new AzapiResource(stack, 'rg', { type: 'Microsoft.Resources/resourceGroups@2024-03-01', name: 'rg2', location: 'eastus', provider: second });
    });
    expect(result.json.provider.azapi).toEqual([{ alias: 'second', subscription_id: '44444444-4444-4444-4444-444444444444' }]);
    expect(result.resource('azapi_resource').provider).toBe('azapi.second');
  });
});

describe('AzapiResource', () => {
  test('writes type, name, parent_id, location, body as an object, identity block, tags and the behaviour flags', () => {
    const result = synthAzapi((stack) => {
      new AzapiResource(stack, 'fhir', {
        type: FHIR_TYPE,
        name: 'patients',
        parentId: WORKSPACE_ID,
        location: 'eastus',
        body: {
          kind: 'fhir-R4',
          properties: {
            resourceVersionPolicyConfiguration: { default: 'versioned', resourceTypeOverrides: { Patient: 'no-version' } },
            corsConfiguration: { origins: [], maxAge: 0, allowCredentials: false },
          },
        },
        identity: {
          type: 'UserAssigned',
          identityIds: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir'],
        },
        tags: { Environment: 'prod' },
        responseExportValues: ['properties.provisioningState'],
        schemaValidationEnabled: true,
        ignoreCasing: false,
        ignoreMissingProperty: true,
        ignoreNullProperty: false,
        locks: [WORKSPACE_ID],
        retry: { errorMessageRegex: ['ServiceIsUpdating'], intervalSeconds: 15 },
        timeouts: { create: '90m', delete: '30m' },
        lifecycle: { preventDestroy: true },
      });
    });
    const resource = result.resource('azapi_resource');
    expect(resource).toMatchObject({
      type: FHIR_TYPE,
      name: 'patients',
      parent_id: WORKSPACE_ID,
      location: 'eastus',
      // Body keys are ARM's camelCase and user keys (resource types) are untouched.
      body: {
        kind: 'fhir-R4',
        properties: {
          resourceVersionPolicyConfiguration: { default: 'versioned', resourceTypeOverrides: { Patient: 'no-version' } },
          corsConfiguration: { origins: [], maxAge: 0, allowCredentials: false },
        },
      },
      identity: [
        {
          type: 'UserAssigned',
          identity_ids: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir'],
        },
      ],
      tags: { Environment: 'prod' },
      response_export_values: ['properties.provisioningState'],
      schema_validation_enabled: true,
      ignore_casing: false,
      ignore_missing_property: true,
      ignore_null_property: false,
      locks: [WORKSPACE_ID],
      retry: { error_message_regex: ['ServiceIsUpdating'], interval_seconds: 15 },
      timeouts: { create: '90m', delete: '30m' },
      lifecycle: { prevent_destroy: true },
    });
    expect(resource.body.properties.corsConfiguration.origins).toEqual([]);
  });

  test('computed attributes are references: id, output paths, identity principal id', () => {
    const result = synthAzapi((stack) => {
      const fhir = new AzapiResource(stack, 'fhir', {
        type: FHIR_TYPE,
        name: 'patients',
        parentId: WORKSPACE_ID,
        identity: { type: 'SystemAssigned' },
      });
      new AzapiResource(stack, 'consumer', {
        type: 'Microsoft.Resources/tags@2021-04-01',
        name: 'default',
        parentId: fhir.id,
        body: {
          properties: {
            tags: { principal: fhir.identityPrincipalId, state: fhir.outputString('properties.provisioningState'), tenant: fhir.identityTenantId },
          },
        },
      });
    });
    const consumer = result.resources('azapi_resource').find((r) => r.name === 'default')!;
    expect(consumer.parent_id).toBe('${azapi_resource.fhir.id}');
    expect(consumer.body.properties.tags).toEqual({
      principal: '${azapi_resource.fhir.identity[0].principal_id}',
      state: '${azapi_resource.fhir.output.properties.provisioningState}',
      tenant: '${azapi_resource.fhir.identity[0].tenant_id}',
    });
  });

  test('input getters return what was configured; setters change the synthesized value', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new AzapiProvider(stack, 'azapi');
    const resource = new AzapiResource(stack, 'r', {
      type: FHIR_TYPE,
      name: 'a',
      parentId: WORKSPACE_ID,
      body: { kind: 'fhir-R4' },
      schemaValidationEnabled: false,
    });
    expect(resource.typeInput).toBe(FHIR_TYPE);
    expect(resource.nameInput).toBe('a');
    expect(resource.bodyInput).toEqual({ kind: 'fhir-R4' });
    expect(resource.schemaValidationEnabledInput).toBe(false);
    resource.name = 'b';
    resource.body = { kind: 'fhir-Stu3' };
    resource.putIdentity({ type: 'SystemAssigned' });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.azapi_resource.r).toMatchObject({
      name: 'b',
      body: { kind: 'fhir-Stu3' },
      identity: [{ type: 'SystemAssigned' }],
      schema_validation_enabled: false,
    });
    resource.resetIdentity();
    expect(JSON.parse(Testing.synth(stack)).resource.azapi_resource.r.identity).toBeUndefined();
  });

  test('tokens in the body survive as Terraform references', () => {
    const result = synthAzapi((stack) => {
      const parent = new AzapiResource(stack, 'parent', { type: 'Microsoft.Resources/resourceGroups@2024-03-01', name: 'rg', location: 'eastus' });
      new AzapiResource(stack, 'child', {
        type: FHIR_TYPE,
        name: 'x',
        parentId: parent.id,
        body: { properties: { exportConfiguration: { storageAccountName: parent.name } } },
      });
    });
    const child = result.resources('azapi_resource').find((r) => r.name === 'x')!;
    expect(child.body.properties.exportConfiguration.storageAccountName).toBe('${azapi_resource.parent.name}');
  });

  test.each([
    [
      'a type without API version',
      { type: 'Microsoft.HealthcareApis/workspaces' },
      /AzapiResource type "Microsoft.HealthcareApis\/workspaces" is invalid: a resource type with its API version/,
    ],
    [
      'a body given as a JSON string',
      { type: FHIR_TYPE, body: '{"kind":"fhir-R4"}' },
      /AzapiResource body "\{\\"kind\\":\\"fhir-R4\\"\}" is invalid: an object .* Pass the object itself/,
    ],
    ['no type', {}, /AzapiResource type is missing/],
  ])('rejects %s with a HealthDataValidationError', (_name, config, message) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const error = errorOf(() => new AzapiResource(stack, 'bad', config as never));
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^\[stack\/bad\]/);
  });

  test('null config fails with the shape to pass, not a TypeError', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(errorOf(() => new AzapiResource(stack, 'bad', null as never)).message).toMatch(/AzapiResource config null is invalid: an object \{ type/);
  });
});

describe('AzapiUpdateResource', () => {
  test('by resource id: type, resource_id, body object', () => {
    const result = synthAzapi((stack) => {
      new AzapiUpdateResource(stack, 'pna', {
        type: 'Microsoft.HealthcareApis/workspaces@2024-03-31',
        resourceId: WORKSPACE_ID,
        body: { properties: { publicNetworkAccess: 'Disabled' } },
        locks: [WORKSPACE_ID],
      });
    });
    expect(result.resource('azapi_update_resource')).toMatchObject({
      type: 'Microsoft.HealthcareApis/workspaces@2024-03-31',
      resource_id: WORKSPACE_ID,
      body: { properties: { publicNetworkAccess: 'Disabled' } },
      locks: [WORKSPACE_ID],
    });
    expect(result.resource('azapi_update_resource').name).toBeUndefined();
  });

  test('by name and parent id', () => {
    const result = synthAzapi((stack) => {
      new AzapiUpdateResource(stack, 'pna', {
        type: 'Microsoft.HealthcareApis/workspaces@2024-03-31',
        name: 'ws',
        parentId: '/subscriptions/s/resourceGroups/rg',
        body: {},
      });
    });
    expect(result.resource('azapi_update_resource')).toMatchObject({ name: 'ws', parent_id: '/subscriptions/s/resourceGroups/rg', body: {} });
  });

  test.each([
    ['both resourceId and name', { resourceId: WORKSPACE_ID, name: 'ws' }, /either resourceId, or name and parentId, not both/],
    ['neither', {}, /needs the resource to update: resourceId, or both name and parentId/],
    ['name without parentId', { name: 'ws' }, /needs the resource to update/],
  ])('rejects %s', (_name, extra, message) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(
      errorOf(() => new AzapiUpdateResource(stack, 'bad', { type: 'Microsoft.HealthcareApis/workspaces@2024-03-31', ...extra })).message,
    ).toMatch(message);
  });
});

describe('ensureAzapiProvider', () => {
  test('adds one default azapi provider per stack however often it is called, with required_providers', () => {
    const result = synth((stack) => {
      const first = ensureAzapiProvider(stack);
      const second = ensureAzapiProvider(stack);
      expect(first).toBe(second);
      new AzapiResource(stack, 'r', { type: FHIR_TYPE, name: 'a', parentId: WORKSPACE_ID });
    });
    expect(result.json.provider.azapi).toEqual([{}]);
    expect(result.json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: AZAPI_VERSION_CONSTRAINT });
  });

  test('a default azapi provider the user defined first is used, and none is added', () => {
    synth((stack) => {
      const mine = new AzapiProvider(stack, 'mine', { subscriptionId: '11111111-1111-1111-1111-111111111111' });
      expect(ensureAzapiProvider(stack)).toBe(mine);
      expect(stack.node.tryFindChild('HealthDataServicesAzapiProvider')).toBeUndefined();
    });
  });

  test('a default azapi provider the user defines after the library added one wins: the automatic one synthesizes nothing', () => {
    const result = synth((stack) => {
      ensureAzapiProvider(stack);
      new AzapiProvider(stack, 'mine', { subscriptionId: '11111111-1111-1111-1111-111111111111' });
    });
    expect(result.json.provider.azapi).toEqual([{ subscription_id: '11111111-1111-1111-1111-111111111111' }]);
  });

  test("an aliased user provider does not replace the default configuration the library's resources use", () => {
    const result = synth((stack) => {
      new AzapiProvider(stack, 'other', { alias: 'other' });
      ensureAzapiProvider(stack);
    });
    expect(result.json.provider.azapi).toEqual([{ alias: 'other' }, {}]);
  });

  test('each stack gets its own', () => {
    const app = new App({ skipBackendValidation: true });
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    expect(ensureAzapiProvider(a)).not.toBe(ensureAzapiProvider(b));
  });
});

describe('moved blocks and required_version', () => {
  test('moveFromAzurerm moves the azurerm address at the same construct path and raises required_version to 1.8.0', () => {
    const result = synthAzapi((stack) => {
      const resource = new AzapiResource(stack, 'Resource', { type: FHIR_TYPE, name: 'patients', parentId: WORKSPACE_ID });
      expect(moveFromAzurerm(resource, 'azurerm_healthcare_fhir_service')).toBe('azurerm_healthcare_fhir_service.Resource');
    });
    expect(result.json.moved).toEqual([{ from: 'azurerm_healthcare_fhir_service.Resource', to: 'azapi_resource.Resource' }]);
    expect(result.json.terraform.required_version).toBe(`>= ${TERRAFORM_CROSS_TYPE_MOVE_VERSION}`);
    // The resource itself is still declared (moveFromId, not moveTo).
    expect(result.resource('azapi_resource').name).toBe('patients');
  });

  test('the moved-from address is the one an azurerm resource at the same construct path had', () => {
    const { Construct } = jest.requireActual('constructs');
    const before = synth((stack) => {
      const service = new Construct(stack, 'Patients');
      new HealthcareFhirService(service, 'Resource', {
        name: 'patients',
        workspaceId: WORKSPACE_ID,
        resourceGroupName: 'rg',
        location: 'eastus',
        authentication: { authority: 'https://login.microsoftonline.com/t', audience: 'a' },
      });
    });
    const after = synthAzapi((stack) => {
      const service = new Construct(stack, 'Patients');
      moveFromAzurerm(
        new AzapiResource(service, 'Resource', { type: FHIR_TYPE, name: 'patients', parentId: WORKSPACE_ID }),
        'azurerm_healthcare_fhir_service',
      );
    });
    const [azurermLogicalId] = Object.keys(before.json.resource.azurerm_healthcare_fhir_service);
    expect(after.json.moved).toEqual([{ from: `azurerm_healthcare_fhir_service.${azurermLogicalId}`, to: `azapi_resource.${azurermLogicalId}` }]);
  });

  test('an explicit logical id, for a resource that used overrideLogicalId', () => {
    const result = synthAzapi((stack) => {
      const resource = new AzapiResource(stack, 'Resource', { type: FHIR_TYPE, name: 'patients', parentId: WORKSPACE_ID });
      moveFromAzurerm(resource, 'azurerm_healthcare_fhir_service', { fromLogicalId: 'legacy_fhir' });
    });
    expect(result.json.moved).toEqual([{ from: 'azurerm_healthcare_fhir_service.legacy_fhir', to: 'azapi_resource.Resource' }]);
  });

  test('two moves in one stack give two moved blocks and one required_version', () => {
    const result = synthAzapi((stack) => {
      moveFromAzurerm(new AzapiResource(stack, 'A', { type: FHIR_TYPE, name: 'a', parentId: WORKSPACE_ID }), 'azurerm_healthcare_fhir_service');
      moveFromAzurerm(new AzapiResource(stack, 'B', { type: FHIR_TYPE, name: 'b', parentId: WORKSPACE_ID }), 'azurerm_healthcare_fhir_service');
    });
    expect(result.json.moved).toHaveLength(2);
    expect(result.json.terraform.required_version).toBe('>= 1.8.0');
  });

  test('rejects a non-azurerm source type and a bad logical id', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const resource = new AzapiResource(stack, 'Resource', { type: FHIR_TYPE, name: 'patients', parentId: WORKSPACE_ID });
    expect(errorOf(() => moveFromAzurerm(resource, 'azapi_resource')).message).toMatch(/moved-from type "azapi_resource" is invalid/);
    expect(errorOf(() => moveFromAzurerm(resource, 'azurerm_healthcare_fhir_service', { fromLogicalId: '1 bad' })).message).toMatch(
      /moved-from logical id "1 bad" is invalid/,
    );
  });

  test('requireTerraformVersion keeps the highest minimum; a user override of required_version wins', () => {
    const result = synthAzapi((stack) => {
      expect(requireTerraformVersion(stack, '1.8.0', 'moved')).toBe('>= 1.8.0');
      expect(requireTerraformVersion(stack, '1.5.7', 'import')).toBe('>= 1.8.0');
      expect(requireTerraformVersion(stack, '1.10.0', 'x')).toBe('>= 1.10.0');
    });
    expect(result.json.terraform.required_version).toBe('>= 1.10.0');
    const overridden = synthAzapi((stack) => {
      requireTerraformVersion(stack, '1.8.0', 'moved');
      stack.addOverride('terraform.required_version', '~> 1.9.0');
    });
    expect(overridden.json.terraform.required_version).toBe('~> 1.9.0');
  });

  test('requireTerraformVersion rejects a version that is not x.y.z', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(errorOf(() => requireTerraformVersion(stack, '>= 1.8', 'x')).message).toMatch(/required Terraform version ">= 1.8" is invalid/);
  });
});
