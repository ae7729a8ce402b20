/**
 * The cost of the compliance check as the app grows: N workspaces, each with monitoring, a private endpoint, a FHIR
 * and a DICOM service, synthesized with the real `app.synth()` from dist/, with and without `HealthDataCompliance`.
 * Each measurement runs in a fresh process. Part of `npm run bench`; alone: `npx ts-node --transpile-only
 * bench/compliance-scale.ts [--sizes 100,500,2000] [--runs 3] [--no-write]`. Writes docs/benchmarks-compliance.md.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..');
const MARKER = 'COMPLIANCE_BENCH ';
const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

function worker(size: number, withCheck: boolean): void {
  const { App, Aspects, TerraformStack } = require('cdktf');
  const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
  const lib = require(path.join(ROOT, 'dist'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-compliance-bench-'));
  const start = process.hrtime.bigint();
  const app = new App({ outdir, skipBackendValidation: true });
  const stack = new TerraformStack(app, 'scale');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const law = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law`;
  const subnet = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints`;
  for (let i = 0; i < size; i++) {
    const workspace = new lib.Workspace(stack, `Health${i}`, {
      name: `health${i}`,
      location: 'eastus',
      resourceGroupName: 'rg-health',
      monitoring: { logAnalyticsWorkspaceId: law },
    });
    workspace.addFhirService('Patients', { name: 'patients' });
    workspace.addDicomService('Images', { name: 'images' });
    workspace.addPrivateEndpoint('PrivateLink', { subnetId: subnet, name: `pe-health${i}` });
  }
  if (withCheck) Aspects.of(stack).add(new lib.HealthDataCompliance({ reports: false }));
  let failed = false;
  try {
    app.synth();
  } catch {
    failed = true; // error findings (e.g. FHIR authority) are expected to be absent; a failure is reported below
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  fs.rmSync(outdir, { recursive: true, force: true });
  console.log(MARKER + JSON.stringify({ seconds, failed }));
}

function measure(size: number, withCheck: boolean): { seconds: number; failed: boolean } {
  const run = spawnSync(
    process.execPath,
    [require.resolve('ts-node/dist/bin'), '--transpile-only', __filename, '--worker', String(size), withCheck ? 'with' : 'without'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = run.stdout.split('\n').find((candidate) => candidate.startsWith(MARKER));
  if (!line) throw new Error(`worker ${size} ${withCheck} failed:\n${run.stderr}`);
  return JSON.parse(line.slice(MARKER.length));
}

function main(argv: readonly string[]): void {
  const value = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  if (argv.includes('--worker')) return worker(Number(value('--worker')), argv[argv.indexOf('--worker') + 2] === 'with');
  const sizes = (value('--sizes') ?? '100,500,2000').split(',').map(Number);
  const runs = Number(value('--runs') ?? 3);
  const rows: string[] = [];
  for (const size of sizes) {
    const without: number[] = [];
    const withCheck: number[] = [];
    for (let run = 0; run < runs; run++) {
      without.push(measure(size, false).seconds);
      const checked = measure(size, true);
      if (checked.failed) throw new Error(`N = ${size}: the compliant scenario failed the check`);
      withCheck.push(checked.seconds);
    }
    const a = median(without);
    const b = median(withCheck);
    rows.push(`| ${size} | ${size * 7} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)} |`);
    console.log(rows[rows.length - 1]);
  }
  const table = [
    '| N workspaces | resources | synth without the check (s) | with the check (s) | ratio |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  const text = `# The compliance check at scale\n\n\`npx ts-node --transpile-only bench/compliance-scale.ts\` (part of \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, median of ${runs} fresh processes each. Each workspace has monitoring (a diagnostic setting per service), a private endpoint, a FHIR and a DICOM service; the app is one stack; \`app.synth()\` from dist/, with \`HealthDataCompliance({ reports: false })\` on the stack or without it.\n\n${table}\n`;
  console.log(`\n${table}`);
  if (!argv.includes('--no-write')) fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks-compliance.md'), text);
}

main(process.argv.slice(2));
