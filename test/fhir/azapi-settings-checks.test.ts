import { TerraformStack, Testing, Token } from 'cdktf';
import { ManagedIdentityType } from '../../lib/core/identity';
import { InputProblems } from '../../lib/core/validation';
import { azapiSettingsIn, FhirAzapiSettings, SmartDataAction } from '../../lib/fhir/arm-settings';
import {
  checkAccessPoliciesWithAzapi,
  checkCustomerManagedKeyIdentity,
  checkFhirAzapiSettings,
  encryptionKeyUrlPrecondition,
  ENCRYPTION_KEY_URL_RULE,
} from '../../lib/fhir/arm-settings-checks';
import { fhirIdentityRoleNeeds, KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER } from '../../lib/fhir/identity-needs';
import { FHIR_R4_RESOURCE_TYPES, isFhirR4ResourceType } from '../../lib/core/fhir-r4-resource-types';
import { ResourceVersionPolicy } from '../../lib/fhir/resource-version-policy';

const KEY = 'https://contoso-kv.vault.azure.net/keys/fhir-cmk/0123456789abcdef0123456789abcdef';
const UAMI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir';

function problemsOf(settings: FhirAzapiSettings, kind?: string): string[] {
  const scope = new TerraformStack(Testing.app(), 'stack');
  const problems = new InputProblems(scope);
  checkFhirAzapiSettings(problems, settings, { subject: 'FhirService', kind });
  return problems.all;
}

const app = (clientId: string, extra: object = {}) => ({
  clientId,
  audience: `api://${clientId}`,
  allowedDataActions: [SmartDataAction.READ],
  ...extra,
});

describe('valid settings pass', () => {
  test.each<[string, FhirAzapiSettings]>([
    ['a versioned Key Vault key', { encryptionKeyUrl: KEY }],
    [
      'a Managed HSM key in Azure Government',
      { encryptionKeyUrl: 'https://hsm1.managedhsm.usgovcloudapi.net/keys/k/0123456789ABCDEF0123456789ABCDEF' },
    ],
    ['import with defaults', { importConfiguration: { integrationDataStore: 'importstore01' } }],
    ['import, every field', { importConfiguration: { integrationDataStore: 'importstore01', enabled: false, initialImportMode: true } }],
    [
      'each version policy, enum and string',
      {
        resourceVersionPolicy: {
          default: ResourceVersionPolicy.VERSIONED_UPDATE,
          resourceTypeOverrides: { Patient: 'no-version', Observation: ResourceVersionPolicy.VERSIONED },
        },
      },
    ],
    [
      'overrides for every R4 resource type',
      {
        resourceVersionPolicy: {
          default: 'versioned',
          resourceTypeOverrides: Object.fromEntries(FHIR_R4_RESOURCE_TYPES.map((t) => [t, 'no-version'])),
        },
      },
    ],
    [
      'two identity providers, 25 applications',
      {
        smartIdentityProviders: [
          {
            authority: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/v2.0',
            applications: Array.from({ length: 25 }, (_, i) => app(`app-${i}`)),
          },
          { authority: 'https://idp.example.org/realms/fhir', applications: [app('other')] },
        ],
      },
    ],
    ['an empty identity-provider list (Entra ID only)', { smartIdentityProviders: [] }],
    ['US Core missing data', { implementationGuides: { usCoreMissingData: true } }],
    ['an empty implementation-guides object', { implementationGuides: {} }],
  ])('%s', (_name, settings) => {
    expect(problemsOf(settings)).toEqual([]);
  });

  test('tokens are not judged at synth', () => {
    expect(
      problemsOf({
        encryptionKeyUrl: Token.asString({ Ref: 'key' }),
        importConfiguration: { integrationDataStore: Token.asString({ Ref: 'sa' }) },
        resourceVersionPolicy: { default: Token.asString({ Ref: 'p' }) },
        smartIdentityProviders: Token.asAny({ Ref: 'idps' }) as never,
        implementationGuides: { usCoreMissingData: Token.asAny({ Ref: 'b' }) as never },
      }),
    ).toEqual([]);
    expect(
      problemsOf({
        smartIdentityProviders: [
          {
            authority: Token.asString({ Ref: 'a' }),
            applications: [{ clientId: Token.asString({ Ref: 'c' }), audience: 'x', allowedDataActions: Token.asList({ Ref: 'l' }) }],
          },
        ],
      }),
    ).toEqual([]);
  });
});

describe('invalid settings fail with the rule and the fix', () => {
  test.each<[string, FhirAzapiSettings, RegExp]>([
    [
      'a versionless key',
      { encryptionKeyUrl: 'https://contoso-kv.vault.azure.net/keys/fhir-cmk' },
      /encryptionKeyUrl "https:\/\/contoso-kv\.vault\.azure\.net\/keys\/fhir-cmk" is invalid: the versioned URL .* Use the key's versioned identifier/,
    ],
    [
      'an http key URL',
      { encryptionKeyUrl: 'http://contoso-kv.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef' },
      /is invalid: the versioned URL.*Use "https:\/\/contoso-kv/,
    ],
    [
      'a key that is not in a key vault',
      { encryptionKeyUrl: 'https://example.com/keys/k/0123456789abcdef0123456789abcdef' },
      /encryptionKeyUrl .* is invalid/,
    ],
    [
      'a secret, not a key',
      { encryptionKeyUrl: 'https://contoso-kv.vault.azure.net/secrets/k/0123456789abcdef0123456789abcdef' },
      /encryptionKeyUrl .* is invalid/,
    ],
    [
      'vault and key names over 94 characters',
      { encryptionKeyUrl: `https://contoso-kv.vault.azure.net/keys/${'k'.repeat(86)}/0123456789abcdef0123456789abcdef` },
      /at most 94 characters/,
    ],
    [
      'import without a store',
      { importConfiguration: {} as never },
      /importConfiguration\.integrationDataStore is missing: give a storage account name/,
    ],
    [
      'import with a storage account id',
      {
        importConfiguration: { integrationDataStore: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/importstore01' },
      },
      /integrationDataStore ".*" is invalid: a storage account name: 3-24 lowercase letters or digits .* Use e\.g\. "importstore01"/,
    ],
    [
      'import enabled as a string',
      { importConfiguration: { integrationDataStore: 'importstore01', enabled: 'true' as never } },
      /importConfiguration\.enabled "true" is invalid: true or false/,
    ],
    [
      'import as a string',
      { importConfiguration: 'importstore01' as never },
      /importConfiguration "importstore01" is invalid: an object \{ integrationDataStore/,
    ],
    [
      'an unknown version policy',
      { resourceVersionPolicy: { default: 'version-update' } },
      /resourceVersionPolicy\.default "version-update" is invalid: one of "no-version", "versioned", "versioned-update"/,
    ],
    [
      'a version policy spelled like the enum member',
      { resourceVersionPolicy: { default: 'VERSIONED_UPDATE' } },
      /Use ResourceVersionPolicy\.VERSIONED_UPDATE \("versioned-update"\)/,
    ],
    ['a version policy without default', { resourceVersionPolicy: {} as never }, /resourceVersionPolicy\.default is missing/],
    [
      'a lowercase resource type',
      { resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: { patient: 'no-version' } } },
      /resourceTypeOverrides key "patient" is invalid: a FHIR R4 resource type.*Use "Patient"/,
    ],
    [
      'an R5-only resource type',
      { resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: { SubscriptionTopic: 'no-version' } } },
      /resourceTypeOverrides key "SubscriptionTopic" is invalid: a FHIR R4 resource type/,
    ],
    [
      'a bad override value',
      { resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: { Patient: 'none' } } },
      /resourceTypeOverrides\.Patient "none" is invalid: one of/,
    ],
    [
      'three identity providers',
      { smartIdentityProviders: [1, 2, 3].map((i) => ({ authority: `https://idp${i}.example.org`, applications: [app(`c${i}`)] })) },
      /smartIdentityProviders .* is invalid: 0-2 identity providers besides Microsoft Entra ID/,
    ],
    [
      '26 applications',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org', applications: Array.from({ length: 26 }, (_, i) => app(`app-${i}`)) }] },
      /applications .* is invalid: 1-25 applications/,
    ],
    [
      'no applications',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org', applications: [] }] },
      /applications \[\] is invalid: 1-25 applications/,
    ],
    [
      'applications missing',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org' } as never] },
      /applications is missing: give 1-25 applications/,
    ],
    [
      'Write as a data action',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org', applications: [app('c', { allowedDataActions: ['Write'] })] }] },
      /allowedDataActions\[0\] "Write" is invalid: one of "Read"/,
    ],
    [
      'read in lowercase',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org', applications: [app('c', { allowedDataActions: ['read'] })] }] },
      /"read" is invalid: one of "Read"\. Use SmartDataAction\.READ \("Read"\)/,
    ],
    [
      'no data actions',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org', applications: [app('c', { allowedDataActions: [] })] }] },
      /allowedDataActions \[\] is invalid: 1 actions, without duplicates/,
    ],
    [
      'Read twice',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org', applications: [app('c', { allowedDataActions: ['Read', 'Read'] })] }] },
      /allowedDataActions \["Read","Read"\] is invalid/,
    ],
    [
      'an http authority',
      { smartIdentityProviders: [{ authority: 'http://idp.example.org', applications: [app('c')] }] },
      /authority "http:\/\/idp\.example\.org" is invalid: the fully qualified https URL/,
    ],
    [
      'the same authority twice',
      {
        smartIdentityProviders: [
          { authority: 'https://idp.example.org', applications: [app('a')] },
          { authority: 'https://idp.example.org', applications: [app('b')] },
        ],
      },
      /\[1\]\.authority "https:\/\/idp\.example\.org" is invalid: authorities must be unique/,
    ],
    [
      'the same client id in two providers',
      {
        smartIdentityProviders: [
          { authority: 'https://a.example.org', applications: [app('same')] },
          { authority: 'https://b.example.org', applications: [app('same')] },
        ],
      },
      /\[1\]\.applications\[0\]\.clientId "same" is invalid: client ids must be unique across all identity providers/,
    ],
    [
      'an empty audience',
      { smartIdentityProviders: [{ authority: 'https://idp.example.org', applications: [app('c', { audience: ' ' })] }] },
      /applications\[0\]\.audience " " is invalid: a non-empty string/,
    ],
    [
      'US Core as a string',
      { implementationGuides: { usCoreMissingData: 'yes' as never } },
      /implementationGuides\.usCoreMissingData "yes" is invalid: true or false/,
    ],
  ])('%s', (_name, settings, message) => {
    const problems = problemsOf(settings);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
    for (const problem of problems) expect(problem).toMatch(/^\[stack\] FhirService /);
  });

  test('every problem of the input at once', () => {
    expect(
      problemsOf({
        encryptionKeyUrl: 'nope',
        importConfiguration: { integrationDataStore: 'A' },
        resourceVersionPolicy: { default: 'x' },
        implementationGuides: { usCoreMissingData: 1 as never },
      }),
    ).toHaveLength(4);
  });

  test('STU3 services: override keys are checked in form only', () => {
    expect(
      problemsOf({ resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: { DeviceComponent: 'no-version' } } }, 'fhir-Stu3'),
    ).toEqual([]);
    expect(
      problemsOf({ resourceVersionPolicy: { default: 'versioned', resourceTypeOverrides: { 'bad type': 'no-version' } } }, 'fhir-Stu3').join(),
    ).toMatch(/key "bad type" is invalid: a FHIR resource type name/);
  });
});

describe('the R4 resource type list', () => {
  test('146 unique, sorted types from the R4 schema, with the core clinical ones and without R5 or abstract types', () => {
    expect(FHIR_R4_RESOURCE_TYPES).toHaveLength(146);
    expect(new Set(FHIR_R4_RESOURCE_TYPES).size).toBe(146);
    expect([...FHIR_R4_RESOURCE_TYPES].sort()).toEqual(FHIR_R4_RESOURCE_TYPES);
    for (const type of [
      'Patient',
      'Observation',
      'Encounter',
      'MedicationRequest',
      'DocumentReference',
      'Binary',
      'Bundle',
      'EffectEvidenceSynthesis',
    ])
      expect(isFhirR4ResourceType(type)).toBe(true);
    for (const type of ['Resource', 'DomainResource', 'SubscriptionTopic', 'DeviceComponent', 'patient'])
      expect(isFhirR4ResourceType(type)).toBe(false);
  });
});

describe('customer-managed key and identity', () => {
  function cmkProblems(input: Omit<Parameters<typeof checkCustomerManagedKeyIdentity>[1], 'subject'>): string[] {
    const problems = new InputProblems(new TerraformStack(Testing.app(), 'stack'));
    checkCustomerManagedKeyIdentity(problems, { subject: 'FhirService', ...input });
    return problems.all;
  }

  test('a user-assigned identity can be set together with the key', () => {
    expect(cmkProblems({ encryptionKeyUrl: KEY, identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [UAMI] } })).toEqual([]);
  });

  test('a system-assigned identity and the key in one apply fail, naming both ways that work', () => {
    const [problem] = cmkProblems({ encryptionKeyUrl: KEY, identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } });
    expect(problem).toMatch(/encryptionKeyUrl cannot be set in the same apply as a system-assigned identity/);
    expect(problem).toMatch(/use a user-assigned identity granted that role first/);
    expect(problem).toMatch(
      /deploy the service without encryptionKeyUrl, grant the role to its identityPrincipalId, and add encryptionKeyUrl in a second apply/,
    );
  });

  test('the second apply of the two-step flow is allowed when stated', () => {
    expect(
      cmkProblems({ encryptionKeyUrl: KEY, identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED }, systemAssignedIdentityExists: true }),
    ).toEqual([]);
  });

  test('a key without any identity fails', () => {
    expect(cmkProblems({ encryptionKeyUrl: KEY }).join()).toMatch(/encryptionKeyUrl needs a managed identity/);
  });

  test('no key, or a token identity: nothing to say', () => {
    expect(cmkProblems({ identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED } })).toEqual([]);
    expect(cmkProblems({ encryptionKeyUrl: KEY, identity: Token.asAny({ Ref: 'i' }) as never })).toEqual([]);
  });
});

describe('access policies and AzAPI', () => {
  function accessProblems(ids: string[] | undefined, settings: FhirAzapiSettings): string[] {
    const problems = new InputProblems(new TerraformStack(Testing.app(), 'stack'));
    checkAccessPoliciesWithAzapi(problems, 'FhirService', ids, settings);
    return problems.all;
  }

  test('access policies with an AzAPI setting fail and point to role grants', () => {
    const [problem] = accessProblems(['00000000-0000-0000-0000-000000000001'], {
      resourceVersionPolicy: { default: 'versioned' },
      implementationGuides: {},
    });
    expect(problem).toMatch(
      /accessPolicyObjectIds cannot be combined with resourceVersionPolicy, implementationGuides: .*2024-03-31.*no FHIR access policies/,
    );
    expect(problem).toMatch(/Grant data-plane roles instead/);
  });

  test('access policies alone, or AzAPI settings alone, are fine', () => {
    expect(accessProblems(['00000000-0000-0000-0000-000000000001'], {})).toEqual([]);
    expect(accessProblems(undefined, { encryptionKeyUrl: KEY })).toEqual([]);
    expect(accessProblems([], { encryptionKeyUrl: KEY })).toEqual([]);
  });
});

describe('which settings need AzAPI', () => {
  test.each<[FhirAzapiSettings, string[]]>([
    [{}, []],
    [{ smartIdentityProviders: [] }, []],
    [{ encryptionKeyUrl: KEY }, ['encryptionKeyUrl']],
    [{ importConfiguration: { integrationDataStore: 'x' }, implementationGuides: {} }, ['importConfiguration', 'implementationGuides']],
    [
      { resourceVersionPolicy: { default: 'versioned' }, smartIdentityProviders: [{ authority: 'https://a', applications: [] }] },
      ['resourceVersionPolicy', 'authentication.smartIdentityProviders'],
    ],
  ])('%j → %j', (settings, names) => {
    expect(azapiSettingsIn(settings)).toEqual(names);
  });
});

describe('role needs of the service identity', () => {
  test('import needs Storage Blob Data Contributor on the account; the key needs Key Vault Crypto Service Encryption User', () => {
    expect(fhirIdentityRoleNeeds({ importConfiguration: { integrationDataStore: 'importstore01' }, encryptionKeyUrl: KEY })).toEqual([
      expect.objectContaining({
        setting: 'importConfiguration',
        roleName: 'Storage Blob Data Contributor',
        roleDefinitionGuid: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
        on: 'importstore01',
        onKind: 'storage-account-name',
      }),
      expect.objectContaining({
        setting: 'encryptionKeyUrl',
        roleName: KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.roleName,
        roleDefinitionGuid: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
        on: KEY,
        onKind: 'key-url',
      }),
    ]);
    expect(fhirIdentityRoleNeeds({ resourceVersionPolicy: { default: 'versioned' } })).toEqual([]);
  });
});

describe('key URL precondition for a token', () => {
  test('is a Terraform regex check with the same requirement in its message', () => {
    const precondition = encryptionKeyUrlPrecondition('azurerm_key_vault_key.cmk.id');
    expect(precondition.condition).toBe(
      '${can(regex("^https://[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]\\\\.(vault|managedhsm)\\\\.(azure\\\\.net|usgovcloudapi\\\\.net|azure\\\\.cn)/keys/[a-zA-Z0-9-]{1,127}/[0-9a-fA-F]{32}$", azurerm_key_vault_key.cmk.id))}',
    );
    expect(precondition.errorMessage).toContain(ENCRYPTION_KEY_URL_RULE.requirement);
    // The regex Terraform will run agrees with the synth-time rule on the same inputs.
    const pattern = new RegExp(/regex\("(.*)", /.exec(precondition.condition)![1].replace(/\\\\/g, '\\'));
    for (const url of [
      KEY,
      'https://hsm1.managedhsm.azure.cn/keys/k/0123456789abcdef0123456789abcdef',
      'https://contoso-kv.vault.azure.net/keys/k',
      'http://contoso-kv.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef',
    ]) {
      expect(pattern.test(url)).toBe(ENCRYPTION_KEY_URL_RULE.test(url));
    }
  });
});
