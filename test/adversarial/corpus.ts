import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  DicomServiceOptions,
  FhirService,
  FhirServiceOptions,
  FhirVersion,
  ManagedIdentityType,
  MedTechServiceOptions,
  Workspace,
  WorkspaceAttributes,
  WorkspaceProps,
} from '../../lib';

/**
 * The adversarial corpus: inputs a user could write (or a JavaScript caller could pass) that Azure or the azurerm
 * provider would reject, each with a fragment of the message the synth must fail with. adversarial.test.ts runs
 * every entry through the real `app.synth()`.
 *
 * Values of the wrong JavaScript type are passed through `bad()`: TypeScript would refuse them, JavaScript and
 * JSON-driven callers (config files, generated apps) do not.
 */
export interface BadInput {
  /** The construct and the prop probed, e.g. "FhirService name". */
  readonly prop: string;
  /** What is wrong with the value. */
  readonly input: string;
  /** Builds the bad app in a stack that already has an azurerm provider. */
  readonly build: (stack: TerraformStack) => void;
  /** A fragment the error message must contain, verbatim. */
  readonly expected: string;
}

/** A value of the wrong type, as a JavaScript caller would pass it. */
export function bad<T>(value: unknown): T {
  return value as T;
}

export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const VALID_WORKSPACE: WorkspaceProps = { name: 'health', location: 'eastus', resourceGroupName: 'rg-health' };
export const WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health`;
export const FHIR_ID = `${WORKSPACE_ID}/fhirServices/patients`;
export const IDENTITY_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir`;
const STORAGE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.Storage/storageAccounts/stlake`;
const VALID_CORS = { allowedOrigins: ['https://app.contoso.com'], allowedHeaders: ['*'], allowedMethods: ['GET' as const] };

function workspace(stack: TerraformStack, props: Partial<WorkspaceProps> = {}): Workspace {
  return new Workspace(stack, 'Health', { ...VALID_WORKSPACE, ...props });
}
const workspaceWith =
  (props: Partial<WorkspaceProps>) =>
  (stack: TerraformStack): void =>
    void workspace(stack, props);
const fhirWith =
  (options: Partial<FhirServiceOptions>, workspaceProps: Partial<WorkspaceProps> = {}) =>
  (stack: TerraformStack): void =>
    void workspace(stack, workspaceProps).addFhirService('Patients', { name: 'patients', ...options });
const dicomWith =
  (options: Partial<DicomServiceOptions>, workspaceProps: Partial<WorkspaceProps> = {}) =>
  (stack: TerraformStack): void =>
    void workspace(stack, workspaceProps).addDicomService('Images', { name: 'images', ...options });
const importedWith =
  (attrs: Partial<WorkspaceAttributes>) =>
  (stack: TerraformStack): void =>
    void Workspace.fromWorkspaceAttributes(stack, 'Existing', { workspaceId: WORKSPACE_ID, location: 'eastus', ...attrs });
const importedFhirWith =
  (attrs: Partial<Parameters<typeof FhirService.fromFhirServiceAttributes>[2]>) =>
  (stack: TerraformStack): void =>
    void FhirService.fromFhirServiceAttributes(stack, 'ExistingFhir', { fhirServiceId: FHIR_ID, ...attrs });

const LONG = 'a'.repeat(10_000);
const manyTags = (count: number): Record<string, string> => Object.fromEntries(Array.from({ length: count }, (_, i) => [`tag${i}`, 'x']));
const manyOrigins = (count: number): string[] => Array.from({ length: count }, (_, i) => `https://app${i}.contoso.com`);

// ---------------------------------------------------------------------------------------------------- Workspace

const WORKSPACE: BadInput[] = [
  {
    prop: 'Workspace name',
    input: 'uppercase and underscore',
    build: workspaceWith({ name: 'Health_WS' }),
    expected: 'Workspace name "Health_WS" is invalid: 3-24 lowercase letters or digits (no hyphens, no uppercase). Use e.g. "healthws".',
  },
  { prop: 'Workspace name', input: 'a hyphen', build: workspaceWith({ name: 'health-ws' }), expected: 'Workspace name "health-ws" is invalid' },
  {
    prop: 'Workspace name',
    input: 'too short (2)',
    build: workspaceWith({ name: 'hw' }),
    expected: 'Workspace name "hw" is invalid: 3-24 lowercase letters or digits',
  },
  {
    prop: 'Workspace name',
    input: 'too long (25)',
    build: workspaceWith({ name: 'h'.repeat(25) }),
    expected: `Workspace name "${'h'.repeat(25)}" is invalid`,
  },
  { prop: 'Workspace name', input: 'very long (10,000 characters)', build: workspaceWith({ name: LONG }), expected: 'Workspace name "aaaa' },
  { prop: 'Workspace name', input: 'empty string', build: workspaceWith({ name: '' }), expected: 'Workspace name "" is invalid' },
  { prop: 'Workspace name', input: 'accented letter', build: workspaceWith({ name: 'sanité' }), expected: 'Workspace name "sanité" is invalid' },
  {
    prop: 'Workspace name',
    input: 'fullwidth unicode letters',
    build: workspaceWith({ name: 'ｈｅａｌｔｈ' }),
    expected: 'Workspace name "ｈｅａｌｔｈ" is invalid',
  },
  {
    prop: 'Workspace name',
    input: 'a zero-width space',
    build: workspaceWith({ name: 'heal\u200bth' }),
    expected: 'Workspace name "heal\u200bth" is invalid',
  },
  { prop: 'Workspace name', input: 'a number', build: workspaceWith({ name: bad(42) }), expected: 'Workspace name 42 is invalid' },
  { prop: 'Workspace name', input: 'null', build: workspaceWith({ name: bad(null) }), expected: 'Workspace name null is invalid' },
  {
    prop: 'Workspace name',
    input: 'an object',
    build: workspaceWith({ name: bad({ value: 'health' }) }),
    expected: 'Workspace name {"value":"health"} is invalid',
  },
  {
    prop: 'Workspace name',
    input: 'missing (undefined)',
    build: workspaceWith({ name: bad(undefined) }),
    expected: 'Workspace name is missing: give 3-24 lowercase letters or digits',
  },
  {
    prop: 'Workspace name',
    input: 'the same name twice in one app',
    build: (stack) => {
      workspace(stack);
      new Workspace(stack, 'Other', { ...VALID_WORKSPACE, resourceGroupName: 'rg-other' });
    },
    expected: 'Workspace name "health" is already used by stack/Health: workspace names must be unique.',
  },
  {
    prop: 'Workspace location',
    input: 'an unknown region',
    build: workspaceWith({ location: 'East US 3' }),
    expected: 'Workspace location "East US 3" is invalid: not a known Azure region. Did you mean "eastus"?',
  },
  {
    prop: 'Workspace location',
    input: 'a hyphenated misspelling',
    build: workspaceWith({ location: 'west-europe' }),
    expected: 'Did you mean "westeurope"?',
  },
  {
    prop: 'Workspace location',
    input: 'empty string',
    build: workspaceWith({ location: '' }),
    expected: 'Workspace location "" is invalid: an Azure region name such as "eastus" is required.',
  },
  {
    prop: 'Workspace location',
    input: 'whitespace only',
    build: workspaceWith({ location: '   ' }),
    expected: 'Workspace location "   " is invalid',
  },
  { prop: 'Workspace location', input: 'a number', build: workspaceWith({ location: bad(1) }), expected: 'Workspace location 1 is invalid' },
  { prop: 'Workspace location', input: 'null', build: workspaceWith({ location: bad(null) }), expected: 'Workspace location null is invalid' },
  {
    prop: 'Workspace location',
    input: 'missing (undefined)',
    build: workspaceWith({ location: bad(undefined) }),
    expected: 'Workspace location undefined is invalid: an Azure region name such as "eastus" is required.',
  },
  {
    prop: 'Workspace location',
    input: 'a display name in another language',
    build: workspaceWith({ location: 'Europe de l’Ouest' }),
    expected: 'is invalid: not a known Azure region',
  },
  {
    prop: 'Workspace resourceGroupName',
    input: 'ends with a period',
    build: workspaceWith({ resourceGroupName: 'rg-health.' }),
    expected: `Workspace resourceGroupName "rg-health." is invalid: 1-90 letters, digits, '-', '_', '.', '(' or ')', not ending with '.'.`,
  },
  {
    prop: 'Workspace resourceGroupName',
    input: 'spaces',
    build: workspaceWith({ resourceGroupName: 'rg health' }),
    expected: 'Workspace resourceGroupName "rg health" is invalid',
  },
  {
    prop: 'Workspace resourceGroupName',
    input: 'too long (91)',
    build: workspaceWith({ resourceGroupName: 'r'.repeat(91) }),
    expected: `Workspace resourceGroupName "${'r'.repeat(91)}" is invalid`,
  },
  {
    prop: 'Workspace resourceGroupName',
    input: 'empty string',
    build: workspaceWith({ resourceGroupName: '' }),
    expected: 'Workspace resourceGroupName "" is invalid',
  },
  {
    prop: 'Workspace resourceGroupName',
    input: 'a slash (a path, not a name)',
    build: workspaceWith({ resourceGroupName: '/resourceGroups/rg-health' }),
    expected: 'Workspace resourceGroupName "/resourceGroups/rg-health" is invalid',
  },
  {
    prop: 'Workspace resourceGroupName',
    input: 'a number',
    build: workspaceWith({ resourceGroupName: bad(7) }),
    expected: 'Workspace resourceGroupName 7 is invalid',
  },
  {
    prop: 'Workspace resourceGroupName',
    input: 'missing (undefined)',
    build: workspaceWith({ resourceGroupName: bad(undefined) }),
    expected: 'Workspace resourceGroupName is missing',
  },
  {
    prop: 'Workspace tags',
    input: '51 tags',
    build: workspaceWith({ tags: manyTags(51) }),
    expected: 'Workspace tags has 51 tags; Azure allows at most 50 per resource.',
  },
  {
    prop: 'Workspace tags',
    input: 'a key of 513 characters',
    build: workspaceWith({ tags: { ['k'.repeat(513)]: 'x' } }),
    expected: 'is 513 bytes; a tag key may have at most 512 bytes',
  },
  {
    prop: 'Workspace tags',
    input: 'a value of 257 characters',
    build: workspaceWith({ tags: { owner: 'v'.repeat(257) } }),
    expected: 'Workspace tags "owner" has a value of 257 bytes; a tag value may have at most 256 bytes',
  },
  {
    prop: 'Workspace tags',
    input: 'a number value',
    build: workspaceWith({ tags: bad({ costCenter: 1234 }) }),
    expected: 'Workspace tags "costCenter" has a number value; tag values are strings.',
  },
  {
    prop: 'Workspace tags',
    input: 'a null value',
    build: workspaceWith({ tags: bad({ owner: null }) }),
    expected: 'Workspace tags "owner" has a null value',
  },
  {
    prop: 'Workspace tags',
    input: 'null',
    build: workspaceWith({ tags: bad(null) }),
    expected: 'Workspace tags null is invalid: a map of tag names to string values',
  },
  {
    prop: 'Workspace tags',
    input: 'a string',
    build: workspaceWith({ tags: bad('environment=prod') }),
    expected: 'Workspace tags "environment=prod" is invalid: a map of tag names to string values',
  },
  { prop: 'Workspace tags', input: 'an array', build: workspaceWith({ tags: bad(['prod']) }), expected: 'Workspace tags ["prod"] is invalid' },
  {
    prop: 'Workspace removalPolicy',
    input: 'the enum key as a string',
    build: workspaceWith({ removalPolicy: bad('RETAIN') }),
    expected: 'removalPolicy "RETAIN" is invalid: RemovalPolicy.RETAIN ("retain") or RemovalPolicy.DESTROY ("destroy"). Use RemovalPolicy.RETAIN.',
  },
  {
    prop: 'Workspace removalPolicy',
    input: 'an unknown word',
    build: workspaceWith({ removalPolicy: bad('keep') }),
    expected: 'removalPolicy "keep" is invalid',
  },
  {
    prop: 'Workspace removalPolicy',
    input: 'a boolean',
    build: workspaceWith({ removalPolicy: bad(true) }),
    expected: 'removalPolicy true is invalid',
  },
];

// ------------------------------------------------------------------------------------------------- FhirService

const FHIR: BadInput[] = [
  {
    prop: 'FhirService name',
    input: 'an underscore',
    build: fhirWith({ name: 'patients_fhir' }),
    expected: `FhirService name "patients_fhir" is invalid: 3-24 letters, digits or '-', starting and ending with a letter or digit. Use e.g. "patients-fhir".`,
  },
  {
    prop: 'FhirService name',
    input: 'a leading hyphen',
    build: fhirWith({ name: '-patients' }),
    expected: 'FhirService name "-patients" is invalid',
  },
  {
    prop: 'FhirService name',
    input: 'a trailing hyphen',
    build: fhirWith({ name: 'patients-' }),
    expected: 'FhirService name "patients-" is invalid',
  },
  { prop: 'FhirService name', input: 'too short (2)', build: fhirWith({ name: 'pa' }), expected: 'FhirService name "pa" is invalid' },
  {
    prop: 'FhirService name',
    input: 'too long (25)',
    build: fhirWith({ name: 'p'.repeat(25) }),
    expected: `FhirService name "${'p'.repeat(25)}" is invalid`,
  },
  { prop: 'FhirService name', input: 'a dot', build: fhirWith({ name: 'patients.fhir' }), expected: 'FhirService name "patients.fhir" is invalid' },
  { prop: 'FhirService name', input: 'an umlaut', build: fhirWith({ name: 'pätients' }), expected: 'FhirService name "pätients" is invalid' },
  { prop: 'FhirService name', input: 'an emoji', build: fhirWith({ name: 'patients🏥' }), expected: 'FhirService name "patients🏥" is invalid' },
  { prop: 'FhirService name', input: 'empty string', build: fhirWith({ name: '' }), expected: 'FhirService name "" is invalid' },
  { prop: 'FhirService name', input: 'a number', build: fhirWith({ name: bad(42) }), expected: 'FhirService name 42 is invalid' },
  { prop: 'FhirService name', input: 'null', build: fhirWith({ name: bad(null) }), expected: 'FhirService name null is invalid' },
  { prop: 'FhirService name', input: 'missing (undefined)', build: fhirWith({ name: bad(undefined) }), expected: 'FhirService name is missing' },
  {
    prop: 'FhirService name',
    input: 'twice in one workspace, differing only in case',
    build: (stack) => {
      const health = workspace(stack);
      health.addFhirService('Patients', { name: 'patients' });
      health.addFhirService('Patients2', { name: 'Patients' });
    },
    expected: 'FhirService name "Patients" is already used by stack/Health/Patients in the same workspace',
  },
  {
    prop: 'FhirService location',
    input: 'another region than the workspace',
    build: fhirWith({ location: 'westus' }),
    expected: 'FhirService location "westus" is invalid: a service is in its workspace stack/Health\'s region',
  },
  {
    prop: 'FhirService location',
    input: 'an unknown region',
    build: fhirWith({ location: 'eastus9' }),
    expected: 'FhirService location "eastus9" is invalid: not a known Azure region',
  },
  { prop: 'FhirService location', input: 'a number', build: fhirWith({ location: bad(42) }), expected: 'FhirService location 42 is invalid' },
  {
    prop: 'FhirService kind',
    input: 'an unknown FHIR version',
    build: fhirWith({ kind: bad('fhir-R5') }),
    expected: 'FhirService kind "fhir-R5" is invalid: one of "fhir-R4", "fhir-Stu3".',
  },
  { prop: 'FhirService kind', input: 'the wrong case', build: fhirWith({ kind: bad('FHIR-R4') }), expected: 'Use FhirVersion.R4 ("fhir-R4").' },
  { prop: 'FhirService kind', input: 'a number', build: fhirWith({ kind: bad(4) }), expected: 'FhirService kind 4 is invalid' },
  {
    prop: 'FhirService authentication.authority',
    input: 'http instead of https',
    build: fhirWith({ authentication: { authority: `http://login.microsoftonline.com/${SUBSCRIPTION}` } }),
    expected: `Use "https://login.microsoftonline.com/${SUBSCRIPTION}".`,
  },
  {
    prop: 'FhirService authentication.authority',
    input: 'no tenant in the path',
    build: fhirWith({ authentication: { authority: 'https://login.microsoftonline.com' } }),
    expected: 'FhirService authentication.authority "https://login.microsoftonline.com" is invalid: the https URL of an Entra ID tenant',
  },
  {
    prop: 'FhirService authentication.authority',
    input: 'not a URL',
    build: fhirWith({ authentication: { authority: 'contoso tenant' } }),
    expected: 'FhirService authentication.authority "contoso tenant" is invalid',
  },
  {
    prop: 'FhirService authentication.authority',
    input: 'a number',
    build: fhirWith({ authentication: { authority: bad(1) } }),
    expected: 'FhirService authentication.authority 1 is invalid',
  },
  {
    prop: 'FhirService authentication.audience',
    input: 'empty string',
    build: fhirWith({ authentication: { audience: '' } }),
    expected: 'FhirService authentication.audience "" is invalid: a non-empty string.',
  },
  {
    prop: 'FhirService authentication.audience',
    input: 'whitespace only',
    build: fhirWith({ authentication: { audience: ' \t ' } }),
    expected: 'FhirService authentication.audience " \\t " is invalid',
  },
  {
    prop: 'FhirService authentication.smartProxyEnabled',
    input: 'a string',
    build: fhirWith({ authentication: { smartProxyEnabled: bad('yes') } }),
    expected: 'FhirService authentication.smartProxyEnabled "yes" is invalid: true or false.',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: 'a trailing slash',
    build: fhirWith({ cors: { ...VALID_CORS, allowedOrigins: ['https://app.contoso.com/'] } }),
    expected:
      'FhirService cors.allowedOrigins[0] "https://app.contoso.com/" is invalid: an origin "http(s)://host[:port]" without path or trailing slash, or "*". Use "https://app.contoso.com".',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: 'a path',
    build: fhirWith({ cors: { ...VALID_CORS, allowedOrigins: ['https://app.contoso.com/portal'] } }),
    expected: 'Use "https://app.contoso.com".',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: 'another scheme',
    build: fhirWith({ cors: { ...VALID_CORS, allowedOrigins: ['ftp://files.contoso.com'] } }),
    expected: 'FhirService cors.allowedOrigins[0] "ftp://files.contoso.com" is invalid',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: 'an empty list',
    build: fhirWith({ cors: { ...VALID_CORS, allowedOrigins: [] } }),
    expected: 'FhirService cors.allowedOrigins [] is invalid: a list of 1-64 entries.',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: '65 entries',
    build: fhirWith({ cors: { ...VALID_CORS, allowedOrigins: manyOrigins(65) } }),
    expected: 'is invalid: a list of 1-64 entries.',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: 'a string instead of a list',
    build: fhirWith({ cors: { ...VALID_CORS, allowedOrigins: bad('https://app.contoso.com') } }),
    expected: 'FhirService cors.allowedOrigins "https://app.contoso.com" is invalid: a list (array)',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: 'missing',
    build: fhirWith({ cors: bad({ allowedHeaders: ['*'], allowedMethods: ['GET'] }) }),
    expected: 'FhirService cors.allowedOrigins is missing: give a list of 1-64 entries.',
  },
  {
    prop: 'FhirService cors.allowedOrigins',
    input: 'null',
    build: fhirWith({ cors: { ...VALID_CORS, allowedOrigins: bad(null) } }),
    expected: 'FhirService cors.allowedOrigins null is invalid: a list (array)',
  },
  {
    prop: 'FhirService cors.allowedMethods',
    input: 'lowercase',
    build: fhirWith({ cors: { ...VALID_CORS, allowedMethods: bad(['get']) } }),
    expected:
      'FhirService cors.allowedMethods[0] "get" is invalid: one of DELETE, GET, HEAD, MERGE, POST, OPTIONS, PUT, PATCH (uppercase). Use "GET".',
  },
  {
    prop: 'FhirService cors.allowedMethods',
    input: 'a method Azure does not list',
    build: fhirWith({ cors: { ...VALID_CORS, allowedMethods: bad(['CONNECT']) } }),
    expected: 'FhirService cors.allowedMethods[0] "CONNECT" is invalid',
  },
  {
    prop: 'FhirService cors.allowedMethods',
    input: 'a number entry',
    build: fhirWith({ cors: { ...VALID_CORS, allowedMethods: bad([200]) } }),
    expected: 'FhirService cors.allowedMethods[0] 200 is invalid',
  },
  {
    prop: 'FhirService cors.allowedHeaders',
    input: 'an empty header name',
    build: fhirWith({ cors: { ...VALID_CORS, allowedHeaders: [''] } }),
    expected: 'FhirService cors.allowedHeaders[0] "" is invalid: a non-empty header name or "*".',
  },
  {
    prop: 'FhirService cors.maxAgeInSeconds',
    input: 'above 99999',
    build: fhirWith({ cors: { ...VALID_CORS, maxAgeInSeconds: 100_000 } }),
    expected: 'FhirService cors.maxAgeInSeconds 100000 is invalid: a whole number of seconds from 0 to 99999.',
  },
  {
    prop: 'FhirService cors.maxAgeInSeconds',
    input: 'negative',
    build: fhirWith({ cors: { ...VALID_CORS, maxAgeInSeconds: -1 } }),
    expected: 'FhirService cors.maxAgeInSeconds -1 is invalid',
  },
  {
    prop: 'FhirService cors.maxAgeInSeconds',
    input: 'a fraction',
    build: fhirWith({ cors: { ...VALID_CORS, maxAgeInSeconds: 1.5 } }),
    expected: 'FhirService cors.maxAgeInSeconds 1.5 is invalid',
  },
  {
    prop: 'FhirService cors.maxAgeInSeconds',
    input: 'a numeric string',
    build: fhirWith({ cors: { ...VALID_CORS, maxAgeInSeconds: bad('600') } }),
    expected: 'FhirService cors.maxAgeInSeconds "600" is invalid',
  },
  {
    prop: 'FhirService cors.maxAgeInSeconds',
    input: 'NaN',
    build: fhirWith({ cors: { ...VALID_CORS, maxAgeInSeconds: NaN } }),
    expected: 'FhirService cors.maxAgeInSeconds NaN is invalid',
  },
  {
    prop: 'FhirService cors.allowCredentials',
    input: 'a string',
    build: fhirWith({ cors: { ...VALID_CORS, allowCredentials: bad('true') } }),
    expected: 'FhirService cors.allowCredentials "true" is invalid: true or false.',
  },
  {
    prop: 'FhirService cors',
    input: 'null',
    build: fhirWith({ cors: bad(null) }),
    expected: 'FhirService cors null is invalid: an object { allowedOrigins, allowedHeaders, allowedMethods, maxAgeInSeconds?, allowCredentials? }.',
  },
  {
    prop: 'FhirService cors',
    input: 'a list of origins instead of the object',
    build: fhirWith({ cors: bad(['https://app.contoso.com']) }),
    expected: 'FhirService cors ["https://app.contoso.com"] is invalid: an object',
  },
  {
    prop: 'FhirService identity.type',
    input: 'both kinds (DICOM only)',
    build: fhirWith({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED, identityIds: [IDENTITY_ID] } }),
    expected: 'FhirService identity.type "SystemAssigned, UserAssigned" is invalid: one of "SystemAssigned", "UserAssigned" for this service.',
  },
  {
    prop: 'FhirService identity.type',
    input: 'lowercase',
    build: fhirWith({ identity: { type: bad('systemassigned') } }),
    expected: 'Use ManagedIdentityType.SYSTEM_ASSIGNED ("SystemAssigned").',
  },
  {
    prop: 'FhirService identity.type',
    input: '"None"',
    build: fhirWith({ identity: { type: bad('None') } }),
    expected: 'FhirService identity.type "None" is invalid',
  },
  {
    prop: 'FhirService identity.identityIds',
    input: 'missing with a user-assigned type',
    build: fhirWith({ identity: { type: ManagedIdentityType.USER_ASSIGNED } }),
    expected: 'FhirService identity type "UserAssigned" needs at least one identityIds entry',
  },
  {
    prop: 'FhirService identity.identityIds',
    input: 'given with a system-assigned type',
    build: fhirWith({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED, identityIds: [IDENTITY_ID] } }),
    expected: 'FhirService identity.identityIds can only be given with a user-assigned type, but type is "SystemAssigned".',
  },
  {
    prop: 'FhirService identity.identityIds',
    input: 'a name instead of an id',
    build: fhirWith({ identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: ['fhir-identity'] } }),
    expected: 'FhirService identity.identityIds[0] "fhir-identity" is invalid: a user-assigned identity id of the form',
  },
  {
    prop: 'FhirService identity.identityIds',
    input: 'wrong casing of the resource type',
    build: fhirWith({
      identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [IDENTITY_ID.replace('resourceGroups', 'resourcegroups')] },
    }),
    expected: 'FhirService identity.identityIds[0]',
  },
  {
    prop: 'FhirService identity.identityIds',
    input: 'a string instead of a list',
    build: fhirWith({ identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: bad(IDENTITY_ID) } }),
    expected: 'FhirService identity.identityIds "/subscriptions/',
  },
  {
    prop: 'FhirService identity',
    input: 'null',
    build: fhirWith({ identity: bad(null) }),
    expected: 'FhirService identity null is invalid: an object { type, identityIds? }.',
  },
  {
    prop: 'FhirService identity',
    input: 'the type as a bare string',
    build: fhirWith({ identity: bad('SystemAssigned') }),
    expected: 'FhirService identity "SystemAssigned" is invalid: an object { type, identityIds? }.',
  },
  {
    prop: 'FhirService accessPolicyObjectIds',
    input: 'not a UUID',
    build: fhirWith({ accessPolicyObjectIds: ['admins'] }),
    expected:
      'FhirService accessPolicyObjectIds[0] "admins" is invalid: a UUID such as "00000000-0000-0000-0000-000000000000" (an Entra ID object id).',
  },
  {
    prop: 'FhirService accessPolicyObjectIds',
    input: 'a UUID with a non-hex digit',
    build: fhirWith({ accessPolicyObjectIds: ['00000000-0000-0000-0000-00000000000g'] }),
    expected: 'FhirService accessPolicyObjectIds[0] "00000000-0000-0000-0000-00000000000g" is invalid',
  },
  {
    prop: 'FhirService accessPolicyObjectIds',
    input: 'a UUID in braces',
    build: fhirWith({ accessPolicyObjectIds: [`{${SUBSCRIPTION}}`] }),
    expected: `FhirService accessPolicyObjectIds[0] "{${SUBSCRIPTION}}" is invalid`,
  },
  {
    prop: 'FhirService accessPolicyObjectIds',
    input: 'a string instead of a list',
    build: fhirWith({ accessPolicyObjectIds: bad(SUBSCRIPTION) }),
    expected: `FhirService accessPolicyObjectIds "${SUBSCRIPTION}" is invalid: a list (array)`,
  },
  {
    prop: 'FhirService configurationExportStorageAccountName',
    input: 'uppercase',
    build: fhirWith({ configurationExportStorageAccountName: 'StExport' }),
    expected:
      'FhirService configurationExportStorageAccountName "StExport" is invalid: a storage account name: 3-24 lowercase letters or digits (the name, not the id or URL). Use e.g. "stexport".',
  },
  {
    prop: 'FhirService configurationExportStorageAccountName',
    input: 'the account id',
    build: fhirWith({ configurationExportStorageAccountName: STORAGE_ID }),
    expected: 'Use e.g. "stlake".',
  },
  {
    prop: 'FhirService configurationExportStorageAccountName',
    input: 'the blob endpoint URL',
    build: fhirWith({ configurationExportStorageAccountName: 'https://stexport.blob.core.windows.net' }),
    expected: 'Use e.g. "stexport".',
  },
  {
    prop: 'FhirService containerRegistryLoginServerUrl',
    input: 'an empty entry',
    build: fhirWith({ containerRegistryLoginServerUrl: [''] }),
    expected: 'FhirService containerRegistryLoginServerUrl[0] "" is invalid: a non-empty string.',
  },
  {
    prop: 'FhirService containerRegistryLoginServerUrl',
    input: 'a string instead of a list',
    build: fhirWith({ containerRegistryLoginServerUrl: bad('contoso.azurecr.io') }),
    expected: 'FhirService containerRegistryLoginServerUrl "contoso.azurecr.io" is invalid: a list (array)',
  },
  {
    prop: 'FhirService ociArtifact',
    input: 'an empty login server',
    build: fhirWith({ ociArtifact: [{ loginServer: '' }] }),
    expected: 'FhirService ociArtifact[0].loginServer "" is invalid: a non-empty string.',
  },
  {
    prop: 'FhirService ociArtifact',
    input: 'an empty image name',
    build: fhirWith({ ociArtifact: [{ loginServer: 'contoso.azurecr.io', imageName: '' }] }),
    expected: 'FhirService ociArtifact[0].imageName "" is invalid',
  },
  {
    prop: 'FhirService ociArtifact',
    input: 'a null entry',
    build: fhirWith({ ociArtifact: [bad(null)] }),
    expected: 'FhirService ociArtifact[0] null is invalid: an object { loginServer, imageName?, digest? }.',
  },
  {
    prop: 'FhirService ociArtifact',
    input: 'a single object instead of a list',
    build: fhirWith({ ociArtifact: bad({ loginServer: 'contoso.azurecr.io' }) }),
    expected: 'FhirService ociArtifact {"loginServer":"contoso.azurecr.io"} is invalid: a list (array)',
  },
  { prop: 'FhirService tags', input: '51 tags', build: fhirWith({ tags: manyTags(51) }), expected: 'FhirService tags has 51 tags' },
  {
    prop: 'FhirService tags',
    input: "51 together with the workspace's",
    build: fhirWith({ tags: manyTags(26) }, { tags: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`ws${i}`, 'x'])) }),
    expected: "FhirService tags (with the workspace's) has 51 tags",
  },
  {
    prop: 'FhirService tags',
    input: 'null',
    build: fhirWith({ tags: bad(null) }),
    expected: 'FhirService tags null is invalid: a map of tag names to string values',
  },
  {
    prop: 'FhirService removalPolicy',
    input: 'a typo',
    build: fhirWith({ removalPolicy: bad('retian') }),
    expected: 'removalPolicy "retian" is invalid',
  },
  {
    prop: 'FhirService resource id',
    input: 'longer than 253 characters',
    build: fhirWith({ name: 'p'.repeat(24) }, { name: 'w'.repeat(24), resourceGroupName: 'g'.repeat(90) }),
    expected: 'FhirService resource id would be 266 characters; Azure allows at most 253.',
  },
  {
    prop: 'FhirService workspace',
    input: 'a plain object, not a Workspace',
    build: (stack) => void new FhirService(stack, 'Patients', { name: 'patients', workspace: bad({ workspaceId: WORKSPACE_ID }) }),
    expected: 'FhirService workspace is not a Workspace',
  },
  {
    prop: 'FhirService workspace',
    input: 'none',
    build: (stack) => void new FhirService(stack, 'Patients', { name: 'patients' }),
    expected: 'FhirService has no workspace: define it inside a Workspace',
  },
  {
    prop: 'FhirService workspace',
    input: 'inside one workspace, pointing at another',
    build: (stack) => {
      const health = workspace(stack);
      const other = new Workspace(stack, 'Other', { ...VALID_WORKSPACE, name: 'other' });
      new FhirService(health, 'Patients', { name: 'patients', workspace: other });
    },
    expected: 'FhirService belongs to two workspaces: it is defined inside stack/Health but its workspace prop is stack/Other.',
  },
];

// ------------------------------------------------------------------------------------------------ DicomService

const DICOM: BadInput[] = [
  {
    prop: 'DicomService name',
    input: 'an underscore',
    build: dicomWith({ name: 'images_dicom' }),
    expected: 'DicomService name "images_dicom" is invalid',
  },
  { prop: 'DicomService name', input: 'a space', build: dicomWith({ name: 'x ray' }), expected: 'DicomService name "x ray" is invalid' },
  { prop: 'DicomService name', input: 'a number', build: dicomWith({ name: bad(3) }), expected: 'DicomService name 3 is invalid' },
  { prop: 'DicomService name', input: 'right-to-left unicode', build: dicomWith({ name: 'صور' }), expected: 'DicomService name "صور" is invalid' },
  {
    prop: 'DicomService name',
    input: 'twice in one workspace',
    build: (stack) => {
      const health = workspace(stack);
      health.addDicomService('Images', { name: 'images' });
      health.addDicomService('Images2', { name: 'images' });
    },
    expected: 'DicomService name "images" is already used by stack/Health/Images',
  },
  {
    prop: 'DicomService location',
    input: 'another region than the workspace',
    build: dicomWith({ location: 'North Europe' }),
    expected: 'DicomService location "North Europe" is invalid: a service is in its workspace',
  },
  {
    prop: 'DicomService encryptionKeyUrl',
    input: 'http instead of https',
    build: dicomWith({ encryptionKeyUrl: 'http://kv-health.vault.azure.net/keys/dicom' }),
    expected:
      'DicomService encryptionKeyUrl "http://kv-health.vault.azure.net/keys/dicom" is invalid: an https URL with a host. Use "https://kv-health.vault.azure.net/keys/dicom".',
  },
  {
    prop: 'DicomService encryptionKeyUrl',
    input: 'not a URL',
    build: dicomWith({ encryptionKeyUrl: 'kv-health/keys/dicom' }),
    expected: 'DicomService encryptionKeyUrl "kv-health/keys/dicom" is invalid',
  },
  {
    prop: 'DicomService encryptionKeyUrl',
    input: 'an object',
    build: dicomWith({ encryptionKeyUrl: bad({ url: 'https://kv' }) }),
    expected: 'DicomService encryptionKeyUrl {"url":"https://kv"} is invalid',
  },
  {
    prop: 'DicomService storage.storageAccountId',
    input: 'a name instead of an id',
    build: dicomWith({ storage: { storageAccountId: 'stlake', fileSystemName: 'dicom' } }),
    expected: 'DicomService storage.storageAccountId "stlake" is invalid: a storage account id of the form',
  },
  {
    prop: 'DicomService storage.storageAccountId',
    input: 'missing',
    build: dicomWith({ storage: bad({ fileSystemName: 'dicom' }) }),
    expected: 'DicomService storage.storageAccountId is missing',
  },
  {
    prop: 'DicomService storage.fileSystemName',
    input: 'uppercase',
    build: dicomWith({ storage: { storageAccountId: STORAGE_ID, fileSystemName: 'Dicom' } }),
    expected: `DicomService storage.fileSystemName "Dicom" is invalid: 3-63 lowercase letters, digits or '-'`,
  },
  {
    prop: 'DicomService storage.fileSystemName',
    input: 'a double hyphen',
    build: dicomWith({ storage: { storageAccountId: STORAGE_ID, fileSystemName: 'dicom--images' } }),
    expected: 'DicomService storage.fileSystemName "dicom--images" is invalid',
  },
  {
    prop: 'DicomService storage.fileSystemName',
    input: 'too short (2)',
    build: dicomWith({ storage: { storageAccountId: STORAGE_ID, fileSystemName: 'di' } }),
    expected: 'DicomService storage.fileSystemName "di" is invalid',
  },
  {
    prop: 'DicomService storage',
    input: 'null',
    build: dicomWith({ storage: bad(null) }),
    expected: 'DicomService storage null is invalid: an object { storageAccountId, fileSystemName }.',
  },
  {
    prop: 'DicomService storage',
    input: 'the account id as a bare string',
    build: dicomWith({ storage: bad(STORAGE_ID) }),
    expected: 'DicomService storage "/subscriptions/',
  },
  {
    prop: 'DicomService dataPartitionsEnabled',
    input: 'a string',
    build: dicomWith({ dataPartitionsEnabled: bad('yes') }),
    expected: 'DicomService dataPartitionsEnabled "yes" is invalid: true or false.',
  },
  {
    prop: 'DicomService publicNetworkAccessEnabled',
    input: 'a number',
    build: dicomWith({ publicNetworkAccessEnabled: bad(0) }),
    expected: 'DicomService publicNetworkAccessEnabled 0 is invalid: true or false.',
  },
  {
    prop: 'DicomService cors.maxAgeInSeconds',
    input: '99999 (FHIR accepts it, DICOM does not)',
    build: dicomWith({ cors: { ...VALID_CORS, maxAgeInSeconds: 99_999 } }),
    expected: 'DicomService cors.maxAgeInSeconds 99999 is invalid: a whole number of seconds from 0 to 99998.',
  },
  { prop: 'DicomService cors', input: 'a string', build: dicomWith({ cors: bad('*') }), expected: 'DicomService cors "*" is invalid: an object' },
  {
    prop: 'DicomService identity.type',
    input: 'both kinds without a space',
    build: dicomWith({ identity: { type: bad('SystemAssigned,UserAssigned'), identityIds: [IDENTITY_ID] } }),
    expected: 'Use ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED ("SystemAssigned, UserAssigned").',
  },
  {
    prop: 'DicomService identity.identityIds',
    input: 'empty with both kinds',
    build: dicomWith({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED, identityIds: [] } }),
    expected: 'DicomService identity type "SystemAssigned, UserAssigned" needs at least one identityIds entry',
  },
  { prop: 'DicomService identity', input: 'null', build: dicomWith({ identity: bad(null) }), expected: 'DicomService identity null is invalid' },
  {
    prop: 'DicomService tags',
    input: 'a number value',
    build: dicomWith({ tags: bad({ retentionYears: 7 }) }),
    expected: 'DicomService tags "retentionYears" has a number value; tag values are strings.',
  },
  {
    prop: 'DicomService removalPolicy',
    input: 'uppercase value',
    build: dicomWith({ removalPolicy: bad('DESTROY') }),
    expected: 'removalPolicy "DESTROY" is invalid: RemovalPolicy.RETAIN ("retain") or RemovalPolicy.DESTROY ("destroy"). Use RemovalPolicy.DESTROY.',
  },
];

// -------------------------------------------------------------------------------------- imported workspace / FHIR

const IMPORTED: BadInput[] = [
  {
    prop: 'Imported workspace workspaceId',
    input: 'a name instead of an id',
    build: importedWith({ workspaceId: 'health' }),
    expected:
      'Imported workspace workspaceId "health" is invalid: a Health Data Services workspace id of the form /subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.HealthcareApis/workspaces/{name}.',
  },
  {
    prop: 'Imported workspace workspaceId',
    input: 'the provider namespace in lowercase',
    build: importedWith({ workspaceId: WORKSPACE_ID.replace('Microsoft.HealthcareApis', 'microsoft.healthcareapis') }),
    expected: 'Imported workspace workspaceId "',
  },
  {
    prop: 'Imported workspace workspaceId',
    input: 'a FHIR service id',
    build: importedWith({ workspaceId: FHIR_ID }),
    expected: `Imported workspace workspaceId "${FHIR_ID}" is invalid`,
  },
  {
    prop: 'Imported workspace workspaceId',
    input: 'a number',
    build: importedWith({ workspaceId: bad(42) }),
    expected: 'Imported workspace workspaceId 42 is invalid',
  },
  {
    prop: 'Imported workspace workspaceName',
    input: 'disagrees with the id',
    build: importedWith({ workspaceName: 'other' }),
    expected: 'Imported workspace workspaceName "other" does not match workspaceId, which says "health".',
  },
  {
    prop: 'Imported workspace resourceGroupName',
    input: 'disagrees with the id',
    build: importedWith({ resourceGroupName: 'rg-other' }),
    expected: 'Imported workspace resourceGroupName "rg-other" does not match workspaceId, which says "rg-health".',
  },
  {
    prop: 'Imported workspace workspaceName',
    input: 'missing while the id is a token',
    build: (stack) => {
      const id = new TerraformVariable(stack, 'workspace_id', { type: 'string' });
      Workspace.fromWorkspaceAttributes(stack, 'Existing', { workspaceId: id.stringValue, location: 'eastus' });
    },
    expected: 'Imported workspace needs workspaceName and resourceGroupName when workspaceId is a token: pass them in the attributes.',
  },
  {
    prop: 'Imported workspace location',
    input: 'an unknown region',
    build: importedWith({ location: 'mars' }),
    expected: 'Imported workspace location "mars" is invalid: not a known Azure region',
  },
  { prop: 'Imported workspace tags', input: 'null', build: importedWith({ tags: bad(null) }), expected: 'Imported workspace tags null is invalid' },
  {
    prop: 'Imported workspace (service placed in it)',
    input: 'a service in another region than the imported workspace',
    build: (stack) =>
      void Workspace.fromWorkspaceAttributes(stack, 'Existing', { workspaceId: WORKSPACE_ID, location: 'eastus' }).addFhirService('Patients', {
        name: 'patients',
        location: 'westeurope',
      }),
    expected: 'FhirService location "westeurope" is invalid: a service is in its workspace stack/Existing\'s region',
  },
  {
    prop: 'Imported FhirService fhirServiceId',
    input: 'a name instead of an id',
    build: importedFhirWith({ fhirServiceId: 'patients' }),
    expected: 'Imported FhirService fhirServiceId "patients" is invalid: a FHIR service id of the form',
  },
  {
    prop: 'Imported FhirService fhirServiceId',
    input: 'the resource type in lowercase',
    build: importedFhirWith({ fhirServiceId: FHIR_ID.replace('fhirServices', 'fhirservices') }),
    expected: 'fhirservices/patients" is invalid',
  },
  {
    prop: 'Imported FhirService fhirServiceId',
    input: 'the service URL',
    build: importedFhirWith({ fhirServiceId: 'https://health-patients.fhir.azurehealthcareapis.com' }),
    expected: 'Imported FhirService fhirServiceId "https://health-patients.fhir.azurehealthcareapis.com" is invalid',
  },
  {
    prop: 'Imported FhirService fhirServiceId',
    input: 'null',
    build: importedFhirWith({ fhirServiceId: bad(null) }),
    expected: 'Imported FhirService fhirServiceId null is invalid',
  },
  {
    prop: 'Imported FhirService fhirVersion',
    input: 'a bare version',
    build: importedFhirWith({ fhirVersion: bad('R4') }),
    expected: 'Imported FhirService fhirVersion "R4" is invalid: one of "fhir-R4", "fhir-Stu3".',
  },
  {
    prop: 'Workspace props',
    input: 'null instead of the props object',
    build: (stack) => void new Workspace(stack, 'Health', bad(null)),
    expected: 'Workspace props null is invalid: an object { name, location, resourceGroupName, ... }',
  },
  {
    prop: 'FhirService options',
    input: 'null instead of the options object',
    build: (stack) => void workspace(stack).addFhirService('Patients', bad(null)),
    expected: 'FhirService props null is invalid: an object',
  },
  {
    prop: 'DicomService options',
    input: 'a string instead of the options object',
    build: (stack) => void workspace(stack).addDicomService('Images', bad('images')),
    expected: 'DicomService props string is invalid: an object',
  },
  {
    prop: 'Workspace.fromWorkspaceAttributes',
    input: 'null instead of the attributes',
    build: (stack) => void Workspace.fromWorkspaceAttributes(stack, 'Existing', bad(null)),
    expected: 'Imported workspace attributes null is invalid: an object',
  },
  {
    prop: 'FhirService.fromFhirServiceAttributes',
    input: 'null instead of the attributes',
    build: (stack) => void FhirService.fromFhirServiceAttributes(stack, 'Existing', bad(null)),
    expected: 'Imported FhirService attributes null is invalid: an object',
  },
];

/** Every bad input of the core constructs (Workspace, FhirService, DicomService, the imports). */
export const CORE_CORPUS: readonly BadInput[] = [...WORKSPACE, ...FHIR, ...DICOM, ...IMPORTED];

// ------------------------------------------------------------------------------------------- MedTech (second table)
//
// MedTechService and its mappings: Event Hub names, identity, region, the FHIR destination, and the two mapping
// documents — broken JSON, wrong types, unknown fields, bad expressions, dangling typeNames, deep nesting, huge
// documents. New MedTech props get their entries here.

const EVENT_HUB = { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' };
const HEART_RATE_TEMPLATE = {
  typeName: 'heartrate',
  typeMatchExpression: '$..[?(@heartRate)]',
  deviceIdExpression: '$.matchedToken.deviceId',
  patientIdExpression: '$.matchedToken.patientId',
  timestampExpression: '$.matchedToken.endDate',
  values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: true }],
};
export const DEVICE_MAPPING = { templateType: 'CollectionContent', template: [{ templateType: 'CalculatedContent', template: HEART_RATE_TEMPLATE }] };
const HEART_RATE_FHIR_TEMPLATE = {
  typeName: 'heartrate',
  codes: [{ code: '8867-4', system: 'http://loinc.org', display: 'Heart rate' }],
  value: { valueName: 'hr', valueType: 'Quantity', unit: 'count/min', system: 'http://unitsofmeasure.org', code: 'count/min' },
};
export const FHIR_MAPPING = { templateType: 'CollectionFhir', template: [{ templateType: 'CodeValueFhir', template: HEART_RATE_FHIR_TEMPLATE }] };

/** A device mapping whose one CalculatedContent template has `fields` changed. */
const deviceTemplateWith = (fields: Record<string, unknown>): object => ({
  templateType: 'CollectionContent',
  template: [{ templateType: 'CalculatedContent', template: { ...HEART_RATE_TEMPLATE, ...fields } }],
});
/** A FHIR mapping whose one CodeValueFhir template has `fields` changed. */
const fhirTemplateWith = (fields: Record<string, unknown>): object => ({
  templateType: 'CollectionFhir',
  template: [{ templateType: 'CodeValueFhir', template: { ...HEART_RATE_FHIR_TEMPLATE, ...fields } }],
});

interface MedTechInput {
  readonly [prop: string]: unknown;
}

/** A MedTech service in the workspace, writing to the workspace's R4 FHIR service, with `options` applied. */
const medTechWith =
  (options: MedTechInput, workspaceProps: Partial<WorkspaceProps> = {}, fhirKind?: FhirVersion) =>
  (stack: TerraformStack): void => {
    const health = workspace(stack, workspaceProps);
    const records = health.addFhirService('Records', { name: 'records', kind: fhirKind });
    health.addMedTechService('Devices', {
      name: 'devices',
      eventHub: EVENT_HUB,
      deviceMapping: DEVICE_MAPPING,
      destination: { fhirService: records, identityResolution: 'Create', fhirMapping: FHIR_MAPPING },
      ...bad<Partial<MedTechServiceOptions>>(options),
    });
  };
/** The same, with `destination` options applied. */
const destinationWith =
  (destination: MedTechInput) =>
  (stack: TerraformStack): void => {
    const health = workspace(stack);
    const records = health.addFhirService('Records', { name: 'records' });
    health.addMedTechService('Devices', {
      name: 'devices',
      eventHub: EVENT_HUB,
      deviceMapping: DEVICE_MAPPING,
      destination: { fhirService: records, identityResolution: 'Create', fhirMapping: FHIR_MAPPING, ...bad<object>(destination) },
    });
  };

/** A document nested `depth` arrays deep inside an otherwise valid template (JSON text). */
const deeplyNested = (depth: number): string =>
  JSON.stringify(deviceTemplateWith({ extra: '<nested>' })).replace('"<nested>"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
/** 5,000 templates, the last one with a broken expression. */
const HUGE_DEVICE_MAPPING = {
  templateType: 'CollectionContent',
  template: Array.from({ length: 5000 }, (_, i) => ({
    templateType: 'CalculatedContent',
    template: { ...HEART_RATE_TEMPLATE, typeMatchExpression: i === 4999 ? '$..[?(@heartRate' : HEART_RATE_TEMPLATE.typeMatchExpression },
  })),
};
const USER_ASSIGNED = (name: string): string =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-health/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;

export const MEDTECH_CORPUS: readonly BadInput[] = [
  {
    prop: 'MedTechService name',
    input: 'an underscore',
    build: medTechWith({ name: 'my_devices' }),
    expected:
      'MedTechService name "my_devices" is invalid: 3-24 letters, digits or \'-\', starting and ending with a letter or digit. Use e.g. "my-devices".',
  },
  { prop: 'MedTechService name', input: 'a number', build: medTechWith({ name: 42 }), expected: 'MedTechService name 42 is invalid' },
  { prop: 'MedTechService name', input: 'missing (undefined)', build: medTechWith({ name: undefined }), expected: 'MedTechService name is missing' },
  {
    prop: 'MedTechService location',
    input: 'a workspace in a region without MedTech',
    build: medTechWith({}, { location: 'westus3' }),
    expected: 'MedTechService location "westus3" (the workspace\'s) is invalid: MedTech is only available in',
  },
  {
    prop: 'MedTechService identity',
    input: 'two user-assigned identities',
    build: medTechWith({ identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [USER_ASSIGNED('a'), USER_ASSIGNED('b')] } }),
    expected: 'MedTechService identity has 2 identityIds; MedTech uses exactly one identity',
  },
  {
    prop: 'MedTechService identity.type',
    input: 'both kinds',
    build: medTechWith({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED, identityIds: [USER_ASSIGNED('a')] } }),
    expected: 'MedTechService identity.type "SystemAssigned, UserAssigned" is invalid',
  },
  {
    prop: 'MedTechService identity',
    input: 'null',
    build: medTechWith({ identity: null }),
    expected: 'MedTechService identity null is invalid: an object { type, identityIds? }.',
  },
  {
    prop: 'MedTechService eventHub.namespaceName',
    input: 'the fully qualified name',
    build: medTechWith({ eventHub: { ...EVENT_HUB, namespaceName: 'contoso-devices.servicebus.windows.net' } }),
    expected: 'Use the short name "contoso-devices": the provider appends ".servicebus.windows.net" itself.',
  },
  {
    prop: 'MedTechService eventHub.namespaceName',
    input: 'too short (3)',
    build: medTechWith({ eventHub: { ...EVENT_HUB, namespaceName: 'ns1' } }),
    expected: 'MedTechService eventHub.namespaceName "ns1" is invalid: 6-50 letters, digits or \'-\'',
  },
  {
    prop: 'MedTechService eventHub.namespaceName',
    input: 'starting with a digit',
    build: medTechWith({ eventHub: { ...EVENT_HUB, namespaceName: '1contoso' } }),
    expected: 'MedTechService eventHub.namespaceName "1contoso" is invalid',
  },
  {
    prop: 'MedTechService eventHub.namespaceName',
    input: 'a number',
    build: medTechWith({ eventHub: { ...EVENT_HUB, namespaceName: 5 } }),
    expected: 'MedTechService eventHub.namespaceName 5 is invalid',
  },
  {
    prop: 'MedTechService eventHub.eventHubName',
    input: 'a leading hyphen',
    build: medTechWith({ eventHub: { ...EVENT_HUB, eventHubName: '-telemetry' } }),
    expected: "MedTechService eventHub.eventHubName \"-telemetry\" is invalid: 1-256 letters, digits, '.', '-' or '_'",
  },
  {
    prop: 'MedTechService eventHub.eventHubName',
    input: 'too long (257)',
    build: medTechWith({ eventHub: { ...EVENT_HUB, eventHubName: 't'.repeat(257) } }),
    expected: `MedTechService eventHub.eventHubName "${'t'.repeat(257)}" is invalid`,
  },
  {
    prop: 'MedTechService eventHub.consumerGroupName',
    input: '$Default',
    build: medTechWith({ eventHub: { ...EVENT_HUB, consumerGroupName: '$Default' } }),
    expected: 'The provider rejects "$Default"',
  },
  {
    prop: 'MedTechService eventHub.consumerGroupName',
    input: 'too long (51)',
    build: medTechWith({ eventHub: { ...EVENT_HUB, consumerGroupName: 'c'.repeat(51) } }),
    expected: 'is invalid: 1-50 letters, digits',
  },
  {
    prop: 'MedTechService eventHub.eventHubId',
    input: 'a name instead of an id',
    build: medTechWith({ eventHub: { ...EVENT_HUB, eventHubId: 'telemetry' } }),
    expected: 'MedTechService eventHub.eventHubId "telemetry" is invalid: an event hub id of the form',
  },
  {
    prop: 'MedTechService eventHub.eventHubId',
    input: 'the id of another hub',
    build: medTechWith({
      eventHub: {
        ...EVENT_HUB,
        eventHubId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/other-devices/eventhubs/telemetry`,
      },
    }),
    expected: 'MedTechService eventHub.eventHubId names "other-devices/telemetry" but namespaceName/eventHubName say "contoso-devices/telemetry"',
  },
  { prop: 'MedTechService eventHub', input: 'null', build: medTechWith({ eventHub: null }), expected: 'MedTechService eventHub is missing' },
  {
    prop: 'MedTechService deviceMapping',
    input: 'missing',
    build: medTechWith({ deviceMapping: undefined }),
    expected: 'MedTechService deviceMapping is missing: give the mapping document as an object or a JSON string.',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'broken JSON text',
    build: medTechWith({ deviceMapping: '{"templateType": "CollectionContent", "template": [' }),
    expected: 'deviceMapping is not valid JSON',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'a number',
    build: medTechWith({ deviceMapping: 42 }),
    expected: 'deviceMapping must be a JSON object like {"templateType": "CollectionContent", "template": []}, received 42.',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'an array',
    build: medTechWith({ deviceMapping: [] }),
    expected: 'deviceMapping must be a JSON object',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'an unknown collection type',
    build: medTechWith({ deviceMapping: { templateType: 'Collection', template: [] } }),
    expected: 'deviceMapping.templateType: Expected TemplateType value CollectionContentTemplate, actual Collection.',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'template not a list',
    build: medTechWith({ deviceMapping: { templateType: 'CollectionContent', template: {} } }),
    expected: 'deviceMapping.template: Expected an array for the template property value',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'an unknown template type',
    build: medTechWith({ deviceMapping: { templateType: 'CollectionContent', template: [{ templateType: 'JsonPathContentV2', template: {} }] } }),
    expected: 'deviceMapping.template[0].templateType: No match found for template type JsonPathContentV2.',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'an unknown (misspelt) field',
    build: medTechWith({ deviceMapping: deviceTemplateWith({ typeMatchExpresion: '$..[?(@heartRate)]' }) }),
    expected: "deviceMapping.template[0].template.typeMatchExpresion: Could not find member 'typeMatchExpresion'",
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'a broken JSONPath',
    build: medTechWith({ deviceMapping: deviceTemplateWith({ typeMatchExpression: '$..[?(@heartRate' }) }),
    expected: 'deviceMapping.template[0].template.typeMatchExpression: JSONPath "$..[?(@heartRate" is invalid at column 17',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'a broken JMESPath',
    build: medTechWith({ deviceMapping: deviceTemplateWith({ typeMatchExpression: { value: 'heartRate[', language: 'JmesPath' } }) }),
    expected: 'The following JmesPath expression could not be parsed: heartRate[.',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'an unknown JMESPath function',
    build: medTechWith({
      deviceMapping: deviceTemplateWith({
        values: [{ valueName: 'hr', valueExpression: { value: 'fooBar(matchedToken.heartRate)', language: 'JmesPath' }, required: true }],
      }),
    }),
    expected: 'no function named fooBar has been registered',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'no typeName',
    build: medTechWith({ deviceMapping: deviceTemplateWith({ typeName: undefined }) }),
    expected: "deviceMapping.template[0].template.typeName: Required property 'TypeName' not found in JSON.",
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'values not a list',
    build: medTechWith({ deviceMapping: deviceTemplateWith({ values: { valueName: 'hr' } }) }),
    expected: 'deviceMapping.template[0].template.values: values must be an array',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: '"required" as a word',
    build: medTechWith({
      deviceMapping: deviceTemplateWith({ values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: 'yes' }] }),
    }),
    expected: 'Could not convert string to boolean: yes.',
  },
  {
    prop: 'MedTechService deviceMapping',
    input: 'a huge document (5,000 templates, the last one broken)',
    build: medTechWith({ deviceMapping: HUGE_DEVICE_MAPPING }),
    expected: 'deviceMapping.template[4999].template.typeMatchExpression: JSONPath "$..[?(@heartRate" is invalid',
  },
  {
    prop: 'MedTechService destination.fhirMapping',
    input: 'broken JSON text',
    build: destinationWith({ fhirMapping: '{"templateType":' }),
    expected: 'destination.fhirMapping is not valid JSON',
  },
  {
    prop: 'MedTechService destination.fhirMapping',
    input: 'a number',
    build: destinationWith({ fhirMapping: 42 }),
    expected: 'destination.fhirMapping must be a JSON object like {"templateType": "CollectionFhir", "template": []}, received 42.',
  },
  {
    prop: 'MedTechService destination.fhirMapping',
    input: 'a dangling typeName',
    build: destinationWith({ fhirMapping: fhirTemplateWith({ typeName: 'bloodpressure' }) }),
    expected: 'No matching Fhir Template exists for Device Mapping [heartrate]. Ensure case matches. Available Fhir Templates: [bloodpressure].',
  },
  {
    prop: 'MedTechService destination.fhirMapping',
    input: 'an unsupported valueType',
    build: destinationWith({ fhirMapping: fhirTemplateWith({ value: { valueName: 'hr', valueType: 'Integer' } }) }),
    expected: 'valueType "Integer" is not supported',
  },
  {
    prop: 'MedTechService destination.fhirMapping',
    input: 'an unknown template type',
    build: destinationWith({ fhirMapping: { templateType: 'CollectionFhir', template: [{ templateType: 'CodeValueFhirX', template: {} }] } }),
    expected: 'destination.fhirMapping.template[0].templateType: Expected TemplateType value CodeValueFhirTemplate, actual CodeValueFhirX.',
  },
  {
    prop: 'MedTechService destination.fhirMapping',
    input: 'an unsupported periodInterval',
    build: destinationWith({ fhirMapping: fhirTemplateWith({ periodInterval: 30 }) }),
    expected: "periodInterval 30 is not one of the service's intervals",
  },
  {
    prop: 'MedTechService destination.identityResolution',
    input: 'lowercase',
    build: destinationWith({ identityResolution: 'create' }),
    expected: 'MedTechService destination.identityResolution "create" is invalid: "Create" or "Lookup". Use "Create".',
  },
  {
    prop: 'MedTechService destination.name',
    input: 'an underscore',
    build: destinationWith({ name: 'fhir_destination' }),
    expected: 'MedTechService destination.name "fhir_destination" is invalid',
  },
  {
    prop: 'MedTechService destination.fhirService',
    input: 'missing',
    build: destinationWith({ fhirService: undefined }),
    expected: 'MedTechService destination.fhirService is missing',
  },
  {
    prop: 'MedTechService destination.fhirService',
    input: 'an id string instead of a service',
    build: destinationWith({ fhirService: FHIR_ID }),
    expected: 'MedTechService destination.fhirService is missing',
  },
  {
    prop: 'MedTechService destination.fhirService',
    input: 'a STU3 service',
    build: medTechWith({}, {}, FhirVersion.STU3),
    expected: 'is a "fhir-Stu3" service: MedTech writes only to FHIR R4 services.',
  },
  {
    prop: 'MedTechService sampleMessages',
    input: 'a string instead of a list',
    build: medTechWith({ sampleMessages: '{"heartRate": 78}' }),
    expected: 'MedTechService sampleMessages is invalid: an array of {body, name?, properties?, systemProperties?, envelope?}',
  },
  {
    prop: 'MedTechService sampleMessages',
    input: 'a message without body',
    build: medTechWith({ sampleMessages: [{ heartRate: 78 }] }),
    expected: 'MedTechService sampleMessages[0].body is missing',
  },
  {
    prop: 'MedTechService sampleMessages',
    input: 'null as a message',
    build: medTechWith({ sampleMessages: [null] }),
    expected: 'MedTechService sampleMessages[0] is invalid: an object',
  },
  {
    prop: 'MedTechService sampleMessages',
    input: 'properties as a list',
    build: medTechWith({ sampleMessages: [{ body: {}, properties: [] }] }),
    expected: 'MedTechService sampleMessages[0].properties is invalid: an object',
  },
  // Deeper than Json.NET reads, and deep enough to overflow a recursive serializer.
  {
    prop: 'MedTechService deviceMapping',
    input: 'nested 100,000 levels deep',
    build: medTechWith({ deviceMapping: deeplyNested(100_000) }),
    expected: 'deviceMapping is nested more than 64 levels deep',
  },
  {
    prop: 'MedTechService props',
    input: 'null instead of the props object',
    build: (stack) => void workspace(stack).addMedTechService('Devices', bad(null)),
    expected: 'MedTechService props null is invalid: an object',
  },
];
