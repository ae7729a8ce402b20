import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ADDITIONAL_LOCATIONS_CONTEXT, RemovalPolicy, Workspace, WorkspaceProps } from '../lib';
import { errorOf, synth } from './helpers';

const WORKSPACE = 'azurerm_healthcare_workspace';
const base: WorkspaceProps = { name: 'health', location: 'eastus', resourceGroupName: 'rg-health' };

describe('Workspace', () => {
  test('defines the workspace with prevent_destroy by default', () => {
    const ws = synth((stack) => new Workspace(stack, 'Health', base)).resource(WORKSPACE);
    expect(ws).toMatchObject({ name: 'health', location: 'eastus', resource_group_name: 'rg-health', lifecycle: { prevent_destroy: true } });
    expect(ws.tags).toBeUndefined();
  });

  test('normalizes the location the way Azure compares it', () => {
    const ws = synth((stack) => new Workspace(stack, 'Health', { ...base, location: 'East US 2' })).resource(WORKSPACE);
    expect(ws.location).toBe('eastus2');
  });

  test('exposes its attributes', () => {
    let workspace!: Workspace;
    synth((stack) => {
      workspace = new Workspace(stack, 'Health', { ...base, location: 'West Europe' });
    });
    expect(workspace.workspaceName).toBe('health');
    expect(workspace.location).toBe('westeurope');
    expect(workspace.resourceGroupName).toBe('rg-health');
    expect(workspace.workspaceId).toMatch(/TfToken/);
  });

  test('keeps its provider resource as the child "Resource"', () => {
    synth((stack) => {
      const workspace = new Workspace(stack, 'Health', base);
      expect(workspace.node.findChild('Resource')).toBe(workspace.resource);
    });
  });

  test('takes tags and timeouts', () => {
    const ws = synth((stack) => new Workspace(stack, 'Health', { ...base, tags: { env: 'prod' }, timeouts: { create: '45m' } })).resource(WORKSPACE);
    expect(ws.tags).toEqual({ env: 'prod' });
    expect(ws.timeouts).toEqual({ create: '45m' });
  });

  test('RemovalPolicy.DESTROY drops prevent_destroy and warns what a destroy would delete', () => {
    const result = synth((stack) => new Workspace(stack, 'Health', { ...base, removalPolicy: RemovalPolicy.DESTROY }));
    expect(result.resource(WORKSPACE).lifecycle).toBeUndefined();
    expect(result.messages('WARN')).toEqual([
      expect.stringMatching(
        /removalPolicy is RemovalPolicy\.DESTROY: terraform destroy, or a change that replaces the resource, deletes the workspace; .*every FHIR, DICOM and MedTech service/,
      ),
    ]);
  });

  test('the default removal policy warns about nothing', () => {
    expect(synth((stack) => new Workspace(stack, 'Health', base)).annotations).toEqual([]);
  });

  test('accepts tokens for every value', () => {
    const ws = synth((stack) => {
      const group = new ResourceGroup(stack, 'Group', { name: 'rg', location: 'eastus' });
      const name = new TerraformVariable(stack, 'name', { type: 'string' });
      new Workspace(stack, 'Health', { name: name.stringValue, location: group.location, resourceGroupName: group.name });
    }).resource(WORKSPACE);
    expect(ws).toMatchObject({
      name: '${var.name}',
      location: '${azurerm_resource_group.Group.location}',
      resource_group_name: '${azurerm_resource_group.Group.name}',
    });
  });

  test('accepts a region newer than the catalogue through the context escape hatch', () => {
    const ws = synth((stack) => new Workspace(stack, 'Health', { ...base, location: 'Atlantis North' }), {
      context: { [ADDITIONAL_LOCATIONS_CONTEXT]: ['atlantisnorth'] },
    }).resource(WORKSPACE);
    expect(ws.location).toBe('atlantisnorth');
  });

  describe('fails', () => {
    const cases: Array<[string, Partial<WorkspaceProps>, RegExp]> = [
      [
        'with uppercase letters in the name',
        { name: 'Health' },
        /\[stack\/Health\] Workspace name "Health" is invalid: 3-24 lowercase letters or digits.*Use e\.g\. "health"/,
      ],
      ['with a hyphen in the name', { name: 'my-health' }, /Workspace name "my-health" is invalid.*Use e\.g\. "myhealth"/],
      ['with a name shorter than 3', { name: 'ab' }, /Workspace name "ab" is invalid: 3-24/],
      ['with a name longer than 24', { name: 'a'.repeat(25) }, /Workspace name "a{25}" is invalid/],
      ['with an empty location', { location: '' }, /Workspace location "" is invalid: an Azure region name/],
      [
        'with an unknown region, suggesting the nearest',
        { location: 'eastus3' },
        /Workspace location "eastus3" is invalid: not a known Azure region\. Did you mean "eastus[0-9]?"\?.*additionalLocations/,
      ],
      ['with a misspelt region', { location: 'West Eurpoe' }, /Did you mean "westeurope"/],
      [
        'with a resource group name over 90 characters',
        { resourceGroupName: 'r'.repeat(91) },
        /Workspace resourceGroupName "r{91}" is invalid: 1-90/,
      ],
      [
        'with a resource group name ending in a period',
        { resourceGroupName: 'rg-health.' },
        /resourceGroupName "rg-health\." is invalid.*not ending with '\.'.*Use e\.g\. "rg-health"/,
      ],
      ['with a resource group name with a slash', { resourceGroupName: 'rg/health' }, /resourceGroupName "rg\/health" is invalid/],
      [
        'with more than 50 tags',
        { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
        /Workspace tags has 51 tags; Azure allows at most 50/,
      ],
      ['with a tag key over 512 characters', { tags: { ['k'.repeat(513)]: 'v' } }, /tag key may have at most 512 bytes/],
      [
        'with a tag value over 256 characters',
        { tags: { owner: 'v'.repeat(257) } },
        /Workspace tags "owner" has a value of 257 bytes; a tag value may have at most 256 bytes/,
      ],
    ];
    test.each(cases)('%s', (_, override, expected) => {
      expect(errorOf(() => synth((stack) => new Workspace(stack, 'Health', { ...base, ...override })))).toMatch(expected);
    });

    test('with two problems at once, reporting both', () => {
      const message = errorOf(() => synth((stack) => new Workspace(stack, 'Health', { ...base, name: 'Bad_Name', location: 'nowhere' })));
      expect(message).toMatch(/Workspace name "Bad_Name"/);
      expect(message).toMatch(/Workspace location "nowhere"/);
    });

    test('when two workspaces in one app have the same name', () => {
      const message = errorOf(() =>
        synth((stack, app) => {
          new Workspace(stack, 'First', base);
          const other = new TerraformStack(app, 'other');
          new Workspace(other, 'Second', base);
        }),
      );
      expect(message).toMatch(/\[other\/Second\] Workspace name "health" is already used by stack\/First/);
    });
  });
});

describe('Workspace.fromWorkspaceAttributes', () => {
  const id = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health';

  test('reads name and resource group from the id and defines no resource', () => {
    const result = synth((stack) => {
      const imported = Workspace.fromWorkspaceAttributes(stack, 'Existing', { workspaceId: id, location: 'East US' });
      expect(imported).toMatchObject({ workspaceName: 'health', resourceGroupName: 'rg-health', location: 'eastus', workspaceId: id });
      expect(Workspace.isWorkspace(imported)).toBe(true);
    });
    expect(result.resources(WORKSPACE)).toHaveLength(0);
  });

  test('accepts a token id with explicit name and resource group', () => {
    synth((stack) => {
      const variable = new TerraformVariable(stack, 'workspace_id', { type: 'string' });
      const imported = Workspace.fromWorkspaceAttributes(stack, 'Existing', {
        workspaceId: variable.stringValue,
        location: 'eastus',
        workspaceName: 'health',
        resourceGroupName: 'rg-health',
      });
      expect(imported.workspaceName).toBe('health');
    });
  });

  describe('fails', () => {
    test('with an id of another resource type', () => {
      expect(
        errorOf(() =>
          synth((stack) =>
            Workspace.fromWorkspaceAttributes(stack, 'Existing', {
              workspaceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/health',
              location: 'eastus',
            }),
          ),
        ),
      ).toMatch(/Imported workspace workspaceId ".*services\/health" is invalid: a Health Data Services workspace id/);
    });

    test('with a name that contradicts the id', () => {
      expect(
        errorOf(() =>
          synth((stack) => Workspace.fromWorkspaceAttributes(stack, 'Existing', { workspaceId: id, location: 'eastus', workspaceName: 'other' })),
        ),
      ).toMatch(/Imported workspace workspaceName "other" does not match workspaceId, which says "health"/);
    });

    test('with a token id and no name', () => {
      expect(
        errorOf(() =>
          synth((stack) => {
            const variable = new TerraformVariable(stack, 'workspace_id', { type: 'string' });
            Workspace.fromWorkspaceAttributes(stack, 'Existing', { workspaceId: variable.stringValue, location: 'eastus' });
          }),
        ),
      ).toMatch(/needs workspaceName and resourceGroupName when workspaceId is a token/);
    });

    test('with an unknown region', () => {
      expect(errorOf(() => synth((stack) => Workspace.fromWorkspaceAttributes(stack, 'Existing', { workspaceId: id, location: 'mars' })))).toMatch(
        /Imported workspace location "mars" is invalid/,
      );
    });
  });
});
