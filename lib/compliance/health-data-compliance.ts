import type { IConstruct } from 'constructs';
import { App, TerraformStack } from '../core/platform/cdktf';
import type { IAspect } from '../core/platform/cdktf';
import { IStackSynthesisParticipant, markAsStackParticipant, StackHook } from '../core/synthesis/stack-hook';
import { fail } from '../core/validation';
import type * as Engine from './engine';
import type { ComplianceReport } from './report';
import type { ComplianceRuleInfo } from './rule';
import { addSuppression, MIN_REASON_LENGTH } from './suppressions';

let loadedEngine: typeof Engine | undefined;

/** The rule pack and its runner, loaded on first use: an app that never applies the check does not load them. */
function engine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loadedEngine ??= require('./engine') as typeof Engine);
}

/** Properties of a {@link HealthDataCompliance} check. */
export interface HealthDataComplianceProps {
  /**
   * Whether to write the report of each stack, `health-data-compliance.json` and `.csv`, next to its `cdk.tf.json`.
   * @default true
   */
  readonly reports?: boolean;
}

/**
 * The compliance check of Health Data Services resources, modelled on cdk-nag: apply it with
 * `Aspects.of(appOrStack).add(new HealthDataCompliance())`.
 *
 * During synthesis it checks the synthesized configuration of every workspace, FHIR, DICOM and MedTech resource of
 * each stack (raw `addOverride` changes included) against the rule pack (`HealthDataCompliance.rules`). A
 * non-compliant resource of an error-level rule fails the synth; a warning-level one is printed; a value only
 * Terraform knows is reported as unknown (an info). Each stack gets a report listing every rule, resource, result and
 * suppression. Accept a finding with `HealthDataCompliance.suppress(construct, ruleId, reason)`.
 *
 * Added to the App, the check covers the stacks that hold constructs of this library; added to a stack, all of that
 * stack (also raw provider resources). It runs in cdktf's synthesis (`app.synth()`, `cdktf synth`,
 * `Testing.fullSynth`), not in `Testing.synth`, which skips that step.
 */
export class HealthDataCompliance implements IAspect, IStackSynthesisParticipant {
  /** The rule pack: id, level, what it checks, how to fix it, the Azure Policy definitions and HIPAA controls. */
  public static get rules(): ComplianceRuleInfo[] {
    const { HEALTH_DATA_RULE_PACK, infoOf } = engine();
    return HEALTH_DATA_RULE_PACK.map(infoOf);
  }

  /**
   * Accepts a rule's findings for a construct and everything under it (e.g. a service, a workspace, or a whole stack).
   * The finding stays in the report, marked suppressed with the reason; it no longer fails or warns.
   *
   * @param construct where the suppression applies
   * @param ruleId a rule id of `HealthDataCompliance.rules`, e.g. "AHDS-CUSTOMER-MANAGED-KEY"
   * @param reason why the risk is accepted: at least 10 characters
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    const ids = engine().HEALTH_DATA_RULE_PACK.map((rule) => rule.id);
    if (!ids.includes(ruleId)) {
      const near = ids.find((id) => id.toLowerCase() === String(ruleId).trim().toLowerCase());
      fail(construct, `HealthDataCompliance.suppress rule id ${JSON.stringify(ruleId)} is invalid: one of ${ids.join(', ')}.${near ? ` Use "${near}".` : ''}`);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      fail(
        construct,
        `HealthDataCompliance.suppress reason ${JSON.stringify(reason)} for ${ruleId} is invalid: at least ${MIN_REASON_LENGTH} characters saying why the risk is accepted. ` +
          'Write it for the auditor who reads the report, e.g. "Microsoft-managed keys approved by security review SR-142".',
      );
    }
    addSuppression(construct, ruleId, reason.trim());
  }

  private readonly writeReports: boolean;
  private readonly reports = new Map<string, ComplianceReport>();

  constructor(props: HealthDataComplianceProps = {}) {
    this.writeReports = props.reports ?? true;
    markAsStackParticipant(this);
  }

  /** The report of a stack checked in the last synthesis (by stack id). */
  public reportFor(stackId: string): ComplianceReport | undefined {
    return this.reports.get(stackId);
  }

  /** Makes sure the visited construct's stack runs the check during synthesis (or every stack, for an App). */
  public visit(node: IConstruct): void {
    if (App.isApp(node)) {
      node.node.findAll().filter((child): child is TerraformStack => TerraformStack.isStack(child)).forEach((stack) => StackHook.of(stack).addParticipant(this));
      return;
    }
    StackHook.of(node).addParticipant(this);
  }

  /** Checks one stack and writes its report into the stack's output `directory`; the library calls it during synthesis. */
  public synthesizeStack(stack: TerraformStack, directory: string): void {
    const { checkStack, HEALTH_DATA_RULE_PACK, writeReport } = engine();
    const report = checkStack(stack, HEALTH_DATA_RULE_PACK);
    this.reports.set(stack.node.id, report);
    if (this.writeReports) writeReport(directory, report);
  }
}
