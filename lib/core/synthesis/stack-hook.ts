import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { AnnotationMetadataEntryType, Annotations, App, Aspects, TerraformResource, TerraformStack } from '../platform/cdktf';
import { resolveIn } from '../resolve';
import type { IStackSynthesizer, ISynthesisSession } from '../platform/cdktf';
import { addCustomSynthesis } from '../platform/custom-synthesis';
import { recordCreationSite } from './creation-site';
import { guardProcessExit, withdrawSynthesizedStacks } from './stale-output';

/**
 * Something that takes part in a stack's synthesis: it runs after the stack's aspects and validations and before
 * cdktf collects its annotations, so it sees the final configuration (escape-hatch overrides included), its error
 * annotations fail the synth, and it can write files next to the stack's `cdk.tf.json`.
 */
export interface IStackSynthesisParticipant {
  /** Called once per synthesis of the stack; `directory` is the stack's output folder. */
  synthesizeStack(stack: TerraformStack, directory: string): void;
}

const PARTICIPANT = Symbol.for('cdktf-azure-health-data-services.StackSynthesisParticipant');

/**
 * Marks an aspect as a participant, so that a stack's hook finds it among the aspects of the stack or of its
 * ancestors (cdktf 0.21 does not invoke an App's aspects on its stacks).
 */
export function markAsStackParticipant(participant: IStackSynthesisParticipant): void {
  Object.defineProperty(participant, PARTICIPANT, { value: true });
}

function isParticipant(candidate: unknown): candidate is IStackSynthesisParticipant {
  return typeof candidate === 'object' && candidate !== null && (candidate as { [PARTICIPANT]?: boolean })[PARTICIPANT] === true;
}

/** The id of the hook construct in each stack (it synthesizes to nothing). */
export const STACK_HOOK_ID = 'HealthDataServicesHook';

/**
 * The library's construct in each stack that holds its constructs: runs the participants during synthesis, and
 * guards the output so that a failed synth leaves no stack configuration a pipeline could deploy.
 */
export class StackHook extends Construct {
  /** The hook of the stack of `scope`, created on first use. */
  public static of(scope: IConstruct): StackHook {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(STACK_HOOK_ID);
    return existing instanceof StackHook ? existing : new StackHook(stack);
  }

  private readonly participants: IStackSynthesisParticipant[] = [];
  private readonly reporters: IStackSynthesisParticipant[] = [];
  private readonly protectedResources: Array<{ readonly resource: TerraformResource; readonly subject: string }> = [];

  private constructor(private readonly stack: TerraformStack) {
    super(stack, STACK_HOOK_ID);
    addCustomSynthesis(this, { onSynthesize: (session: ISynthesisSession) => this.runParticipants(session) });
    guardStackOutput(stack);
    guardProcessExit(stack);
  }

  /** Adds a participant that reports on what the others found (the diagram): it runs after all of them. */
  public addReporter(reporter: IStackSynthesisParticipant): void {
    if (!this.reporters.includes(reporter)) this.reporters.push(reporter);
  }

  /** Adds a participant for this stack (e.g. an aspect that visited a construct of the stack). */
  public addParticipant(participant: IStackSynthesisParticipant): void {
    if (!this.participants.includes(participant)) this.participants.push(participant);
  }

  /**
   * Requires `lifecycle.prevent_destroy = true` in the resource's final configuration (after every override and
   * lifecycle assignment): a resource kept under `RemovalPolicy.RETAIN` loses its protection only through
   * `RemovalPolicy.DESTROY`, never silently. `subject` names it in the message (e.g. "FhirService").
   */
  public protect(resource: TerraformResource, subject: string): void {
    this.protectedResources.push({ resource, subject });
  }

  private checkProtection(): void {
    for (const { resource, subject } of this.protectedResources) {
      const synthesized = resolveIn(this.stack, resource.toTerraform()) as {
        resource?: Record<string, Record<string, { lifecycle?: { prevent_destroy?: unknown } }>>;
      };
      const block = synthesized.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
      if (block?.lifecycle?.prevent_destroy === true) continue;
      const owner = resource.node.scope ?? resource;
      Annotations.of(owner).addError(
        `${subject} removalPolicy is RemovalPolicy.RETAIN, but its synthesized configuration has lifecycle.prevent_destroy = ${JSON.stringify(block?.lifecycle?.prevent_destroy ?? null)}: ` +
          'an override or a lifecycle assignment removed the protection of data Terraform could then destroy. Keep preventDestroy: true in the lifecycle ' +
          "(e.g. resource.lifecycle = { ...resource.lifecycle, ignoreChanges: ['tags'] }), or set removalPolicy: RemovalPolicy.DESTROY to let Terraform destroy it.",
      );
    }
  }

  private runParticipants(session: ISynthesisSession): void {
    this.checkProtection();
    const fromAspects = [...this.stack.node.scopes]
      .reverse()
      .flatMap((scope): unknown[] => Aspects.of(scope).all)
      .filter(isParticipant);
    const directory = path.join(session.outdir, session.manifest.forStack(this.stack).workingDirectory);
    for (const participant of new Set([...this.participants, ...fromAspects, ...this.reporters])) participant.synthesizeStack(this.stack, directory);
  }
}

/** Makes sure the stack of `scope` has the library's synthesis hook. */
export function ensureStackHook(scope: IConstruct): StackHook {
  // Where the user's code creates the library's constructs, for reports that point at source lines (SARIF).
  recordCreationSite(scope);
  return StackHook.of(scope);
}

const GUARDED = Symbol.for('cdktf-azure-health-data-services.guardedSynthesizer');
const FAILED = Symbol.for('cdktf-azure-health-data-services.failedSynth');

/**
 * Wraps a stack's synthesizer: when any stack of the app fails to synthesize (a validation, an error annotation, a
 * crash), every stack's configuration is removed from the output directory, including what later stacks write in
 * the CLI's continue-on-error mode. The first guarded stack to synthesize also guards the app's other stacks.
 */
function guardStackOutput(stack: TerraformStack): void {
  const inner = stack.synthesizer;
  if ((inner as { [GUARDED]?: boolean })[GUARDED]) return;
  const guarded: IStackSynthesizer = {
    synthesize(session: ISynthesisSession): void {
      const root = stack.node.root;
      root.node.findAll().filter(TerraformStack.isStack).forEach(guardStackOutput);
      try {
        inner.synthesize(session);
      } catch (error) {
        markFailed(root, session.outdir);
        throw error;
      }
      const annotations = session.manifest.forStack(stack).annotations ?? [];
      if (annotations.some((annotation) => annotation.level === AnnotationMetadataEntryType.ERROR) || hasFailed(root))
        markFailed(root, session.outdir);
    },
  };
  Object.defineProperty(guarded, GUARDED, { value: true });
  stack.synthesizer = guarded;
}

function markFailed(root: IConstruct, outdir: string): void {
  if (App.isApp(root) && !hasFailed(root)) Object.defineProperty(root, FAILED, { value: true });
  withdrawSynthesizedStacks(outdir);
}

function hasFailed(root: IConstruct): boolean {
  return (root as { [FAILED]?: boolean })[FAILED] === true;
}
