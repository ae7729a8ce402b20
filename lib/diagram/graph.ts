import { TerraformStack } from '../core/platform/cdktf';
import { HealthDataRole } from '../access/health-data-role';
import { AppModel, SynthesizedResource } from '../compliance/model/app-model';
import { blockOf, isExpression, listOf, TerraformValue } from '../compliance/model/terraform-values';
import type { ComplianceReport } from '../compliance/report';
import { ComplianceLevel, ComplianceResult } from '../compliance/rule';

/** What a box of the diagram stands for; it decides the shape. */
export type DiagramNodeKind =
  'workspace' | 'fhir' | 'dicom' | 'medtech' | 'privateEndpoint' | 'subnet' | 'dnsZone' | 'eventHub' | 'logs' | 'storage' | 'principal' | 'resource';

/** The compliance state of one resource: the worst of its findings. */
export type DiagramCompliance = 'error' | 'warning' | 'unknown' | 'accepted' | 'pass';

export interface DiagramNode {
  /** A stable id, unique in the diagram. */
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** The first line: what it is and its name. */
  readonly title: string;
  /** Further lines (kind, region, findings). */
  readonly details: string[];
  /** The workspace cluster the node is drawn in, if any. */
  readonly cluster?: string;
  /** Set when the compliance check ran and the resource has findings. */
  compliance?: DiagramCompliance;
  /** The Terraform address, for resources of the stack. */
  readonly address?: string;
  /** The construct path, for resources of the stack. */
  readonly constructPath?: string;
}

export type DiagramEdgeKind = 'data' | 'network' | 'dns' | 'diagnostics' | 'grant' | 'storage';

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramEdgeKind;
  readonly label: string;
}

/** A workspace: the boundary its services live in. */
export interface DiagramCluster {
  readonly id: string;
  readonly title: string;
  /** The node of the workspace resource itself (absent for a workspace outside the stack). */
  readonly workspaceNode?: string;
}

/** Everything the library built in one stack, as boxes, boundaries and arrows. */
export interface StackDiagram {
  readonly stack: string;
  readonly clusters: DiagramCluster[];
  readonly nodes: DiagramNode[];
  readonly edges: DiagramEdge[];
  /** Whether the compliance check ran on the stack (the nodes then carry its results). */
  readonly checked: boolean;
  /** The compliance summary, when checked. */
  readonly summary?: ComplianceReport['summary'];
}

const SERVICE_TYPES: { readonly [type: string]: { kind: DiagramNodeKind; label: string } } = {
  azurerm_healthcare_fhir_service: { kind: 'fhir', label: 'FHIR' },
  azurerm_healthcare_dicom_service: { kind: 'dicom', label: 'DICOM' },
  azurerm_healthcare_medtech_service: { kind: 'medtech', label: 'MedTech' },
};
const AZAPI_FHIR_TYPE = 'microsoft.healthcareapis/workspaces/fhirservices';
const ROLE_NAMES = new Map(HealthDataRole.all.map((role) => [role.roleDefinitionGuid, role.roleName]));
/** What a diagnostic setting's destination argument is, for the box it points at. */
const SINKS: ReadonlyArray<{ readonly argument: string; readonly kind: DiagramNodeKind; readonly label: string }> = [
  { argument: 'log_analytics_workspace_id', kind: 'logs', label: 'Log Analytics' },
  { argument: 'storage_account_id', kind: 'storage', label: 'Storage account' },
  { argument: 'eventhub_authorization_rule_id', kind: 'eventHub', label: 'Event Hubs' },
  { argument: 'partner_solution_id', kind: 'resource', label: 'Partner solution' },
];
/** Labels of other resource types that show up as targets of grants or settings. */
const TYPE_LABELS: { readonly [type: string]: { kind: DiagramNodeKind; label: string } } = {
  azurerm_healthcare_workspace: { kind: 'workspace', label: 'Workspace' },
  ...SERVICE_TYPES,
  azurerm_eventhub: { kind: 'eventHub', label: 'Event hub' },
  azurerm_eventhub_namespace: { kind: 'eventHub', label: 'Event Hubs namespace' },
  azurerm_log_analytics_workspace: { kind: 'logs', label: 'Log Analytics' },
  azurerm_storage_account: { kind: 'storage', label: 'Storage account' },
  azurerm_private_dns_zone: { kind: 'dnsZone', label: 'Private DNS zone' },
  azurerm_subnet: { kind: 'subnet', label: 'Subnet' },
};
/** Azure resource id type segments, for literal ids of resources outside the app. */
const ID_SEGMENTS: { readonly [segment: string]: { kind: DiagramNodeKind; label: string } } = {
  workspaces: { kind: 'logs', label: 'Log Analytics' },
  storageaccounts: { kind: 'storage', label: 'Storage account' },
  authorizationrules: { kind: 'eventHub', label: 'Event Hubs' },
  eventhubs: { kind: 'eventHub', label: 'Event hub' },
  namespaces: { kind: 'eventHub', label: 'Event Hubs namespace' },
  privatednszones: { kind: 'dnsZone', label: 'Private DNS zone' },
  subnets: { kind: 'subnet', label: 'Subnet' },
  fhirservices: { kind: 'fhir', label: 'FHIR' },
  dicomservices: { kind: 'dicom', label: 'DICOM' },
};

/**
 * Builds the diagram of one stack from its synthesized configuration (what Terraform receives, overrides included):
 * the workspaces as boundaries with their services, the private endpoints with their subnets and DNS zones, the
 * event hubs MedTech reads and the FHIR services it writes to, where diagnostic settings send logs, the role grants
 * by principal, and, when the check ran, each resource's compliance.
 */
export function buildDiagram(stack: TerraformStack, report?: ComplianceReport, model?: AppModel): StackDiagram {
  return new DiagramBuilder(stack, report, model ?? new AppModel(stack.node.root)).build();
}

class DiagramBuilder {
  private readonly nodes = new Map<string, DiagramNode>();
  private readonly edges = new Map<string, DiagramEdge>();
  private readonly clusters = new Map<string, DiagramCluster>();
  private readonly byResource = new Map<SynthesizedResource, string>();
  private readonly locks = new Map<string, string[]>();

  constructor(
    private readonly stack: TerraformStack,
    private readonly report: ComplianceReport | undefined,
    private readonly model: AppModel,
  ) {}

  public build(): StackDiagram {
    this.collectLocks();
    for (const workspace of this.of('azurerm_healthcare_workspace')) this.workspace(workspace);
    for (const type of Object.keys(SERVICE_TYPES)) for (const service of this.of(type)) this.service(service, SERVICE_TYPES[type]);
    for (const resource of this.of('azapi_resource')) {
      const type = this.model.stringOf(resource, resource.config.type);
      if (type?.toLowerCase().startsWith(`${AZAPI_FHIR_TYPE}@`)) this.service(resource, SERVICE_TYPES.azurerm_healthcare_fhir_service, 'parent_id');
    }
    for (const resource of this.of('azurerm_healthcare_medtech_service')) this.eventHubSource(resource);
    for (const destination of this.of('azurerm_healthcare_medtech_service_fhir_destination')) this.fhirDestination(destination);
    for (const endpoint of this.of('azurerm_private_endpoint')) this.privateEndpoint(endpoint);
    for (const setting of this.of('azurerm_monitor_diagnostic_setting')) this.diagnosticSetting(setting);
    for (const assignment of this.of('azurerm_role_assignment')) this.roleAssignment(assignment);
    this.applyCompliance();
    return {
      stack: this.stack.node.id,
      clusters: [...this.clusters.values()],
      nodes: [...this.nodes.values()],
      edges: [...this.edges.values()],
      checked: this.report !== undefined,
      ...(this.report ? { summary: this.report.summary } : {}),
    };
  }

  private of(type: string): SynthesizedResource[] {
    return this.model.resourcesOfType(type, this.stack).sort((a, b) => compare(a.address, b.address));
  }

  private workspace(workspace: SynthesizedResource): void {
    const name = this.text(workspace, workspace.config.name);
    const location = this.text(workspace, workspace.config.location);
    const id = this.addResourceNode(workspace, 'workspace', 'Workspace', name, [location], `cluster:${workspace.address}`);
    const locks = this.locks.get(workspace.address);
    this.clusters.set(`cluster:${workspace.address}`, {
      id: `cluster:${workspace.address}`,
      title: `Workspace ${name} · ${location}${locks ? ` · lock ${locks.join(', ')}` : ''}`,
      workspaceNode: id,
    });
  }

  private service(service: SynthesizedResource, type: { kind: DiagramNodeKind; label: string }, parentArgument = 'workspace_id'): void {
    const cluster = this.clusterOf(service, service.config[parentArgument]);
    const details: string[] = [];
    const kind = service.config.kind;
    if (typeof kind === 'string') details.push(kind);
    if (blockOf(service.config.identity)) details.push(`identity ${this.text(service, blockOf(service.config.identity)?.type)}`);
    const id = this.addResourceNode(service, type.kind, type.label, this.text(service, service.config.name), details, cluster);
    const exportAccount = service.config.configuration_export_storage_account_name;
    if (exportAccount !== undefined) {
      const account = this.nodeFor(service, exportAccount, { kind: 'storage', label: 'Storage account' }, true);
      this.edge(id, account, 'storage', '$export');
    }
    const storage = blockOf(service.config.storage);
    if (storage?.storage_account_id !== undefined)
      this.edge(
        id,
        this.nodeFor(service, storage.storage_account_id, { kind: 'storage', label: 'Storage account' }),
        'storage',
        `Data Lake ${this.text(service, storage.file_system_name)}`,
      );
  }

  /** The cluster of the workspace a service's `workspace_id` (or AzAPI `parent_id`) names: one of the stack's, or one outside it. */
  private clusterOf(from: SynthesizedResource, value: TerraformValue): string {
    const target = this.model.referencedResource(from, value);
    if (target && this.byResource.has(target)) return `cluster:${target.address}`;
    const name = target ? this.text(target, target.config.name) : this.nameFromId(from, value);
    const id = `cluster:external:${name}`;
    if (!this.clusters.has(id)) {
      const where = target ? `stack ${target.stack.node.id}` : 'outside this app';
      this.clusters.set(id, { id, title: `Workspace ${name} (${where})` });
    }
    return id;
  }

  private eventHubSource(medtech: SynthesizedResource): void {
    const namespace = this.text(medtech, medtech.config.eventhub_namespace_name);
    const hub = this.text(medtech, medtech.config.eventhub_name);
    const group = this.text(medtech, medtech.config.eventhub_consumer_group_name);
    // The app's own event hub resource, when MedTech names it through a reference: one box for the hub and its grants.
    const resource = this.model.referencedResource(medtech, medtech.config.eventhub_name);
    const id =
      resource?.type === 'azurerm_eventhub'
        ? this.addResourceNode(resource, 'eventHub', 'Event hub', hub, [`namespace ${namespace}`])
        : this.eventHubNode(namespace, hub);
    this.edge(id, this.byResource.get(medtech)!, 'data', `device messages (consumer group ${group})`);
  }

  private fhirDestination(destination: SynthesizedResource): void {
    const medtech = this.model.referencedResource(destination, destination.config.medtech_service_id);
    const from = medtech && this.byResource.get(medtech);
    if (!from) return;
    const to = this.nodeFor(destination, destination.config.destination_fhir_service_id, { kind: 'fhir', label: 'FHIR' });
    const resolution = this.text(destination, destination.config.destination_identity_resolution_type);
    this.edge(from, to, 'data', `Observations (${this.text(destination, destination.config.name)}, ${resolution})`);
  }

  private privateEndpoint(endpoint: SynthesizedResource): void {
    const connection = blockOf(endpoint.config.private_service_connection);
    const target = connection && this.model.referencedResource(endpoint, connection.private_connection_resource_id);
    const workspaceNode = target && target.type === 'azurerm_healthcare_workspace' ? this.byResource.get(target) : undefined;
    if (!workspaceNode) return;
    const id = this.addResourceNode(endpoint, 'privateEndpoint', 'Private endpoint', this.text(endpoint, endpoint.config.name), []);
    const subresources = listOf(connection?.subresource_names).map((name) => this.text(endpoint, name));
    this.edge(id, workspaceNode, 'network', `Private Link (${subresources.join(', ')})`);
    this.edge(this.nodeFor(endpoint, endpoint.config.subnet_id, { kind: 'subnet', label: 'Subnet' }), id, 'network', 'in');
    const zones = blockOf(endpoint.config.private_dns_zone_group);
    for (const zone of listOf(zones?.private_dns_zone_ids))
      this.edge(id, this.nodeFor(endpoint, zone, { kind: 'dnsZone', label: 'Private DNS zone' }), 'dns', 'A records');
  }

  private diagnosticSetting(setting: SynthesizedResource): void {
    const target = this.model.referencedResource(setting, setting.config.target_resource_id);
    const from = target && this.byResource.get(target);
    if (!from) return;
    const categories = [
      ...listOf(setting.config.enabled_log).map((entry) => {
        const block = blockOf(entry);
        return this.text(setting, block?.category ?? block?.category_group);
      }),
      ...listOf(setting.config.enabled_metric ?? setting.config.metric).map((entry) => this.text(setting, blockOf(entry)?.category)),
    ];
    for (const sink of SINKS) {
      const value = setting.config[sink.argument];
      if (value === undefined || value === null) continue;
      this.edge(from, this.nodeFor(setting, value, { kind: sink.kind, label: sink.label }), 'diagnostics', categories.join(', ') || 'diagnostics');
    }
  }

  private roleAssignment(assignment: SynthesizedResource): void {
    const scope = this.nodeFor(assignment, assignment.config.scope, { kind: 'resource', label: 'Scope' });
    const role = this.roleName(assignment);
    const principalValue = assignment.config.principal_id;
    const identityOf = this.model.referencedResource(assignment, principalValue);
    // A grant to a resource's managed identity (MedTech's, FHIR's) starts at that resource's box.
    const principal = identityOf && this.byResource.get(identityOf) ? this.byResource.get(identityOf)! : this.principal(assignment, principalValue);
    const key = `grant:${principal}->${scope}`;
    const existing = this.edges.get(key);
    const label = existing ? `${existing.label}, ${role}` : role;
    this.edges.set(key, { from: principal, to: scope, kind: 'grant', label });
  }

  private roleName(assignment: SynthesizedResource): string {
    const name = assignment.config.role_definition_name;
    if (name !== undefined) return this.text(assignment, name);
    const id = this.text(assignment, assignment.config.role_definition_id);
    const guid = id.split('/').pop() ?? id;
    return ROLE_NAMES.get(guid.toLowerCase()) ?? `role ${guid}`;
  }

  private principal(assignment: SynthesizedResource, value: TerraformValue): string {
    const text = this.text(assignment, value);
    const type = this.model.stringOf(assignment, assignment.config.principal_type);
    const id = `principal:${text}`;
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind: 'principal', ...named(type ?? 'Principal', text, []) });
    return id;
  }

  private collectLocks(): void {
    for (const lock of this.of('azurerm_management_lock')) {
      const target = this.model.referencedResource(lock, lock.config.scope);
      if (!target) continue;
      this.locks.set(target.address, [...(this.locks.get(target.address) ?? []), this.text(lock, lock.config.lock_level)]);
    }
  }

  /** The box for what a value names: a resource of the app (its own box, or a new one), or one known by its id or expression. */
  private nodeFor(from: SynthesizedResource, value: TerraformValue, fallback: { kind: DiagramNodeKind; label: string }, isName = false): string {
    const target = this.model.referencedResource(from, value);
    if (target) {
      const existing = this.byResource.get(target);
      if (existing) return existing;
      const type = TYPE_LABELS[target.type] ?? fallback;
      return this.addResourceNode(
        target,
        type.kind,
        type.label,
        this.text(target, target.config.name),
        target.stack === this.stack ? [] : [`stack ${target.stack.node.id}`],
      );
    }
    const text = isName ? this.text(from, value) : this.nameFromId(from, value);
    const segments = !isName && typeof value === 'string' && !isExpression(value) ? value.split('/').filter(Boolean) : [];
    const lower = segments.map((segment) => segment.toLowerCase());
    // An event hub named by its id is the same box as the one MedTech reads by namespace and hub name.
    if (lower.length >= 4 && lower[lower.length - 2] === 'eventhubs' && lower[lower.length - 4] === 'namespaces') {
      return this.eventHubNode(segments[segments.length - 3], segments[segments.length - 1]);
    }
    const type = (lower.length >= 2 && ID_SEGMENTS[lower[lower.length - 2]]) || fallback;
    // Keyed by the whole id (or expression): two resources of the same name in different places are two boxes.
    const id = `external:${type.kind}:${isName ? text : this.text(from, value)}`;
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind: type.kind, ...named(type.label, text, []) });
    return id;
  }

  /** An event hub outside the app, known by its namespace and name. */
  private eventHubNode(namespace: string, hub: string): string {
    const id = `eventhub:${namespace.toLowerCase()}/${hub.toLowerCase()}`;
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind: 'eventHub', ...named('Event hub', hub, [`namespace ${namespace}`]) });
    return id;
  }

  private addResourceNode(
    resource: SynthesizedResource,
    kind: DiagramNodeKind,
    label: string,
    name: string,
    details: string[],
    cluster?: string,
  ): string {
    const existing = this.byResource.get(resource);
    if (existing) return existing;
    const id = resource.stack === this.stack ? resource.address : `${resource.stack.node.id}:${resource.address}`;
    this.nodes.set(id, {
      id,
      kind,
      ...named(label, name, details),
      ...(cluster ? { cluster } : {}),
      address: resource.address,
      constructPath: resource.owner.node.path,
    });
    this.byResource.set(resource, id);
    return id;
  }

  private edge(from: string, to: string, kind: DiagramEdgeKind, label: string): void {
    const key = `${kind}:${from}->${to}:${label}`;
    if (!this.edges.has(key)) this.edges.set(key, { from, to, kind, label });
  }

  /** A value as text: a literal, or a Terraform expression without `${ }` (e.g. `var.clinicians_group_id`). */
  private text(from: SynthesizedResource, value: TerraformValue): string {
    const known = this.model.valueOf(from, value);
    if (known.state === 'known') return typeof known.value === 'string' ? known.value : JSON.stringify(known.value);
    if (known.state === 'absent') return '-';
    return expressionText(known.expression);
  }

  /** The name in an Azure resource id (its last segment), or the expression that gives the id. */
  private nameFromId(from: SynthesizedResource, value: TerraformValue): string {
    const text = this.text(from, value);
    if (typeof value === 'string' && isExpression(value)) return text;
    return text.split('/').filter(Boolean).pop() ?? text;
  }

  private applyCompliance(): void {
    if (!this.report) return;
    const worst = new Map<
      string,
      { state: DiagramCompliance; errors: number; warnings: number; unknown: number; accepted: number; passed: number }
    >();
    for (const finding of this.report.findings) {
      const entry = worst.get(finding.resourceAddress) ?? {
        state: 'pass' as DiagramCompliance,
        errors: 0,
        warnings: 0,
        unknown: 0,
        accepted: 0,
        passed: 0,
      };
      if (finding.result === ComplianceResult.NON_COMPLIANT && finding.suppressed) entry.accepted++;
      else if (finding.result === ComplianceResult.NON_COMPLIANT && finding.level === ComplianceLevel.ERROR) entry.errors++;
      else if (finding.result === ComplianceResult.NON_COMPLIANT || finding.error !== undefined) entry.warnings++;
      else if (finding.result === ComplianceResult.UNKNOWN) entry.unknown++;
      else if (finding.result === ComplianceResult.COMPLIANT) entry.passed++;
      entry.state = entry.errors ? 'error' : entry.warnings ? 'warning' : entry.unknown ? 'unknown' : entry.accepted ? 'accepted' : 'pass';
      worst.set(finding.resourceAddress, entry);
    }
    for (const node of this.nodes.values()) {
      const entry = node.address !== undefined && !node.id.includes(':') ? worst.get(node.address) : undefined;
      if (!entry) continue;
      node.compliance = entry.state;
      const parts = [
        entry.errors ? `${entry.errors} error${entry.errors > 1 ? 's' : ''}` : '',
        entry.warnings ? `${entry.warnings} warning${entry.warnings > 1 ? 's' : ''}` : '',
        entry.unknown ? `${entry.unknown} unknown` : '',
        entry.accepted ? `${entry.accepted} accepted` : '',
      ].filter(Boolean);
      node.details.push(
        parts.length > 0
          ? `${SYMBOLS[entry.state]} ${parts.join(', ')}`
          : `${SYMBOLS.pass} ${entry.passed} rule${entry.passed === 1 ? '' : 's'} pass`,
      );
    }
  }
}

/** Longest title that stays on one line with the name; longer names go on a line of their own. */
const ONE_LINE = 30;

function named(label: string, name: string, details: string[]): { title: string; details: string[] } {
  return label.length + name.length < ONE_LINE ? { title: `${label} ${name}`, details } : { title: label, details: [name, ...details] };
}

export const SYMBOLS: { readonly [state in DiagramCompliance]: string } = { error: '✗', warning: '⚠', unknown: '?', accepted: '≈', pass: '✓' };

function expressionText(expression: string): string {
  return expression.startsWith('${') && expression.endsWith('}') && expression.indexOf('${', 2) < 0 ? expression.slice(2, -1) : expression;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
