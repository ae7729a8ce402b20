import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { HealthDataCompliance, HealthDataDiagram, HealthDataRole, Workspace } from '../../lib';
import { addMedTech, BASE_WORKSPACE, LAW_ID, PRINCIPAL, SUBNET_ID, VNET_ID } from '../boundary-fixtures';
import { errorOf } from '../helpers';

interface Output {
  readonly files: string[];
  readonly markdown?: string;
  readonly svg?: string;
  readonly mermaid?: string;
  readonly warnings: string[];
}

/** Runs the real `app.synth()` on a stack built by `build` and reads the stack's folder back. */
function synthesize(build: (stack: TerraformStack) => void, options: { context?: Record<string, unknown>; check?: boolean } = {}): Output {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-diagram-'));
  try {
    const app = new App({ outdir, skipBackendValidation: true, context: options.context });
    const stack = new TerraformStack(app, 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack);
    if (options.check) Aspects.of(stack).add(new HealthDataCompliance({ reports: false }));
    try {
      app.synth();
    } catch {
      // error findings fail the synth after the custom synthesis wrote its files
    }
    const folder = path.join(outdir, 'stacks', 'stack');
    const read = (file: string): string | undefined =>
      fs.existsSync(path.join(folder, file)) ? fs.readFileSync(path.join(folder, file), 'utf8') : undefined;
    const markdown = read('health-data-diagram.md');
    const manifest = path.join(outdir, 'manifest.json');
    const warnings = fs.existsSync(manifest)
      ? JSON.parse(fs.readFileSync(manifest, 'utf8'))
          .stacks.stack.annotations.filter((a: { level: string }) => a.level === '@cdktf/warn')
          .map((a: { message: string }) => a.message)
      : [];
    return {
      files: fs.readdirSync(folder).sort(),
      markdown,
      svg: read('health-data-diagram.svg'),
      mermaid: markdown?.split('```mermaid\n')[1]?.split('\n```')[0],
      warnings,
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A workspace with every feature the diagram draws. */
function platform(stack: TerraformStack): void {
  const clinicians = new TerraformVariable(stack, 'clinicians', { type: 'string' });
  const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring: { logAnalyticsWorkspaceId: LAW_ID }, lock: 'CanNotDelete' });
  workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID, virtualNetworkId: VNET_ID });
  const fhir = workspace.addFhirService('Patients', { name: 'patients' });
  workspace.addDicomService('Images', { name: 'images' });
  workspace.addMedTechService('Devices', {
    name: 'devices',
    eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' },
    deviceMapping: { templateType: 'CollectionContent', template: [] },
    destination: { fhirService: fhir, identityResolution: 'Create', fhirMapping: { templateType: 'CollectionFhir', template: [] } },
  });
  fhir.grantDataReader(clinicians.stringValue, { principalType: 'Group' });
  workspace.grant(PRINCIPAL, HealthDataRole.FHIR_DATA_WRITER, { principalType: 'ServicePrincipal' });
}

/** The Mermaid id of the node whose first label line starts with `title`. */
function idOf(mermaid: string, title: string): string {
  const line = mermaid.split('\n').find((candidate) => candidate.includes(`<b>${title}`));
  if (!line) throw new Error(`no node ${title} in\n${mermaid}`);
  return line.trim().split(/[[({]/)[0];
}

describe('health-data-diagram.md', () => {
  test('is written by default next to cdk.tf.json; no SVG unless asked', () => {
    const out = synthesize(platform);
    expect(out.files).toEqual(['cdk.tf.json', 'health-data-diagram.md']);
    expect(out.markdown).toMatch(/^# Health Data Services in stack `stack`\n/);
  });

  test('draws the boundary, services, private endpoint and DNS zones, event hub and FHIR destination, log targets and grants', () => {
    const mermaid = synthesize(platform).mermaid!;
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid).toMatch(/subgraph c0\["Workspace health · eastus · lock CanNotDelete"\]\n {4}direction TB\n/);
    // The services are inside the workspace's subgraph.
    const inside = mermaid.split('subgraph c0')[1].split('\n  end')[0];
    for (const title of ['Workspace health', 'FHIR patients', 'DICOM images', 'MedTech devices']) expect(inside).toContain(`<b>${title}</b>`);
    const [workspace, fhir, dicom, medtech] = ['Workspace health', 'FHIR patients', 'DICOM images', 'MedTech devices'].map((title) =>
      idOf(mermaid, title),
    );
    const endpoint = idOf(mermaid, 'Private endpoint');
    const edge = (from: string, label: string, to: string) => expect(mermaid).toContain(`  ${from} -->|"${label}"| ${to}`);
    edge(endpoint, 'Private Link (healthcareworkspace)', workspace);
    edge(idOf(mermaid, 'Subnet endpoints'), 'in', endpoint);
    for (const zone of ['workspace', 'fhir', 'dicom']) {
      const id = mermaid
        .split('\n')
        .find((line) => line.includes(`<b>Private DNS zone</b><br/>privatelink.${zone}.azurehealthcareapis.com`))!
        .trim()
        .split('[')[0];
      edge(endpoint, 'A records', id);
    }
    edge(idOf(mermaid, 'Event hub telemetry'), 'device messages (consumer group medtech)', medtech);
    edge(medtech, 'Observations (fhir-destination, Create)', fhir);
    const logs = idOf(mermaid, 'Log Analytics law-health');
    edge(fhir, 'AuditLogs, AllMetrics', logs);
    edge(dicom, 'AuditLogs, DiagnosticLogs, AllMetrics', logs);
    edge(medtech, 'DiagnosticLogs, AllMetrics', logs);
    // Grants by principal: a variable, a literal service principal, and MedTech's own identity.
    edge(idOf(mermaid, 'Group var.clinicians'), 'FHIR Data Reader', fhir);
    edge(idOf(mermaid, 'ServicePrincipal'), 'FHIR Data Writer', workspace);
    edge(medtech, 'FHIR Data Writer', fhir);
    // Without the check: no compliance colours.
    expect(mermaid).not.toMatch(/class [n\d,]+ (error|warning|pass|accepted|unknown)$/m);
    expect(synthesize(platform).markdown).toContain('The compliance check did not run on this stack: no compliance colours.');
  });

  test('with the compliance check, each resource carries its result and colour', () => {
    const out = synthesize(
      (stack) => {
        platform(stack);
        HealthDataCompliance.suppress(
          stack.node.findChild('Health').node.findChild('Images'),
          'AHDS-CUSTOMER-MANAGED-KEY',
          'Microsoft-managed keys accepted by SR-7',
        );
      },
      { check: true },
    );
    const mermaid = out.mermaid!;
    const classOf = (title: string): string => {
      const id = idOf(mermaid, title);
      const line = mermaid.split('\n').find((candidate) => new RegExp(`^  class (?:[n\\d]+,)*${id}(?:,[n\\d]+)* `).test(candidate));
      return line!.split(' ').pop()!;
    };
    expect(classOf('FHIR patients')).toBe('warning'); // no managed identity
    expect(classOf('Workspace health')).toBe('pass');
    expect(classOf('Log Analytics law-health')).toBe('none');
    expect(mermaid).toMatch(/<b>FHIR patients<\/b><br\/>fhir-R4<br\/>⚠ \d warnings?"/);
    expect(out.markdown).toMatch(/\| `azurerm_healthcare_workspace\.Health_[0-9A-F]{8}` \| `stack\/Health` \| ✓ pass \|/);
    expect(out.markdown).toMatch(/Compliance \(0 errors, \d+ warnings, \d+ unknown, 1 suppressed\)/);
  });

  test('a workspace outside the stack is a boundary of its own', () => {
    const mermaid = synthesize((stack) => {
      Workspace.fromWorkspaceAttributes(stack, 'Existing', {
        workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/existing',
        location: 'eastus',
      }).addFhirService('Records', { name: 'records' });
    }).mermaid!;
    expect(mermaid).toMatch(/subgraph c0\["Workspace existing \(outside this app\)"\]\n {4}direction TB\n {4}n\d+\("<b>FHIR records<\/b>/);
  });

  test('labels are escaped: text from the configuration cannot break out of Mermaid or inject HTML', () => {
    const out = synthesize(
      (stack) => {
        const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
        const fhir = workspace.addFhirService('Patients', { name: 'patients' });
        new RoleAssignment(stack, 'Odd', {
          scope: fhir.fhirServiceId,
          roleDefinitionName: 'Reader"]:::x\n<script>alert(1)</script>|#',
          principalId: '"><img src=x onerror=alert(1)>',
        });
      },
      { context: { [HealthDataDiagram.SVG_CONTEXT_KEY]: true } },
    );
    expect(out.mermaid).not.toMatch(/<script|<img|"\]:::x/);
    expect(out.mermaid).toContain('Reader#quot;]:::x #lt;script#gt;alert(1)#lt;/script#gt;#124;#35;');
    expect(out.svg).not.toMatch(/<script|<img/);
    expect(out.svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test.each<[unknown, string[]]>([
    [false, ['cdk.tf.json']],
    ['false', ['cdk.tf.json']],
    [true, ['cdk.tf.json', 'health-data-diagram.md']],
  ])('the context key %p turns the Markdown file on or off', (value, files) => {
    expect(synthesize(platform, { context: { [HealthDataDiagram.CONTEXT_KEY]: value } }).files).toEqual(files);
  });

  test('an invalid context value fails the synth with the key and the allowed values', () => {
    const app = new App({
      outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-diagram-')),
      skipBackendValidation: true,
      context: { [HealthDataDiagram.CONTEXT_KEY]: 'no' },
    });
    const stack = new TerraformStack(app, 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    platform(stack);
    expect(errorOf(() => app.synth())).toBe(
      '[stack] context cdktf-azure-health-data-services:diagram "no" is invalid: true or false. Set it to false to turn the file off.',
    );
  });
});

describe('health-data-diagram.svg', () => {
  test('is written when the context key asks for it: Graphviz layout, a cluster per workspace, a box per resource', () => {
    const out = synthesize(platform, { context: { [HealthDataDiagram.SVG_CONTEXT_KEY]: true }, check: true });
    expect(out.files).toEqual(['cdk.tf.json', 'health-data-diagram.md', 'health-data-diagram.svg']);
    const svg = out.svg!;
    expect(svg).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n<!DOCTYPE svg[\s\S]*<!-- Generated by graphviz version \d+\.\d+\.\d+/,
    );
    expect(svg.match(/<g id="clust\d+" class="cluster">/g)).toHaveLength(1);
    const nodes = (out.mermaid!.match(/^ {2,4}n\d+[[({]/gm) ?? []).length;
    expect(svg.match(/<g id="node\d+" class="node">/g)).toHaveLength(nodes + 1); // and the legend
    expect(svg).toContain('>Workspace health · eastus · lock CanNotDelete</text>');
    expect(svg).toContain('>Private Link (healthcareworkspace)</text>');
    expect(svg).toContain('fill="#fff8e1"'); // a warning
    expect(svg).toContain('>passes every rule that applies</text>');
  });

  test('without the check the legend says so, and the boxes are uncoloured', () => {
    const svg = synthesize(platform, { context: { [HealthDataDiagram.SVG_CONTEXT_KEY]: 'true' } }).svg!;
    expect(svg).toContain('>The compliance check did not run on this stack:</text>');
    expect(svg).not.toMatch(/fill="#(ffebee|fff8e1|e8f5e9|e3f2fd)"/);
  });
});

describe('addMedTech fixture', () => {
  test('a MedTech service without a destination draws its event hub only', () => {
    const mermaid = synthesize((stack) => void addMedTech(new Workspace(stack, 'Health', BASE_WORKSPACE))).mermaid!;
    expect(mermaid).toContain('<b>Event hub telemetry</b><br/>namespace contoso-devices');
    expect(mermaid).not.toContain('Observations');
  });
});
