import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { AZURE_CLOUDS, cloudOfRegion, DeviceMapping, FhirService, HEALTH_DATA_PRIVATE_DNS_ZONES, Workspace } from '../../lib';
import { errorOf, synth, SynthResult } from '../helpers';
import { evaluateExpression } from './terraform-console';

/**
 * Sovereign clouds: the cloud comes from the region (and from the azurerm provider's `environment` where the code
 * sets it); each gets its own host names, authority and private DNS zones, and a cloud without Health Data Services
 * fails.
 */

const SUBNET = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';
const VNET = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v';
const TENANT = '${data.azurerm_client_config.HealthDataServicesClientConfig.tenant_id}';

function withEnvironment(stack: TerraformStack, environment: string | undefined): void {
  (stack.node.findChild('azurerm') as AzurermProvider).environment = environment;
}

function healthApp(location: string | ((stack: TerraformStack) => string), environment?: string): SynthResult {
  return synth((stack) => {
    withEnvironment(stack, environment);
    const workspace = new Workspace(stack, 'Health', {
      name: 'health',
      location: typeof location === 'string' ? location : location(stack),
      resourceGroupName: 'rg-health',
    });
    workspace.addFhirService('Fhir', { name: 'records' });
    workspace.addDicomService('Dicom', { name: 'images' });
    workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET, virtualNetworkId: VNET });
  });
}

const zonesOf = (result: SynthResult): string[] =>
  result
    .resources('azurerm_private_dns_zone')
    .map((zone) => zone.name as string)
    .sort();

describe('the table of clouds', () => {
  test('three clouds, with the documented values', () => {
    expect(AZURE_CLOUDS.map((cloud) => [cloud.environment, cloud.loginAuthorityHost, cloud.healthDataServices?.fhirHostSuffix])).toEqual([
      ['public', 'login.microsoftonline.com', 'fhir.azurehealthcareapis.com'],
      ['usgovernment', 'login.microsoftonline.us', 'fhir.azurehealthcareapis.us'],
      ['china', 'login.partner.microsoftonline.cn', undefined],
    ]);
    expect(AZURE_CLOUDS[1].healthDataServices).toEqual({
      fhirHostSuffix: 'fhir.azurehealthcareapis.us',
      dicomHostSuffix: 'dicom.azurehealthcareapis.us',
      workspaceHostSuffix: 'workspace.azurehealthcareapis.us',
      privateDnsZones: {
        workspace: 'privatelink.workspace.azurehealthcareapis.us',
        fhir: 'privatelink.fhir.azurehealthcareapis.us',
        dicom: 'privatelink.dicom.azurehealthcareapis.us',
      },
    });
    expect(HEALTH_DATA_PRIVATE_DNS_ZONES.map((zone) => zone.zoneName)).toEqual(Object.values(AZURE_CLOUDS[0].healthDataServices!.privateDnsZones));
  });

  test.each([
    ['eastus', 'public'],
    ['East US 2', 'public'],
    ['westeurope', 'public'],
    ['usgovvirginia', 'usgovernment'],
    ['US Gov Arizona', 'usgovernment'],
    ['usgovtexas', 'usgovernment'],
    ['usdodcentral', 'usgovernment'],
    ['USDoD East', 'usgovernment'],
    ['chinaeast2', 'china'],
    ['China North 3', 'china'],
  ])('%s is in the %s cloud', (region, environment) => {
    expect(cloudOfRegion(region).environment).toBe(environment);
  });
});

describe('Azure Government', () => {
  test.each([
    ['derived from the region', undefined],
    ['with the provider environment "usgovernment"', 'usgovernment'],
  ])("the issue's example: a workspace in usgovvirginia gets Government values (%s)", (_, environment) => {
    const result = healthApp('usgovvirginia', environment);
    const fhir = result.resource('azurerm_healthcare_fhir_service');
    expect(fhir.authentication).toEqual({
      authority: `https://login.microsoftonline.us/${TENANT}`,
      audience: 'https://health-records.fhir.azurehealthcareapis.us',
    });
    expect(zonesOf(result)).toEqual([
      'privatelink.dicom.azurehealthcareapis.us',
      'privatelink.fhir.azurehealthcareapis.us',
      'privatelink.workspace.azurehealthcareapis.us',
    ]);
    expect(JSON.stringify(result.json)).not.toContain('azurehealthcareapis.com');
    expect(JSON.stringify(result.json)).not.toContain('login.microsoftonline.com');
  });

  test('the endpoint attribute is the Government host, for defined and imported services', () => {
    synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'usgovarizona', resourceGroupName: 'rg' });
      expect(workspace.addFhirService('Fhir', { name: 'records' }).fhirServiceEndpoint).toBe('https://health-records.fhir.azurehealthcareapis.us');
      const imported = FhirService.fromFhirServiceAttributes(stack, 'Existing', {
        fhirServiceId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/health/fhirServices/old',
        workspace,
      });
      expect(imported.fhirServiceEndpoint).toBe('https://health-old.fhir.azurehealthcareapis.us');
    });
  });

  test('an imported service without a workspace follows the provider environment', () => {
    synth((stack) => {
      withEnvironment(stack, 'usgovernment');
      const imported = FhirService.fromFhirServiceAttributes(stack, 'Existing', {
        fhirServiceId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/health/fhirServices/old',
      });
      expect(imported.fhirServiceEndpoint).toBe('https://health-old.fhir.azurehealthcareapis.us');
    });
  });

  test('an explicit authority and audience are kept', () => {
    const result = synth((stack) => {
      new Workspace(stack, 'Health', { name: 'health', location: 'usgovvirginia', resourceGroupName: 'rg' }).addFhirService('Fhir', {
        name: 'records',
        authentication: { authority: 'https://login.microsoftonline.us/00000000-0000-0000-0000-000000000001', audience: 'https://fhir.contoso.us' },
      });
    });
    expect(result.resource('azurerm_healthcare_fhir_service').authentication).toEqual({
      authority: 'https://login.microsoftonline.us/00000000-0000-0000-0000-000000000001',
      audience: 'https://fhir.contoso.us',
    });
  });

  test('MedTech is still refused in Government regions (its own region list)', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          new Workspace(stack, 'Health', { name: 'health', location: 'usgovvirginia', resourceGroupName: 'rg' }).addMedTechService('Devices', {
            name: 'devices',
            eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' },
            deviceMapping: DeviceMapping.collection([]),
          });
        }),
      ),
    ).toContain('MedTech is only available in');
  });
});

describe('the public cloud keeps its values', () => {
  test.each([[undefined], ['public'], ['Public']])('environment %p', (environment) => {
    const result = healthApp('eastus', environment);
    expect(result.resource('azurerm_healthcare_fhir_service').authentication).toEqual({
      authority: `https://login.microsoftonline.com/${TENANT}`,
      audience: 'https://health-records.fhir.azurehealthcareapis.com',
    });
    expect(zonesOf(result)).toEqual(HEALTH_DATA_PRIVATE_DNS_ZONES.map((zone) => zone.zoneName).sort());
  });
});

describe('clouds and regions that do not fit', () => {
  test.each(['chinaeast2', 'chinanorth3', 'China East'])('%s: Health Data Services is not offered in Azure China', (region) => {
    const message = errorOf(() => healthApp(region));
    expect(message).toContain(`Workspace location "${region}" is invalid: Azure Health Data Services is not offered in Azure China (21Vianet)`);
    expect(message).toContain('Use a region of Azure public cloud or Azure Government.');
  });

  test('the provider environment "china" fails too, whatever the region', () => {
    expect(errorOf(() => healthApp('chinaeast2', 'china'))).toContain('is not offered in Azure China (21Vianet)');
  });

  test.each([
    [
      'usgovvirginia',
      'public',
      'it is a region of Azure Government, but the stack\'s azurerm provider has environment "public" (Azure public cloud)',
      'Set environment: "usgovernment"',
    ],
    [
      'eastus',
      'usgovernment',
      'it is a region of Azure public cloud, but the stack\'s azurerm provider has environment "usgovernment" (Azure Government)',
      'Set environment: "public"',
    ],
    ['chinaeast2', 'usgovernment', 'it is a region of Azure China (21Vianet)', 'Set environment: "china"'],
  ])('%s with environment %s is a mismatch', (region, environment, rule, fix) => {
    const message = errorOf(() => healthApp(region, environment));
    expect(message).toContain(`[stack/Health] Workspace location "${region}" is invalid: ${rule}`);
    expect(message).toContain(fix);
  });

  test('an imported workspace is checked the same way', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          withEnvironment(stack, 'usgovernment');
          Workspace.fromWorkspaceAttributes(stack, 'Existing', {
            workspaceId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/health',
            location: 'westeurope',
          });
        }),
      ),
    ).toContain('Imported workspace location "westeurope" is invalid: it is a region of Azure public cloud');
  });

  test('an unknown provider environment fails with the values it can have', () => {
    expect(errorOf(() => healthApp('eastus', 'german'))).toContain(
      'The stack\'s azurerm provider environment "german" is invalid: one of "public", "usgovernment", "china"',
    );
  });

  test('a provider with an alias does not decide the cloud; a token environment decides nothing', () => {
    const result = synth((stack) => {
      new AzurermProvider(stack, 'gov', { features: [{}], alias: 'gov', environment: 'usgovernment' });
      new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' }).addFhirService('Fhir', { name: 'records' });
    });
    expect(result.resource('azurerm_healthcare_fhir_service').authentication.audience).toBe('https://health-records.fhir.azurehealthcareapis.com');
    const withToken = synth((stack) => {
      withEnvironment(stack, new TerraformVariable(stack, 'environment', { type: 'string' }).stringValue);
      new Workspace(stack, 'Health', { name: 'health', location: 'usgovvirginia', resourceGroupName: 'rg' }).addFhirService('Fhir', {
        name: 'records',
      });
    });
    expect(withToken.resource('azurerm_healthcare_fhir_service').authentication.audience).toBe('https://health-records.fhir.azurehealthcareapis.us');
  });
});

describe('a token region', () => {
  const tokenRegion = (stack: TerraformStack): string => new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;

  test("without an environment: Terraform picks the cloud's values from the region", () => {
    const result = healthApp(tokenRegion);
    const audience = result.resource('azurerm_healthcare_fhir_service').authentication.audience as string;
    const authority = result.resource('azurerm_healthcare_fhir_service').authentication.authority as string;
    expect(audience.startsWith('https://health-records.${')).toBe(true);
    const suffix = audience.slice('https://health-records.'.length);
    const host = authority.slice('https://'.length, authority.indexOf('}/') + 1);
    for (const [region, fhir, login] of [
      ['usgovvirginia', 'fhir.azurehealthcareapis.us', 'login.microsoftonline.us'],
      ['US DoD Central', 'fhir.azurehealthcareapis.us', 'login.microsoftonline.us'],
      ['East US', 'fhir.azurehealthcareapis.com', 'login.microsoftonline.com'],
    ]) {
      expect(evaluateExpression(suffix, { 'var.region': JSON.stringify(region) })).toBe(JSON.stringify(fhir));
      expect(evaluateExpression(host, { 'var.region': JSON.stringify(region) })).toBe(JSON.stringify(login));
    }
    const zone = result
      .resources('azurerm_private_dns_zone')
      .map((z) => z.name as string)
      .find((name) => name.includes('privatelink.fhir'))!;
    expect(evaluateExpression(zone, { 'var.region': '"usgovtexas"' })).toBe('"privatelink.fhir.azurehealthcareapis.us"');
    expect(evaluateExpression(zone, { 'var.region': '"westeurope"' })).toBe('"privatelink.fhir.azurehealthcareapis.com"');
  });

  test("with an environment: the cloud's literal values, and a plan-time check that the region belongs to it", () => {
    const result = healthApp(tokenRegion, 'usgovernment');
    expect(result.resource('azurerm_healthcare_fhir_service').authentication.audience).toBe('https://health-records.fhir.azurehealthcareapis.us');
    expect(zonesOf(result)).toEqual([
      'privatelink.dicom.azurehealthcareapis.us',
      'privatelink.fhir.azurehealthcareapis.us',
      'privatelink.workspace.azurehealthcareapis.us',
    ]);
    const [precondition] = result.resource('azurerm_healthcare_workspace').lifecycle.precondition as Array<{
      condition: string;
      error_message: string;
    }>;
    expect(precondition.error_message).toContain('the stack\'s azurerm provider deploys to Azure Government (environment "usgovernment")');
    expect(evaluateExpression(precondition.condition, { 'var.region': '"usgovvirginia"' })).toBe('true');
    expect(evaluateExpression(precondition.condition, { 'var.region': '"US DoD East"' })).toBe('true');
    expect(evaluateExpression(precondition.condition, { 'var.region': '"eastus"' })).toBe('false');
  });

  test('with the environment "public": a sovereign region fails the plan-time check', () => {
    const result = healthApp(tokenRegion, 'public');
    const [precondition] = result.resource('azurerm_healthcare_workspace').lifecycle.precondition as Array<{ condition: string }>;
    expect(evaluateExpression(precondition.condition, { 'var.region': '"eastus"' })).toBe('true');
    expect(evaluateExpression(precondition.condition, { 'var.region': '"usgovvirginia"' })).toBe('false');
    expect(evaluateExpression(precondition.condition, { 'var.region': '"chinaeast2"' })).toBe('false');
  });
});
