/**
 * What the stack diagram and the creation-site capture cost at synth: the benchmark scenario (N workspaces with
 * FHIR, DICOM, MedTech, grants and diagnostic settings) synthesized with `app.synth()` in one process, each mode
 * interleaved with the others, median of the repetitions. Run: `npx ts-node --transpile-only bench/diagram.ts [N ...]`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, Aspects, TerraformStack } from 'cdktf';
import * as lib from '../lib';
import { buildWithConstructs } from './scenario-constructs';

const FEATURES = { medTech: true, monitoring: true, grants: true };
const REPETITIONS = 9;

interface Mode {
  readonly name: string;
  readonly context: Record<string, unknown>;
  readonly stackTraces?: boolean;
  readonly check?: boolean;
}

const MODES: Mode[] = [
  { name: 'no diagram, no creation sites (stackTraces: false)', context: { [lib.HealthDataDiagram.CONTEXT_KEY]: false }, stackTraces: false },
  { name: 'no diagram', context: { [lib.HealthDataDiagram.CONTEXT_KEY]: false } },
  { name: 'Mermaid (the default)', context: {} },
  { name: 'Mermaid and SVG', context: { [lib.HealthDataDiagram.SVG_CONTEXT_KEY]: true } },
  { name: 'compliance check, no diagram', context: { [lib.HealthDataDiagram.CONTEXT_KEY]: false }, check: true },
  { name: 'compliance check and Mermaid', context: {}, check: true },
];

/** Wall time and this process's CPU time (the SVG's child process is in the wall time only). */
function synthOnce(workspaces: number, mode: Mode): { wall: number; cpu: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-diagram-bench-'));
  try {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const app = new App({
      outdir,
      skipBackendValidation: true,
      context: mode.context,
      ...(mode.stackTraces === false ? { stackTraces: false } : {}),
    });
    const stack = new TerraformStack(app, 'bench');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    buildWithConstructs(lib, stack, workspaces, FEATURES);
    if (mode.check) Aspects.of(stack).add(new lib.HealthDataCompliance({ reports: false }));
    try {
      app.synth();
    } catch (error) {
      // The scenario has no private endpoint: the check's error findings fail the synth after everything ran.
      if (!mode.check) throw error;
    }
    const used = process.cpuUsage(cpu);
    return { wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: (used.user + used.system) / 1000 };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
for (const workspaces of sizes.length > 0 ? sizes : [1, 10]) {
  MODES.forEach((mode) => synthOnce(workspaces, mode)); // warm-up
  const times = new Map<string, Array<{ wall: number; cpu: number }>>(MODES.map((mode) => [mode.name, []]));
  for (let repetition = 0; repetition < REPETITIONS; repetition++) for (const mode of MODES) times.get(mode.name)!.push(synthOnce(workspaces, mode));
  const of = (name: string, key: 'wall' | 'cpu'): number => median(times.get(name)!.map((time) => time[key]));
  const base = MODES[1].name;
  console.log(`N = ${workspaces} workspaces (median of ${REPETITIONS}, ms; difference to "${base}"):`);
  for (const mode of MODES) {
    const [wall, cpu] = [of(mode.name, 'wall'), of(mode.name, 'cpu')];
    const delta = (value: number, reference: number): string => `${value >= reference ? '+' : ''}${(value - reference).toFixed(1)}`;
    console.log(
      `  ${mode.name.padEnd(52)} wall ${wall.toFixed(1).padStart(7)} (${delta(wall, of(base, 'wall'))})  cpu ${cpu.toFixed(1).padStart(7)} (${delta(cpu, of(base, 'cpu'))})`,
    );
  }
}
