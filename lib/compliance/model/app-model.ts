import type { IConstruct } from 'constructs';
import { AZAPI_RESOURCE_TYPE, logicalTerraformType, SERVICE_KINDS } from '../../core/kinds';
import {
  TerraformDataSource,
  TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from '../../core/platform/cdktf';
import { resolveIn } from '../../core/resolve';
import { isExpression, TerraformBlock, TerraformValue } from './terraform-values';

/** One resource or data source as Terraform will receive it: the synthesized block, raw overrides applied. */
export interface SynthesizedResource {
  /** The stack it is synthesized into. */
  readonly stack: TerraformStack;
  /** The Terraform type, e.g. `azurerm_healthcare_fhir_service` or `azapi_resource`. */
  readonly type: string;
  /**
   * What the resource stands for: its type, except for an `azapi_resource` of a service kind's ARM type, which stands
   * for the kind's azurerm type (a FHIR service written through AzAPI is `azurerm_healthcare_fhir_service` here).
   */
  readonly logicalType: string;
  /** Its address in the stack, e.g. `azurerm_healthcare_fhir_service.Health_Patients_A1B2C3D4` or `data.azurerm_client_config.x`. */
  readonly address: string;
  /** The provider construct. */
  readonly element: TerraformElement;
  /** The construct users know it by: the L2 construct for a child called `Resource`, else the element itself. */
  readonly owner: IConstruct;
  /** The synthesized arguments and meta-arguments (snake_case, tokens resolved, without cdktf's `//` metadata). */
  readonly config: TerraformBlock;
}

/** What a value turned out to be, following references to arguments of resources in the app. */
export type Knowledge<T> =
  { readonly state: 'known'; readonly value: T } | { readonly state: 'absent' } | { readonly state: 'unknown'; readonly expression: string };

/** Whether one value points at a resource: yes, no, or only Terraform can tell. */
export type Tri = 'yes' | 'no' | 'unknown';

/** A reference expression `${...}` taken apart. */
interface ParsedReference {
  /** The referenced resource, when it is one of the app's. */
  readonly resource?: SynthesizedResource;
  /** The attribute path after the resource address, e.g. ["id"] or ["identity", "0", "principal_id"]. */
  readonly attributes: readonly string[];
}

const REFERENCE = /^\$\{([A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])*)\}$/;
const MAX_HOPS = 8;

/**
 * The synthesized configuration of every resource and data source in an app, and reference following between them
 * (within a stack and across stacks through cdktf's cross-stack outputs). Resources are resolved on first use.
 */
export class AppModel {
  private readonly elements = new Map<string, TerraformElement>();
  /** The keys of the resources (not data sources) of each Terraform type: the model is indexed once, not per rule. */
  private readonly keysByType = new Map<string, string[]>();
  private readonly resolved = new Map<string, SynthesizedResource>();
  private readonly referrerIndexes = new Map<string, ReferrerIndex>();
  private readonly stacks: TerraformStack[];

  constructor(root: IConstruct) {
    const nodes = root.node.findAll();
    this.stacks = nodes.filter((node): node is TerraformStack => TerraformStack.isStack(node));
    for (const node of nodes) {
      if (TerraformResource.isTerraformResource(node) || TerraformDataSource.isTerraformDataSource(node)) {
        const key = this.key(TerraformStack.of(node), addressOf(node));
        this.elements.set(key, node);
        if (TerraformDataSource.isTerraformDataSource(node)) continue;
        const type = (node as TerraformResource).terraformResourceType;
        const keys = this.keysByType.get(type) ?? [];
        keys.push(key);
        this.keysByType.set(type, keys);
      }
    }
  }

  /** Every resource of a Terraform type in the app (or in one stack). */
  public resourcesOfType(type: string, stack?: TerraformStack): SynthesizedResource[] {
    const found: SynthesizedResource[] = [];
    for (const key of this.keysByType.get(type) ?? []) {
      const element = this.elements.get(key)!;
      if (stack && TerraformStack.of(element) !== stack) continue;
      found.push(this.synthesized(key, element));
    }
    return found;
  }

  /**
   * The resources of `type` that may point at one of `targets` through the argument at `path` (e.g.
   * `['private_service_connection', 'private_connection_resource_id']`; blocks may be lists): those whose value is a
   * reference to one of them, and those whose value is not a reference to a resource of the app (a literal id, or an
   * expression only Terraform knows), which the caller decides with {@link refersTo}. Indexed once per (type, path), so
   * that a rule applied to every resource costs the number of candidates, not the number of resources of `type`.
   */
  public referrers(type: string, path: readonly string[], ...targets: SynthesizedResource[]): SynthesizedResource[] {
    const indexKey = `${type}\u0000${path.join('.')}`;
    let index = this.referrerIndexes.get(indexKey);
    if (!index) {
      index = { byTarget: new Map(), undecided: [], order: new Map() };
      for (const resource of this.resourcesOfType(type)) {
        index.order.set(resource, index.order.size);
        const targets = valuesAt(resource.config, path).map((value) =>
          typeof value === 'string' ? this.reference(resource, value)?.resource : undefined,
        );
        if (targets.length === 0) continue;
        if (targets.some((referenced) => referenced === undefined)) index.undecided.push(resource);
        for (const referenced of new Set(targets)) {
          if (referenced === undefined) continue;
          const list = index.byTarget.get(referenced) ?? [];
          list.push(resource);
          index.byTarget.set(referenced, list);
        }
      }
      this.referrerIndexes.set(indexKey, index);
    }
    const referring = targets.flatMap((target) => index.byTarget.get(target) ?? []);
    if (index.undecided.length === 0 && targets.length <= 1) return referring;
    // In the order of the resources of the type, as a scan of all of them would meet them.
    const order = index.order;
    return [...new Set([...referring, ...index.undecided])].sort((a, b) => order.get(a)! - order.get(b)!);
  }

  /**
   * Every resource that stands for a type (see {@link SynthesizedResource.logicalType}): the resources of that type, and
   * the `azapi_resource`s of a service kind whose azurerm type it is.
   */
  public resourcesOfLogicalType(type: string, stack?: TerraformStack): SynthesizedResource[] {
    const own = this.resourcesOfType(type, stack);
    if (!SERVICE_KINDS.some((kind) => kind.terraformType === type && kind.azapiType !== undefined)) return own;
    return [...own, ...this.resourcesOfType(AZAPI_RESOURCE_TYPE, stack).filter((resource) => resource.logicalType === type)];
  }

  /** The synthesized view of one element of the app. */
  public of(element: TerraformElement): SynthesizedResource {
    return this.synthesized(this.key(TerraformStack.of(element), addressOf(element)), element);
  }

  /** The literal `tenant_id` of the stack's azurerm provider(s), when every one states the same literal. */
  public providerTenantId(stack: TerraformStack): string | undefined {
    const tenants = stack.node
      .findAll()
      .filter((node): node is TerraformProvider => TerraformProvider.isTerraformProvider(node) && node.terraformResourceType === 'azurerm')
      .map((provider) => {
        const block = resolveIn(stack, provider.toTerraform()) as { provider?: { azurerm?: TerraformBlock[] } };
        return block.provider?.azurerm?.[0]?.tenant_id;
      });
    if (tenants.length === 0 || tenants.some((tenant) => typeof tenant !== 'string' || isExpression(tenant))) return undefined;
    return new Set(tenants).size === 1 ? (tenants[0] as string) : undefined;
  }

  /**
   * What a value of `from`'s configuration is: a literal, absent, or an expression only Terraform knows. A plain
   * reference to an argument of another resource of the app (`${azurerm_resource_group.g.location}`) is followed.
   */
  public valueOf(from: SynthesizedResource, value: TerraformValue, hops = 0): Knowledge<TerraformValue> {
    if (value === undefined || value === null) return { state: 'absent' };
    if (typeof value !== 'string' || !isExpression(value)) return { state: 'known', value };
    const reference = this.reference(from, value);
    if (!reference?.resource || hops >= MAX_HOPS) return { state: 'unknown', expression: value };
    let target: TerraformValue = reference.resource.config;
    for (const attribute of reference.attributes) {
      // Blocks synthesize as one object or a list of objects; `identity[0].x` and `identity.x` read the same.
      if (Array.isArray(target)) target = /^\d+$/.test(attribute) ? target[Number(attribute)] : pick(target[0], attribute);
      else if (attribute === '0' && typeof target === 'object' && target !== null) continue;
      else target = pick(target, attribute);
    }
    // An attribute Terraform computes (e.g. `id`) is not in the configuration: unknown, not absent.
    if (target === undefined) return { state: 'unknown', expression: value };
    return this.valueOf(reference.resource, target, hops + 1);
  }

  /** The resource of the app a plain reference `${type.name.attr}` in `from`'s configuration points at, if any. */
  public referencedResource(from: SynthesizedResource, value: TerraformValue): SynthesizedResource | undefined {
    return typeof value === 'string' ? this.reference(from, value)?.resource : undefined;
  }

  /** A literal string value, or undefined when absent or unknown. */
  public stringOf(from: SynthesizedResource, value: TerraformValue): string | undefined {
    const known = this.valueOf(from, value);
    return known.state === 'known' && typeof known.value === 'string' ? known.value : undefined;
  }

  /**
   * Whether `value` (in `from`'s configuration) identifies `target`: a reference to its `id` attribute (also across
   * stacks), or a literal Azure resource id naming it.
   */
  public refersTo(from: SynthesizedResource, value: TerraformValue, target: SynthesizedResource, attribute = 'id'): Tri {
    if (value === undefined || value === null) return 'no';
    if (typeof value !== 'string') return 'no';
    if (isExpression(value)) {
      const reference = this.reference(from, value);
      if (!reference) return 'unknown';
      if (!reference.resource) return 'unknown';
      if (reference.resource === target) return reference.attributes.join('.') === attribute ? 'yes' : 'no';
      // A reference to another resource's argument that holds the id (rare) is followed.
      const followed = this.valueOf(from, value);
      if (followed.state === 'known' && typeof followed.value === 'string')
        return this.refersTo(reference.resource, followed.value, target, attribute);
      return reference.attributes.join('.') === 'id' ? 'no' : 'unknown';
    }
    return attribute === 'id' ? this.literalIdNames(value, target) : 'unknown';
  }

  /** Whether a literal Azure resource id names `target` (by type segment, name, parent workspace and resource group). */
  private literalIdNames(id: string, target: SynthesizedResource): Tri {
    const shape = ID_SHAPES[target.logicalType];
    if (!shape) return 'unknown';
    const segments = id.split('/').filter(Boolean);
    const lower = segments.map((segment) => segment.toLowerCase());
    const at = lower.lastIndexOf(shape.segment.toLowerCase());
    if (at < 0 || at !== segments.length - 2) return 'no';
    const checks: Array<[string | undefined, Knowledge<TerraformValue>]> = [[segments[at + 1], this.valueOf(target, target.config.name)]];
    const group = lower.indexOf('resourcegroups');
    if (group >= 0 && target.config.resource_group_name !== undefined)
      checks.push([segments[group + 1], this.valueOf(target, target.config.resource_group_name)]);
    if (shape.parent) {
      const workspaceAt = lower.lastIndexOf('workspaces');
      const parentArgument = target.type === AZAPI_RESOURCE_TYPE ? 'parent_id' : shape.parent;
      const parent = this.reference(target, target.config[parentArgument] as string | undefined)?.resource;
      checks.push([
        workspaceAt >= 0 ? segments[workspaceAt + 1] : undefined,
        parent ? this.valueOf(parent, parent.config.name) : { state: 'unknown', expression: '' },
      ]);
    }
    let unknown = false;
    for (const [given, expected] of checks) {
      if (expected.state !== 'known' || typeof expected.value !== 'string' || given === undefined) {
        unknown = true;
        continue;
      }
      if (given.toLowerCase() !== expected.value.toLowerCase()) return 'no';
    }
    return unknown ? 'unknown' : 'yes';
  }

  /** Takes a `${...}` reference apart; maps cdktf's cross-stack remote-state outputs back to the origin resource. */
  private reference(from: SynthesizedResource, value: string | undefined): ParsedReference | undefined {
    return this.referenceIn(from.stack, value);
  }

  private referenceIn(stack: TerraformStack, value: string | undefined): ParsedReference | undefined {
    const match = value === undefined ? null : REFERENCE.exec(value);
    if (!match) return undefined;
    const parts = match[1].replace(/\[(\d+)\]/g, '.$1').split('.');
    if (parts[0] === 'data' && parts[1] === 'terraform_remote_state' && parts[3] === 'outputs') {
      return this.crossStackReference(stack, parts[2], parts[4], parts.slice(5));
    }
    if (['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(parts[0])) return { attributes: [] };
    const isData = parts[0] === 'data';
    const [type, name, ...attributes] = isData ? parts.slice(1) : parts;
    const address = `${isData ? 'data.' : ''}${type}.${name}`;
    const key = this.key(stack, address);
    const element = this.elements.get(key);
    return { resource: element ? this.synthesized(key, element) : undefined, attributes };
  }

  private crossStackReference(stack: TerraformStack, remoteState: string, output: string, rest: string[]): ParsedReference | undefined {
    const input = stack.node
      .findAll()
      .find(
        (node) =>
          TerraformElement.isTerraformElement(node) &&
          node.node.id.startsWith('cross-stack-reference-input-') &&
          node.friendlyUniqueId === remoteState,
      );
    const origin = input && this.stacks.find((candidate) => candidate.node.id === input.node.id.slice('cross-stack-reference-input-'.length));
    const source = origin?.node
      .findAll()
      .find((node) => TerraformOutput.isTerraformOutput(node) && node.node.id.startsWith('cross-stack-output-') && node.friendlyUniqueId === output);
    if (!origin || !source) return { attributes: [] };
    const identifier = source.node.id.slice('cross-stack-output-'.length);
    const parsed = this.referenceIn(origin, `\${${identifier}}`);
    return parsed && { resource: parsed.resource, attributes: [...parsed.attributes, ...rest] };
  }

  private synthesized(key: string, element: TerraformElement): SynthesizedResource {
    let view = this.resolved.get(key);
    if (!view) {
      const stack = TerraformStack.of(element);
      const isData = TerraformDataSource.isTerraformDataSource(element);
      const type = (element as TerraformResource).terraformResourceType;
      const synthesized = element.toTerraform() as {
        resource?: Record<string, Record<string, unknown>>;
        data?: Record<string, Record<string, unknown>>;
      };
      const block = (isData ? synthesized.data : synthesized.resource)?.[type]?.[element.friendlyUniqueId] ?? {};
      const { ['//']: _metadata, ...config } = resolveIn(stack, block) as TerraformBlock;
      void _metadata;
      const owner = element.node.id === 'Resource' && element.node.scope ? element.node.scope : element;
      view = { stack, type, logicalType: logicalTerraformType(type, config.type), address: addressOf(element), element, owner, config };
      this.resolved.set(key, view);
    }
    return view;
  }

  private key(stack: TerraformStack, address: string): string {
    return `${stack.node.path}\u0000${address}`;
  }
}

/** The resources of one type, by the resource their argument references; `undecided`: not a plain reference. */
interface ReferrerIndex {
  readonly byTarget: Map<SynthesizedResource, SynthesizedResource[]>;
  readonly undecided: SynthesizedResource[];
  readonly order: Map<SynthesizedResource, number>;
}

/** The values at a path of a configuration; a block synthesizes as an object or a list of objects. */
function valuesAt(value: TerraformValue, path: readonly string[]): TerraformValue[] {
  if (Array.isArray(value)) return value.flatMap((entry) => valuesAt(entry, path));
  if (path.length === 0) return value === undefined || value === null ? [] : [value];
  return valuesAt(pick(value, path[0]), path.slice(1));
}

/** How a literal Azure resource id names a resource of each type the rules link to. */
const ID_SHAPES: { readonly [type: string]: { readonly segment: string; readonly parent?: string } } = {
  azurerm_healthcare_workspace: { segment: 'workspaces' },
  azurerm_healthcare_fhir_service: { segment: 'fhirServices', parent: 'workspace_id' },
  azurerm_healthcare_dicom_service: { segment: 'dicomServices', parent: 'workspace_id' },
  azurerm_healthcare_medtech_service: { segment: 'iotConnectors', parent: 'workspace_id' },
  azurerm_storage_account: { segment: 'storageAccounts' },
  azurerm_resource_group: { segment: 'resourceGroups' },
};

function pick(value: TerraformValue, attribute: string): TerraformValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value[attribute] : undefined;
}

function addressOf(element: TerraformElement): string {
  const type = (element as TerraformResource).terraformResourceType;
  return `${TerraformDataSource.isTerraformDataSource(element) ? 'data.' : ''}${type}.${element.friendlyUniqueId}`;
}
