import { AZAPI_RESOURCE_TYPE, SERVICE_KINDS } from '../core/kinds';
import { Annotations } from '../core/platform/cdktf';
import type { TerraformStack } from '../core/platform/cdktf';
import { AppModel, SynthesizedResource } from './model/app-model';
import { ComplianceFinding, ComplianceReport, REPORT_FORMAT } from './report';
import { ComplianceLevel, ComplianceResult, ComplianceRule, ComplianceRuleInfo, RuleOutcome, TYPE_LABELS, unknown } from './rule';
import { suppressionFor } from './suppressions';

/** Applies a rule pack to the Health Data Services resources of one stack: annotations, and the report's content. */
export function checkStack(stack: TerraformStack, rules: readonly ComplianceRule[]): ComplianceReport {
  const model = new AppModel(stack.node.root);
  const types = new Set(rules.flatMap((rule) => rule.appliesTo));
  const targets = [...types].flatMap((type) => model.resourcesOfLogicalType(type, stack)).sort((a, b) => compare(a.owner.node.path, b.owner.node.path) || compare(a.address, b.address));
  const findings: ComplianceFinding[] = [];
  for (const rule of rules) {
    for (const resource of targets.filter((target) => rule.appliesTo.includes(target.logicalType))) {
      const outcome = evaluate(rule, resource, model);
      // A suppression accepts a finding: it matters for non-compliant and undecidable results only.
      const suppression = outcome.result === ComplianceResult.NON_COMPLIANT || outcome.result === ComplianceResult.UNKNOWN ? suppressionFor(resource.element, rule.id) : undefined;
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
      });
      annotate(rule, resource, outcome, suppression !== undefined);
    }
  }
  return { format: REPORT_FORMAT, stack: stack.node.id, rules: rules.map(infoOf), findings, summary: summarize(findings) };
}

/** A rule that throws is a finding the user must see, not a crash of the synth. */
function evaluate(rule: ComplianceRule, resource: SynthesizedResource, model: AppModel): RuleOutcome {
  try {
    return rule.evaluate(resource, model);
  } catch (error) {
    return unknown(`could not be checked: ${(error as Error).message}`);
  }
}

function annotate(rule: ComplianceRule, resource: SynthesizedResource, outcome: RuleOutcome, suppressed: boolean): void {
  if (suppressed) return;
  const owner = resource.owner;
  if (outcome.result === ComplianceResult.NON_COMPLIANT) {
    const references = [...rule.azurePolicy.map((id) => `Azure Policy ${id}`), ...(rule.hipaa.length > 0 ? [`HIPAA ${rule.hipaa.join(', ')}`] : [])].join('; ');
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
  const failing = (level: ComplianceLevel) => (finding: ComplianceFinding) => finding.result === ComplianceResult.NON_COMPLIANT && !finding.suppressed && finding.level === level;
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
