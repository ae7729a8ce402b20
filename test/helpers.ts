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

/** What one real `app.synth()` wrote, read back into memory (the temp folder is gone by then). */
export interface AppSynth {
  /** The stacks that have an output folder. */
  readonly stackNames: string[];
  /** The message `app.synth()` threw, when `allowFailure` let it. */
  readonly error?: string;
  /** A stack's cdk.tf.json and annotations. */
  stack(name: string): SynthResult;
  /** The files in a stack's output folder. */
  files(name: string): string[];
  /** One file of a stack's output folder. */
  read(name: string, file: string): string;
}

/**
 * The one way tests synthesize: builds an app with `build` in a real `App` writing to a temp folder, runs the real
 * `app.synth()` (prepareStack, cross-stack references, validations, custom synthesis: what `cdktf synth` runs) and
 * reads back every stack folder. Constructor errors always surface as thrown errors; a failing `app.synth()` throws
 * too, unless `allowFailure`, which returns its message with what was left on disk.
 */
export function synthApp(build: (app: App) => void, options: { context?: Record<string, unknown>; allowFailure?: boolean } = {}): AppSynth {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-test-'));
  try {
    const app = new App({ outdir, context: options.context, skipBackendValidation: true });
    build(app);
    let error: string | undefined;
    try {
      app.synth();
    } catch (thrown) {
      if (!options.allowFailure) throw thrown;
      error = (thrown as Error).message;
    }
    const stacksDir = path.join(outdir, 'stacks');
    const contents = new Map<string, Map<string, string>>();
    for (const stack of fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : []) {
      const dir = path.join(stacksDir, stack);
      contents.set(stack, new Map(fs.readdirSync(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')])));
    }
    const manifestFile = path.join(outdir, 'manifest.json');
    const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : { stacks: {} };
    const read = (name: string, file: string): string => {
      const text = contents.get(name)?.get(file);
      if (text === undefined) throw new Error(`stack ${name} has no ${file}`);
      return text;
    };
    return {
      stackNames: [...contents.keys()],
      error,
      files: (name) => [...(contents.get(name)?.keys() ?? [])].sort(),
      read,
      stack: (name) => parseStack(JSON.parse(read(name, 'cdk.tf.json')), manifest.stacks[name]?.annotations ?? []),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A stack named "stack" with an azurerm provider, built by `build` and synthesized by {@link synthApp}. */
export function synth(build: (stack: TerraformStack, app: App) => void, options: { context?: Record<string, unknown> } = {}): SynthResult {
  return synthApp((app) => build(newStack(app), app), options).stack('stack');
}

/** A stack named `name` (default "stack") with an azurerm provider. */
export function newStack(app: App, name = 'stack', provider: Record<string, unknown> = {}): TerraformStack {
  const stack = new TerraformStack(app, name);
  new AzurermProvider(stack, 'azurerm', { features: [{}], ...provider });
  return stack;
}

/** Reads a stack that `app.synth()` or `cdktf synth` wrote to `outdir`. */
export function readStack(outdir: string, stackName: string): SynthResult {
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stackName, 'cdk.tf.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return parseStack(json, manifest.stacks[stackName].annotations);
}

function parseStack(json: Block, annotations: SynthResult['annotations']): SynthResult {
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
