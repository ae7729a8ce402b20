import * as path from 'path';
import { Aspects, ISynthesisSession, TerraformStack } from 'cdktf';
// cdktf's custom-synthesis hook: what `TerraformAsset` uses to write files next to a stack during synthesis.
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { ensureDiagramHook } from '../diagram/diagram-hook';
import { recordCreationSite } from './creation-site';

/** What the per-stack hook calls: the compliance aspect, found among the stack's (or its ancestors') aspects. */
export interface StackChecker {
  /** Checks one stack and writes its report into `directory`. @internal */
  _checkStack(stack: TerraformStack, directory: string): void;
}

/** The id of the hook construct in each stack (it synthesizes to nothing). */
export const HOOK_ID = 'HealthDataComplianceHook';

const CHECKER = Symbol.for('cdktf-azure-health-data-services.HealthDataCompliance');
const visitedBy = new WeakMap<TerraformStack, StackChecker>();

/** Marks an object as a compliance checker that the hook looks for among aspects. */
export function markAsChecker(checker: StackChecker): void {
  Object.defineProperty(checker, CHECKER, { value: true });
}

function isChecker(candidate: unknown): candidate is StackChecker {
  return typeof candidate === 'object' && candidate !== null && (candidate as { [CHECKER]?: boolean })[CHECKER] === true;
}

/** Records that cdktf invoked a checker on a node of this stack (an aspect added to the stack or below it). */
export function noteVisit(stack: TerraformStack, checker: StackChecker): void {
  if (!visitedBy.has(stack)) visitedBy.set(stack, checker);
  ensureSynthesisHook(stack);
}

/**
 * Makes sure the stack of `scope` runs the compliance check during synthesis. cdktf runs custom synthesis after the
 * stack's aspects and validations and before it collects annotations, so the check sees the final configuration
 * (other aspects' changes and escape-hatch overrides included), its error annotations fail the synth, and the report
 * lands next to `cdk.tf.json`. The library's constructs call this, so that an aspect added to the App — which cdktf
 * 0.21 does not invoke on stacks — still checks every stack that holds them.
 */
export function ensureSynthesisHook(scope: IConstruct): void {
  recordCreationSite(scope);
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(HOOK_ID)) return;
  const hook = new Construct(stack, HOOK_ID);
  addCustomSynthesis(hook, { onSynthesize: (session: ISynthesisSession) => runCheck(stack, session) });
  ensureDiagramHook(stack);
}

function runCheck(stack: TerraformStack, session: ISynthesisSession): void {
  const checker = visitedBy.get(stack) ?? [...stack.node.scopes].reverse().flatMap((scope): unknown[] => Aspects.of(scope).all).find(isChecker);
  if (!checker) return;
  checker._checkStack(stack, path.join(session.outdir, session.manifest.forStack(stack).workingDirectory));
}
