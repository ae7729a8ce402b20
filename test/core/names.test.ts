import { App, TerraformStack } from 'cdktf';
import {
  checkResourceIdLength,
  parseWorkspaceId,
  RESOURCE_GROUP_NAME_RULE,
  SERVICE_NAME_RULE,
  UUID_RULE,
  WORKSPACE_NAME_RULE,
} from '../../lib/core/names';
import { InputProblems } from '../../lib/core/validation';

describe("name rules (Azure's, stricter than the provider where they differ)", () => {
  test.each([
    ['health', true],
    ['h01', true],
    ['Health', false],
    ['he', false],
    ['a'.repeat(24), true],
    ['a'.repeat(25), false],
    ['health-ws', false],
  ])('workspace %j → %s', (name, valid) => expect(WORKSPACE_NAME_RULE.test(name)).toBe(valid));

  test.each([
    ['patients', true],
    ['patients-fhir', true],
    ['p1x', true],
    ['-patients', false],
    ['patients-', false],
    ['patients_fhir', false],
    ['a'.repeat(24), true],
    ['a'.repeat(25), false],
    ['ab', false],
  ])('service %j → %s', (name, valid) => expect(SERVICE_NAME_RULE.test(name)).toBe(valid));

  test.each([
    ['rg-health', true],
    ['rg.health_(1)', true],
    ['rg.', false],
    ['a'.repeat(90), true],
    ['a'.repeat(91), false],
    ['rg health', false],
  ])('resource group %j → %s', (name, valid) => expect(RESOURCE_GROUP_NAME_RULE.test(name)).toBe(valid));

  test('UUIDs', () => {
    expect(UUID_RULE.test('11111111-2222-3333-4444-555555555555')).toBe(true);
    expect(UUID_RULE.test('clinicians')).toBe(false);
  });

  test('a service resource id stays within 253 characters', () => {
    const problems = new InputProblems(new TerraformStack(new App(), 'stack'));
    checkResourceIdLength(problems, 'FhirService', 'g'.repeat(90), 'w'.repeat(24), ['fhirServices', 'f'.repeat(24)], 'Shorten.');
    expect(problems.all).toEqual([expect.stringMatching(/FhirService resource id would be \d+ characters/)]);
  });

  test('parses a workspace id into its name and resource group', () => {
    expect(parseWorkspaceId('/subscriptions/s/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health')).toEqual({
      resourceGroupName: 'rg-health',
      workspaceName: 'health',
    });
    expect(parseWorkspaceId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/x')).toBeUndefined();
  });
});
