/**
 * cdktf against CDK Terrain (cdktn): the same measurements on both cores, interleaved in one run so that machine
 * drift does not favour either. The cdktn side runs the bench's own code with its module specifiers rewritten by the
 * cdktn build's rewrite (bench/results/js-cdktn) and loads the cdktn package built from the same source.
 */
import { mapSpecifier, type Core } from '../scripts/core-specifiers';
import { inventoryDifferences } from './inventory';
import type { Features } from './scenario-spec';
import { max, median, min } from './stats';
import type { Job, RequireMeasurement, SynthMeasurement } from './worker';

export interface CoreMeasurement {
  readonly core: Core;
  /** The installed versions: core, provider, azurerm. */
  readonly packages: Record<string, string>;
  readonly require: { readonly library: RequireMeasurement[]; readonly raw: RequireMeasurement[]; readonly rawModules: string[] };
  readonly a: SynthMeasurement[];
  readonly b: SynthMeasurement[];
}

export interface CoresResult {
  readonly workspaces: number;
  readonly scenario: string;
  readonly runs: number;
  readonly requireRuns: number;
  readonly cores: CoreMeasurement[];
}

export interface CoreSetup {
  readonly core: Core;
  /** The folder whose `dist/` is the library of this core. */
  readonly libraryRoot: string;
  readonly packages: Record<string, string>;
}

export interface CoresPlan {
  readonly workspaces: number;
  readonly scenario: string;
  readonly features: Features;
  readonly runs: number;
  readonly requireRuns: number;
  /** The cdktf baseline of the cold-require comparison (cdktf, constructs and the provider classes the library loads). */
  readonly cdktfRawModules: readonly string[];
  readonly setups: readonly CoreSetup[];
  readonly runWorker: <T>(job: Job, core: Core) => T;
  readonly log: (message: string) => void;
}

/** Measures cold require and the N-workspace synth of (a) and (b) on each core. */
export function measureCores(plan: CoresPlan): CoresResult {
  const results = plan.setups.map((setup) => ({
    setup,
    rawModules: plan.cdktfRawModules.map((name) => mapSpecifier(name, setup.core)),
    library: [] as RequireMeasurement[],
    raw: [] as RequireMeasurement[],
    a: [] as SynthMeasurement[],
    b: [] as SynthMeasurement[],
  }));
  const synthJob = (root: string, mode: 'constructs' | 'raw'): Job => ({
    kind: 'synth',
    root,
    mode,
    workspaces: plan.workspaces,
    features: plan.features,
  });
  const rotate = <T>(items: readonly T[], by: number): T[] => [...items.slice(by % items.length), ...items.slice(0, by % items.length)];

  // Warm-up, not counted: one require and one synth of each side on each core.
  for (const entry of results) {
    plan.runWorker<RequireMeasurement>({ kind: 'require', root: entry.setup.libraryRoot, modules: ['<library>'] }, entry.setup.core);
    plan.runWorker<RequireMeasurement>({ kind: 'require', root: entry.setup.libraryRoot, modules: entry.rawModules }, entry.setup.core);
    plan.runWorker<SynthMeasurement>(synthJob(entry.setup.libraryRoot, 'constructs'), entry.setup.core);
  }
  for (let run = 0; run < plan.requireRuns; run++) {
    for (const entry of rotate(results, run)) {
      for (const variant of rotate(['library', 'raw'] as const, run)) {
        const modules = variant === 'library' ? ['<library>'] : entry.rawModules;
        entry[variant].push(plan.runWorker<RequireMeasurement>({ kind: 'require', root: entry.setup.libraryRoot, modules }, entry.setup.core));
      }
    }
  }
  for (let run = 0; run < plan.runs; run++) {
    for (const entry of rotate(results, run)) {
      for (const mode of rotate(['constructs', 'raw'] as const, run)) {
        const measurement = plan.runWorker<SynthMeasurement>(synthJob(entry.setup.libraryRoot, mode), entry.setup.core);
        (mode === 'constructs' ? entry.a : entry.b).push(measurement);
      }
    }
  }
  // Both cores, both sides, every run: the same resources (the cores synthesize the same JSON apart from versions).
  const reference = results[0].a[0].contents!.inventory;
  for (const entry of results) {
    for (const [side, runs] of [
      ['(a)', entry.a],
      ['(b)', entry.b],
    ] as const) {
      for (const [index, measurement] of runs.entries()) {
        const differences = inventoryDifferences(
          reference,
          measurement.contents!.inventory,
          `${results[0].setup.core} (a) run 1`,
          `${entry.setup.core} ${side} run ${index + 1}`,
        );
        if (differences.length > 0) throw new Error(`cores at N=${plan.workspaces}: different resources:\n  ${differences.join('\n  ')}`);
      }
    }
    plan.log(
      `${entry.setup.core}: cold require library ${median(entry.library.map((m) => m.requireMs)).toFixed(1)} ms, provider classes ${median(entry.raw.map((m) => m.requireMs)).toFixed(1)} ms; ` +
        `N=${plan.workspaces}: (a) ${median(entry.a.map(total)).toFixed(0)} ms, (b) ${median(entry.b.map(total)).toFixed(0)} ms`,
    );
  }
  return {
    workspaces: plan.workspaces,
    scenario: plan.scenario,
    runs: plan.runs,
    requireRuns: plan.requireRuns,
    cores: results.map((entry) => ({
      core: entry.setup.core,
      packages: entry.setup.packages,
      require: { library: entry.library, raw: entry.raw, rawModules: entry.rawModules },
      a: entry.a,
      b: entry.b,
    })),
  };
}

function total(measurement: SynthMeasurement): number {
  return measurement.constructMs + measurement.synthMs;
}

const range = (values: readonly number[], digits: number): string =>
  `${median(values).toFixed(digits)} (${min(values).toFixed(digits)}–${max(values).toFixed(digits)})`;

/** The markdown section of docs/benchmarks.md. */
export function renderCores(result: CoresResult): string[] {
  const rows = result.cores.map((entry) => {
    const library = entry.require.library.map((m) => m.requireMs);
    const raw = entry.require.raw.map((m) => m.requireMs);
    return [
      `**${entry.core}** (${Object.entries(entry.packages)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ')})`,
      range(library, 1),
      range(raw, 1),
      (median(library) / median(raw)).toFixed(3),
      range(entry.a.map(total), 0),
      range(entry.b.map(total), 0),
      (median(entry.a.map(total)) / median(entry.b.map(total))).toFixed(3),
      median(entry.a.map((m) => m.cpuMs)).toFixed(0),
      median(entry.b.map((m) => m.cpuMs)).toFixed(0),
      median(entry.a.map((m) => m.peakRssMb)).toFixed(0),
      median(entry.b.map((m) => m.peakRssMb)).toFixed(0),
    ];
  });
  const header = [
    'core',
    'cold require: library ms',
    'cold require: provider classes + core + constructs ms',
    'library / baseline',
    `N = ${result.workspaces}: (a) library ms`,
    `N = ${result.workspaces}: (b) raw ms`,
    '(a)/(b)',
    '(a) CPU ms',
    '(b) CPU ms',
    '(a) peak RSS MB',
    '(b) peak RSS MB',
  ];
  const [first, second] = result.cores;
  const compare = (of: (entry: CoreMeasurement) => number[]): string =>
    second === undefined ? '-' : (median(of(second)) / median(of(first))).toFixed(3);
  return [
    '## cdktf and CDK Terrain (cdktn)',
    '',
    `The same library built for each core (cdktn: the package \`npm run pack:cdktn\` builds, the bench's own code with the same module rewrite), ` +
      `measured in one interleaved run: cold require ${result.requireRuns} runs of each variant, N = ${result.workspaces} workspaces (each with ${result.scenario}) ${result.runs} runs of each side. ` +
      'Both cores synthesize the same resources in every run (checked). Median (min–max); CPU time (user + system of the process) is less sensitive than wall time to other load on the machine.',
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    second === undefined
      ? ''
      : `${second.core} / ${first.core}: cold require of the library ×${compare((e) => e.require.library.map((m) => m.requireMs))}, ` +
        `N = ${result.workspaces} (a) ×${compare((e) => e.a.map(total))} (CPU time ×${compare((e) => e.a.map((m) => m.cpuMs))}), ` +
        `(b) ×${compare((e) => e.b.map(total))} (CPU time ×${compare((e) => e.b.map((m) => m.cpuMs))}).`,
    '',
  ];
}
