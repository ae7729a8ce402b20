import { Aspects, TerraformStack, Testing } from '../core/platform/cdktf';
import { HealthDataCompliance } from '../compliance/health-data-compliance';
import type { ComplianceFinding } from '../compliance/report';
import { ComplianceLevel, ComplianceResult } from '../compliance/rule';
import { HealthDataValidationError } from '../core/validation';
import type { MatcherContext, MatcherResult } from './matcher-result';

/** How `toPassHealthDataCompliance` judges a stack. */
export interface HealthDataComplianceMatcherOptions {
  /**
   * Whether findings of warning-level rules (and rules that failed to run) are allowed.
   * @default true
   */
  readonly allowWarnings?: boolean;
  /**
   * The check to run, e.g. one with `additionalRules`.
   * @default - the stack's own `HealthDataCompliance` aspect (on it or an ancestor), else `new HealthDataCompliance()`
   */
  readonly check?: HealthDataCompliance;
}

/**
 * `expect(stack).toPassHealthDataCompliance()`: runs the stack's aspects through cdktf's `Testing.synth` (validations
 * included, so invalid input fails as it would at synth), then the compliance check, without annotations or files.
 */
export function toPassHealthDataCompliance(
  this: MatcherContext | void,
  received: unknown,
  options: HealthDataComplianceMatcherOptions = {},
): MatcherResult {
  if (!TerraformStack.isStack(received)) {
    throw new HealthDataValidationError([
      `[toPassHealthDataCompliance] received ${describe(received)} is invalid: a TerraformStack. Use expect(stack).toPassHealthDataCompliance().`,
    ]);
  }
  if (typeof options !== 'object' || options === null) {
    throw new HealthDataValidationError([
      `[toPassHealthDataCompliance] options ${describe(options)} is invalid: an object { allowWarnings?, check? }.`,
    ]);
  }
  if (options.check !== undefined && !(options.check instanceof HealthDataCompliance)) {
    throw new HealthDataValidationError([
      `[toPassHealthDataCompliance] options.check ${describe(options.check)} is invalid: a HealthDataCompliance.`,
    ]);
  }
  const stack = received;
  Testing.synth(stack, true);
  const check = options.check ?? ownCheck(stack) ?? new HealthDataCompliance();
  const report = check.check(stack);
  const allowWarnings = options.allowWarnings ?? true;
  const failing = report.findings.filter(
    (finding) =>
      (finding.result === ComplianceResult.NON_COMPLIANT && !finding.suppressed && (finding.level === ComplianceLevel.ERROR || !allowWarnings)) ||
      (finding.error !== undefined && !allowWarnings),
  );
  const pass = failing.length === 0;
  const counted = `${report.findings.length} findings: ${report.summary.compliant} compliant, ${report.summary.nonCompliant} non-compliant (${report.summary.suppressed} suppressed), ${report.summary.notApplicable} not applicable, ${report.summary.unknown} unknown`;
  return {
    pass,
    message: () =>
      pass
        ? `expected stack ${stack.node.path} not to pass the compliance check${allowWarnings ? '' : ' with no warnings'}, but it passes (${counted}).`
        : `expected stack ${stack.node.path} to pass the compliance check${allowWarnings ? '' : ' with no warnings'}, but ${failing.length} finding${failing.length === 1 ? '' : 's'} fail${failing.length === 1 ? 's' : ''} it:\n` +
          failing.map(line).join('\n'),
  };
}

function line(finding: ComplianceFinding): string {
  return `  [${finding.ruleId}] (${finding.level}) ${finding.constructPath}: ${finding.reason}`;
}

/** The stack's own check: a `HealthDataCompliance` among the aspects of the stack or its ancestors. */
function ownCheck(stack: TerraformStack): HealthDataCompliance | undefined {
  return [...stack.node.scopes]
    .reverse()
    .flatMap((scope) => Aspects.of(scope).all)
    .find((aspect): aspect is HealthDataCompliance => aspect instanceof HealthDataCompliance);
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return (value as { constructor?: { name?: string } }).constructor?.name ?? 'an object';
  return JSON.stringify(value) ?? String(value);
}
