/**
 * Runs the real `cdktn` CLI (cdktn-cli from the project's devDependencies) under a Node >= 22.19 (node22.ts). The
 * Node that runs the CLI is put first on the PATH, so that what the CLI starts (`npx ts-node ...` of cdktf.json's
 * app) runs on it too, as it would on a cdktn user's machine.
 *
 *   npx ts-node --transpile-only scripts/cdktn-cli.ts synth [cdktn options]     (npm run synth:cdktn)
 *
 * From this command line the app is the project's own source, so its cdktf imports are resolved to cdktn
 * (cdktn-alias.js); a consumer app of the cdktn package needs no such thing (runCdktn with sourceAlias false).
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as path from 'path';
import { ROOT } from './build-package';
import { ensureNode22 } from './node22';

export interface CdktnRunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Resolve the project source's cdktf imports to cdktn in every Node process the CLI starts. */
  readonly sourceAlias: boolean;
  readonly timeoutMs?: number;
  /** Inherit stdio (for the command line) instead of capturing the output. */
  readonly inherit?: boolean;
}

/** The path of the cdktn-cli entry point in the project's node_modules. */
export function cdktnEntryPoint(): string {
  const manifest = require.resolve('cdktn-cli/package.json', { paths: [ROOT] });
  const pkg = require(manifest) as { bin: Record<string, string> };
  return path.join(path.dirname(manifest), pkg.bin.cdktn);
}

/** The environment the CLI runs in: Node 22 first on the PATH and, for project source, the alias hook. */
export function cdktnEnvironment(node: string, options: Pick<CdktnRunOptions, 'env' | 'sourceAlias'>): NodeJS.ProcessEnv {
  const base = { ...process.env, ...options.env };
  const hook = options.sourceAlias ? `--require ${JSON.stringify(path.join(__dirname, 'cdktn-alias.js'))}` : '';
  const nodeOptions = [base.NODE_OPTIONS ?? '', hook].filter((part) => part !== '');
  // The CLI sets this itself when NODE_OPTIONS is empty (and warns when it is not): keep its default.
  if (nodeOptions.length > 0 && !nodeOptions.some((part) => part.includes('--max-old-space-size'))) nodeOptions.unshift('--max-old-space-size=4096');
  return { ...base, PATH: [path.dirname(node), base.PATH ?? ''].join(path.delimiter), NODE_OPTIONS: nodeOptions.join(' ') };
}

export function runCdktn(args: readonly string[], options: CdktnRunOptions): SpawnSyncReturns<string> {
  const node = ensureNode22();
  return spawnSync(node, [cdktnEntryPoint(), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: cdktnEnvironment(node, options),
    timeout: options.timeoutMs,
    stdio: options.inherit ? 'inherit' : 'pipe',
  });
}

if (require.main === module) {
  const result = runCdktn(process.argv.slice(2), { sourceAlias: true, inherit: true, env: { CHECKPOINT_DISABLE: '1' } });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}
