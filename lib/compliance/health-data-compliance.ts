import type { IConstruct } from 'constructs';
import { App, TerraformStack } from '../core/platform/cdktf';
import type { IAspect } from '../core/platform/cdktf';
import { IStackSynthesisParticipant, markAsStackParticipant, StackHook } from '../core/synthesis/stack-hook';
import { fail, HealthDataValidationError } from '../core/validation';
import type * as Engine from './engine';
import type { ComplianceReport } from './report';
import { capture } from '../core/synthesis/creation-site';
import { checkAdditionalRules, knownRuleIds } from './custom-rules';
import { recordReport } from './last-report';
import type { ComplianceRule, ComplianceRuleInfo } from './rule';
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
  /**
   * Rules of your own, checked after the pack's (same report, annotations and suppressions). A rule is an object or
   * a class instance with `id`, `level`, `description`, `fix`, `appliesTo` (Terraform types, any provider's),
   * `azurePolicy`, `hipaa` and a method `evaluate(resource, model)` returning `{ result, reason }` (see
   * `RuleOutcomes`). A rule that throws, or returns no valid outcome, is reported as a warning on the resource and as
   * `unknown` with the error in the report.
   * @default - none: the pack only
   */
  readonly additionalRules?: ComplianceRule[];
  /**
   * The folder that source locations in `health-data-compliance.sarif` are relative to (the repository root, so that
   * GitHub code scanning finds the files).
   * @default - `GITHUB_WORKSPACE` when set, else the nearest folder above the working directory that holds `.git`, else the working directory
   */
  readonly sourceRoot?: string;
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
    const ids = knownRuleIds(engine().HEALTH_DATA_RULE_PACK.map((rule) => rule.id));
    if (!ids.includes(ruleId)) {
      const near = ids.find((id) => id.toLowerCase() === String(ruleId).trim().toLowerCase());
      const fix = near
        ? `Use "${near}".`
        : 'For a rule of your own, construct new HealthDataCompliance({ additionalRules }) with it before calling suppress.';
      fail(construct, `HealthDataCompliance.suppress rule id ${JSON.stringify(ruleId)} is invalid: one of ${ids.join(', ')}. ${fix}`);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      fail(
        construct,
        `HealthDataCompliance.suppress reason ${JSON.stringify(reason)} for ${ruleId} is invalid: at least ${MIN_REASON_LENGTH} characters saying why the risk is accepted. ` +
          'Write it for the auditor who reads the report, e.g. "Microsoft-managed keys approved by security review SR-142".',
      );
    }
    addSuppression(construct, ruleId, reason.trim(), capture(HealthDataCompliance.suppress));
  }

  private readonly writeReports: boolean;
  private readonly reports = new Map<string, ComplianceReport>();
  private readonly additionalRules: ComplianceRule[];
  private readonly sourceRoot?: string;

  constructor(props: HealthDataComplianceProps = {}) {
    if (typeof props !== 'object' || props === null || Array.isArray(props)) {
      throw new HealthDataValidationError([
        `[HealthDataCompliance] props ${JSON.stringify(props)} is invalid: an object { reports?, additionalRules?, sourceRoot? }.`,
      ]);
    }
    if (props.sourceRoot !== undefined && (typeof props.sourceRoot !== 'string' || props.sourceRoot.trim() === '')) {
      throw new HealthDataValidationError([
        `[HealthDataCompliance] sourceRoot ${JSON.stringify(props.sourceRoot)} is invalid: a folder path (the repository root). Omit it to use the git root.`,
      ]);
    }
    this.writeReports = props.reports ?? true;
    this.sourceRoot = props.sourceRoot;
    this.additionalRules =
      props.additionalRules === undefined
        ? []
        : checkAdditionalRules(
            props.additionalRules,
            engine().HEALTH_DATA_RULE_PACK.map((rule) => rule.id),
          );
    markAsStackParticipant(this);
  }

  /**
   * Applies the rules (the pack and `additionalRules`) to one stack as it is now and returns its report, without
   * annotations or files: what the `testing` matchers use. Run the stack's aspects first (`Testing.synth(stack)`).
   */
  public check(stack: TerraformStack): ComplianceReport {
    if (!TerraformStack.isStack(stack)) {
      throw new HealthDataValidationError([`[HealthDataCompliance] check(stack) ${String(stack)} is invalid: a TerraformStack.`]);
    }
    return engine().checkStack(stack, this.rules(), { annotate: false });
  }

  private rules(): ComplianceRule[] {
    return [...engine().HEALTH_DATA_RULE_PACK, ...this.additionalRules];
  }

  /** The report of a stack checked in the last synthesis (by stack id). */
  public reportFor(stackId: string): ComplianceReport | undefined {
    return this.reports.get(stackId);
  }

  /** Makes sure the visited construct's stack runs the check during synthesis (or every stack, for an App). */
  public visit(node: IConstruct): void {
    if (App.isApp(node)) {
      node.node
        .findAll()
        .filter((child): child is TerraformStack => TerraformStack.isStack(child))
        .forEach((stack) => StackHook.of(stack).addParticipant(this));
      return;
    }
    StackHook.of(node).addParticipant(this);
  }

  /** Checks one stack and writes its report into the stack's output `directory`; the library calls it during synthesis. */
  public synthesizeStack(stack: TerraformStack, directory: string): void {
    const { AppModel, checkStack, writeReport, writeSarif } = engine();
    const model = new AppModel(stack.node.root);
    const report = checkStack(stack, this.rules(), { model });
    this.reports.set(stack.node.id, report);
    recordReport(stack, report, model);
    if (this.writeReports) {
      writeReport(directory, report);
      writeSarif(directory, report, stack, { sourceRoot: this.sourceRoot });
    }
  }
}
