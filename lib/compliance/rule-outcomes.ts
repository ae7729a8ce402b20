import { compliant, nonCompliant, notApplicable, RuleOutcome, unknown } from './rule';

/** Builds what a rule's `evaluate` returns: one result and why, naming the values the rule looked at. */
export class RuleOutcomes {
  /** The resource complies. @param reason why, e.g. `identity.type is "SystemAssigned"` */
  public static compliant(reason: string): RuleOutcome {
    return compliant(reason);
  }

  /** The resource does not comply: an error-level rule fails the synth, a warning-level one prints. */
  public static nonCompliant(reason: string): RuleOutcome {
    return nonCompliant(reason);
  }

  /** The rule's subject is absent on the resource, or cannot be set. */
  public static notApplicable(reason: string): RuleOutcome {
    return notApplicable(reason);
  }

  /** A value the rule needs is a token: only Terraform knows it. */
  public static unknown(reason: string): RuleOutcome {
    return unknown(reason);
  }

  private constructor() {}
}
