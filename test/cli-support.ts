import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
const CDKTF = path.join(ROOT, 'node_modules', '.bin', 'cdktf');

/** What to synthesize: the root app (`cdktf.json`) unless `app` names another command. */
export interface CdktfSynthOptions {
  /** The app command, e.g. `npx ts-node --transpile-only test/fixtures/broken-app.ts`; default: the root `cdktf.json` app. */
  readonly app?: string;
  /** Where to write; default: a new temp folder. */
  readonly outdir?: string;
  /** Added to the environment. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs the real `cdktf synth` from the project root; returns the exit status, everything it printed and the outdir. */
export function cdktfSynth(options: CdktfSynthOptions = {}): { status: number | null; output: string; outdir: string } {
  const outdir = options.outdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-cli-'));
  const run = spawnSync(CDKTF, ['synth', ...(options.app ? ['--app', options.app] : []), '--output', outdir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0', ...options.env },
    timeout: 180_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, outdir };
}
