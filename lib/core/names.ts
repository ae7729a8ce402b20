import { trimCharacters } from './text';
import { InputProblems, isUnresolved, ValueRule } from './validation';

/** Suggests a valid name from a bad one, or nothing when no simple repair exists. */
function suggestion(candidate: string, pattern: RegExp): string | undefined {
  return pattern.test(candidate) ? `Use e.g. "${candidate}".` : undefined;
}

function patternRule(pattern: RegExp, requirement: string, repair: (value: string) => string): ValueRule<string> {
  return {
    requirement,
    test: (value) => typeof value === 'string' && pattern.test(value),
    fix: (value) => (typeof value === 'string' ? suggestion(repair(value), pattern) : undefined),
  };
}

const WORKSPACE_NAME = /^[a-z0-9]{3,24}$/;
const SERVICE_NAME = /^[0-9a-zA-Z][-0-9a-zA-Z]{1,22}[0-9a-zA-Z]$/;

/**
 * Workspace names: Azure's REST API wants 3-24 characters, the provider lowercase letters and digits
 * (`^[a-z0-9]{1,24}$`); the stricter of both.
 */
export const WORKSPACE_NAME_RULE = patternRule(WORKSPACE_NAME, '3-24 lowercase letters or digits (no hyphens, no uppercase)', (value) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 24),
);

/** FHIR, DICOM, MedTech and MedTech FHIR destination names (provider `FhirServiceName` and siblings). */
export const SERVICE_NAME_RULE = patternRule(SERVICE_NAME, "3-24 letters, digits or '-', starting and ending with a letter or digit", (value) =>
  trimCharacters(trimCharacters(value.replace(/[^-0-9a-zA-Z]+/g, '-'), '-').slice(0, 24), '-', 'end'),
);

const RESOURCE_GROUP_NAME = /^[-\w._()]+$/;

/** Resource group names (`resourcegroups.ValidateName`). */
export const RESOURCE_GROUP_NAME_RULE: ValueRule<string> = {
  requirement: "1-90 letters, digits, '-', '_', '.', '(' or ')', not ending with '.'",
  test: (value) => typeof value === 'string' && value.length <= 90 && RESOURCE_GROUP_NAME.test(value) && !value.endsWith('.'),
  fix: (value) => {
    if (typeof value !== 'string') return undefined;
    const repaired = trimCharacters(value.replace(/[^-\w._()]+/g, '-').slice(0, 90), '.', 'end');
    return repaired.length > 0 ? suggestion(repaired, RESOURCE_GROUP_NAME) : undefined;
  },
};

/** An Azure resource id may be at most this long (ARM limit), including the subscription id. */
const MAX_RESOURCE_ID_LENGTH = 253;
/** Length of a subscription id (a GUID), used to compute a resource id's length before deployment. */
const SUBSCRIPTION_ID_LENGTH = 36;

/**
 * Adds a problem when the resource id of something in a workspace would exceed Azure's 253 characters:
 * `/subscriptions/{36}/resourceGroups/{group}/providers/Microsoft.HealthcareApis/workspaces/{workspace}/{below...}`.
 * Skipped while any part is a token.
 */
export function checkResourceIdLength(
  problems: InputProblems,
  subject: string,
  group: string,
  workspace: string,
  below: readonly string[],
  fix: string,
): void {
  const parts = [group, workspace, ...below];
  if (parts.some((part) => isUnresolved(part) || typeof part !== 'string')) return;
  const id = `/subscriptions/${'0'.repeat(SUBSCRIPTION_ID_LENGTH)}/resourceGroups/${group}/providers/Microsoft.HealthcareApis/workspaces/${workspace}/${below.join('/')}`;
  if (id.length > MAX_RESOURCE_ID_LENGTH) {
    problems.add(`${subject} resource id would be ${id.length} characters; Azure allows at most ${MAX_RESOURCE_ID_LENGTH}. ${fix}`);
  }
}

export const UUID_RULE: ValueRule<string> = {
  requirement: 'a UUID such as "00000000-0000-0000-0000-000000000000" (an Entra ID object id)',
  test: (value) => typeof value === 'string' && /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value),
};

export const HTTPS_URL_RULE: ValueRule<string> = {
  requirement: 'an https URL with a host',
  test: (value) => {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.length > 0;
    } catch {
      return false;
    }
  },
  fix: (value) => (typeof value === 'string' && value.startsWith('http://') ? `Use "https://${value.slice(7)}".` : undefined),
};

export const BOOLEAN_RULE: ValueRule<unknown> = {
  requirement: 'true or false',
  test: (value) => typeof value === 'boolean',
};

export const NON_EMPTY_RULE: ValueRule<string> = {
  requirement: 'a non-empty string',
  test: (value) => typeof value === 'string' && value.trim().length > 0,
};

/** Storage account names (FHIR `$export` target): Azure's 3-24 lowercase letters and digits. */
export const STORAGE_ACCOUNT_NAME_RULE = patternRule(
  /^[a-z0-9]{3,24}$/,
  'a storage account name: 3-24 lowercase letters or digits (the name, not the id or URL)',
  // From an id take the last segment; from a URL the first label of the host.
  (value) =>
    (value.split('/').filter(Boolean).pop() ?? '')
      .replace(/^https?:$/, '')
      .toLowerCase()
      .split('.')[0]
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 24),
);

/** ADLS Gen2 file systems (DICOM external storage) follow Azure's container naming rules. */
export const FILE_SYSTEM_NAME_RULE: ValueRule<string> = {
  requirement: "3-63 lowercase letters, digits or '-', starting and ending with a letter or digit, no '--'",
  test: (value) => typeof value === 'string' && /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(value),
};

/** Builds a rule for an Azure resource id of the exact, case-sensitive form the provider parses. */
export function resourceIdRule(description: string, providerSegments: string): ValueRule<string> {
  // `providerSegments` is written as a pattern (`Microsoft\\.Network/virtualNetworks/[^/]+`) but matched segment by
  // segment: no regular expression is built at run time (each one in lib/ is a literal the ReDoS test can check).
  const expected: Array<string | typeof ANY_SEGMENT> = [
    'subscriptions',
    ANY_SEGMENT,
    'resourceGroups',
    ANY_SEGMENT,
    'providers',
    ...providerSegments
      .replace(/\[\^\/\]\+/g, NAME)
      .split('/')
      .map(segmentOf),
  ];
  return {
    requirement: `a ${description} id of the form /subscriptions/{subscription}/resourceGroups/{group}/providers/${providerSegments.replace(/\\\./g, '.').replace(/\[\^\/\]\+/g, '{name}')}`,
    test: (value) => typeof value === 'string' && matchesSegments(value, expected),
  };
}

const ANY_SEGMENT = Symbol('any non-empty segment');
/** Stands for `[^/]+` while the pattern is split at its slashes. */
const NAME = '\u0000';

function segmentOf(written: string): string | typeof ANY_SEGMENT {
  if (written === NAME) return ANY_SEGMENT;
  const literal = written.replace(/\\\./g, '.');
  if (/[\\[\](){}*+?^$|]/.test(literal)) throw new Error(`resourceIdRule: unsupported pattern segment "${written}"`);
  return literal;
}

/** `^/?seg/seg/...$`, where ANY_SEGMENT is `[^/]+`. */
function matchesSegments(value: string, expected: ReadonlyArray<string | typeof ANY_SEGMENT>): boolean {
  const segments = (value.startsWith('/') ? value.slice(1) : value).split('/');
  return (
    segments.length === expected.length &&
    segments.every((segment, i) => (expected[i] === ANY_SEGMENT ? segment.length > 0 : segment === expected[i]))
  );
}

export const USER_ASSIGNED_IDENTITY_ID_RULE = resourceIdRule('user-assigned identity', 'Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+');
export const STORAGE_ACCOUNT_ID_RULE = resourceIdRule('storage account', 'Microsoft\\.Storage/storageAccounts/[^/]+');
export const WORKSPACE_ID_RULE = resourceIdRule('Health Data Services workspace', 'Microsoft\\.HealthcareApis/workspaces/[^/]+');

/** Parses a workspace id into its parts (only for resolved ids). */
export function parseWorkspaceId(id: string): { resourceGroupName: string; workspaceName: string } | undefined {
  const match = /^\/?subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.HealthcareApis\/workspaces\/([^/]+)$/.exec(id);
  return match ? { resourceGroupName: match[1], workspaceName: match[2] } : undefined;
}
