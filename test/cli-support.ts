import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCdktn } from '../scripts/cdktn-cli';
import { BUILD, CORE } from './core-under-test';

export const ROOT = path.resolve(__dirname, '..');
const CDKTF = path.join(ROOT, 'node_modules', '.bin', 'cdktf');
/** The CLI of the core under test: `cdktf` (Node of this process) or `cdktn` (Node >= 22.19, scripts/node22.ts). */
export const CLI = BUILD.cliCommand;

/** What to synthesize: the root app (`cdktf.json`) unless `app` names another command. */
export interface CdktfSynthOptions {
  /** The app command, e.g. `npx ts-node --transpile-only test/fixtures/broken-app.ts`; default: the root `cdktf.json` app. */
  readonly app?: string;
  /** Where to write; default: a new temp folder. */
  readonly outdir?: string;
  /** Added to the environment. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs the real `cdktf synth` (or, in the cdktn run, the real `cdktn synth` with the source's imports resolved to
 * cdktn) from the project root; returns the exit status, everything it printed and the outdir.
 */
export function cdktfSynth(options: CdktfSynthOptions = {}): { status: number | null; output: string; outdir: string } {
  const outdir = options.outdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-cli-'));
  const args = ['synth', ...(options.app ? ['--app', options.app] : []), '--output', outdir];
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0', ...options.env };
  const run =
    CORE === 'cdktn'
      ? runCdktn(args, { cwd: ROOT, env, sourceAlias: true, timeoutMs: 180_000 })
      : spawnSync(CDKTF, args, { cwd: ROOT, encoding: 'utf8', env, timeout: 180_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, outdir };
}
