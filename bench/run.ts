/**
 * `npm run bench`: the synth benchmark of the built library (dist/) against the raw provider classes.
 *
 *   npm run bench                      full run (writes docs/benchmarks.md and docs/benchmarks.svg)
 *   npm run bench -- --quick           a smoke run: N = 1, 10, 100, two runs each, no CLI; writes nothing to docs/
 *   npm run bench -- --runs 7 --sizes 1,10,100,500,1000,2000 --features core --no-cli
 *   npm run bench -- --report         re-render docs/ from bench/results/latest.json (after editing bench/notes.md)
 *   npm run bench -- --core-size 100  the cdktf-vs-cdktn comparison at N = 100 instead of 500 (--no-cores: skip it)
 *   npm run bench -- --cores-only     only the cdktf-vs-cdktn comparison (prints it; writes bench/results/cores.json)
 *
 * Every measurement runs in a fresh `node` process (bench/worker.ts, transpiled to bench/results/js first), so each
 * is cold and its peak memory is its own. Raw results and CPU profiles go to bench/results/ (git-ignored).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { buildPackage } from '../scripts/build-package';
import type { Core } from '../scripts/core-specifiers';
import { rewriteModuleSpecifiers } from '../scripts/rewrite-specifiers';
import { measureCores, renderCores } from './cores';
import { bodyDifferences, inventoryDifferences } from './inventory';
import { summarizeProfile } from './profile';
import { BenchResults, CliTiming, renderChart, renderMarkdown, SizeResult, total } from './report';
import { rawProviderModules } from './scenario-raw';
import { describeScenario, Features, NO_FEATURES, servicesPerWorkspace } from './scenario-spec';
import { median } from './stats';
import type { Job, ProbeResult, RequireMeasurement, SynthMeasurement, TokenCount } from './worker';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const JS = path.join(RESULTS, 'js');
/** The same transpiled bench with its module specifiers rewritten for cdktn (the cdktn build's rewrite). */
const JS_OF: Record<Core, string> = { cdktf: JS, cdktn: path.join(RESULTS, 'js-cdktn') };
const MARKER = 'BENCH_RESULT ';
/** The whole run must stay under 5 minutes here; the largest size is skipped when the budget would not allow it. */
const BUDGET_S = 270;

interface Options {
  readonly quick: boolean;
  readonly runs: number;
  readonly sizes: number[];
  readonly requireRuns: number;
  readonly cli: boolean;
  readonly cliRuns: number;
  readonly featureSet: 'auto' | 'core';
  readonly write: boolean;
  /** N of the cdktf-vs-cdktn comparison; 0 skips it. */
  readonly coreSize: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const features = value('--features') ?? 'auto';
  if (features !== 'auto' && features !== 'core') throw new Error(`--features must be "auto" or "core", not "${features}"`);
  return {
    quick,
    runs: Number(value('--runs') ?? (quick ? 2 : 5)),
    sizes: (value('--sizes') ?? (quick ? '1,10,100' : '1,10,100,500,1000')).split(',').map(Number),
    requireRuns: quick ? 5 : 21,
    cli: !quick && !argv.includes('--no-cli'),
    cliRuns: 3,
    featureSet: features,
    write: !quick && !argv.includes('--no-write'),
    coreSize: argv.includes('--no-cores') ? 0 : Number(value('--core-size') ?? (quick ? 100 : 500)),
  };
}

const started = performance.now();
const elapsedS = (): number => (performance.now() - started) / 1000;
const log = (message: string): void => void process.stderr.write(`[bench ${elapsedS().toFixed(0).padStart(3)}s] ${message}\n`);

/** Transpiles the bench's TypeScript to plain JavaScript, so that measured processes run without ts-node. */
function transpileBench(): void {
  for (const dir of Object.values(JS_OF)) fs.mkdirSync(dir, { recursive: true });
  for (const file of fs.readdirSync(path.join(ROOT, 'bench')).filter((name) => name.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(ROOT, 'bench', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    const js = file.replace(/\.ts$/, '.js');
    fs.writeFileSync(path.join(JS_OF.cdktf, js), outputText);
    // cores.ts runs in this process only (it imports scripts/); the workers never load it.
    if (file !== 'cores.ts') fs.writeFileSync(path.join(JS_OF.cdktn, js), rewriteModuleSpecifiers(js, outputText, 'cdktn').text);
  }
}

function runWorker<T>(job: Job, nodeArgs: string[] = [], core: Core = 'cdktf'): T {
  const child = spawnSync(process.execPath, [...nodeArgs, path.join(JS_OF[core], 'worker.js'), JSON.stringify(job)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const line = child.stdout?.split('\n').find((text) => text.startsWith(MARKER));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`benchmark worker failed (${core}, ${JSON.stringify({ ...job, features: undefined })}), exit ${child.status}:\n${child.stderr}`);
  }
  return JSON.parse(line.slice(MARKER.length)) as T;
}

function synthJob(
  mode: 'constructs' | 'raw',
  workspaces: number,
  features: Features,
  extra: { withBodies?: boolean; skipContents?: boolean } = {},
): Job {
  return { kind: 'synth', root: ROOT, mode, workspaces, features, ...extra };
}

/** (a) and (b) must synthesize the same resources: same types and counts (fatal), same bodies (reported). */
function checkEquivalence(features: Features): BenchResults['equivalence'] {
  const a = runWorker<SynthMeasurement>(synthJob('constructs', 3, features, { withBodies: true }));
  const b = runWorker<SynthMeasurement>(synthJob('raw', 3, features, { withBodies: true }));
  const differences = inventoryDifferences(a.contents!.inventory, b.contents!.inventory, '(a) constructs', '(b) raw provider');
  if (differences.length > 0) {
    throw new Error(
      `(a) and (b) do not synthesize the same resources, so the comparison would be meaningless:\n  ${differences.join('\n  ')}\n` +
        'Update bench/scenario-raw.ts to mirror what the library now creates (or run with --features core).',
    );
  }
  const bodies = bodyDifferences(a.contents!.bodies!, b.contents!.bodies!);
  if (bodies.length > 0) log(`warning: same resource types and counts, but some bodies differ:\n${bodies.join('\n')}`);
  return { workspaces: 3, inventory: a.contents!.inventory, bodiesIdentical: bodies.length === 0, bodyDifferences: bodies };
}

function measureSizes(options: Options, features: Features): { sizes: SizeResult[]; skipped: string[] } {
  const sizes: SizeResult[] = [];
  const skipped: string[] = [];
  for (const workspaces of options.sizes) {
    // Runs take time roughly in proportion to N: extrapolate from the largest size so far and keep the budget.
    const last = sizes[sizes.length - 1];
    if (last !== undefined && last.workspaces >= 100) {
      const perRunS = (median(last.a.map(total)) + median(last.b.map(total))) / 1000 / 2 + 0.4;
      const estimateS = perRunS * (workspaces / last.workspaces) * 2 * options.runs + (options.cli ? 40 : 0) + 20;
      if (elapsedS() + estimateS > BUDGET_S) {
        skipped.push(`N = ${workspaces}: an estimated ${estimateS.toFixed(0)} s would exceed the ${BUDGET_S} s budget of this run`);
        log(`skipping N=${workspaces} (estimated ${estimateS.toFixed(0)} s)`);
        continue;
      }
    }
    const a: SynthMeasurement[] = [];
    const b: SynthMeasurement[] = [];
    for (let run = 0; run < options.runs; run++) {
      // Alternate the order so that drift (thermal, caches) does not favour one side.
      const order: Array<'constructs' | 'raw'> = run % 2 === 0 ? ['constructs', 'raw'] : ['raw', 'constructs'];
      for (const mode of order) {
        const measurement = runWorker<SynthMeasurement>(synthJob(mode, workspaces, features));
        (mode === 'constructs' ? a : b).push(measurement);
      }
    }
    for (const [index, measurement] of [...a, ...b].entries()) {
      const differences = inventoryDifferences(
        a[0].contents!.inventory,
        measurement.contents!.inventory,
        '(a) run 1',
        `${index < a.length ? '(a)' : '(b)'} run ${(index % options.runs) + 1}`,
      );
      if (differences.length > 0) throw new Error(`N=${workspaces}: the runs synthesized different resources:\n  ${differences.join('\n  ')}`);
    }
    const fingerprints = new Set([...a, ...b].map((m) => m.contents!.fingerprint));
    const resources = Object.entries(a[0].contents!.inventory)
      .filter(([type]) => !type.startsWith('data.'))
      .reduce((sum, [, count]) => sum + count, 0);
    sizes.push({
      workspaces,
      services: workspaces * servicesPerWorkspace(features),
      resources,
      identicalBodies: fingerprints.size === 1,
      a,
      b,
    });
    log(
      `N=${workspaces}: (a) ${median(a.map(total)).toFixed(0)} ms, (b) ${median(b.map(total)).toFixed(0)} ms, ratio ${(median(a.map(total)) / median(b.map(total))).toFixed(3)}`,
    );
  }
  return { sizes, skipped };
}

function measureRequire(options: Options, probe: ProbeResult, features: Features): BenchResults['require'] {
  // The baseline: cdktf, constructs and the provider classes the library itself imports (what any app using those
  // resources loads anyway). For reference also what the hand-written scenario (b) loads.
  const rawModules = ['constructs', 'cdktf', ...new Set([...probe.providerModules, ...rawProviderModules(NO_FEATURES)])].sort();
  const scenarioModules = ['constructs', 'cdktf', ...rawProviderModules(features)].sort();
  const variants = { library: ['<library>'], raw: rawModules, scenario: scenarioModules };
  const runs: Record<keyof typeof variants, RequireMeasurement[]> = { library: [], raw: [], scenario: [] };
  // One discarded run of each warms the file system cache.
  for (const modules of Object.values(variants)) runWorker<RequireMeasurement>({ kind: 'require', root: ROOT, modules });
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  for (let run = 0; run < options.requireRuns; run++) {
    // Rotate the order so that none of them always runs first.
    for (const which of [...names.slice(run % names.length), ...names.slice(0, run % names.length)]) {
      runs[which].push(runWorker<RequireMeasurement>({ kind: 'require', root: ROOT, modules: variants[which] }));
    }
  }
  return { library: runs.library, raw: runs.raw, rawModules, scenario: runs.scenario, scenarioModules };
}

/** cdktf's stack-trace captures while constructing N = 100 (deterministic: the same on every machine). */
function countTokens(features: Features): BenchResults['tokens'] {
  const workspaces = 100;
  const count = (mode: 'constructs' | 'raw'): TokenCount => runWorker<TokenCount>({ kind: 'tokens', root: ROOT, mode, workspaces, features });
  return { workspaces, constructs: count('constructs'), raw: count('raw') };
}

function profileAt(workspaces: number, features: Features, published: boolean): BenchResults['profile'] {
  // The profiles of the run docs/ shows stay next to latest.json; other runs keep theirs apart.
  const directory = path.join(RESULTS, published ? 'profiles' : 'profiles-unpublished');
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const summaries = (['constructs', 'raw'] as const).map((mode) => {
    const name = `${mode}-${workspaces}.cpuprofile`;
    runWorker<SynthMeasurement>(synthJob(mode, workspaces, features, { skipContents: true }), [
      '--cpu-prof',
      '--cpu-prof-interval',
      '200',
      `--cpu-prof-dir=${directory}`,
      `--cpu-prof-name=${name}`,
    ]);
    return summarizeProfile(JSON.parse(fs.readFileSync(path.join(directory, name), 'utf8')), ROOT);
  });
  return { workspaces, constructs: summaries[0], raw: summaries[1], directory: path.relative(ROOT, directory) };
}

function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv): { ms: number; ok: boolean; output: string } {
  const start = performance.now();
  const child = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0', ...env },
    timeout: 180_000,
  });
  return { ms: performance.now() - start, ok: child.status === 0, output: `${child.stdout ?? ''}\n${child.stderr ?? ''}` };
}

/** `npx cdktf synth` of the examples (the CLI runs cdktf.json's `npx ts-node --transpile-only examples/main.ts`), and the app alone. */
function measureCli(options: Options): BenchResults['cli'] {
  const measure = (label: string, command: string, args: string[]): CliTiming => {
    const runs: number[] = [];
    for (let run = 0; run <= options.cliRuns; run++) {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-bench-cli-'));
      try {
        const result = timeCommand(command, [...args.map((arg) => arg.replace('<outdir>', outdir))], { CDKTF_OUTDIR: outdir });
        if (!result.ok) {
          const reason =
            result.output
              .split('\n')
              .filter((line) => /error|Error/.test(line))
              .slice(0, 3)
              .join(' | ') || result.output.slice(-400);
          log(`${label} failed: ${reason}`);
          return { label, command: `${command} ${args.join(' ')}`, runsMs: [], error: reason };
        }
        if (run > 0) runs.push(result.ms); // the first run warms the caches and is not counted
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    }
    log(`${label}: median ${median(runs).toFixed(0)} ms`);
    return { label, command: `${command} ${args.join(' ')}`.replace(/<outdir>/g, '<tmp>'), runsMs: runs };
  };
  return [
    measure('`cdktf synth` of the examples (CLI + app)', 'npx', ['cdktf', 'synth', '--output', '<outdir>']),
    measure('the examples app alone under ts-node', 'npx', ['ts-node', '--transpile-only', 'examples/main.ts']),
  ];
}

/** cdktf against cdktn: cold require and N = coreSize, interleaved (bench/cores.ts). */
function compareCores(options: Options, probe: ProbeResult, features: Features): BenchResults['cores'] {
  const cdktn = buildPackage('cdktn');
  log(`built ${path.relative(ROOT, cdktn.dir)} (${cdktn.rewrittenSpecifiers} specifiers rewritten); comparing the cores at N=${options.coreSize}`);
  const version = (name: string): string => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  const azurerm = (name: string): string =>
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).cdktf.provider.version;
  return measureCores({
    workspaces: options.coreSize,
    scenario: describeScenario(features),
    features,
    runs: options.runs,
    requireRuns: options.requireRuns,
    cdktfRawModules: ['constructs', 'cdktf', ...new Set([...probe.providerModules, ...rawProviderModules(NO_FEATURES)])].sort(),
    setups: [
      {
        core: 'cdktf',
        libraryRoot: ROOT,
        packages: {
          cdktf: version('cdktf'),
          '@cdktf/provider-azurerm': version('@cdktf/provider-azurerm'),
          azurerm: azurerm('@cdktf/provider-azurerm'),
        },
      },
      {
        core: 'cdktn',
        libraryRoot: cdktn.dir,
        packages: {
          cdktn: version('cdktn'),
          '@cdktn/provider-azurerm': version('@cdktn/provider-azurerm'),
          azurerm: azurerm('@cdktn/provider-azurerm'),
        },
      },
    ],
    runWorker: (job, core) => runWorker(job, [], core),
    log,
  });
}

function machine(): BenchResults['machine'] {
  const version = (name: string): string => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  const git = (args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} logical cores visible)`,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    packages: {
      cdktf: version('cdktf'),
      '@cdktf/provider-azurerm': version('@cdktf/provider-azurerm'),
      constructs: version('constructs'),
      'cdktf-cli': version('cdktf-cli'),
      cdktn: version('cdktn'),
      '@cdktn/provider-azurerm': version('@cdktn/provider-azurerm'),
    },
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'lib']) ? ' + uncommitted changes in lib/' : ''}`,
  };
}

function writeReport(results: BenchResults, toDocs: boolean): string {
  const markdown = renderMarkdown(results, fs.readFileSync(path.join(ROOT, 'bench', 'notes.md'), 'utf8'));
  const directory = toDocs ? path.join(ROOT, 'docs') : RESULTS;
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, 'benchmarks.md'), markdown);
  fs.writeFileSync(path.join(directory, 'benchmarks.svg'), renderChart(results));
  log(`wrote ${path.relative(ROOT, path.join(directory, 'benchmarks.md'))} and benchmarks.svg${toDocs ? '' : ' (docs/ untouched)'}`);
  return markdown;
}

function main(): void {
  if (process.argv.includes('--report')) {
    writeReport(JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')) as BenchResults, true);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does).');
  transpileBench();
  const probe = runWorker<ProbeResult>({ kind: 'probe', root: ROOT });
  const features = options.featureSet === 'core' ? NO_FEATURES : probe.features;
  log(`scenario per workspace: ${describeScenario(features)}`);
  for (const note of probe.featureNotes) log(`not included: ${note}`);
  if (process.argv.includes('--cores-only')) {
    const cores = compareCores(options.coreSize > 0 ? options : { ...options, coreSize: 500 }, probe, features)!;
    fs.writeFileSync(path.join(RESULTS, 'cores.json'), JSON.stringify({ date: new Date().toISOString(), load: os.loadavg(), cores }, null, 2));
    process.stdout.write(`\n${renderCores(cores).join('\n')}\n`);
    log(`done in ${elapsedS().toFixed(0)} s`);
    return;
  }

  const equivalence = checkEquivalence(features);
  log(
    `(a) and (b) synthesize the same ${Object.entries(equivalence.inventory)
      .map(([type, count]) => `${count} ${type}`)
      .join(', ')} at N=3; bodies ${equivalence.bodiesIdentical ? 'identical' : 'differ (see above)'}`,
  );
  // Warm the file system cache once per side; not counted.
  runWorker<SynthMeasurement>(synthJob('constructs', 10, features));
  runWorker<SynthMeasurement>(synthJob('raw', 10, features));

  const loadAtStart = os.loadavg();
  const { sizes, skipped } = measureSizes(options, features);
  const withOptionalParts = Object.values(features).some(Boolean);
  const coreSizes =
    withOptionalParts && !options.quick
      ? measureSizes({ ...options, sizes: options.sizes.filter((n) => n >= 100 && sizes.some((size) => size.workspaces === n)) }, NO_FEATURES).sizes
      : [];
  const loadBefore = os.loadavg();
  const required = measureRequire(options, probe, features);
  log(
    `cold require: library ${median(required.library.map((m) => m.requireMs)).toFixed(1)} ms, provider classes ${median(required.raw.map((m) => m.requireMs)).toFixed(1)} ms`,
  );
  const profileSize = [...options.sizes].filter((n) => n <= 500).pop() ?? options.sizes[0];
  const profile = profileAt(profileSize, features, options.write);
  const tokens = countTokens(features);
  const cli = options.cli ? measureCli(options) : [];
  const cores = options.coreSize > 0 ? compareCores(options, probe, features) : undefined;

  const results: BenchResults = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: machine(),
    scenario: describeScenario(features),
    features,
    featureNotes:
      options.featureSet === 'core' ? ['--features core: optional parts left out on purpose.', ...probe.featureNotes] : probe.featureNotes,
    probe,
    runs: options.runs,
    sizes,
    coreSizes,
    skipped,
    equivalence,
    require: required,
    profile,
    tokens,
    cli,
    cores,
    load: { atStart: loadAtStart, beforeRequire: loadBefore, atEnd: os.loadavg() },
    durationS: 0,
  };
  results.durationS = elapsedS();
  fs.mkdirSync(RESULTS, { recursive: true });
  // latest.json is what docs/ was rendered from (and what --report re-renders); other runs do not replace it.
  fs.writeFileSync(path.join(RESULTS, options.write ? 'latest.json' : 'unpublished.json'), JSON.stringify(results, null, 2));
  const markdown = writeReport(results, options.write);
  process.stdout.write(`\n${markdown.split('<!-- summary-end -->')[0].split('<!-- summary-start -->')[1] ?? ''}\n`);
  log(`done in ${elapsedS().toFixed(0)} s`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`\nbench failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
