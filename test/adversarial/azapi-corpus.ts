import { TerraformStack } from 'cdktf';
import { EventSubscriptionDestination, FhirServiceOptions, HealthDataEventType, Workspace, WorkspaceProps } from '../../lib';
import { bad, BadInput, VALID_WORKSPACE } from './corpus';

/**
 * Hostile inputs for the settings of issue 10 (AzAPI FHIR settings, the workspace's network access and lock options,
 * the private endpoint's names, monitoring categories, events): JavaScript callers pass anything.
 */
const KEY = 'https://kv-health.vault.azure.net/keys/fhir/0123456789abcdef0123456789abcdef';
const HUB = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/eventhubs/hub';
const LAW = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';
const SUBNET = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';

const workspace = (stack: TerraformStack, props: Partial<WorkspaceProps> = {}) => new Workspace(stack, 'Health', { ...VALID_WORKSPACE, ...props });
const fhirWith =
  (options: Partial<FhirServiceOptions>) =>
  (stack: TerraformStack): void =>
    void workspace(stack).addFhirService('Patients', { name: 'patients', ...options });
const subscriptionWith =
  (options: object) =>
  (stack: TerraformStack): void =>
    void workspace(stack).addEventSubscription('Changes', {
      events: [HealthDataEventType.FHIR_RESOURCE_CREATED],
      destination: EventSubscriptionDestination.eventHub(HUB),
      ...options,
    });

export const AZAPI_CORPUS: readonly BadInput[] = [
  {
    prop: 'FhirService encryptionKeyUrl',
    input: 'a number',
    build: fhirWith({ encryptionKeyUrl: bad(42), identity: bad({ type: 'UserAssigned', identityIds: ['/x'] }) }),
    expected: 'FhirService encryptionKeyUrl 42 is invalid',
  },
  {
    prop: 'FhirService encryptionKeyUrl',
    input: 'a key in a storage account host',
    build: fhirWith({ encryptionKeyUrl: KEY.replace('vault.azure.net', 'blob.core.windows.net') }),
    expected: 'FhirService encryptionKeyUrl "https://kv-health.blob.core.windows.net',
  },
  {
    prop: 'FhirService importConfiguration',
    input: 'a string',
    build: fhirWith({ importConfiguration: bad('stimport') }),
    expected: 'FhirService importConfiguration "stimport" is invalid: an object { integrationDataStore, enabled?, initialImportMode? }',
  },
  {
    prop: 'FhirService importConfiguration',
    input: 'an account id instead of its name',
    build: fhirWith({
      importConfiguration: { integrationDataStore: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st' },
    }),
    expected: 'FhirService importConfiguration.integrationDataStore "/subscriptions/0',
  },
  {
    prop: 'FhirService resourceVersionPolicy',
    input: 'a bare string',
    build: fhirWith({ resourceVersionPolicy: bad('versioned') }),
    expected: 'FhirService resourceVersionPolicy "versioned" is invalid: an object { default, resourceTypeOverrides? }',
  },
  {
    prop: 'FhirService resourceVersionPolicy',
    input: 'overrides as a list',
    build: fhirWith({ resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: bad(['Patient']) } }),
    expected: 'resourceTypeOverrides ["Patient"] is invalid',
  },
  {
    prop: 'FhirService resourceVersionPolicy',
    input: 'no default',
    build: fhirWith({ resourceVersionPolicy: bad({}) }),
    expected: 'FhirService resourceVersionPolicy.default is missing',
  },
  {
    prop: 'FhirService authentication.smartIdentityProviders',
    input: 'null entries',
    build: fhirWith({ authentication: { smartIdentityProviders: bad([null]) } }),
    expected: 'FhirService authentication.smartIdentityProviders[0] null is invalid',
  },
  {
    prop: 'FhirService authentication.smartIdentityProviders',
    input: 'an object instead of a list',
    build: fhirWith({ authentication: { smartIdentityProviders: bad({ authority: 'https://idp.example' }) } }),
    expected: 'FhirService authentication.smartIdentityProviders',
  },
  {
    prop: 'FhirService authentication.smartIdentityProviders',
    input: 'no applications',
    build: fhirWith({ authentication: { smartIdentityProviders: [bad({ authority: 'https://idp.example' })] } }),
    expected: 'applications is missing',
  },
  {
    prop: 'FhirService authentication.smartIdentityProviders',
    input: 'a plain-http authority',
    build: fhirWith({
      authentication: {
        smartIdentityProviders: [{ authority: 'http://idp.example', applications: [{ clientId: 'a', audience: 'b', allowedDataActions: ['Read'] }] }],
      },
    }),
    expected: 'authority "http://idp.example" is invalid',
  },
  {
    prop: 'FhirService implementationGuides',
    input: 'true instead of an object',
    build: fhirWith({ implementationGuides: bad(true) }),
    expected: 'FhirService implementationGuides true is invalid: an object { usCoreMissingData? }',
  },
  {
    prop: 'FhirService resourceProvider',
    input: 'a number',
    build: fhirWith({ resourceProvider: bad(1) }),
    expected: 'FhirService resourceProvider 1 is invalid',
  },
  {
    prop: 'FhirService systemAssignedIdentityExists',
    input: 'a string',
    build: fhirWith({ systemAssignedIdentityExists: bad('true') }),
    expected: 'FhirService systemAssignedIdentityExists "true" is invalid',
  },
  {
    prop: 'Workspace publicNetworkAccessEnabled',
    input: 'the ARM value',
    build: (stack) => void workspace(stack, { publicNetworkAccessEnabled: bad('Disabled') }),
    expected: 'Workspace publicNetworkAccessEnabled "Disabled" is invalid',
  },
  { prop: 'Workspace lock', input: 'null', build: (stack) => void workspace(stack, { lock: bad(null) }), expected: 'Workspace lock null is invalid' },
  {
    prop: 'Workspace lock',
    input: 'a list',
    build: (stack) => void workspace(stack, { lock: bad(['CanNotDelete']) }),
    expected: 'Workspace lock ["CanNotDelete"] is invalid',
  },
  {
    prop: 'Workspace lock.name',
    input: 'a number',
    build: (stack) => void workspace(stack, { lock: bad({ level: 'CanNotDelete', name: 7 }) }),
    expected: 'Workspace lock.name 7 is invalid',
  },
  {
    prop: 'Private endpoint privateServiceConnectionName',
    input: 'a slash',
    build: (stack) => void workspace(stack).addPrivateEndpoint('PrivateLink', { subnetId: SUBNET, privateServiceConnectionName: 'a/b' }),
    expected: 'Private endpoint privateServiceConnectionName "a/b" is invalid',
  },
  {
    prop: 'Workspace monitoring.logCategories',
    input: 'a string instead of a list',
    build: (stack) => void workspace(stack, { monitoring: { logAnalyticsWorkspaceId: LAW, logCategories: bad('AuditLogs') } }),
    expected: 'Workspace monitoring.logCategories',
  },
  {
    prop: 'Workspace monitoring.logCategoryGroups',
    input: 'null entries',
    build: (stack) => void workspace(stack, { monitoring: { logAnalyticsWorkspaceId: LAW, logCategoryGroups: bad([null]) } }),
    expected: 'Workspace monitoring.logCategoryGroups[0] null is invalid',
  },
  {
    prop: 'Event subscription events',
    input: 'a string instead of a list',
    build: subscriptionWith({ events: 'Microsoft.HealthcareApis.FhirResourceCreated' }),
    expected: 'Event subscription eventTypes',
  },
  {
    prop: 'Event subscription destination',
    input: 'a plain object',
    build: subscriptionWith({ destination: { eventhubEndpointId: HUB } }),
    expected: 'Event subscription destination {"eventhubEndpointId":',
  },
  {
    prop: 'Event subscription services',
    input: 'null entries',
    build: subscriptionWith({ services: [null] }),
    expected: 'Event subscription services[0] is invalid: a FhirService or DicomService defined in this app',
  },
  {
    prop: 'Event subscription services',
    input: 'a string',
    build: subscriptionWith({ services: 'patients' }),
    expected: 'Event subscription services is invalid',
  },
  {
    prop: 'Event subscription retryPolicy',
    input: 'a number',
    build: subscriptionWith({ retryPolicy: 3 }),
    expected: 'Event subscription retryPolicy 3 is invalid',
  },
  {
    prop: 'Event subscription deadLetter',
    input: 'no container',
    build: subscriptionWith({
      deadLetter: { storageAccountId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st' },
    }),
    expected: 'Event subscription deadLetter.containerName is missing',
  },
  {
    prop: 'Event subscription fhirResourceTypes',
    input: 'a lowercase type',
    build: subscriptionWith({ fhirResourceTypes: ['patient'] }),
    expected: 'Event subscription fhirResourceTypes[0] "patient" is invalid',
  },
  {
    prop: 'Event subscription options',
    input: 'null',
    build: (stack) => void workspace(stack).addEventSubscription('Changes', bad(null)),
    expected: 'Event subscription',
  },
];
