import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';

/** A synthesized resource block, keyed by Terraform attribute names (snake_case). */
export type Block = { [key: string]: any };

export interface SynthResult {
  /** The stack's parsed cdk.tf.json. */
  readonly json: Block;
  /** Annotations (warnings, errors, infos) the synthesizer collected for the stack. */
  readonly annotations: Array<{ constructPath: string; level: string; message: string }>;
  /** All resources of one Terraform type, as a list. */
  resources(type: string): Block[];
  /** The one resource of a type (fails when there are zero or several). */
  resource(type: string): Block;
  /** Messages of the annotations with a level. */
  messages(level: 'WARN' | 'ERROR' | 'INFO'): string[];
}

/**
 * Builds a stack (with an azurerm provider) in a real `App`, runs the real `app.synth()` into a temp folder and
 * reads back what it wrote. Constructor errors and validation errors surface as thrown errors, exactly as with
 * `cdktf synth`.
 */
export function synth(build: (stack: TerraformStack, app: App) => void, options: { context?: Record<string, unknown> } = {}): SynthResult {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-test-'));
  try {
    const app = new App({ outdir, context: options.context, skipBackendValidation: true });
    const stack = new TerraformStack(app, 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack, app);
    app.synth();
    return readStack(outdir, 'stack');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Reads a stack that `app.synth()` or `cdktf synth` wrote to `outdir`. */
export function readStack(outdir: string, stackName: string): SynthResult {
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stackName, 'cdk.tf.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const annotations = manifest.stacks[stackName].annotations as SynthResult['annotations'];
  const resources = (type: string): Block[] => Object.values(json.resource?.[type] ?? {});
  return {
    json,
    annotations,
    resources,
    resource: (type) => {
      const found = resources(type);
      if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
      return found[0];
    },
    messages: (level) => annotations.filter((a) => a.level === `@cdktf/${level.toLowerCase()}`).map((a) => a.message),
  };
}

/** The message of the error `fn` throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}
