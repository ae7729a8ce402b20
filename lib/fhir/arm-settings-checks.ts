import type { IConstruct } from 'constructs';
import { Fn } from '../core/platform/cdktf';
import type { Precondition } from '../core/platform/cdktf';
import { hasSystemAssigned, hasUserAssigned, ManagedIdentityOptions } from '../core/identity';
import { BOOLEAN_RULE, NON_EMPTY_RULE, STORAGE_ACCOUNT_NAME_RULE } from '../core/names';
import { InputProblems, isUnresolved, objectRule, required, ValueRule } from '../core/validation';
import { azapiSettingsIn, FhirAzapiSettings, SmartDataAction } from './arm-settings';
import { fhirR4ResourceTypeLike, isFhirR4ResourceType } from '../core/fhir-r4-resource-types';
import { RESOURCE_VERSION_POLICIES, ResourceVersionPolicy } from './resource-version-policy';

/*
 * Synth-time rules for the FHIR settings only AzAPI writes, from the ARM specification 2024-03-31 and Microsoft's
 * FHIR documentation (sources: docs/azapi.md). Each rule is data; the check functions only walk the input.
 */

/** Key Vault and Managed HSM hosts per cloud. */
const KEY_HOST =
  /^([a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9])\.(?:vault\.azure\.net|vault\.usgovcloudapi\.net|vault\.azure\.cn|managedhsm\.azure\.net|managedhsm\.usgovcloudapi\.net|managedhsm\.azure\.cn)$/;
const KEY_PATH = /^\/keys\/([a-zA-Z0-9-]{1,127})(?:\/([0-9a-fA-F]{32}))?\/?$/;
/** Microsoft's limit for the FHIR service: vault (or HSM) name and key name together. */
const MAX_VAULT_AND_KEY_NAME = 94;

interface KeyUrlParts {
  readonly vault: string;
  readonly key: string;
  readonly version?: string;
}

function keyUrlParts(value: string): KeyUrlParts | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.search !== '' || url.hash !== '' || url.port !== '') return undefined;
    const host = KEY_HOST.exec(url.hostname);
    const path = KEY_PATH.exec(url.pathname);
    return host && path ? { vault: host[1], key: path[1], version: path[2] } : undefined;
  } catch {
    return undefined;
  }
}

export const ENCRYPTION_KEY_URL_RULE: ValueRule<string> = {
  requirement:
    'the versioned URL of a Key Vault (or Managed HSM) key, "https://{vault}.vault.azure.net/keys/{key}/{32-hex-digit version}", vault and key names together at most 94 characters',
  test: (value) => {
    const parts = typeof value === 'string' ? keyUrlParts(value) : undefined;
    return parts?.version !== undefined && parts.vault.length + parts.key.length <= MAX_VAULT_AND_KEY_NAME;
  },
  fix: (value) => {
    const parts = typeof value === 'string' ? keyUrlParts(value) : undefined;
    if (parts && parts.version === undefined) {
      return "Use the key's versioned identifier (the Key Identifier of a key version; azurerm_key_vault_key's id, not its versionless_id): the FHIR service does not follow a versionless key, and rotating means setting the new version's URL.";
    }
    if (typeof value === 'string' && value.startsWith('http://')) return `Use "https://${value.slice(7)}".`;
    return undefined;
  },
};

/**
 * The same rule as a Terraform precondition, for a key URL known only at plan time (e.g. a key vault key created in
 * the same apply). RE2, linear.
 */
export function encryptionKeyUrlPrecondition(keyUrlExpression: string): Precondition {
  return {
    condition: `\${can(regex("^https://[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]\\\\.(vault|managedhsm)\\\\.(azure\\\\.net|usgovcloudapi\\\\.net|azure\\\\.cn)/keys/[a-zA-Z0-9-]{1,127}/[0-9a-fA-F]{32}$", ${keyUrlExpression}))}`,
    errorMessage: `FhirService encryptionKeyUrl is invalid: ${ENCRYPTION_KEY_URL_RULE.requirement}.`,
  };
}

/**
 * The key URL rule in RE2 (Terraform's regex dialect), anchored, linear; written as the HCL string literal it becomes
 * (cdktf passes a function's string argument through without escaping backslashes, and `\\.` is HCL for `\.`).
 */
const KEY_URL_RE2_HCL =
  '^https://[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]\\\\.(vault|managedhsm)\\\\.(azure\\\\.net|usgovcloudapi\\\\.net|azure\\\\.cn)/keys/[a-zA-Z0-9-]{1,127}/[0-9a-fA-F]{32}$';

/**
 * The key URL rule as a precondition on a token (e.g. `azurerm_key_vault_key.cmk.id`, known only at plan time): the
 * same rule `terraform plan` runs, naming the construct.
 */
export function encryptionKeyUrlTokenPrecondition(scope: IConstruct, keyUrl: string): Precondition {
  return {
    condition: Fn.can(Fn.regex(KEY_URL_RE2_HCL, keyUrl)),
    errorMessage: `[${scope.node.path}] FhirService encryptionKeyUrl is invalid: ${ENCRYPTION_KEY_URL_RULE.requirement}.`,
  };
}

function enumRule(values: readonly string[], enumName: string, members: { [key: string]: string }): ValueRule<string> {
  return {
    requirement: `one of ${values.map((v) => `"${v}"`).join(', ')}`,
    test: (value) => values.includes(value),
    fix: (value) => {
      const normalized = String(value).toLowerCase().replace(/[\s_]/g, '-');
      const match = Object.entries(members).find(
        ([key, member]) => member.toLowerCase() === normalized || key.toLowerCase().replace(/_/g, '-') === normalized,
      );
      return match ? `Use ${enumName}.${match[0]} ("${match[1]}").` : undefined;
    },
  };
}

const VERSION_POLICY_RULE = enumRule(RESOURCE_VERSION_POLICIES, 'ResourceVersionPolicy', { ...ResourceVersionPolicy });
const DATA_ACTION_RULE = enumRule(Object.values(SmartDataAction), 'SmartDataAction', { ...SmartDataAction });

const R4_RESOURCE_TYPE_RULE: ValueRule<string> = {
  requirement: 'a FHIR R4 resource type, spelled as FHIR spells it (e.g. "Patient", "Observation")',
  test: (value) => isFhirR4ResourceType(value),
  fix: (value) => {
    const like = typeof value === 'string' ? fhirR4ResourceTypeLike(value) : undefined;
    return like ? `Use "${like}".` : undefined;
  },
};

/** STU3 services: a FHIR resource type name in form only (this library has no STU3 type list). */
const RESOURCE_TYPE_NAME_RULE: ValueRule<string> = {
  requirement: 'a FHIR resource type name (letters only, starting with an uppercase letter, e.g. "Patient")',
  test: (value) => typeof value === 'string' && /^[A-Z][A-Za-z]{1,63}$/.test(value),
};

const AUTHORITY_URL_RULE: ValueRule<string> = {
  requirement: 'the fully qualified https URL of the token authority, e.g. "https://contoso.b2clogin.com/{tenant}/{policy}/v2.0"',
  test: (value) => {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.length > 0;
    } catch {
      return false;
    }
  },
};

function countRule(min: number, max: number, what: string): ValueRule<readonly unknown[]> {
  return {
    requirement: `${min === max ? min : `${min}-${max}`} ${what}`,
    // Not a list at all is reported once, by checkEach.
    test: (value) => !Array.isArray(value) || isUnresolved(value) || (value.length >= min && value.length <= max),
  };
}

/** Microsoft: "up to two additional identity providers"; each with 1-25 applications. */
export const MAX_SMART_IDENTITY_PROVIDERS = 2;
export const MAX_SMART_APPLICATIONS = 25;

const IMPORT_OBJECT = objectRule('an object { integrationDataStore, enabled?, initialImportMode? }');
const VERSION_POLICY_OBJECT = objectRule('an object { default, resourceTypeOverrides? }');
const OVERRIDES_OBJECT = objectRule('an object { [FHIR resource type]: policy }');
const GUIDES_OBJECT = objectRule('an object { usCoreMissingData? }');
const PROVIDER_OBJECT = objectRule('an object { authority, applications }');
const APPLICATION_OBJECT = objectRule('an object { clientId, audience, allowedDataActions }');
const REQUIRED_STORAGE_ACCOUNT = required(STORAGE_ACCOUNT_NAME_RULE);
const REQUIRED_NON_EMPTY = required(NON_EMPTY_RULE);

/** Options of {@link checkFhirAzapiSettings}. */
export interface FhirAzapiSettingsCheckOptions {
  /** The subject prefix in messages, e.g. "FhirService". */
  readonly subject: string;
  /**
   * The service's FHIR version (`fhir-R4` or `fhir-Stu3`); override keys are checked against the R4 types for R4.
   * @default "fhir-R4"
   */
  readonly kind?: string;
}

/** Checks every setting of {@link FhirAzapiSettings} against Azure's rules; tokens are skipped. */
export function checkFhirAzapiSettings(problems: InputProblems, settings: FhirAzapiSettings, options: FhirAzapiSettingsCheckOptions): void {
  const s = options.subject;
  problems.check(`${s} encryptionKeyUrl`, settings.encryptionKeyUrl, ENCRYPTION_KEY_URL_RULE);

  const importConfiguration = settings.importConfiguration;
  if (importConfiguration !== undefined && !isUnresolved(importConfiguration)) {
    if (!IMPORT_OBJECT.test(importConfiguration)) problems.check(`${s} importConfiguration`, importConfiguration as unknown, IMPORT_OBJECT);
    else {
      problems
        .check(`${s} importConfiguration.integrationDataStore`, importConfiguration.integrationDataStore, REQUIRED_STORAGE_ACCOUNT)
        .check(`${s} importConfiguration.enabled`, importConfiguration.enabled as unknown, BOOLEAN_RULE)
        .check(`${s} importConfiguration.initialImportMode`, importConfiguration.initialImportMode as unknown, BOOLEAN_RULE);
    }
  }

  const policy = settings.resourceVersionPolicy;
  if (policy !== undefined && !isUnresolved(policy)) {
    if (!VERSION_POLICY_OBJECT.test(policy)) problems.check(`${s} resourceVersionPolicy`, policy as unknown, VERSION_POLICY_OBJECT);
    else {
      problems.check(`${s} resourceVersionPolicy.default`, policy.default as string, required(VERSION_POLICY_RULE));
      const overrides = policy.resourceTypeOverrides;
      if (overrides !== undefined && !isUnresolved(overrides)) {
        if (!OVERRIDES_OBJECT.test(overrides))
          problems.check(`${s} resourceVersionPolicy.resourceTypeOverrides`, overrides as unknown, OVERRIDES_OBJECT);
        else {
          const keyRule = (options.kind ?? 'fhir-R4') === 'fhir-R4' ? R4_RESOURCE_TYPE_RULE : RESOURCE_TYPE_NAME_RULE;
          for (const [type, value] of Object.entries(overrides)) {
            problems
              .check(`${s} resourceVersionPolicy.resourceTypeOverrides key`, type, keyRule)
              .check(`${s} resourceVersionPolicy.resourceTypeOverrides.${type}`, value as string, required(VERSION_POLICY_RULE));
          }
        }
      }
    }
  }

  checkSmartIdentityProviders(problems, `${s} authentication.smartIdentityProviders`, settings.smartIdentityProviders);

  const guides = settings.implementationGuides;
  if (guides !== undefined && !isUnresolved(guides)) {
    if (!GUIDES_OBJECT.test(guides)) problems.check(`${s} implementationGuides`, guides as unknown, GUIDES_OBJECT);
    else problems.check(`${s} implementationGuides.usCoreMissingData`, guides.usCoreMissingData as unknown, BOOLEAN_RULE);
  }
}

function checkSmartIdentityProviders(problems: InputProblems, subject: string, providers: FhirAzapiSettings['smartIdentityProviders']): void {
  if (providers === undefined || isUnresolved(providers)) return;
  problems
    .check(
      subject,
      providers as readonly unknown[],
      countRule(0, MAX_SMART_IDENTITY_PROVIDERS, 'identity providers besides Microsoft Entra ID (at most 2)'),
    )
    .checkEach<unknown>(subject, providers, PROVIDER_OBJECT);
  if (!Array.isArray(providers)) return;
  const authorities = new Map<string, number>();
  const clientIds = new Map<string, string>();
  providers.forEach((provider, p) => {
    if (!PROVIDER_OBJECT.test(provider) || isUnresolved(provider)) return;
    const at = `${subject}[${p}]`;
    problems.check(`${at}.authority`, provider.authority, required(AUTHORITY_URL_RULE));
    if (typeof provider.authority === 'string' && !isUnresolved(provider.authority)) {
      const earlier = authorities.get(provider.authority);
      if (earlier !== undefined)
        problems.add(
          `${at}.authority "${provider.authority}" is invalid: authorities must be unique; ${subject}[${earlier}] has it too. Merge their applications into one provider.`,
        );
      else authorities.set(provider.authority, p);
    }
    if (provider.applications === undefined) {
      problems.add(`${at}.applications is missing: give 1-${MAX_SMART_APPLICATIONS} applications.`);
      return;
    }
    problems
      .check(`${at}.applications`, provider.applications as readonly unknown[], countRule(1, MAX_SMART_APPLICATIONS, 'applications'))
      .checkEach<unknown>(`${at}.applications`, provider.applications, APPLICATION_OBJECT);
    if (!Array.isArray(provider.applications) || isUnresolved(provider.applications)) return;
    provider.applications.forEach((application, a) => {
      if (!APPLICATION_OBJECT.test(application) || isUnresolved(application)) return;
      const app = `${at}.applications[${a}]`;
      problems.check(`${app}.clientId`, application.clientId, REQUIRED_NON_EMPTY).check(`${app}.audience`, application.audience, REQUIRED_NON_EMPTY);
      if (typeof application.clientId === 'string' && !isUnresolved(application.clientId) && application.clientId.trim() !== '') {
        const earlier = clientIds.get(application.clientId);
        if (earlier !== undefined)
          problems.add(
            `${app}.clientId "${application.clientId}" is invalid: client ids must be unique across all identity providers; ${earlier} has it too.`,
          );
        else clientIds.set(application.clientId, app);
      }
      const actions = application.allowedDataActions;
      if (actions === undefined) {
        problems.add(`${app}.allowedDataActions is missing: give [SmartDataAction.READ].`);
        return;
      }
      problems
        .check(
          `${app}.allowedDataActions`,
          actions as readonly unknown[],
          countRule(1, Object.values(SmartDataAction).length, 'actions, without duplicates'),
        )
        .checkEach<string>(`${app}.allowedDataActions`, actions, DATA_ACTION_RULE);
      if (Array.isArray(actions) && !isUnresolved(actions) && new Set(actions).size !== actions.length) {
        problems.add(`${app}.allowedDataActions ${JSON.stringify(actions)} is invalid: each action at most once. Use ["Read"].`);
      }
    });
  });
}

/** Options of {@link checkCustomerManagedKeyIdentity}. */
export interface CustomerManagedKeyIdentityInput {
  readonly subject: string;
  readonly encryptionKeyUrl?: string;
  readonly identity?: ManagedIdentityOptions;
  /**
   * The user states that the service and its system-assigned identity exist already, and that the identity holds Key
   * Vault Crypto Service Encryption User on the key (the second apply of the two-step flow).
   * @default false
   */
  readonly systemAssignedIdentityExists?: boolean;
}

/**
 * A customer-managed key needs the service's identity to hold Key Vault Crypto Service Encryption User on the key when
 * the key is set. A system-assigned identity exists only once the service does, so key and identity cannot be set in
 * one apply: fails with the two ways that work.
 */
export function checkCustomerManagedKeyIdentity(problems: InputProblems, input: CustomerManagedKeyIdentityInput): void {
  if (input.encryptionKeyUrl === undefined || input.encryptionKeyUrl === null) return;
  if (input.identity !== undefined && isUnresolved(input.identity)) return;
  const identity = input.identity;
  if (identity === undefined || identity === null) {
    problems.add(
      `${input.subject} encryptionKeyUrl needs a managed identity: the FHIR service reads the key with its own identity (one identity type). ` +
        'Give identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [<identity id>] } and grant that identity Key Vault Crypto Service Encryption User on the key before the service is created.',
    );
    return;
  }
  if (hasSystemAssigned(identity) && !hasUserAssigned(identity) && input.systemAssignedIdentityExists !== true) {
    problems.add(
      `${input.subject} encryptionKeyUrl cannot be set in the same apply as a system-assigned identity: that identity does not exist before the service, so it cannot hold Key Vault Crypto Service Encryption User on the key when the key is set. ` +
        'Either use a user-assigned identity granted that role first (key and service then deploy together), or deploy the service without encryptionKeyUrl, grant the role to its identityPrincipalId, and add encryptionKeyUrl in a second apply together with systemAssignedIdentityExists: true.',
    );
  }
}

/** FHIR access policies do not exist at API version 2024-03-31, the version the AzAPI settings need. */
export function checkAccessPoliciesWithAzapi(
  problems: InputProblems,
  subject: string,
  accessPolicyObjectIds: readonly string[] | undefined,
  settings: FhirAzapiSettings,
): void {
  const azapi = azapiSettingsIn(settings);
  if (azapi.length === 0 || accessPolicyObjectIds === undefined || (Array.isArray(accessPolicyObjectIds) && accessPolicyObjectIds.length === 0))
    return;
  problems.add(
    `${subject} accessPolicyObjectIds cannot be combined with ${azapi.join(', ')}: those settings need API version 2024-03-31 (written through AzAPI), which has no FHIR access policies (removed in 2023-09-06). ` +
      'Grant data-plane roles instead (grantDataReader, grantDataWriter, grantDataContributor, ...) and drop accessPolicyObjectIds.',
  );
}
