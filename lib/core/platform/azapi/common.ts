import * as cdktf from '../cdktf';
import { ValueRule } from '../../validation';
import { AZAPI_VERSION_CONSTRAINT } from './versions';

/**
 * An ARM request body (or part of one) as a plain object: AzAPI 2.x takes HCL objects, so the synthesized JSON
 * carries it as a nested object, not as a `jsonencode`d string. Values may contain tokens.
 */
export type AzapiBody = { [key: string]: unknown };

/** The managed identity of an AzAPI resource (`identity` block). */
export interface AzapiResourceIdentity {
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned, UserAssigned` or `None`. */
  readonly type: string;
  /**
   * Resource ids of user-assigned identities (only with a user-assigned type).
   * @default - none
   */
  readonly identityIds?: string[];
}

/** Operation timeouts (`timeouts` block), Go durations such as `"30m"` or `"1h30m"`. */
export interface AzapiTimeouts {
  /**
   * @default - the provider's
   */
  readonly create?: string;
  /**
   * @default - the provider's
   */
  readonly read?: string;
  /**
   * @default - the provider's
   */
  readonly update?: string;
  /**
   * @default - the provider's
   */
  readonly delete?: string;
}

/** Retry of requests whose error message matches (`retry` object). */
export interface AzapiRetry {
  /** Go regular expressions matched against error messages (at least one). */
  readonly errorMessageRegex: string[];
  /**
   * Seconds between retries, 1-120.
   * @default 10
   */
  readonly intervalSeconds?: number;
  /**
   * Maximum seconds between retries, 1-300.
   * @default 180
   */
  readonly maxIntervalSeconds?: number;
}

export function identityToTerraform(identity: AzapiResourceIdentity | cdktf.IResolvable | undefined): unknown {
  if (identity === undefined) return undefined;
  if (!cdktf.canInspect(identity) || cdktf.Tokenization.isResolvable(identity)) return identity;
  const i = identity as AzapiResourceIdentity;
  // A list-nested block in the provider schema: one element.
  return [{ type: cdktf.stringToTerraform(i.type), identity_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(i.identityIds) }];
}

export function timeoutsToTerraform(timeouts: AzapiTimeouts | undefined): unknown {
  if (timeouts === undefined) return undefined;
  return {
    create: cdktf.stringToTerraform(timeouts.create),
    read: cdktf.stringToTerraform(timeouts.read),
    update: cdktf.stringToTerraform(timeouts.update),
    delete: cdktf.stringToTerraform(timeouts.delete),
  };
}

export function retryToTerraform(retry: AzapiRetry | undefined): unknown {
  if (retry === undefined) return undefined;
  return {
    error_message_regex: cdktf.listMapper(cdktf.stringToTerraform, false)(retry.errorMessageRegex),
    interval_seconds: cdktf.numberToTerraform(retry.intervalSeconds),
    max_interval_seconds: cdktf.numberToTerraform(retry.maxIntervalSeconds),
  };
}

/** `response_export_values`: a list of paths, or a map of names to JMESPath queries. */
export function responseExportValuesToTerraform(values: string[] | { [name: string]: string } | undefined): unknown {
  if (values === undefined) return undefined;
  return Array.isArray(values) ? cdktf.listMapper(cdktf.stringToTerraform, false)(values) : cdktf.hashMapper(cdktf.stringToTerraform)(values);
}

/** Drops keys whose value is `undefined`, so that cdktf does not render them. */
export function defined<T extends { [key: string]: unknown }>(attributes: T): T {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined)) as T;
}

/** `<Namespace>/<type>[/<child>...]@<api version>`, e.g. `Microsoft.HealthcareApis/workspaces@2024-03-31`. */
const RESOURCE_TYPE_WITH_VERSION = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+(?:\/[A-Za-z0-9]+)+@\d{4}-\d{2}-\d{2}(?:-[A-Za-z]+)?$/;

export const AZAPI_TYPE_RULE: ValueRule<string> = {
  requirement: 'a resource type with its API version, "<Namespace>/<type>@<yyyy-mm-dd>", e.g. "Microsoft.HealthcareApis/workspaces@2024-03-31"',
  test: (value) => typeof value === 'string' && RESOURCE_TYPE_WITH_VERSION.test(value),
};

export const AZAPI_BODY_RULE: ValueRule<unknown> = {
  requirement: 'an object (AzAPI 2.x takes the body as an object, not as a JSON string)',
  test: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  fix: (value) => (typeof value === 'string' ? 'Pass the object itself instead of JSON.stringify(...) or jsonencode(...).' : undefined),
};

/** What every AzAPI resource binding hands `TerraformResource`: its type, the provider's version constraint, the meta-arguments. */
export function azapiResourceConfig(terraformResourceType: string, config: cdktf.TerraformMetaArguments | undefined): cdktf.TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
    provider: config?.provider,
    dependsOn: config?.dependsOn,
    count: config?.count,
    lifecycle: config?.lifecycle,
    provisioners: config?.provisioners,
    connection: config?.connection,
    forEach: config?.forEach,
  };
}
