import type { IConstruct } from 'constructs';
import type { Trace } from '../core/synthesis/creation-site';

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

/** The construct metadata type that records a suppression (metadata, so the construct itself carries it). */
const SUPPRESSION_METADATA = 'cdktf-azure-health-data-services:compliance-suppression';

/** Records a suppression on a construct (a later one for the same rule replaces it). Checked by the caller. */
export function addSuppression(construct: IConstruct, ruleId: string, reason: string, trace?: Trace): void {
  construct.node.addMetadata(SUPPRESSION_METADATA, { ruleId, reason, ...(trace ? { trace } : {}) });
}

/** The suppression of a rule that covers a construct: its own, or the nearest ancestor's. */
export function suppressionFor(construct: IConstruct, ruleId: string): ComplianceSuppression | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const entry = scope.node.metadata
      .filter((metadata) => metadata.type === SUPPRESSION_METADATA && (metadata.data as ComplianceSuppression).ruleId === ruleId)
      .pop();
    if (entry) return { ...(entry.data as { ruleId: string; reason: string }), constructPath: scope.node.path };
  }
  return undefined;
}
