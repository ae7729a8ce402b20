import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Evaluates a synthesized Terraform expression (`${...}`, e.g. a precondition's condition) with `terraform console`,
 * after replacing references such as `var.kind` by literal HCL values. Needs no provider: the functions are
 * Terraform's own.
 */
export function evaluateExpression(expression: string, values: Record<string, string>): string {
  let hcl = expression.startsWith('${') && expression.endsWith('}') ? expression.slice(2, -1) : expression;
  for (const [reference, value] of Object.entries(values)) hcl = hcl.split(reference).join(value);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-console-'));
  try {
    return execFileSync('terraform', ['console'], {
      cwd: dir,
      input: `${hcl}\n`,
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
      stdio: ['pipe', 'pipe', 'pipe'],
    }).trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
