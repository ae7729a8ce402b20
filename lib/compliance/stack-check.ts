import { AZAPI_RESOURCE_TYPE, SERVICE_KINDS } from '../core/kinds';
import { Annotations } from '../core/platform/cdktf';
import type { TerraformStack } from '../core/platform/cdktf';
import { AppModel, SynthesizedResource } from './model/app-model';
import { ComplianceFinding, ComplianceReport, REPORT_FORMAT } from './report';
import { show } from './model/terraform-values';
import { ComplianceLevel, ComplianceResult, ComplianceRule, ComplianceRuleInfo, RuleOutcome, TYPE_LABELS, unknown } from './rule';
import { suppressionFor } from './suppressions';

/** How {@link checkStack} runs. */
export interface CheckOptions {
  /** Whether to add the findings to the constructs as annotations (what fails or warns in a synth). @default true */
  readonly annotate?: boolean;
  /** The app's synthesized model to read, e.g. one shared with what runs after the check. @default - a new one */
  readonly model?: AppModel;
}

/** Applies a rule pack to the Health Data Services resources of one stack: annotations, and the report's content. */
export function checkStack(stack: TerraformStack, rules: readonly ComplianceRule[], options: CheckOptions = {}): ComplianceReport {
  const model = options.model ?? new AppModel(stack.node.root);
  const types = new Set(rules.flatMap((rule) => rule.appliesTo));
  const targets = [...types]
    .flatMap((type) => model.resourcesOfLogicalType(type, stack))
    .sort((a, b) => compare(a.owner.node.path, b.owner.node.path) || compare(a.address, b.address));
  const findings: ComplianceFinding[] = [];
  for (const rule of rules) {
    for (const resource of targets.filter((target) => rule.appliesTo.includes(target.logicalType))) {
      const { outcome, error } = evaluate(rule, resource, model);
      // A suppression accepts a finding: it matters for non-compliant and undecidable results only.
      const suppression =
        outcome.result === ComplianceResult.NON_COMPLIANT || outcome.result === ComplianceResult.UNKNOWN
          ? suppressionFor(resource.element, rule.id)
          : undefined;
      findings.push({
        ruleId: rule.id,
        level: rule.level,
        resourceType: resource.type,
        resourceAddress: resource.address,
        constructPath: resource.owner.node.path,
        result: outcome.result,
        reason: `${label(resource)} ${outcome.reason}`,
        suppressed: suppression !== undefined,
        ...(suppression ? { suppressionReason: suppression.reason, suppressedAt: suppression.constructPath } : {}),
        ...(error !== undefined ? { error } : {}),
      });
      if (options.annotate ?? true) annotate(rule, resource, outcome, suppression !== undefined, error);
    }
  }
  return { format: REPORT_FORMAT, stack: stack.node.id, rules: rules.map(infoOf), findings, summary: summarize(findings) };
}

const RESULTS: readonly string[] = Object.values(ComplianceResult);

/**
 * A rule that throws, or returns something other than an outcome, is a fault of the rule that the user must see (a
 * warning), not a crash of the synth and not a silent "unknown".
 */
function evaluate(rule: ComplianceRule, resource: SynthesizedResource, model: AppModel): { outcome: RuleOutcome; error?: string } {
  let outcome: RuleOutcome;
  try {
    outcome = rule.evaluate(resource, model);
  } catch (thrown) {
    const error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : `threw ${show(thrown)}`;
    return { outcome: unknown(`could not be checked: rule ${rule.id} threw ${error}`), error };
  }
  if (typeof outcome !== 'object' || outcome === null || !RESULTS.includes(outcome.result) || typeof outcome.reason !== 'string') {
    const error = `returned ${show(outcome)} instead of { result: one of ${RESULTS.join(', ')}, reason: a string }`;
    return { outcome: unknown(`could not be checked: rule ${rule.id} ${error}`), error };
  }
  return { outcome };
}

function annotate(rule: ComplianceRule, resource: SynthesizedResource, outcome: RuleOutcome, suppressed: boolean, error: string | undefined): void {
  const owner = resource.owner;
  // A faulty rule is reported even where its findings are suppressed: the suppression accepts a risk, not a bug.
  if (error !== undefined) {
    Annotations.of(owner).addWarning(
      `[${rule.id}] ${label(resource)} could not be checked: the rule ${error.startsWith('returned') ? error : `threw ${error}`}. ` +
        'The rule is at fault, not the resource: fix the rule (or remove it from additionalRules).',
    );
    return;
  }
  if (suppressed) return;
  if (outcome.result === ComplianceResult.NON_COMPLIANT) {
    const references = [
      ...rule.azurePolicy.map((id) => `Azure Policy ${id}`),
      ...(rule.hipaa.length > 0 ? [`HIPAA ${rule.hipaa.join(', ')}`] : []),
    ].join('; ');
    const message =
      `[${rule.id}] ${label(resource)} ${outcome.reason}. Rule: ${rule.description.replace(/\.$/, '')}${references ? ` (${references})` : ''}. ` +
      `Fix: ${rule.fix} Or accept the risk with HealthDataCompliance.suppress(construct, '${rule.id}', '<reason>').`;
    if (rule.level === ComplianceLevel.ERROR) Annotations.of(owner).addError(message);
    else Annotations.of(owner).addWarning(message);
  } else if (outcome.result === ComplianceResult.UNKNOWN) {
    Annotations.of(owner).addInfo(`[${rule.id}] ${label(resource)} not checked at synth: ${outcome.reason}.`);
  }
}

function summarize(findings: readonly ComplianceFinding[]): ComplianceReport['summary'] {
  const count = (predicate: (finding: ComplianceFinding) => boolean): number => findings.filter(predicate).length;
  const failing = (level: ComplianceLevel) => (finding: ComplianceFinding) =>
    finding.result === ComplianceResult.NON_COMPLIANT && !finding.suppressed && finding.level === level;
  return {
    compliant: count((f) => f.result === ComplianceResult.COMPLIANT),
    nonCompliant: count((f) => f.result === ComplianceResult.NON_COMPLIANT),
    notApplicable: count((f) => f.result === ComplianceResult.NOT_APPLICABLE),
    unknown: count((f) => f.result === ComplianceResult.UNKNOWN),
    suppressed: count((f) => f.suppressed),
    errors: count(failing(ComplianceLevel.ERROR)),
    warnings: count(failing(ComplianceLevel.WARNING)),
  };
}

/** A rule's description without its check (what `HealthDataCompliance.rules` and the report list). */
export function infoOf(rule: ComplianceRule): ComplianceRuleInfo {
  return {
    id: rule.id,
    level: rule.level,
    description: rule.description,
    fix: rule.fix,
    appliesTo: withAzapiForms(rule.appliesTo),
    azurePolicy: [...rule.azurePolicy],
    hipaa: [...rule.hipaa],
  };
}

/** The rule's types, and `azapi_resource` where a kind it covers can be written through AzAPI. */
function withAzapiForms(types: readonly string[]): string[] {
  const azapi = SERVICE_KINDS.some((kind) => kind.azapiType !== undefined && types.includes(kind.terraformType));
  return azapi ? [...types, AZAPI_RESOURCE_TYPE] : [...types];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function label(resource: SynthesizedResource): string {
  return TYPE_LABELS[resource.logicalType] ?? resource.type;
}
