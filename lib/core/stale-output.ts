import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Removes what an earlier synth wrote for the stack of `scope` (`<outdir>/stacks/<stack>/cdk.tf.json`, or `cdk.tf`
 * with HCL output), because the stack's input has just been found invalid.
 *
 * Why: when the app fails, `cdktf synth` exits non-zero but leaves the previous run's files in place (it cleans
 * only after a successful synth), so a pipeline that goes on to `terraform plan` in that folder would plan the old
 * configuration. Without the file, it fails instead. Best effort: outside an App or a stack nothing was written.
 */
export function discardSynthesizedStack(scope: IConstruct): void {
  let folder: string;
  try {
    folder = path.join(App.of(scope).outdir, 'stacks', TerraformStack.of(scope).node.id);
  } catch {
    return;
  }
  for (const file of ['cdk.tf.json', 'cdk.tf']) fs.rmSync(path.join(folder, file), { force: true });
}
