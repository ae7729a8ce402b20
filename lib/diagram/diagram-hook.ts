import { ISynthesisSession, TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import type * as Writer from './write-diagram';

/** The id of the hook construct in each stack (it synthesizes to nothing). */
export const DIAGRAM_HOOK_ID = 'HealthDataDiagramHook';

/**
 * Makes sure the stack of `scope` writes its diagram during synthesis. The drawing code is loaded then, not before:
 * an app that turns the diagram off never loads it. Called after the compliance hook is added, so that the diagram
 * of a checked stack shows the results of that synthesis (cdktf runs custom synthesis in construct order).
 */
export function ensureDiagramHook(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(DIAGRAM_HOOK_ID)) return;
  const hook = new Construct(stack, DIAGRAM_HOOK_ID);
  addCustomSynthesis(hook, {
    onSynthesize: (session: ISynthesisSession) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const writer = require('./write-diagram') as typeof Writer;
      writer.writeDiagram(stack, session);
    },
  });
}
