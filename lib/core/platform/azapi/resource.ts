import * as cdktf from '../cdktf';
import { Construct } from 'constructs';
import {
  AZAPI_BODY_RULE,
  AZAPI_TYPE_RULE,
  azapiResourceConfig,
  AzapiBody,
  AzapiResourceIdentity,
  AzapiRetry,
  AzapiTimeouts,
  defined,
  identityToTerraform,
  responseExportValuesToTerraform,
  retryToTerraform,
  timeoutsToTerraform,
} from './common';
import { InputProblems, propsObject, required } from '../../validation';
import { hclAttributes } from './hcl';

/** Arguments of an `azapi_resource` (Azure/azapi 2.x): any Azure Resource Manager resource, written with a full PUT. */
export interface AzapiResourceConfig extends cdktf.TerraformMetaArguments {
  /** `<resource type>@<api version>`, e.g. `Microsoft.HealthcareApis/workspaces/fhirServices@2024-03-31`. */
  readonly type: string;
  /**
   * The resource's name. Changing it replaces the resource.
   * @default - the provider's `default_name`
   */
  readonly name?: string;
  /**
   * The id of the parent: a resource group, or for a child resource its parent resource. Changing it replaces the
   * resource.
   * @default - required except for resource groups
   */
  readonly parentId?: string;
  /**
   * The region. Changing it (other than in spelling: `East US` = `eastus`) replaces the resource.
   * @default - the provider's `default_location`, for resources that have a location
   */
  readonly location?: string;
  /**
   * The request body without `location`, `tags` and `identity` (give those as arguments): an object, not a string.
   * @default {}
   */
  readonly body?: AzapiBody;
  /**
   * The managed identity.
   * @default - none
   */
  readonly identity?: AzapiResourceIdentity;
  /**
   * Tags.
   * @default - the provider's `default_tags`
   */
  readonly tags?: { [key: string]: string };
  /**
   * Response properties to export into `output`: paths (`["properties.serviceUrl"]`, `["*"]` for all) or names mapped
   * to JMESPath queries.
   * @default - the read-only properties (unless the provider disables default output)
   */
  readonly responseExportValues?: string[] | { [name: string]: string };
  /**
   * Validate `type` and `body` against the provider's embedded ARM schema at plan time.
   * @default true
   */
  readonly schemaValidationEnabled?: boolean;
  /**
   * Ignore the casing of property values when comparing with Azure.
   * @default false
   */
  readonly ignoreCasing?: boolean;
  /**
   * Ignore body properties Azure does not return (e.g. secrets) when comparing.
   * @default true
   */
  readonly ignoreMissingProperty?: boolean;
  /**
   * Leave `null` properties out of the request and the comparison.
   * @default false
   */
  readonly ignoreNullProperty?: boolean;
  /**
   * Ids used as mutexes so that AzAPI resources touching the same Azure resource run one at a time.
   * @default - none
   */
  readonly locks?: string[];
  /**
   * Replace the resource whenever this value changes (and is not `null`).
   * @default - none
   */
  readonly replaceTriggersExternalValues?: unknown;
  /**
   * Body paths whose change replaces the resource.
   * @default - none
   */
  readonly replaceTriggersRefs?: string[];
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

/**
 * An `azapi_resource` (Azure/azapi 2.x), written by hand in the shape of the generated cdktf resources: AzAPI has no
 * prebuilt cdktf package. The owner of the whole resource: every update PUTs exactly the configured body.
 */
export class AzapiResource extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azapi_resource';

  private _type: string;
  private _name?: string;
  private _parentId?: string;
  private _location?: string;
  private _body?: AzapiBody;
  private _identity?: AzapiResourceIdentity;
  private _tags?: { [key: string]: string };
  private readonly rest: Pick<
    AzapiResourceConfig,
    | 'responseExportValues'
    | 'schemaValidationEnabled'
    | 'ignoreCasing'
    | 'ignoreMissingProperty'
    | 'ignoreNullProperty'
    | 'locks'
    | 'replaceTriggersExternalValues'
    | 'replaceTriggersRefs'
    | 'retry'
    | 'timeouts'
  >;

  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, azapiResourceConfig('azapi_resource', config));
    propsObject(this, 'AzapiResource config', config, '{ type, name?, parentId?, body?, ... }');
    const problems = new InputProblems(this)
      .check('AzapiResource type', config.type, required(AZAPI_TYPE_RULE))
      .check('AzapiResource body', config.body as unknown, AZAPI_BODY_RULE);
    problems.throwIfAny();
    this._type = config.type;
    this._name = config.name;
    this._parentId = config.parentId;
    this._location = config.location;
    this._body = config.body;
    this._identity = config.identity;
    this._tags = config.tags;
    this.rest = {
      responseExportValues: config.responseExportValues,
      schemaValidationEnabled: config.schemaValidationEnabled,
      ignoreCasing: config.ignoreCasing,
      ignoreMissingProperty: config.ignoreMissingProperty,
      ignoreNullProperty: config.ignoreNullProperty,
      locks: config.locks,
      replaceTriggersExternalValues: config.replaceTriggersExternalValues,
      replaceTriggersRefs: config.replaceTriggersRefs,
      retry: config.retry,
      timeouts: config.timeouts,
    };
  }

  /** The Azure resource id (computed). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get type(): string {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  public get typeInput(): string | undefined {
    return this._type;
  }

  public get name(): string {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public get nameInput(): string | undefined {
    return this._name;
  }

  public get parentId(): string {
    return this.getStringAttribute('parent_id');
  }
  public set parentId(value: string) {
    this._parentId = value;
  }
  public get parentIdInput(): string | undefined {
    return this._parentId;
  }

  public get location(): string {
    return this.getStringAttribute('location');
  }
  public set location(value: string) {
    this._location = value;
  }
  public get locationInput(): string | undefined {
    return this._location;
  }

  /** The body as Terraform knows it (computed: Azure's values for the configured paths). */
  public get body(): cdktf.IResolvable {
    return this.interpolationForAttribute('body');
  }
  public set body(value: AzapiBody) {
    this._body = value;
  }
  /** The body given to this resource. */
  public get bodyInput(): AzapiBody | undefined {
    return this._body;
  }

  public get tags(): { [key: string]: string } {
    return this.getStringMapAttribute('tags');
  }
  public set tags(value: { [key: string]: string }) {
    this._tags = value;
  }
  public get tagsInput(): { [key: string]: string } | undefined {
    return this._tags;
  }

  public putIdentity(value: AzapiResourceIdentity): void {
    this._identity = value;
  }
  public resetIdentity(): void {
    this._identity = undefined;
  }
  public get identityInput(): AzapiResourceIdentity | undefined {
    return this._identity;
  }
  /** The principal id of the system-assigned identity (computed). */
  public get identityPrincipalId(): string {
    return this.getStringAttribute('identity[0].principal_id');
  }
  /** The tenant id of the system-assigned identity (computed). */
  public get identityTenantId(): string {
    return this.getStringAttribute('identity[0].tenant_id');
  }

  /** What `response_export_values` selected (computed, an object). */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }
  /** One string in `output`, e.g. `outputString("properties.serviceUrl")`. */
  public outputString(path: string): string {
    return this.getStringAttribute(`output.${path}`);
  }

  public get schemaValidationEnabledInput(): boolean | undefined {
    return this.rest.schemaValidationEnabled;
  }
  public get responseExportValuesInput(): string[] | { [name: string]: string } | undefined {
    return this.rest.responseExportValues;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const str = cdktf.stringToTerraform;
    const bool = cdktf.booleanToTerraform;
    const r = this.rest;
    return defined({
      type: str(this._type),
      name: str(this._name),
      parent_id: str(this._parentId),
      location: str(this._location),
      body: this._body,
      tags: cdktf.hashMapper(str)(this._tags),
      response_export_values: responseExportValuesToTerraform(r.responseExportValues),
      schema_validation_enabled: bool(r.schemaValidationEnabled),
      ignore_casing: bool(r.ignoreCasing),
      ignore_missing_property: bool(r.ignoreMissingProperty),
      ignore_null_property: bool(r.ignoreNullProperty),
      locks: cdktf.listMapper(str, false)(r.locks),
      replace_triggers_external_values: r.replaceTriggersExternalValues,
      replace_triggers_refs: cdktf.listMapper(str, false)(r.replaceTriggersRefs),
      retry: retryToTerraform(r.retry),
      identity: identityToTerraform(this._identity),
      timeouts: timeoutsToTerraform(r.timeouts),
    });
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclAttributes(this.synthesizeAttributes(), {
      body: 'any',
      tags: 'map',
      response_export_values: 'any',
      locks: 'list',
      replace_triggers_external_values: 'any',
      replace_triggers_refs: 'list',
      retry: 'any',
      identity: 'block-list',
      timeouts: 'block',
    });
  }
}
