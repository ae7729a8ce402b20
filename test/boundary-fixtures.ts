import { MedTechService, Workspace, WorkspaceProps } from '../lib';

/** Resource ids and values shared by the workspace-boundary tests (monitoring, access, network, lock, compliance). */
export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const LAW_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-health`;
export const OTHER_LAW_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-imaging`;
export const ARCHIVE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.Storage/storageAccounts/starchive`;
export const EVENT_HUB_RULE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.EventHub/namespaces/siem/authorizationRules/send`;
export const VNET_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-health`;
export const SUBNET_ID = `${VNET_ID}/subnets/endpoints`;
export const ZONE_IDS = ['workspace', 'fhir', 'dicom'].map(
  (kind) =>
    `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.${kind}.azurehealthcareapis.com`,
);
export const PRINCIPAL = '11111111-2222-3333-4444-555555555555';
export const OTHER_PRINCIPAL = '66666666-7777-8888-9999-000000000000';
export const KEY_URL = 'https://kv-health.vault.azure.net/keys/dicom/0123456789abcdef0123456789abcdef';

export const BASE_WORKSPACE: WorkspaceProps = { name: 'health', location: 'eastus', resourceGroupName: 'rg-health' };

/** A MedTech service with the smallest valid configuration (names for the event hub, an empty device mapping). */
export function addMedTech(workspace: Workspace, id = 'Devices', extra: { monitoring?: false } = {}): MedTechService {
  return workspace.addMedTechService(id, {
    name: id.toLowerCase(),
    eventHub: {
      namespaceName: 'contoso-devices',
      eventHubName: 'telemetry',
      consumerGroupName: id === 'Devices' ? 'medtech' : `medtech-${id.toLowerCase()}`,
    },
    deviceMapping: { templateType: 'CollectionContent', template: [] },
    ...extra,
  });
}
