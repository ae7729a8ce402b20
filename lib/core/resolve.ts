import type { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, Tokenization } from './platform/cdktf';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Resolves tokens the way cdktf does when it writes a stack (`${...}` Terraform expressions for references), without
 * the "preparing" side effects (no cross-stack outputs are created).
 */
export function resolveIn<T>(scope: IConstruct, value: T): unknown {
  return Tokenization.resolve(value, { scope, resolver: RESOLVER, preparing: false });
}
