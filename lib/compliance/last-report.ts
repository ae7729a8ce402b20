import type { TerraformStack } from '../core/platform/cdktf';
import type { AppModel } from './model/app-model';
import type { ComplianceReport } from './report';

/** A check's report and the synthesized model it read. */
export interface CheckedStack {
  readonly report: ComplianceReport;
  readonly model: AppModel;
}

const lastChecks = new WeakMap<TerraformStack, CheckedStack>();

/** Keeps the report (and model) of the check that just ran on a stack, for what is drawn after it in the same synthesis. */
export function recordReport(stack: TerraformStack, report: ComplianceReport, model: AppModel): void {
  lastChecks.set(stack, { report, model });
}

/** The last check of this stack in this process, if the check ran on it. */
export function lastCheckOf(stack: TerraformStack): CheckedStack | undefined {
  return lastChecks.get(stack);
}
