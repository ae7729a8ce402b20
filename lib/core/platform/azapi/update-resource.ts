import * as cdktf from '../cdktf';
import { Construct } from 'constructs';
import {
  AZAPI_BODY_RULE,
  AZAPI_TYPE_RULE,
  azapiResourceConfig,
  AzapiBody,
  AzapiRetry,
  AzapiTimeouts,
  defined,
  responseExportValuesToTerraform,
  retryToTerraform,
  timeoutsToTerraform,
} from './common';
import { InputProblems, propsObject, required } from '../../validation';
import { hclAttributes } from './hcl';

/**
 * Arguments of an `azapi_update_resource` (Azure/azapi 2.x): some properties of a resource that exists already and
 * is owned by something else. AzAPI GETs the resource, merges `body` into it and PUTs the result; destroying the
 * update resource changes nothing in Azure.
 */
export interface AzapiUpdateResourceConfig extends cdktf.TerraformMetaArguments {
  /** `<resource type>@<api version>`, e.g. `Microsoft.HealthcareApis/workspaces@2024-03-31`. */
  readonly type: string;
  /**
   * The id of the resource to update. Give either this, or `name` and `parentId`.
   * @default - from `name` and `parentId`
   */
  readonly resourceId?: string;
  /**
   * The name of the resource to update (with `parentId`).
   * @default - from `resourceId`
   */
  readonly name?: string;
  /**
   * The parent of the resource to update (with `name`).
   * @default - from `resourceId`
   */
  readonly parentId?: string;
  /**
   * The properties to set, as an object, e.g. `{ properties: { publicNetworkAccess: "Disabled" } }`.
   * @default {}
   */
  readonly body?: AzapiBody;
  /**
   * Response properties to export into `output`.
   * @default - none
   */
  readonly responseExportValues?: string[] | { [name: string]: string };
  /**
   * Ignore the casing of property values when comparing with Azure.
   * @default false
   */
  readonly ignoreCasing?: boolean;
  /**
   * Ignore body properties Azure does not return when comparing.
   * @default true
   */
  readonly ignoreMissingProperty?: boolean;
  /**
   * Ids used as mutexes so that AzAPI resources touching the same Azure resource run one at a time.
   * @default - none
   */
  readonly locks?: string[];
  /**
   * Re-apply (replace, which for an update resource is a new GET-merge-PUT) whenever this value changes.
   * @default - none
   */
  readonly replaceTriggersExternalValues?: unknown;
  /**
   * Retry requests whose error matches.
   * @default - no extra retries
   */
  readonly retry?: AzapiRetry;
  /**
   * Operation timeouts.
   * @default - the provider's
   */
  readonly timeouts?: AzapiTimeouts;
}

/** An `azapi_update_resource` (Azure/azapi 2.x), written by hand in the shape of the generated cdktf resources. */
export class AzapiUpdateResource extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azapi_update_resource';

  private readonly config: AzapiUpdateResourceConfig;

  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    super(scope, id, azapiResourceConfig('azapi_update_resource', config));
    propsObject(this, 'AzapiUpdateResource config', config, '{ type, resourceId? | name? + parentId?, body?, ... }');
    const problems = new InputProblems(this)
      .check('AzapiUpdateResource type', config.type, required(AZAPI_TYPE_RULE))
      .check('AzapiUpdateResource body', config.body as unknown, AZAPI_BODY_RULE);
    const byName = config.name !== undefined || config.parentId !== undefined;
    if (config.resourceId !== undefined && byName) {
      problems.add('AzapiUpdateResource takes either resourceId, or name and parentId, not both. Give only resourceId.');
    } else if (config.resourceId === undefined && (config.name === undefined || config.parentId === undefined)) {
      problems.add('AzapiUpdateResource needs the resource to update: resourceId, or both name and parentId.');
    }
    problems.throwIfAny();
    this.config = { ...config };
  }

  /** The id of the updated resource (computed). */
  public get id(): string {
    return this.getStringAttribute('id');
  }
  /** The id of the updated resource (computed from `name` and `parentId` when not given). */
  public get resourceId(): string {
    return this.getStringAttribute('resource_id');
  }
  public get typeInput(): string {
    return this.config.type;
  }
  public get resourceIdInput(): string | undefined {
    return this.config.resourceId;
  }
  public get nameInput(): string | undefined {
    return this.config.name;
  }
  public get parentIdInput(): string | undefined {
    return this.config.parentId;
  }
  public get bodyInput(): AzapiBody | undefined {
    return this.config.body;
  }
  /** What `response_export_values` selected (computed, an object). */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    const str = cdktf.stringToTerraform;
    const bool = cdktf.booleanToTerraform;
    return defined({
      type: str(c.type),
      resource_id: str(c.resourceId),
      name: str(c.name),
      parent_id: str(c.parentId),
      body: c.body,
      response_export_values: responseExportValuesToTerraform(c.responseExportValues),
      ignore_casing: bool(c.ignoreCasing),
      ignore_missing_property: bool(c.ignoreMissingProperty),
      locks: cdktf.listMapper(str, false)(c.locks),
      replace_triggers_external_values: c.replaceTriggersExternalValues,
      retry: retryToTerraform(c.retry),
      timeouts: timeoutsToTerraform(c.timeouts),
    });
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclAttributes(this.synthesizeAttributes(), {
      body: 'any',
      response_export_values: 'any',
      locks: 'list',
      replace_triggers_external_values: 'any',
      retry: 'any',
      timeouts: 'block',
    });
  }
}
