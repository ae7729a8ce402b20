import { IConstruct } from 'constructs';
import type { Trace } from './creation-site';

/** A rule accepted for a construct and everything under it, with the reason (shown in the report). */
export interface ComplianceSuppression {
  readonly ruleId: string;
  readonly reason: string;
  /** The path of the construct the suppression was made on. */
  readonly constructPath: string;
  /** The call stack of the `suppress` call, for the suppression's source location. */
  readonly trace?: Trace;
}

/** The minimum length of a suppression's reason (as cdk-nag): a reason, not a shrug. */
export const MIN_REASON_LENGTH = 10;

const suppressions = new WeakMap<IConstruct, Map<string, ComplianceSuppression>>();

/** Records a suppression on a construct (a later one for the same rule replaces it). Checked by the caller. */
export function addSuppression(construct: IConstruct, ruleId: string, reason: string, trace?: Trace): void {
  let rules = suppressions.get(construct);
  if (!rules) {
    rules = new Map();
    suppressions.set(construct, rules);
  }
  rules.set(ruleId, { ruleId, reason, constructPath: construct.node.path, ...(trace ? { trace } : {}) });
}

/** The suppression of a rule that covers a construct: its own, or the nearest ancestor's. */
export function suppressionFor(construct: IConstruct, ruleId: string): ComplianceSuppression | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const found = suppressions.get(scope)?.get(ruleId);
    if (found) return found;
  }
  return undefined;
}
