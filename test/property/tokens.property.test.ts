import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Fn, Lazy, TerraformStack, TerraformVariable, Token } from 'cdktf';
import * as fc from 'fast-check';
import { FhirService, ManagedIdentityType, Workspace } from '../../lib';
import { DEVICE_MAPPING, FHIR_MAPPING, IDENTITY_ID, SUBSCRIPTION } from '../adversarial/corpus';
import { accepts } from './support';

/**
 * A value that is a token (unknown until Terraform runs) is never rejected at synth (DESIGN.md §2), whatever kind
 * of token it is and whichever props carry one. Each run picks a random set of props and a token kind for each.
 */
const KINDS = ['variable', 'function', 'attribute', 'lazy', 'interpolated'] as const;
type Kind = (typeof KINDS)[number];

class Tokens {
  private count = 0;
  constructor(private readonly stack: TerraformStack) {}

  private variable(type: string): TerraformVariable {
    return new TerraformVariable(this.stack, `v${this.count++}`, { type });
  }

  string(kind: Kind): string {
    switch (kind) {
      case 'variable':
        return this.variable('string').stringValue;
      case 'function':
        return Fn.lower(this.variable('string').stringValue);
      case 'attribute':
        return new ResourceGroup(this.stack, `rg${this.count++}`, { name: 'rg', location: 'eastus' }).name;
      case 'lazy':
        return Lazy.stringValue({ produce: () => 'resolved-later' });
      case 'interpolated':
        return `x-${this.variable('string').stringValue}`;
    }
  }

  list(): string[] {
    return this.variable('list(string)').listValue;
  }

  number(): number {
    return this.variable('number').numberValue;
  }

  boolean(): boolean {
    return this.variable('bool').booleanValue as unknown as boolean;
  }

  map(): { [key: string]: string } {
    return Token.asStringMap(this.variable('map(string)').value);
  }
}

/** Which props carry a token in one run, and of which kind. */
interface Choice {
  readonly use: boolean;
  readonly kind: Kind;
}
const choice: fc.Arbitrary<Choice> = fc.record({ use: fc.boolean(), kind: fc.constantFrom(...KINDS) });
const choices = <K extends string>(...props: K[]): fc.Arbitrary<Record<K, Choice>> =>
  fc
    .array(choice, { minLength: props.length, maxLength: props.length })
    .map((picked) => Object.fromEntries(props.map((prop, i) => [prop, picked[i]])) as Record<K, Choice>);

const RUNS = { numRuns: 60 };

describe('token values are never rejected', () => {
  test('Workspace, FhirService and DicomService: any props as tokens', () =>
    fc.assert(
      fc.property(
        choices(
          'wsName',
          'location',
          'group',
          'tagValue',
          'fhirName',
          'authority',
          'audience',
          'exportAccount',
          'registry',
          'origin',
          'identityId',
          'dicomName',
          'keyUrl',
          'storageId',
          'fileSystem',
        ),
        fc.record({
          tagMap: fc.boolean(),
          accessList: fc.boolean(),
          originList: fc.boolean(),
          maxAge: fc.boolean(),
          idList: fc.boolean(),
          flags: fc.boolean(),
          serviceLocation: fc.boolean(),
        }),
        (t, whole) =>
          accepts((stack) => {
            const tokens = new Tokens(stack);
            const s = (prop: keyof typeof t, literal: string): string => (t[prop].use ? tokens.string(t[prop].kind) : literal);
            const workspace = new Workspace(stack, 'Health', {
              name: s('wsName', 'health'),
              location: s('location', 'eastus'),
              resourceGroupName: s('group', 'rg-health'),
              tags: whole.tagMap ? tokens.map() : { env: s('tagValue', 'prod') },
            });
            workspace.addFhirService('Patients', {
              name: s('fhirName', 'patients'),
              location: whole.serviceLocation ? tokens.string('variable') : undefined,
              authentication: {
                authority: s('authority', `https://login.microsoftonline.com/${SUBSCRIPTION}`),
                audience: s('audience', 'https://patients.example'),
              },
              accessPolicyObjectIds: whole.accessList ? tokens.list() : [SUBSCRIPTION],
              configurationExportStorageAccountName: s('exportAccount', 'stexport'),
              containerRegistryLoginServerUrl: [s('registry', 'contoso.azurecr.io')],
              cors: {
                allowedOrigins: whole.originList ? tokens.list() : [s('origin', 'https://app.contoso.com')],
                allowedHeaders: ['*'],
                allowedMethods: ['GET'],
                maxAgeInSeconds: whole.maxAge ? tokens.number() : 600,
              },
              identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: whole.idList ? tokens.list() : [s('identityId', IDENTITY_ID)] },
            });
            workspace.addDicomService('Images', {
              name: s('dicomName', 'images'),
              encryptionKeyUrl: s('keyUrl', 'https://kv.vault.azure.net/keys/dicom'),
              storage: {
                storageAccountId: s('storageId', `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st`),
                fileSystemName: s('fileSystem', 'dicom'),
              },
              identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [IDENTITY_ID] },
              dataPartitionsEnabled: whole.flags ? tokens.boolean() : true,
              publicNetworkAccessEnabled: whole.flags ? tokens.boolean() : false,
            });
          }),
      ),
      RUNS,
    ));

  test('imported workspace and FHIR service: ids, names and location as tokens', () =>
    fc.assert(
      fc.property(choices('id', 'name', 'group', 'location', 'fhirId'), (t) =>
        accepts((stack) => {
          const tokens = new Tokens(stack);
          const idIsToken = t.id.use;
          const workspace = Workspace.fromWorkspaceAttributes(stack, 'Existing', {
            workspaceId: idIsToken
              ? tokens.string(t.id.kind)
              : `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health`,
            // Names must be given when the id is a token; then they may be tokens too.
            workspaceName: idIsToken ? (t.name.use ? tokens.string(t.name.kind) : 'health') : undefined,
            resourceGroupName: idIsToken ? (t.group.use ? tokens.string(t.group.kind) : 'rg-health') : undefined,
            location: t.location.use ? tokens.string(t.location.kind) : 'eastus',
          });
          workspace.addFhirService('Patients', { name: 'patients' });
          FhirService.fromFhirServiceAttributes(stack, 'ExistingFhir', {
            fhirServiceId: t.fhirId.use
              ? tokens.string(t.fhirId.kind)
              : `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/health/fhirServices/patients`,
          });
        }),
      ),
      RUNS,
    ));

  test('MedTechService: names, the event hub and both mappings as tokens', () =>
    fc.assert(
      fc.property(choices('name', 'namespace', 'hub', 'group', 'hubId', 'device', 'fhir', 'destination'), (t) =>
        accepts((stack) => {
          const tokens = new Tokens(stack);
          const s = (prop: keyof typeof t, literal: string): string => (t[prop].use ? tokens.string(t[prop].kind) : literal);
          const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg-health' });
          const records = workspace.addFhirService('Records', { name: 'records' });
          workspace.addMedTechService('Devices', {
            name: s('name', 'devices'),
            eventHub: {
              namespaceName: s('namespace', 'contoso-devices'),
              eventHubName: s('hub', 'telemetry'),
              consumerGroupName: s('group', 'medtech'),
              eventHubId: t.hubId.use ? tokens.string(t.hubId.kind) : undefined,
            },
            deviceMapping: t.device.use ? tokens.string(t.device.kind) : DEVICE_MAPPING,
            destination: {
              fhirService: records,
              identityResolution: 'Create',
              fhirMapping: t.fhir.use ? tokens.string(t.fhir.kind) : FHIR_MAPPING,
              name: s('destination', 'fhir-destination'),
            },
          });
        }),
      ),
      RUNS,
    ));

  test('tokens everywhere also pass the real app.synth()', () =>
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), (kind) =>
        accepts((stack) => {
          const tokens = new Tokens(stack);
          const workspace = new Workspace(stack, 'Health', {
            name: tokens.string(kind),
            location: tokens.string(kind),
            resourceGroupName: tokens.string(kind),
            tags: tokens.map(),
          });
          workspace.addFhirService('Patients', { name: tokens.string(kind), location: tokens.string(kind), accessPolicyObjectIds: tokens.list() });
          workspace.addDicomService('Images', { name: tokens.string(kind), encryptionKeyUrl: tokens.string(kind) });
        }, true),
      ),
      { numRuns: 10 },
    ));
});
