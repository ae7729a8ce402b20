import type { TerraformStack } from 'cdktf';
import type { ComplianceReport } from './report';

const lastReports = new WeakMap<TerraformStack, ComplianceReport>();

/** Keeps the report of the check that just ran on a stack, for what is drawn or written after it in the same synthesis. */
export function recordReport(stack: TerraformStack, report: ComplianceReport): void {
  lastReports.set(stack, report);
}

/** The report of the last check of this stack in this process, if the check ran on it. */
export function lastReportOf(stack: TerraformStack): ComplianceReport | undefined {
  return lastReports.get(stack);
}
