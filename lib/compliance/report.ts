import * as fs from 'fs';
import * as path from 'path';
import type { ComplianceLevel, ComplianceResult, ComplianceRuleInfo } from './rule';

/** One rule applied to one resource. */
export interface ComplianceFinding {
  readonly ruleId: string;
  readonly level: ComplianceLevel;
  /** The Terraform type of the resource. */
  readonly resourceType: string;
  /** The resource's address in the stack (`type.name`), as in `terraform plan`. */
  readonly resourceAddress: string;
  /** The construct users know the resource by. */
  readonly constructPath: string;
  readonly result: ComplianceResult;
  /** Why, naming the value found. */
  readonly reason: string;
  /** Whether a suppression accepts the finding (non-compliant or unknown results only); it then neither fails nor warns. */
  readonly suppressed: boolean;
  /** The suppression's reason, when suppressed. */
  readonly suppressionReason?: string;
  /** The construct the suppression was made on, when suppressed. */
  readonly suppressedAt?: string;
  /** What went wrong in the rule itself (it threw, or returned no valid outcome); the result is then unknown. */
  readonly error?: string;
}

/** Counts per result, and the findings that fail or warn. */
export interface ComplianceSummary {
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly notApplicable: number;
  readonly unknown: number;
  readonly suppressed: number;
  /** Non-compliant, unsuppressed findings of error-level rules: these fail the synth. */
  readonly errors: number;
  /** Non-compliant, unsuppressed findings of warning-level rules. */
  readonly warnings: number;
}

/** The compliance report of one stack, written next to its cdk.tf.json. */
export interface ComplianceReport {
  /** The report format's name and version. */
  readonly format: string;
  readonly stack: string;
  readonly rules: readonly ComplianceRuleInfo[];
  readonly findings: readonly ComplianceFinding[];
  readonly summary: ComplianceSummary;
}

/** The report's file name, without extension. */
export const REPORT_FILE = 'health-data-compliance';
export const REPORT_FORMAT = 'health-data-compliance/1';

const CSV_COLUMNS: ReadonlyArray<[string, (finding: ComplianceFinding) => string]> = [
  ['Rule ID', (f) => f.ruleId],
  ['Level', (f) => f.level],
  ['Resource', (f) => f.resourceAddress],
  ['Construct Path', (f) => f.constructPath],
  ['Result', (f) => f.result],
  ['Suppressed', (f) => (f.suppressed ? 'yes' : 'no')],
  ['Suppression Reason', (f) => f.suppressionReason ?? ''],
  ['Reason', (f) => f.reason],
];

/** The report as CSV (RFC 4180 quoting), one line per finding. */
export function reportToCsv(report: ComplianceReport): string {
  const line = (cells: string[]): string => cells.map(quote).join(',');
  return (
    [line(CSV_COLUMNS.map(([name]) => name)), ...report.findings.map((finding) => line(CSV_COLUMNS.map(([, cell]) => cell(finding))))].join('\n') +
    '\n'
  );
}

/** Writes `health-data-compliance.json` and `.csv` into a stack's output directory. */
export function writeReport(directory: string, report: ComplianceReport): void {
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, `${REPORT_FILE}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(directory, `${REPORT_FILE}.csv`), reportToCsv(report));
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
