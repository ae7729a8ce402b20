import { DicomService, Workspace } from '../lib';
import { addMedTech, BASE_WORKSPACE, SUBNET_ID, SUBSCRIPTION } from './boundary-fixtures';
import { errorOf, synth } from './helpers';

const WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health`;

/** Two constructs that would be one Azure resource (or fight over one) fail at synth, not at deploy. */
describe('two constructs for one Azure resource', () => {
  test('the same workspace imported twice with different regions fails', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          Workspace.fromWorkspaceAttributes(stack, 'A', { workspaceId: WORKSPACE_ID, location: 'eastus' });
          Workspace.fromWorkspaceAttributes(stack, 'B', { workspaceId: WORKSPACE_ID, location: 'westeurope' });
        }),
      ),
    ).toBe(
      '[stack/B] Workspace location "westeurope" is invalid: this is the Azure workspace "health" of resource group "rg-health", which stack/A places in "eastus", and a workspace has one region. Use "eastus".',
    );
  });

  test('a defined workspace and an imported copy share the service names (and the same region is fine)', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          new Workspace(stack, 'Health', BASE_WORKSPACE).addDicomService('Images', { name: 'images' });
          const copy = Workspace.fromWorkspaceAttributes(stack, 'Copy', { workspaceId: WORKSPACE_ID, location: 'East US' });
          new DicomService(stack, 'Again', { name: 'Images', workspace: copy });
        }),
      ),
    ).toMatch(/^\[stack\/Again\] DicomService name "Images" is already used by stack\/Health\/Images in the same workspace/);
    const ok = synth((stack) => {
      new Workspace(stack, 'Health', BASE_WORKSPACE).addDicomService('Images', { name: 'images' });
      Workspace.fromWorkspaceAttributes(stack, 'Copy', { workspaceId: WORKSPACE_ID, location: 'eastus' }).addDicomService('Other', { name: 'other' });
    });
    expect(ok.resources('azurerm_healthcare_dicom_service')).toHaveLength(2);
  });

  test('two private endpoints without names in one resource group fail with a fix', () => {
    expect(
      errorOf(() =>
        synth((stack) => {
          const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
          workspace.addPrivateEndpoint('One', { subnetId: SUBNET_ID });
          workspace.addPrivateEndpoint('Two', { subnetId: SUBNET_ID });
        }),
      ),
    ).toBe(
      '[stack/Health/Two] Private endpoint name "pe-health" is already used by stack/Health/One in resource group "rg-health": Azure would replace one endpoint with the other. Give this one its own name (name: "pe-health-2"), or another resourceGroupName.',
    );
    const ok = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
      workspace.addPrivateEndpoint('One', { subnetId: SUBNET_ID });
      workspace.addPrivateEndpoint('Two', { subnetId: SUBNET_ID, name: 'pe-health-2' });
    });
    expect(ok.resources('azurerm_private_endpoint')).toHaveLength(2);
  });

  test('two MedTech services reading one consumer group fail; separate groups are fine', () => {
    const workspace = (stack: Parameters<Parameters<typeof synth>[0]>[0]) =>
      new Workspace(stack, 'Health', { ...BASE_WORKSPACE, location: 'westus2' });
    expect(
      errorOf(() =>
        synth((stack) => {
          const health = workspace(stack);
          addMedTech(health, 'Devices');
          health.addMedTechService('Wearables', {
            name: 'wearables',
            eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' },
            deviceMapping: { templateType: 'CollectionContent', template: [] },
          });
        }),
      ),
    ).toMatch(
      /^\[stack\/Health\/Wearables\] MedTechService eventHub consumer group "medtech" of event hub "contoso-devices\/telemetry" is already read by stack\/Health\/Devices: each reader needs its own consumer group/,
    );
    const ok = synth((stack) => {
      const health = workspace(stack);
      addMedTech(health, 'Devices');
      health.addMedTechService('Wearables', {
        name: 'wearables',
        eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'wearables' },
        deviceMapping: { templateType: 'CollectionContent', template: [] },
      });
    });
    expect(ok.resources('azurerm_healthcare_medtech_service')).toHaveLength(2);
  });
});
