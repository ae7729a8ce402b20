import * as fs from 'fs';
import * as path from 'path';
import type { IConstruct } from 'constructs';
import { App } from '../platform/cdktf';

const OUTPUT_FILES = ['cdk.tf.json', 'cdk.tf'];

/** The top-level key of a withdrawn stack's configuration; Terraform rejects a configuration that has it. */
export const WITHDRAWN_MARKER = 'synthesis_failed_cdktf_azure_health_data_services';

const WITHDRAWN_REASON =
  'cdktf synth failed for this app, so this configuration was withdrawn: it must not be planned or applied. Fix the errors that synth printed and synthesize again.';

/**
 * Withdraws every stack's synthesized configuration under an output directory (`<outdir>/stacks/<stack>/cdk.tf.json`,
 * or `cdk.tf` with HCL output); other files (reports, plans) stay.
 *
 * Why: after a failed synth, `cdktf synth` exits non-zero but leaves what it wrote before, or even what it wrote for
 * the rejected stack (the CLI writes `cdk.tf.json` before it reports error annotations), and the other stacks' files
 * of an earlier run. A pipeline that goes on to `terraform plan` in those folders would plan configuration that was
 * never accepted. Without the files it fails instead.
 *
 * Under the CLI's continue-on-error mode (`CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS`, how `cdktf synth` runs an app)
 * the CLI reads every stack's `cdk.tf.json` after the app ends to print the errors, and crashes without them. There the
 * file is replaced by a withdrawn configuration: valid JSON for the CLI, which Terraform refuses to plan
 * (`Extraneous JSON object property` on {@link WITHDRAWN_MARKER}, with the reason beside it).
 */
export function withdrawSynthesizedStacks(outdir: string, cliReadsThem = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined): void {
  const stacksFolder = path.join(outdir, 'stacks');
  let entries: string[];
  try {
    entries = fs.readdirSync(stacksFolder);
  } catch {
    return;
  }
  for (const entry of entries) {
    for (const file of OUTPUT_FILES) {
      const target = path.join(stacksFolder, entry, file);
      if (cliReadsThem && file === 'cdk.tf.json' && fs.existsSync(target)) fs.writeFileSync(target, withdrawn(entry));
      else fs.rmSync(target, { force: true });
    }
  }
}

function withdrawn(stackName: string): string {
  const body = {
    '//': { metadata: { backend: 'local', stackName, version: 'withdrawn' }, outputs: {} },
    terraform: { required_providers: {} },
    [WITHDRAWN_MARKER]: { reason: WITHDRAWN_REASON },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const EXIT_GUARD = Symbol.for('cdktf-azure-health-data-services.exitGuard');

/**
 * Under the cdktf CLI (which runs the app with `CDKTF_OUTDIR`), a construct that throws while the app is built ends
 * the process before anything is synthesized: remove the previous run's output when the process exits with an error.
 * Outside the CLI (a user's own tests building an App) nothing is removed for a construction error: no synth ran.
 */
export function guardProcessExit(scope: IConstruct): void {
  const cliOutdir = process.env.CDKTF_OUTDIR;
  if (cliOutdir === undefined) return;
  const app = appOf(scope);
  if (!app || (app as { [EXIT_GUARD]?: boolean })[EXIT_GUARD]) return;
  Object.defineProperty(app, EXIT_GUARD, { value: true });
  const outdir = path.resolve(app.outdir);
  process.once('exit', (code) => {
    // The CLI reports a failed app run without reading the stacks: remove them.
    if (code !== 0) withdrawSynthesizedStacks(outdir, false);
  });
}

function appOf(scope: IConstruct): App | undefined {
  const root = scope.node.root;
  return App.isApp(root) ? root : undefined;
}
