/** Renders the benchmark results as docs/benchmarks.md and an SVG chart (no dependencies). */
import { CoresResult, renderCores } from './cores';
import type { Inventory } from './inventory';
import type { ProfileSummary } from './profile';
import type { Features } from './scenario-spec';
import { linearFit, max, median, min } from './stats';
import type { ProbeResult, RequireMeasurement, SynthMeasurement, TokenCount } from './worker';

export interface SizeResult {
  readonly workspaces: number;
  readonly services: number;
  /** Resources (not data sources) in the stack. */
  readonly resources: number;
  /** Every run of (a) and (b) at this size synthesized the same normalized bodies. */
  readonly identicalBodies: boolean;
  readonly a: SynthMeasurement[];
  readonly b: SynthMeasurement[];
}

export interface CliTiming {
  readonly label: string;
  readonly command: string;
  readonly runsMs: number[];
  readonly error?: string;
}

export interface BenchResults {
  readonly date: string;
  readonly command: string;
  readonly machine: {
    readonly cpu: string;
    readonly memoryGb: number;
    readonly os: string;
    readonly node: string;
    readonly packages: Record<string, string>;
    readonly commit: string;
  };
  readonly scenario: string;
  readonly features: Features;
  readonly featureNotes: string[];
  readonly probe: ProbeResult;
  readonly runs: number;
  readonly sizes: SizeResult[];
  /** FHIR + DICOM only (measured when the library offers optional parts), for comparison. */
  readonly coreSizes: SizeResult[];
  readonly skipped: string[];
  readonly equivalence: {
    readonly workspaces: number;
    readonly inventory: Inventory;
    readonly bodiesIdentical: boolean;
    readonly bodyDifferences: string[];
  };
  readonly require: {
    readonly library: RequireMeasurement[];
    /** The provider classes the library imports, with cdktf and constructs: the target's baseline. */
    readonly raw: RequireMeasurement[];
    readonly rawModules: string[];
    /** What the hand-written scenario (b) loads, for reference. */
    readonly scenario: RequireMeasurement[];
    readonly scenarioModules: string[];
  };
  readonly profile?: { readonly workspaces: number; readonly constructs: ProfileSummary; readonly raw: ProfileSummary; readonly directory: string };
  readonly tokens: { readonly workspaces: number; readonly constructs: TokenCount; readonly raw: TokenCount };
  readonly cli: CliTiming[];
  /** cdktf against cdktn (absent in runs with --no-cores and in results from before it existed). */
  readonly cores?: CoresResult;
  /** os.loadavg() (1, 5, 15 minutes): other processes on the machine make the numbers noisier. */
  readonly load: { readonly atStart: number[]; readonly beforeRequire: number[]; readonly atEnd: number[] };
  durationS: number;
}

/** Targets of issue 5. */
export const TARGETS = { ratioAt500: 1.15, requireOverhead: 1.1, marginalGrowth: 1.25 };

export function total(measurement: SynthMeasurement): number {
  return measurement.constructMs + measurement.synthMs;
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);
const ms = (values: readonly number[]): string => `${fixed(median(values))} (${fixed(min(values))}–${fixed(max(values))})`;
const ratio = (size: SizeResult): number => median(size.a.map(total)) / median(size.b.map(total));
const cpuRatio = (size: SizeResult): number => median(size.a.map((x) => x.cpuMs)) / median(size.b.map((x) => x.cpuMs));
const perService = (size: SizeResult, side: 'a' | 'b'): number => median(size[side].map(total)) / size.services;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function resultsTable(sizes: readonly SizeResult[]): string {
  return table(
    [
      'N (workspaces)',
      'services',
      'resources',
      '(a) library ms',
      '(b) raw ms',
      '(a)/(b)',
      '(a)/(b) CPU time',
      '(a) ms/service',
      '(b) ms/service',
      '(a) peak RSS MB',
      '(b) peak RSS MB',
      '(a) heap MB',
      '(b) heap MB',
    ],
    sizes.map((size) => [
      String(size.workspaces),
      String(size.services),
      String(size.resources),
      ms(size.a.map(total)),
      ms(size.b.map(total)),
      `**${fixed(ratio(size), 3)}**`,
      fixed(cpuRatio(size), 3),
      fixed(perService(size, 'a'), 3),
      fixed(perService(size, 'b'), 3),
      fixed(median(size.a.map((x) => x.peakRssMb))),
      fixed(median(size.b.map((x) => x.peakRssMb))),
      fixed(median(size.a.map((x) => x.heapUsedMb))),
      fixed(median(size.b.map((x) => x.heapUsedMb))),
    ]),
  );
}

interface Verdicts {
  readonly ratio?: { readonly value: number; readonly met: boolean; readonly at: number };
  readonly linear:
    | {
        readonly growthA: number;
        readonly growthB: number;
        readonly rSquaredA: number;
        readonly rSquaredB: number;
        readonly met: boolean;
        readonly sizes: number[];
      }
    | undefined;
  readonly require: { readonly library: number; readonly raw: number; readonly value: number; readonly met: boolean };
}

export function verdicts(results: BenchResults): Verdicts {
  const at500 = results.sizes.find((size) => size.workspaces === 500);
  // Linear: the cost of one more service does not grow with N (the marginal cost of the last step over that of the
  // step before); the R² of the line is reported with it. Fixed costs make small N look dearer per service, which is
  // not a departure from linearity.
  const fitted = results.sizes.filter((size) => size.workspaces >= 10);
  const marginal = (side: 'a' | 'b', from: SizeResult, to: SizeResult): number =>
    (median(to[side].map(total)) - median(from[side].map(total))) / (to.services - from.services);
  const growth = (side: 'a' | 'b'): number => {
    const [p, q, r] = fitted.slice(-3);
    return marginal(side, q, r) / marginal(side, p, q);
  };
  const rSquared = (side: 'a' | 'b'): number => linearFit(fitted.map((size) => [size.services, median(size[side].map(total))] as const)).rSquared;
  const library = median(results.require.library.map((m) => m.requireMs));
  const raw = median(results.require.raw.map((m) => m.requireMs));
  return {
    ratio: at500 && { value: ratio(at500), met: ratio(at500) <= TARGETS.ratioAt500, at: 500 },
    linear:
      fitted.length >= 3
        ? {
            growthA: growth('a'),
            growthB: growth('b'),
            rSquaredA: rSquared('a'),
            rSquaredB: rSquared('b'),
            met: growth('a') <= TARGETS.marginalGrowth,
            sizes: fitted.map((size) => size.workspaces),
          }
        : undefined,
    require: { library, raw, value: library / raw, met: library / raw <= TARGETS.requireOverhead },
  };
}

function mark(met: boolean): string {
  return met ? 'met' : '**missed**';
}

export function renderMarkdown(results: BenchResults, notes: string): string {
  const v = verdicts(results);
  const m = results.machine;
  const sizes = results.sizes;
  const lines: string[] = [];
  const push = (...text: string[]): void => void lines.push(...text);

  push(
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts). Do not edit by hand: the numbers come from the run below; the analysis comes from bench/notes.md. -->',
    '',
    `Measured ${results.date.slice(0, 10)} (${results.date}) with \`${results.command}\`, ${fixed(results.durationS)} s in total.`,
    '',
    `Machine: ${m.cpu}, ${m.memoryGb} GiB RAM, ${m.os}, Node ${m.node}. ${Object.entries(m.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}. Library at commit ${m.commit || 'unknown'}.`,
    '',
    `Load average (1/5/15 min) when the timed runs started: ${results.load.atStart.map((x) => x.toFixed(2)).join(' / ')}; at the end: ${results.load.atEnd.map((x) => x.toFixed(2)).join(' / ')}. ` +
      'The machine is shared (other builds and tests run on the same cores), so wall times carry noise: the tables give min–max next to each median, and the CPU time of each run as a cross-check.',
    '',
    '## What is measured',
    '',
    `- **Scenario**: N workspaces, each with ${results.scenario}, in one stack with one azurerm provider.`,
    '- **(a)** the scenario written with this library, loaded from the built package (`dist/`): bench/scenario-constructs.ts.',
    '- **(b)** the same infrastructure hand-written with the raw `@cdktf/provider-azurerm` classes (each imported from `@cdktf/provider-azurerm/lib/<resource>`), with the same arguments, `prevent_destroy`, tags and FHIR authentication defaults, and no validation: bench/scenario-raw.ts.',
    `- **Same resources**: at N = ${results.equivalence.workspaces} (a) and (b) synthesize ${Object.entries(results.equivalence.inventory)
      .map(([type, count]) => `${count} \`${type}\``)
      .join(', ')}; ` +
      `after dropping construct metadata and mapping logical ids to the referenced blocks, their bodies are ${results.equivalence.bodiesIdentical ? '**identical**' : '**not identical** (see below)'}. ` +
      `Every timed run is checked again (types and counts must match, or the run fails); bodies identical at every N: ${sizes.every((size) => size.identicalBodies) ? 'yes' : 'no'}.`,
    `- **Included in this run**: FHIR, DICOM${results.features.medTech ? ', MedTech (+ destination + role assignments)' : ''}${results.features.grants ? ', FHIR grants' : ''}${results.features.monitoring ? ', diagnostic settings' : ''}. ` +
      (results.featureNotes.length > 0
        ? `Left out because the built library does not offer them yet: ${results.featureNotes.join(' ')}`
        : 'Nothing left out.'),
    `- **Each measurement** is a fresh \`node\` process (plain Node, no ts-node), so every run is cold and its peak RSS is its own; ${results.runs} runs of each side per N, alternating (a)/(b) order, after one discarded warm-up per side. ` +
      'Time = constructing the tree + `app.synth()` into a temporary outdir (validation, token resolution, writing cdk.tf.json); loading modules is measured separately (cold require). Median, with (min–max).',
    '',
  );
  if (!results.equivalence.bodiesIdentical) push('Body differences at N = 3:', '', '```', ...results.equivalence.bodyDifferences, '```', '');

  push('<!-- summary-start -->', '## Results: construct + synth', '', resultsTable(sizes), '');
  if (results.skipped.length > 0) push(`Not measured: ${results.skipped.join('; ')}.`, '');
  if (results.coreSizes.length > 0) {
    push(
      '### The same without the optional parts: FHIR + DICOM only',
      '',
      `Each workspace with a FHIR and a DICOM service only (the constructs that existed when the issue set the targets), same method, ${results.coreSizes[0].a.length} runs each:`,
      '',
      resultsTable(results.coreSizes),
      '',
    );
  }
  push('### Targets', '');
  push(
    table(
      ['target', 'measured', 'verdict'],
      [
        v.ratio
          ? [`(a)/(b) ≤ ${TARGETS.ratioAt500} at N = 500`, fixed(v.ratio.value, 3), mark(v.ratio.met)]
          : [`(a)/(b) ≤ ${TARGETS.ratioAt500} at N = 500`, 'N = 500 not measured', '-'],
        ...results.coreSizes
          .filter((size) => size.workspaces === 500)
          .map((size) => [`the same, FHIR + DICOM only`, fixed(ratio(size), 3), mark(ratio(size) <= TARGETS.ratioAt500)]),
        v.linear
          ? [
              `linear in N (N = ${v.linear.sizes.join(', ')}): the ms per added service of the last step ≤ ${TARGETS.marginalGrowth}× that of the step before (no growth beyond linear)`,
              `(a) ×${fixed(v.linear.growthA, 2)}, R² of the line ${fixed(v.linear.rSquaredA, 4)}; (b) ×${fixed(v.linear.growthB, 2)}, R² ${fixed(v.linear.rSquaredB, 4)}`,
              mark(v.linear.met),
            ]
          : ['linear in N', 'needs three sizes ≥ 10', '-'],
        [
          `cold require of the library ≤ ${Math.round((TARGETS.requireOverhead - 1) * 100)}% over the bare provider classes`,
          `${fixed(v.require.library, 1)} ms vs ${fixed(v.require.raw, 1)} ms (×${fixed(v.require.value, 3)})`,
          mark(v.require.met),
        ],
      ],
    ),
    '',
    ...(results.cores ? renderCores(results.cores) : []),
    '<!-- summary-end -->',
    '',
    '![Construct + synth time, cost per service and (a)/(b) ratio by N](benchmarks.svg)',
    '',
  );

  push(
    '## Phases',
    '',
    'Median ms of each phase; `require` is loading cdktf, the provider classes and (a) the library inside the measured process.',
    '',
  );
  push(
    table(
      [
        'N',
        '(a) require',
        '(a) construct',
        '(a) synth',
        '(b) require',
        '(b) construct',
        '(b) synth',
        '(a)/(b) construct',
        '(a)/(b) synth',
        '(a) constructs in tree',
        '(b) constructs in tree',
      ],
      sizes.map((size) => {
        const med = (side: 'a' | 'b', key: 'requireMs' | 'constructMs' | 'synthMs'): number => median(size[side].map((x) => x[key]));
        return [
          String(size.workspaces),
          fixed(med('a', 'requireMs')),
          fixed(med('a', 'constructMs')),
          fixed(med('a', 'synthMs')),
          fixed(med('b', 'requireMs')),
          fixed(med('b', 'constructMs')),
          fixed(med('b', 'synthMs')),
          fixed(med('a', 'constructMs') / med('b', 'constructMs'), 2),
          fixed(med('a', 'synthMs') / med('b', 'synthMs'), 2),
          String(size.a[0].constructs),
          String(size.b[0].constructs),
        ];
      }),
    ),
    '',
  );

  const large = sizes.filter((size) => size.workspaces >= 10);
  if (large.length >= 2) {
    const fit = (side: 'a' | 'b') => linearFit(large.map((size) => [size.services, median(size[side].map(total))] as const));
    const fa = fit('a');
    const fb = fit('b');
    push(
      '## Linearity',
      '',
      `Least-squares line through the medians for N ≥ 10 (time = fixed + marginal × services): (a) ${fixed(fa.intercept)} ms + ${fixed(fa.slope, 3)} ms/service (R² ${fixed(fa.rSquared, 4)}); ` +
        `(b) ${fixed(fb.intercept)} ms + ${fixed(fb.slope, 3)} ms/service (R² ${fixed(fb.rSquared, 4)}). Marginal cost between consecutive sizes:`,
      '',
      table(
        ['from N', 'to N', '(a) ms per added service', '(b) ms per added service', '(a) MB RSS per added service', '(b) MB RSS per added service'],
        large.slice(1).map((size, index) => {
          const previous = large[index];
          const added = size.services - previous.services;
          const delta = (side: 'a' | 'b', of: (x: SynthMeasurement) => number): number =>
            (median(size[side].map(of)) - median(previous[side].map(of))) / added;
          return [
            String(previous.workspaces),
            String(size.workspaces),
            fixed(delta('a', total), 3),
            fixed(delta('b', total), 3),
            fixed(
              delta('a', (x) => x.peakRssMb),
              3,
            ),
            fixed(
              delta('b', (x) => x.peakRssMb),
              3,
            ),
          ];
        }),
      ),
      '',
    );
  }

  const probe = results.probe;
  push(
    '## Cold require',
    '',
    `In a fresh process each, ${results.require.library.length} runs of each variant in rotating order, after one discarded warm-up: \`require('dist')\` versus requiring cdktf, constructs and the provider classes the library imports ` +
      `(${results.require.rawModules.map((name) => `\`${name}\``).join(', ')}). The built library loads ${probe.libraryFiles} files of its own, the provider modules ${probe.providerModules.map((name) => `\`${name.replace('@cdktf/provider-azurerm/lib/', '')}\``).join(', ')}` +
      `${probe.otherPackages.length > 0 ? ` and the packages ${probe.otherPackages.map((name) => `\`${name}\``).join(', ')}` : ''}, never the provider's root index.`,
    '',
    table(
      ['', 'median ms', 'min–max ms', 'files loaded'],
      [
        [
          'library (`require(dist)`)',
          fixed(v.require.library, 1),
          `${fixed(min(results.require.library.map((x) => x.requireMs)), 1)}–${fixed(max(results.require.library.map((x) => x.requireMs)), 1)}`,
          String(results.require.library[0].filesLoaded),
        ],
        [
          'the same provider classes + cdktf + constructs (the baseline)',
          fixed(v.require.raw, 1),
          `${fixed(min(results.require.raw.map((x) => x.requireMs)), 1)}–${fixed(max(results.require.raw.map((x) => x.requireMs)), 1)}`,
          String(results.require.raw[0].filesLoaded),
        ],
        [
          `for reference: only what the hand-written scenario (b) loads (${results.require.scenarioModules.length - 2} provider classes)`,
          fixed(median(results.require.scenario.map((x) => x.requireMs)), 1),
          `${fixed(min(results.require.scenario.map((x) => x.requireMs)), 1)}–${fixed(max(results.require.scenario.map((x) => x.requireMs)), 1)}`,
          String(results.require.scenario[0].filesLoaded),
        ],
      ],
    ),
    '',
    `Overhead over the baseline: ${fixed(v.require.library - v.require.raw, 1)} ms (×${fixed(v.require.value, 3)}): the library's own ${probe.libraryFiles} compiled files.`,
    '',
  );

  const t = results.tokens;
  const perWorkspace = (count: TokenCount): string => fixed(count.captures / t.workspaces, 1);
  const depth = (count: TokenCount): string => fixed(count.frames / count.captures, 1);
  push(
    '## Token stack traces',
    '',
    `cdktf captures the whole JavaScript stack every time it creates a token (each \`resource.id\`, each reference, each nested-block output), so construction time goes mostly into stack traces, and each costs in proportion to the stack's depth. Counted while constructing N = ${t.workspaces} (deterministic):`,
    '',
    table(
      ['', 'tokens per workspace', 'frames per token', 'frames per workspace'],
      [
        ['(a) library', perWorkspace(t.constructs), depth(t.constructs), fixed(t.constructs.frames / t.workspaces)],
        ['(b) raw', perWorkspace(t.raw), depth(t.raw), fixed(t.raw.frames / t.workspaces)],
      ],
    ),
    '',
  );

  if (results.cli.length > 0) {
    push(
      '## `cdktf synth` of the examples',
      '',
      `From the project root, ${results.cli[0].runsMs.length} timed runs after one warm-up, into a temporary outdir; wall time of the whole command.`,
      '',
    );
    push(
      table(
        ['what', 'command', 'median ms', 'min–max ms'],
        results.cli.map((timing) =>
          timing.error !== undefined
            ? [timing.label, `\`${timing.command}\``, 'failed', timing.error.replace(/\|/g, '\\|').slice(0, 200)]
            : [timing.label, `\`${timing.command}\``, fixed(median(timing.runsMs)), `${fixed(min(timing.runsMs))}–${fixed(max(timing.runsMs))}`],
        ),
      ),
      '',
    );
  }

  if (results.profile) {
    const p = results.profile;
    const buckets = [...new Set([...Object.keys(p.constructs.selfMsByBucket), ...Object.keys(p.raw.selfMsByBucket)])].sort(
      (x, y) => (p.constructs.selfMsByBucket[y] ?? 0) - (p.constructs.selfMsByBucket[x] ?? 0),
    );
    push(
      `## Where the time goes (CPU profile, N = ${p.workspaces})`,
      '',
      `One extra run of each side under \`node --cpu-prof --cpu-prof-interval 200\` (profiles in ${p.directory}/, open them in Chrome DevTools). Self time per package, module loading excluded ` +
        `(it was ${fixed(p.constructs.requireMs)} ms for (a), ${fixed(p.raw.requireMs)} ms for (b)). Sampling adds overhead, so these totals are above the timed runs.`,
      '',
      table(
        ['package', '(a) self ms', '(b) self ms', '(a) − (b) ms'],
        buckets.map((bucket) => {
          const a = p.constructs.selfMsByBucket[bucket] ?? 0;
          const b = p.raw.selfMsByBucket[bucket] ?? 0;
          return [bucket, fixed(a), fixed(b), fixed(a - b)];
        }),
      ),
      '',
      `Time under a frame of the library (its own code and everything it calls, e.g. the provider constructors): ${fixed(p.constructs.underLibraryMs)} ms of ${fixed(p.constructs.totalMs - p.constructs.requireMs)} ms.`,
      '',
      "The library's hottest functions (self time):",
      '',
      table(
        ['function', 'self ms'],
        p.constructs.libraryHotspots.map((spot) => [`\`${spot.fn}\``, fixed(spot.selfMs, 1)]),
      ),
      '',
      'Hottest functions of (a) overall (self time):',
      '',
      table(
        ['function', 'package', 'self ms'],
        p.constructs.hotspots.map((spot) => [`\`${spot.fn}\``, spot.bucket, fixed(spot.selfMs, 1)]),
      ),
      '',
    );
  }

  push('## Analysis', '', notes.trim(), '');
  push(
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                 # this page (about 2-3 minutes here)',
    'npm run bench -- --quick      # smoke run, N = 1, 10, 100; writes bench/results/ only',
    'npm run bench -- --runs 9 --sizes 1,10,100,500,1000,2000 --no-cli',
    'npm run bench -- --features core   # FHIR + DICOM only, even when the library offers more',
    'npm run bench -- --report     # re-render this page from bench/results/latest.json (e.g. after editing bench/notes.md)',
    '```',
    '',
    'Raw numbers of the last run: bench/results/latest.json (git-ignored).',
    '',
  );
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------- chart

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Panel {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function niceTicks(lo: number, hi: number, count: number): number[] {
  const step = 10 ** Math.floor(Math.log10((hi - lo) / count));
  const multiples = [1, 2, 2.5, 5, 10].map((k) => k * step);
  const chosen = multiples.find((candidate) => (hi - lo) / candidate <= count) ?? multiples[multiples.length - 1];
  const ticks: number[] = [];
  const top = Math.ceil(hi / chosen - 1e-9) * chosen;
  for (let tick = Math.floor(lo / chosen) * chosen; tick <= top + chosen / 1000; tick += chosen) ticks.push(Number(tick.toPrecision(6)));
  return ticks;
}

function decades(lo: number, hi: number): number[] {
  const result: number[] = [];
  for (let exponent = Math.floor(Math.log10(lo)); exponent <= Math.ceil(Math.log10(hi)); exponent++) result.push(10 ** exponent);
  return result;
}

const COLORS = { a: '#1f6feb', b: '#d1242f', target: '#6e7781' };

/** Three panels: time vs services (log-log), ms per service vs services (log x), (a)/(b) by N with the target. */
export function renderChart(results: BenchResults): string {
  const sizes = results.sizes;
  const width = 1140;
  const height = 380;
  const parts: string[] = [];
  const add = (text: string): void => void parts.push(text);
  add(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  add(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  add(
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escape(`Synth benchmark, ${results.date.slice(0, 10)}: (a) library vs (b) raw provider classes, median of ${results.runs} cold runs`)}</text>`,
  );

  const panels: Panel[] = [0, 1, 2].map((index) => ({ x: 70 + index * 375, y: 60, width: 290, height: 250 }));
  const services = sizes.map((size) => size.services);
  const xLog = (panel: Panel, value: number): number => {
    const lo = Math.log10(decades(min(services), max(services))[0]);
    const hi = Math.log10(decades(min(services), max(services)).slice(-1)[0]);
    return panel.x + ((Math.log10(value) - lo) / (hi - lo)) * panel.width;
  };

  const frame = (panel: Panel, title: string, xLabel: string, yLabel: string): void => {
    add(`<text x="${panel.x + panel.width / 2}" y="${panel.y - 12}" text-anchor="middle" font-weight="bold">${escape(title)}</text>`);
    add(`<rect x="${panel.x}" y="${panel.y}" width="${panel.width}" height="${panel.height}" fill="none" stroke="#8c959f"/>`);
    add(`<text x="${panel.x + panel.width / 2}" y="${panel.y + panel.height + 36}" text-anchor="middle">${escape(xLabel)}</text>`);
    add(`<text transform="translate(${panel.x - 50},${panel.y + panel.height / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`);
  };
  const xAxisLog = (panel: Panel): void => {
    for (const tick of decades(min(services), max(services))) {
      const x = xLog(panel, tick);
      add(`<line x1="${x}" y1="${panel.y}" x2="${x}" y2="${panel.y + panel.height}" stroke="#eaeef2"/>`);
      add(`<text x="${x}" y="${panel.y + panel.height + 16}" text-anchor="middle">${tick}</text>`);
    }
  };
  const series = (panel: Panel, points: Array<[number, number]>, color: string, toY: (value: number) => number): void => {
    const coordinates = points.map(([x, y]) => `${xLog(panel, x).toFixed(1)},${toY(y).toFixed(1)}`);
    add(`<polyline points="${coordinates.join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const point of coordinates) add(`<circle cx="${point.split(',')[0]}" cy="${point.split(',')[1]}" r="3.5" fill="${color}"/>`);
  };

  // Panel 1: total time, log-log.
  {
    const panel = panels[0];
    const times = sizes.flatMap((size) => [median(size.a.map(total)), median(size.b.map(total))]);
    const yDecades = decades(min(times), max(times));
    const toY = (value: number): number =>
      panel.y +
      panel.height -
      ((Math.log10(value) - Math.log10(yDecades[0])) / (Math.log10(yDecades[yDecades.length - 1]) - Math.log10(yDecades[0]))) * panel.height;
    frame(panel, 'construct + synth time', 'services (log)', 'ms (log)');
    xAxisLog(panel);
    for (const tick of yDecades) {
      add(`<line x1="${panel.x}" y1="${toY(tick)}" x2="${panel.x + panel.width}" y2="${toY(tick)}" stroke="#eaeef2"/>`);
      add(`<text x="${panel.x - 6}" y="${toY(tick) + 4}" text-anchor="end">${tick}</text>`);
    }
    series(
      panel,
      sizes.map((size) => [size.services, median(size.b.map(total))]),
      COLORS.b,
      toY,
    );
    series(
      panel,
      sizes.map((size) => [size.services, median(size.a.map(total))]),
      COLORS.a,
      toY,
    );
  }
  // Panel 2: ms per service.
  {
    const panel = panels[1];
    const values = sizes.flatMap((size) => [perService(size, 'a'), perService(size, 'b')]);
    const ticks = niceTicks(0, max(values), 6);
    const top = ticks[ticks.length - 1];
    const toY = (value: number): number => panel.y + panel.height - (value / top) * panel.height;
    frame(panel, 'cost per service (flat = linear)', 'services (log)', 'ms per service');
    xAxisLog(panel);
    for (const tick of ticks) {
      add(`<line x1="${panel.x}" y1="${toY(tick)}" x2="${panel.x + panel.width}" y2="${toY(tick)}" stroke="#eaeef2"/>`);
      add(`<text x="${panel.x - 6}" y="${toY(tick) + 4}" text-anchor="end">${tick}</text>`);
    }
    series(
      panel,
      sizes.map((size) => [size.services, perService(size, 'b')]),
      COLORS.b,
      toY,
    );
    series(
      panel,
      sizes.map((size) => [size.services, perService(size, 'a')]),
      COLORS.a,
      toY,
    );
  }
  // Panel 3: ratio bars.
  {
    const panel = panels[2];
    const ratios = sizes.map(ratio);
    const ticks = niceTicks(0, Math.max(max(ratios), TARGETS.ratioAt500) * 1.1, 6);
    const top = ticks[ticks.length - 1];
    const toY = (value: number): number => panel.y + panel.height - (value / top) * panel.height;
    frame(panel, `(a) / (b); dashed: target ${TARGETS.ratioAt500} at N = 500`, 'workspaces (N)', 'time ratio');
    for (const tick of ticks) {
      add(`<line x1="${panel.x}" y1="${toY(tick)}" x2="${panel.x + panel.width}" y2="${toY(tick)}" stroke="#eaeef2"/>`);
      add(`<text x="${panel.x - 6}" y="${toY(tick) + 4}" text-anchor="end">${tick}</text>`);
    }
    const slot = panel.width / sizes.length;
    sizes.forEach((size, index) => {
      const x = panel.x + slot * index + slot * 0.2;
      const value = ratios[index];
      add(
        `<rect x="${x.toFixed(1)}" y="${toY(value).toFixed(1)}" width="${(slot * 0.6).toFixed(1)}" height="${(panel.y + panel.height - toY(value)).toFixed(1)}" fill="${COLORS.a}" fill-opacity="0.75"/>`,
      );
      add(
        `<text x="${(x + slot * 0.3).toFixed(1)}" y="${(toY(value) - 4).toFixed(1)}" text-anchor="middle" font-size="11">${value.toFixed(2)}</text>`,
      );
      add(`<text x="${(x + slot * 0.3).toFixed(1)}" y="${panel.y + panel.height + 16}" text-anchor="middle">${size.workspaces}</text>`);
    });
    const y = toY(TARGETS.ratioAt500);
    add(
      `<line x1="${panel.x}" y1="${y}" x2="${panel.x + panel.width}" y2="${y}" stroke="${COLORS.target}" stroke-dasharray="6 4" stroke-width="1.5"/>`,
    );
    add(`<line x1="${panel.x}" y1="${toY(1)}" x2="${panel.x + panel.width}" y2="${toY(1)}" stroke="#24292f" stroke-width="0.8"/>`);
  }
  // Legend.
  const legendY = height - 14;
  add(`<rect x="${width / 2 - 250}" y="${legendY - 10}" width="12" height="12" fill="${COLORS.a}"/>`);
  add(`<text x="${width / 2 - 232}" y="${legendY}">(a) this library (dist/)</text>`);
  add(`<rect x="${width / 2 + 20}" y="${legendY - 10}" width="12" height="12" fill="${COLORS.b}"/>`);
  add(`<text x="${width / 2 + 38}" y="${legendY}">(b) raw provider classes, hand-written</text>`);
  add('</svg>');
  return `${parts.join('\n')}\n`;
}
