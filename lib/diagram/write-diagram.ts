import * as fs from 'fs';
import * as path from 'path';
import { Annotations, TerraformStack } from '../core/platform/cdktf';
import { lastCheckOf } from '../compliance/last-report';
import { HealthDataValidationError } from '../core/validation';
import { HealthDataDiagram } from './diagram-context';
import { toDot } from './dot';
import { buildDiagram } from './graph';
import { MERMAID_FILE, toMarkdown } from './mermaid';
import { renderSvg, SVG_FILE } from './svg';

/** Writes `health-data-diagram.md` (unless turned off) and `.svg` (when asked) next to the stack's `cdk.tf.json`. */
export function writeDiagram(stack: TerraformStack, directory: string): void {
  const mermaid = flag(stack, HealthDataDiagram.CONTEXT_KEY, true);
  const svg = flag(stack, HealthDataDiagram.SVG_CONTEXT_KEY, false);
  if (!mermaid && !svg) return;
  fs.mkdirSync(directory, { recursive: true });
  const checked = lastCheckOf(stack);
  const diagram = buildDiagram(stack, checked?.report, checked?.model);
  if (mermaid) fs.writeFileSync(path.join(directory, MERMAID_FILE), toMarkdown(diagram));
  if (svg) {
    try {
      fs.writeFileSync(path.join(directory, SVG_FILE), renderSvg(toDot(diagram)));
    } catch (error) {
      Annotations.of(stack).addWarning(`The diagram SVG was not written: ${(error as Error).message}.`);
    }
  }
}

/** A boolean context value: true, false, or the strings "true" / "false" (what `--context` passes). */
function flag(stack: TerraformStack, key: string, fallback: boolean): boolean {
  const value: unknown = stack.node.tryGetContext(key);
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new HealthDataValidationError([
    `[${stack.node.path}] context ${key} ${JSON.stringify(value)} is invalid: true or false. Set it to ${fallback ? 'false to turn the file off' : 'true to write the file'}.`,
  ]);
}
