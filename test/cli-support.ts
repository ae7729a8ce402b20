import { spawnSync } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
const CDKTF = path.join(ROOT, 'node_modules', '.bin', 'cdktf');

/**
 * The real `cdktf synth` from the project root: of `app` (a command, e.g. `npx ts-node --transpile-only <file>`)
 * into `outdir`, with `env` added to the environment. Returns the exit status and everything it printed.
 */
export function cdktfSynth(app: string, outdir: string, env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const run = spawnSync(CDKTF, ['synth', '--app', app, '--output', outdir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0', ...env },
    timeout: 180_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
