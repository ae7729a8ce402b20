import { spawnSync } from 'child_process';

/** The SVG file's name, next to each stack's `cdk.tf.json` (when the context key asks for it). */
export const SVG_FILE = 'health-data-diagram.svg';

/**
 * Renders DOT to SVG with Graphviz compiled to WebAssembly (`@viz-js/viz`, an optional peer dependency). Its API is
 * asynchronous and cdktf's synthesis is not, so a child Node process renders and this one waits for it.
 */
export function renderSvg(dot: string): string {
  let viz: string;
  try {
    viz = require.resolve('@viz-js/viz');
  } catch {
    throw new Error('the SVG needs the package @viz-js/viz: npm install --save-dev @viz-js/viz@^3');
  }
  const script = [
    `const { instance } = require(${JSON.stringify(viz)});`,
    "let dot = '';",
    "process.stdin.setEncoding('utf8');",
    "process.stdin.on('data', (chunk) => { dot += chunk; });",
    "process.stdin.on('end', () => instance().then((graphviz) => { process.stdout.write(graphviz.renderString(dot, { format: 'svg', engine: 'dot' })); })",
    '  .catch((error) => { process.stderr.write(String(error && error.message || error)); process.exitCode = 1; }));',
  ].join('\n');
  const { NODE_OPTIONS: _options, ...env } = process.env;
  void _options;
  const run = spawnSync(process.execPath, ['-e', script], { input: dot, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (run.error) throw run.error;
  if (run.status !== 0 || !run.stdout.includes('<svg'))
    throw new Error(`Graphviz failed: ${(run.stderr || `exit ${run.status}`).trim().slice(0, 500)}`);
  return run.stdout;
}
