import type { IConstruct } from 'constructs';
import { StackHook } from '../core/synthesis/stack-hook';
import type * as Writer from './write-diagram';

/**
 * Makes sure the stack of `scope` writes its diagram during synthesis, after the other participants (so that a checked
 * stack shows that synthesis's compliance results). The drawing code is loaded then, not before: an app that turns
 * the diagram off never loads it.
 */
export function ensureDiagramHook(scope: IConstruct): void {
  StackHook.of(scope).addReporter(DIAGRAM);
}

const DIAGRAM = {
  synthesizeStack: (stack: Parameters<typeof Writer.writeDiagram>[0], directory: string): void => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./write-diagram') as typeof Writer).writeDiagram(stack, directory);
  },
};
