/**
 * One measurement, run by bench/run.ts in a fresh Node process (plain `node`, no ts-node: the bench files are
 * transpiled to bench/results/js first) so that every number is cold and the peak memory is this run's own.
 *
 *   node bench/results/js/worker.js '<job as JSON>'
 *
 * Prints one line `BENCH_RESULT <json>`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as Cdktf from 'cdktf';
import type * as ProviderModule from '@cdktf/provider-azurerm/lib/provider';
import type { BuiltLibrary } from './scenario-constructs';
import { contentsOf, StackContents } from './inventory';
import { Features, NO_FEATURES, STACK_NAME } from './scenario-spec';

export const RESULT_MARKER = 'BENCH_RESULT ';

export type Mode = 'constructs' | 'raw';

export type Job =
  | {
      readonly kind: 'synth';
      readonly root: string;
      readonly mode: Mode;
      readonly workspaces: number;
      readonly features: Features;
      /** Also return the normalized bodies (for the equivalence check). */
      readonly withBodies?: boolean;
      /** Skip reading back what was synthesized (profiled runs: keep the profile to construct + synth). */
      readonly skipContents?: boolean;
    }
  | { readonly kind: 'require'; readonly root: string; readonly modules: readonly string[] }
  | { readonly kind: 'tokens'; readonly root: string; readonly mode: Mode; readonly workspaces: number; readonly features: Features }
  | { readonly kind: 'probe'; readonly root: string };

export interface SynthMeasurement {
  /** Loading cdktf, the provider classes and (a) the library. */
  readonly requireMs: number;
  /** Building the construct tree. */
  readonly constructMs: number;
  /** `app.synth()` into a temporary outdir (validation, resolution, writing cdk.tf.json). */
  readonly synthMs: number;
  /**
   * CPU time (user + system, all threads of the process) of construct + synth: less sensitive than wall time to
   * other processes competing for the cores, a cross-check on a shared machine.
   */
  readonly cpuMs: number;
  /** Peak resident set size of the whole process (getrusage maxrss). */
  readonly peakRssMb: number;
  /** The largest V8 heap use seen after requiring, after constructing and after synthesizing. */
  readonly heapUsedMb: number;
  /** Constructs in the tree (not timed). */
  readonly constructs: number;
  readonly contents?: StackContents;
}

/** How many cdktf tokens were created while constructing, and how deep the stack was each time (not timed). */
export interface TokenCount {
  /** Calls of cdktf's captureStackTrace (one per token: references, lazies, output references). */
  readonly captures: number;
  /** Stack frames captured in total (cdktf captures the whole stack, so the cost grows with the depth). */
  readonly frames: number;
}

export interface RequireMeasurement {
  readonly requireMs: number;
  /** Files loaded from node_modules and from the project (what the require costs are made of). */
  readonly filesLoaded: number;
}

export interface ProbeResult {
  readonly exports: string[];
  /** The provider resource modules the built library loads, as `@cdktf/provider-azurerm/lib/<name>`. */
  readonly providerModules: string[];
  /** Other packages the built library loads besides cdktf, constructs and the provider. */
  readonly otherPackages: string[];
  /** The library's own compiled files loaded by `require('dist')`. */
  readonly libraryFiles: number;
  readonly features: Features;
  /** Why an optional part is not included, when it is not. */
  readonly featureNotes: string[];
}

const MB = 1024 * 1024;

function distOf(root: string): string {
  return path.join(root, 'dist');
}

function heapMb(): number {
  return process.memoryUsage().heapUsed / MB;
}

function synthMeasurement(job: Extract<Job, { kind: 'synth' }>): SynthMeasurement {
  let heapPeak = 0;
  const started = performance.now();
  const cdktf = require('cdktf') as typeof Cdktf;
  const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider') as typeof ProviderModule;
  const build: (stack: Cdktf.TerraformStack) => void =
    job.mode === 'constructs'
      ? (() => {
          const lib = require(distOf(job.root)) as BuiltLibrary;
          const { buildWithConstructs } = require('./scenario-constructs') as typeof import('./scenario-constructs');
          return (stack) => buildWithConstructs(lib, stack, job.workspaces, job.features);
        })()
      : (() => {
          const { buildWithRawProvider } = require('./scenario-raw') as typeof import('./scenario-raw');
          return (stack) => buildWithRawProvider(stack, job.workspaces, job.features);
        })();
  const required = performance.now();
  heapPeak = Math.max(heapPeak, heapMb());

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-bench-'));
  try {
    const cpuStart = process.cpuUsage();
    const constructStart = performance.now();
    const app = new cdktf.App({ outdir, skipBackendValidation: true });
    const stack = new cdktf.TerraformStack(app, STACK_NAME);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack);
    const constructed = performance.now();
    heapPeak = Math.max(heapPeak, heapMb());
    app.synth();
    const synthesized = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    heapPeak = Math.max(heapPeak, heapMb());
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    // Not timed: what was synthesized, for the equivalence check of (a) and (b).
    const readBack = (): StackContents =>
      contentsOf(JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', STACK_NAME, 'cdk.tf.json'), 'utf8')), job.withBodies === true);
    return {
      requireMs: required - started,
      constructMs: constructed - constructStart,
      synthMs: synthesized - constructed,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb,
      heapUsedMb: heapPeak,
      constructs: app.node.findAll().length,
      contents: job.skipContents ? undefined : readBack(),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function requireMeasurement(job: Extract<Job, { kind: 'require' }>): RequireMeasurement {
  const before = Object.keys(require.cache).length;
  const started = performance.now();
  for (const specifier of job.modules) require(specifier === '<library>' ? distOf(job.root) : specifier);
  const requireMs = performance.now() - started;
  return { requireMs, filesLoaded: Object.keys(require.cache).length - before };
}

/** What the built library exports and loads, and which optional scenario parts it supports. */
function probe(job: Extract<Job, { kind: 'probe' }>): ProbeResult {
  const dist = distOf(job.root);
  const lib = require(dist) as BuiltLibrary & Record<string, unknown>;
  const providerRoot = path.dirname(require.resolve('@cdktf/provider-azurerm/package.json'));
  const loaded = Object.keys(require.cache);
  const providerModules = loaded
    .filter((file) => file.startsWith(providerRoot + path.sep))
    .map((file) => path.relative(providerRoot, path.dirname(file)).split(path.sep).join('/'))
    .filter((relative) => relative.startsWith('lib/'))
    .map((relative) => `@cdktf/provider-azurerm/${relative}`)
    .sort();
  const otherPackages = [
    ...new Set(
      loaded
        .map((file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]?.replace(/\\/g, '/'))
        .filter((name): name is string => name !== undefined && !['cdktf', 'constructs', '@cdktf/provider-azurerm'].includes(name)),
    ),
  ].sort();
  const libraryFiles = loaded.filter((file) => file.startsWith(dist + path.sep)).length;

  const notes: string[] = [];
  const medTech =
    typeof lib.MedTechService === 'function' &&
    typeof (lib.Workspace.prototype as unknown as Record<string, unknown>).addMedTechService === 'function';
  if (!medTech) notes.push('MedTech: `MedTechService` is not exported by the built library.');
  const grants = typeof (lib.FhirService.prototype as unknown as Record<string, unknown>).grantDataReader === 'function';
  if (!grants) notes.push('Grants: `FhirService.grantDataReader()` does not exist in the built library.');
  let monitoring = false;
  try {
    monitoring = synthesizesDiagnosticSettings(lib);
    if (!monitoring) notes.push('Monitoring: `Workspace` ignores a `monitoring` prop (no azurerm_monitor_diagnostic_setting synthesized).');
  } catch (error) {
    notes.push(`Monitoring: a workspace with a \`monitoring\` prop fails: ${(error as Error).message.split('\n')[0]}`);
  }
  return {
    exports: Object.keys(lib).sort(),
    providerModules,
    otherPackages,
    libraryFiles,
    features: { medTech, grants, monitoring },
    featureNotes: notes,
  };
}

function synthesizesDiagnosticSettings(lib: BuiltLibrary): boolean {
  const cdktf = require('cdktf') as typeof Cdktf;
  const { buildWithConstructs } = require('./scenario-constructs') as typeof import('./scenario-constructs');
  const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider') as typeof ProviderModule;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-bench-probe-'));
  try {
    const app = new cdktf.App({ outdir, skipBackendValidation: true });
    const stack = new cdktf.TerraformStack(app, STACK_NAME);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    buildWithConstructs(lib, stack, 1, { ...NO_FEATURES, monitoring: true });
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', STACK_NAME, 'cdk.tf.json'), 'utf8'));
    return json.resource?.azurerm_monitor_diagnostic_setting !== undefined;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Counts cdktf's stack-trace captures while the scenario is constructed: cdktf captures the full stack for every
 * token it creates, which is most of the construction time of both (a) and (b).
 */
function tokenCount(job: Extract<Job, { kind: 'tokens' }>): TokenCount {
  const stackTraces = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: unknown) => string[] };
  const original = stackTraces.captureStackTrace;
  let captures = 0;
  let frames = 0;
  stackTraces.captureStackTrace = (below?: unknown): string[] => {
    const stack = original(below ?? stackTraces.captureStackTrace);
    captures++;
    frames += stack.length;
    return stack;
  };
  const cdktf = require('cdktf') as typeof Cdktf;
  const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider') as typeof ProviderModule;
  const app = new cdktf.App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-bench-tokens-')), skipBackendValidation: true });
  try {
    const stack = new cdktf.TerraformStack(app, STACK_NAME);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    captures = 0;
    frames = 0;
    if (job.mode === 'constructs') {
      const { buildWithConstructs } = require('./scenario-constructs') as typeof import('./scenario-constructs');
      buildWithConstructs(require(distOf(job.root)) as BuiltLibrary, stack, job.workspaces, job.features);
    } else {
      const { buildWithRawProvider } = require('./scenario-raw') as typeof import('./scenario-raw');
      buildWithRawProvider(stack, job.workspaces, job.features);
    }
    return { captures, frames };
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

function run(job: Job): unknown {
  switch (job.kind) {
    case 'tokens':
      return tokenCount(job);
    case 'synth':
      return synthMeasurement(job);
    case 'require':
      return requireMeasurement(job);
    case 'probe':
      return probe(job);
  }
}

if (require.main === module) {
  const job = JSON.parse(process.argv[2]) as Job;
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(run(job))}\n`);
}
